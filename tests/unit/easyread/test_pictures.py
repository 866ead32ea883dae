"""The starter library of easy-read pictures: the committed files, their manifest and the loader."""

import hashlib
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from PIL import Image as PillowImage
from taggit.models import Tag
from wagtail.images import get_image_model
from wagtail.models import Collection

from portal.easyread import pictures
from portal.easyread.pictures import LIBRARY_TAGS, PICTURES_DIR, load_starter_pictures, starter_pictures

ENTRIES = starter_pictures()
STEMS = [Path(entry["file"]).stem for entry in ENTRIES]
SIZE = (256, 256)
# The largest picture (books.png) is about 15 KB; a bigger one means an unoptimised or oversized file.
MAX_BYTES = 20 * 1024
# Words that say nothing about a picture; a screen reader would read them out.
MEANINGLESS_ALT = {"image", "picture", "photo", "icon", "emoji", "png"}
# One savepoint, the root collection, the named collection, the existing images, release the savepoint.
SECOND_LOAD_QUERY_BUDGET = 5

Image = get_image_model()


def by_file(parametrised_test):
    return pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])(parametrised_test)


def test_the_module_not_the_folder_is_portal_easyread_pictures():
    # The folder has no __init__.py, so it is at most a namespace package, which a module beats.
    assert Path(pictures.__file__) == PICTURES_DIR.parent / "pictures.py"
    assert not (PICTURES_DIR / "__init__.py").exists()


def test_the_library_has_a_starter_set():
    assert len(ENTRIES) >= 40
    assert {"telephone", "face-very-happy", "face-happy", "face-neither", "face-sad", "face-very-sad"} <= set(STEMS)


def test_files_titles_and_hexcodes_are_each_used_once():
    # The loader finds an existing picture by its title, so titles must tell pictures apart.
    for key in ("file", "title", "openmoji_hexcode"):
        values = [entry[key] for entry in ENTRIES]
        assert len(values) == len(set(values)), key


def test_every_file_in_the_folder_is_in_the_manifest():
    expected = {entry["file"] for entry in ENTRIES} | {"pictures.json", "README.md"}
    assert {path.name for path in PICTURES_DIR.iterdir()} == expected


@by_file
def test_picture_is_a_small_transparent_png_of_256_px(entry):
    path = PICTURES_DIR / entry["file"]
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.png", entry["file"])
    assert path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    assert path.stat().st_size < MAX_BYTES
    with PillowImage.open(path) as picture:
        assert picture.format == "PNG"
        assert picture.size == SIZE
        assert picture.mode == "RGBA"
        alpha = picture.getchannel("A")
        assert alpha.getextrema() == (0, 255), "needs a transparent background and an opaque picture"
        assert all(alpha.getpixel(corner) == 0 for corner in [(0, 0), (255, 0), (0, 255), (255, 255)])


@by_file
def test_entry_says_what_the_picture_shows_and_where_it_comes_from(entry):
    stem = Path(entry["file"]).stem
    alt = entry["alt"].strip()
    assert entry["title"].strip()
    assert alt
    assert len(alt) <= 60, "alt text is short: editors can say more where they use the picture"
    assert alt.lower() not in MEANINGLESS_ALT
    assert ".png" not in alt.lower()
    assert alt.lower() not in {stem, stem.replace("-", " "), entry["file"]}
    assert entry["tags"]
    assert all(isinstance(tag, str) and tag.strip() for tag in entry["tags"])
    assert entry["source"] == "OpenMoji 17.0.0"
    assert entry["author"].startswith("OpenMoji")
    assert entry["designer"].strip()
    assert entry["licence"] == "CC BY-SA 4.0"
    assert entry["licence_url"] == "https://creativecommons.org/licenses/by-sa/4.0/"
    assert entry["source_url"] == f"https://openmoji.org/library/emoji-{entry['openmoji_hexcode']}/"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def counts(media_root):
    return {
        "images": Image.objects.count(),
        "collections": Collection.objects.count(),
        "tags": Tag.objects.count(),
        "tagged items": Image.tags.through.objects.count(),
        "files": sum(1 for path in media_root.rglob("*") if path.is_file()),
    }


def test_load_creates_one_image_per_picture_in_the_collection(db, media_root):
    before = counts(media_root)

    loaded = load_starter_pictures()

    collection = Collection.objects.get(name="Easy-read pictures")
    assert collection.get_parent() == Collection.get_first_root_node()
    assert list(loaded) == STEMS
    assert counts(media_root)["images"] - before["images"] == len(ENTRIES)
    assert counts(media_root)["files"] - before["files"] == len(ENTRIES)
    for entry in ENTRIES:
        image = Image.objects.get(pk=loaded[Path(entry["file"]).stem].pk)
        committed = (PICTURES_DIR / entry["file"]).read_bytes()
        assert image.title == entry["title"]
        assert image.description == entry["alt"]
        assert image.collection == collection
        assert (image.width, image.height) == SIZE
        assert image.file_size == len(committed)
        assert image.file_hash == hashlib.sha1(committed).hexdigest()  # noqa: S324 - Wagtail's own file hash
        with image.file.open("rb") as stored:
            assert stored.read() == committed
        assert set(image.tags.names()) == set(entry["tags"]) | set(LIBRARY_TAGS)


def test_a_second_load_creates_nothing_and_returns_the_same_images(db, media_root, django_assert_max_num_queries):
    first = load_starter_pictures()
    before = counts(media_root)

    with django_assert_max_num_queries(SECOND_LOAD_QUERY_BUDGET):
        second = load_starter_pictures()

    assert counts(media_root) == before
    assert {stem: image.pk for stem, image in second.items()} == {stem: image.pk for stem, image in first.items()}


def test_a_load_keeps_what_editors_changed(db, media_root):
    first = load_starter_pictures()
    retitled = first["telephone"]
    retitled.title = "Phone us"
    retitled.description = "A red telephone"
    retitled.save()
    replaced = first["home"]
    replaced.file_hash = "0" * 40  # as if an editor had uploaded a different picture of a house
    replaced.save()
    before = counts(media_root)

    second = load_starter_pictures()

    assert counts(media_root) == before
    assert second["telephone"].pk == retitled.pk
    assert second["telephone"].description == "A red telephone"
    assert second["home"].pk == replaced.pk


def test_each_named_collection_gets_its_own_pictures(db, media_root):
    default = load_starter_pictures()
    pilot = load_starter_pictures("Pilot site pictures")

    assert Collection.objects.get(name="Pilot site pictures").get_parent() == Collection.get_first_root_node()
    assert pilot["telephone"].collection.name == "Pilot site pictures"
    assert pilot["telephone"].pk != default["telephone"].pk
    assert Image.objects.count() == 2 * len(ENTRIES)


def test_a_load_can_be_limited_to_some_pictures_and_completed_later(db, media_root):
    some = load_starter_pictures(only=["telephone", "home"])

    assert sorted(some) == ["home", "telephone"]
    assert Image.objects.count() == 2

    everything = load_starter_pictures()

    assert everything["telephone"].pk == some["telephone"].pk
    assert Image.objects.count() == len(ENTRIES)


def test_the_command_loads_the_pictures_once(db, media_root):
    output = StringIO()

    call_command("load_easyread_pictures", stdout=output)
    call_command("load_easyread_pictures", stdout=StringIO())

    assert f"{len(ENTRIES)} of {len(ENTRIES)} starter pictures" in output.getvalue()
    assert Image.objects.count() == len(ENTRIES)
