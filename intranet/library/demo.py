"""Demo library: each division's collection with a few real notes, circulars and forms.

PDFs are written with WeasyPrint (``intranet.printing``), Word forms with
python-docx, in French and Arabic, and stored through Wagtail's document model
as the divisions' editors would upload them. One note is replaced by a second
version the way the admin's edit form does it, so the history shows two files.
"""

import io
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.template.loader import render_to_string
from django.utils import timezone
from docx import Document as WordDocument
from wagtail.documents import get_document_model

from intranet import docx_writing
from intranet.home.demo_pages import arabic, upsert_child, upsert_translation
from intranet.printing import html_to_pdf

from .divisions import division_group, setup_library
from .models import DivisionCollection, LibraryPage

HOURS_V1 = {
    "body_fr": [
        "À compter du lundi 2 mars 2026, le bureau d'accueil et d'orientation, au rez-de-chaussée du siège de la commune, reçoit les usagers du lundi au vendredi de 8 h 30 à 16 h 30, sans interruption.",
        "Les chefs de division et de service veillent à ce qu'un agent reste joignable pendant ces horaires, afin que l'accueil puisse orienter chaque citoyen vers le bon bureau.",
        "Une horloge murale et un panneau rappelant ces horaires sont installés à l'entrée, comme l'a recommandé le diagnostic participatif de mai 2017.",
    ],
    "body_ar": [
        "ابتداء من يوم الاثنين 2 مارس 2026، يستقبل مكتب الاستقبال والتوجيه بالطابق الأرضي لمقر الجماعة المرتفقين من الاثنين إلى الجمعة من الساعة 8 و30 دقيقة إلى الساعة 16 و30 دقيقة بدون انقطاع.",
        "يسهر رؤساء الأقسام والمصالح على بقاء موظف رهن الإشارة خلال هذه الأوقات، حتى يتمكن مكتب الاستقبال من توجيه كل مواطن إلى المكتب المختص.",
        "ثبتت ساعة حائطية ولوحة تذكر بهذه الأوقات عند المدخل، كما أوصى بذلك التشخيص التشاركي لشهر ماي 2017.",
    ],
}

HOURS_V2 = {
    "body_fr": [
        *HOURS_V1["body_fr"],
        "Pendant le mois de Ramadan, l'accueil est ouvert de 9 h 00 à 15 h 00, du lundi au vendredi.",
    ],
    "body_ar": [
        *HOURS_V1["body_ar"],
        "خلال شهر رمضان، يفتح مكتب الاستقبال من الساعة 9 إلى الساعة 15، من الاثنين إلى الجمعة.",
    ],
}

# division slug, file name, title, format, uploader, content (and a second version)
DOCUMENTS = [
    {
        "division": "direction-generale-des-services",
        "filename": "note-horaires-accueil.pdf",
        "title": "Note de service relative aux horaires d'accueil",
        "title_ar": "مذكرة مصلحية بشأن أوقات الاستقبال",
        "reference": "Note de service n° 14/DGS/2026",
        "uploader": "communication",
        **HOURS_V1,
        "second_version": (HOURS_V2, "Horaires du mois de Ramadan ajoutés"),
    },
    {
        "division": "direction-generale-des-services",
        "filename": "circulaire-archivage.pdf",
        "title": "Circulaire sur l'archivage des dossiers administratifs",
        "title_ar": "دورية بشأن أرشفة الملفات الإدارية",
        "reference": "Circulaire n° 3/DGS/2026",
        "uploader": "communication",
        "body_fr": [
            "Chaque service tient un registre de ses dossiers clos, avec leur numéro d'ordre, leur objet et la date de leur transfert aux archives.",
            "Les dossiers sont versés aux archives communales au plus tard deux ans après leur clôture, dans des boîtes étiquetées au nom du service et à l'année.",
            "Aucun document original ne sort des archives sans un bon de prêt signé par le chef de service ; il y revient dans un délai de quinze jours.",
        ],
        "body_ar": [
            "تمسك كل مصلحة سجلا لملفاتها المختومة، يتضمن رقمها الترتيبي وموضوعها وتاريخ تحويلها إلى الأرشيف.",
            "تودع الملفات بالأرشيف الجماعي في أجل أقصاه سنتان بعد ختمها، في علب تحمل اسم المصلحة والسنة.",
            "لا تخرج أي وثيقة أصلية من الأرشيف إلا بوصل إعارة موقع من طرف رئيس المصلحة، وتعاد إليه داخل أجل خمسة عشر يوما.",
        ],
    },
    {
        "division": "division-affaires-administratives",
        "filename": "formulaire-demande-conge.docx",
        "title": "Formulaire de demande de congé administratif",
        "title_ar": "استمارة طلب رخصة إدارية",
        "reference": "Ressources humaines — formulaire RH-03",
        "uploader": "admin",
        "body_fr": [
            "À remettre au service des ressources humaines quinze jours au moins avant le début du congé, visé par le chef de service."
        ],
        "body_ar": [
            "تسلم إلى مصلحة الموارد البشرية خمسة عشر يوما على الأقل قبل بداية الرخصة، مؤشرا عليها من طرف رئيس المصلحة."
        ],
        "blanks_fr": [
            "Nom et prénom :",
            "Grade et service :",
            "Nature du congé (annuel, exceptionnel, maladie) :",
            "Du … au … :",
            "Avis du chef de service :",
        ],
        "blanks_ar": [
            "الاسم الكامل:",
            "الدرجة والمصلحة:",
            "نوع الرخصة (سنوية، استثنائية، مرضية):",
            "من … إلى …:",
            "رأي رئيس المصلحة:",
        ],
    },
    {
        "division": "division-etat-civil",
        "filename": "note-registres-etat-civil.pdf",
        "title": "Note sur la tenue des registres de l'état civil",
        "title_ar": "مذكرة حول مسك سجلات الحالة المدنية",
        "reference": "Note n° 7/DEC/2026",
        "uploader": "admin",
        "body_fr": [
            "Les registres de l'état civil sont tenus en double exemplaire ; chaque acte est signé par l'officier de l'état civil le jour même de la déclaration.",
            "Les mentions marginales (mariage, divorce, décès) sont portées dans les trois jours qui suivent la réception de l'avis.",
        ],
        "body_ar": [
            "تمسك سجلات الحالة المدنية في نظيرين؛ ويوقع ضابط الحالة المدنية كل رسم في نفس يوم التصريح.",
            "تدون البيانات الهامشية (الزواج، الطلاق، الوفاة) داخل الأيام الثلاثة الموالية لتوصل الإشعار.",
        ],
    },
    {
        "division": "division-urbanisme",
        "filename": "circulaire-guichet-unique.pdf",
        "title": "Circulaire sur le guichet unique des autorisations d'urbanisme",
        "title_ar": "دورية بشأن الشباك الوحيد لرخص التعمير",
        "reference": "Circulaire n° 2/DUA/2026",
        "uploader": "admin",
        "body_fr": [
            "Toute demande d'autorisation de construire, de lotir ou de morceler est déposée au guichet unique, qui délivre un récépissé daté.",
            "La commission d'instruction se réunit chaque mardi ; son avis est notifié au demandeur dans les délais fixés par le décret n° 2-18-577.",
        ],
        "body_ar": [
            "تودع كل طلبات رخص البناء أو التجزئة أو التقسيم بالشباك الوحيد الذي يسلم وصلا مؤرخا.",
            "تجتمع لجنة الدراسة كل يوم ثلاثاء، ويبلغ رأيها إلى صاحب الطلب داخل الآجال المحددة في المرسوم رقم 2-18-577.",
        ],
    },
    {
        "division": "bureau-communal-hygiene",
        "filename": "consignes-hygiene-marches.docx",
        "title": "Consignes d'hygiène pour les marchés hebdomadaires",
        "title_ar": "تعليمات حفظ الصحة بالأسواق الأسبوعية",
        "reference": "Bureau communal d'hygiène — consigne BCH-05",
        "uploader": "admin",
        "body_fr": [
            "Les étals de viande et de poisson sont protégés du soleil et posés à un mètre au moins du sol.",
            "Les déchets sont rassemblés en fin de marché aux points de collecte signalés ; le service de la propreté passe avant 18 h.",
        ],
        "body_ar": [
            "تحمى معروضات اللحوم والأسماك من أشعة الشمس وتوضع على علو متر واحد على الأقل من الأرض.",
            "تجمع النفايات عند نهاية السوق في نقط التجميع المحددة، وتمر مصلحة النظافة قبل الساعة 18.",
        ],
    },
]


def load():
    from intranet.home.models import HomePage

    links = setup_library()
    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    library = upsert_child(
        home,
        LibraryPage,
        "bibliotheque",
        title="Bibliothèque de documents",
        show_in_menus=True,
        introduction=(
            "<p>Les notes de service, circulaires et formulaires de chaque division, "
            "avec leurs versions successives.</p>"
        ),
    )
    upsert_translation(
        library,
        arabic(),
        title="مكتبة الوثائق",
        slug="bibliotheque",
        introduction="<p>المذكرات المصلحية والدوريات والاستمارات الخاصة بكل قسم، مع نسخها المتتالية.</p>",
    )
    by_slug = {link.division.slug: link for link in links}
    users = get_user_model().objects
    for data in DOCUMENTS:
        _load_document(data, by_slug[data["division"]], users.get(username=data["uploader"]))
    # The communication service sits in the general directorate: it keeps that collection.
    users.get(username="communication").groups.add(
        division_group("direction-generale-des-services")
    )
    return library


def _load_document(data, link: DivisionCollection, uploader):
    documents = get_document_model().objects
    document = documents.filter(title=data["title"], collection=link.collection).first()
    if document is None:
        document = documents.create(
            title=data["title"], collection=link.collection, uploaded_by_user=uploader
        )
        document.file.save(data["filename"], ContentFile(_content(data, link)), save=False)
        document._set_document_file_metadata()
        document.save()
    if "second_version" in data and document.versions.count() < 2:
        fields, comment = data["second_version"]
        document.versions.update(uploaded_at=timezone.now() - timedelta(days=21))
        _replace(document, _content({**data, **fields}, link), uploader, comment)
    return document


def _replace(document, content, uploader, comment):
    """A new file for an existing document, as the admin's edit form saves it."""
    document.file.storage.delete(document.file.name)  # Wagtail deletes it first, too
    document.file.save(document.filename, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document._library_uploaded_by = uploader
    document._library_comment = comment
    document.save()


def _content(data, link):
    note = {
        **data,
        "title_fr": data["title"],
        "division_fr": link.division.title,
        "division_ar": link.title_in(arabic()),
        "colour": link.division.swatch[0],
        "signature_fr": "Le Président du Conseil communal",
        "signature_ar": "رئيس المجلس الجماعي",
    }
    if data["filename"].endswith(".pdf"):
        return html_to_pdf(render_to_string("library/demo_note.html", {"note": note}))
    return _word(note)


def _word(note):
    word = WordDocument()
    docx_writing.add_text(word, f"Commune de Beni Mellal — {note['division_fr']}", "fr", bold=True)
    docx_writing.add_text(word, f"جماعة بني ملال — {note['division_ar']}", "ar", bold=True)
    for language in ("fr", "ar"):
        docx_writing.add_text(word, note[f"title_{language}"], language, style="Heading 1")
        for paragraph in note[f"body_{language}"]:
            docx_writing.add_text(word, paragraph, language)
        for line in note.get(f"blanks_{language}", []):
            docx_writing.add_text(word, f"{line} {'.' * 50}", language)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()
