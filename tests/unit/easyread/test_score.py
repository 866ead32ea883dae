"""The score: 0 to 100, higher is easier; and the report's shape."""

from portal.easyread.checker import Issue, Report, check_text

EASY = """Your annual health check

Once a year you can see your doctor for a health check.

The doctor will check your weight. They will check your heart.

You can bring someone with you.

Tell the doctor if something worries you."""

STANDARD = """Annual health checks are available to all individuals aged 14 and over who are on their general
practice's learning disability register, and are intended to identify unmet health needs, facilitate
appropriate referrals and ensure that reasonable adjustments are documented. Practitioners are required to
complete a comprehensive assessment, which should be undertaken in collaboration with the individual and,
where applicable, their carers, and the outcomes must be recorded in a personalised health action plan."""


def test_easy_read_scores_higher_than_the_standard_text():
    easy, standard = check_text(EASY), check_text(STANDARD)
    assert easy.score >= 85
    assert standard.score <= 25
    assert easy.score - standard.score >= 50


def test_splitting_a_long_sentence_raises_the_score():
    long = check_text("We will phone you on the day before your appointment so that you remember to come to see us.")
    short = check_text("We will phone you the day before. This helps you remember to come.")
    assert short.score > long.score


def test_plain_words_raise_the_score():
    hard = check_text("We will utilise your assessment to facilitate appropriate treatment.")
    plain = check_text("We will use what you tell us to find the right help.")
    assert plain.score > hard.score


def test_the_score_stays_between_0_and_100():
    very_hard = " ".join(
        [
            "Notwithstanding the aforementioned multidisciplinary deinstitutionalisation considerations, it was "
            "determined, and subsequently implemented; whereas comprehensive psychopharmacological evaluations "
            "were commissioned, which necessitated extraordinary expenditure."
        ]
        * 5
    )
    assert 0 <= check_text(very_hard).score <= 10
    assert check_text("We can help.").score == 100


def test_report_as_dict_is_the_json_shape_other_code_relies_on():
    report = check_text("We will utilise it.")
    data = report.as_dict()
    assert set(data) == {"score", "sentences", "words", "issues"}
    assert (data["sentences"], data["words"]) == (1, 4)
    [issue] = data["issues"]
    assert set(issue) == {"rule", "message", "start", "end", "severity"}
    assert (issue["rule"], issue["start"], issue["end"]) == ("hard-word", 8, 15)


def test_serious_lists_only_serious_issues():
    serious = Issue("long-sentence", "Long.", 0, 5, "serious")
    report = Report(score=50, sentences=1, words=30, issues=(Issue("number", "Ten.", 0, 3, "advice"), serious))
    assert report.serious == (serious,)


def test_issues_are_in_text_order():
    report = check_text("We utilise it. Then we commence. Call the CMHT.")
    starts = [issue.start for issue in report.issues]
    assert starts == sorted(starts)
    assert len(starts) == 3
