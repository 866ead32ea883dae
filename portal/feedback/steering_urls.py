from django.urls import path

from . import action_views, codebook_views, steering_views

app_name = "steering"

urlpatterns = [
    path("", steering_views.dashboard, name="dashboard"),
    path("themes/<int:pk>/", steering_views.theme, name="theme"),
    path("equity/", steering_views.equity, name="equity"),
    path("report/", steering_views.report, name="report"),
    path("themes.csv", steering_views.export_csv, name="export_csv"),
    path("actions/", action_views.steering_list, name="actions"),
    path("actions/new/", action_views.steering_new, name="action_new"),
    path("actions/<int:pk>/", action_views.steering_edit, name="action_edit"),
    path("codebook/", codebook_views.index, name="codebook"),
    path("codebook/propose/", codebook_views.propose, name="codebook_propose"),
    path("codebook/suggestions/", codebook_views.proposals, name="codebook_proposals"),
]
