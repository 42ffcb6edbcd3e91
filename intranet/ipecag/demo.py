"""Demo IPECAG section: last year's and this year's work plans, in French and Arabic.

Deadlines are counted from today, so the demo always has actions done, under
way, coming and overdue. Block ids are derived from the year and the action's
place in the plan, so that running ``load_demo`` again updates the plans
rather than renumbering them, and the Arabic plan's actions keep the ids of the
French ones (by which they take their figures).
"""

import uuid
from datetime import timedelta

from django.utils import timezone

from intranet.home.demo_pages import arabic, upsert_child, upsert_translation
from intranet.organisation.models import ServicePage

from .demo_content import CURRENT, OBJECTIVES, PARTNERS, PREVIOUS
from .models import WorkPlanIndexPage, WorkPlanPage

ID_NAMESPACE = uuid.UUID("4f6c0e52-9d1e-4c61-9a43-6f0d5a1c2b10")


def load():
    from intranet.home.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    index = upsert_child(
        home,
        WorkPlanIndexPage,
        "ipecag",
        title="IPECAG : parité et égalité des chances",
        show_in_menus=True,
        introduction=(
            "<p>L'Instance de la parité, de l'égalité des chances et de l'approche genre "
            "(article 120 de la loi organique 113-14) suit chaque année son plan de travail : "
            "objectifs, mesures et actions issus du diagnostic participatif de 2017.</p>"
        ),
    )
    upsert_translation(
        index,
        arabic(),
        title="هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
        slug="ipecag",
        introduction=(
            "<p>تتتبع هيئة المساواة وتكافؤ الفرص ومقاربة النوع (المادة 120 من القانون التنظيمي "
            "113.14) كل سنة خطة عملها: أهداف وتدابير وإجراءات منبثقة عن التشخيص التشاركي لسنة "
            "2017.</p>"
        ),
    )
    today = timezone.localdate()
    services = {
        service.slug: service.pk
        for service in ServicePage.objects.filter(locale__language_code="fr")
    }
    plans = []
    for which, year in ((PREVIOUS, today.year - 1), (CURRENT, today.year)):
        french = upsert_child(
            index,
            WorkPlanPage,
            f"plan-{year}",
            title=f"Plan de travail {year}",
            year=year,
            introduction=_introduction_fr(which),
            objectives=_stream(which, year, "fr", today, services),
        )
        upsert_translation(
            french,
            arabic(),
            title=f"خطة العمل {year}",
            slug=f"plan-{year}",
            year=year,
            introduction=_introduction_ar(which),
            objectives=_stream(which, year, "ar", today, services),
        )
        plans.append(french)
    return plans


def _introduction_fr(which):
    if which == CURRENT:
        return (
            "<p>Deuxième année du plan : poursuivre la signalétique, la formation des agents et "
            "l'accès des femmes, des jeunes et des personnes en situation de handicap à "
            "l'information et aux services.</p>"
        )
    return (
        "<p>Premier plan de travail adopté par l'IPECAG : ouvrir l'espace d'accueil, désigner "
        "les équipes et poser les bases du manuel des procédures et du bureau des plaintes.</p>"
    )


def _introduction_ar(which):
    if which == CURRENT:
        return (
            "<p>السنة الثانية من الخطة: مواصلة التشوير وتكوين الموظفين وتيسير ولوج النساء "
            "والشباب والأشخاص في وضعية إعاقة إلى المعلومات والخدمات.</p>"
        )
    return (
        "<p>أول خطة عمل تعتمدها الهيئة: فتح فضاء الاستقبال وتعيين الفرق ووضع أسس دليل المساطر "
        "ومكتب الشكايات.</p>"
    )


def _block_id(*parts):
    return str(uuid.uuid5(ID_NAMESPACE, "/".join(str(part) for part in parts)))


def _stream(which, year, language, today, services):
    """The plan's objectives as StreamField data, keeping only the actions of ``which`` plan."""
    stream = []
    for o, objective in enumerate(OBJECTIVES):
        measures = []
        for m, measure in enumerate(objective["measures"]):
            actions = [
                {
                    "type": "item",
                    "id": _block_id(year, o, m, a),
                    "value": _action(data, language, today, services),
                }
                for a, data in enumerate(measure["actions"])
                if data["plan"] == which
            ]
            if actions:
                measures.append(
                    {
                        "type": "item",
                        "id": _block_id(year, o, m),
                        "value": {"title": measure[language], "actions": actions},
                    }
                )
        if measures:
            stream.append(
                {
                    "type": "objective",
                    "id": _block_id(year, o),
                    "value": {
                        "title": objective[language],
                        "description": objective[f"why_{language}"],
                        "measures": measures,
                    },
                }
            )
    return stream


def _action(data, language, today, services):
    side = 0 if language == "fr" else 1
    return {
        "title": data[language],
        "service": services.get(data["service"]),
        "partners": PARTNERS[data["partners"]][side],
        "deadline": (today + timedelta(days=data["days"])).isoformat(),
        "budget": str(data["budget"]),
        "spent": str(data["spent"]),
        "status": data["status"],
        "indicator": data["indicator"][side],
        "target": str(data["target"]),
        "measured": str(data["measured"]),
    }
