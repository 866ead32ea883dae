"""Emails about expressions of interest.

The person gets a confirmation with their reference code and how to withdraw, when they chose to
be contacted by email (a supporter's email, when they chose contact through a supporter). The
study's team gets a notice that holds no personal details, only a link to the research area.
"""

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from portal.core import audit

from .choices import ContactMethod
from .models import ExpressionOfInterest
from .services import answers_of


def _absolute(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send_interest_emails(*, expression_id):
    """Send both emails once. Returns how many went."""
    expression = ExpressionOfInterest.objects.select_related("study").filter(pk=expression_id).first()
    if expression is None or not expression.has_personal_data:
        return 0
    messages = []
    answers = answers_of(expression)
    address = _address_of(answers)
    if address:
        with translation.override(expression.language or settings.LANGUAGE_CODE):
            context = {
                "expression": expression,
                "study": expression.study,
                "name": answers.get("name", ""),
                "withdraw_url": _absolute(reverse("research:withdraw_by_code")),
                "contact_email": expression.study.contact_email,
            }
            subject = render_to_string("research/email/interest_registered_subject.txt", context).strip()
            body = render_to_string("research/email/interest_registered.txt", context)
        messages.append(EmailMessage(subject, body, to=[address]))
    team = [
        member.user.email
        for member in expression.study.team_members.select_related("user")
        if member.user.is_active and member.user.email
    ]
    if team:
        with translation.override(settings.LANGUAGE_CODE):
            context = {
                "study": expression.study,
                "url": _absolute(reverse("research_area:study", args=[expression.study_id])),
            }
            subject = render_to_string("research/email/team_notice_subject.txt", context).strip()
            body = render_to_string("research/email/team_notice.txt", context)
        messages.extend(EmailMessage(subject, body, to=[email]) for email in team)
    if messages:
        get_connection().send_messages(messages)
    audit.record(
        action="research.emails_sent",
        obj=expression,
        detail={"to_person": bool(address), "to_team": len(team)},
    )
    return len(messages)


def _address_of(answers):
    if answers.get("method") == ContactMethod.EMAIL:
        return answers.get("email", "")
    if answers.get("method") == ContactMethod.SUPPORTER:
        return answers.get("supporter_email", "")
    return ""
