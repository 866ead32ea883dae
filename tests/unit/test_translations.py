"""The Urdu and Polish translations: complete, safe to format, and used when the pages render.

The .po files are read with a small parser here (polib is not a dependency). Every check is on the
files in locale/, so a new string added to a template and extracted with `make messages` fails
here until someone translates it and runs `make compilemessages`.
"""

import ast
import gettext as gettext_module
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings
from django.utils.html import escape
from django.utils.translation import gettext, override

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
LANGUAGES = ["ur", "pl"]
PLURAL_FORMS = {
    "ur": "nplurals=2; plural=(n != 1);",
    "pl": "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}

# %(name)s, %(count)d, %s, %d ...; "%%" is a literal percent sign, not a placeholder.
PLACEHOLDER = re.compile(r"%(?:\([^)]+\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]")
HTML_TAG = re.compile(r"<[^<>]+>")
HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);")


@dataclass
class Entry:
    msgid: str = ""
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    obsolete: bool = False

    def __str__(self):
        return repr(self.msgid[:70])


def parse_po(path):
    """Read a .po file into entries; the header is the entry whose msgid is empty."""
    entries = []
    entry, current = Entry(), None  # current: the string that continuation lines ("...") add to

    def finish():
        nonlocal entry, current
        if entry.msgstr or entry.obsolete:
            entries.append(entry)
        entry, current = Entry(), None

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            finish()
        elif line.startswith("#"):
            if entry.msgstr:  # a comment after a msgstr starts the next entry
                finish()
            if line.startswith("#~"):
                entry.obsolete = True
            elif line.startswith("#,"):
                entry.flags.update(flag.strip() for flag in line[2:].split(","))
        elif entry.obsolete:
            continue
        elif line.startswith('"'):
            value = ast.literal_eval(line)
            if current == "msgid":
                entry.msgid += value
            elif current == "msgid_plural":
                entry.msgid_plural += value
            elif isinstance(current, int):
                entry.msgstr[current] += value
            elif current == "msgctxt":
                entry.msgctxt += value
            else:
                raise ValueError(f"{path}:{number}: a string continues nothing")
        else:
            keyword, _, rest = line.partition(" ")
            value = ast.literal_eval(rest)
            if keyword in ("msgctxt", "msgid") and entry.msgstr:
                finish()
            if keyword == "msgid":
                entry.msgid, current = value, "msgid"
            elif keyword == "msgid_plural":
                entry.msgid_plural, current = value, "msgid_plural"
            elif keyword == "msgstr":
                entry.msgstr[0], current = value, 0
            elif re.fullmatch(r"msgstr\[\d+\]", keyword):
                current = int(keyword[7:-1])
                entry.msgstr[current] = value
            elif keyword == "msgctxt":
                entry.msgctxt, current = value, "msgctxt"
            else:
                raise ValueError(f"{path}:{number}: cannot read {raw!r}")
    finish()
    return entries


def po_path(language):
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def header(entries):
    fields = {}
    for line in entries[0].msgstr[0].splitlines():
        name, _, value = line.partition(":")
        fields[name.strip()] = value.strip()
    return fields


def messages(language):
    entries = parse_po(po_path(language))
    assert entries and entries[0].msgid == "", "the header entry comes first"
    return [entry for entry in entries[1:] if not entry.obsolete]


def translations(entry):
    """Each msgstr with the English text it translates (the plural English for plural forms)."""
    for index, text in sorted(entry.msgstr.items()):
        source = entry.msgid if entry.msgid_plural is None or index == 0 else entry.msgid_plural
        yield index, source, text


def placeholders(text):
    return Counter(match for match in PLACEHOLDER.findall(text) if match != "%%")


@pytest.fixture(params=LANGUAGES)
def language(request):
    return request.param


def test_the_catalogue_exists_and_has_messages(language):
    assert po_path(language).is_file()
    assert len(messages(language)) > 100


def test_the_header_names_the_language_encoding_and_plural_rule(language):
    entries = parse_po(po_path(language))
    fields = header(entries)
    assert fields["Language"] == language
    assert fields["Content-Type"] == "text/plain; charset=UTF-8"
    assert fields["Plural-Forms"] == PLURAL_FORMS[language]
    assert fields["Project-Id-Version"] == "portal"
    assert "fuzzy" not in entries[0].flags


def test_every_message_is_translated(language):
    untranslated = [
        str(entry)
        for entry in messages(language)
        if not entry.msgstr or any(not text.strip() for text in entry.msgstr.values())
    ]
    assert untranslated == []


def test_no_message_is_fuzzy(language):
    assert [str(entry) for entry in messages(language) if "fuzzy" in entry.flags] == []


def test_plural_messages_have_every_plural_form(language):
    nplurals = int(re.search(r"nplurals=(\d+)", PLURAL_FORMS[language]).group(1))
    wrong = [
        str(entry)
        for entry in messages(language)
        if entry.msgid_plural is not None and sorted(entry.msgstr) != list(range(nplurals))
    ]
    assert wrong == []


def test_translations_keep_every_placeholder(language):
    problems = []
    for entry in messages(language):
        wanted = placeholders(entry.msgid) | placeholders(entry.msgid_plural or "")
        for index, _source, text in translations(entry):
            found = placeholders(text)
            if set(found) != set(wanted):
                problems.append(f"{entry} [{index}]: wants {sorted(wanted)}, has {sorted(found)}")
    assert problems == []


def test_python_format_messages_still_format(language):
    for entry in messages(language):
        if "python-format" not in entry.flags:
            continue
        names = re.findall(r"%\(([^)]+)\)", entry.msgid + (entry.msgid_plural or ""))
        values = dict.fromkeys(names, 1)
        for _index, _source, text in translations(entry):
            text % values  # raises on a broken or unknown placeholder


def test_translations_keep_the_html_tags_and_entities(language):
    problems = []
    for entry in messages(language):
        for index, source, text in translations(entry):
            for pattern in (HTML_TAG, HTML_ENTITY):
                missing = Counter(pattern.findall(source)) - Counter(pattern.findall(text))
                if missing:
                    problems.append(f"{entry} [{index}]: lost {sorted(missing)}")
    assert problems == []


def test_the_compiled_catalogue_matches_the_po_file(language):
    """The .mo file Django reads holds exactly the translations in the .po file beside it."""
    po = po_path(language)
    mo = po.with_suffix(".mo")
    assert mo.is_file(), f"run `make compilemessages`: {mo} is missing"
    with mo.open("rb") as handle:
        compiled = gettext_module.GNUTranslations(handle)._catalog

    expected = {}
    for entry in messages(language):
        # gettext keys a message with a context as "context\x04msgid".
        key = entry.msgid if entry.msgctxt is None else f"{entry.msgctxt}\x04{entry.msgid}"
        if entry.msgid_plural is None:
            expected[key] = entry.msgstr[0]
        else:
            for index, text in entry.msgstr.items():
                expected[(key, index)] = text
    compiled = {key: text for key, text in compiled.items() if key != ""}  # "" is the header

    assert compiled == expected, f"run `make compilemessages`: {mo} does not match {po}"


@pytest.mark.parametrize(("language", "direction"), [("ur", "rtl"), ("pl", "ltr")])
def test_need_help_now_page_is_shown_in_the_language(client, db, site_pages, language, direction):
    english = "Need help now?"
    with override(language):
        translated = gettext(english)
    assert translated != english

    response = client.get(f"/{language}/need-help-now/")

    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{language}"' in html
    assert f'dir="{direction}"' in html
    assert f"<h1>{escape(translated)}</h1>" in html
