"""Demo decisions of the communal council of Beni Mellal and the first revue, in French and Arabic.

The subjects follow the 2017 diagnostic: a budget line for training staff in
communication, partnerships with associations, street signs, the procedures
manual, the reception space, the parity and gender body, and the revue itself
(measure 4: « produire une revue contenant les décisions du Conseil »).
"""

from datetime import date

from intranet.home.demo_pages import arabic, upsert_child, upsert_translation

from .models import CouncilDecisionIndexPage, CouncilDecisionPage, NewsPage, RevueItem, RevuePage

ORDINARY, EXTRAORDINARY = "ordinary", "extraordinary"
ADOPTED, REJECTED = "adopted", "rejected"

DECISIONS = [
    {
        "slug": "decision-2026-07-tarifs-domaine-public",
        "session": (date(2026, 2, 3), ORDINARY),
        "number": 7,
        "votes": (18, 24, 6, REJECTED),
        "fr": (
            "Révision des tarifs d'occupation temporaire du domaine public",
            "Projet d'arrêté fiscal relevant les redevances d'occupation temporaire du domaine "
            "public communal par les terrasses de cafés et les étalages commerciaux.",
            "<p>Le conseil, après avoir entendu l'exposé de la commission du budget, des finances "
            "et de la programmation, a rejeté le projet de révision des tarifs. Il demande à la "
            "présidence de présenter à la prochaine session un barème concerté avec les "
            "associations de commerçants des quartiers.</p>",
        ),
        "ar": (
            "مراجعة تعريفة الاحتلال المؤقت للملك العمومي",
            "مشروع قرار جبائي برفع إتاوات الاحتلال المؤقت للملك العمومي الجماعي من طرف شرفات "
            "المقاهي والمعروضات التجارية.",
            "<p>رفض المجلس، بعد الاستماع إلى عرض لجنة الميزانية والشؤون المالية والبرمجة، مشروع "
            "مراجعة التعريفة. ويطلب من الرئاسة تقديم جدول متشاور بشأنه مع جمعيات تجار الأحياء "
            "في الدورة المقبلة.</p>",
        ),
    },
    {
        "slug": "decision-2026-19-programme-action",
        "session": (date(2026, 5, 5), ORDINARY),
        "number": 19,
        "votes": (41, 3, 4, ADOPTED),
        "fr": (
            "Mise à jour du programme d'action de la commune",
            "Mise à jour du programme d'action de la commune (PAC) : amélioration de l'accueil, "
            "signalétique des bâtiments communaux et numérisation des informations "
            "administratives.",
            "<p>Le conseil approuve l'inscription au programme d'action de la commune de trois "
            "projets issus du diagnostic participatif : l'espace central d'accueil et "
            "d'orientation au siège, la signalétique interne et externe des bâtiments, et la "
            "plate-forme d'information des fonctionnaires et des citoyens.</p>",
        ),
        "ar": (
            "تحيين برنامج عمل الجماعة",
            "تحيين برنامج عمل الجماعة: تحسين الاستقبال، وتشوير المباني الجماعية، ورقمنة "
            "المعلومات الإدارية.",
            "<p>يوافق المجلس على إدراج ثلاثة مشاريع منبثقة عن التشخيص التشاركي في برنامج عمل "
            "الجماعة: فضاء مركزي للاستقبال والتوجيه بالمقر، والتشوير الداخلي والخارجي للمباني، "
            "ومنصة لإخبار الموظفين والمواطنين.</p>",
        ),
    },
    {
        "slug": "decision-2026-20-ipecag",
        "session": (date(2026, 5, 5), ORDINARY),
        "number": 20,
        "votes": (47, 0, 1, ADOPTED),
        "fr": (
            "Composition de l'instance de l'équité, de l'égalité des chances et de l'approche genre",
            "Renouvellement des membres de l'instance consultative de l'équité, de l'égalité "
            "des chances et de l'approche genre (IPECAG), en partenariat avec la société civile.",
            "<p>Conformément à l'article 120 de la loi organique n° 113-14 relative aux "
            "communes, le conseil arrête la composition de l'instance, qui réunit des "
            "personnalités associatives de la ville, et l'invite à lui soumettre son plan de "
            "travail annuel.</p>",
        ),
        "ar": (
            "تشكيل هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
            "تجديد أعضاء الهيئة الاستشارية للمساواة وتكافؤ الفرص ومقاربة النوع بشراكة مع "
            "المجتمع المدني.",
            "<p>طبقا للمادة 120 من القانون التنظيمي رقم 113.14 المتعلق بالجماعات، يحدد المجلس "
            "تشكيلة الهيئة التي تضم فعاليات جمعوية من المدينة، ويدعوها إلى عرض برنامج عملها "
            "السنوي عليه.</p>",
        ),
    },
    {
        "slug": "decision-2026-41-budget-2027",
        "session": (date(2026, 10, 6), ORDINARY),
        "number": 41,
        "votes": (38, 9, 3, ADOPTED),
        "fr": (
            "Approbation du budget de la commune pour l'exercice 2027",
            "Examen et approbation du budget de la commune de Beni Mellal pour l'exercice 2027.",
            "<p>Le budget de l'exercice 2027 est approuvé. Il comporte, comme l'avait demandé le "
            "diagnostic participatif, une ligne budgétaire réservée à la formation des "
            "fonctionnaires en matière de communication et d'accueil, et une enveloppe pour la "
            "signalétique interne et externe des bâtiments communaux.</p>",
        ),
        "ar": (
            "المصادقة على ميزانية الجماعة برسم سنة 2027",
            "دراسة ميزانية جماعة بني ملال برسم السنة المالية 2027 والمصادقة عليها.",
            "<p>تمت المصادقة على ميزانية سنة 2027. وتتضمن، كما طالب بذلك التشخيص التشاركي، "
            "بندا مخصصا لتكوين الموظفين في مجال التواصل والاستقبال، وغلافا ماليا للتشوير "
            "الداخلي والخارجي للمباني الجماعية.</p>",
        ),
    },
    {
        "slug": "decision-2026-42-convention-ain-asserdoun",
        "session": (date(2026, 10, 6), ORDINARY),
        "number": 42,
        "votes": (45, 0, 2, ADOPTED),
        "fr": (
            "Convention de partenariat avec l'association Aïn Asserdoun pour le développement",
            "Approbation d'une convention de partenariat avec l'association Aïn Asserdoun pour "
            "le développement : relais d'information dans les quartiers éloignés.",
            "<p>La convention confie à l'association, en contact direct avec la population, la "
            "diffusion des informations sur les rôles et attributions de la commune et sur les "
            "pièces à fournir pour les démarches courantes. La commune met à sa disposition les "
            "fiches du manuel des procédures et une salle du centre socioculturel.</p>",
        ),
        "ar": (
            "اتفاقية شراكة مع جمعية عين أسردون للتنمية",
            "المصادقة على اتفاقية شراكة مع جمعية عين أسردون للتنمية: نقل المعلومة إلى الأحياء "
            "البعيدة.",
            "<p>تعهد الاتفاقية إلى الجمعية، التي هي على اتصال مباشر بالساكنة، بنشر المعلومات "
            "المتعلقة بأدوار الجماعة واختصاصاتها وبالوثائق المطلوبة للإجراءات الجارية. وتضع "
            "الجماعة رهن إشارتها بطاقات دليل المساطر وقاعة بالمركز السوسيوثقافي.</p>",
        ),
    },
    {
        "slug": "decision-2026-43-denomination-voies",
        "session": (date(2026, 10, 7), ORDINARY),
        "number": 43,
        "votes": (40, 5, 5, ADOPTED),
        "fr": (
            "Dénomination de voies publiques au quartier Ennakhil",
            "Dénomination de onze rues et d'une place du quartier Ennakhil, et pose des plaques "
            "en arabe, en amazighe et en français.",
            "<p>Le conseil approuve la liste des noms proposée par la commission de "
            "l'urbanisme, après consultation des associations du quartier. Les plaques seront "
            "posées avec la signalétique prévue au budget 2027, afin que les usagers trouvent "
            "plus facilement les services et les annexes administratives.</p>",
        ),
        "ar": (
            "تسمية الطرق العمومية بحي النخيل",
            "تسمية إحدى عشرة زنقة وساحة بحي النخيل، ووضع لوحات بالعربية والأمازيغية والفرنسية.",
            "<p>يصادق المجلس على لائحة الأسماء التي اقترحتها لجنة التعمير بعد استشارة جمعيات "
            "الحي. وستوضع اللوحات مع علامات التشوير المبرمجة في ميزانية 2027، ليسهل على "
            "المرتفقين الوصول إلى المصالح والملحقات الإدارية.</p>",
        ),
    },
    {
        "slug": "decision-2026-47-manuel-des-procedures",
        "session": (date(2026, 11, 24), EXTRAORDINARY),
        "number": 47,
        "votes": (44, 0, 1, ADOPTED),
        "fr": (
            "Adoption du manuel unifié des procédures administratives",
            "Adoption du manuel unifié des procédures administratives préparé par la cellule "
            "inter-services et le conseiller juridique.",
            "<p>Le manuel décrit, pour chaque prestation, les pièces à fournir, les frais, les "
            "délais, le service responsable et les références juridiques. Le conseil en décide "
            "l'affichage à l'accueil du siège, dans les huit arrondissements et les annexes, et "
            "sa mise à jour régulière par la cellule des procédures.</p>",
        ),
        "ar": (
            "اعتماد الدليل الموحد للمساطر الإدارية",
            "اعتماد الدليل الموحد للمساطر الإدارية الذي أعدته الخلية المشتركة بين المصالح "
            "والمستشار القانوني.",
            "<p>يبين الدليل لكل خدمة الوثائق المطلوبة والرسوم والآجال والمصلحة المسؤولة "
            "والمراجع القانونية. ويقرر المجلس تعليقه باستقبال المقر وبالمقاطعات الثماني "
            "والملحقات، وتحيينه بانتظام من طرف خلية المساطر.</p>",
        ),
    },
    {
        "slug": "decision-2026-48-credits-espace-accueil",
        "session": (date(2026, 11, 24), EXTRAORDINARY),
        "number": 48,
        "votes": (36, 10, 4, ADOPTED),
        "fr": (
            "Virement de crédits pour l'équipement de l'espace d'accueil",
            "Virement de crédits au sein du budget 2026 pour équiper l'espace d'accueil et "
            "d'orientation du siège.",
            "<p>Les crédits financent le comptoir, deux postes informatiques, une ligne "
            "téléphonique directe, un photocopieur et la climatisation de l'espace d'accueil, "
            "ainsi que les badges visiteurs aux couleurs des services.</p>",
        ),
        "ar": (
            "تحويل اعتمادات لتجهيز فضاء الاستقبال",
            "تحويل اعتمادات داخل ميزانية 2026 لتجهيز فضاء الاستقبال والتوجيه بالمقر.",
            "<p>تمول الاعتمادات الشباك وحاسوبين وخطا هاتفيا مباشرا وآلة للنسخ وتكييف فضاء "
            "الاستقبال، وكذا شارات الزوار بألوان المصالح.</p>",
        ),
    },
]

REVUE = {
    "slug": "revue-automne-2026",
    "period": (date(2026, 9, 1), date(2026, 11, 30)),
    "fr": (
        "La revue de la commune n° 1 · automne 2026",
        "Le diagnostic participatif de 2017 demandait une revue réunissant les décisions du "
        "conseil et les activités de la commune, pour que chacun en soit informé à temps. "
        "Voici son premier numéro.\n\n"
        "Cet automne, le conseil a adopté le budget 2027 et le manuel unifié des procédures ; "
        "l'espace d'accueil a ouvert ses portes au rez-de-chaussée du siège et ses agents ont "
        "été formés. Bonne lecture, et faites-nous part de vos suggestions auprès du service "
        "de la communication.",
    ),
    "ar": (
        "مجلة الجماعة العدد 1 · خريف 2026",
        "طالب التشخيص التشاركي لسنة 2017 بمجلة تجمع مقررات المجلس وأنشطة الجماعة، حتى يطلع "
        "عليها الجميع في الوقت المناسب. هذا عددها الأول.\n\n"
        "خلال هذا الخريف، صادق المجلس على ميزانية 2027 وعلى الدليل الموحد للمساطر، وفتح فضاء "
        "الاستقبال أبوابه بالطابق الأرضي للمقر وتلقى أعوانه تكوينا. قراءة ممتعة، ونرحب "
        "باقتراحاتكم لدى مصلحة التواصل.",
    ),
    # Slugs of news and decisions, in the order the revue presents them.
    "items": (
        "decision-2026-41-budget-2027",
        "decision-2026-47-manuel-des-procedures",
        "lancement-manuel-des-procedures",
        "ouverture-espace-accueil",
        "formation-agents-accueil",
        "decision-2026-48-credits-espace-accueil",
        "decision-2026-42-convention-ain-asserdoun",
        "decision-2026-43-denomination-voies",
    ),
}


def load_decisions(home):
    index = upsert_child(
        home,
        CouncilDecisionIndexPage,
        "decisions-du-conseil",
        title="Décisions du conseil",
        show_in_menus=True,
        introduction="<p>Les décisions du conseil communal, session par session, avec le "
        "résultat des votes et le texte signé.</p>",
    )
    upsert_translation(
        index,
        arabic(),
        title="مقررات المجلس",
        slug="decisions-du-conseil",
        introduction="<p>مقررات المجلس الجماعي، دورة بدورة، مع نتيجة التصويت والنص الموقع.</p>",
    )
    for decision in DECISIONS:
        session_date, session_type = decision["session"]
        votes_for, votes_against, abstentions, outcome = decision["votes"]
        shared = {
            "slug": decision["slug"],
            "session_date": session_date,
            "session_type": session_type,
            "number": decision["number"],
            "votes_for": votes_for,
            "votes_against": votes_against,
            "abstentions": abstentions,
            "outcome": outcome,
        }
        title, subject, text = decision["fr"]
        page = upsert_child(
            index, CouncilDecisionPage, title=title, subject=subject, text=text, **shared
        )
        title, subject, text = decision["ar"]
        upsert_translation(page, arabic(), title=title, subject=subject, text=text, **shared)
    return index


def load_revue(news_index):
    """The first revue, gathering the season's news and decisions (both languages)."""
    french_items = [_page_by_slug(slug, "fr") for slug in REVUE["items"]]
    start, end = REVUE["period"]
    title, introduction = REVUE["fr"]
    revue = upsert_child(
        news_index,
        RevuePage,
        REVUE["slug"],
        title=title,
        period_start=start,
        period_end=end,
        introduction=introduction,
        items=[RevueItem(page=page, sort_order=order) for order, page in enumerate(french_items)],
    )
    title, introduction = REVUE["ar"]
    upsert_translation(
        revue,
        arabic(),
        title=title,
        slug=REVUE["slug"],
        period_start=start,
        period_end=end,
        introduction=introduction,
        items=[
            RevueItem(page=page.get_translation(arabic()), sort_order=order)
            for order, page in enumerate(french_items)
        ],
    )
    return revue


def _page_by_slug(slug, language):
    for model in (CouncilDecisionPage, NewsPage):
        page = model.objects.filter(slug=slug, locale__language_code=language).first()
        if page:
            return page.page_ptr
    raise LookupError(slug)
