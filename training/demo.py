"""Demo training: three courses in French and Arabic, a year of sessions at the
headquarters and in the arrondissements, enrolments, a full session with its
waiting list, and attendance recorded for the sessions already held.

Dates are counted from today, so that the demo always has past and coming
sessions. Sessions are found again by course, place and room, so that running
``load_demo`` again (another day) moves them rather than adding new ones.
"""

import io
from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.utils import timezone
from docx import Document as WordDocument
from wagtail.documents import get_document_model
from wagtail.models import Collection

from intranet import docx_writing
from intranet.accounts.roles import TRAINING_COLLECTION, apply_roles
from intranet.home.demo_pages import arabic, upsert_child, upsert_translation
from intranet.organisation.models import Arrondissement

from . import enrolment
from .approval import setup_training_workflow
from .models import CoursePage, Enrolment, TrainingIndexPage, TrainingSession


def _modules(pairs):
    return [("module", {"title": title, "content": content}) for title, content in pairs]


COURSES = [
    {
        "slug": "accueil-et-orientation-des-usagers",
        "owner": "formateur",
        "duration_hours": 12,
        "handout": (
            "memo-accueil-orientation.docx",
            "Mémo : accueillir et orienter un usager",
            [
                "Saluer, se présenter, écouter la demande jusqu'au bout.",
                "Chercher la procédure dans l'intranet et imprimer sa fiche.",
                "Indiquer le service, le bâtiment, l'étage, le bureau et le code couleur.",
                "Noter la visite dans le registre d'accueil.",
            ],
        ),
        "video": "https://videos.benimellal.ma/formation/accueil-mises-en-situation.mp4",
        "fr": {
            "title": "Accueil et orientation des usagers",
            "summary": (
                "Accueillir chaque citoyenne et chaque citoyen avec courtoisie, comprendre sa "
                "demande et l'orienter du premier coup vers le bon service."
            ),
            "audience": (
                "Agents de l'espace d'accueil du siège, agents des bureaux d'état civil et de "
                "légalisation des arrondissements. Aucun prérequis."
            ),
            "objectives": (
                "<ul><li>Adopter la posture d'accueil de la charte IDARATI : disponibilité, "
                "écoute, courtoisie.</li><li>Orienter sans erreur grâce à l'organigramme, au code "
                "couleur et aux fiches des procédures.</li><li>Gérer les situations difficiles "
                "sans perdre son calme.</li><li>Tenir le registre d'accueil.</li></ul>"
            ),
            "modules": [
                (
                    "La mission d'accueil",
                    "<p>Pourquoi l'accueil est la première image de la commune ; la charte de "
                    "l'accueil ; le profil attendu : écoute, sang-froid, amabilité.</p>",
                ),
                (
                    "Orienter l'usager",
                    "<p>Lire l'organigramme et le code couleur ; trouver une procédure dans "
                    "l'intranet ; imprimer la fiche et indiquer le bureau.</p>",
                ),
                (
                    "Situations difficiles",
                    "<p>Usager pressé, mécontent ou perdu ; jeux de rôle et cartographie du "
                    "parcours de l'usager.</p>",
                ),
                (
                    "Le registre d'accueil",
                    "<p>Enregistrer chaque visite en un clic ; ce que les statistiques apprennent "
                    "aux services.</p>",
                ),
            ],
            "video_title": "Mises en situation filmées à l'accueil",
            "handout_title": "Mémo : accueillir et orienter un usager",
        },
        "ar": {
            "title": "استقبال المرتفقين وتوجيههم",
            "summary": (
                "استقبال كل مواطنة وكل مواطن بلباقة، وفهم طلبه، وتوجيهه من المرة الأولى إلى "
                "المصلحة المختصة."
            ),
            "audience": (
                "أعوان فضاء الاستقبال بالمقر، وأعوان مكاتب الحالة المدنية والمصادقة على الإمضاءات "
                "بالمقاطعات. لا يشترط أي تكوين سابق."
            ),
            "objectives": (
                "<ul><li>اعتماد سلوك الاستقبال وفق ميثاق إدارتي: الإتاحة والإنصات واللباقة.</li>"
                "<li>التوجيه دون خطأ بالاعتماد على الهيكل التنظيمي ورمز الألوان وبطاقات "
                "المساطر.</li><li>تدبير المواقف الصعبة بهدوء.</li><li>مسك سجل الاستقبال.</li></ul>"
            ),
            "modules": [
                (
                    "مهمة الاستقبال",
                    "<p>لماذا يشكل الاستقبال الصورة الأولى للجماعة؛ ميثاق الاستقبال؛ المواصفات "
                    "المطلوبة: الإنصات ورباطة الجأش واللطف.</p>",
                ),
                (
                    "توجيه المرتفق",
                    "<p>قراءة الهيكل التنظيمي ورمز الألوان؛ البحث عن مسطرة في الشبكة الداخلية؛ "
                    "طباعة البطاقة والإشارة إلى المكتب.</p>",
                ),
                (
                    "المواقف الصعبة",
                    "<p>مرتفق مستعجل أو غاضب أو تائه؛ لعب الأدوار ورسم مسار المرتفق.</p>",
                ),
                (
                    "سجل الاستقبال",
                    "<p>تسجيل كل زيارة بنقرة واحدة؛ ما تفيده الإحصائيات للمصالح.</p>",
                ),
            ],
            "video_title": "مواقف مصورة بفضاء الاستقبال",
            "handout_title": "مذكرة: استقبال المرتفق وتوجيهه",
        },
    },
    {
        "slug": "utiliser-le-manuel-unifie-des-procedures",
        "owner": "formateur",
        "duration_hours": 6,
        "fr": {
            "title": "Utiliser le manuel unifié des procédures",
            "summary": (
                "Trouver en quelques secondes une procédure, ses pièces, ses frais et ses délais, "
                "et signaler à la cellule ce qui doit être corrigé."
            ),
            "audience": (
                "Fonctionnaires de tous les services ouverts au public, au siège et dans les "
                "8 arrondissements ; élus intéressés."
            ),
            "objectives": (
                "<ul><li>Connaître la structure du manuel et ses chapitres.</li><li>Rechercher "
                "une procédure en français ou en arabe, même avec une faute de frappe.</li>"
                "<li>Imprimer la fiche du citoyen en PDF ou en DOCX.</li><li>Savoir qui met le "
                "manuel à jour et comment une modification est approuvée.</li></ul>"
            ),
            "modules": [
                (
                    "Le manuel et ses chapitres",
                    "<p>État civil, légalisation, urbanisme, activités économiques, fiscalité "
                    "locale : ce que contient chaque fiche et sur quels textes elle repose.</p>",
                ),
                (
                    "Rechercher",
                    "<p>La recherche de l'intranet : synonymes, fautes de frappe, filtres par "
                    "service ; exercices à partir de demandes réelles de l'accueil.</p>",
                ),
                (
                    "Imprimer et afficher",
                    "<p>La fiche du citoyen, son code couleur et son code QR ; le manuel complet "
                    "pour le service.</p>",
                ),
                (
                    "Faire vivre le manuel",
                    "<p>La cellule des procédures, la relecture et l'approbation par le conseiller "
                    "juridique ; signaler une erreur.</p>",
                ),
            ],
        },
        "ar": {
            "title": "استعمال الدليل الموحد للمساطر",
            "summary": (
                "إيجاد مسطرة ووثائقها ورسومها وآجالها في ثوان، وإبلاغ الخلية بما يجب تصحيحه."
            ),
            "audience": (
                "موظفو جميع المصالح المفتوحة في وجه العموم، بالمقر وبالمقاطعات الثماني؛ "
                "والمنتخبون المهتمون."
            ),
            "objectives": (
                "<ul><li>معرفة بنية الدليل وفصوله.</li><li>البحث عن مسطرة بالعربية أو بالفرنسية، "
                "ولو مع خطأ في الكتابة.</li><li>طباعة بطاقة المواطن بصيغة PDF أو DOCX.</li>"
                "<li>معرفة من يحين الدليل وكيف يصادق على التعديل.</li></ul>"
            ),
            "modules": [
                (
                    "الدليل وفصوله",
                    "<p>الحالة المدنية، المصادقة، التعمير، الأنشطة الاقتصادية، الجبايات المحلية: "
                    "ما تتضمنه كل بطاقة والنصوص التي تستند إليها.</p>",
                ),
                (
                    "البحث",
                    "<p>محرك بحث الشبكة الداخلية: المرادفات، أخطاء الكتابة، التصفية حسب المصلحة؛ "
                    "تمارين انطلاقا من طلبات حقيقية للاستقبال.</p>",
                ),
                (
                    "الطباعة والتعليق",
                    "<p>بطاقة المواطن ورمز لونها ورمز الاستجابة السريعة؛ الدليل الكامل للمصلحة.</p>",
                ),
                (
                    "تحيين الدليل",
                    "<p>خلية المساطر، والمراجعة، ومصادقة المستشار القانوني؛ الإبلاغ عن خطأ.</p>",
                ),
            ],
        },
    },
    {
        "slug": "accueil-sensible-au-genre-ipecag",
        "owner": "coordination",
        "duration_hours": 8,
        "fr": {
            "title": "Un accueil sensible au genre et à l'égalité des chances (IPECAG)",
            "summary": (
                "Avec l'instance de la parité, de l'égalité des chances et de l'approche genre : "
                "accueillir de manière égale les femmes, les hommes, les personnes âgées et les "
                "personnes en situation de handicap."
            ),
            "audience": (
                "Agents d'accueil, chefs de service et membres de l'IPECAG ; ouvert aux élus et "
                "aux associations partenaires."
            ),
            "objectives": (
                "<ul><li>Connaître les notions de parité, d'égalité des chances et d'approche "
                "genre, et le rôle de l'IPECAG (article 120 de la loi organique 113-14).</li>"
                "<li>Lire les chiffres du registre d'accueil par sexe.</li><li>Adapter l'accueil "
                "aux besoins de chacune et de chacun.</li></ul>"
            ),
            "modules": [
                (
                    "Notions et cadre juridique",
                    "<p>Parité, égalité des chances, approche genre ; l'IPECAG dans la loi "
                    "organique 113-14.</p>",
                ),
                (
                    "Ce que disent les chiffres",
                    "<p>Les visites de l'accueil par sexe et par catégorie d'usager ; les "
                    "demandes restées sans réponse.</p>",
                ),
                (
                    "Un accueil pour toutes et tous",
                    "<p>Confidentialité, attente, accessibilité des locaux, accompagnement des "
                    "personnes âgées et en situation de handicap.</p>",
                ),
            ],
        },
        "ar": {
            "title": "استقبال يراعي النوع الاجتماعي وتكافؤ الفرص (هيئة المساواة)",
            "summary": (
                "بشراكة مع هيئة المساواة وتكافؤ الفرص ومقاربة النوع: استقبال النساء والرجال "
                "والمسنين والأشخاص في وضعية إعاقة على قدم المساواة."
            ),
            "audience": (
                "أعوان الاستقبال ورؤساء المصالح وأعضاء الهيئة؛ مفتوح للمنتخبين والجمعيات الشريكة."
            ),
            "objectives": (
                "<ul><li>معرفة مفاهيم المناصفة وتكافؤ الفرص ومقاربة النوع، ودور الهيئة (المادة "
                "120 من القانون التنظيمي 113.14).</li><li>قراءة أرقام سجل الاستقبال حسب الجنس."
                "</li><li>ملاءمة الاستقبال لحاجيات كل واحدة وكل واحد.</li></ul>"
            ),
            "modules": [
                (
                    "المفاهيم والإطار القانوني",
                    "<p>المناصفة وتكافؤ الفرص ومقاربة النوع؛ الهيئة في القانون التنظيمي 113.14.</p>",
                ),
                (
                    "ما تقوله الأرقام",
                    "<p>زيارات الاستقبال حسب الجنس وفئة المرتفق؛ الطلبات التي بقيت دون جواب.</p>",
                ),
                (
                    "استقبال للجميع",
                    "<p>السرية، الانتظار، ولوجية المرافق، مرافقة المسنين والأشخاص في وضعية إعاقة.</p>",
                ),
            ],
        },
    },
]

# course slug, arrondissement number (None: headquarters), room, days from today,
# (start, end), capacity, trainer, [(person, attended)] for past sessions or
# [person] in order of request for coming ones.
SESSIONS = [
    (
        "accueil-et-orientation-des-usagers",
        None,
        "Salle de réunion, 2e étage",
        -60,
        (time(9), time(16)),
        12,
        "formateur",
        [("accueil", True), ("personnel", True), ("cellule", False), ("communication", True)],
    ),
    (
        "accueil-et-orientation-des-usagers",
        3,
        "Salle polyvalente de l'arrondissement",
        -15,
        (time(9), time(12, 30)),
        10,
        "formateur",
        [("ipecag", True), ("cellule2", True)],
    ),
    (
        "accueil-et-orientation-des-usagers",
        None,
        "Salle de formation, rez-de-chaussée",
        12,
        (time(9), time(16)),
        5,
        "formateur",
        ["personnel", "communication", "ipecag", "cellule2", "admin", "juriste", "cellule"],
    ),
    (
        "accueil-et-orientation-des-usagers",
        4,
        "Salle de réunion de l'arrondissement",
        -210,
        (time(9), time(16)),
        12,
        "formateur",
        [("accueil", True), ("ipecag", True), ("juriste", False)],
    ),
    (
        "accueil-et-orientation-des-usagers",
        5,
        "Salle de réunion de l'arrondissement",
        40,
        (time(9), time(16)),
        15,
        "formateur",
        [],
    ),
    (
        "utiliser-le-manuel-unifie-des-procedures",
        None,
        "Salle informatique, 1er étage",
        -30,
        (time(9), time(12, 30)),
        10,
        "formateur",
        [("accueil", True), ("cellule", True), ("juriste", True), ("personnel", False)],
    ),
    (
        "utiliser-le-manuel-unifie-des-procedures",
        6,
        "Salle de réunion de l'arrondissement",
        -160,
        (time(9), time(12, 30)),
        10,
        "formateur",
        [("communication", True), ("cellule2", True), ("personnel", True)],
    ),
    (
        "utiliser-le-manuel-unifie-des-procedures",
        1,
        "Bureau d'état civil, salle d'attente aménagée",
        20,
        (time(9), time(12, 30)),
        12,
        "formateur",
        ["accueil", "personnel"],
    ),
    (
        "utiliser-le-manuel-unifie-des-procedures",
        7,
        "Salle de réunion de l'arrondissement",
        70,
        (time(14), time(17)),
        12,
        "formateur",
        [],
    ),
    (
        "utiliser-le-manuel-unifie-des-procedures",
        8,
        "Salle de réunion de l'arrondissement",
        120,
        (time(9), time(12, 30)),
        12,
        "formateur",
        [],
    ),
    (
        "accueil-sensible-au-genre-ipecag",
        None,
        "Salle de formation, rez-de-chaussée",
        -110,
        (time(9), time(17)),
        20,
        "coordination",
        [("ipecag", True), ("accueil", True), ("admin", True), ("communication", False)],
    ),
    (
        "accueil-sensible-au-genre-ipecag",
        None,
        "Salle du conseil",
        30,
        (time(9), time(17)),
        20,
        "coordination",
        ["accueil", "ipecag", "communication", "personnel"],
    ),
    (
        "accueil-sensible-au-genre-ipecag",
        2,
        "Maison des associations d'Ouled Hamdane",
        90,
        (time(9), time(17)),
        20,
        "coordination",
        [],
    ),
]


def load():
    from intranet.home.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    catalogue = upsert_child(
        home,
        TrainingIndexPage,
        "formation",
        title="Formation",
        show_in_menus=True,
        introduction=(
            "<p>Les formations proposées au personnel de la commune, au siège et dans les "
            "arrondissements : inscrivez-vous en un clic, retrouvez votre parcours et le plan "
            "de formation de l'année.</p>"
        ),
    )
    upsert_translation(
        catalogue,
        arabic(),
        title="التكوين",
        slug="formation",
        introduction=(
            "<p>التكوينات المقترحة على موظفي الجماعة، بالمقر وبالمقاطعات: سجلوا بنقرة واحدة، "
            "واطلعوا على مساركم التكويني وعلى مخطط التكوين السنوي.</p>"
        ),
    )
    apply_roles()  # the coordinators' group approves: it and its grants must exist first
    setup_training_workflow()

    users = {user.username: user for user in get_user_model().objects.all()}
    courses = {data["slug"]: _load_course(catalogue, data, users) for data in COURSES}
    for data in SESSIONS:
        _load_session(courses, users, *data)
    return catalogue


def _load_course(catalogue, data, users):
    owner = users[data["owner"]]
    handout = _handout(data["handout"]) if "handout" in data else None
    pages = {}
    for language in ("fr", "ar"):
        text = data[language]
        fields = {
            "title": text["title"],
            "summary": text["summary"],
            "audience": text["audience"],
            "objectives": text["objectives"],
            "duration_hours": data["duration_hours"],
            "modules": _modules(text["modules"]),
            "materials": _materials(data, text, handout),
            "owner": owner,
        }
        if language == "fr":
            pages[language] = upsert_child(catalogue, CoursePage, data["slug"], **fields)
        else:
            pages[language] = upsert_translation(pages["fr"], arabic(), slug=data["slug"], **fields)
    return pages["fr"]


def _materials(data, text, handout):
    materials = []
    if handout is not None:
        materials.append(("document", {"title": text["handout_title"], "document": handout}))
    if "video" in data:
        materials.append(("video", {"title": text["video_title"], "url": data["video"]}))
    return materials


def _handout(spec):
    filename, title, lines = spec
    documents = get_document_model().objects
    existing = documents.filter(title=title).first()
    if existing:
        return existing
    word = WordDocument()
    docx_writing.add_text(word, "Commune de Beni Mellal · جماعة بني ملال", "fr", bold=True)
    docx_writing.add_text(word, title, "fr", style="Heading 1")
    for line in lines:
        docx_writing.add_text(word, line, "fr", style="List Number")
    buffer = io.BytesIO()
    word.save(buffer)
    return documents.create(
        title=title,
        collection=Collection.objects.get(name=TRAINING_COLLECTION),
        file=ContentFile(buffer.getvalue(), name=filename),
    )


def _session_day(days_from_today):
    """A working day (Monday to Friday) ``days_from_today`` days away, or the next one."""
    day = timezone.localdate() + timedelta(days=days_from_today)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def _load_session(courses, users, slug, number, room, days, hours, capacity, trainer, people):
    arrondissement = (
        Arrondissement.objects.get(
            locale__language_code="fr", kind=Arrondissement.Kind.ARRONDISSEMENT, number=number
        )
        if number
        else None
    )
    day = _session_day(days)
    zone = timezone.get_current_timezone()
    session, _created = TrainingSession.objects.update_or_create(
        course=courses[slug],
        arrondissement=arrondissement,
        room=room,
        defaults={
            "trainer": users[trainer],
            "starts_at": timezone.make_aware(datetime.combine(day, hours[0]), zone),
            "ends_at": timezone.make_aware(datetime.combine(day, hours[1]), zone),
            "capacity": capacity,
        },
    )
    if session.has_started:
        for username, _attended in people:
            Enrolment.objects.get_or_create(
                session=session,
                person=users[username],
                defaults={"status": Enrolment.Status.ENROLLED},
            )
        attended = dict(people)
        presence = {
            item.pk: attended[item.person.username]
            for item in session.enrolled()
            if item.person.username in attended
        }
        enrolment.record_attendance(session.pk, presence)
        return session
    for username in people:
        if not session.enrolments.filter(person=users[username]).exists():
            enrolment.enrol(session.pk, users[username])
    return session
