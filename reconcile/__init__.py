"""Reconcile: put every claim beside the claims about the same quantity in other sources and judge.

>>> from factrecon.claims import extract
>>> from factrecon.reconcile import check
>>> claims = extract("H200显存为141GB。", "a.txt") + extract("H200配备141GB HBM3e内存。", "b.txt")
>>> [(f.kind, f.origins) for f in check(claims).findings]
[('agreement', 2)]
"""

from .check import CheckResult, NotCompared, check
from .model import FINDING_FIELDS, FINGERPRINT_SCHEME, KINDS, SEVERITY, Finding, Kind, Severity
from .tolerances import Tolerances, load_tolerances

__all__ = [
    "FINDING_FIELDS", "FINGERPRINT_SCHEME", "KINDS", "SEVERITY", "CheckResult", "Finding", "Kind", "NotCompared",
    "Severity",
    "Tolerances", "check", "load_tolerances",
]
