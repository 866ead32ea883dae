"""Feedback: the services people tell us about, their answers while they write, and what they send.

Raw words live only in Draft (while someone is still answering) and Submission. Contact details are
encrypted and kept in their own table (ContactDetails), so that the feedback can be read, reported
and kept without them, and they can be deleted on their own once someone has been in touch.
Writes go through portal.feedback.services.
"""

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import RevisionMixin
from wagtail.search import index

from .anonymise.labels import Label
from .choices import (
    ActionStatus,
    AgeBand,
    EthnicBackground,
    EthnicGroup,
    FlagStatus,
    Gender,
    Overall,
    ProposalKind,
    ProposalStatus,
    RedactionStatus,
    Religion,
    Respondent,
    RiskCategory,
    Sentiment,
    Severity,
    SpamSignal,
    SubmissionStatus,
    TextField,
    WardType,
    WhenChoice,
    YesNoUnsure,
)
from .choices import Decision as DecisionAction

MAX_ANSWER_LENGTH = 5_000
# What the steering reports group or filter approved feedback by, besides when it was sent and where.
REPORTED_COLUMNS = ["sentiment", "respondent", "ethnic_group", "learning_disability", "autism"]


def _label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


def _in_choices(field, choices, *, blank=False):
    values = [value for value, _label in choices]
    condition = models.Q(**{f"{field}__in": values})
    if blank:
        condition |= models.Q(**{field: ""})
    return condition


class Organisation(index.Indexed, models.Model):
    """An NHS trust or independent provider whose services people give feedback on."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    ods_code = models.CharField(
        _("ODS code"),
        max_length=10,
        blank=True,
        help_text=_("The organisation’s NHS code, such as RW4. Optional."),
    )
    is_active = models.BooleanField(
        _("offered in the feedback form"),
        default=True,
        help_text=_("Untick to stop offering its services. Feedback already given keeps its organisation."),
    )

    panels = [FieldPanel("name"), FieldPanel("ods_code"), FieldPanel("is_active")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class ServiceQuerySet(models.QuerySet):
    def offered(self):
        """The services a person can choose in the feedback form."""
        return self.filter(is_active=True, organisation__is_active=True)


class Service(index.Indexed, models.Model):
    """A ward or service within an organisation."""

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(_("name"), max_length=200, help_text=_("The name people know it by, such as Willow Ward."))
    ward_type = models.CharField(_("type of service"), max_length=20, choices=WardType.choices)
    place = models.CharField(
        _("town or site"),
        max_length=120,
        blank=True,
        help_text=_("Helps people find the right service, such as the hospital or town."),
    )
    is_active = models.BooleanField(
        _("offered in the feedback form"),
        default=True,
        help_text=_("Untick when a service closes. Feedback already given keeps its service."),
    )

    objects = ServiceQuerySet.as_manager()

    panels = [
        FieldPanel("organisation"),
        FieldPanel("name"),
        FieldPanel("ward_type"),
        FieldPanel("place"),
        FieldPanel("is_active"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("place"),
        index.FilterField("ward_type"),
        index.FilterField("is_active"),
    ]

    class Meta:
        ordering = ["organisation__name", "name"]
        verbose_name = _("service")
        verbose_name_plural = _("services")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="feedback_service_unique_name"),
            models.CheckConstraint(
                condition=_in_choices("ward_type", WardType.choices), name="feedback_service_ward_type_valid"
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.organisation.name})"


class Submission(models.Model):
    """One piece of feedback, stored in one transaction when the person presses "Send"."""

    # Eight characters from Crockford's base 32, shown as XXXX-XXXX: no I, L, O or U to misread.
    reference = models.CharField(_("reference code"), max_length=8, unique=True)
    # A digest of the draft's token: sending the same answers twice (double click, back button,
    # a replayed request) finds this submission instead of making a second one.
    draft_digest = models.CharField(max_length=64, unique=True, editable=False)
    status = models.CharField(
        _("status"), max_length=20, choices=SubmissionStatus.choices, default=SubmissionStatus.RECEIVED
    )
    submitted_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)
    processed_at = models.DateTimeField(_("processed"), null=True, blank=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    respondent = models.CharField(_("who"), max_length=20, choices=Respondent.choices)
    # Empty means the person would rather not say.
    service = models.ForeignKey(
        Service, verbose_name=_("service"), null=True, blank=True, on_delete=models.PROTECT, related_name="submissions"
    )
    when = models.CharField(_("when"), max_length=20, choices=WhenChoice.choices)
    overall = models.CharField(_("overall experience"), max_length=20, choices=Overall.choices)
    what_was_good = models.TextField(_("what was good"), blank=True)
    what_could_be_better = models.TextField(_("what could be better"), blank=True)

    # Equality questions: empty when the person chose not to answer them at all.
    ethnic_group = models.CharField(_("ethnic group"), max_length=20, blank=True, choices=EthnicGroup.choices)
    ethnic_background = models.CharField(
        _("ethnic background"), max_length=40, blank=True, choices=EthnicBackground.choices
    )
    learning_disability = models.CharField(
        _("learning disability"), max_length=20, blank=True, choices=YesNoUnsure.choices
    )
    autism = models.CharField(_("autistic"), max_length=20, blank=True, choices=YesNoUnsure.choices)
    age_band = models.CharField(_("age"), max_length=20, blank=True, choices=AgeBand.choices)
    gender = models.CharField(_("gender"), max_length=20, blank=True, choices=Gender.choices)
    religion = models.CharField(_("religion"), max_length=20, blank=True, choices=Religion.choices)

    consent_to_share = models.BooleanField(_("may share their words without their name"), default=False)
    consent_to_contact = models.BooleanField(_("may contact them"), default=False)

    easy_read = models.BooleanField(_("used easy read"), default=False)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # The quick scan when it was sent: the thank-you page showed crisis contacts first.
    suggested_risk = models.BooleanField(_("quick scan suggested risk"), default=False)
    risk_categories = models.JSONField(_("risk categories"), default=list, blank=True)
    # Why it may be automated ("honeypot", "too_fast"). Kept, never discarded: a person's words
    # are not thrown away on a guess; moderators decide.
    spam_signals = models.JSONField(_("spam signals"), default=list, blank=True)

    # Moderation. The redacted words are what anyone but a moderator or safeguarding lead ever sees;
    # they are set when the submission is approved.
    redacted_what_was_good = models.TextField(_("what was good, without personal details"), blank=True)
    redacted_what_could_be_better = models.TextField(_("what could be better, without personal details"), blank=True)
    sentiment = models.CharField(_("sentiment"), max_length=20, blank=True, choices=Sentiment.choices)
    themes = models.ManyToManyField("Theme", verbose_name=_("themes"), blank=True, related_name="submissions")
    # The theme model's guess at the sentiment, for the moderator to confirm; never reported.
    suggested_sentiment = models.CharField(max_length=20, blank=True, choices=Sentiment.choices)
    suggested_sentiment_confidence = models.FloatField(null=True, blank=True)
    # The moderator checked that the redacted words can be quoted; only possible with the person's consent.
    quotable = models.BooleanField(_("may be quoted"), default=False)
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True)
    # Retention: when the raw words were replaced by the redacted ones (approved) or removed (spam).
    raw_text_removed_at = models.DateTimeField(_("raw words removed"), null=True, blank=True)
    # Optimistic locking: every decision must name the version it was made on, so two moderators
    # deciding at once cannot overwrite each other.
    version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        verbose_name = _("feedback submission")
        verbose_name_plural = _("feedback submissions")
        indexes = [
            models.Index(
                fields=["submitted_at"], condition=models.Q(processed_at__isnull=True), name="feedback_unprocessed_idx"
            ),
            models.Index(fields=["status", "submitted_at"], name="feedback_status_idx"),
            models.Index(
                fields=["decided_at"],
                condition=models.Q(raw_text_removed_at__isnull=True, status__in=["approved", "rejected"]),
                name="feedback_retention_idx",
            ),
            # The steering reports (portal.feedback.reporting) count approved feedback sent in a period, for
            # everyone or one service, by the columns below. Each index holds them all, so the database
            # answers from the index without reading the wide rows (about 400 bytes each with the words).
            # Key columns rather than `include`, which SQLite lacks. Figures: docs/operations/benchmarks.md.
            models.Index(
                fields=["submitted_at", "service", *REPORTED_COLUMNS, "id"],
                condition=models.Q(status="approved"),
                name="feedback_approved_sent_idx",
            ),
            models.Index(
                fields=["service", "submitted_at", *REPORTED_COLUMNS, "id"],
                condition=models.Q(status="approved"),
                name="feedback_approved_service_idx",
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("status", SubmissionStatus.choices), name="feedback_submission_status_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("respondent", Respondent.choices), name="feedback_submission_respondent_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("when", WhenChoice.choices), name="feedback_submission_when_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("overall", Overall.choices), name="feedback_submission_overall_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(reference__regex=r"^[0-9A-HJKMNP-TV-Z]{8}$"),
                name="feedback_submission_reference_format",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("what_was_good"), MAX_ANSWER_LENGTH)
                & LessThanOrEqual(Length("what_could_be_better"), MAX_ANSWER_LENGTH),
                name="feedback_submission_answer_length",
            ),
            # Withdrawn exactly when it has a withdrawal time, and then without the person's words.
            models.CheckConstraint(
                condition=(
                    models.Q(status=SubmissionStatus.WITHDRAWN, withdrawn_at__isnull=False)
                    & models.Q(
                        what_was_good="",
                        what_could_be_better="",
                        redacted_what_was_good="",
                        redacted_what_could_be_better="",
                        quotable=False,
                    )
                )
                | (~models.Q(status=SubmissionStatus.WITHDRAWN) & models.Q(withdrawn_at__isnull=True)),
                name="feedback_submission_withdrawn_has_no_words",
            ),
            models.CheckConstraint(
                condition=models.Q(ethnic_background="") | ~models.Q(ethnic_group__in=["", "prefer_not"]),
                name="feedback_submission_background_needs_group",
            ),
            models.CheckConstraint(
                condition=_in_choices("sentiment", Sentiment.choices, blank=True),
                name="feedback_submission_sentiment_valid",
            ),
            # Words are quoted only if the person said they may be shared.
            models.CheckConstraint(
                condition=models.Q(quotable=False) | models.Q(consent_to_share=True),
                name="feedback_submission_quote_needs_consent",
            ),
        ]

    def __str__(self):
        return self.formatted_reference

    @property
    def formatted_reference(self):
        return f"{self.reference[:4]}-{self.reference[4:]}"

    def risk_category_labels(self):
        return [_label(RiskCategory, value) for value in self.risk_categories]

    def spam_signal_labels(self):
        return [_label(SpamSignal, value) for value in self.spam_signals]


class ContactDetails(models.Model):
    """How to reach someone who asked to be contacted. Encrypted; deleted after follow-up."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="contact_details")
    # Fernet token (portal.core.crypto) of a JSON object: name, method, email, phone.
    encrypted = models.TextField(editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("contact details")
        verbose_name_plural = _("contact details")

    def __str__(self):
        return f"Contact details for {self.submission}"


class Draft(models.Model):
    """What someone has answered so far, saved at every step so nothing typed is lost.

    Found by a random token held in the person's browser (a cookie and a hidden form field), never
    by their session: a session that times out while they write must not take their words with it.
    Only the token's digest is stored.
    """

    token_digest = models.CharField(max_length=64, unique=True, editable=False)
    answers = models.JSONField(default=dict, blank=True)
    # Contact details, encrypted as soon as they arrive (portal.core.crypto).
    contact_encrypted = models.TextField(blank=True, editable=False)
    easy_read = models.BooleanField(default=False)
    spam_signals = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField(db_index=True)
    submission = models.OneToOneField(
        Submission, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        verbose_name = _("draft")
        verbose_name_plural = _("drafts")
        constraints = [
            # Once sent, a draft keeps no contact details: they live with the submission.
            models.CheckConstraint(
                condition=models.Q(submission__isnull=True) | models.Q(contact_encrypted=""),
                name="feedback_draft_sent_is_empty",
            ),
        ]

    def __str__(self):
        return f"Draft {self.pk}"


class Theme(RevisionMixin, models.Model):
    """One theme of the codebook moderators tag feedback with.

    Seeded from the NHS patient-experience qualitative data categorisation framework (migration
    0004_codebook; source and licence in portal/feedback/data/SOURCE.md). Every edit is saved as a
    revision, so the codebook keeps its history (Wagtail's snippet history and comparison).
    """

    category = models.CharField(_("category"), max_length=100)
    name = models.CharField(_("name"), max_length=150, unique=True)
    description = models.TextField(_("plain description"), blank=True)
    examples = models.TextField(_("examples"), blank=True)
    is_active = models.BooleanField(
        _("in use"), default=True, help_text=_("Untick to stop moderators choosing it. Past uses are kept.")
    )

    panels = [
        FieldPanel("category"),
        FieldPanel("name"),
        FieldPanel("description"),
        FieldPanel("examples"),
        FieldPanel("is_active"),
    ]

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self):
        return self.name


class RedactionTerm(models.Model):
    """Words moderators always want removed, such as the names of staff at a service."""

    term = models.CharField(
        _("words to remove"), max_length=200, unique=True, help_text=_("Matched whole, ignoring capitals.")
    )
    label = models.CharField(_("replace with"), max_length=20, choices=Label.choices, default=Label.NAME)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)

    panels = [FieldPanel("term"), FieldPanel("label")]

    class Meta:
        ordering = ["term"]
        verbose_name = _("always-remove word")
        verbose_name_plural = _("always-remove list")

    def __str__(self):
        return self.term


class Redaction(models.Model):
    """A span of a submission's raw words that is (or may be) personal data.

    Offsets only, never the words themselves: a redaction holds no copy of what the person wrote.
    """

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="redactions")
    field = models.CharField(max_length=30, choices=TextField.choices)
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()
    label = models.CharField(_("kind"), max_length=20, choices=Label.choices)
    # The recogniser that suggested it, or "moderator".
    source = models.CharField(max_length=50)
    status = models.CharField(max_length=20, choices=RedactionStatus.choices, default=RedactionStatus.SUGGESTED)

    class Meta:
        ordering = ["field", "start"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "field", "start", "end"], name="feedback_redaction_unique"),
            models.CheckConstraint(condition=models.Q(end__gt=models.F("start")), name="feedback_redaction_span"),
        ]

    def __str__(self):
        return f"{self.get_label_display()} {self.start}-{self.end}"


class ModerationDecision(models.Model):
    """The history of what was decided about a submission, and why. Never edited."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="decisions")
    action = models.CharField(_("decision"), max_length=20, choices=DecisionAction.choices)
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-decided_at", "-id"]

    def __str__(self):
        return f"{self.get_action_display()} {self.decided_at:%Y-%m-%d}"


class SafeguardingFlag(models.Model):
    """A possible risk to someone, raised by the scan or by a moderator, until a lead closes it."""

    submission = models.OneToOneField(Submission, on_delete=models.CASCADE, related_name="safeguarding_flag")
    severity = models.CharField(_("severity"), max_length=10, choices=Severity.choices)
    categories = models.JSONField(_("risk categories"), default=list, blank=True)
    raised_at = models.DateTimeField(_("raised"), auto_now_add=True)
    # Empty when the automatic scan raised it.
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    notified_at = models.DateTimeField(_("leads emailed"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=20, choices=FlagStatus.choices, default=FlagStatus.OPEN)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    acknowledged_at = models.DateTimeField(_("picked up"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    # What the lead did: staff's own record, for example "called the ward manager; incident 1234 raised".
    action_taken = models.TextField(_("what was done"), blank=True)

    class Meta:
        ordering = ["raised_at"]
        indexes = [models.Index(fields=["status", "severity"], name="feedback_flag_open_idx")]
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("severity", Severity.choices), name="feedback_flag_severity_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("status", FlagStatus.choices), name="feedback_flag_status_valid"
            ),
            models.CheckConstraint(
                condition=~models.Q(status=FlagStatus.CLOSED) | ~models.Q(action_taken=""),
                name="feedback_flag_closed_says_what_was_done",
            ),
        ]

    def __str__(self):
        return f"{self.get_severity_display()} safeguarding flag on {self.submission}"

    def category_labels(self):
        return [_label(RiskCategory, value) for value in self.categories]


class ThemeSuggestion(models.Model):
    """A theme the model suggests for a submission, with its confidence. Only moderators see these;
    reports count only the themes a moderator confirmed (Submission.themes)."""

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="theme_suggestions")
    theme = models.ForeignKey(Theme, on_delete=models.CASCADE, related_name="+")
    confidence = models.FloatField()

    class Meta:
        ordering = ["-confidence"]
        constraints = [
            models.UniqueConstraint(fields=["submission", "theme"], name="feedback_theme_suggestion_unique"),
            models.CheckConstraint(
                condition=models.Q(confidence__gte=0, confidence__lte=1), name="feedback_theme_suggestion_confidence"
            ),
        ]

    def __str__(self):
        return f"{self.theme} ({self.confidence:.0%})"


class ThemeModelVersion(models.Model):
    """One trained theme-suggestion model (portal.feedback.suggest), kept in the database so that every
    web and worker process uses the same one. The newest is used. Only bytes the portal wrote itself
    are ever loaded (they are a pickle)."""

    created_at = models.DateTimeField(auto_now_add=True)
    trained_on = models.PositiveIntegerField(help_text="Examples it learned from.")
    confirmed_submissions = models.PositiveIntegerField(help_text="Of which, submissions a moderator confirmed.")
    labels = models.PositiveIntegerField(help_text="Themes it can suggest.")
    train_seconds = models.FloatField()
    model = models.BinaryField()

    class Meta:
        ordering = ["-created_at", "-id"]
        get_latest_by = ["created_at", "id"]

    def __str__(self):
        return f"Theme model {self.pk} ({self.trained_on} examples)"


class ThemeProposal(models.Model):
    """A steering group's request to add, change or stop using a theme; Administrators decide.

    Accepting one applies it to the codebook as a new revision (portal.feedback.codebook).
    """

    kind = models.CharField(_("what to do"), max_length=20, choices=ProposalKind.choices)
    theme = models.ForeignKey(
        Theme,
        verbose_name=_("theme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposals",
        help_text=_("The theme to change or stop using. Empty for a new theme."),
    )
    category = models.CharField(_("category"), max_length=100, blank=True)
    name = models.CharField(_("name"), max_length=150, blank=True)
    description = models.TextField(_("plain description"), blank=True)
    reason = models.TextField(_("why"), max_length=2000)
    status = models.CharField(_("decision"), max_length=20, choices=ProposalStatus.choices, default=ProposalStatus.OPEN)
    response = models.TextField(
        _("reply to the steering group"), blank=True, help_text=_("Say why, especially when declining.")
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("proposed"), auto_now_add=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    decided_at = models.DateTimeField(_("decided"), null=True, blank=True, editable=False)

    panels = [FieldPanel("status"), FieldPanel("response")]

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("codebook proposal")
        verbose_name_plural = _("codebook proposals")
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("kind", ProposalKind.choices), name="feedback_proposal_kind_valid"
            ),
            models.CheckConstraint(
                condition=_in_choices("status", ProposalStatus.choices), name="feedback_proposal_status_valid"
            ),
        ]

    def __str__(self):
        subject = self.name or (self.theme.name if self.theme_id else "")
        return f"{self.get_kind_display()}: {subject}"


class Action(models.Model):
    """A "you said, we did" action: what people told us, and what the service is doing about it."""

    title = models.CharField(_("title"), max_length=150, help_text=_("Short, such as “Quieter wards at night”."))
    you_said = models.TextField(_("you said"), max_length=1500, help_text=_("What people told us, in plain words."))
    we_did = models.TextField(
        _("we did"), max_length=2000, help_text=_("What we are doing, or have done, about it, in plain words.")
    )
    easy_read_summary = models.TextField(
        _("easy-read summary"),
        max_length=600,
        help_text=_("Two or three short sentences, one idea each, with no hard words."),
    )
    picture = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("picture"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    status = models.CharField(_("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED)
    themes = models.ManyToManyField(Theme, verbose_name=_("themes"), related_name="actions")
    services = models.ManyToManyField(
        Service,
        verbose_name=_("services"),
        blank=True,
        related_name="actions",
        help_text=_("Leave empty if it is for every service."),
    )
    expected = models.DateField(_("expected by"), null=True, blank=True)
    is_published = models.BooleanField(_("show on the public “You said, we did” page"), default=False)
    published_at = models.DateTimeField(_("first published"), null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True, db_index=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("“you said, we did” action")
        verbose_name_plural = _("“you said, we did” actions")
        constraints = [
            models.CheckConstraint(
                condition=_in_choices("status", ActionStatus.choices), name="feedback_action_status_valid"
            ),
        ]

    def __str__(self):
        return self.title


class ApiToken(models.Model):
    """A key a trust's own dashboard uses to read the steering-group API. Only its digest is stored.

    Made and revoked with `manage.py api_tokens`; the key is shown once, when it is made.
    """

    name = models.CharField(_("name"), max_length=100, help_text=_("Who uses it, such as “Trust BI dashboard”."))
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return self.name
