"""Research studies and the people who would like to take part in them.

Studies are Wagtail pages (StudyIndexPage, StudyPage). Each study has a research team of staff
accounts (StudyTeamMember): membership decides whose expressions of interest a researcher sees.

What a person tells us when they register interest (their name, how to reach them, their
communication needs and their screening answers) is encrypted as one value (portal.core.crypto)
on InterestDraft while they answer and on ExpressionOfInterest once sent. Withdrawal and the
retention rules empty it; the row stays, without personal data, so counts still add up.
Writes go through portal.research.services.
"""

import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.forms import CheckboxSelectMultiple
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.content.blocks import BodyBlock
from portal.easyread.blocks import EasyReadRowBlock
from portal.easyread.panels import EasyReadReportPanel

from .blocks import ScreeningQuestionBlock
from .choices import InterestStatus, StudyStatus

IRAS_ID = RegexValidator(r"^\d{6,7}$", _("An IRAS ID is 6 or 7 digits, for example 324567."))
REFERENCE_FORMAT = r"^[0-9A-HJKMNP-TV-Z]{8}$"


class StudyIndexPage(Page):
    """Studies people can take part in, open ones first, filtered by who they are for."""

    intro = models.TextField(_("introduction"), blank=True, help_text=_("One or two short sentences."))
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("body"),
        help_text=_("Shown under the list, for example what taking part in research means."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]

    # One list of studies, at the top of the site where people look for it.
    parent_page_types = ["content.HomePage"]
    subpage_types = ["research.StudyPage"]
    max_count_per_parent = 1

    page_size = 20

    class Meta:
        verbose_name = _("study index page")

    def get_context(self, request, *args, **kwargs):
        from .selectors import study_list

        context = super().get_context(request, *args, **kwargs)
        context.update(study_list(self, request.GET))
        return context


class StudyPage(Page):
    """One study: what it is about in easy read and in full, who can take part, what it involves,
    its approvals, its information sheets, whether it is open, and who to ask."""

    summary = models.TextField(_("summary"), help_text=_("One or two sentences for lists and search results."))
    audiences = ParentalManyToManyField(
        "content.Audience", verbose_name=_("who it is for"), related_name="studies", blank=True
    )
    easy_read_summary = StreamField(
        [("row", EasyReadRowBlock())],
        verbose_name=_("easy-read summary"),
        help_text=_("The study in easy read: one picture beside one or two short sentences in each row."),
    )
    description = StreamField(BodyBlock(), verbose_name=_("full description"))
    who_can_take_part = RichTextField(
        _("who can take part"),
        features=["bold", "link", "ul", "ol"],
        help_text=_("Who the study is looking for, and anyone who cannot take part."),
    )
    time_involved = models.CharField(
        _("time"), max_length=250, help_text=_("For example “One interview of about an hour”.")
    )
    place = models.CharField(
        _("place"), max_length=250, help_text=_("For example “At home, on the ward or by video call”.")
    )
    expenses = models.CharField(
        _("expenses or payment"),
        max_length=250,
        help_text=_("For example “A £25 voucher for each interview, and travel costs paid”."),
    )
    support = RichTextField(
        _("support available"),
        features=["bold", "link", "ul"],
        help_text=_("For example bringing someone you trust, breaks, easy-read or BSL versions."),
    )
    sponsor = models.CharField(_("sponsor"), max_length=200)
    ethics_committee = models.CharField(
        _("ethics committee"), max_length=200, help_text=_("The research ethics committee that approved the study.")
    )
    ethics_reference = models.CharField(
        _("ethics reference"), max_length=50, blank=True, help_text=_("For example 24/NW/0123.")
    )
    iras_id = models.CharField(_("IRAS ID"), max_length=7, validators=[IRAS_ID])
    information_sheet = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("participant information sheet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    easy_read_information_sheet = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("easy-read participant information sheet"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=StudyStatus.choices, default=StudyStatus.OPEN)
    closing_date = models.DateField(
        _("closing date"),
        help_text=_(
            "The last day people can register interest. If recruitment stops early, change this to the day it "
            "stopped: people’s contact details are deleted a set time after it."
        ),
    )
    contact_name = models.CharField(_("contact name"), max_length=120)
    contact_email = models.EmailField(_("contact email"))
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    screening_questions = StreamField(
        [("question", ScreeningQuestionBlock())],
        blank=True,
        max_num=10,
        verbose_name=_("screening questions"),
        help_text=_(
            "Optional questions people answer with yes, no or not sure when they register interest. "
            "Nobody is turned away by them: the team talks to everyone."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("audiences", widget=CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("status"), FieldPanel("closing_date")])],
            heading=_("Recruitment"),
        ),
        EasyReadReportPanel(body_field="easy_read_summary", heading=_("Easy-read check")),
        FieldPanel("easy_read_summary"),
        FieldPanel("description"),
        FieldPanel("who_can_take_part"),
        MultiFieldPanel(
            [FieldPanel("time_involved"), FieldPanel("place"), FieldPanel("expenses"), FieldPanel("support")],
            heading=_("What taking part involves"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("sponsor"),
                FieldPanel("ethics_committee"),
                FieldRowPanel([FieldPanel("ethics_reference"), FieldPanel("iras_id")]),
            ],
            heading=_("Approvals"),
        ),
        MultiFieldPanel(
            [FieldPanel("information_sheet"), FieldPanel("easy_read_information_sheet")],
            heading=_("Participant information sheets"),
        ),
        MultiFieldPanel(
            [FieldPanel("contact_name"), FieldPanel("contact_email"), FieldPanel("contact_phone")],
            heading=_("Research team contact"),
        ),
        FieldPanel("screening_questions"),
        InlinePanel(
            "team_members",
            heading=_("Research team"),
            label=_("team member"),
            help_text=_("Researchers on the team see this study’s expressions of interest, and only they do."),
        ),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("who_can_take_part"),
        index.FilterField("status"),
        index.FilterField("closing_date"),
    ]

    parent_page_types = ["research.StudyIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("study page")

    def clean(self):
        super().clean()
        today = timezone.localdate()
        if self.status == StudyStatus.CLOSED and self.closing_date and self.closing_date > today:
            raise ValidationError(
                {"closing_date": _("The study is closed, so set the closing date to the day recruitment stopped.")}
            )

    @property
    def is_recruiting(self):
        """Open, and its closing date has not passed: people can register interest."""
        return self.status == StudyStatus.OPEN and self.closing_date >= timezone.localdate()

    @property
    def shown_status(self):
        """The status people see: an open study whose closing date has passed is closed."""
        if self.status == StudyStatus.OPEN and not self.is_recruiting:
            return StudyStatus.CLOSED
        return StudyStatus(self.status)

    @cached_property
    def questions(self):
        """The screening questions as (id, question, easy-read question, hint)."""
        return [
            {
                "id": block.id,
                "question": block.value["question"],
                "easy_read_question": block.value["easy_read_question"] or block.value["question"],
                "hint": block.value["hint"],
            }
            for block in self.screening_questions
        ]

    @cached_property
    def audience_list(self):
        return list(self.audiences.all())


class StudyTeamMember(Orderable):
    """A staff account on a study's research team: they see its expressions of interest."""

    page = ParentalKey(StudyPage, on_delete=models.CASCADE, related_name="team_members")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("researcher"),
        on_delete=models.CASCADE,
        related_name="study_memberships",
        limit_choices_to={"groups__name": "Researchers", "is_active": True},
    )
    role = models.CharField(_("role on the study"), max_length=120, blank=True)

    panels = [FieldPanel("user"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("team member")
        verbose_name_plural = _("team members")
        constraints = [models.UniqueConstraint(fields=["page", "user"], name="research_team_member_once")]

    def __str__(self):
        return f"{self.user} on {self.page}"


class InterestDraft(models.Model):
    """What someone has answered so far on the "I'm interested" form, saved at every step.

    Found by a random token in the person's browser (a cookie and a hidden form field); only its
    digest is stored. Every answer is personal here, so all of them are encrypted.
    """

    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    study = models.ForeignKey(StudyPage, on_delete=models.CASCADE, related_name="+")
    # Fernet token (portal.core.crypto) of a JSON object of the answers.
    encrypted = models.TextField(blank=True, editable=False)
    easy_read = models.BooleanField(default=False)
    spam_signals = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)
    expression = models.OneToOneField(
        "ExpressionOfInterest", null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("interest draft")
        verbose_name_plural = _("interest drafts")
        constraints = [
            # Once sent, a draft keeps nothing: the answers live with the expression of interest.
            models.CheckConstraint(
                condition=models.Q(expression__isnull=True) | models.Q(encrypted=""),
                name="research_draft_sent_is_empty",
            ),
        ]

    def __str__(self):
        return f"Interest draft {self.pk}"


class ExpressionOfInterest(models.Model):
    """Someone would like to hear more about taking part in a study."""

    # In the research area's addresses, so they cannot be guessed or counted through.
    public_id = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)
    study = models.ForeignKey(StudyPage, on_delete=models.CASCADE, related_name="expressions_of_interest")
    # Given to the person: it withdraws their interest. Crockford base 32, as feedback references.
    reference = models.CharField(_("reference code"), max_length=8, unique=True)
    # Digest of the withdrawal link's token, and of the draft's token (sending twice sends once).
    withdraw_digest = models.CharField(max_length=64, unique=True, editable=False)
    draft_digest = models.CharField(max_length=64, unique=True, editable=False)
    # Fernet token of a JSON object: name, contact, supporter, communication needs, screening answers.
    # Emptied on withdrawal and by the retention rule.
    encrypted = models.TextField(blank=True, editable=False)
    consent_this_study = models.BooleanField(_("agreed to be contacted about this study"), default=True)
    consent_future_studies = models.BooleanField(_("agreed to hear about future studies"), default=False)
    easy_read = models.BooleanField(default=False)
    language = models.CharField(max_length=10, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=InterestStatus.choices, default=InterestStatus.NEW, db_index=True
    )
    created_at = models.DateTimeField(_("registered"), auto_now_add=True, db_index=True)
    status_changed_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)
    personal_data_deleted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=InterestStatus.values), name="research_interest_status_valid"
            ),
            # Nobody is added to a study's list without agreeing to be contacted about it.
            models.CheckConstraint(condition=models.Q(consent_this_study=True), name="research_interest_consented"),
            models.CheckConstraint(
                condition=models.Q(reference__regex=REFERENCE_FORMAT), name="research_interest_reference_format"
            ),
            # Withdrawn exactly when it has a withdrawal time.
            models.CheckConstraint(
                condition=(
                    models.Q(status=InterestStatus.WITHDRAWN, withdrawn_at__isnull=False)
                    | (~models.Q(status=InterestStatus.WITHDRAWN) & models.Q(withdrawn_at__isnull=True))
                ),
                name="research_interest_withdrawn_has_time",
            ),
            # Personal data is either here, or recorded as deleted; withdrawal always deletes it.
            models.CheckConstraint(
                condition=(
                    (models.Q(personal_data_deleted_at__isnull=True) & ~models.Q(encrypted=""))
                    | (models.Q(personal_data_deleted_at__isnull=False) & models.Q(encrypted=""))
                ),
                name="research_interest_deleted_is_empty",
            ),
            models.CheckConstraint(
                condition=~models.Q(status=InterestStatus.WITHDRAWN) | models.Q(encrypted=""),
                name="research_interest_withdrawn_is_empty",
            ),
        ]

    def __str__(self):
        return f"Expression of interest {self.formatted_reference}"

    @property
    def formatted_reference(self):
        return f"{self.reference[:4]}-{self.reference[4:]}"

    @property
    def has_personal_data(self):
        return bool(self.encrypted)


class InterestNote(models.Model):
    """A researcher's note on an expression of interest, such as "Left a message; call back Tuesday".

    Notes can hold personal details, so they are encrypted and go when the person's details go.
    """

    expression = models.ForeignKey(ExpressionOfInterest, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("note")
        verbose_name_plural = _("notes")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note {self.pk}"
