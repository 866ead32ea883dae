from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class EasyReadReportPanel(Panel):
    """Shows the easy-read checker's score and issues for the page as last saved.

    `body_field` names the StreamField of picture rows it checks ("body" on easy-read pages).
    """

    def __init__(self, *args, body_field="body", **kwargs):
        self.body_field = body_field
        super().__init__(*args, **kwargs)

    def clone_kwargs(self):
        return {**super().clone_kwargs(), "body_field": self.body_field}

    class BoundPanel(Panel.BoundPanel):
        template_name = "easyread/admin/report_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            report = None
            body = getattr(page, self.panel.body_field, None) if page is not None else None
            if page is not None and page.pk and body:
                from .review import review_body

                report = review_body(body, site=page.get_site())
            context["report"] = report
            context["severity_labels"] = {
                "serious": _("Serious"),
                "warning": _("Warning"),
                "advice": _("Advice"),
            }
            return context
