from django.core.management.base import BaseCommand

from procedures_manual import review


class Command(BaseCommand):
    help = (
        "Email the owners of procedures past their review date (run it daily, e.g. from cron). "
        "The same list appears on the admin home page of the procedures cell."
    )

    def handle(self, *args, **options):
        overdue = review.procedures_past_review()
        for procedure in overdue:
            self.stdout.write(
                f"  {procedure.code} {procedure.title} (due {procedure.next_review_due()})"
            )
        sent = review.remind_owners()
        self.stdout.write(
            self.style.SUCCESS(f"{len(overdue)} procedure(s) past review; {sent} reminder(s) sent.")
        )
