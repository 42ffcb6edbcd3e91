"""Wagtail's ``publish_scheduled``, which a procedure revision without a legal
approval can no longer stop: such a revision is taken off the schedule and
named, and every other scheduled change is published."""

from django.utils import timezone
from wagtail.management.commands.publish_scheduled import Command as WagtailCommand

from ...approval import unschedule_unapproved


class Command(WagtailCommand):
    def handle(self, *args, **options):
        if not options.get("dryrun"):
            for revision in unschedule_unapproved(timezone.now()):
                self.stderr.write(
                    f"Not published, no legal approval: {revision.object_str} "
                    f"(revision {revision.pk}); taken off the schedule."
                )
        super().handle(*args, **options)
