"""Extract every numeric claim of one article: numbers with units, qualifiers and intervals,
with offsets into the ORIGINAL text."""

from __future__ import annotations

import datetime as dt
import math
import re
from decimal import Decimal

from factrecon.units import conversion, is_currency

from .document import Document
from .frame.assemble import add_context
from .lexicon import load_lexicon
from .model import Claim
from .numbers.bare import BareContext, counts_one, local_currency, market_currency, read_bare
from .numbers.changes import link_changes
from .numbers.conversions import link_conversions
from .numbers.exclusions import ExclusionIndex, excluded_spans
from .numbers.head_counts import counts_people
from .numbers.qualifiers import QualifierWord, qualifier_after, qualifier_before
from .numbers.quantities import Quantity, find_quantities, opens_change
from .numbers.tallies import counted_by_neighbour
from .numbers.unit_context import per_share_unit, shares_symbol, symbol_currency
from .numbers.units_attach import convertible, suffix_at
from .textmap import NormalizedText

_GLUED_LETTER = re.compile(r"[A-Za-z]")
_LETTERS_GLUED = re.compile(r"[A-Z]{2,3}")  # a Latin currency code written right before the digits
_SHORT_INTEGER = re.compile(r"[0-9]{1,2}")
_GROUPED = re.compile(r"[1-9][0-9]{0,2}(?:,[0-9]{3})+")  # 97,171
_LATIN_TAIL = re.compile(r"[A-Za-z]*$")
_INDEFINITE_ONE = "一"
CONTEXT_BEFORE = 150  # characters before a sentence still read for market words (A股, 港股)
MAGNITUDE_WIDTH = Decimal("0.5")  # 万亿参数: "on the order of", half a magnitude either way


def _number(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


def _finite(*numbers: Decimal | None) -> bool:
    """Whether every number fits a float (1e999% does not: it is no claim)."""
    return all(number is None or math.isfinite(float(number)) for number in numbers)


def _interval(quantity: Quantity, word: QualifierWord | None) -> tuple[str, Decimal | None, Decimal | None]:
    """Qualifier name and ``[lower, upper]`` from the quantity and the word beside it."""
    value = quantity.value
    if quantity.is_range or quantity.numeral.vague == "range" or value is None:
        return "range", quantity.lower, quantity.upper
    if quantity.numeral.vague == "lower":
        return "lower", quantity.lower, quantity.upper
    kind = word.kind if word else "approx" if quantity.magnitude else "exact"
    if kind == "approx":
        spread = abs(value) * (word.width if word else MAGNITUDE_WIDTH)
        return kind, value - spread, value + spread
    if kind == "approaching":
        if value == 0:  # 接近0%: approached from above, within one step of the digits
            return kind, value, quantity.precision
        spread = abs(value) * word.width if word else Decimal(0)
        return (kind, value - spread, value) if value > 0 else (kind, value, value + spread)
    if kind == "lower":
        return kind, value, None
    if kind == "upper":
        return kind, None, value
    return "exact", value, value


def _latin_tail(text: str, start: int, end: int) -> str:
    """The Latin letters ending ``text[start:end]`` (4.6bn -> "bn"), possibly none."""
    found = _LATIN_TAIL.search(text, start, end)
    return found.group() if found else ""


class _Article:
    """One article being read: its document and what earlier claims established."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.source = doc.source
        self.norm: NormalizedText = doc.norm
        self.lang = doc.lang
        self.exclusions = ExclusionIndex(excluded_spans(self.norm.text))
        self.last_currency: str | None = None
        self.local_currency = local_currency(self.norm.text, self.lang)
        self.markets: dict[tuple[int, int], str | None] = {}  # sentence -> market_currency of its context
        # the last claim: (paragraph start, unit, whether 从/由/from opened it)
        self.previous: tuple[int, str, bool] | None = None

    def glued_to_name(self, quantity: Quantity) -> bool:
        """Digits inside a name: H200, GPT-4, 910C, 5G, 4th."""
        text = self.norm.text
        before = text[quantity.start - 1:quantity.start] if quantity.start else ""
        if before == "-" and quantity.start >= 2:
            before = text[quantity.start - 2]
        after = text[quantity.end:quantity.end + 1]
        if _GLUED_LETTER.match(before) or (_GLUED_LETTER.match(after) and not quantity.unit_written):
            return True
        numeral = quantity.numeral
        if _LETTERS_GLUED.fullmatch(text, quantity.start, numeral.start) and numeral.scale == 1 \
                and _SHORT_INTEGER.fullmatch(text, numeral.start, numeral.end):
            return True  # RM3, EUR5: a code glued to a short integer names a model, not an amount
        return self.capitalised_mid_sentence(quantity.numeral.start)

    def capitalised_mid_sentence(self, start: int) -> bool:
        """An English number word capitalised inside a sentence names something: "the Big Three"."""
        text = self.norm.text
        if not text[start:start + 1].isupper() or not _GLUED_LETTER.match(text[start]):
            return False
        end = start  # the text before it, without trailing spaces (no copy of the whole text per figure)
        while end and text[end - 1].isspace():
            end -= 1
        return end > 0 and text[end - 1] not in ".!?\"'“”‘’:;\n(" and not text.endswith("...", 0, end)

    def reading(self, quantity: Quantity) -> tuple[str, str | None] | None:
        """The unit of ``quantity`` and a note, or None when it is not a claim."""
        text = self.norm.text
        if quantity.unit is not None:
            unit, note = quantity.unit, None
            if quantity.generic_currency:  # 元 alone: the currency of the market, or the local one
                currency = self.market(quantity) or self.local_currency
                unit = unit.replace(quantity.generic_currency, currency, 1)
                note = None if currency == quantity.generic_currency else f"元 read as {currency} from context"
            if shares_symbol(text[quantity.start]):  # ¥: yen or yuan by its sentence
                left, right = self.doc.sentence(quantity.start, quantity.end)
                unit = symbol_currency(unit, text[quantity.start], text[left:right])
            before = text[max(0, quantity.start - 40):quantity.start]
            return per_share_unit(unit, before, quantity.numeral.scale, text[quantity.end:quantity.end + 20]), note
        beyond = qualifier_after(text, quantity.end)
        unit_beyond = suffix_at(text, beyond.end) if beyond else None
        expression = unit_beyond.expression if unit_beyond else ""
        if expression and not expression.startswith("/") and convertible(expression):  # not 5以上tokens
            return conversion(expression).unit, None  # 175B以上参数: the unit after 以上
        context = self.bare_context(quantity)
        bare = read_bare(context)
        if bare is None and quantity.numeral.scale == 1 and \
                counted_by_neighbour(text, quantity.start, quantity.end, context.clause):
            return "count", "unit not written: a count beside another (a tally, a part of a whole)"
        if bare is None and quantity.numeral.scale == 1 and self.lang == "en" and \
                counts_people(text, quantity.start, quantity.end):
            return "count", "unit not written: people counted by the state word or verb beside it"
        return (bare.unit, bare.note) if bare else None

    def market(self, quantity: Quantity) -> str | None:
        """The currency of the market named in the sentence of ``quantity`` or just before it (read
        once per sentence: a long one holds thousands of figures)."""
        sentence = self.doc.sentence(quantity.start, quantity.end)
        if sentence not in self.markets:
            left, right = sentence
            self.markets[sentence] = market_currency(self.norm.text[max(0, left - CONTEXT_BEFORE):right])
        return self.markets[sentence]

    def bare_context(self, quantity: Quantity) -> BareContext:
        text = self.norm.text
        paragraph_start, _ = self.doc.paragraph(quantity.start)
        previous = self.previous if self.previous and self.previous[0] == paragraph_start else None
        clause_left, clause_right = self.doc.clause(quantity.start, quantity.end)
        numeral = quantity.numeral
        return BareContext(
            lang=self.lang, clause=text[clause_left:clause_right], market_currency=self.market(quantity),
            text_before=text[max(paragraph_start, quantity.start - 6):quantity.start],
            scale=numeral.scale, latin_scale=_latin_tail(text, numeral.start, numeral.end),
            is_zero=numeral.value == 0, is_digit_count=numeral.vague == "range" and numeral.value is None,
            previous_unit=previous[1] if previous else None,
            previous_opened_change=previous[2] if previous else False,
            earlier_currency=self.last_currency, local_currency=self.local_currency,
            grouped=_GROUPED.fullmatch(text, numeral.start, numeral.end) is not None,
            last_char=text[numeral.end - 1:numeral.end],
        )

    def claim(self, quantity: Quantity) -> Claim | None:
        text = self.norm.text
        if self.exclusions.reason(quantity.start, quantity.end) or self.glued_to_name(quantity):
            return None
        if text[quantity.numeral.start:quantity.numeral.end] == _INDEFINITE_ONE and quantity.unit == "count" \
                and not counts_one(text, quantity.start, quantity.numeral.end, quantity.end):
            return None
        reading = self.reading(quantity)
        if reading is None:
            return None
        unit, note = reading
        word = qualifier_after(text, quantity.end) or qualifier_before(text, quantity.start)
        qualifier, lower, upper = _interval(quantity, word)
        if not _finite(quantity.value, lower, upper, quantity.precision):
            return None
        start, end = self.norm.span(quantity.start, quantity.end)
        quote_left, quote_right = self.doc.quote(quantity.start, quantity.end)
        original = self.norm.original
        return Claim(
            id=f"{self.source}:{start}", source=self.source, start=start, end=end,
            text=original[start:end], quote=original[quote_left:quote_right],
            value=None if qualifier == "range" else _number(quantity.value),
            lower=_number(lower), upper=_number(upper), precision=_number(quantity.precision),
            unit=unit, qualifier=qualifier, lang=self.lang, notes=note,  # type: ignore[arg-type]
        )

    def remember(self, quantity: Quantity, claim: Claim) -> None:
        paragraph_start, _ = self.doc.paragraph(quantity.start)
        self.previous = (paragraph_start, claim.unit, opens_change(self.norm.text, quantity.start))
        if quantity.unit is not None and is_currency(claim.unit):
            self.last_currency = claim.unit


def extract(text: str, source: str = "<text>", *, article_date: dt.date | None = None,
            vocab: tuple[str, ...] = (), date_hint: dt.date | None = None) -> list[Claim]:
    """Every numeric claim in ``text`` (one article), ordered by position, with its context.

    ``article_date`` resolves relative times (今年, 12月5日); without it, a date the article
    states for itself (front matter, a date line at the top) is used. ``vocab`` names folders
    of TOML files layered on the packaged vocabulary (see ``factrecon.claims.lexicon``).
    ``date_hint`` (for an article with no date of its own, the date of the story its fellow
    articles tell) gives its bare dates a year, marked "(implied)"."""
    return extract_document(Document(text, source, article_date, date_hint), vocab)


def extract_document(doc: Document, vocab: tuple[str, ...] = ()) -> list[Claim]:
    """The claims of an article already read into ``doc`` (see ``extract``); ``doc`` keeps the
    mentions found, for the timeline to reuse."""
    article = _Article(doc)
    located = []
    for quantity in find_quantities(article.norm.text):
        claim = article.claim(quantity)
        if claim is not None:
            located.append((claim, quantity.start, quantity.end))
            article.remember(quantity, claim)
    located = link_conversions(article.norm.text, link_changes(article.norm.text, located))
    return add_context(doc, located, load_lexicon(vocab))
