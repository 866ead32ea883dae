"""The research area (/researchers/): a researcher's studies and the people interested in them."""

from django.urls import path

from . import area_views

app_name = "research_area"

urlpatterns = [
    path("", area_views.home, name="home"),
    path("studies/<int:study_id>/", area_views.study, name="study"),
    path("studies/<int:study_id>/export/", area_views.export, name="export"),
    path("interest/<uuid:public_id>/", area_views.expression, name="expression"),
    path("interest/<uuid:public_id>/withdraw/", area_views.record_withdrawal, name="record_withdrawal"),
]
