"""Retire the "Moderators approval" workflow that Wagtail creates at installation.

It hangs on the root page and waits for the "Moderators" group, which the
intranet removes (0002): every page outside the procedures manual and the
training catalogue would offer a "submit" whose task nobody could approve.
Sections that need an approval have their own workflow, set up in code.
"""

from django.db import migrations

SAMPLE_WORKFLOW = "Moderators approval"


def retire(apps, schema_editor):
    workflows = apps.get_model("wagtailcore", "Workflow").objects.filter(name=SAMPLE_WORKFLOW)
    apps.get_model("wagtailcore", "WorkflowPage").objects.filter(workflow__in=workflows).delete()
    workflows.update(active=False)
    apps.get_model("wagtailcore", "Task").objects.filter(name=SAMPLE_WORKFLOW).update(active=False)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_create_home_page"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(retire, migrations.RunPython.noop)]
