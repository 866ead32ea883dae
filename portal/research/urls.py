"""The public side of research recruitment: the "I'm interested" form and withdrawing interest.

Study pages themselves are Wagtail pages (portal.research.models)."""

from django.urls import path

from . import views, withdrawal_views

app_name = "research"

urlpatterns = [
    path("take-part/thank-you/", views.thank_you, name="thank_you"),
    path("take-part/withdraw/", withdrawal_views.withdraw_by_code, name="withdraw_by_code"),
    # The token is in the query string, which the access log leaves out (gunicorn.conf.py), not the path.
    path("take-part/withdraw/link/", withdrawal_views.withdraw_by_link, name="withdraw_by_link"),
    path("take-part/<int:study_id>/", views.start, name="start"),
    path("take-part/<int:study_id>/begin/", views.begin, name="begin"),
    path("take-part/<int:study_id>/mode/", views.switch_mode, name="switch_mode"),
    path("take-part/<int:study_id>/discard/", views.discard, name="discard"),
    path("take-part/<int:study_id>/check/", views.check_answers, name="check"),
    path("take-part/<int:study_id>/<slug:slug>/", views.step, name="step"),
]
