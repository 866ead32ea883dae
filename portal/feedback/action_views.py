""" "You said, we did": the public page, and the steering area's pages that add and change actions.

The public page shows only published actions and nothing about any one person's feedback. The
steering pages are for the Steering group role (steering_member_form), with MFA like the rest of
/steering/; writes go through portal.feedback.actions.
"""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_safe

from portal.easyread.checker import check_text

from . import actions, selectors
from .action_forms import ActionForm
from .choices import ActionStatus
from .models import Action, Service
from .steering_views import steering_member_form, steering_member_required

PUBLIC_PER_PAGE = 10
STEERING_PER_PAGE = 20


class ServiceChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, service):
        return f"{service.name} ({service.organisation.name})"


class PublicFilterForm(forms.Form):
    """The public page's filters: a GET form, so a filtered list is a link. Anything not valid shows everything."""

    status = forms.ChoiceField(
        label=gettext_lazy("How far it has got"),
        choices=[("", gettext_lazy("Any")), *ActionStatus.choices],
        required=False,
    )
    service = ServiceChoiceField(
        label=gettext_lazy("Service"),
        queryset=Service.objects.offered().select_related("organisation"),
        required=False,
        empty_label=gettext_lazy("All services"),
    )
    # The filters include shows an error summary; a wrong value in a link is not worth one.
    error_links = ()

    def filters(self):
        if not self.is_bound or not self.is_valid():
            return {}
        return {"status": self.cleaned_data["status"], "service": self.cleaned_data["service"]}


@require_safe
def public_list(request):
    form = PublicFilterForm(request.GET if set(request.GET) & {"status", "service"} else None)
    items = Paginator(selectors.published_actions(**form.filters()), PUBLIC_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "feedback/actions.html", {"form": form, "actions": items})


@steering_member_required
def steering_list(request):
    status = request.GET.get("status", "")
    if status not in ActionStatus.values:
        status = ""
    queryset = Action.objects.prefetch_related("themes", "services").order_by("-updated_at", "-id")
    if status:
        queryset = queryset.filter(status=status)
    items = Paginator(queryset, STEERING_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/steering/actions.html",
        {"actions": items, "status": status, "statuses": ActionStatus.choices},
    )


@steering_member_form
def steering_new(request):
    form = ActionForm(request.POST if request.method == "POST" else None)
    if form.is_bound and form.is_valid():
        action = actions.save_action(data=form.cleaned_data, by=request.user)
        _saved(request, _("The action was added."), action)
        return redirect("steering:action_edit", pk=action.pk)
    return render(request, "feedback/steering/actions_form.html", {"form": form, "action": None})


@steering_member_form
def steering_edit(request, pk):
    action = get_object_or_404(Action, pk=pk)
    # The checker reads what is saved: the words someone is still changing are not checked yet.
    report = check_text(action.easy_read_summary)
    # The form changes the instance as it checks it; the heading keeps the saved title.
    saved_title, saved_picture = action.title, action.picture_id
    form = ActionForm(request.POST if request.method == "POST" else None, instance=action)
    if form.is_bound and form.is_valid():
        action = actions.save_action(action_id=action.pk, data=form.cleaned_data, by=request.user)
        _saved(request, _("Your changes were saved."), action)
        return redirect("steering:action_edit", pk=action.pk)
    context = {
        "form": form,
        "action": action,
        "saved_title": saved_title,
        "report": report,
        "has_picture": bool(saved_picture),
    }
    return render(request, "feedback/steering/actions_form.html", context)


def _saved(request, saved, action):
    """Say it was saved, with the easy-read score, so the group can improve the summary straight away."""
    score = check_text(action.easy_read_summary).score
    message = _("%(saved)s The easy-read summary scores %(score)d out of 100: see what could be easier below.")
    messages.success(request, message % {"saved": saved, "score": score})
