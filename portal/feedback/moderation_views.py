"""The moderation queue in the Wagtail admin, for Moderators and Safeguarding leads.

The queue lists feedback without its words. The detail page shows the raw words, and every time it
does, portal.feedback.moderation.raw_text_for() audits the view. Nobody else reaches either page:
both ask can_moderate(), which is membership of one of those two roles. Superusers are not exempt:
an account reads people's words because of the job it is given, not because it can change settings.
Safeguarding actions need the Safeguarding leads role itself.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.core.roles import MODERATORS, SAFEGUARDING_LEADS, role_names

from . import moderation
from .choices import Decision, FlagStatus, RedactionStatus, TextField
from .models import Submission
from .moderation_forms import AddRedactionForm, BulkRejectForm, CloseFlagForm, DecisionForm, QueueFilterForm

PER_PAGE = 50


def can_moderate(user):
    return bool(role_names(user) & {MODERATORS, SAFEGUARDING_LEADS})


def is_safeguarding_lead(user):
    return SAFEGUARDING_LEADS in role_names(user)


class ModerationMixin(WagtailAdminTemplateMixin):
    header_icon = "comment"

    def dispatch(self, request, *args, **kwargs):
        if not can_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("feedback_moderation:index"), "label": gettext_lazy("Feedback to moderate")},
        ]


class QueueView(ModerationMixin, TemplateView):
    template_name = "feedback/moderation/index.html"
    page_title = gettext_lazy("Feedback to moderate")

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get_context_data(self, bulk_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        filter_form = QueueFilterForm(self.request.GET or None)
        submissions = moderation.queue(**filter_form.filters())
        page = Paginator(submissions, PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(
            filter_form=filter_form,
            page=page,
            submissions=page.object_list,
            bulk_form=bulk_form or BulkRejectForm(submission_ids=[s.pk for s in page.object_list]),
            query=self.request.GET.urlencode(),
        )
        return context

    def post(self, request, *args, **kwargs):
        ids = [value for value in request.POST.getlist("submissions") if value.isdigit()]
        form = BulkRejectForm(request.POST, submission_ids=[int(pk) for pk in ids])
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(bulk_form=form), status=400)
        rejected, skipped = moderation.bulk_reject_spam(
            submission_ids=form.cleaned_data["submissions"], reason=form.cleaned_data["reason"], by=request.user
        )
        messages.success(request, _("Rejected %(count)d as spam.") % {"count": rejected})
        if skipped:
            messages.warning(
                request,
                _(
                    "%(count)d were not rejected: they have an open safeguarding flag or were already decided. "
                    "Open each one to decide."
                )
                % {"count": skipped},
            )
        return redirect(f"{reverse('feedback_moderation:index')}?{request.GET.urlencode()}")


class DetailView(ModerationMixin, TemplateView):
    template_name = "feedback/moderation/detail.html"

    @cached_property
    def submission(self):
        # Read only after ModerationMixin.dispatch has checked the role.
        return get_object_or_404(
            Submission.objects.select_related("service__organisation", "safeguarding_flag").prefetch_related(
                "redactions", "themes", "decisions__decided_by", "theme_suggestions"
            ),
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("Feedback %(reference)s") % {"reference": self.submission.formatted_reference}

    def get_breadcrumbs_items(self):
        return [*super().get_breadcrumbs_items(), {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, decision_form=None, add_form=None, close_form=None, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.submission
        redactions = self.redactions()
        for number, redaction in enumerate(redactions, start=1):
            redaction.number = number
        raw = moderation.raw_text_for(submission, user=self.request.user)
        undecided = submission.status in moderation.UNDECIDED
        suggested = {suggestion.theme_id: suggestion.confidence for suggestion in submission.theme_suggestions.all()}
        if undecided and decision_form is None:
            decision_form = DecisionForm(
                submission=submission,
                redactions=redactions,
                initial={
                    "version": submission.version,
                    "remove": [r.pk for r in redactions if r.status != RedactionStatus.REJECTED],
                    # The model's suggestions start ticked; nothing counts until the moderator saves.
                    "themes": list(submission.themes.all()) or list(suggested),
                    "sentiment": submission.sentiment or submission.suggested_sentiment,
                    "quotable": submission.quotable,
                },
            )
        texts = []
        for field in TextField:
            field_redactions = [r for r in redactions if r.field == field.value]
            texts.append(
                {
                    "label": field.label,
                    "raw": raw[field.value],
                    "segments": moderation.segments(raw[field.value], field_redactions),
                    "redacted": (
                        getattr(submission, moderation.REDACTED_FIELD[field.value])
                        if not undecided
                        else moderation.redacted(raw[field.value], field_redactions)
                    ),
                }
            )
        flag = getattr(submission, "safeguarding_flag", None)
        context.update(
            submission=submission,
            texts=texts,
            redactions=redactions,
            remove_rows=(
                [
                    (redaction, checkbox, raw[redaction.field][redaction.start : redaction.end])
                    for redaction, checkbox in zip(redactions, decision_form["remove"], strict=True)
                ]
                if decision_form is not None
                else []
            ),
            undecided=undecided,
            decision_form=decision_form,
            add_form=add_form or AddRedactionForm(),
            close_form=close_form or CloseFlagForm(),
            flag=flag,
            flag_open=flag is not None and flag.status != FlagStatus.CLOSED,
            is_safeguarding_lead=is_safeguarding_lead(self.request.user),
            themes_by_category=_themes_by_category(decision_form, suggested),
            contact=moderation.contact_details_for(submission, user=self.request.user),
        )
        return context

    def post(self, request, *args, **kwargs):
        handler = {
            "decide": self.decide,
            "add_redaction": self.add_redaction,
            "acknowledge": self.acknowledge,
            "close_flag": self.close_flag,
            "contact_done": self.contact_done,
        }.get(request.POST.get("do"))
        if handler is None:
            return redirect(self.detail_url)
        return handler(request)

    @property
    def detail_url(self):
        return reverse("feedback_moderation:detail", args=[self.submission.pk])

    def redactions(self):
        """In reading order, what was good first, as the page shows them; numbered from this order."""
        return sorted(self.submission.redactions.all(), key=lambda r: (moderation.TEXT_FIELDS.index(r.field), r.start))

    def decide(self, request):
        form = DecisionForm(request.POST, submission=self.submission, redactions=self.redactions())
        if self.submission.status not in moderation.UNDECIDED:
            messages.error(request, _("This feedback has already been decided."))
            return redirect(self.detail_url)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(decision_form=form), status=400)
        data = form.cleaned_data
        try:
            moderation.decide(
                submission_id=self.submission.pk,
                version=data["version"],
                action=data["action"],
                reason=data["reason"],
                by=request.user,
                removed_ids=data["remove"],
                themes=list(data["themes"]),
                sentiment=data["sentiment"],
                quotable=data["quotable"],
            )
        except moderation.DecisionConflict:
            messages.error(
                request,
                _(
                    "Someone else changed this feedback while you were reading it, so your decision was not "
                    "saved. Here it is as it is now: check it and decide again."
                ),
            )
            return redirect(self.detail_url)
        except moderation.NotDecidable:
            messages.error(request, _("This feedback has already been decided."))
            return redirect(self.detail_url)
        messages.success(
            request,
            _("%(reference)s: %(decision)s.")
            % {"reference": self.submission.formatted_reference, "decision": Decision(data["action"]).label},
        )
        return redirect(reverse("feedback_moderation:index"))

    def add_redaction(self, request):
        form = AddRedactionForm(request.POST)
        if self.submission.status not in moderation.UNDECIDED:
            return redirect(self.detail_url)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(add_form=form), status=400)
        added = moderation.add_redaction(
            submission=self.submission,
            words=form.cleaned_data["words"],
            label=form.cleaned_data["label"],
            by=request.user,
            always=form.cleaned_data["always"],
        )
        if added:
            messages.success(request, _("Added %(count)d redaction(s).") % {"count": added})
        else:
            messages.warning(request, _("Those words are not in this feedback, or are already removed."))
        return redirect(self.detail_url)

    def acknowledge(self, request):
        flag = self._flag_for_lead()
        if moderation.acknowledge_flag(flag=flag, by=request.user):
            messages.success(request, _("You have picked this concern up."))
        return redirect(self.detail_url)

    def close_flag(self, request):
        flag = self._flag_for_lead()
        form = CloseFlagForm(request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(close_form=form), status=400)
        moderation.close_flag(flag=flag, by=request.user, action_taken=form.cleaned_data["action_taken"])
        messages.success(request, _("The concern is closed and what was done is recorded."))
        return redirect(self.detail_url)

    def contact_done(self, request):
        from .services import delete_contact_details

        if delete_contact_details(submission=self.submission, by=request.user):
            messages.success(request, _("The person's contact details are deleted."))
        return redirect(self.detail_url)

    def _flag_for_lead(self):
        flag = getattr(self.submission, "safeguarding_flag", None)
        if flag is None or not is_safeguarding_lead(self.request.user):
            raise PermissionDenied
        return flag


def _themes_by_category(form, suggested):
    """The decision form's theme checkboxes grouped by codebook category, one folding group each.

    Returns (category, [(checkbox, suggested confidence in per cent, or None)], open) triples: a group is open when
    one of its themes is ticked.
    """
    if form is None:
        return []
    categories = {}
    for checkbox in form["themes"]:
        theme = checkbox.data["value"].instance
        confidence = suggested.get(theme.pk)
        percent = None if confidence is None else round(confidence * 100)
        categories.setdefault(theme.category, []).append((checkbox, percent))
    return [
        (category, rows, any(checkbox.data["selected"] for checkbox, _confidence in rows))
        for category, rows in categories.items()
    ]
