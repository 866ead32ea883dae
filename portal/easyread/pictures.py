"""The starter library of easy-read pictures, and the one way it gets into Wagtail's image library.

The pictures are OpenMoji emoji (CC BY-SA 4.0), rendered to PNG by scripts/build_pictures and
committed in the pictures/ folder beside this module, with pictures/pictures.json saying what each
one shows and where it comes from. pictures/README.md says how to add more.

The folder has no __init__.py on purpose: this module, not the folder, is `portal.easyread.pictures`.
"""

import json
from collections.abc import Iterable
from pathlib import Path

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models import Q
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage
from wagtail.models import Collection
from wagtail.utils.file import hash_filelike

PICTURES_DIR = Path(__file__).resolve().parent / "pictures"
MANIFEST = PICTURES_DIR / "pictures.json"
DEFAULT_COLLECTION_NAME = "Easy-read pictures"
# Wagtail images have no field for credits, so every starter picture carries its source and licence
# as tags an editor sees in the image library; the full attribution is in the manifest and README.
LIBRARY_TAGS = ("openmoji", "cc-by-sa-4")


def starter_pictures() -> list[dict]:
    """The manifest entries, in the order pictures/pictures.json lists them."""
    return json.loads(MANIFEST.read_text(encoding="utf-8"))


@transaction.atomic
def load_starter_pictures(
    collection_name: str = DEFAULT_COLLECTION_NAME, *, only: Iterable[str] | None = None
) -> dict[str, AbstractImage]:
    """Put the starter pictures in a collection of the image library; return them by file stem.

    `load_starter_pictures()["telephone"]` is the image made from telephone.png. Running it again
    creates nothing: a picture already in the collection, found by its file's hash (or by its
    title, if an editor has replaced the file since), is returned as the editors left it.
    `only` limits it to some pictures, by file stem (the test suite uses it to stay quick).
    """
    image_model = get_image_model()
    collection = _collection(collection_name)
    entries = starter_pictures()
    if only is not None:
        wanted = set(only)
        entries = [entry for entry in entries if Path(entry["file"]).stem in wanted]
    hashes = {entry["file"]: _file_hash(entry["file"]) for entry in entries}

    existing = image_model.objects.filter(collection=collection).filter(
        Q(file_hash__in=list(hashes.values())) | Q(title__in=[entry["title"] for entry in entries])
    )
    by_hash, by_title = {}, {}
    for image in existing.order_by("pk"):  # the oldest wins if an editor has made copies
        by_hash.setdefault(image.file_hash, image)
        by_title.setdefault(image.title, image)

    pictures = {}
    for entry in entries:
        file_hash = hashes[entry["file"]]
        image = by_hash.get(file_hash) or by_title.get(entry["title"])
        pictures[Path(entry["file"]).stem] = image or _create_image(image_model, entry, collection, file_hash)
    return pictures


def _collection(name):
    root = Collection.get_first_root_node()
    return root.get_children().filter(name=name).first() or root.add_child(name=name)


def _file_hash(file_name):
    with (PICTURES_DIR / file_name).open("rb") as file:
        return hash_filelike(file)


def _create_image(image_model, entry, collection, file_hash):
    path = PICTURES_DIR / entry["file"]
    with path.open("rb") as file:
        # file_size and file_hash are what Wagtail's upload form would set; the hash also finds
        # this image again next time.
        image = image_model(
            title=entry["title"],
            description=entry["alt"],
            collection=collection,
            file=ImageFile(file, name=entry["file"]),
            file_size=path.stat().st_size,
            file_hash=file_hash,
        )
        image.save()
    image.tags.add(*entry["tags"], *LIBRARY_TAGS)
    return image
