"""Replace Wagtail's welcome page and sample groups with the intranet's home page,
and add Arabic."""

from django.db import migrations


def create_home_page(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Locale = apps.get_model("wagtailcore.Locale")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")

    french, _ = Locale.objects.get_or_create(language_code="fr")
    Locale.objects.get_or_create(language_code="ar")
    Page.objects.filter(depth=2, slug="home", content_type__model="page").delete()
    # Wagtail's sample groups would grant rights beside the commune's roles.
    apps.get_model("auth.Group").objects.filter(name__in=["Moderators", "Editors"]).delete()

    content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="home")
    siblings = Page.objects.filter(depth=2).order_by("-path")
    last_step = int(siblings[0].path[4:8]) if siblings else 0
    home = HomePage.objects.create(
        title="Accueil",
        draft_title="Accueil",
        slug="accueil",
        content_type=content_type,
        path=f"0001{last_step + 1:04d}",
        depth=2,
        numchild=0,
        url_path="/accueil/",
        locale=french,
    )
    root = Page.objects.get(depth=1)
    root.numchild = Page.objects.filter(depth=2).count()
    root.save(update_fields=["numchild"])
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "root_page": home, "site_name": "Intranet"},
    )


def remove_home_page(apps, schema_editor):
    apps.get_model("home.HomePage").objects.filter(slug="accueil", depth=2).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_home_page, remove_home_page)]
