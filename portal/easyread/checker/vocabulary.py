"""The word lists the rules look words up in.

The hard-words list is a data file (`portal/easyread/plain_words.txt`) so that someone who is not a
developer can review it; the short lists here change less often and are closer to grammar.
"""

import functools
from pathlib import Path

PLAIN_WORDS_FILE = Path(__file__).resolve().parent.parent / "plain_words.txt"


class PlainWordsFileError(ValueError):
    """A line in the plain-words file is not of the form "hard word = plain alternative"."""


@functools.cache
def builtin_plain_words():
    """Hard word (lower case) -> plainer alternative, from the data file."""
    words = {}
    for number, line in enumerate(PLAIN_WORDS_FILE.read_text(encoding="utf-8").splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        hard, separator, plain = line.partition("=")
        if not separator or not hard.strip() or not plain.strip():
            raise PlainWordsFileError(f"{PLAIN_WORDS_FILE.name} line {number}: expected 'hard word = plain word'")
        words[" ".join(hard.lower().split())] = plain.strip()
    return words


@functools.lru_cache(maxsize=16384)
def base_forms(word):
    """The word and the forms it may be an inflection of: "utilised" -> "utilise", "assessments" -> "assessment".

    Cheap suffix stripping, enough to find a word in a list without a dictionary.
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    forms = [word]
    for suffix, replacements in (
        ("ies", ("y",)),
        ("es", ("", "e")),
        ("s", ("",)),
        ("ied", ("y",)),
        ("ed", ("", "e")),
        ("d", ("",)),
        ("ing", ("", "e")),
        ("ly", ("", "le")),
    ):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            forms.extend(word[: -len(suffix)] + ending for ending in replacements)
    return tuple(forms)


# Long words (four syllables or more, or 13 letters or more) that readers of this portal meet every
# day, so they are not worth a warning. Kept short on purpose: a long word is flagged only as
# advice, and editors can add their own through `known_words`.
COMMON_LONG_WORDS = frozenset(
    [
        "actually",
        "anxiety",
        "anybody",
        "activities",
        "activity",
        "available",
        "celebration",
        "comfortable",
        "community",
        "communities",
        "conversation",
        "conversations",
        "definitely",
        "difficulties",
        "difficulty",
        "disabilities",
        "disability",
        "education",
        "emergencies",
        "emergency",
        "especially",
        "everybody",
        "experience",
        "experienced",
        "experiences",
        "february",
        "identify",
        "impossible",
        "independent",
        "information",
        "interested",
        "interesting",
        "january",
        "material",
        "necessarily",
        "ordinary",
        "particular",
        "relationship",
        "relationships",
        "society",
        "television",
        "understanding",
        "unfortunately",
        "university",
        "usually",
        "wheelchair",
    ]
)

# Acronyms everyone reading an NHS site in England knows, so they need no explanation.
KNOWN_ACRONYMS = frozenset({"NHS", "GP", "UK", "TV", "OK", "A&E", "COVID", "ID", "DVD", "CD", "PIN", "BBC"})

BE_FORMS = frozenset(
    [
        "am",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "being",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "isn’t",
        "aren’t",
        "wasn’t",
        "weren’t",
    ]
)
# Words that can sit between "be" and the participle: "is not used", "was often seen".
PASSIVE_FILLERS = frozenset(
    [
        "not",
        "also",
        "often",
        "still",
        "always",
        "never",
        "usually",
        "now",
        "then",
        "already",
        "just",
        "only",
        "all",
        "both",
        "mainly",
        "largely",
        "widely",
        "generally",
        "sometimes",
        "really",
        "very",
        "being",
        "been",
        "first",
        "further",
    ]
)
IRREGULAR_PARTICIPLES = frozenset(
    [
        "arisen",
        "awoken",
        "beaten",
        "become",
        "begun",
        "bent",
        "bet",
        "bitten",
        "bled",
        "blown",
        "bought",
        "bound",
        "brought",
        "broken",
        "built",
        "burnt",
        "caught",
        "chosen",
        "come",
        "cut",
        "dealt",
        "done",
        "drawn",
        "dreamt",
        "driven",
        "drunk",
        "dug",
        "eaten",
        "fallen",
        "fed",
        "felt",
        "fled",
        "flown",
        "forbidden",
        "forecast",
        "forgiven",
        "forgotten",
        "found",
        "frozen",
        "given",
        "gone",
        "got",
        "gotten",
        "grown",
        "heard",
        "held",
        "hidden",
        "hit",
        "hung",
        "hurt",
        "kept",
        "knelt",
        "known",
        "laid",
        "leant",
        "learnt",
        "led",
        "left",
        "lent",
        "let",
        "lit",
        "lost",
        "made",
        "meant",
        "met",
        "mislaid",
        "misled",
        "mistaken",
        "overcome",
        "overdone",
        "overheard",
        "overseen",
        "overtaken",
        "overthrown",
        "paid",
        "proven",
        "put",
        "quit",
        "read",
        "rebuilt",
        "redone",
        "rewritten",
        "ridden",
        "rung",
        "risen",
        "run",
        "said",
        "sawn",
        "seen",
        "sent",
        "set",
        "sewn",
        "shaken",
        "shed",
        "shone",
        "shot",
        "shown",
        "shrunk",
        "shut",
        "slept",
        "slid",
        "sold",
        "sought",
        "sown",
        "spent",
        "spilt",
        "split",
        "spoken",
        "spread",
        "sprung",
        "stolen",
        "struck",
        "stuck",
        "stung",
        "sung",
        "sunk",
        "sworn",
        "swept",
        "swum",
        "taken",
        "taught",
        "thought",
        "thrown",
        "told",
        "torn",
        "understood",
        "undertaken",
        "undone",
        "upheld",
        "upset",
        "withdrawn",
        "withheld",
        "woken",
        "won",
        "worn",
        "wound",
        "written",
    ]
)
# Words ending in "-ed" that after "be" are adjectives describing a person, not passives.
ADJECTIVES_ENDING_ED = frozenset(
    [
        "ashamed",
        "amazed",
        "annoyed",
        "bored",
        "committed",
        "complicated",
        "concerned",
        "confused",
        "delighted",
        "determined",
        "detailed",
        "disabled",
        "disappointed",
        "embarrassed",
        "excited",
        "experienced",
        "frightened",
        "interested",
        "married",
        "old-fashioned",
        "pleased",
        "prepared",
        "satisfied",
        "scared",
        "shocked",
        "skilled",
        "supposed",
        "surprised",
        "talented",
        "tired",
        "used",
        "worried",
        "aged",
        "naked",
        "wicked",
        "sacred",
        "beloved",
    ]
)

NUMBER_WORD_VALUES = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
NUMBER_WORD_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
