"""Han-script names that no entity file lists, found by their form:

- before a company word, dropped ("星河动力公司" -> 星河动力) or kept ("海鸥航空", "青岚证券"), unless
  what stands before the word only qualifies the common noun ("商业银行", "廉价航空");
- in quotes or 《》, when the word after the quote names what it is (“星河”品牌, 「海鸥」系列) or the
  name ends in a company word; a title in 《》 is a work (a game, a film), a law, or a newspaper
  or report, which is a source and never a subject;
- opening a sentence before a verb of announcing ("海鸥航空周二公布…", "青岚宣布…").

Words: claims/data/names.toml ``[company]``, ``[quoted]`` and ``[opener]``; each form is one
regex pass over the normalised (simplified) text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from ..vocab import alternation, load
from .mentions import Mention

_HAN = r"\u4e00-\u9fff"
_DATE = r"[0-9]{1,4}年(?:[0-9]{1,2}月)?(?:[0-9]{1,2}日)?|[0-9]{1,2}月(?:[0-9]{1,2}日)?"
_CITED = ("据", "根据", "依据")
_HAN_RUN_END = re.compile(rf"[{_HAN}]+$")
_SENTENCE_ENDS = ("。", "！", "？", "!", "?", "\n")
_OPENER_REACH = 24  # characters from a sentence start to its verb of announcing


@dataclass(frozen=True, slots=True)
class _Forms:
    company: re.Pattern[str]
    longest: int
    kept: re.Pattern[str]
    kept_kinds: dict[str, str]
    generic_before: tuple[str, ...]
    longest_before: int
    not_in_name: re.Pattern[str]
    not_leading: tuple[str, ...]
    time_leads: tuple[str, ...]
    not_names: frozenset[str]
    quoted: re.Pattern[str]
    after_quote: dict[str, str]
    before_quote: tuple[tuple[str, str], ...]
    law_endings: tuple[str, ...]
    source_endings: tuple[str, ...]
    source_after: tuple[str, ...]
    opener_verbs: re.Pattern[str]
    opener: re.Pattern[str]
    opener_not_names: frozenset[str]
    opener_not_endings: tuple[str, ...]
    organisation_endings: tuple[str, ...]


@cache
def _forms() -> _Forms:
    data = load("names")
    company, kept, quoted, opener = data["company"], data["company"]["kept"], data["quoted"], data["opener"]
    after = quoted["after_quote"]
    leads = rf"(?:{alternation(opener['time_leads'])}|{_DATE})"
    return _Forms(
        company=re.compile(alternation(company["suffixes"])),
        longest=int(company["longest"]),
        kept=re.compile(alternation(list(kept["words"]))),
        kept_kinds=dict(kept["words"]),
        generic_before=tuple(kept["generic_before"]),
        longest_before=int(kept["longest_before"]),
        not_in_name=re.compile(f"[{re.escape(company['not_in_name'])}]"),
        not_leading=tuple(sorted(company["not_leading"], key=len, reverse=True)),
        time_leads=tuple(sorted(opener["time_leads"], key=len, reverse=True)),
        not_names=frozenset(company["not_names"]),
        quoted=re.compile(rf"([“「『《])([^“”「」『』《》,，。;；、!！?？\n]{{1,{int(quoted['longest'])}}})([”」』》])"
                          rf"({alternation(list(after))})?"),
        after_quote=dict(after),
        before_quote=tuple(sorted(quoted["before_quote"].items(), key=lambda item: len(item[0]), reverse=True)),
        law_endings=tuple(quoted["law_endings"]),
        source_endings=tuple(quoted["source_endings"]),
        source_after=tuple(quoted["source_after"]),
        opener_verbs=re.compile(alternation(opener["verbs"])),
        opener=re.compile(rf"[ \t]*(?:{leads}[,，]?)?([{_HAN}]{{2,{int(opener['longest'])}}}?)(?:{leads})?"),
        opener_not_names=frozenset(opener["not_names"]),
        opener_not_endings=tuple(opener["not_endings"]),
        organisation_endings=tuple(opener["organisation_endings"]),
    )


def han_names(text: str, known: list[Mention]) -> list[Mention]:
    """Names by form in normalised ``text`` that overlap none of ``known`` (sorted by start)."""
    forms = _forms()
    starts = [m.start for m in known]

    def free(start: int, end: int) -> bool:
        index = bisect_left(starts, end) - 1
        return index < 0 or known[index].end <= start

    ends = frozenset(m.end for m in known)
    found = _suffixed(text, forms, free) + _kept(text, forms, free, ends) + _quoted(text, forms, free)
    named = [(m.start, m.end) for m in found]

    def unnamed(start: int, end: int) -> bool:  # an opener holds no name of another form ("X公司公布")
        return free(start, end) and not any(left < end and start < right for left, right in named)

    return found + _openers(text, forms, unnamed)


def _trimmed(name: str, start: int, forms: _Forms) -> tuple[str, int]:
    """``name`` (starting at ``start``) after its last non-name character, a time word (今年) and
    a leading word (该)."""
    cut = list(forms.not_in_name.finditer(name))
    if cut:
        name, start = name[cut[-1].end():], start + cut[-1].end()
    lead_time = next((lead for lead in forms.time_leads if name.startswith(lead)), "")
    name, start = name[len(lead_time):], start + len(lead_time)
    for lead in forms.not_leading:
        if name.startswith(lead):
            return name[len(lead):], start + len(lead)
    return name, start


def _suffixed(text: str, forms: _Forms, free: Callable[[int, int], bool]) -> list[Mention]:
    """"星河动力公司" -> 星河动力; "当时公司…" -> the company of the sentences before. The suffixes
    are found first, then the Han run before each."""
    found = []
    for match in forms.company.finditer(text):
        run = _HAN_RUN_END.search(text, max(0, match.start() - forms.longest), match.start())
        if run is None or run.end() - run.start() < 2:
            continue
        name, start = _trimmed(run.group(), run.start(), forms)
        word = next((word for word in forms.kept_kinds if name.endswith(word)), "")
        if name in forms.generic_before or (word and len(name) - len(word) < 2):
            continue  # "商业公司", "各大航空公司": a common noun, no name and no reference
        if name in forms.not_names:
            name, start = "", start + len(name)
        if len(name) >= 2 and free(start, start + len(name)):
            found.append(Mention(start, start + len(name), name, "company", known=False))
        elif not name and free(start, match.end()):
            found.append(Mention(start, match.end(), "", "reference", wants="company"))
    return found


def _kept(text: str, forms: _Forms, free: Callable[[int, int], bool], known_ends: frozenset[int]) -> list[Mention]:
    """"海鸥航空", "青岚证券": a name with its company word; not "商业银行" or "廉价航空", nor a known
    name's body ("美联储公开市场委员会"). The words are found first, then the Han run before each."""
    found = []
    for match in forms.kept.finditer(text):
        run = _HAN_RUN_END.search(text, max(0, match.start() - forms.longest_before - 2), match.start())
        if run is None or run.end() - run.start() < 2:
            continue
        before, start = _trimmed(run.group(), run.start(), forms)
        if not 2 <= len(before) <= forms.longest_before or before in forms.not_names \
                or before.endswith(forms.generic_before) or before.startswith(forms.generic_before):
            continue
        if free(start, match.end()) and start not in known_ends:
            found.append(Mention(start, match.end(), before + match.group(), forms.kept_kinds[match.group()],
                                 known=False))
    return found


def _quoted(text: str, forms: _Forms, free: Callable[[int, int], bool]) -> list[Mention]:
    """“星河”品牌, 「海鸥」系列, 《星海征途》, 台风“卡努”; not a quoted slogan, nor a newspaper or report."""
    found = []
    for match in forms.quoted.finditer(text):
        opening, name, after = match.group(1), match.group(2).strip(), match.group(4)
        if opening == "《":
            if name.endswith(forms.source_endings) or text.startswith(forms.source_after, match.end()) \
                    or text[max(0, match.start() - 2):match.start()].endswith(_CITED):
                continue  # a newspaper or report: "据《…》", "《路透》报道"
            kind = "law" if name.endswith(forms.law_endings) else "product"
        elif after:
            kind = forms.after_quote[after]
        elif before := next((kind for word, kind in forms.before_quote if text.endswith(word, 0, match.start())), None):
            kind = before
        elif name.endswith(tuple(forms.kept_kinds)):
            kind = forms.kept_kinds[next(word for word in forms.kept_kinds if name.endswith(word))]
        else:
            continue
        start = match.start(2)
        if len(name) >= 2 and free(start, match.end(2)):
            found.append(Mention(start, match.end(2), name, kind, known=False))
    return found


def _openers(text: str, forms: _Forms, free: Callable[[int, int], bool]) -> list[Mention]:
    """"海鸥航空周二公布…": the name that opens a sentence before a verb of announcing. The verbs
    are found first, then the sentence start before each."""
    found = []
    for verb in forms.opener_verbs.finditer(text):
        left = max(0, verb.start() - _OPENER_REACH)
        mark = max(text.rfind(end, left, verb.start()) for end in _SENTENCE_ENDS)
        if mark < 0 and left > 0:
            continue  # no sentence starts within reach
        match = forms.opener.fullmatch(text, mark + 1, verb.start())
        if match is None:
            continue
        name, start = match.group(1), match.start(1)
        if name in forms.opener_not_names or name in forms.time_leads or name.endswith(forms.opener_not_endings) \
                or forms.not_in_name.search(name) or name.startswith(forms.not_leading):
            continue
        if free(start, match.end(1)):
            kind = "organisation" if name.endswith(forms.organisation_endings) else "company"
            found.append(Mention(start, match.end(1), name, kind, known=False))
    return found
