"""Tell an article's language: ``zh-Hans``, ``zh-Hant`` or ``en``."""

from __future__ import annotations

import re
from operator import ne

from .textmap import to_simplified

_NOT_HAN = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Share of Han characters that OpenCC t2s changes: traditional text changes about a fifth of
# them, simplified text almost none.
TRADITIONAL_SHARE = 0.04
SAMPLE = 2000  # Han characters looked at: plenty to tell the scripts apart


def detect_lang(text: str) -> str:
    """``en`` when Latin words outnumber Han characters, else ``zh-Hant`` or ``zh-Hans``."""
    han = _NOT_HAN.sub("", text)  # the Han characters alone, in one pass
    # the other characters hold at most half as many Latin words (two letters each): count the
    # words only when they could outnumber the Han characters
    if len(han) < (len(text) - len(han)) // 2 and len(han) < len(_LATIN_WORD.findall(text)):
        return "en"
    sample = han[:SAMPLE]
    changed = sum(map(ne, sample, to_simplified(sample)))
    return "zh-Hant" if sample and changed / len(sample) > TRADITIONAL_SHARE else "zh-Hans"
