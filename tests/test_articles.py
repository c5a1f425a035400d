"""Readers: the .txt and .jsonl forms, folders and globs, and every kind of bad file."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from ingest.articles import Article, ArticleError, expand_paths, read_articles


def _read(paths: list[Path]) -> tuple[list[Article], list[ArticleError]]:
    items = list(read_articles(paths))
    return ([a for a in items if isinstance(a, Article)],
            [e for e in items if isinstance(e, ArticleError)])


def test_txt_with_front_matter(tmp_path: Path) -> None:
    path = tmp_path / "a1.txt"
    path.write_text(
        "---\nurl: https://baochinhphu.vn/bai-1.htm\npublished: 2024-08-30\nsource: VGP\n---\n"
        "Thủ tướng làm việc với tỉnh Điện Biên\n\nSáng 30/8, Thủ tướng làm việc.\n",
        encoding="utf-8",
    )
    [article], errors = _read([path])
    assert not errors
    assert article.id == "a1"
    assert article.title == "Thủ tướng làm việc với tỉnh Điện Biên"
    assert article.body == "Sáng 30/8, Thủ tướng làm việc."
    assert article.url == "https://baochinhphu.vn/bai-1.htm"
    assert article.published == date(2024, 8, 30)
    assert article.text.startswith(article.title + "\n\n")


def test_txt_without_front_matter_finds_source_line(tmp_path: Path) -> None:
    path = tmp_path / "b.txt"
    path.write_text("Tiêu đề\n\nNội dung.\n\nNguồn Báo X: https://x.vn/b.html\n", encoding="utf-8")
    [article], _ = _read([path])
    assert (article.title, article.url, article.published) == ("Tiêu đề", "https://x.vn/b.html",
                                                               None)


def test_text_is_normalised_to_nfc_and_one_tone_placement(tmp_path: Path) -> None:
    path = tmp_path / "c.txt"
    path.write_bytes("Hoà Bình\n\nUỷ ban nhân dân tỉnh Hoà Bình".encode())
    [article], _ = _read([path])
    assert article.title == "Hòa Bình"
    assert article.body == "Ủy ban nhân dân tỉnh Hòa Bình"


def test_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    rows = [
        {"id": "x1", "title": "Một", "text": "Văn bản một.", "url": "https://a.vn/1",
         "published": "2023-07-28"},
        {"id": "x2", "title": "Hai", "text": "Văn bản hai."},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n\n",
                    encoding="utf-8")
    articles, errors = _read([path])
    assert not errors
    assert [(a.id, a.title, a.url, a.published) for a in articles] == [
        ("x1", "Một", "https://a.vn/1", date(2023, 7, 28)), ("x2", "Hai", None, None)]


BAD_FILES = {
    "empty": (".txt", b""),
    "blank": (".txt", b"\n  \n\t\n"),
    "binary": (".txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
    "latin1": (".txt", "Tiêu đề\n\nCà phê".encode("cp1258", errors="replace") + b"\xe9\xff"),
    "unclosed-front-matter": (".txt", b"---\nurl: https://x.vn\nTitle\n\nBody"),
    "bad-front-matter-line": (".txt", b"---\nthis is not key value\n---\nTitle\n\nBody"),
    "bad-date": (".txt", b"---\npublished: 30/8/2024\n---\nTitle\n\nBody"),
    "wrong-suffix": (".html", b"<html></html>"),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_file_is_reported_with_its_name_and_the_batch_goes_on(tmp_path: Path,
                                                                  case: str) -> None:
    suffix, content = BAD_FILES[case]
    bad = tmp_path / f"bad{suffix}"
    bad.write_bytes(content)
    good = tmp_path / "good.txt"
    good.write_text("Tiêu đề\n\nNội dung.", encoding="utf-8")
    articles, errors = _read([bad, good])
    assert [a.id for a in articles] == ["good"]
    assert len(errors) == 1
    assert str(bad) in str(errors[0])
    assert "\n" not in str(errors[0])


@pytest.mark.parametrize("line,reason", [
    ("{not json", "invalid JSON"),
    ('["a list"]', "JSON object"),
    ('{"id": "x", "title": "T"}', "missing text"),
], ids=["invalid-json", "not-an-object", "missing-field"])
def test_bad_jsonl_line_names_file_and_line(tmp_path: Path, line: str, reason: str) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(f'{{"id": "ok", "title": "T", "text": "x"}}\n{line}\n', encoding="utf-8")
    articles, errors = _read([path])
    assert [a.id for a in articles] == ["ok"]
    assert f"{path}:2" in str(errors[0]) and reason in str(errors[0])


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    _, errors = _read([tmp_path / "nope.txt"])
    assert "no such file" in str(errors[0])


def test_folders_and_globs_expand_sorted(samples_dir: Path) -> None:
    from_folder = expand_paths([samples_dir])
    from_glob = expand_paths([str(samples_dir / "*.txt")])
    assert [p.name for p in from_folder] == [p.name for p in from_glob]
    assert len(from_folder) == 5
    assert all(p.suffix == ".txt" for p in from_folder)


def test_sample_index_lists_each_article(samples_dir: Path) -> None:
    index = json.loads((samples_dir / "index.json").read_text(encoding="utf-8"))
    assert sorted(r["id"] for r in index) == sorted(p.stem for p in samples_dir.glob("*.txt"))
    assert index[0]["source"].startswith("https://congthuong.vn/")
