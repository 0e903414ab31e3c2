"""``mypy --strict`` passes on the library layers (units, claims, reconcile).

An editable install maps ``factrecon.units`` to ``units/`` with an import hook that mypy cannot
follow, so the test lays the folders out as the installed package (symlinks) and checks that."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
STRICT_LAYERS = ("units", "claims", "reconcile")


def test_library_layers_pass_mypy_strict(tmp_path: Path) -> None:
    package = tmp_path / "factrecon"
    package.mkdir()
    for layer in (*STRICT_LAYERS, "reports"):
        (package / layer).symlink_to(ROOT / layer, target_is_directory=True)
    command = [sys.executable, "-m", "mypy", "--strict", "--no-incremental",
               "--config-file", str(ROOT / "pyproject.toml"),
               *(arg for layer in STRICT_LAYERS for arg in ("-p", f"factrecon.{layer}"))]
    done = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
