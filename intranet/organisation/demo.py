"""Demo organisation of the commune of Beni Mellal, in French and Arabic.

The divisions and services follow the usual organisation chart of a large
Moroccan commune (organic law 113-14); names of people are invented.
"""

from datetime import time

from intranet.home.demo_pages import arabic, upsert_child, upsert_snippet, upsert_translation

from .colours import ColourCode
from .models import (
    Arrondissement,
    Building,
    DivisionPage,
    Floor,
    OpeningHours,
    OrganisationChartPage,
    ServicePage,
    StaffContact,
)

BUILDINGS = {
    "siege": (
        {"name": "Siège de la commune", "address": "Avenue Mohammed V, Beni Mellal"},
        {"name": "مقر الجماعة", "address": "شارع محمد الخامس، بني ملال"},
    ),
    "annexe-technique": (
        {
            "name": "Annexe technique",
            "address": "Rue Ibn Sina, quartier administratif, Beni Mellal",
        },
        {"name": "الملحقة التقنية", "address": "زنقة ابن سينا، الحي الإداري، بني ملال"},
    ),
}

ARRONDISSEMENTS = [
    (1, "Aïn Asserdoune", "عين أسردون", "Route d'Aïn Asserdoune", "طريق عين أسردون"),
    (
        2,
        "Ouled Hamdane",
        "أولاد حمدان",
        "Boulevard Hassan II, Ouled Hamdane",
        "شارع الحسن الثاني، أولاد حمدان",
    ),
    (3, "Al Massira", "المسيرة", "Rue 12, Hay Al Massira", "الزنقة 12، حي المسيرة"),
    (
        4,
        "Ennahda",
        "النهضة",
        "Avenue des FAR, Hay Ennahda",
        "شارع القوات المسلحة الملكية، حي النهضة",
    ),
    (5, "Riad Essalam", "رياض السلام", "Place Riad Essalam", "ساحة رياض السلام"),
    (6, "Al Qods", "القدس", "Rue Al Qods, Hay Al Qods", "زنقة القدس، حي القدس"),
    (7, "Ezzaitoune", "الزيتون", "Avenue Ezzaitoune", "شارع الزيتون"),
    (8, "Al Farah", "الفرح", "Boulevard Al Farah", "شارع الفرح"),
]
ANNEXES = [
    (
        "Annexe administrative Oulad Yaich Route",
        "الملحقة الإدارية طريق أولاد يعيش",
        "Route de Oulad Yaich, km 3",
        "طريق أولاد يعيش، الكلم 3",
    ),
    (
        "Annexe administrative Tamegnounte",
        "الملحقة الإدارية تامكنونت",
        "Douar Tamegnounte",
        "دوار تامكنونت",
    ),
]

WEEKDAYS_MORNING_TO_AFTERNOON = [
    OpeningHours(first_day=0, last_day=4, opens_at=time(8, 30), closes_at=time(16, 30)),
]
CIVIL_STATUS_HOURS = [
    OpeningHours(first_day=0, last_day=4, opens_at=time(8, 0), closes_at=time(16, 30)),
    OpeningHours(first_day=5, last_day=5, opens_at=time(9, 0), closes_at=time(12, 0)),
]

# Each division: French and Arabic names and missions, location, colour, services.
DIVISIONS = [
    {
        "slug": "direction-generale-des-services",
        "fr": "Direction générale des services",
        "ar": "المديرية العامة للمصالح",
        "acronym": "DGS",
        "head": (
            "Mohamed Oubaha",
            "Directeur général des services",
            "محمد أوباها",
            "المدير العام للمصالح",
        ),
        "colour": ColourCode.GREY,
        "where": ("siege", Floor.SECOND, "201", "200"),
        "missions_fr": [
            "Assister le président du conseil dans la gestion de l'administration communale.",
            "Coordonner l'action des divisions et des services et en assurer le suivi.",
            "Préparer les sessions du conseil et suivre l'exécution de ses décisions.",
        ],
        "missions_ar": [
            "مساعدة رئيس المجلس في تدبير الإدارة الجماعية.",
            "تنسيق عمل الأقسام والمصالح وتتبعه.",
            "تحضير دورات المجلس وتتبع تنفيذ مقرراته.",
        ],
        "services": [
            {
                "slug": "service-communication-relations-publiques",
                "fr": "Service de la communication et des relations publiques",
                "ar": "مصلحة التواصل والعلاقات العامة",
                "colour": ColourCode.PINK,
                "where": ("siege", Floor.GROUND, "12", "212"),
                "public": False,
                "missions_fr": [
                    "Diffuser en interne les informations et les décisions du conseil.",
                    "Informer les citoyennes et les citoyens sur les attributions et les prestations de la commune.",
                    "Produire la revue des décisions du conseil et des activités de la commune.",
                    "Tenir à jour l'organigramme et les fiches d'orientation affichées à l'accueil.",
                ],
                "missions_ar": [
                    "نشر المعلومات ومقررات المجلس داخليا.",
                    "إخبار المواطنات والمواطنين باختصاصات الجماعة وخدماتها.",
                    "إصدار مجلة مقررات المجلس وأنشطة الجماعة.",
                    "تحيين الهيكل التنظيمي وبطاقات التوجيه المعروضة بالاستقبال.",
                ],
                "contacts": [
                    ("Salma Berrada", "Chef du service", "سلمى برادة", "رئيسة المصلحة", "212"),
                    (
                        "Youssef Naciri",
                        "Chargé de la communication interne",
                        "يوسف الناصري",
                        "مكلف بالتواصل الداخلي",
                        "213",
                    ),
                ],
            },
            {
                "slug": "bureau-accueil-orientation",
                "fr": "Bureau d'accueil et d'orientation",
                "ar": "مكتب الاستقبال والتوجيه",
                "colour": ColourCode.TEAL,
                "where": ("siege", Floor.GROUND, "1", "100"),
                "public": True,
                "hours": CIVIL_STATUS_HOURS,
                "missions_fr": [
                    "Accueillir les usagers, les informer et les orienter vers le service compétent.",
                    "Remettre les badges visiteurs selon le code couleur des services.",
                    "Tenir le registre d'accueil et en produire les statistiques.",
                    "Mettre à disposition les fiches des procédures administratives.",
                ],
                "missions_ar": [
                    "استقبال المرتفقين وإخبارهم وتوجيههم إلى المصلحة المختصة.",
                    "تسليم شارات الزوار حسب الرمز اللوني للمصالح.",
                    "مسك سجل الاستقبال وإعداد إحصائياته.",
                    "وضع بطاقات المساطر الإدارية رهن إشارة المرتفقين.",
                ],
                "contacts": [
                    (
                        "Khadija El Amrani",
                        "Agente d'accueil",
                        "خديجة العمراني",
                        "عونة الاستقبال",
                        "101",
                    ),
                    (
                        "Rachid Ait Lahcen",
                        "Agent d'accueil",
                        "رشيد آيت لحسن",
                        "عون الاستقبال",
                        "102",
                    ),
                ],
            },
            {
                "slug": "bureau-des-plaintes",
                "fr": "Bureau des plaintes",
                "ar": "مكتب الشكايات",
                "colour": ColourCode.RED,
                "where": ("siege", Floor.GROUND, "3", "103"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Recevoir et enregistrer les plaintes et doléances des citoyennes et des citoyens.",
                    "Transmettre chaque plainte au service concerné et en suivre le traitement.",
                    "Informer le plaignant de la suite donnée dans les délais.",
                ],
                "missions_ar": [
                    "تلقي وتسجيل شكايات وتظلمات المواطنات والمواطنين.",
                    "إحالة كل شكاية على المصلحة المعنية وتتبع معالجتها.",
                    "إخبار المشتكي بمآل شكايته داخل الآجال.",
                ],
                "contacts": [
                    (
                        "Nadia Chraibi",
                        "Chargée des plaintes",
                        "نادية الشرايبي",
                        "مكلفة بالشكايات",
                        "103",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "division-affaires-administratives",
        "fr": "Division des affaires administratives",
        "ar": "قسم الشؤون الإدارية",
        "acronym": "DAA",
        "head": ("Abdelaziz Moutawakil", "Chef de la division", "عبد العزيز المتوكل", "رئيس القسم"),
        "colour": ColourCode.BLUE,
        "where": ("siege", Floor.FIRST, "110", "310"),
        "missions_fr": [
            "Gérer les ressources humaines de la commune : carrières, paie, formation.",
            "Assurer le secrétariat du conseil et la tenue des archives.",
            "Gérer le bureau d'ordre et le courrier.",
        ],
        "missions_ar": [
            "تدبير الموارد البشرية للجماعة: المسار المهني والأجور والتكوين.",
            "تأمين كتابة المجلس ومسك الأرشيف.",
            "تدبير مكتب الضبط والمراسلات.",
        ],
        "services": [
            {
                "slug": "service-ressources-humaines",
                "fr": "Service des ressources humaines",
                "ar": "مصلحة الموارد البشرية",
                "where": ("siege", Floor.FIRST, "112", "312"),
                "public": False,
                "missions_fr": [
                    "Tenir les dossiers administratifs du personnel.",
                    "Préparer le plan de formation annuel et suivre les sessions au siège et dans les arrondissements.",
                    "Délivrer les attestations de travail et de salaire.",
                ],
                "missions_ar": [
                    "مسك الملفات الإدارية للموظفين.",
                    "إعداد المخطط السنوي للتكوين وتتبع الدورات بالمقر والمقاطعات.",
                    "تسليم شواهد العمل والأجرة.",
                ],
                "contacts": [
                    (
                        "Fatima Zahra Bennani",
                        "Chef du service",
                        "فاطمة الزهراء بناني",
                        "رئيسة المصلحة",
                        "312",
                    ),
                    (
                        "Hamid Ouchen",
                        "Gestionnaire de la formation",
                        "حميد أوشن",
                        "مدبر التكوين",
                        "313",
                    ),
                ],
            },
            {
                "slug": "bureau-d-ordre",
                "fr": "Bureau d'ordre",
                "ar": "مكتب الضبط",
                "where": ("siege", Floor.GROUND, "5", "105"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Enregistrer le courrier arrivé et départ et en délivrer le récépissé.",
                    "Recevoir les demandes et les pétitions adressées au président du conseil.",
                ],
                "missions_ar": [
                    "تسجيل البريد الوارد والصادر وتسليم وصل الإيداع.",
                    "تلقي الطلبات والعرائض الموجهة إلى رئيس المجلس.",
                ],
                "contacts": [
                    (
                        "Mustapha Idrissi",
                        "Responsable du bureau d'ordre",
                        "مصطفى الإدريسي",
                        "مسؤول مكتب الضبط",
                        "105",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "division-etat-civil",
        "fr": "Division de l'état civil et de la légalisation",
        "ar": "قسم الحالة المدنية والتصديق على الإمضاءات",
        "acronym": "DEC",
        "head": ("Latifa Zerouali", "Chef de la division", "لطيفة الزروالي", "رئيسة القسم"),
        "colour": ColourCode.GREEN,
        "where": ("siege", Floor.GROUND, "20", "120"),
        "missions_fr": [
            "Tenir les registres de l'état civil et délivrer les actes et extraits.",
            "Légaliser les signatures et certifier les copies conformes aux originaux.",
            "Coordonner les bureaux d'état civil des arrondissements.",
        ],
        "missions_ar": [
            "مسك سجلات الحالة المدنية وتسليم الرسوم والنسخ.",
            "المصادقة على الإمضاءات والإشهاد على مطابقة النسخ لأصولها.",
            "تنسيق مكاتب الحالة المدنية بالمقاطعات.",
        ],
        "services": [
            {
                "slug": "service-etat-civil",
                "fr": "Service de l'état civil",
                "ar": "مصلحة الحالة المدنية",
                "where": ("siege", Floor.GROUND, "21", "121"),
                "public": True,
                "hours": CIVIL_STATUS_HOURS,
                "arrondissements": "all",
                "missions_fr": [
                    "Recevoir les déclarations de naissance et de décès.",
                    "Délivrer les extraits et copies intégrales des actes de naissance et de décès.",
                    "Délivrer et renouveler le livret de famille.",
                    "Instruire les dossiers de rectification d'erreur matérielle et de transcription des actes établis à l'étranger.",
                ],
                "missions_ar": [
                    "تلقي التصريحات بالولادات والوفيات.",
                    "تسليم نسخ موجزة وكاملة من رسوم الولادة والوفاة.",
                    "تسليم الدفتر العائلي وتجديده.",
                    "دراسة ملفات تصحيح الأخطاء المادية وتضمين الرسوم المحررة بالخارج.",
                ],
                "contacts": [
                    (
                        "Aicha Lamrini",
                        "Officier d'état civil délégué",
                        "عائشة لمريني",
                        "ضابطة الحالة المدنية المفوضة",
                        "121",
                    ),
                    (
                        "Brahim Ouaziz",
                        "Agent de l'état civil",
                        "إبراهيم أوعزيز",
                        "عون الحالة المدنية",
                        "122",
                    ),
                ],
            },
            {
                "slug": "service-legalisation",
                "fr": "Service de la légalisation des signatures et de la certification des copies",
                "ar": "مصلحة تصحيح الإمضاءات ومطابقة النسخ لأصولها",
                "where": ("siege", Floor.GROUND, "24", "124"),
                "public": True,
                "hours": CIVIL_STATUS_HOURS,
                "arrondissements": "all",
                "missions_fr": [
                    "Légaliser les signatures apposées en présence de l'agent.",
                    "Certifier les copies conformes aux documents originaux.",
                    "Tenir le registre des légalisations.",
                ],
                "missions_ar": [
                    "المصادقة على الإمضاءات الموقعة بحضور الموظف.",
                    "الإشهاد على مطابقة النسخ للوثائق الأصلية.",
                    "مسك سجل التصديقات.",
                ],
                "contacts": [
                    ("Said Hammouchi", "Chef du service", "سعيد حموشي", "رئيس المصلحة", "124"),
                ],
            },
        ],
    },
    {
        "slug": "division-urbanisme",
        "fr": "Division de l'urbanisme et de l'aménagement",
        "ar": "قسم التعمير وإعداد التراب",
        "acronym": "DUA",
        "head": ("Karim Benjelloun", "Chef de la division", "كريم بنجلون", "رئيس القسم"),
        "colour": ColourCode.ORANGE,
        "where": ("annexe-technique", Floor.FIRST, "14", "414"),
        "missions_fr": [
            "Instruire les demandes d'autorisations d'urbanisme en lien avec le guichet unique.",
            "Contrôler les chantiers et constater les infractions.",
            "Suivre les documents d'urbanisme de la commune.",
        ],
        "missions_ar": [
            "دراسة طلبات رخص التعمير بتنسيق مع الشباك الوحيد.",
            "مراقبة الأوراش ومعاينة المخالفات.",
            "تتبع وثائق التعمير الخاصة بالجماعة.",
        ],
        "services": [
            {
                "slug": "service-autorisations-urbanisme",
                "fr": "Service des autorisations d'urbanisme (guichet unique)",
                "ar": "مصلحة رخص التعمير (الشباك الوحيد)",
                "where": ("annexe-technique", Floor.GROUND, "2", "402"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Recevoir les demandes de permis de construire, d'habiter, de lotir, de morceler et de démolir.",
                    "Délivrer les certificats de conformité et les autorisations de travaux de réparation.",
                    "Informer les demandeurs de l'état d'avancement de leur dossier.",
                ],
                "missions_ar": [
                    "تلقي طلبات رخص البناء والسكن والتجزئة والتقسيم والهدم.",
                    "تسليم شواهد المطابقة ورخص أشغال الإصلاح.",
                    "إخبار الطالبين بمآل ملفاتهم.",
                ],
                "contacts": [
                    (
                        "Meryem Tazi",
                        "Architecte, chef du service",
                        "مريم التازي",
                        "مهندسة معمارية، رئيسة المصلحة",
                        "402",
                    ),
                    (
                        "Omar Fassi",
                        "Technicien instructeur",
                        "عمر الفاسي",
                        "تقني مكلف بدراسة الملفات",
                        "403",
                    ),
                ],
            },
            {
                "slug": "service-controle-urbanisme",
                "fr": "Service du contrôle de l'urbanisme",
                "ar": "مصلحة مراقبة التعمير",
                "where": ("annexe-technique", Floor.FIRST, "16", "416"),
                "public": False,
                "missions_fr": [
                    "Contrôler la conformité des constructions aux autorisations délivrées.",
                    "Dresser les procès-verbaux d'infraction.",
                ],
                "missions_ar": [
                    "مراقبة مطابقة البنايات للرخص المسلمة.",
                    "تحرير محاضر المخالفات.",
                ],
                "contacts": [
                    ("Hassan Ait Ouali", "Contrôleur", "حسن آيت والي", "مراقب", "416"),
                ],
            },
        ],
    },
    {
        "slug": "division-ressources-financieres",
        "fr": "Division des ressources financières et de la fiscalité",
        "ar": "قسم الموارد المالية والجبايات",
        "acronym": "DRF",
        "head": ("Noureddine Alaoui", "Chef de la division", "نور الدين العلوي", "رئيس القسم"),
        "colour": ColourCode.PURPLE,
        "where": ("siege", Floor.FIRST, "130", "330"),
        "missions_fr": [
            "Préparer et exécuter le budget de la commune.",
            "Asseoir et recouvrer les taxes communales.",
            "Passer et suivre les marchés publics.",
        ],
        "missions_ar": [
            "إعداد ميزانية الجماعة وتنفيذها.",
            "وعاء الرسوم الجماعية وتحصيلها.",
            "إبرام الصفقات العمومية وتتبعها.",
        ],
        "services": [
            {
                "slug": "service-assiette-fiscale",
                "fr": "Service de l'assiette fiscale",
                "ar": "مصلحة الوعاء الضريبي",
                "where": ("siege", Floor.FIRST, "132", "332"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Recevoir les déclarations de la taxe sur les terrains urbains non bâtis.",
                    "Recenser les redevables de la taxe professionnelle et de la taxe de séjour.",
                ],
                "missions_ar": [
                    "تلقي الإقرارات المتعلقة بالرسم على الأراضي الحضرية غير المبنية.",
                    "إحصاء الملزمين بالرسم المهني ورسم الإقامة.",
                ],
                "contacts": [
                    ("Zineb Kettani", "Chef du service", "زينب الكتاني", "رئيسة المصلحة", "332"),
                ],
            },
            {
                "slug": "regie-des-recettes",
                "fr": "Régie des recettes",
                "ar": "وكالة المداخيل",
                "where": ("siege", Floor.GROUND, "8", "108"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Encaisser les droits et taxes dus à la commune et en délivrer quittance.",
                ],
                "missions_ar": [
                    "استخلاص الواجبات والرسوم المستحقة للجماعة وتسليم الوصولات.",
                ],
                "contacts": [
                    (
                        "Abdellah Rami",
                        "Régisseur des recettes",
                        "عبد الله رامي",
                        "شسيع المداخيل",
                        "108",
                    ),
                ],
            },
            {
                "slug": "service-budget-marches",
                "fr": "Service du budget et des marchés",
                "ar": "مصلحة الميزانية والصفقات",
                "where": ("siege", Floor.FIRST, "135", "335"),
                "public": False,
                "missions_fr": [
                    "Préparer le projet de budget et ses modifications.",
                    "Préparer les dossiers d'appel d'offres et suivre l'exécution des marchés.",
                ],
                "missions_ar": [
                    "إعداد مشروع الميزانية وتعديلاتها.",
                    "إعداد ملفات طلبات العروض وتتبع تنفيذ الصفقات.",
                ],
                "contacts": [
                    ("Imane Sbai", "Chef du service", "إيمان السباعي", "رئيسة المصلحة", "335"),
                ],
            },
        ],
    },
    {
        "slug": "division-affaires-economiques",
        "fr": "Division des affaires économiques",
        "ar": "قسم الشؤون الاقتصادية",
        "acronym": "DAE",
        "head": ("Driss Lahlou", "Chef de la division", "إدريس لحلو", "رئيس القسم"),
        "colour": ColourCode.BROWN,
        "where": ("siege", Floor.FIRST, "140", "340"),
        "missions_fr": [
            "Délivrer les autorisations d'exercice des activités commerciales, industrielles et professionnelles.",
            "Gérer l'occupation temporaire du domaine public communal.",
            "Contrôler la publicité et les enseignes.",
        ],
        "missions_ar": [
            "تسليم رخص مزاولة الأنشطة التجارية والصناعية والمهنية.",
            "تدبير الاحتلال المؤقت للملك العام الجماعي.",
            "مراقبة الإشهار واللوحات الإشهارية.",
        ],
        "services": [
            {
                "slug": "service-autorisations-economiques",
                "fr": "Service des autorisations économiques",
                "ar": "مصلحة الرخص الاقتصادية",
                "where": ("siege", Floor.FIRST, "142", "342"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "arrondissements": [1, 4],
                "missions_fr": [
                    "Instruire les demandes d'autorisation d'exercer une activité.",
                    "Délivrer les autorisations de publicité et d'enseigne.",
                ],
                "missions_ar": [
                    "دراسة طلبات رخص مزاولة النشاط.",
                    "تسليم رخص الإشهار واللوحات.",
                ],
                "contacts": [
                    ("Samira Oulhaj", "Chef du service", "سميرة ولحاج", "رئيسة المصلحة", "342"),
                ],
            },
            {
                "slug": "service-domaine-public",
                "fr": "Service du domaine public communal",
                "ar": "مصلحة الملك العام الجماعي",
                "where": ("siege", Floor.FIRST, "145", "345"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Instruire les demandes d'occupation temporaire du domaine public (terrasses, étalages, chantiers).",
                    "Suivre le recouvrement des redevances d'occupation.",
                ],
                "missions_ar": [
                    "دراسة طلبات الاحتلال المؤقت للملك العام (المقاهي والمعروضات والأوراش).",
                    "تتبع استخلاص إتاوات الاحتلال.",
                ],
                "contacts": [
                    (
                        "Younes Belhaj",
                        "Gestionnaire du domaine public",
                        "يونس بلحاج",
                        "مدبر الملك العام",
                        "345",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "bureau-communal-hygiene",
        "fr": "Division de l'hygiène et de l'environnement",
        "ar": "قسم حفظ الصحة والبيئة",
        "acronym": "BCH",
        "head": (
            "Dr. Leila Amrani",
            "Médecin chef du bureau communal d'hygiène",
            "د. ليلى العمراني",
            "طبيبة رئيسة المكتب الجماعي لحفظ الصحة",
        ),
        "colour": ColourCode.YELLOW,
        "where": ("annexe-technique", Floor.GROUND, "6", "406"),
        "missions_fr": [
            "Veiller à la salubrité publique et au contrôle sanitaire des établissements.",
            "Délivrer les permis d'inhumer et autoriser le transfert des dépouilles mortelles.",
            "Suivre la propreté et les espaces verts.",
        ],
        "missions_ar": [
            "السهر على الصحة العامة والمراقبة الصحية للمؤسسات.",
            "تسليم رخص الدفن والإذن بنقل الجثث.",
            "تتبع النظافة والمساحات الخضراء.",
        ],
        "services": [
            {
                "slug": "bureau-hygiene",
                "fr": "Bureau communal d'hygiène",
                "ar": "المكتب الجماعي لحفظ الصحة",
                "where": ("annexe-technique", Floor.GROUND, "7", "407"),
                "public": True,
                "hours": CIVIL_STATUS_HOURS,
                "missions_fr": [
                    "Constater les décès et délivrer le permis d'inhumer.",
                    "Instruire les demandes de transfert de dépouilles mortelles.",
                    "Contrôler l'hygiène des commerces de denrées alimentaires.",
                ],
                "missions_ar": [
                    "معاينة الوفيات وتسليم رخص الدفن.",
                    "دراسة طلبات نقل الجثث.",
                    "مراقبة النظافة بمحلات المواد الغذائية.",
                ],
                "contacts": [
                    (
                        "Ahmed Bouzidi",
                        "Infirmier, agent de constatation",
                        "أحمد بوزيدي",
                        "ممرض، عون المعاينة",
                        "407",
                    ),
                ],
            },
            {
                "slug": "service-proprete-espaces-verts",
                "fr": "Service de la propreté et des espaces verts",
                "ar": "مصلحة النظافة والمساحات الخضراء",
                "where": ("annexe-technique", Floor.FIRST, "18", "418"),
                "public": False,
                "missions_fr": [
                    "Suivre le contrat de gestion déléguée de la collecte des déchets.",
                    "Entretenir les jardins et les espaces verts de la commune.",
                ],
                "missions_ar": [
                    "تتبع عقد التدبير المفوض لجمع النفايات.",
                    "صيانة الحدائق والمساحات الخضراء الجماعية.",
                ],
                "contacts": [
                    (
                        "Mohamed Amine Jebli",
                        "Chef du service",
                        "محمد أمين الجبلي",
                        "رئيس المصلحة",
                        "418",
                    ),
                ],
            },
        ],
    },
    {
        "slug": "division-affaires-sociales-culturelles-sportives",
        "fr": "Division des affaires sociales, culturelles et sportives",
        "ar": "قسم الشؤون الاجتماعية والثقافية والرياضية",
        "acronym": "DASCS",
        "head": ("Houda Benkirane", "Chef de la division", "هدى بنكيران", "رئيسة القسم"),
        "colour": ColourCode.BLUE,
        "where": ("siege", Floor.SECOND, "220", "420"),
        "missions_fr": [
            "Accompagner les associations et instruire leurs demandes de subvention.",
            "Animer les mécanismes participatifs : pétitions, instance de l'équité, de l'égalité des chances et de l'approche genre.",
            "Gérer les équipements culturels et sportifs de proximité.",
        ],
        "missions_ar": [
            "مواكبة الجمعيات ودراسة طلبات المنح.",
            "تنشيط الآليات التشاركية: العرائض وهيئة المساواة وتكافؤ الفرص ومقاربة النوع.",
            "تدبير مرافق القرب الثقافية والرياضية.",
        ],
        "services": [
            {
                "slug": "service-partenariat-associations",
                "fr": "Service du partenariat et de la vie associative",
                "ar": "مصلحة الشراكة والحياة الجمعوية",
                "where": ("siege", Floor.SECOND, "222", "422"),
                "public": True,
                "hours": WEEKDAYS_MORNING_TO_AFTERNOON,
                "missions_fr": [
                    "Recevoir et instruire les demandes de subvention des associations.",
                    "Recevoir les pétitions adressées au conseil et en vérifier la recevabilité.",
                    "Assurer le secrétariat de l'IPECAG.",
                ],
                "missions_ar": [
                    "تلقي ودراسة طلبات دعم الجمعيات.",
                    "تلقي العرائض الموجهة إلى المجلس والتحقق من قبولها.",
                    "تأمين كتابة هيئة المساواة وتكافؤ الفرص ومقاربة النوع.",
                ],
                "contacts": [
                    ("Souad El Fassi", "Chef du service", "سعاد الفاسي", "رئيسة المصلحة", "422"),
                ],
            },
        ],
    },
]


def load():
    """Buildings, arrondissements, then the organisation chart with its pages."""
    from intranet.home.models import HomePage

    buildings = {
        key: upsert_snippet(Building, {"name": fr["name"]}, fr, ar)
        for key, (fr, ar) in BUILDINGS.items()
    }
    arrondissements = {}
    for number, name_fr, name_ar, address_fr, address_ar in ARRONDISSEMENTS:
        arrondissements[number] = upsert_snippet(
            Arrondissement,
            {"kind": Arrondissement.Kind.ARRONDISSEMENT, "number": number},
            {
                "name": f"Arrondissement {name_fr}",
                "address": address_fr,
                "phone": f"0523 48 {number:02d} 10",
            },
            {"name": f"مقاطعة {name_ar}", "address": address_ar},
        )
    for name_fr, name_ar, address_fr, address_ar in ANNEXES:
        upsert_snippet(
            Arrondissement,
            {"kind": Arrondissement.Kind.ANNEX, "name": name_fr},
            {"address": address_fr},
            {"name": name_ar, "address": address_ar},
        )

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    chart = upsert_child(
        home,
        OrganisationChartPage,
        "organigramme",
        title="Organigramme de la commune",
        show_in_menus=True,
        introduction=(
            "<p>Les divisions et services de la commune de Beni Mellal, où les trouver et "
            "leur code couleur. Cette fiche s'imprime sur une page pour l'affichage à l'entrée "
            "du siège.</p>"
        ),
    )
    upsert_translation(
        chart,
        arabic(),
        title="الهيكل التنظيمي للجماعة",
        slug="organigramme",
        introduction=(
            "<p>أقسام ومصالح جماعة بني ملال، أماكن تواجدها ورمزها اللوني. تطبع هذه البطاقة "
            "في صفحة واحدة لتعليقها عند مدخل مقر الجماعة.</p>"
        ),
    )
    for division_data in DIVISIONS:
        division = _load_unit(chart, DivisionPage, division_data, buildings, arrondissements)
        for service_data in division_data["services"]:
            _load_unit(division, ServicePage, service_data, buildings, arrondissements)
    load_teams()
    return chart


# The staff of a service see, on its page, the visitors the reception desk sends them.
TEAMS = {
    "service-etat-civil": ("Équipe — Service de l'état civil", ["etatcivil"]),
    "service-autorisations-urbanisme": ("Équipe — Service des autorisations d'urbanisme", []),
}


def load_teams():
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    for slug, (name, usernames) in TEAMS.items():
        team, _created = Group.objects.get_or_create(name=name)
        for service in ServicePage.objects.filter(slug=slug):
            if service.team_id != team.pk:
                service.team = team
                service.save(update_fields=["team"])
        for user in get_user_model().objects.filter(username__in=usernames):
            user.groups.add(team)


def _load_unit(parent, model, data, buildings, arrondissements):
    building_key, floor, office, extension = data["where"]
    head = data.get("head", ("", "", "", ""))
    common = {
        "acronym": data.get("acronym", ""),
        "building": buildings[building_key],
        "floor": floor,
        "office": office,
        "phone_extension": extension,
        "email": f"{data['slug'][:40]}@benimellal.ma",
    }
    if model is DivisionPage:
        common["colour"] = data["colour"]
    else:
        common["colour"] = data.get("colour", "")
        common["open_to_public"] = data.get("public", True)
        common["opening_hours"] = [_copy_hours(slot) for slot in data.get("hours", [])]
        wanted = data.get("arrondissements", [])
        common["arrondissements"] = list(
            arrondissements.values() if wanted == "all" else [arrondissements[n] for n in wanted]
        )
    contacts = data.get("contacts", [])
    french_page = upsert_child(
        parent,
        model,
        data["slug"],
        title=data["fr"],
        head_name=head[0],
        head_title=head[1],
        attributions=[("mission", text) for text in data["missions_fr"]],
        **common,
        **_contacts(model, contacts, arabic=False),
    )
    if model is ServicePage:
        common["opening_hours"] = [_copy_hours(slot) for slot in data.get("hours", [])]
    upsert_translation(
        french_page,
        arabic(),
        title=data["ar"],
        slug=data["slug"],
        head_name=head[2],
        head_title=head[3],
        attributions=[("mission", text) for text in data["missions_ar"]],
        **common,
        **_contacts(model, contacts, arabic=True),
    )
    return french_page


def _copy_hours(slot):
    return OpeningHours(
        first_day=slot.first_day,
        last_day=slot.last_day,
        opens_at=slot.opens_at,
        closes_at=slot.closes_at,
    )


def _contacts(model, contacts, arabic):
    if model is not ServicePage:
        return {}
    return {
        "staff_contacts": [
            StaffContact(
                name=name_ar if arabic else name_fr,
                job_title=title_ar if arabic else title_fr,
                phone_extension=extension,
            )
            for name_fr, title_fr, name_ar, title_ar, extension in contacts
        ]
    }
