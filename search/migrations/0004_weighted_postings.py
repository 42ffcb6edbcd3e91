"""Postings become one weighted row per entry and term, read heaviest first.

The index is rebuilt from the pages and documents, so the old rows are dropped
rather than converted: run ``manage.py rebuild_search`` after migrating.
"""

import django.db.models.deletion
from django.db import migrations, models


def empty_index(apps, schema_editor):
    apps.get_model("search", "SearchEntry").objects.all().delete()
    apps.get_model("search", "SearchWord").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0003_documenttext")]

    operations = [
        migrations.RunPython(empty_index, migrations.RunPython.noop),
        migrations.DeleteModel(name="SearchPosting"),
        migrations.RemoveField(model_name="searchword", name="frequency"),
        migrations.CreateModel(
            name="SearchTerm",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=60, unique=True)),
                ("entry_count", models.PositiveIntegerField(default=0)),
            ],
        ),
        migrations.CreateModel(
            name="SearchPosting",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("term", models.CharField(max_length=60)),
                ("language", models.CharField(max_length=8)),
                ("weight", models.FloatField()),
                (
                    "entry",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="postings",
                        to="search.searchentry",
                    ),
                ),
            ],
            options={
                "indexes": [
                    models.Index(fields=["term", "language", "-weight"], name="search_posting_heaviest")
                ],
                "constraints": [
                    models.UniqueConstraint(fields=("entry", "term"), name="search_posting_entry_term")
                ],
            },
        ),
    ]
