from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from portal.content.demo import seed_pages
from portal.content.demo_content import seed_content
from portal.core.demo import DEMO_PASSWORD, DEMO_USERS, seed_settings, seed_users
from portal.feedback.demo import (
    seed_actions,
    seed_feedback,
    seed_moderation,
    seed_reporting_history,
    seed_services,
)
from portal.research.demo import seed_studies


class Command(BaseCommand):
    help = "Create realistic demo content and one account per role. Safe to run again."

    def handle(self, *args, **options):
        with transaction.atomic():
            pages = seed_pages()
            seed_content(pages["home"])
            seed_settings(pages)
            services = seed_services()
            feedback = seed_feedback(services)
            accounts_allowed = settings.PORTAL_DEMO or settings.DEBUG
            history = 0
            if accounts_allowed:
                seed_users()
                users = get_user_model().objects
                seed_moderation(
                    users.get(email="moderator@example.org"), lead=users.get(email="safeguarding@example.org")
                )
                # Only where demo accounts are: made-up approved feedback must never reach a real report.
                history = seed_reporting_history(services)
                # Made-up "you said, we did" actions are public: only ever on a demo machine.
                seed_actions(users.get(email="steering@example.org"))
            # After seed_content, so the home page has its routes to add "Take part in research" to.
            seed_studies(
                pages["home"], researcher=users.get(email="researcher@example.org") if accounts_allowed else None
            )
        self.stdout.write(self.style.SUCCESS(f"Demo content is ready ({feedback} new pieces of synthetic feedback)."))
        if history:
            self.stdout.write(f"Added a year of approved feedback for the steering pages ({history} pieces).")
        if not accounts_allowed:
            self.stdout.write("Demo accounts were not created: set PORTAL_DEMO=1 on a demo machine to create them.")
            return
        self.stdout.write("")
        self.stdout.write("Demo sign-ins (demo machines only), all with the password " + DEMO_PASSWORD + ":")
        for email, _first, _last, role_names in DEMO_USERS:
            self.stdout.write(f"  {email:<28} {', '.join(role_names)}")
        self.stdout.write("Each account is asked to set up two-step sign-in (an authenticator app) at first sign-in.")
