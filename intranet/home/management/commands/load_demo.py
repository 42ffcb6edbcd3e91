from django.core.management.base import BaseCommand
from django.db import transaction

from intranet.accounts import demo as accounts_demo
from intranet.accounts.roles import apply_roles
from intranet.home import demo as home_demo
from intranet.ipecag import demo as ipecag_demo
from intranet.library import demo as library_demo
from intranet.news import demo as news_demo
from intranet.organisation import demo as organisation_demo
from intranet.reception import demo as reception_demo
from knowledge import demo as knowledge_demo
from procedures_manual import demo as procedures_demo
from search import demo as search_demo
from search import indexing
from training import demo as training_demo


class Command(BaseCommand):
    help = "Build (or bring up to date) the demo commune of Beni Mellal, in French and Arabic."

    @transaction.atomic
    def handle(self, *args, **options):
        users = accounts_demo.load()
        home_demo.load()
        organisation_demo.load()
        news_demo.load()
        procedures_demo.load()
        library_demo.load()
        training_demo.load()
        knowledge_demo.load()
        ipecag_demo.load()
        apply_roles()  # the sections now exist: grant each role its part of them
        search_demo.load()
        indexing.rebuild()
        reception_demo.load()

        self.stdout.write(self.style.SUCCESS("Demo data loaded."))
        self.stdout.write(f"Demo accounts (password: {accounts_demo.DEMO_PASSWORD}):")
        for username, role in users:
            self.stdout.write(f"  {username:<15} {role}")
