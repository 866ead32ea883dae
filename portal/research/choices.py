"""The fixed lists of the research app: study status, how to contact someone, their communication
needs (the categories of the NHS Accessible Information Standard), screening answers, and where an
expression of interest has got to."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class StudyStatus(models.TextChoices):
    OPEN = "open", _("Open: looking for people to take part")
    PAUSED = "paused", _("Paused: not looking for people just now")
    CLOSED = "closed", _("Closed: no longer looking for people")


class ContactMethod(models.TextChoices):
    EMAIL = "email", _("Email")
    PHONE = "phone", _("Phone")
    POST = "post", _("Post")
    SUPPORTER = "supporter", _("Through someone who supports me, such as a carer or a member of staff")


class SupporterRelationship(models.TextChoices):
    FAMILY = "family", _("Family member or carer")
    FRIEND = "friend", _("Friend")
    STAFF = "staff", _("Member of staff, such as a nurse or support worker")
    ADVOCATE = "advocate", _("Advocate")
    OTHER = "other", _("Someone else")


class CommunicationNeed(models.TextChoices):
    """The Accessible Information Standard's kinds of support, as a person would say them."""

    EASY_READ = "easy_read", _("Easy read")
    LARGE_PRINT = "large_print", _("Large print")
    BSL = "bsl", _("British Sign Language (BSL)")
    AUDIO = "audio", _("Audio, such as a recording or someone reading to me")
    BRAILLE = "braille", _("Braille")
    INTERPRETER = "interpreter", _("An interpreter")
    SUPPORT_PERSON = "support_person", _("Someone to support me")


class ScreeningAnswer(models.TextChoices):
    YES = "yes", _("Yes")
    NO = "no", _("No")
    NOT_SURE = "not_sure", _("Not sure")


class InterestStatus(models.TextChoices):
    NEW = "new", _("New")
    CONTACTED = "contacted", _("Contacted")
    SCREENED = "screened", _("Screened")
    ENROLLED = "enrolled", _("Enrolled")
    NOT_ELIGIBLE = "not_eligible", _("Not eligible")
    DECLINED = "declined", _("Declined")
    WITHDRAWN = "withdrawn", _("Withdrawn")


# Statuses a researcher sets from the list. Withdrawal has its own write path, because it deletes
# the person's details.
RESEARCHER_STATUSES = [choice for choice in InterestStatus if choice != InterestStatus.WITHDRAWN]
