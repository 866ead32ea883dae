from django.core.management.base import BaseCommand

from portal.easyread.pictures import DEFAULT_COLLECTION_NAME, load_starter_pictures, starter_pictures


class Command(BaseCommand):
    help = "Add the starter easy-read pictures (OpenMoji, CC BY-SA 4.0) to the image library. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--collection", default=DEFAULT_COLLECTION_NAME, help="The image collection to put them in."
        )

    def handle(self, *args, **options):
        pictures = load_starter_pictures(options["collection"])
        self.stdout.write(
            f"{len(pictures)} of {len(starter_pictures())} starter pictures are in the "
            f"“{options['collection']}” collection."
        )
