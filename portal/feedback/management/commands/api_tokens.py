"""Make, list and revoke keys for the steering-group API: `manage.py api_tokens create|list|revoke`.

    manage.py api_tokens create "Trust BI dashboard"   # prints the key, once
    manage.py api_tokens list
    manage.py api_tokens revoke 3

Only a key's digest is stored, so a lost key cannot be shown again: revoke it and make another.
Making and revoking are recorded in the audit log; the key never is.
"""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from portal.feedback import api_keys
from portal.feedback.models import ApiToken


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else "-"


class Command(BaseCommand):
    help = "Make, list and revoke keys for the steering-group API."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True)
        create = actions.add_parser("create", help="Make a key and print it, once.")
        create.add_argument("name", help="Who uses it, such as “Trust BI dashboard”.")
        actions.add_parser("list", help="List every key, revoked ones included.")
        revoke = actions.add_parser("revoke", help="Stop a key working.")
        revoke.add_argument("id", type=int, help="The key's id, from `list`.")

    def handle(self, *args, **options):
        match options["action"]:
            case "create":
                self.create(options["name"])
            case "list":
                self.list_tokens()
            case "revoke":
                self.revoke(options["id"])

    def create(self, name):
        try:
            token, key = api_keys.issue(name=name)
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(f"Made API key {token.pk} for “{token.name}”:\n\n    {key}\n\n")
        self.stdout.write(
            "Copy it now: it cannot be shown again. Send it with each request as “Authorization: Bearer <key>”."
        )

    def list_tokens(self):
        tokens = ApiToken.objects.order_by("pk")
        if not tokens:
            self.stdout.write("No API keys yet.")
            return
        self.stdout.write(f"{'id':>4}  {'name':<40}  {'created':<16}  {'last used':<16}  revoked")
        for token in tokens:
            self.stdout.write(
                f"{token.pk:>4}  {token.name:<40}  {_when(token.created_at):<16}  "
                f"{_when(token.last_used_at):<16}  {_when(token.revoked_at)}"
            )

    def revoke(self, pk):
        token = ApiToken.objects.filter(pk=pk).first()
        if token is None:
            raise CommandError(f"There is no API key {pk}; `manage.py api_tokens list` shows them.")
        try:
            token = api_keys.revoke(token=token)
        except api_keys.ApiTokenAlreadyRevoked as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Revoked API key {token.pk} (“{token.name}”). It stops working now.")
