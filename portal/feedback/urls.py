from django.urls import path

from . import action_views, views

app_name = "feedback"

urlpatterns = [
    path("feedback/", views.start, name="start"),
    path("feedback/easy-read/", views.start_easy_read, name="start_easy_read"),
    path("feedback/start/", views.begin, name="begin"),
    path("feedback/switch/", views.switch_mode, name="switch_mode"),
    path("feedback/delete-my-answers/", views.discard, name="discard"),
    path("feedback/check-your-answers/", views.check_answers, name="check"),
    path("feedback/thank-you/", views.thank_you, name="thank_you"),
    path("feedback/your-feedback/", views.lookup, name="lookup"),
    path("feedback/your-feedback/what-happened/", views.status, name="status"),
    path("feedback/your-feedback/withdraw/", views.withdraw, name="withdraw"),
    path("feedback/<slug:slug>/", views.step, name="step"),
    path("you-said-we-did/", action_views.public_list, name="actions"),
]
