from django.urls import path

from . import views

app_name = "core"

urlpatterns = [
    path("need-help-now/", views.crisis_help, name="crisis_help"),
    path("staff/", views.staff_home, name="staff_home"),
]
