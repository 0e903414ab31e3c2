"""Hypothesis profiles. "ci", the default, runs 2,000 examples per property from a fixed seed, so every run
tests the same inputs; ``HYPOTHESIS_PROFILE=dev`` runs 200 of them for a quick local check."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "ci",
    max_examples=2000,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
    print_blob=True,
)
settings.register_profile("dev", settings.get_profile("ci"), max_examples=200)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))
