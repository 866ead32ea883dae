from django.urls import path

from . import steering_views

app_name = "steering"

urlpatterns = [
    path("", steering_views.dashboard, name="dashboard"),
    path("themes/<int:pk>/", steering_views.theme, name="theme"),
    path("equity/", steering_views.equity, name="equity"),
    path("report/", steering_views.report, name="report"),
    path("themes.csv", steering_views.export_csv, name="export_csv"),
]
