"""Rules about words: hard words without an explanation nearby, and acronyms nobody spelled out.

A hard word is fine once it is explained: in the same sentence ("a strategy (a big plan)"), in the
next one ("This means ..."), in a glossary line in the text ("Bill - a proposal for a new law") or
in the page's own glossary, which the caller passes in as `known_words`. Each word is reported once,
where it is first used without an explanation, so a page that uses a word ten times gets one note.
"""

import re

from django.utils.translation import gettext, ngettext

from .report import Issue
from .text import ADDRESS, HEADING, syllables
from .vocabulary import ADJECTIVES_ENDING_ED, COMMON_LONG_WORDS, KNOWN_ACRONYMS, base_forms

LONG_WORD = {True: (4, 13), False: (5, 15)}  # easy read?: (syllables, letters) that make a word long

# "X (what it means)", "X - what it means", "X: what it means" straight after the word.
EXPLAINED_AFTER = re.compile(r"""^["'”’]?\s*(?:\(|[-–—]\s|:\s)""")
# "what it means (X)".
IN_BRACKETS_BEFORE = re.compile(r"\(\s*[\"'“‘]?$")
IN_BRACKETS_AFTER = re.compile(r"""^["'”’]?\s*\)""")
# "These events are called consultations."
INTRODUCED = re.compile(r"\b(?:called|known as|named|termed)\s+(?:a |an |the )?[\"'“‘]?$", re.IGNORECASE)
# "Strategies are big plans", "Mandatory training is training that all staff must do", "A consultation
# is when ...". After "is" or "are" comes what the thing is: "a ...", "when ...", or a noun ("plans",
# "training"), not a participle or adjective ("Assessments are booked", "Staff are kind").
_WHAT_IT_IS = (
    r"(?:a|an|the|when|where|what|how|who|someone|somebody|something|anything)\b"
    r"|(?:\w+\s+)?(?!being\b|going\b)\w+(?:s|ing)\b"
)
DEFINED = re.compile(
    rf"""^["'”’]?(?:\s+\w+){{0,3}}?\s+(?:means?|stands\s+for|is\s+short\s+for|(?:is|are)\s+(?:{_WHAT_IT_IS}))""",
    re.IGNORECASE,
)
DEFINING_POSITION = 4  # the word defined is among the first words of the sentence
# The next sentence explains the last one: "This means ...", "This is when ...", "This is called ...".
EXPLAINS_LAST = re.compile(
    r"^(?:(?:this|that|it)\s+means|(?:this|that)\s+is\s+(?:called|when|where|what|how|a|an|the)"
    r"|(?:these|they)\s+are\s+(?:people|places|things|ways|times|when|where|what|how))\b",
    re.IGNORECASE,
)
# A glossary line: "Bill - A proposal for a new law.", "Advocate: someone who ...".
GLOSSARY_LINE = re.compile(r"^[ \t]*(?:[•*\-–][ \t]+)?([A-Za-z][\w’' ()-]{0,60}?)[ \t]*[-–—:][ \t]+\S", re.MULTILINE)
GLOSSARY_TERM_WORDS = 6

ACRONYM = re.compile(r"(?<![\w&])([A-Z][A-Z0-9&]*[A-Z0-9])(?:['’]?s)?(?![\w&])")
ACRONYM_IN_BRACKETS = re.compile(r"\(\s*(?:the\s+)?([A-Z][A-Z0-9&]*[A-Z0-9])(?:['’]?s)?\s*\)")
TWO_WORDS_BEFORE = re.compile(r"[A-Za-z’'-]+[ \t]+[A-Za-z’'-]+[ \t]+$")
ACRONYM_EXPANDED_AFTER = re.compile(
    r"\b([A-Z][A-Z0-9&]*[A-Z0-9])(?:['’]?s)?\s*\(\s*(?:the\s+)?[A-Za-z][a-z]+(?:[\s-]+[A-Za-z][a-z]*)+"
)
ACRONYM_DEFINED = re.compile(r"\b([A-Z][A-Z0-9&]*[A-Z0-9])(?:['’]?s)?\s+(?:means|stands for|is short for|is|are)\b")
ACRONYM_INTRODUCED = re.compile(
    r"(?:called|known as|shorten\w*[^.\n]{0,40}?\bto)\s+(?:the\s+)?[\"'‘“]?([A-Z][A-Z0-9&]*[A-Z0-9])\b"
)
ROMAN_LETTERS = frozenset("IVX")
CAPITAL = re.compile(r"[A-Z]")
SMALL_LETTER = re.compile(r"[a-z]")


def hard_words(document, *, plain_words, known_words, easy_read):
    text = document.text
    known = {form for word in known_words for form in base_forms(word)}
    known_spans = _phrase_spans(text, [word for word in known_words if " " in word.strip()])
    glossary = {form for term in _glossary_terms(text) for word in term.split() for form in base_forms(word)}
    phrases = {hard: plain for hard, plain in plain_words.items() if " " in hard}
    phrase_spans = _phrase_spans(text, phrases)
    settled = set()  # words already reported or explained: each is reported once at most
    sentences = document.sentences

    for start, end in phrase_spans:
        key = " ".join(text[start:end].lower().split())
        if key in settled or _inside(start, end, known_spans):
            continue
        settled.add(key)
        yield _hard_word_issue(text[start:end], phrases.get(key, ""), start, end)

    for index, sentence in enumerate(sentences):
        following = sentences[index + 1] if index + 1 < len(sentences) else None
        for position, word in enumerate(sentence.words):
            if word.text[0].isdigit() or _inside(word.start, word.end, phrase_spans):
                continue
            forms = base_forms(word.text)
            key, plain = _hard(word.text, forms, position, sentence, plain_words, easy_read)
            if key is None or key in settled:
                continue
            if known.intersection(forms) or _inside(word.start, word.end, known_spans):
                continue
            settled.add(key)
            if glossary.intersection(forms) or _explained(sentence, word, position, following, forms):
                continue
            yield _hard_word_issue(word.text, plain, word.start, word.end)


def _hard(word, forms, position, sentence, plain_words, easy_read):
    """(key, plain alternative or None) when `word` is hard; (None, None) when it is not."""
    # "We are determined" is not a form of "determine": adjectives are looked up only as they are.
    for form in forms[:1] if forms[0] in ADJECTIVES_ENDING_ED else forms:
        if form in plain_words:
            return form, plain_words[form]
    if word.isupper() or COMMON_LONG_WORDS.intersection(forms):
        return None, None
    if word[0].isupper() and (position > 0 or sentence.kind == HEADING):
        return None, None  # a name: "Wellside Research", "Merseyside"
    min_syllables, min_letters = LONG_WORD[easy_read]
    # A compound is as hard as its hardest part: "out-of-area" is three short words.
    for part in word.split("-"):
        if syllables(part) >= min_syllables or sum(character.isalpha() for character in part) >= min_letters:
            return forms[0], None
    return None, None


def _hard_word_issue(word, plain, start, end):
    if plain:
        message = gettext(
            "“%(word)s” is a hard word for many readers. Could you say “%(plain)s” instead, or explain what it "
            "means in the next sentence?"
        ) % {"word": word, "plain": plain}
        return Issue("hard-word", message, start, end, "warning")
    if plain is not None:  # an editor's own hard word, added without an alternative
        message = gettext(
            "“%(word)s” is a hard word for many readers. Could you use an everyday word, or explain what it means "
            "in the next sentence?"
        ) % {"word": word}
        return Issue("hard-word", message, start, end, "warning")
    count = syllables(word)
    message = ngettext(
        "“%(word)s” is a long word (%(count)d syllable). Could you use a shorter word, or explain what it means "
        "in the next sentence?",
        "“%(word)s” is a long word (%(count)d syllables). Could you use a shorter word, or explain what it means "
        "in the next sentence?",
        count,
    ) % {"word": word, "count": count}
    return Issue("hard-word", message, start, end, "advice")


def _explained(sentence, word, position, following, forms):
    if _explains_here(sentence, word, position):
        return True
    if following is None:
        return False
    if EXPLAINS_LAST.match(following.text):
        return True
    return any(
        set(base_forms(candidate.text)).intersection(forms) and _explains_here(following, candidate, number)
        for number, candidate in enumerate(following.words[: DEFINING_POSITION + 1])
    )


def _explains_here(sentence, word, position):
    before = sentence.text[: word.start - sentence.start]
    after = sentence.text[word.end - sentence.start :]
    return bool(
        EXPLAINED_AFTER.match(after)
        or (IN_BRACKETS_BEFORE.search(before) and IN_BRACKETS_AFTER.match(after))
        or INTRODUCED.search(before)
        or (position <= DEFINING_POSITION and DEFINED.match(after))
    )


def _glossary_terms(text):
    for match in GLOSSARY_LINE.finditer(text):
        term = match.group(1).strip()
        if len(term.split()) <= GLOSSARY_TERM_WORDS:
            yield term


def _phrase_spans(text, phrases):
    if not phrases:
        return []
    alternatives = sorted((r"\s+".join(map(re.escape, phrase.split())) for phrase in phrases), key=len, reverse=True)
    pattern = re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", re.IGNORECASE)
    return [match.span() for match in pattern.finditer(text)]


def _inside(start, end, spans):
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)


def acronyms(document, *, known_words):
    text = document.text
    known = KNOWN_ACRONYMS | {word.strip().upper() for word in known_words}
    explained = _acronym_explanations(text)
    addresses = [match.span() for match in ADDRESS.finditer(text)]
    sentences = document.sentences
    settled = set()
    for index, sentence in enumerate(sentences):
        if _shouting(sentence.text):
            continue
        nearby_end = sentences[index + 1].end if index + 1 < len(sentences) else sentence.end
        for match in ACRONYM.finditer(text, sentence.start, sentence.end):
            acronym = match.group(1)
            if sum(character.isalpha() for character in acronym) < 2 or set(acronym) <= ROMAN_LETTERS:
                continue
            if acronym in known or acronym in settled or _inside(match.start(), match.end(), addresses):
                continue
            settled.add(acronym)
            if explained.get(acronym, len(text)) < nearby_end:
                continue
            message = gettext(
                "Not everyone knows what “%(acronym)s” stands for. Could you write it out in full the first time "
                "you use it, for example “National Health Service (NHS)”?"
            ) % {"acronym": acronym}
            yield Issue("acronym", message, match.start(1), match.end(1), "warning")


def _acronym_explanations(text):
    """Acronym -> where it is first explained; a glossary line explains it everywhere (position 0)."""
    explained = {}

    def note(acronym, position):
        explained[acronym] = min(explained.get(acronym, position), position)

    for match in ACRONYM_IN_BRACKETS.finditer(text):
        # "Disabled Persons Organisations (DPOs)": the words written out come just before.
        if TWO_WORDS_BEFORE.search(text, max(0, match.start() - 80), match.start()):
            note(match.group(1), match.start())
    for pattern in (ACRONYM_EXPANDED_AFTER, ACRONYM_DEFINED, ACRONYM_INTRODUCED):
        for match in pattern.finditer(text):
            note(match.group(1), match.start())
    for term in _glossary_terms(text):
        for match in ACRONYM.finditer(term):
            explained[match.group(1)] = 0
    return explained


def _shouting(sentence):
    """A line written in capitals ("PLEASE READ THIS") is not full of acronyms."""
    if len(sentence.split()) < 3:
        return False
    capitals = len(CAPITAL.findall(sentence))
    return capitals > 0.6 * (capitals + len(SMALL_LETTER.findall(sentence)))
