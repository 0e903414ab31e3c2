"""Tell an article's language: ``zh-Hans``, ``zh-Hant`` or ``en``."""

from __future__ import annotations

import re

from .textmap import to_simplified

_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
# Share of Han characters that OpenCC t2s changes: traditional text changes about a fifth of
# them, simplified text almost none.
TRADITIONAL_SHARE = 0.04
SAMPLE = 2000  # Han characters looked at: plenty to tell the scripts apart


def detect_lang(text: str) -> str:
    """``en`` when Latin words outnumber Han characters, else ``zh-Hant`` or ``zh-Hans``."""
    han = _HAN.findall(text)
    if len(han) < len(_LATIN_WORD.findall(text)):
        return "en"
    sample = "".join(han[:SAMPLE])
    changed = sum(a != b for a, b in zip(sample, to_simplified(sample), strict=False))
    return "zh-Hant" if sample and changed / len(sample) > TRADITIONAL_SHARE else "zh-Hans"
