#!/usr/bin/env python3
"""Build the first-name and surname lists the personal-data detector uses, from Faker's locale data.

Usage:
    .venv/bin/python scripts/build_name_lists.py

Faker (MIT licence) is a development dependency, installed with factory_boy; the portal never imports
it when it runs. This script reads the person-name lists of every Faker locale written in Latin script
(the languages and countries of people who use NHS services in England), plus the romanised Japanese and
Chinese lists, and writes to portal/feedback/anonymise/data/:

- first_names.txt and surnames.txt: one name a line, lower case, sorted. Names with accents are also
  written without them ("kupcová" and "kupcova"), since people often type names without accents.
  Dropped: names of one or two letters, particles such as "van" and "de", and names that are ordinary
  English words (vocabulary.common_words(), which includes AMBIGUOUS_NAMES such as "may" and "will").
- common_words.txt: the thousand common English words of Faker's en_US lorem provider.
- SOURCE.md: where all of this came from, and when.

Commit the output; run the script again after a Faker upgrade or after adding to vocabulary.py.
"""

import datetime
import importlib
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import faker  # noqa: E402
from faker.providers.lorem.en_US import Provider as EnglishLorem  # noqa: E402

from portal.feedback.anonymise import vocabulary  # noqa: E402

DATA = ROOT / "portal" / "feedback" / "anonymise" / "data"

# Faker locales whose person names are in Latin script. Faker's Arabic, Hindi, Bengali, Urdu-speaking
# and Cyrillic locales write names in their own scripts, which feedback in English rarely uses; en_IN,
# en_PK and fr_DZ carry romanised South Asian and Arabic names instead.
LOCALES = [
    # Britain and Ireland, and English-speaking countries with large communities in England.
    "en",
    "en_GB",
    "en_IE",
    "ga_IE",
    "en_US",
    "en_NZ",
    "en_IN",
    "en_PK",
    "en_KE",
    "en_NG",
    "en_TH",
    # Africa.
    "yo_NG",
    "ig_NG",
    "ha_NG",
    "tw_GH",
    "sw",
    "zu_ZA",
    "fr_DZ",
    # Europe.
    "pl_PL",
    "ro_RO",
    "lt_LT",
    "lv_LV",
    "et_EE",
    "cs_CZ",
    "sk_SK",
    "sl_SI",
    "hr_HR",
    "hu_HU",
    "pt_PT",
    "pt_BR",
    "es_ES",
    "es_MX",
    "es_AR",
    "es_CO",
    "es_CL",
    "it_IT",
    "fr_FR",
    "fr_BE",
    "fr_CH",
    "fr_CA",
    "de_DE",
    "de_AT",
    "de_CH",
    "nl_NL",
    "nl_BE",
    "da_DK",
    "no_NO",
    "sv_SE",
    "fi_FI",
    "is_IS",
    "tr_TR",
    "az_AZ",
    "uz_UZ",
    # Asia, romanised.
    "id_ID",
    "vi_VN",
    "ja_JP",
    "zh_CN",
    "zh_TW",
]

# Attributes of a Faker person provider that hold names in Latin script.
FIRST_NAME_ATTRIBUTES = ("first_names", "first_names_female", "first_names_male", "first_names_nonbinary")
FIRST_NAME_ATTRIBUTES += ("first_names_unisex", "first_romanized_names")
SURNAME_ATTRIBUTES = ("last_names", "last_names_female", "last_names_male", "last_romanized_names")
SURNAME_ATTRIBUTES += ("male_last_names", "female_last_names", "unisex_last_names")
# Iceland's last_names is a placeholder; its patronymics are built from first names.
SKIP = {("is_IS", "last_names")}

# Parts of names that are not names on their own ("van der Berg", "de la Cruz", "bin Salman").
PARTICLES = frozenset(str.split("van von der den des del della dos das die les los las ter ten bin ibn abu binti"))

# Letters that Unicode does not decompose into a base letter and an accent.
SPECIAL_LETTERS = str.maketrans({"ł": "l", "ø": "o", "æ": "ae", "ß": "ss", "đ": "d", "ı": "i", "ð": "d", "þ": "th"})
SPECIAL_LETTERS.update(str.maketrans({"œ": "oe", "ħ": "h", "ŋ": "ng", "ə": "e"}))


def is_latin(name):
    return all(not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)


def without_accents(word):
    decomposed = unicodedata.normalize("NFKD", word.translate(SPECIAL_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def variants(entry, drop):
    """Lower-case words of one list entry, with and without accents, less what `drop` rules out."""
    words = set()
    for word in unicodedata.normalize("NFC", entry).casefold().replace("’", "'").split():
        parts = [word, *word.split("-")] if "-" in word else [word]
        for part in parts:
            part = part.strip("'.")
            words |= {part, without_accents(part)}
    return {word for word in words if len(word) > 2 and word not in PARTICLES and word not in drop}


def read_names(attributes):
    names, used = set(), []
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        found = False
        for attribute in attributes:
            if (locale, attribute) in SKIP:
                continue
            entries = getattr(provider, attribute, None)
            if not isinstance(entries, (list, tuple, dict)):  # absent, or a property computed from others
                continue
            latin = [entry for entry in entries if isinstance(entry, str) and is_latin(entry)]
            names.update(latin)
            found = found or bool(latin)
        if found:
            used.append(locale)
    return names, used


def write_list(filename, words):
    (DATA / filename).write_text("".join(f"{word}\n" for word in sorted(words)), encoding="utf-8")


def main():
    DATA.mkdir(exist_ok=True)
    write_list("common_words.txt", {word.casefold() for word in EnglishLorem.word_list})
    vocabulary.common_words.cache_clear()
    drop = vocabulary.common_words()

    raw_first, first_locales = read_names(FIRST_NAME_ATTRIBUTES)
    raw_last, last_locales = read_names(SURNAME_ATTRIBUTES)
    first = set().union(*(variants(name, drop) for name in raw_first))
    last = set().union(*(variants(name, drop) for name in raw_last))
    write_list("first_names.txt", first)
    write_list("surnames.txt", last)
    write_source(first_locales, last_locales, len(first), len(last))
    print(f"{len(first)} first names from {len(first_locales)} locales, {len(last)} surnames from {len(last_locales)}")


def write_source(first_locales, last_locales, first_count, last_count):
    licence = Path(faker.__file__).resolve().parent.parent / f"faker-{faker.VERSION}.dist-info" / "licenses"
    copyright_line = next(
        (line for path in licence.glob("*") for line in path.read_text().splitlines() if "Copyright" in line),
        "Copyright (c) 2012 Daniele Faraglia",
    )
    text = f"""# Where the name lists come from

Built {datetime.date.today().isoformat()} by `scripts/build_name_lists.py` from **Faker {faker.VERSION}**
(https://github.com/joke2k/faker), a development dependency of this project. The portal reads only the
`.txt` files here; it never imports Faker.

| file | entries | from |
| --- | --- | --- |
| `first_names.txt` | {first_count} | `faker.providers.person.<locale>` first-name lists (romanised for ja, zh) |
| `surnames.txt` | {last_count} | the same providers' surname lists |
| `common_words.txt` | {len(EnglishLorem.word_list)} | `faker.providers.lorem.en_US`: common English words |

Locales used for first names: {", ".join(first_locales)}.

Locales used for surnames: {", ".join(last_locales)}.

Each entry is lower case, split into words (hyphenated names also as their parts), and written with and
without accents. Dropped: words of one or two letters, particles ("van", "de", "bin"), and every word in
`vocabulary.common_words()`, the ordinary English words that the runtime does not treat as names on
capitalisation alone (names such as May and Will are handled there, with context).

## Licence

Faker is released under the MIT licence:

> {copyright_line}
>
> Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
> associated documentation files (the "Software"), to deal in the Software without restriction, including
> without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
> copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
> following conditions: The above copyright notice and this permission notice shall be included in all
> copies or substantial portions of the Software.
>
> THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED.

## Rebuild

    .venv/bin/python scripts/build_name_lists.py

Run it after upgrading Faker or after adding words to `vocabulary.py`, and commit the output.
"""
    (DATA / "SOURCE.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
