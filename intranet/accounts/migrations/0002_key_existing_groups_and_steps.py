"""Give the groups, workflows and tasks of an existing database their stable keys.

Before the keys, code found them by the names below: those names are how this
migration recognises them, once. A fresh database has none of them yet;
``apply_roles`` and the approval circuits' set-up key what they create.
"""

from django.db import migrations

# The names the roles' groups and the approval circuits were created with.
ROLE_GROUPS = {
    "staff": "Personnel",
    "reception": "Agent d'accueil",
    "procedures_cell": "Cellule des procédures",
    "legal_advisor": "Conseiller juridique",
    "trainer": "Formateur",
    "training_coordinator": "Coordinateur de formation",
    "communication": "Service de la communication",
    "ipecag": "Membre de l'IPECAG",
    "administrator": "Administrateur",
}
WORKFLOWS = {
    "procedures_manual": "Validation des procédures",
    "training": "Validation des formations",
}
TASKS = {
    "procedures_cell_review": "Relecture par un second membre de la cellule",
    "procedures_legal_approval": "Approbation par le conseiller juridique",
    "training_coordinator_approval": "Approbation par un coordinateur de formation",
}


def key_existing(apps, schema_editor):
    links = (
        (apps.get_model("auth", "Group"), apps.get_model("accounts", "RoleGroup"), "group", ROLE_GROUPS),
        (
            apps.get_model("wagtailcore", "Workflow"),
            apps.get_model("accounts", "KeyedWorkflow"),
            "workflow",
            WORKFLOWS,
        ),
        (apps.get_model("wagtailcore", "Task"), apps.get_model("accounts", "KeyedTask"), "task", TASKS),
    )
    for model, link_model, field, names in links:
        for key, name in names.items():
            found = model.objects.filter(name=name).order_by("pk").first()
            if found is not None and not link_model.objects.filter(key=key).exists():
                link_model.objects.create(key=key, **{field: found})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_stable_keys")]

    operations = [migrations.RunPython(key_existing, migrations.RunPython.noop)]
