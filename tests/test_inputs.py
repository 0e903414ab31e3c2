"""Reading article files: encodings, binary refusal, directories, one error per bad path.
The whole table of hostile inputs, through the command line, is tests/specs/inputs/hostile.toml."""

from __future__ import annotations

import codecs
import datetime as dt
import io
import os
from pathlib import Path

import pytest
from privileges import file_permissions_enforced

from factrecon.reports.errors import EXIT_ERROR, InputError
from factrecon.reports.inputs import Article, ReadOptions, default_corpus, read_article, read_articles, read_inputs
from factrecon.reports.readers.html import looks_like_html
from factrecon.reports.readers.markdown import front_matter

BIG5_TEXT = "英偉達市場份額95%"
GB_TEXT = "英伟达市场份额95%"


def write(path: Path, data: bytes) -> str:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return str(path)


DECODES = (
    ("utf8", "H200 显存带宽约4.8TB/s".encode(), "H200 显存带宽约4.8TB/s", "utf-8"),
    ("utf8_bom", codecs.BOM_UTF8 + "约95%".encode(), "约95%", "utf-8-sig"),
    ("utf16_le_bom", "份額95%".encode("utf-16"), "份額95%", "utf-16"),
    ("utf16_be_bom", codecs.BOM_UTF16_BE + "份額95%".encode("utf-16-be"), "份額95%", "utf-16"),
    ("utf16_le_no_bom", "Nvidia had 95% share.".encode("utf-16-le"), "Nvidia had 95% share.", "utf-16-le"),
    ("big5", BIG5_TEXT.encode("big5"), BIG5_TEXT, "big5"),
    ("gb18030", GB_TEXT.encode("gb18030"), GB_TEXT, "gb18030"),
    ("gbk_traditional", BIG5_TEXT.encode("gbk"), BIG5_TEXT, "gb18030"),
    ("crlf_kept", b"line one 5%\r\nline two 6%\r\n", "line one 5%\r\nline two 6%\r\n", "utf-8"),
    ("lone_cr_kept", b"a 5%\rb 6%", "a 5%\rb 6%", "utf-8"),
)


@pytest.mark.parametrize(("data", "text", "encoding"), [d[1:] for d in DECODES], ids=[d[0] for d in DECODES])
def test_decodes(tmp_path: Path, data: bytes, text: str, encoding: str) -> None:
    path = write(tmp_path / "a.txt", data)
    assert read_article(path) == Article(source=path, text=text, encoding=encoding)


REFUSED = (
    ("pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "binary file (looks like PDF)"),
    ("png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (looks like PNG)"),
    ("zip", b"PK\x03\x04\x14\x00\x00\x00", "binary file (looks like ZIP)"),
    ("gif", b"GIF89a\x01\x00\x01\x00", "binary file (looks like GIF)"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "binary file (looks like JPEG)"),
    ("nul_bytes", b"abc\x00\x00\x01\x02\xff\x00def\x00", "binary file"),
    ("empty", b"", "empty file"),
    ("whitespace_only", b" \r\n\t\n", "empty file"),
    ("bom_only", codecs.BOM_UTF8 + b"\n", "empty file"),
    ("undecodable", bytes(range(1, 256)) * 4, "cannot decode text (not UTF-8, GB18030 or Big5)"),
)


@pytest.mark.parametrize(("data", "reason"), [r[1:] for r in REFUSED], ids=[r[0] for r in REFUSED])
def test_refuses_by_content_whatever_the_name(tmp_path: Path, data: bytes, reason: str) -> None:
    path = write(tmp_path / "article.txt", data)
    with pytest.raises(InputError) as caught:
        read_article(path)
    assert (caught.value.path, caught.value.reason, str(caught.value)) == (path, reason, f"{path}: {reason}")
    assert caught.value.exit_code == EXIT_ERROR


def test_missing_file_is_no_such_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert read_articles([path]) == ([], [InputError(path, "no such file")])


@pytest.mark.skipif(os.name != "posix", reason="needs POSIX file modes")
def test_unreadable_file_is_permission_denied_even_for_root(tmp_path: Path) -> None:
    path = write(tmp_path / "secret.txt", b"5%")
    os.chmod(path, 0)
    with file_permissions_enforced():
        assert read_articles([path]) == ([], [InputError(path, "permission denied")])
    assert read_articles([path])[0] == ([Article(path, "5%", "utf-8")] if os.geteuid() == 0 else [])


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_fifo_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = str(tmp_path / "pipe.txt")
    os.mkfifo(path)
    assert read_articles([path]) == ([], [InputError(path, "not a regular file (FIFO)")])


def test_symlink_loop_is_named(tmp_path: Path) -> None:
    path = str(tmp_path / "loop.txt")
    os.symlink(path, path)
    assert read_articles([path]) == ([], [InputError(path, "symlink loop")])


def test_too_large_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path / "big.txt", b"5% " * 400)
    assert read_articles([path], ReadOptions(max_bytes=1024)) == (
        [], [InputError(path, "too large for --max-bytes 1024 (1200 bytes)")])
    assert [a.source for a in read_articles([path], ReadOptions(max_bytes=1200))[0]] == [path]


def test_strict_raises_the_first_error_and_reads_nothing_after_it(tmp_path: Path) -> None:
    good = write(tmp_path / "a.txt", b"5%")
    missing, empty = str(tmp_path / "missing.txt"), write(tmp_path / "empty.txt", b"")
    seen: list[str] = []
    with pytest.raises(InputError) as caught:
        read_articles([good, missing, empty], ReadOptions(strict=True), lambda article: seen.append(article.source))
    assert (caught.value, seen) == (InputError(missing, "no such file"), [good])


def test_file_list_is_relative_to_its_folder(tmp_path: Path) -> None:
    good = write(tmp_path / "desk" / "a.txt", b"5%")
    listing = write(tmp_path / "desk" / "list.txt", b"# today\n\na.txt\n  gone.txt  \n")
    articles, errors = read_articles([f"@{listing}"])
    assert ([a.source for a in articles], errors) == ([good], [InputError(str(tmp_path / "desk" / "gone.txt"),
                                                                          "no such file")])
    assert read_articles([f"@{tmp_path / 'none.txt'}"])[1] == [InputError(str(tmp_path / "none.txt"), "no such file")]


def test_standard_input_is_dash(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO("英伟达份额95%".encode("gb18030"))))
    assert read_articles(["-"]) == ([Article("-", "英伟达份额95%", "gb18030")], [])


def test_html_by_content_gives_main_text_title_and_date(tmp_path: Path) -> None:
    page = ('<!DOCTYPE html><html><head><title>H200 | News</title><meta property="article:published_time" '
            'content="2025-12-09T08:30:00+08:00"><script>var views = 123456;</script></head><body>'
            '<nav>首页 | 科技</nav><article><p>H200显存带宽约4.8TB/s。</p></article></body></html>')
    path = write(tmp_path / "saved.txt", page.encode())
    assert read_article(path) == Article(path, "H200显存带宽约4.8TB/s。", "utf-8", "extracted-html",
                                         dt.date(2025, 12, 9), "H200")


def test_html_declared_charset_is_used(tmp_path: Path) -> None:
    page = '<html><head><meta charset="gbk"></head><body><p>英伟达在中国的份额约95%。</p></body></html>'
    path = write(tmp_path / "old.htm", page.encode("gbk"))
    article = read_article(path)
    assert (article.text, article.encoding) == ("英伟达在中国的份额约95%。", "gb18030")


def test_damaged_utf8_is_read_with_replacement_and_a_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "英伟达份额".encode() + b"\xff" + "约95%".encode())
    article = read_article(path)
    assert (article.text, article.encoding) == ("英伟达份额\ufffd约95%", "utf-8")
    assert article.warnings == ("1 invalid UTF-8 byte (the first at byte 15) read as U+FFFD",)


SNIFFED = (
    ("<!DOCTYPE html><p>x</p>", True),
    ("\n  <!-- saved -->\n<HTML lang=zh>", True),
    ('<?xml version="1.0"?><html>', True),
    ("<body>", True),
    ("<p>a fragment is not a page</p>", False),
    ("H200 <b>4.8TB/s</b>", False),
    ("<htmlish>", False),
)


@pytest.mark.parametrize(("text", "is_html"), SNIFFED)
def test_html_is_a_whole_document_by_content(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


FRONT_MATTER = (
    ("---\ntitle: \"份额\"\ndate: 2025-12-10T08:00:00+08:00\n---\n正文", ("份额", dt.date(2025, 12, 10))),
    ("+++\r\ntitle = 'Share'\r\ndate = 2025/12/10\r\n+++\r\nbody", ("Share", dt.date(2025, 12, 10))),
    ("---\ndate: yesterday\n---\n", (None, None)),
    ("text\n---\ndate: 2025-12-10\n---\n", (None, None)),
)


@pytest.mark.parametrize(("text", "expected"), FRONT_MATTER)
def test_front_matter_title_and_date(text: str, expected: tuple[str | None, dt.date | None]) -> None:
    assert front_matter(text) == expected


def test_one_bad_file_never_loses_the_others(tmp_path: Path) -> None:
    good1 = write(tmp_path / "a.txt", "甲 5%".encode())
    bad = write(tmp_path / "b.txt", b"")
    good2 = write(tmp_path / "c.txt", "乙 6%".encode())
    articles, errors = read_articles([good1, bad, str(tmp_path / "missing.txt"), good2])
    assert [a.source for a in articles] == [good1, good2]
    assert [str(e) for e in errors] == [f"{bad}: empty file", f"{tmp_path / 'missing.txt'}: no such file"]


def test_directory_is_walked_recursively_sorted_skipping_hidden_and_other_files(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ("b.md", "a.txt", "sub/c.markdown", "sub/d.text", "A.TXT", "sub/e.htm"):
        write(root / name, f"{name} 5%".encode())
    for name in ("e.pdf", "notes.docx", ".hidden.txt", ".git/f.txt", "img.png"):
        write(root / name, b"ignored 5%")
    articles, errors = read_articles([str(root)])
    relative = ["A.TXT", "a.txt", "b.md", "sub/c.markdown", "sub/d.text", "sub/e.htm"]
    assert [a.source for a in articles] == [os.path.join(str(root), r) for r in relative]
    assert errors == []


def test_directory_glob_chooses_the_files(tmp_path: Path) -> None:
    root = tmp_path / "news"
    for name in ("a.txt", "b.md", "sub/c.MD", "sub/d.csv"):
        write(root / name, f"{name} 5%".encode())
    articles, errors = read_articles([str(root)], ReadOptions(globs=("*.md", "sub/*.csv")))
    assert [a.source for a in articles] == [os.path.join(str(root), r) for r in ("b.md", "sub/c.MD", "sub/d.csv")]
    assert read_articles([str(root)], ReadOptions(globs=("*.rst",)))[1] == [
        InputError(str(root), "no readable article matching *.rst found")]


def test_directory_source_keeps_the_path_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path / "news" / "a.txt", b"5%")
    monkeypatch.chdir(tmp_path)
    articles, _ = read_articles(["news/"])
    assert [a.source for a in articles] == ["news/a.txt"]


def test_directory_without_articles_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "d" / "x.pdf", b"%PDF-1.4")
    directory = str(tmp_path / "d")
    assert read_articles([directory]) == ([], [InputError(directory, "no readable article (.txt, .md, .html) found")])


def test_directory_of_bad_articles_names_each_file_and_the_directory(tmp_path: Path) -> None:
    bad = write(tmp_path / "d" / "empty.txt", b"")
    directory = str(tmp_path / "d")
    _, errors = read_articles([directory])
    no_article = f"{directory}: no readable article (.txt, .md, .html) found"
    assert [str(e) for e in errors] == [f"{bad}: empty file", no_article]


def test_default_corpus_is_the_bundled_articles() -> None:
    paths = default_corpus()
    assert [os.path.basename(p) for p in paths] == sorted(os.path.basename(p) for p in paths)
    assert len(paths) >= 3 and all(p.endswith(".txt") and os.path.isfile(p) for p in paths)


def test_read_inputs_without_paths_reads_the_corpus_by_base_name() -> None:
    articles, errors = read_inputs([])
    assert errors == []
    assert [a.source for a in articles] == [os.path.basename(p) for p in default_corpus()]
    assert "000_4774084d0a6e70d6.txt" in [a.source for a in articles]
    assert all(a.encoding == "utf-8" and a.text.strip() for a in articles)


SIDECARS = (
    ("beside_the_full_name", "a.txt.meta.json", '{"date": "2026-01-06", "title": "Sales"}', dt.date(2026, 1, 6), None),
    ("beside_the_stem", "a.meta.json", '{"date": "2026-01-06T08:30:00+08:00"}', dt.date(2026, 1, 6), None),
    ("date_null", "a.txt.meta.json", '{"date": null, "title": "Sales"}', None, None),
    ("not_json", "a.txt.meta.json", "{date: 2026", None, "a.txt.meta.json not read (JSONDecodeError)"),
    ("not_an_object", "a.txt.meta.json", "[1, 2]", None, "a.txt.meta.json not read (not a JSON object)"),
    ("bad_date", "a.txt.meta.json", '{"date": "6 Jan"}', None, "a.txt.meta.json: date '6 Jan' is not YYYY-MM-DD"),
)


@pytest.mark.parametrize(("name", "data", "date", "warning"), [case[1:] for case in SIDECARS],
                         ids=[case[0] for case in SIDECARS])
def test_meta_json_sidecar_gives_date_or_one_warning(tmp_path: Path, name: str, data: str, date: dt.date | None,
                                                      warning: str | None) -> None:
    article_path = write(tmp_path / "a.txt", "销量增长5%。".encode())
    write(tmp_path / name, data.encode())
    article = read_article(article_path)
    assert article.text == "销量增长5%。"
    assert article.date == date
    assert article.warnings == ((warning,) if warning else ())


def test_front_matter_date_wins_over_the_sidecar(tmp_path: Path) -> None:
    article_path = write(tmp_path / "a.md", "---\ndate: 2025-12-09\n---\n销量增长5%。".encode())
    write(tmp_path / "a.md.meta.json", b'{"date": "2026-01-06", "title": "T"}')
    article = read_article(article_path)
    assert (article.date, article.title) == (dt.date(2025, 12, 9), "T")


def test_sidecar_is_not_read_as_an_article(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "销量增长5%。".encode())
    write(tmp_path / "a.txt.meta.json", b'{"date": "2026-01-06"}')
    articles, errors = read_articles([str(tmp_path)])
    assert [os.path.basename(a.source) for a in articles] == ["a.txt"] and not errors
