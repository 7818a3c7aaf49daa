"""What one build read is kept for the next (``course.read_cache``): an edit is always read again,
a mistake stops every build, not only the first, and a broken cache never matters."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import course.model as model
import course.read_cache as read_cache
from conftest import build_site, make_site
from course.model import load_course, read_settings
from course.read_cache import ReadCache


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The pages read from their text (not from the cache), in order."""
    read: list[str] = []
    original = model.read_page

    def counted(src_uri, *args):
        read.append(src_uri)
        return original(src_uri, *args)

    monkeypatch.setattr(model, "read_page", counted)
    return read


def _load(site: Path, cache: Path):
    kept = ReadCache(cache, str(site / "docs"))
    course = load_course(site, read_settings(site), kept=kept)
    kept.save()
    return course


def test_an_edited_page_is_read_again_and_the_others_come_from_the_cache(tmp_path, reads):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    first = _load(site, cache)
    assert len(reads) == len(first.pages) > 2
    reads.clear()
    assert _load(site, cache) == first and reads == []

    sms = site / "docs/modulos/sms.es.md"
    sms.write_text(sms.read_text(encoding="utf-8").replace("\n# ", "\nUna frase nueva.\n\n# ", 1), encoding="utf-8")
    edited = _load(site, cache)
    assert reads == ["modulos/sms.es.md"]
    assert "Una frase nueva." in edited.pages["modulos/sms.es.md"].text
    reads.clear()
    assert edited == load_course(site, read_settings(site)) and len(reads) == len(first.pages)


def test_a_change_to_the_code_that_reads_pages_reads_every_page_again(tmp_path, reads, monkeypatch):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    course = _load(site, cache)
    reads.clear()
    monkeypatch.setattr(read_cache, "code_version", lambda: "another version of course/")
    assert _load(site, cache) == course and len(reads) == len(course.pages)


@pytest.mark.parametrize("damage", ["cut short", "not ours", "unwritable"])
def test_a_broken_cache_only_means_reading_again(tmp_path, reads, damage):
    site, cache = make_site(tmp_path / "site"), tmp_path / "cache"
    course = _load(site, cache)
    [kept] = cache.iterdir()
    if damage == "cut short":
        kept.write_bytes(kept.read_bytes()[:1000])
    elif damage == "not ours":
        kept.write_bytes(b"\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00]\x94.")  # a pickled empty list
    else:
        kept.unlink()
        cache.rmdir()
        cache.write_text("a file where the cache folder should be", encoding="utf-8")
    reads.clear()
    assert _load(site, cache) == course and len(reads) == len(course.pages)


def test_a_mistake_stops_every_build_not_only_the_first(tmp_path):
    """The page's problems are kept with it: the second build, reading from the cache, stops the same way."""
    site = make_site(tmp_path / "site", replace=[("docs/modulos/sms.es.md", "- [x] ", "- [ ] ")])
    first = build_site(site)
    assert (site / ".cache/read").is_dir() and not first.ok
    second = build_site(site)
    assert not second.ok
    assert re.search(r"docs/modulos/sms\.es\.md:\d+: la pregunta «", first.log) and second.messages == first.messages


def test_a_second_build_plans_only_the_edited_modules_slides_and_publishes_what_a_fresh_build_would(
        tmp_path, monkeypatch):
    import course.build

    planned: list[str] = []
    plan_slides = course.build.plan_slides
    monkeypatch.setattr(course.build, "plan_slides", lambda page: planned.append(page.src_uri) or plan_slides(page))
    edit = [("docs/modulos/sms.es.md", "\n## ", "\nUn párrafo nuevo para la segunda diapositiva.\n\n## ")]
    site = make_site(tmp_path / "site")
    assert build_site(site, tmp_path / "before").ok
    assert "modulos/sms.es.md" in planned and "modulos/sms.en.md" in planned
    planned.clear()
    make_site(tmp_path / "edited", replace=edit)
    (site / "docs/modulos/sms.es.md").write_bytes((tmp_path / "edited/docs/modulos/sms.es.md").read_bytes())

    assert build_site(site, tmp_path / "after").ok
    assert planned == ["modulos/sms.es.md"]
    fresh = build_site(tmp_path / "edited", tmp_path / "fresh")
    assert fresh.ok and len(planned) > 2  # planned all over again: nothing kept in a new folder
    published = sorted(path.relative_to(tmp_path / "after") for path in (tmp_path / "after").rglob("*") if path.is_file())
    assert published == sorted(path.relative_to(fresh.site) for path in fresh.site.rglob("*") if path.is_file())
    different = [str(path) for path in published
                 if (tmp_path / "after" / path).read_bytes() != (fresh.site / path).read_bytes()]
    assert different == []
