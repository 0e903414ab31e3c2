"""Who or what a figure is about: ``entity``, ``relative_to`` and ``also_applies_to``.

Rules, in order (words: claims/data/comparisons.toml and references.toml):
1. A comparative figure (times, percent, a lead or lag) names its base: "H200的性能是H20的6倍"
   (base H20), "比H20高3倍", "性能仅为H200 7.5%的H20" (subject H20, base H200), "6 times the H20".
2. "与H100相同的989 TFLOPS": H100 shares the figure (``also_applies_to``), the subject is another.
3. The subject is the nearest entity before the figure in its clause, else a reference that opens
   the sentence (这家公司, it), else the nearest in the sentence, else the subject of the figure
   before it in the paragraph, else the topic of the sentences before.
References resolve to the nearest fitting entity before them: 它/其 to the sentence's or else the
previous sentence's subject, 该法案 to the latest law, 这个数字 to the previous figure's subject.
Persons and places are chosen only when nothing else is named.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..clauses import clause_bounds, paragraph_bounds, sentence_bounds
from ..vocab import alternation, load
from .entities import Mention, in_speech, inside_quotes
from .speakers import Roles, roles

SUBSTANTIVE = frozenset({"company", "product", "organisation", "government", "group", "law", "index", "market",
                         "event"})
FIRST_TIER = frozenset({"company", "product", "organisation", "law", "index", "event"})
SECOND_TIER = frozenset({"group", "market"})
THIRD_TIER = frozenset({"government"})
BACKGROUND = frozenset({"person", "place"})
COMPARATIVE_UNITS = frozenset({"times", "percent"})
DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "quarter", "year"})
BASE_GAP = 10  # characters between a comparison's base and its figure ("H20芯片的")
SUBJECT_REACH = 400  # characters around a figure searched for its subject in a run-on sentence
HEAD_GAP = 14  # characters between a figure and the 的 that makes the next mention its head
PROSE_LINE = 12  # letters or Han characters that make a line prose rather than furniture
_BREAK = re.compile(r"[,，。;；!！?？\n]")
_PROSE_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z]")  # a Han character or a Latin letter
_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")
_DIGIT = re.compile(r"[0-9]")
# a parenthetical, or a sibling figure in a list ("2.79倍和"), between a base and its figure
_ASIDE = re.compile(r"[(（][^)）]*[)）]|[0-9.]+\s*(?:倍|%|times|x)\s*(?:和|、|与|及|and|,)\s*")
# between an owner and its figure: "的…" ("H100的80GB") or a short noun and 的 ("寒武纪总订单的50%")
_POSSESSIVE = re.compile(r"(?:的[^,，。;；!！?？\n]{0,7}|[\u4e00-\u9fff]{1,4}的|['’]s\s*)$")
_TIME_WORDS = re.compile(r"[0-9]{2,4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?|(?:今|去|明)年|[0-9]{1,2}月(?:[0-9]{1,2}日)?")


MAIN_SUBJECT_MENTIONS = 2  # times an article must name something for it to be its main subject


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect_left(spans, (end, end)) - 1
    return index >= 0 and spans[index][1] > start


@dataclass(frozen=True, slots=True)
class Subject:
    entity: str | None
    relative_to: str | None = None
    also_applies_to: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class _Words:
    copulas: tuple[str, ...]
    than: tuple[str, ...]
    of_words: re.Pattern[str]
    lag: tuple[str, ...]
    shared_with: tuple[str, ...]
    shared_same: tuple[str, ...]
    versus_with: tuple[str, ...]
    versus_same: tuple[str, ...]
    object_before: tuple[str, ...]
    object_clause_before: tuple[str, ...]
    object_after: tuple[str, ...]


def _head_noun(text: str, start: int, kind: str) -> int | None:
    """Where the noun of kind ``kind`` that closes a reference ends ("这家…的GPU公司" -> after 公司)."""
    clause_end = _BREAK.search(text, start)
    stop = clause_end.start() if clause_end else len(text)
    nouns = load("references")["nouns"].get(kind, [])
    best = None
    for noun in nouns:
        found = text.find(noun, start, stop)
        if found >= 0 and (best is None or found + len(noun) < best):
            best = found + len(noun)
    return best


def _head_kind(text: str, start: int) -> str | None:
    """The kind named by the first reference noun after ``start`` in its clause (这项…法案 -> law)."""
    best: tuple[int, str] | None = None
    for kind in load("references")["nouns"]:
        end = _head_noun(text, start, kind)
        if end is not None and (best is None or end < best[0]):
            best = (end, kind)
    return best[1] if best else None


@cache
def _words() -> _Words:
    data = load("comparisons")
    return _Words(
        copulas=tuple(data["copulas"]), than=tuple(w.lower() for w in data["than"]),
        of_words=re.compile(rf"\s*(?:(?:{alternation(data['of_words'])})\s+)*$", re.IGNORECASE),
        lag=tuple(w.lower() for w in data["lag_words"]),
        shared_with=tuple(data["shared"]["with"]), shared_same=tuple(data["shared"]["same"]),
        versus_with=tuple(data["versus"]["with"]), versus_same=tuple(data["versus"]["same"]),
        object_before=tuple(w.lower() for w in data["object"]["before"]),
        object_clause_before=tuple(w.lower() for w in data["object"]["clause_before"]),
        object_after=tuple(data["object"]["after"]),
    )


class SubjectResolver:
    """Resolves the subjects of one article's figures, in order of position."""

    def __init__(self, text: str, mentions: list[Mention], figures: list[tuple[int, int]]) -> None:
        self.text = text
        spans = sorted(figures)
        self.mentions = [m for m in mentions if not _overlaps(spans, m.start, m.end)]  # "USD39.12" names no one
        mentions = self.mentions
        self.roles: Roles = roles(text)
        self._main: tuple[str | None] | None = None
        self.figure_ends = frozenset(end for _, end in figures) | frozenset(end + 1 for _, end in figures)
        self.starts = [m.start for m in mentions]
        self.resolved: dict[int, str | None] = {}
        self._eligible: dict[int, bool] = {}  # mention index -> eligible(index), read once
        self._limits: dict[int, int] = {}  # paragraph start -> _look_back_limit of its positions
        # the last figure: (paragraph start, its entity, its unit)
        self.previous: tuple[int, str | None, str] | None = None

    # -- references -------------------------------------------------------------------------
    def name_of(self, index: int) -> str | None:
        """The entity mention ``index`` stands for (resolving 它, 该公司, 这个数字)."""
        if index not in self.resolved:
            mention = self.mentions[index]
            self.resolved[index] = mention.name if not mention.points_back else self._refer(index)
        return self.resolved[index]

    def _refer(self, index: int) -> str | None:
        mention = self.mentions[index]
        if mention.kind == "figure":
            return self.previous[1] if self.previous else None
        sentence_start, _ = sentence_bounds(self.text, mention.start, mention.end)
        wants = mention.wants or _head_kind(self.text, mention.end)
        for earlier in range(index - 1, -1, -1):
            other = self.mentions[earlier]
            if other.points_back or other.kind in BACKGROUND:
                continue
            if mention.kind == "reference":
                if other.kind == wants or (wants == "company" and other.kind == "organisation"):
                    return self.name_of(earlier)
                continue
            if in_speech(self.text, other) or not self.eligible(earlier):
                continue
            if other.start >= sentence_start:
                return self.name_of(earlier)
            break
        return self.topic_before(sentence_start) if mention.kind == "pronoun" else None

    def topic_before(self, position: int) -> str | None:
        """The subject of the last clause that names something, in the sentences before ``position``
        (the paragraph's, then the paragraph before)."""
        limit = self._look_back_limit(position)
        index = bisect_left(self.starts, position) - 1
        while index >= 0 and self.mentions[index].start >= limit:
            mention = self.mentions[index]
            if mention.kind in SUBSTANTIVE and mention.kind != "market" or mention.points_back:
                clause_left, _ = clause_bounds(self.text, mention.start, mention.end)
                in_clause = list(range(bisect_left(self.starts, clause_left), index + 1))
                if name := self._clause_subject(in_clause, self._topic_candidate):
                    return name
            index -= 1
        return None

    def _topic_candidate(self, index: int, kinds: frozenset[str]) -> bool:
        other = self.mentions[index]
        return (other.kind in SUBSTANTIVE or other.points_back) and not in_speech(self.text, other) \
            and self.eligible(index)

    def _look_back_limit(self, position: int) -> int:
        """The start of the paragraph before ``position``'s, skipping lines with no prose
        (an image, a section letter), so a topic carries over page furniture (read once per
        paragraph)."""
        paragraph = paragraph_bounds(self.text, position)[0]
        if paragraph not in self._limits:
            limit = paragraph
            prose_paragraphs = 0
            while limit > 0 and prose_paragraphs < 1:
                limit = paragraph_bounds(self.text, limit - 1)[0]
                line = self.text[limit:paragraph_bounds(self.text, limit)[1]]
                if len(_PROSE_CHAR.findall(line)) >= PROSE_LINE:
                    prose_paragraphs += 1
            self._limits[paragraph] = limit
        return self._limits[paragraph]

    # -- figures ----------------------------------------------------------------------------
    def _between(self, left: int, right: int) -> list[int]:
        return list(range(bisect_left(self.starts, left), bisect_left(self.starts, right)))

    def resolve(self, start: int, end: int, unit: str) -> Subject:
        text = self.text
        clause_left, clause_right = clause_bounds(text, start, end)
        sentence_left, _ = sentence_bounds(text, start, end)
        in_clause = self._between(max(clause_left, start - SUBJECT_REACH), start)
        base, subject_after = self._comparison(start, end, unit, clause_left, clause_right, in_clause)
        if subject_after is None:  # a head after the figure starts within HEAD_GAP, before any break
            reach = min(len(text), end + HEAD_GAP + 1)
            stop = _BREAK.search(text, end, reach)
            subject_after = self._head_after(end, stop.start() if stop else reach, unit)
        shared = self._shared(start, in_clause)
        skip = {i for i in (base, *shared) if i is not None}
        if base is not None:  # every mention of the base and of its maker ("英伟达…H20芯片的2.3倍")
            named = {self.mentions[base].name, self.mentions[base].parent} - {None, ""}
            skip |= {i for i, m in enumerate(self.mentions) if m.name in named}
        entity = self.name_of(subject_after) if subject_after is not None else None
        speaker = self._speaker(start, sentence_left) if base is None and entity is None else None
        if speaker is not None:
            entity = speaker
        if entity is None:
            entity = self._subject(start, unit, clause_left, sentence_left, in_clause, skip)
        relative_to = self.name_of(base) if base is not None else None
        also = tuple(name for i in shared if (name := self.name_of(i)) and name != entity)
        paragraph_start, _ = paragraph_bounds(text, start)
        self.previous = (paragraph_start, entity, unit)
        return Subject(entity, relative_to if relative_to != entity else None, also)

    def eligible(self, index: int) -> bool:
        """Whether mention ``index`` can be a subject at all. Not: an object ("在H100基础上",
        "基于Hopper架构", "based on the H100"), a figure's sharer ("与H100相同的"), or what a
        figure counts ("16896个CUDA核心"). Read once per mention: many figures ask of the same one."""
        if index not in self._eligible:
            self._eligible[index] = self._eligible_now(index)
        return self._eligible[index]

    def _eligible_now(self, index: int) -> bool:
        mention, words = self.mentions[index], _words()
        ahead = _BREAK.split(self.text[max(0, mention.start - 12):mention.start])[-1].lower()
        behind = self.text[mention.end:mention.end + 8]
        if mention.start in self.figure_ends and self.text[mention.start - 1:mention.start] in (" ", "") \
                or mention.start in self.figure_ends and not _BREAK.match(self.text[mention.start - 1]):
            if _HAN_CHAR.match(behind[:1]):
                return False
        if ahead.rstrip().endswith(words.object_before) or behind.startswith(words.object_after):
            return False
        if self.roles.is_venue(self.text, mention.start) or self.roles.is_listed(self.text, mention.start) \
                or self.roles.is_aside(self.text, mention.start):
            return False
        if any(w in ahead for w in words.object_clause_before):
            return False
        return not (any(w in ahead[-4:] for w in words.shared_with) and any(w in behind for w in words.shared_same))

    def _possessor(self, start: int, in_clause: list[int], skip: set[int]) -> int | None:
        """"H100的80GB", "H200的显存为141GB", "寒武纪总订单的50%": the owner written right before
        the figure."""
        for index in reversed(in_clause):
            mention = self.mentions[index]
            if index in skip or mention.kind in BACKGROUND or mention.kind == "market" or not self.eligible(index):
                continue  # "占据全球动力电池市场份额的27%": a market is where a share is counted
            gap = self.text[mention.end:start]
            if _POSSESSIVE.match(gap):
                return index
            return None
        return None

    def _opener(self, sentence_left: int, clause_left: int) -> tuple[int | None, int]:
        """A reference that opens the sentence (它, 其, 这家…公司, it), and where its noun
        phrase ends: mentions before that end only describe it ("这家由辉达前高管创立的GPU公司")."""
        index = bisect_left(self.starts, sentence_left)
        if index >= bisect_left(self.starts, clause_left + 1):
            return None, sentence_left
        first = self.mentions[index]
        if not first.points_back or len(_BREAK.findall(self.text, sentence_left, first.start)) > 1:
            return None, sentence_left
        scope_end = first.end
        if first.kind == "reference":
            head = _head_noun(self.text, first.end, first.wants or _head_kind(self.text, first.end) or "")
            scope_end = head if head is not None else first.end
        return index, scope_end

    def _subject(self, start: int, unit: str, clause_left: int, sentence_left: int, in_clause: list[int],
                 skip: set[int]) -> str | None:
        quoted = inside_quotes(self.text, start)
        opener, opener_scope = self._opener(sentence_left, clause_left)

        def usable(index: int, kinds: frozenset[str]) -> bool:
            mention = self.mentions[index]
            return (index not in skip and (mention.kind in kinds or (mention.points_back and kinds is FIRST_TIER))
                    and (quoted or not in_speech(self.text, mention))
                    and not (opener is not None and index != opener and mention.start < opener_scope)
                    and self.eligible(index))

        def nearest(indices: list[int], kinds: frozenset[str]) -> str | None:
            for index in reversed(indices):
                if usable(index, kinds) and (name := self.name_of(index)):
                    return name
            return None

        possessor = self._possessor(start, in_clause, skip)
        if possessor is not None and (name := self.name_of(possessor)):
            return name
        if name := self._clause_subject(in_clause, usable) or nearest(in_clause, SECOND_TIER):
            return name
        paragraph_start, _ = paragraph_bounds(self.text, start)
        previous = self.previous if self.previous and self.previous[0] == paragraph_start else None
        in_sentence = self._between(max(sentence_left, start - SUBJECT_REACH), clause_left)
        opening = next((i for i in reversed(in_sentence) if usable(i, FIRST_TIER) and self._opens_clause(i)
                        and not self.mentions[i].points_back), None)
        if opening is not None and (name := self.name_of(opening)):
            return name  # "摩尔线程2024年营收中, 42%来自…": the named subject of an earlier clause
        if previous and previous[2] == unit and previous[1]:
            return previous[1]  # the same quantity continues: "…降至个位数。…个位数也早已变成了0"
        closest = next((i for i in reversed(in_sentence) if usable(i, FIRST_TIER) and self.name_of(i)), None)
        if closest is not None:
            return self.name_of(closest)
        if opener is not None and (name := self.name_of(opener)):
            return name
        if not in_sentence and not in_clause and (name := self._fronted(start)):
            return name  # "Priced at $30, Acme Corp. shares rose…": the subject follows
        if name := nearest(in_sentence, SECOND_TIER) or nearest(in_clause, THIRD_TIER) or \
                nearest(in_sentence, THIRD_TIER):
            return name
        if previous and previous[1]:
            return previous[1]
        if topic := self.topic_before(sentence_left):
            return topic
        for index in reversed(in_sentence + in_clause):  # a person or place, even as an object
            if self.mentions[index].kind in BACKGROUND and index not in skip:
                return self.name_of(index)
        return self.main_subject()

    def main_subject(self) -> str | None:
        """What the article is about: the company, product or organisation it names most often as
        the subject of a clause (the first named wins a tie), for a figure with no subject in
        sight ("■ 客运收入增长12.5%")."""
        if self._main is None:
            counts: dict[str, int] = {}
            for index, mention in enumerate(self.mentions):
                if mention.kind in FIRST_TIER and mention.name and not in_speech(self.text, mention) \
                        and self._opens_clause(index) and self.eligible(index):
                    counts[mention.name] = counts.get(mention.name, 0) + 1
            best = max(counts.items(), key=lambda item: item[1], default=None)
            self._main = (best[0] if best and best[1] >= MAIN_SUBJECT_MENTIONS else None,)
        return self._main[0]

    def _fronted(self, start: int) -> str | None:
        """The subject of the clause after a figure that opens its sentence."""
        _, sentence_right = sentence_bounds(self.text, start, start)
        for index in self._between(start, sentence_right):
            mention = self.mentions[index]
            if mention.kind in FIRST_TIER and self._opens_clause(index) and self.eligible(index):
                return self.name_of(index)
        return None

    def _speaker(self, start: int, sentence_left: int) -> str | None:
        """A person who argues for the figure: "财长王立新主张削减开支300亿元", "Jane Doe called for
        a $40 billion cut" (the last person before a stance verb that precedes the figure in its sentence)."""
        verb = self.roles.stance_before(self.text, sentence_left, start)
        if verb is None:
            return None
        for index in reversed(self._between(max(sentence_left, verb - self.roles.stance_gap), verb)):
            mention = self.mentions[index]
            if mention.kind == "person" and mention.name:
                return mention.name
        return None

    def _clause_subject(self, in_clause: list[int], usable: Callable[[int, frozenset[str]], bool]) -> str | None:
        """The first thing the clause names (its subject: "腾讯目前持有蔚来约4.3%的股份"), or a
        product of that maker named after it ("特斯拉上海工厂交付Model 3共2.1万辆")."""
        candidates = [i for i in in_clause if usable(i, FIRST_TIER) and self.name_of(i)]
        if not candidates:
            return None
        first = self.name_of(candidates[0])
        for index in candidates[1:]:
            if self.mentions[index].kind == "product" and self.mentions[index].parent == first:
                return self.name_of(index)
        return first

    def _opens_clause(self, index: int) -> bool:
        """Whether mention ``index`` is the first thing its clause names (its likely subject)."""
        mention = self.mentions[index]
        clause_left, _ = clause_bounds(self.text, mention.start, mention.end)
        lead = _TIME_WORDS.sub("", self.text[clause_left:mention.start]).strip()
        return len(lead) <= 2

    def _head_after(self, end: int, clause_right: int, unit: str) -> int | None:
        """What the figure describes when written after it: "需要处理万亿参数的大模型",
        "10万片H200" (a count followed by the things counted)."""
        after = self._between(end, clause_right)
        if not after:
            return None
        index = after[0]
        mention = self.mentions[index]
        if mention.kind in BACKGROUND or mention.points_back:
            return None
        gap = self.text[end:mention.start]
        if gap.endswith("的") and len(gap) <= HEAD_GAP:
            return index
        follows = self.text[mention.end:mention.end + 1]
        if unit == "count" and len(gap) <= 1 and (mention.kind == "group" or (
                mention.kind == "product" and not _PROSE_CHAR.match(follows))):
            return index
        return None

    def _comparison(self, start: int, end: int, unit: str, clause_left: int, clause_right: int,
                    in_clause: list[int]) -> tuple[int | None, int | None]:
        """(index of the base mention, index of a subject written after the figure)."""
        text, words = self.text, _words()
        if unit in DURATIONS:
            return self._versus(start, clause_left, words), None
        if unit not in COMPARATIVE_UNITS:
            return None, None
        after = self._between(end, min(clause_right, end + SUBJECT_REACH))
        if after:  # "7.5%的H20": the subject follows the figure; "6 times the H20": the base does
            first = self.mentions[after[0]]
            gap = text[end:first.start]
            if gap.strip() in ("的", "") and unit == "percent" and in_clause:
                return in_clause[-1], after[0]
            if words.of_words.fullmatch(gap) or gap.strip().lower() in ("of", "the", "that of", "of the"):
                return after[0], None
        for index in reversed(in_clause):
            mention = self.mentions[index]
            gap = text[mention.end:start]
            if len(gap) > 16 or _BREAK.search(gap):
                break
            if mention.kind in BACKGROUND or mention.kind == "market" or mention.points_back:
                continue
            before = text[max(clause_left, mention.start - 6):mention.start].lower()
            lead = text[clause_left:mention.start]
            if before.endswith(words.than):
                return index, None  # 比H20高3倍
            core = _ASIDE.sub("", gap)  # "H200(1.98 PFLOPS)的161.6倍", "H200同场景性能的2.79倍和3.6倍"
            if len(core) <= BASE_GAP and not _DIGIT.search(core) and any(c in lead for c in words.copulas) \
                    and ("的" in core or (not core.strip() and unit == "percent")):
                return index, None  # 是H20的6倍, 是英伟达中国特供版H20芯片的2.3倍, 仅为H200 7.5%
        return None, None

    def _versus(self, start: int, clause_left: int, words: _Words) -> int | None:
        """The base of a lead or lag: "与布莱克威尔相比, 性能落后18个月"."""
        sentence_left, _ = sentence_bounds(self.text, start, start)
        before_figure = self.text[max(sentence_left, start - 8):start].lower()
        if not any(word in before_figure for word in words.lag):
            return None
        for index in self._between(max(sentence_left, start - SUBJECT_REACH), start):
            mention = self.mentions[index]
            ahead = self.text[max(sentence_left, mention.start - 14):mention.start].lower()
            behind = self.text[mention.end:mention.end + 16]
            ahead = _BREAK.split(ahead)[-1]
            if any(w in ahead for w in words.versus_with) and any(w in behind for w in words.versus_same):
                return index
            if any(ahead.rstrip().endswith(w) for w in words.lag):
                return index
        return None

    def _shared(self, start: int, in_clause: list[int]) -> tuple[int, ...]:
        """Mentions that share the figure: "与旗舰H100相同的989 TFLOPS"."""
        words, shared = _words(), []
        for index in in_clause:
            mention = self.mentions[index]
            ahead = self.text[max(0, mention.start - 6):mention.start]
            behind = self.text[mention.end:start]
            if any(w in ahead for w in words.shared_with) and any(w in behind for w in words.shared_same):
                shared.append(index)
        return tuple(shared)
