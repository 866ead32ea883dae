"""Rules about sentences and paragraphs: length, one idea each, active voice, short paragraphs.

The limits follow the easy-read guidance: sentences of 15 words or fewer (GOV.UK says 10 to 15),
one idea and one verb in each, active rather than passive. Standard pages get a little more room.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext, ngettext

from .report import Issue
from .vocabulary import ADJECTIVES_ENDING_ED, BE_FORMS, IRREGULAR_PARTICIPLES, PASSIVE_FILLERS


@dataclass(frozen=True)
class Limits:
    sentence_words: int  # more words than this is a warning
    sentence_words_serious: int  # more than this is serious
    joiners: int  # this many clause joiners in one sentence suggests more than one idea
    paragraph_sentences: int
    paragraph_words: int


EASY_READ = Limits(sentence_words=15, sentence_words_serious=20, joiners=2, paragraph_sentences=4, paragraph_words=60)
STANDARD = Limits(sentence_words=20, sentence_words_serious=25, joiners=3, paragraph_sentences=5, paragraph_words=80)

# Words and punctuation that join one clause to another. "and" and "or" join clauses only when a
# new subject follows ("and they", "or we"); on their own they more often join two nouns.
JOINER = re.compile(
    r";(?=\s*\S)"
    r"|,\s*(?:and|but|so|or|while|whereas|which|because|although|though)\b"
    r"|\b(?:because|although|though|whereas|unless|which|but)\b"
    r"|\b(?:and|or|so)\s+(?:I|we|you|they|he|she|it|this|that|there|these|those)\b",
    re.IGNORECASE,
)


def long_sentences(document, limits):
    for sentence in document.prose:
        count = len(sentence.words)
        if count <= limits.sentence_words:
            continue
        values = {"count": count, "limit": limits.sentence_words}
        if count > limits.sentence_words_serious:
            message = ngettext(
                "This sentence has %(count)d word. That is long: easy read works best with %(limit)d words or "
                "fewer. Could you split it into two or three sentences?",
                "This sentence has %(count)d words. That is long: easy read works best with %(limit)d words or "
                "fewer. Could you split it into two or three sentences?",
                count,
            )
            severity = "serious"
        else:
            message = ngettext(
                "This sentence has %(count)d word. Easy read works best with %(limit)d words or fewer. "
                "Could you split it?",
                "This sentence has %(count)d words. Easy read works best with %(limit)d words or fewer. "
                "Could you split it?",
                count,
            )
            severity = "warning"
        yield Issue("long-sentence", message % values, sentence.start, sentence.end, severity)


def more_than_one_idea(document, limits):
    """Sentences joined by several clause joiners usually hold more than one idea."""
    for sentence in document.prose:
        joiners = [match for match in JOINER.finditer(sentence.text) if match.start() > 0]
        if len(joiners) < limits.joiners:
            continue
        first = joiners[0].group().strip(" ,").split()[0]
        message = gettext(
            "This sentence seems to say more than one thing. Easy read works best with one idea in each "
            "sentence. Could you make it two sentences, starting a new one at “%(word)s”?"
        ) % {"word": first}
        severity = "warning" if len(joiners) > limits.joiners else "advice"
        yield Issue("one-idea", message, sentence.start, sentence.end, severity)


def passive_voice(document):
    """A form of "be" followed by a past participle: "the form will be checked", "it was set up"."""
    for sentence in document.sentences:
        words = sentence.words
        index = 0
        while index < len(words):
            word = words[index]
            after_there = index and words[index - 1].text.lower() == "there"
            found = None
            if word.text.lower() in BE_FORMS and not after_there:
                # "there were limited places": "limited" describes the places, so not after "there"
                found = _participle_after(words, index)
            if found is None:
                index += 1
                continue
            participle_index, participle = found
            phrase = document.text[word.start : participle.end]
            message = gettext(
                "“%(phrase)s” does not say who does it. Easy read is clearer in the active voice: could you say "
                "who does what? For example, “we will check your form” rather than “your form will be checked”."
            ) % {"phrase": phrase}
            yield Issue("passive-voice", message, word.start, participle.end, "advice")
            index = participle_index + 1


def _participle_after(words, index):
    """The past participle a few words after a form of "be", with its position, if there is one."""
    for candidate_index in range(index + 1, min(index + 4, len(words))):
        lowered = words[candidate_index].text.lower()
        following = words[candidate_index + 1].text.lower() if candidate_index + 1 < len(words) else ""
        if lowered in ADJECTIVES_ENDING_ED or (lowered in {"used", "supposed"} and following == "to"):
            return None
        if lowered in IRREGULAR_PARTICIPLES or _looks_like_regular_participle(lowered):
            return candidate_index, words[candidate_index]
        if lowered in PASSIVE_FILLERS or lowered.endswith("ly"):
            continue
        return None
    return None


def _looks_like_regular_participle(word):
    if len(word) <= 4 or not word.endswith("ed"):
        return False
    # "indeed", "exceed", "proceed" end in -ed but are not participles; "agreed" and "freed" are.
    return not word.endswith("eed") or word in {"agreed", "freed", "decreed", "guaranteed"}


def long_paragraphs(document, limits):
    """Paragraphs of prose over the limits; lists and headings do not count."""
    by_paragraph = {}
    for sentence in document.sentences:
        if sentence.kind == "sentence":
            by_paragraph.setdefault(sentence.paragraph, []).append(sentence)
    for paragraph in document.paragraphs:
        sentences = by_paragraph.get(paragraph.index, [])
        words = sum(len(sentence.words) for sentence in sentences)
        if len(sentences) <= limits.paragraph_sentences and words <= limits.paragraph_words:
            continue
        message = ngettext(
            "This paragraph has %(sentences)d sentence and %(words)d words. Short paragraphs are easier to "
            "read: could you break it up, or make it a list?",
            "This paragraph has %(sentences)d sentences and %(words)d words. Short paragraphs are easier to "
            "read: could you break it up, or make it a list?",
            len(sentences),
        ) % {"sentences": len(sentences), "words": words}
        yield Issue("long-paragraph", message, paragraph.start, paragraph.end, "warning")
