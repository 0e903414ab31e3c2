"""Hostile and awkward inputs through the command line (tests/specs/inputs/hostile.toml): the exit code,
the exact error lines, the claims still found, and offsets that index what ``factrecon text`` prints."""

from __future__ import annotations

import json
import os
import re
import tomllib
import zipfile
from collections.abc import Callable
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path
from typing import Any

import pytest
from privileges import file_permissions_enforced
from typer.testing import CliRunner, Result

from factrecon.reports.cli import app

SPEC = Path(__file__).parent / "specs" / "inputs" / "hostile.toml"
CASES: list[dict[str, Any]] = tomllib.loads(SPEC.read_text(encoding="utf-8"))["case"]
CASE_KEYS = {"name", "files", "stdin", "args", "exit", "stderr", "stderr_has", "stdout", "stdout_has", "claims",
             "absent", "text", "xfail"}
_ESCAPE = re.compile(rb"\\(x[0-9a-fA-F]{2}|[nrt0\\])")
_ESCAPED = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"0": b"\0", b"\\": b"\\"}


def escaped_bytes(text: str) -> bytes:
    r"""UTF-8 text with ``\xNN``, ``\n``, ``\r``, ``\t``, ``\0`` and ``\\`` escapes, as bytes."""
    return _ESCAPE.sub(lambda m: bytes([int(m[1][1:], 16)]) if m[1][:1] == b"x" else _ESCAPED[m[1]],
                       text.encode("utf-8"))


def content(spec: str | dict[str, Any]) -> bytes:
    """The bytes of a ``text`` / ``bytes`` content spec."""
    if isinstance(spec, str):
        return spec.encode("utf-8")
    if "bytes" in spec:
        return escaped_bytes(spec["bytes"])
    encoded = spec["text"].encode(spec.get("encoding", "utf-8"))
    return ("\ufeff".encode(spec["encoding"]) if spec.get("bom") else b"") + encoded


def _zip(path: Path, spec: dict[str, Any]) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("article.txt", spec["text"])


def _unreadable(path: Path, spec: dict[str, Any]) -> None:
    path.write_bytes(content(spec["text"]))
    path.chmod(0)


BUILDERS: dict[str, Callable[[Path, dict[str, Any]], None]] = {
    "fifo": lambda path, spec: os.mkfifo(path),
    "symlink_loop": lambda path, spec: os.symlink(path.name, path),
    "unreadable": _unreadable,
    "repeat": lambda path, spec: path.write_bytes(content(spec["text"]) * spec["count"]),
    "deep_html": lambda path, spec: path.write_text(
        f"<html><body>{'<div>' * spec['depth']}<p>{spec['text']}</p>{'</div>' * spec['depth']}</body></html>",
        encoding="utf-8"),
    "zip": _zip,
    "all_bytes": lambda path, spec: path.write_bytes(bytes(range(1, 256)) * 4),
}


def make(root: Path, files: dict[str, Any]) -> AbstractContextManager[None]:
    """Write the case's files; the context to run it in (file modes enforced even for root)."""
    enforce = False
    for name, spec in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        builder = spec.get("builder") if isinstance(spec, dict) else None
        if builder is None:
            path.write_bytes(content(spec))
            continue
        if builder == "fifo" and not hasattr(os, "mkfifo"):
            pytest.skip("needs named pipes")
        BUILDERS[builder](path, spec)
        enforce = enforce or builder == "unreadable"
    return file_permissions_enforced() if enforce else nullcontext()


def run(args: list[str], stdin: bytes | None) -> Result:
    return CliRunner(env={"NO_COLOR": "1", "COLUMNS": "200", "TERM": "dumb"}).invoke(app, args, input=stdin)


def matches(claim: dict[str, Any], expected: dict[str, Any]) -> bool:
    return all(claim.get(key) == value for key, value in expected.items())


@pytest.mark.parametrize("case", [pytest.param(case, id=case["name"], marks=[pytest.mark.xfail(
    reason=case["xfail"], strict=True)] if "xfail" in case else []) for case in CASES])
def test_hostile_input(case: dict[str, Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no project configuration from the surroundings

    def fill(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace("{tmp}", str(tmp_path))
        if isinstance(value, dict):
            return {key: fill(item) for key, item in value.items()}
        return [fill(item) for item in value] if isinstance(value, list) else value

    stdin = content(case["stdin"]) if "stdin" in case else None
    with make(tmp_path, case.get("files", {})):
        result = run(fill(case["args"]), stdin)
        texts = {source: run(["text", source], stdin) for source in _sources(result)}
    assert result.exit_code == case["exit"], result.output
    if "stderr" in case:
        assert result.stderr == fill(case["stderr"])
    if "stderr_has" in case:
        assert fill(case["stderr_has"]) in result.stderr
    if "stdout" in case:
        assert result.stdout == fill(case["stdout"])
    if "stdout_has" in case:
        assert fill(case["stdout_has"]) in result.stdout
    claims = _claims(result)
    for expected in fill(case.get("claims", [])):
        assert any(matches(claim, expected) for claim in claims), (expected, claims)
    assert not [claim["text"] for claim in claims for number in case.get("absent", []) if number in claim["text"]]
    for claim in claims:
        text = texts[claim["source"]]
        assert text.exit_code == 0, text.output
        assert text.stdout_bytes.decode("utf-8")[claim["start"]:claim["end"]] == claim["text"]
    if "text" in case:
        shown = run(["text", fill(case["text"]["path"])], stdin)
        assert (shown.exit_code, shown.stdout_bytes.decode("utf-8")) == (0, case["text"]["equals"])


def _claims(result: Result) -> list[dict[str, Any]]:
    """The JSONL claims of an ``extract`` run (none for other commands)."""
    lines = result.stdout.splitlines()
    if not lines or not lines[0].startswith('{"id"'):
        return []
    return [json.loads(line) for line in lines]


def _sources(result: Result) -> list[str]:
    return sorted({claim["source"] for claim in _claims(result)})


def test_cases_are_well_formed() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)) and len(names) >= 25
    for case in CASES:
        assert set(case) <= CASE_KEYS, case["name"]
        assert "stderr" in case or "stderr_has" in case, case["name"]
        assert case["exit"] == 0 or case.get("stderr", "").startswith("factrecon: error: ") or "stderr_has" in case
        assert case["exit"] != 0 or "claims" in case, f"{case['name']}: a readable input names a claim it gives"
        for spec in case.get("files", {}).values():
            assert not isinstance(spec, dict) or spec.get("builder") in (None, *BUILDERS), case["name"]


def test_escaped_bytes() -> None:
    assert escaped_bytes(r"份\xff\0\r\n\\x") == "份".encode() + b"\xff\0\r\n\\x"
    assert content({"text": "a", "encoding": "utf-16-be", "bom": True}) == b"\xfe\xff\0a"
