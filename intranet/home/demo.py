"""The demo home page, in French and Arabic."""

from .demo_pages import arabic, upsert_translation
from .models import HomePage


def load():
    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    home.title = "Accueil"
    home.welcome = (
        "<p>L'intranet commun des divisions et services de la commune de Beni Mellal : "
        "procédures administratives, attributions des services, actualités et formation.</p>"
    )
    home.save_revision(log_action=False).publish(log_action=False)
    upsert_translation(
        home,
        arabic(),
        title="الرئيسية",
        welcome=(
            "<p>الشبكة الداخلية المشتركة بين أقسام ومصالح جماعة بني ملال: المساطر الإدارية، "
            "اختصاصات المصالح، المستجدات والتكوين.</p>"
        ),
    )
    return home
