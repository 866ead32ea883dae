"""Write the steering-group theme export: `manage.py export_themes --format csv`.

The same code and the same disclosure control as the steering area's "Download" link
(portal.feedback.exports), so a scheduled export can never show more than the page does. The filters
are the page's: `--end 2026-11 --months 3 --service 4 --respondent carer`.
"""

from django.core.management.base import BaseCommand, CommandError
from django.http import QueryDict

from portal.core import audit
from portal.feedback import exports, reporting
from portal.feedback.steering_forms import ReportFilterForm


class Command(BaseCommand):
    help = "Write the steering-group theme export (CSV), with small numbers suppressed."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv"], default="csv", help="Only csv for now.")
        parser.add_argument("--end", help="The last month, as YYYY-MM (default: this month).")
        parser.add_argument("--months", help="How many months up to --end: 1, 3, 6 or 12 (default 3).")
        parser.add_argument("--service", help="A service's id (default: all services).")
        parser.add_argument("--respondent", help="Who gave the feedback, such as carer (default: everyone).")
        parser.add_argument("--output", help="A file to write (default: standard output).")

    def handle(self, *args, **options):
        query = QueryDict(mutable=True)
        for name in ("end", "months", "service", "respondent"):
            if options[name]:
                query[name] = options[name]
        form = ReportFilterForm(query)
        if query and not form.is_valid():
            problems = "; ".join(f"--{name}: {' '.join(errors)}" for name, errors in form.errors.items())
            raise CommandError(problems)
        filters = form.filters()
        dashboard = reporting.dashboard(filters)
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as stream:
                exports.write_csv(dashboard, stream)
        else:
            exports.write_csv(dashboard, self.stdout)
        audit.record(action="steering.exported", detail={**filters.as_query(), "by": "export_themes"})
