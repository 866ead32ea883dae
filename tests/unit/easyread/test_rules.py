"""Each easy-read rule: what it flags, what it leaves alone, and where (text[start:end])."""

import pytest

from portal.easyread.checker import RULES, SEVERITIES, check_text


def flagged(text, rule, **options):
    """The parts of `text` that `rule` flags, in order."""
    return [text[issue.start : issue.end] for issue in check_text(text, **options).issues if issue.rule == rule]


def issues(text, rule, **options):
    return [issue for issue in check_text(text, **options).issues if issue.rule == rule]


def words(count):
    return " ".join(["Word"] + ["word"] * (count - 2) + ["end."])


# long-sentence


def test_a_sentence_of_15_words_is_fine_but_16_is_a_warning():
    assert flagged(words(15), "long-sentence") == []
    text = "Short one. " + words(16)
    [issue] = issues(text, "long-sentence")
    assert text[issue.start : issue.end] == words(16)
    assert issue.severity == "warning"
    assert "16 words" in issue.message
    assert "15 words or fewer" in issue.message


def test_a_sentence_over_20_words_is_serious():
    [issue] = issues(words(21), "long-sentence")
    assert issue.severity == "serious"
    assert "21 words" in issue.message
    assert check_text(words(21)).serious == (issue,)


def test_standard_pages_get_a_little_more_room():
    assert flagged(words(18), "long-sentence", easy_read=False) == []
    assert [issue.severity for issue in issues(words(22), "long-sentence", easy_read=False)] == ["warning"]
    assert [issue.severity for issue in issues(words(26), "long-sentence", easy_read=False)] == ["serious"]


def test_headings_are_not_long_sentences():
    heading = "Your rights when you stay in a mental health hospital under the new law this year"
    text = heading + "\nYou can ask for help."
    assert flagged(text, "long-sentence") == [heading]  # 17 words: too long to be a heading
    assert flagged("What happens at your annual health check\nWe check your weight.", "long-sentence") == []


# one-idea


def test_a_sentence_with_several_clauses_is_more_than_one_idea():
    text = (
        "You can phone us. The number of people does not change over time, but more people use services "
        "because they know more."
    )
    [issue] = issues(text, "one-idea")
    assert text[issue.start : issue.end].startswith("The number of people")
    assert "“but”" in issue.message


def test_semicolons_join_ideas():
    text = "Bring your medicines; we will check them; then you can go home."
    assert flagged(text, "one-idea") == [text]


def test_one_and_between_two_nouns_is_one_idea():
    assert flagged("Bring your medicines and your hospital passport.", "one-idea") == []
    assert flagged("Most people liked it but some did not.", "one-idea") == []


# passive-voice


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Your form will be checked by a nurse.", "be checked"),
        ("A group was set up in 2020.", "was set"),
        ("The report was written by the team.", "was written"),
        ("Your letter is being sent today.", "is being sent"),
        ("People have been told about it.", "been told"),
        ("Staff are not trained well.", "are not trained"),
    ],
)
def test_passive_constructions(text, phrase):
    assert flagged(text, "passive-voice") == [phrase]


@pytest.mark.parametrize(
    "text",
    [
        "We will check your form.",
        "I am worried about my son.",
        "We are committed to this.",
        "There were limited places.",
        "She is supposed to call us.",
        "It is indeed true.",
        "The nurse is kind.",
    ],
)
def test_active_sentences_and_adjectives_are_not_passive(text):
    assert flagged(text, "passive-voice") == []


# hard-word


def test_hard_words_from_the_list_suggest_a_plain_word():
    text = "We will utilise the room. Please commence now."
    found = issues(text, "hard-word")
    assert [text[issue.start : issue.end] for issue in found] == ["utilise", "commence"]
    assert "“use”" in found[0].message
    assert "“start”" in found[1].message
    assert {issue.severity for issue in found} == {"warning"}


def test_inflected_hard_words_are_found():
    assert flagged("We utilised it. Assessments are booked.", "hard-word") == ["utilised", "Assessments"]


def test_hard_phrases_are_found():
    text = "Phone us prior to your visit in order to book."
    assert flagged(text, "hard-word") == ["prior to", "in order to"]


def test_a_hard_word_is_reported_once():
    assert flagged("We utilise it. They utilise it too.", "hard-word") == ["utilise"]


def test_long_words_not_in_the_list_are_advice():
    text = "Your psychotherapist will phone."
    [issue] = issues(text, "hard-word")
    assert text[issue.start : issue.end] == "psychotherapist"
    assert issue.severity == "advice"
    assert "long word" in issue.message


def test_common_long_words_and_names_are_not_flagged():
    assert flagged("We have information about the community.", "hard-word") == []
    assert flagged("Ask the team at Merseyside Hospital.", "hard-word") == []


@pytest.mark.parametrize(
    "text",
    [
        "Segregation means being kept apart from other people.",
        "Segregation is when someone is kept apart from other people.",
        "You may be in segregation (kept apart from other people).",
        "Being kept apart from other people (segregation) is not allowed.",
        "You may be in segregation - this means being kept apart from other people.",
        "Some people are kept apart. This is called segregation.",
        "Some people are in segregation. This means they are kept apart from other people.",
        "Some people are in segregation. Segregation means being kept apart from other people.",
    ],
)
def test_a_hard_word_explained_nearby_is_not_flagged(text):
    assert flagged(text, "hard-word") == []


def test_a_hard_word_explained_two_sentences_later_is_flagged():
    text = "Some people are in segregation. It is not good. Segregation means being kept apart."
    assert flagged(text, "hard-word") == ["segregation"]


def test_a_glossary_line_in_the_text_explains_a_word_everywhere():
    text = "We will do an assessment.\n\nWhat the words mean\n\nAssessment - a meeting to find out what you need."
    assert flagged(text, "hard-word") == []


def test_known_words_are_never_flagged():
    text = "Your advocate will help. The multidisciplinary team will meet."
    assert flagged(text, "hard-word") == ["advocate", "multidisciplinary"]
    assert flagged(text, "hard-word", known_words=["Advocate", "multidisciplinary team"]) == []


def test_editors_can_add_hard_words():
    text = "Please complete the pro forma."
    assert flagged(text, "hard-word") == []
    found = issues(text, "hard-word", extra_plain_words={"pro forma": "form"})
    assert [text[issue.start : issue.end] for issue in found] == ["pro forma"]
    assert "“form”" in found[0].message


def test_an_editors_hard_word_without_an_alternative_asks_for_an_everyday_word():
    text = "Ask about the triage."
    [issue] = issues(text, "hard-word", extra_plain_words={"Triage": ""})
    assert text[issue.start : issue.end] == "triage"
    assert "everyday word" in issue.message
    assert issue.severity == "warning"


# acronym


def test_an_unexplained_acronym_is_flagged_once():
    text = "Talk to the CMHT. The CMHT can help."
    [issue] = issues(text, "acronym")
    assert (text[issue.start : issue.end], issue.start) == ("CMHT", 12)
    assert "CMHT" in issue.message


@pytest.mark.parametrize(
    "text",
    [
        "The Care Quality Commission (CQC) checks services. The CQC visits.",
        "The CQC (Care Quality Commission) checks services.",
        "CQC means the Care Quality Commission.",
        "The CQC checks services. CQC stands for Care Quality Commission.",
        "Your GP and the NHS can help. Go to A&E or watch TV. That is OK.",
        "What the words mean\n\nCQC - the group that checks hospitals.\n\nThe CQC visited.",
    ],
)
def test_explained_and_well_known_acronyms_are_fine(text):
    assert flagged(text, "acronym") == []


def test_known_words_include_acronyms_and_plurals_are_the_same_acronym():
    text = "Ask the DPOs. A DPO can help."
    assert flagged(text, "acronym") == ["DPO"]
    assert flagged(text, "acronym", known_words=["DPO"]) == []


def test_capital_letters_for_emphasis_and_roman_numerals_are_not_acronyms():
    assert flagged("PLEASE READ THIS FIRST.", "acronym") == []
    assert flagged("See part II of the plan.", "acronym") == []


# number


@pytest.mark.parametrize(
    ("text", "part", "suggestion"),
    [
        ("There are ten priorities.", "ten", "“10”"),
        ("We trained twenty-five staff.", "twenty-five", "“25”"),
        ("About two thousand people came.", "two thousand", "“2,000”"),
        ("Over 2400 staff were trained.", "2400", "“2,400”"),
        ("Around 25% of people said yes.", "25%", "“1 in 4”"),
        ("Just 42% said no.", "42%", "“about 4 in 10”"),
        ("About 3/4 of people agreed.", "3/4", "“3 in 4”"),
        ("Just under a third of people agreed.", "a third", "“1 in 3”"),
        ("Read part IV of the report.", "IV", "“4”"),
        ("The aims are (ii) to listen.", "ii", "“2”"),
    ],
)
def test_numbers_easy_read_would_write_differently(text, part, suggestion):
    [issue] = issues(text, "number")
    assert text[issue.start : issue.end] == part
    assert suggestion in issue.message
    assert issue.severity == "advice"


@pytest.mark.parametrize(
    "text",
    [
        "There are 3 steps.",
        "Nine people came.",
        "It started in 2022.",
        "Phone 0113 8249686 today.",
        "We made 2,400 calls.",
        "Help is there 24/7.",
        "In 2023/24 we did more.",
        "Hundreds of people came.",
    ],
)
def test_numbers_that_are_fine(text):
    assert flagged(text, "number") == []


# long-paragraph


def test_a_paragraph_of_more_than_four_sentences_is_long():
    paragraph = " ".join(["We can help you."] * 5)
    text = "Short paragraph.\n\n" + paragraph
    [issue] = issues(text, "long-paragraph")
    assert text[issue.start : issue.end] == paragraph
    assert "5 sentences" in issue.message


def test_a_paragraph_of_more_than_60_words_is_long():
    paragraph = " ".join([words(13)] * 5)  # 65 words in 5 sentences
    assert flagged(paragraph, "long-paragraph", easy_read=True) == [paragraph]
    assert flagged(" ".join([words(13)] * 4), "long-paragraph") == []


def test_lists_are_not_long_paragraphs():
    text = "Bring:\n" + "\n".join(f"- thing number {n}" for n in range(1, 10))
    assert flagged(text, "long-paragraph") == []


# every rule


def test_every_issue_has_a_known_rule_severity_and_a_span_inside_the_text():
    text = (
        "The multidisciplinary team will utilise the CMHT. It was agreed, and we think so; but they do not. "
        "Over 2400 people (25%) came.\n\n" + " ".join(["We help."] * 6)
    )
    report = check_text(text)
    assert {issue.rule for issue in report.issues} >= {
        "hard-word",
        "acronym",
        "passive-voice",
        "one-idea",
        "number",
        "long-paragraph",
    }
    for issue in report.issues:
        assert issue.rule in RULES
        assert issue.severity in SEVERITIES
        assert 0 <= issue.start < issue.end <= len(text)
        assert issue.message and "%(" not in issue.message
