"""The packages form one pipeline: units ← claims ← reconcile ← reports, never backwards.

Imports are read with ``ast`` (nothing is executed), both absolute
(``factrecon.claims``) and relative (``from ..claims import x``).  The project
installs only under the ``factrecon`` namespace: no generic top-level ``units``
or ``claims`` package lands in site-packages.
"""

from __future__ import annotations

import ast
import importlib.metadata
import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LAYERS: tuple[str, ...] = ("units", "claims", "reconcile", "reports")


def imported_layers(source: str, package: tuple[str, ...]) -> set[str]:
    """Project layers imported by ``source``, a module of ``package`` (e.g. ``("reports",)``)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            targets = [tuple(alias.name.split(".")) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            targets = [tuple((node.module or "").split("."))]
        elif isinstance(node, ast.ImportFrom) and node.level - 1 <= len(package):
            base = ("factrecon", *package[: len(package) - node.level + 1])
            module = tuple(node.module.split(".")) if node.module else ()
            targets = [(*base, *module)] if module else [(*base, alias.name) for alias in node.names]
        else:
            continue
        found.update(t[1] for t in targets if len(t) > 1 and t[0] == "factrecon" and t[1] in LAYERS)
    return found


def package_of(path: Path) -> tuple[str, ...]:
    """The package a module file belongs to, as path parts below the project root."""
    return path.relative_to(ROOT).parent.parts


MODULES = sorted(path for layer in LAYERS for path in (ROOT / layer).rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(ROOT)) for p in MODULES])
def test_imports_only_lower_layers(path: Path) -> None:
    package = package_of(path)
    higher = set(LAYERS[LAYERS.index(package[0]) + 1 :])
    assert imported_layers(path.read_text(encoding="utf-8"), package) & higher == set()


@pytest.mark.parametrize(
    ("source", "package", "expected"),
    [
        ("from factrecon.claims import extract", ("units",), {"claims"}),
        ("import factrecon.reconcile.model as m", ("units",), {"reconcile"}),
        ("from ..reports import cli", ("units",), {"reports"}),
        ("from ..reconcile.model import Finding", ("claims",), {"reconcile"}),
        ("from .. import claims, reports", ("units",), {"claims", "reports"}),
        ("from ...claims import model", ("reconcile", "checks"), {"claims"}),
        ("from . import model", ("units",), {"units"}),
        ("from .model import Claim", ("claims",), {"claims"}),
        ("def f():\n    from factrecon.reports import cli", ("units",), {"reports"}),
        ("import pandas, units", ("units",), set()),
    ],
)
def test_import_parser_sees_absolute_relative_and_nested_imports(
    source: str, package: tuple[str, ...], expected: set[str]
) -> None:
    assert imported_layers(source, package) == expected


@pytest.mark.parametrize("layer", LAYERS)
def test_packages_live_under_the_factrecon_namespace(layer: str) -> None:
    spec = importlib.util.find_spec(f"factrecon.{layer}")
    assert spec is not None and spec.submodule_search_locations is not None
    assert [Path(p).resolve() for p in spec.submodule_search_locations] == [ROOT / layer]


def test_distribution_installs_no_generic_top_level_package() -> None:
    dist = importlib.metadata.distribution("factrecon")
    top_level = (dist.read_text("top_level.txt") or "").split()
    assert set(top_level) <= {"factrecon"}
    first_parts = {Path(str(f)).parts[0] for f in dist.files or ()}
    assert first_parts.isdisjoint(LAYERS)


@pytest.mark.parametrize("layer", LAYERS)
def test_no_generic_top_level_package_resolves_outside_the_project(layer: str) -> None:
    spec = importlib.util.find_spec(layer)  # found at all only via the project dir on sys.path
    places = [] if spec is None else [spec.origin, *(spec.submodule_search_locations or [])]
    assert all(Path(p).resolve().is_relative_to(ROOT) for p in places if p and p != "namespace")
