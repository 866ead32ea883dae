"""The answers people can choose in the feedback journey.

Each set is a TextChoices, so the stored value is a short stable code and the label is translated
when shown. Equality categories follow the 2021 census for England (ethnic group, religion) so that
the portal's figures can be compared with the population a service serves, as PCREF asks.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

PREFER_NOT_TO_SAY = "prefer_not"


class Respondent(models.TextChoices):
    PATIENT_NOW = "patient_now", _("I am a patient now")
    PATIENT_BEFORE = "patient_before", _("I was a patient before")
    CARER = "carer", _("I am a family member or carer")
    EXPERT_BY_EXPERIENCE = "expert", _("I am an expert by experience")
    STAFF = "staff", _("I work for the service")
    OTHER = "other", _("Something else")


class WardType(models.TextChoices):
    ACUTE = "acute", _("Acute mental-health ward")
    PICU = "picu", _("Psychiatric intensive care unit (PICU)")
    SECURE = "secure", _("Secure service (low or medium secure)")
    LEARNING_DISABILITY_AUTISM = "ld_autism", _("Learning disability and autism service")
    CHILDREN_YOUNG_PEOPLE = "cyp", _("Children and young people’s service")
    REHABILITATION = "rehab", _("Rehabilitation ward")
    OLDER_ADULTS = "older_adults", _("Older adults’ ward")
    COMMUNITY = "community", _("Community service")
    OTHER = "other", _("Other service")


class WhenChoice(models.TextChoices):
    NOW = "now", _("I am using the service now")
    LAST_3_MONTHS = "3m", _("In the last 3 months")
    LAST_YEAR = "12m", _("3 to 12 months ago")
    LONGER = "longer", _("More than a year ago")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("I’d rather not say")


class Overall(models.TextChoices):
    VERY_GOOD = "very_good", _("Very good")
    GOOD = "good", _("Good")
    NEITHER = "neither", _("Neither good nor poor")
    POOR = "poor", _("Poor")
    VERY_POOR = "very_poor", _("Very poor")
    DONT_KNOW = "dont_know", _("Don’t know")


class EthnicGroup(models.TextChoices):
    ASIAN = "asian", _("Asian, Asian British or Asian Welsh")
    BLACK = "black", _("Black, Black British, Black Welsh, Caribbean or African")
    MIXED = "mixed", _("Mixed or multiple ethnic groups")
    WHITE = "white", _("White")
    OTHER = "other", _("Other ethnic group")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")


class EthnicBackground(models.TextChoices):
    """The 19 detailed categories of the 2021 census, each under its group (the prefix)."""

    ASIAN_BANGLADESHI = "asian_bangladeshi", _("Bangladeshi")
    ASIAN_CHINESE = "asian_chinese", _("Chinese")
    ASIAN_INDIAN = "asian_indian", _("Indian")
    ASIAN_PAKISTANI = "asian_pakistani", _("Pakistani")
    ASIAN_OTHER = "asian_other", _("Any other Asian background")
    BLACK_AFRICAN = "black_african", _("African")
    BLACK_CARIBBEAN = "black_caribbean", _("Caribbean")
    BLACK_OTHER = "black_other", _("Any other Black, Black British or Caribbean background")
    MIXED_WHITE_ASIAN = "mixed_white_asian", _("White and Asian")
    MIXED_WHITE_BLACK_AFRICAN = "mixed_white_black_african", _("White and Black African")
    MIXED_WHITE_BLACK_CARIBBEAN = "mixed_white_black_caribbean", _("White and Black Caribbean")
    MIXED_OTHER = "mixed_other", _("Any other mixed or multiple ethnic background")
    WHITE_BRITISH = "white_british", _("English, Welsh, Scottish, Northern Irish or British")
    WHITE_IRISH = "white_irish", _("Irish")
    WHITE_GYPSY_TRAVELLER = "white_gypsy_traveller", _("Gypsy or Irish Traveller")
    WHITE_ROMA = "white_roma", _("Roma")
    WHITE_OTHER = "white_other", _("Any other White background")
    OTHER_ARAB = "other_arab", _("Arab")
    OTHER_ANY = "other_any", _("Any other ethnic group")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")

    @classmethod
    def for_group(cls, group):
        """The backgrounds under one ethnic group, then "Prefer not to say"."""
        return [choice for choice in cls if choice.value.startswith(f"{group}_")] + [cls.PREFER_NOT]


class YesNoUnsure(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("I’m not sure")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")


class AgeBand(models.TextChoices):
    UNDER_18 = "under_18", _("Under 18")
    AGE_18_24 = "18_24", _("18 to 24")
    AGE_25_34 = "25_34", _("25 to 34")
    AGE_35_44 = "35_44", _("35 to 44")
    AGE_45_54 = "45_54", _("45 to 54")
    AGE_55_64 = "55_64", _("55 to 64")
    AGE_65_74 = "65_74", _("65 to 74")
    AGE_75_OVER = "75_over", _("75 or over")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")


class Gender(models.TextChoices):
    WOMAN = "woman", _("Woman")
    MAN = "man", _("Man")
    NON_BINARY = "non_binary", _("Non-binary")
    ANOTHER_WAY = "another_way", _("In another way")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")


class Religion(models.TextChoices):
    NONE = "none", _("No religion")
    BUDDHIST = "buddhist", _("Buddhist")
    CHRISTIAN = "christian", _("Christian")
    HINDU = "hindu", _("Hindu")
    JEWISH = "jewish", _("Jewish")
    MUSLIM = "muslim", _("Muslim")
    SIKH = "sikh", _("Sikh")
    OTHER = "other", _("Any other religion")
    PREFER_NOT = PREFER_NOT_TO_SAY, _("Prefer not to say")


class YesNo(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone call")
    TEXT = "text", _("Text message")


class SubmissionStatus(models.TextChoices):
    """Where a piece of feedback is. A moderator's decision moves it on from "received"."""

    RECEIVED = "received", _("Received")
    ESCALATED = "escalated", _("With a safeguarding lead")
    APPROVED = "approved", _("Reviewed and approved")
    REJECTED = "rejected", _("Not used")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class Sentiment(models.TextChoices):
    """The overall tone of the words, as a moderator confirms it."""

    POSITIVE = "positive", _("Positive")
    MIXED = "mixed", _("Mixed")
    NEUTRAL = "neutral", _("Neutral")
    NEGATIVE = "negative", _("Negative")


class TextField(models.TextChoices):
    """The two places a person's own words are kept on a submission."""

    WHAT_WAS_GOOD = "what_was_good", _("What was good")
    WHAT_COULD_BE_BETTER = "what_could_be_better", _("What could be better")


class RedactionStatus(models.TextChoices):
    SUGGESTED = "suggested", _("Suggested")
    ACCEPTED = "accepted", _("Removed")
    REJECTED = "rejected", _("Kept")


class Decision(models.TextChoices):
    """What a moderator or safeguarding lead decided about a submission."""

    APPROVE = "approve", _("Approve")
    REJECT_SPAM = "reject_spam", _("Reject as spam")
    ESCALATE = "escalate", _("Escalate to a safeguarding lead")


class Severity(models.TextChoices):
    """How quickly a safeguarding lead should look. Ordered from most to least urgent."""

    HIGH = "high", _("High")
    MEDIUM = "medium", _("Medium")


class FlagStatus(models.TextChoices):
    OPEN = "open", _("Open")
    ACKNOWLEDGED = "acknowledged", _("Being handled")
    CLOSED = "closed", _("Closed")


class RiskCategory(models.TextChoices):
    """The categories of portal.feedback.risk.RISK_PATTERNS, as staff read them."""

    SUICIDE = "suicide", _("Suicide")
    SELF_HARM = "self_harm", _("Self-harm")
    ABUSE = "abuse", _("Abuse")
    SEXUAL_SAFETY = "sexual_safety", _("Sexual safety")
    NEGLECT = "neglect", _("Neglect")
    VIOLENCE = "violence", _("Violence")
    RESTRAINT = "restraint", _("Restraint or seclusion")
    FEELING_UNSAFE = "feeling_unsafe", _("Not feeling safe")


class SpamSignal(models.TextChoices):
    HONEYPOT = "honeypot", _("Filled in the hidden field that people do not see")
    TOO_FAST = "too_fast", _("Sent faster than a person could type")


class ActionStatus(models.TextChoices):
    """How far a "you said, we did" action has got."""

    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")


class ProposalKind(models.TextChoices):
    """What a steering group asks to change in the theme codebook."""

    NEW = "new", _("Add a new theme")
    CHANGE = "change", _("Change a theme")
    RETIRE = "retire", _("Stop using a theme")


class ProposalStatus(models.TextChoices):
    OPEN = "open", _("Waiting for a decision")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
