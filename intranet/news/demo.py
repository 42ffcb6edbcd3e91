"""Demo news of the commune of Beni Mellal, in French and Arabic, then the council's
decisions and the revue (``demo_council``)."""

from datetime import date

from intranet.home.demo_pages import arabic, upsert_child, upsert_translation

from . import demo_council
from .models import NewsIndexPage, NewsPage

NEWS = [
    {
        "slug": "lancement-manuel-des-procedures",
        "date": date(2026, 11, 26),
        "fr": (
            "Le manuel unifié des procédures est en ligne",
            "Adopté par le conseil en session extraordinaire, le manuel unifié des procédures "
            "administratives est consultable dans l'intranet et affiché à l'accueil.",
            "<p>Chaque fiche indique les pièces à fournir, les frais, les délais, le service "
            "responsable et les références juridiques. Les agents d'accueil, au siège comme dans "
            "les huit arrondissements, peuvent l'imprimer en français et en arabe pour les "
            "usagers.</p><p>Une erreur, une pièce qui manque ? Signalez-la à la cellule des "
            "procédures : elle met le manuel à jour avec le conseiller juridique.</p>",
        ),
        "ar": (
            "الدليل الموحد للمساطر متاح على الشبكة الداخلية",
            "بعد أن صادق عليه المجلس في دورة استثنائية، أصبح الدليل الموحد للمساطر الإدارية متاحا "
            "في الشبكة الداخلية ومعلقا بالاستقبال.",
            "<p>تبين كل بطاقة الوثائق المطلوبة والرسوم والآجال والمصلحة المسؤولة والمراجع "
            "القانونية. ويمكن لأعوان الاستقبال، بالمقر وبالمقاطعات الثماني، طباعتها بالعربية "
            "والفرنسية لفائدة المرتفقين.</p><p>خطأ أو وثيقة ناقصة؟ أخبروا خلية المساطر، فهي تحين "
            "الدليل مع المستشار القانوني.</p>",
        ),
    },
    {
        "slug": "formation-agents-accueil",
        "date": date(2026, 11, 9),
        "fr": (
            "Les agents d'accueil formés à l'accueil et à l'orientation des usagers",
            "Douze agents du siège et des arrondissements ont suivi trois journées de formation "
            "sur l'accueil, l'orientation et l'usage des outils informatiques.",
            "<p>La formation, prévue par le programme de renforcement des capacités, a porté sur "
            "l'écoute des usagers, l'orientation vers le bon service à l'aide des badges de "
            "couleur, la tenue du registre des visites et la recherche des fiches de procédure "
            "dans l'intranet.</p><p>Une deuxième session, ouverte aux agents des annexes, aura "
            "lieu au début de l'année.</p>",
        ),
        "ar": (
            "تكوين أعوان الاستقبال في استقبال المرتفقين وتوجيههم",
            "استفاد اثنا عشر عونا من المقر والمقاطعات من ثلاثة أيام تكوينية حول الاستقبال "
            "والتوجيه واستعمال الأدوات المعلوماتية.",
            "<p>تناول التكوين، المبرمج في إطار برنامج تقوية القدرات، الإنصات للمرتفقين وتوجيههم "
            "نحو المصلحة المختصة بواسطة الشارات الملونة، ومسك سجل الزيارات والبحث عن بطاقات "
            "المساطر في الشبكة الداخلية.</p><p>وستنظم دورة ثانية لفائدة أعوان الملحقات في بداية "
            "السنة.</p>",
        ),
    },
    {
        "slug": "ouverture-espace-accueil",
        "date": date(2026, 11, 16),
        "fr": (
            "Ouverture de l'espace d'accueil et d'orientation au rez-de-chaussée du siège",
            "Depuis lundi, les usagers sont reçus dans le nouvel espace d'accueil à l'entrée du "
            "siège : comptoir, espace d'attente et badges visiteurs aux couleurs des services.",
            "<p>Comme l'avaient proposé les ateliers de diagnostic participatif, l'accueil dispose "
            "désormais d'un bureau à l'entrée du siège, de deux postes informatiques et d'une ligne "
            "téléphonique directe. Les agents remettent à chaque visiteur un badge dont la couleur "
            "correspond au service sollicité.</p><p>Les chefs de service sont invités à vérifier "
            "dans l'intranet que la localisation et les horaires de leur service sont à jour.</p>",
        ),
        "ar": (
            "افتتاح فضاء الاستقبال والتوجيه بالطابق الأرضي لمقر الجماعة",
            "منذ يوم الاثنين، يستقبل المرتفقون في فضاء الاستقبال الجديد عند مدخل المقر: شباك وفضاء "
            "للانتظار وشارات للزوار بألوان المصالح.",
            "<p>كما اقترحت ورشات التشخيص التشاركي، أصبح للاستقبال مكتب عند مدخل المقر، وحاسوبان وخط "
            "هاتفي مباشر. ويسلم الأعوان لكل زائر شارة يطابق لونها المصلحة المطلوبة.</p><p>يرجى من "
            "رؤساء المصالح التأكد في الشبكة الداخلية من تحيين موقع مصالحهم وأوقات عملها.</p>",
        ),
    },
    {
        "slug": "session-ordinaire-octobre",
        "date": date(2026, 10, 8),
        "fr": (
            "Session ordinaire d'octobre : le conseil adopte le budget 2027",
            "Réuni en session ordinaire, le conseil communal a adopté le budget de l'exercice 2027 "
            "et une convention de partenariat pour la formation du personnel.",
            "<p>Le budget prévoit une ligne dédiée à la formation des fonctionnaires en matière de "
            "communication et d'accueil, ainsi qu'une enveloppe pour la signalétique interne et "
            "externe des bâtiments communaux.</p>",
        ),
        "ar": (
            "دورة أكتوبر العادية: المجلس يصادق على ميزانية 2027",
            "صادق المجلس الجماعي خلال دورته العادية على ميزانية سنة 2027 وعلى اتفاقية شراكة لتكوين "
            "الموظفين.",
            "<p>تتضمن الميزانية بندا مخصصا لتكوين الموظفين في مجال التواصل والاستقبال، وغلافا ماليا "
            "لعلامات التشوير الداخلية والخارجية للمباني الجماعية.</p>",
        ),
    },
    {
        "slug": "manuel-des-procedures-cellule",
        "date": date(2026, 9, 22),
        "fr": (
            "La cellule inter-services des procédures se met au travail",
            "Un représentant de chaque division et le conseiller juridique mettent à jour le manuel "
            "unifié des procédures administratives.",
            "<p>Chaque fiche de procédure indiquera les pièces à fournir, les frais, les délais, le "
            "service responsable et les références juridiques. Les fiches seront affichées à "
            "l'accueil, dans les arrondissements et les annexes.</p>",
        ),
        "ar": (
            "الخلية المشتركة بين المصالح للمساطر تشرع في عملها",
            "يعمل ممثل عن كل قسم والمستشار القانوني على تحيين الدليل الموحد للمساطر الإدارية.",
            "<p>ستبين كل بطاقة مسطرة الوثائق المطلوبة والرسوم والآجال والمصلحة المسؤولة والمراجع "
            "القانونية. وستعلق البطاقات بالاستقبال وبالمقاطعات والملحقات.</p>",
        ),
    },
]


def load():
    from intranet.home.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    index = upsert_child(home, NewsIndexPage, "actualites", title="Actualités", show_in_menus=True)
    upsert_translation(index, arabic(), title="المستجدات", slug="actualites")
    for item in NEWS:
        title, introduction, body = item["fr"]
        news = upsert_child(
            index,
            NewsPage,
            item["slug"],
            title=title,
            date=item["date"],
            introduction=introduction,
            body=[("paragraph", body)],
        )
        title, introduction, body = item["ar"]
        upsert_translation(
            news,
            arabic(),
            title=title,
            slug=item["slug"],
            date=item["date"],
            introduction=introduction,
            body=[("paragraph", body)],
        )
    demo_council.load_decisions(home)
    demo_council.load_revue(index)
    return index
