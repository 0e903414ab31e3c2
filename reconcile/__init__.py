"""Reconcile: put every claim beside the claims about the same quantity in other sources and judge.

Most checks pair claims of one entity and measure; two look wider, and a caller that fetches
claims by frame (the store) must fetch for them too: the system check sets any chip figure in
``SYSTEM_UNITS`` against any system's, and the conversion check holds every bracketed currency
conversion of a story (a claim noted "conversion of <id>") to the others.

>>> from factrecon.claims import extract
>>> from factrecon.reconcile import check
>>> claims = extract("H200显存为141GB。", "a.txt") + extract("H200配备141GB HBM3e内存。", "b.txt")
>>> [(f.kind, f.origins) for f in check(claims).findings]
[('agreement', 2)]
"""

from .check import CheckResult, NotCompared, check
from .checks.system_scope import UNITS as SYSTEM_UNITS
from .model import FINDING_FIELDS, FINGERPRINT_SCHEME, KINDS, SEVERITY, Finding, Kind, Severity
from .tolerances import Tolerances, load_tolerances

__all__ = [
    "FINDING_FIELDS", "FINGERPRINT_SCHEME", "KINDS", "SEVERITY", "SYSTEM_UNITS", "CheckResult", "Finding", "Kind",
    "NotCompared", "Severity",
    "Tolerances", "check", "load_tolerances",
]
