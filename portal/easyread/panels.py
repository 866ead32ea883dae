from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel


class EasyReadReportPanel(Panel):
    """Shows the easy-read checker's score and issues for the page as last saved."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "easyread/admin/report_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            report = None
            if page is not None and page.pk and page.body:
                from .review import review_body

                report = review_body(page.body, site=page.get_site())
            context["report"] = report
            context["severity_labels"] = {
                "serious": _("Serious"),
                "warning": _("Warning"),
                "advice": _("Advice"),
            }
            return context
