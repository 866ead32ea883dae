from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Site


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("Every account needs an email address.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A staff account. People giving feedback or registering interest never have one.

    The email address is the login, so there is no username to choose or forget.
    """

    username = None
    email = models.EmailField(_("email address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["email"]

    def __str__(self):
        return self.get_full_name() or self.email


class AuditLogIsAppendOnly(Exception):
    """Raised when code tries to change or remove an audit record."""


class AuditEventQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogIsAppendOnly("Audit records cannot be changed.")

    def delete(self):
        raise AuditLogIsAppendOnly("Audit records cannot be deleted.")


class AuditEvent(models.Model):
    """One thing a person did that we must be able to account for later.

    Append-only: the model and queryset refuse updates and deletes, and on PostgreSQL a trigger
    (migration 0004_auditevent_append_only) refuses them too, so not even raw SQL rewrites history.
    Write through portal.core.audit.record(), inside the transaction of the change it records.
    `detail` must never hold personal data: identifiers and counts only.
    """

    occurred_at = models.DateTimeField(auto_now_add=True, db_index=True)
    # No foreign-key constraint and no cascade: removing a staff account must not touch the log.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    actor_label = models.CharField(max_length=255, blank=True)
    action = models.CharField(max_length=64, db_index=True)
    object_type = models.ForeignKey(
        ContentType,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    object_id = models.CharField(max_length=64, blank=True)
    object_label = models.CharField(max_length=255, blank=True)
    detail = models.JSONField(default=dict, blank=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-occurred_at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id"], name="core_audit_object_idx")]
        constraints = [models.CheckConstraint(condition=~models.Q(action=""), name="core_audit_action_not_empty")]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")

    def __str__(self):
        return f"{self.occurred_at:%Y-%m-%d %H:%M:%S} {self.actor_label or '-'} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise AuditLogIsAppendOnly("Audit records cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogIsAppendOnly("Audit records cannot be deleted.")


@register_setting(icon="warning")
class CrisisContacts(BaseSiteSetting):
    """Numbers shown on the "Need help now?" page. Kept as settings so a trust can add its own."""

    samaritans_number = models.CharField(
        _("Samaritans phone number"),
        max_length=40,
        default="116 123",
        help_text=_("Free, day or night, every day of the year."),
    )
    nhs111_number = models.CharField(_("NHS 111 number"), max_length=40, default="111")
    nhs111_option = models.CharField(
        _("NHS 111 option for mental health"),
        max_length=40,
        default="2",
        help_text=_("The option people choose for urgent mental-health help."),
    )
    emergency_number = models.CharField(_("Emergency number"), max_length=40, default="999")
    text_service = models.CharField(
        _("Text service"),
        max_length=120,
        blank=True,
        default="Text SHOUT to 85258",
        help_text=_("A text service for people who cannot or would rather not phone. Leave empty to hide."),
    )
    local_crisis_line = models.CharField(
        _("Local crisis line name"),
        max_length=120,
        blank=True,
        help_text=_("For example, your trust's 24-hour mental-health crisis line."),
    )
    local_crisis_number = models.CharField(_("Local crisis line number"), max_length=40, blank=True)
    more_help = RichTextField(
        _("More help"),
        blank=True,
        features=["bold", "link", "ul", "ol", "h2", "h3"],
        help_text=_("Extra help shown under the numbers, such as local services."),
    )

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("samaritans_number"),
                FieldPanel("nhs111_number"),
                FieldPanel("nhs111_option"),
                FieldPanel("emergency_number"),
                FieldPanel("text_service"),
            ],
            heading=_("National numbers"),
        ),
        MultiFieldPanel(
            [FieldPanel("local_crisis_line"), FieldPanel("local_crisis_number")],
            heading=_("Local crisis line"),
        ),
        FieldPanel("more_help"),
    ]

    class Meta:
        verbose_name = _("crisis contacts")

    @classmethod
    def shown_to(cls, request):
        """The numbers for the request's site; the national defaults when no site matches."""
        site = Site.find_for_request(request)
        return cls.for_site(site) if site else cls()


@register_setting(icon="site")
class OrganisationSettings(BaseSiteSetting):
    """Who runs this portal, and the pages every footer links to."""

    organisation_name = models.CharField(
        _("Organisation name"),
        max_length=255,
        blank=True,
        help_text=_("The trust or programme that runs this portal. Shown in the footer."),
    )
    contact_email = models.EmailField(
        _("Contact email"),
        blank=True,
        help_text=_("Where people can ask about the portal. Not for crisis help."),
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Accessibility statement"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Privacy notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("Cookie notice"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("contact_email"),
        MultiFieldPanel(
            [FieldPanel("accessibility_page"), FieldPanel("privacy_page"), FieldPanel("cookies_page")],
            heading=_("Footer links"),
        ),
    ]

    select_related = ["accessibility_page", "privacy_page", "cookies_page"]

    class Meta:
        verbose_name = _("organisation")
