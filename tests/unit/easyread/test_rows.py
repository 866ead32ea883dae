"""check_rows: easy-read rows need a picture with real alt text, and one idea each."""

from portal.easyread.checker import Row, check_rows, check_text

ALT = "A nurse taking a man’s blood pressure"


def picture_issues(rows):
    return [issue for issue in check_rows(rows).issues if issue.rule == "picture"]


def test_rows_with_pictures_and_short_sentences_have_no_issues():
    rows = [Row("Your nurse will check your blood pressure.", ALT), Row("It does not hurt.", "A smiling man")]
    report = check_rows(rows)
    assert report.issues == ()
    assert report.sentences == 2


def test_a_row_without_a_picture_is_flagged_at_that_row():
    rows = [Row("We will phone you.", "A phone ringing"), Row("Please answer.", None)]
    joined = "We will phone you.\n\nPlease answer."
    [issue] = picture_issues(rows)
    assert joined[issue.start : issue.end] == "Please answer."
    assert (issue.start, issue.end) == (20, 34)
    assert "Row 2 has no picture" in issue.message
    assert issue.severity == "warning"


def test_alt_text_that_says_nothing_about_the_picture_is_flagged():
    for alt in ["", "   ", "IMG_2041.png", "photo-2.JPG", "image", "Picture", "an icon"]:
        [issue] = picture_issues([Row("We will phone you.", alt)])
        assert issue.severity == "warning", alt
        assert "row 1" in issue.message


def test_a_file_name_is_named_in_the_message():
    [issue] = picture_issues([Row("We will phone you.", "IMG_2041.png")])
    assert "“IMG_2041.png”" in issue.message
    assert "file name" in issue.message


def test_one_word_alt_text_is_advice_to_say_more():
    [issue] = picture_issues([Row("We will phone you.", "Phone")])
    assert issue.severity == "advice"


def test_a_row_with_more_than_two_sentences_is_more_than_one_idea():
    text = "We will phone you. Please answer. We will ask some questions."
    rows = [Row("Hello.", ALT), Row(text, ALT)]
    [issue] = [issue for issue in check_rows(rows).issues if issue.rule == "one-idea"]
    joined = "Hello.\n\n" + text
    assert joined[issue.start : issue.end] == text
    assert "Row 2 has 3 sentences" in issue.message


def test_offsets_of_text_issues_are_into_the_joined_rows():
    rows = [Row("Hello.", ALT), Row("We will utilise the room.", ALT)]
    joined = "Hello.\n\nWe will utilise the room."
    [issue] = check_rows(rows).issues
    assert joined[issue.start : issue.end] == "utilise"


def test_a_row_without_a_full_stop_is_a_sentence_not_a_heading():
    rows = [Row("Call 999 in an emergency", "A phone showing 999"), Row("Stay calm.", "A calm face")]
    report = check_rows(rows)
    assert report.sentences == 2


def test_missing_pictures_lower_the_score():
    texts = ["We will phone you.", "Please answer the phone.", "We will ask how you are."]
    with_pictures = check_rows([Row(text, ALT) for text in texts])
    without = check_rows([Row(text, None) for text in texts])
    assert without.score < with_pictures.score
    assert with_pictures.score == check_text("\n\n".join(texts)).score


def test_no_rows():
    report = check_rows([])
    assert (report.score, report.sentences, report.issues) == (100, 0, ())
