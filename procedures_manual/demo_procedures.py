"""Demo procedures of the commune of Beni Mellal, in French and Arabic.

Each entry: code, category, responsible service (slug), fee in MAD (None when
free), maximum delay in days (0 when immediate), legal references, the French
and Arabic texts, the documents to provide and the steps.
"""

from decimal import Decimal

ORIGINAL, COPY, CERTIFIED, BOTH = "original", "copy", "certified_copy", "original_and_copy"
CIN = (
    "Carte nationale d'identité électronique",
    "البطاقة الوطنية للتعريف الإلكترونية",
    ORIGINAL,
    1,
)
CIN_COPY = ("Copie de la carte nationale d'identité", "نسخة من البطاقة الوطنية للتعريف", COPY, 1)
DEPOSIT = (
    "Déposer le dossier au guichet et recevoir un récépissé",
    "إيداع الملف بالشباك وتسلم وصل الإيداع",
)
COLLECT = (
    "Retirer le document au même guichet sur présentation du récépissé",
    "سحب الوثيقة من نفس الشباك بعد الإدلاء بالوصل",
)
URBAN_DEPOSIT = (
    "Déposer la demande sur la plateforme des autorisations d'urbanisme ou au guichet unique",
    "إيداع الطلب عبر منصة رخص التعمير أو بالشباك الوحيد",
)
URBAN_COMMISSION = (
    "Examen du dossier par la commission et visite des lieux",
    "دراسة الملف من طرف اللجنة ومعاينة المكان",
)


def p(code, category, service, fee, delay, refs, fr, ar, docs, steps, validity=("", "")):
    return {
        "code": code,
        "category": category,
        "service": service,
        "fee": None if fee is None else Decimal(fee),
        "delay": delay,
        "refs": refs,
        "fr": dict(
            zip(("title", "summary", "audience", "outcome"), fr, strict=True), validity=validity[0]
        ),
        "ar": dict(
            zip(("title", "summary", "audience", "outcome"), ar, strict=True), validity=validity[1]
        ),
        "docs": docs,
        "steps": steps,
    }


CIVIL = "service-etat-civil"
LEGAL = "service-legalisation"
URBAN = "service-autorisations-urbanisme"
ECO = "service-autorisations-economiques"
DOMAIN = "service-domaine-public"
TAX = "service-assiette-fiscale"
HYGIENE = "bureau-hygiene"
PARTNERS = "service-partenariat-associations"
ORDER = "bureau-d-ordre"
COMPLAINTS = "bureau-des-plaintes"

PROCEDURES = [
    p(
        "EC-01",
        "civil_status",
        CIVIL,
        None,
        0,
        [("37-99", "15, 16")],
        (
            "Déclaration de naissance",
            "Inscrire sur les registres de l'état civil un enfant né dans la commune, dans les trente jours qui suivent la naissance.",
            "Le père, la mère ou, à défaut, un proche du nouveau-né.",
            "Copie intégrale de l'acte de naissance et inscription sur le livret de famille",
        ),
        (
            "التصريح بالولادة",
            "تسجيل مولود ولد بتراب الجماعة في سجلات الحالة المدنية داخل أجل ثلاثين يوما من الولادة.",
            "الأب أو الأم أو أحد أقارب المولود عند تعذر ذلك.",
            "نسخة كاملة من رسم الولادة وتسجيل المولود في الدفتر العائلي",
        ),
        [
            (
                "Certificat d'accouchement délivré par l'hôpital ou la sage-femme",
                "شهادة الولادة المسلمة من المستشفى أو المولدة",
                ORIGINAL,
                1,
            ),
            ("Livret de famille", "الدفتر العائلي", ORIGINAL, 1),
            CIN,
        ],
        [
            (
                "Se présenter au bureau de l'état civil du lieu de naissance",
                "التوجه إلى مكتب الحالة المدنية لمكان الولادة",
            ),
            (
                "Choisir le prénom avec l'officier de l'état civil et signer l'acte",
                "اختيار الاسم الشخصي مع ضابط الحالة المدنية وتوقيع الرسم",
            ),
        ],
    ),
    p(
        "EC-02",
        "civil_status",
        CIVIL,
        None,
        30,
        [("37-99", "30")],
        (
            "Inscription tardive d'une naissance",
            "Inscrire une naissance déclarée après le délai de trente jours, sur la base d'un jugement déclaratif.",
            "Toute personne née au Maroc et non inscrite à l'état civil, ou son représentant légal.",
            "Acte de naissance dressé en exécution du jugement",
        ),
        (
            "التسجيل المتأخر للولادة",
            "تسجيل ولادة لم يصرح بها داخل أجل ثلاثين يوما بناء على حكم تصريحي.",
            "كل شخص ولد بالمغرب وغير مسجل بالحالة المدنية أو نائبه القانوني.",
            "رسم الولادة المحرر تنفيذا للحكم",
        ),
        [
            (
                "Jugement déclaratif de naissance du tribunal de première instance",
                "الحكم التصريحي بالولادة الصادر عن المحكمة الابتدائية",
                ORIGINAL,
                1,
            ),
            (
                "Certificat de non-inscription délivré par le bureau de l'état civil",
                "شهادة عدم التسجيل المسلمة من مكتب الحالة المدنية",
                ORIGINAL,
                1,
            ),
            CIN_COPY,
        ],
        [
            (
                "Demander un certificat de non-inscription au bureau de l'état civil",
                "طلب شهادة عدم التسجيل من مكتب الحالة المدنية",
            ),
            ("Saisir le tribunal de première instance", "رفع الطلب إلى المحكمة الابتدائية"),
            DEPOSIT,
        ],
    ),
    p(
        "EC-03",
        "civil_status",
        CIVIL,
        None,
        0,
        [("2-99-665", "21")],
        (
            "Extrait ou copie intégrale d'acte de naissance",
            "Obtenir un extrait ou une copie intégrale d'un acte de naissance inscrit dans la commune.",
            "La personne concernée, ses ascendants, descendants, conjoint ou son représentant légal.",
            "Extrait ou copie intégrale de l'acte de naissance",
        ),
        (
            "نسخة موجزة أو كاملة من رسم الولادة",
            "الحصول على نسخة موجزة أو كاملة من رسم ولادة مسجل بالجماعة.",
            "المعني بالأمر أو أصوله أو فروعه أو زوجه أو نائبه القانوني.",
            "نسخة موجزة أو كاملة من رسم الولادة",
        ),
        [
            CIN,
            (
                "Livret de famille ou référence de l'acte (numéro et année)",
                "الدفتر العائلي أو مراجع الرسم (الرقم والسنة)",
                ORIGINAL,
                1,
            ),
        ],
        [
            (
                "Présenter la demande au guichet de l'état civil ou d'un arrondissement",
                "تقديم الطلب بشباك الحالة المدنية أو بإحدى المقاطعات",
            ),
            COLLECT,
        ],
        ("3 mois pour les dossiers administratifs", "3 أشهر بالنسبة للملفات الإدارية"),
    ),
    p(
        "EC-04",
        "civil_status",
        CIVIL,
        None,
        0,
        [("37-99", "23")],
        (
            "Déclaration de décès",
            "Inscrire un décès survenu dans la commune sur les registres de l'état civil, dans les trois jours.",
            "Les proches du défunt ou toute personne ayant connaissance du décès.",
            "Acte de décès et mention sur le livret de famille",
        ),
        (
            "التصريح بالوفاة",
            "تسجيل وفاة وقعت بتراب الجماعة في سجلات الحالة المدنية داخل ثلاثة أيام.",
            "أقارب المتوفى أو كل شخص علم بالوفاة.",
            "رسم الوفاة والتأشير عليه في الدفتر العائلي",
        ),
        [
            (
                "Certificat de constatation du décès (médecin ou bureau d'hygiène)",
                "شهادة معاينة الوفاة (الطبيب أو مكتب حفظ الصحة)",
                ORIGINAL,
                1,
            ),
            ("Carte nationale d'identité du défunt", "البطاقة الوطنية للمتوفى", ORIGINAL, 1),
            ("Livret de famille", "الدفتر العائلي", ORIGINAL, 1),
            CIN,
        ],
        [
            (
                "Faire constater le décès par le bureau communal d'hygiène",
                "معاينة الوفاة من طرف المكتب الجماعي لحفظ الصحة",
            ),
            (
                "Déclarer le décès au bureau de l'état civil",
                "التصريح بالوفاة لدى مكتب الحالة المدنية",
            ),
        ],
    ),
    p(
        "EC-05",
        "civil_status",
        CIVIL,
        None,
        0,
        [("2-99-665", "21")],
        (
            "Extrait d'acte de décès",
            "Obtenir un extrait d'un acte de décès inscrit dans la commune, pour une succession ou une pension.",
            "Les proches du défunt et les administrations.",
            "Extrait de l'acte de décès",
        ),
        (
            "نسخة موجزة من رسم الوفاة",
            "الحصول على نسخة موجزة من رسم وفاة مسجل بالجماعة لأغراض الإراثة أو المعاش.",
            "أقارب المتوفى والإدارات.",
            "نسخة موجزة من رسم الوفاة",
        ),
        [
            CIN,
            (
                "Référence de l'acte de décès ou livret de famille",
                "مراجع رسم الوفاة أو الدفتر العائلي",
                ORIGINAL,
                1,
            ),
        ],
        [
            ("Présenter la demande au guichet de l'état civil", "تقديم الطلب بشباك الحالة المدنية"),
            COLLECT,
        ],
    ),
    p(
        "EC-06",
        "civil_status",
        CIVIL,
        None,
        3,
        [("2-99-665", "30")],
        (
            "Livret de famille : délivrance et duplicata",
            "Obtenir le livret de famille après le mariage, ou un duplicata en cas de perte ou de détérioration.",
            "L'époux, ou l'épouse en cas de divorce ou de décès de l'époux.",
            "Livret de famille ou son duplicata",
        ),
        (
            "الدفتر العائلي: التسليم والنظير",
            "الحصول على الدفتر العائلي بعد الزواج أو على نظير منه في حالة الضياع أو التلف.",
            "الزوج، أو الزوجة في حالة الطلاق أو وفاة الزوج.",
            "الدفتر العائلي أو نظير منه",
        ),
        [
            ("Copie de l'acte de mariage", "نسخة من عقد الزواج", COPY, 1),
            ("Copie intégrale de l'acte de naissance", "نسخة كاملة من رسم الولادة", ORIGINAL, 1),
            (
                "Déclaration de perte (pour un duplicata)",
                "تصريح بالضياع (بالنسبة للنظير)",
                ORIGINAL,
                1,
            ),
            CIN,
        ],
        [DEPOSIT, COLLECT],
    ),
    p(
        "EC-07",
        "civil_status",
        CIVIL,
        None,
        30,
        [("37-99", "36")],
        (
            "Rectification d'une erreur matérielle dans un acte d'état civil",
            "Corriger une erreur matérielle (orthographe d'un nom, date) dans un acte de l'état civil.",
            "La personne concernée ou son représentant légal.",
            "Acte rectifié",
        ),
        (
            "تصحيح خطأ مادي في رسم الحالة المدنية",
            "تصحيح خطأ مادي (إملاء اسم أو تاريخ) وارد في رسم من رسوم الحالة المدنية.",
            "المعني بالأمر أو نائبه القانوني.",
            "الرسم بعد تصحيحه",
        ),
        [
            ("Demande écrite précisant l'erreur", "طلب كتابي يحدد الخطأ", ORIGINAL, 1),
            (
                "Copie intégrale de l'acte à rectifier",
                "نسخة كاملة من الرسم المراد تصحيحه",
                ORIGINAL,
                1,
            ),
            ("Pièce prouvant la bonne mention", "وثيقة تثبت البيان الصحيح", CERTIFIED, 1),
            CIN_COPY,
        ],
        [
            DEPOSIT,
            (
                "Transmission au procureur du Roi pour décision",
                "إحالة الملف على وكيل الملك للبت فيه",
            ),
            COLLECT,
        ],
    ),
    p(
        "EC-08",
        "civil_status",
        CIVIL,
        None,
        30,
        [("37-99", "14")],
        (
            "Transcription d'un acte d'état civil établi à l'étranger",
            "Reporter sur les registres de la commune un acte de naissance, de mariage ou de décès dressé à l'étranger.",
            "Les Marocains résidant à l'étranger nés ou mariés hors du Maroc, et leurs proches.",
            "Acte transcrit sur les registres de la commune",
        ),
        (
            "نقل رسم حالة مدنية محرر بالخارج",
            "تضمين رسم ولادة أو زواج أو وفاة محرر بالخارج في سجلات الجماعة.",
            "المغاربة المقيمون بالخارج المولودون أو المتزوجون خارج المغرب وأقاربهم.",
            "الرسم بعد نقله إلى سجلات الجماعة",
        ),
        [
            (
                "Acte étranger légalisé ou apostillé",
                "الرسم الأجنبي مصادق عليه أو مختوم بالأبوستيل",
                ORIGINAL,
                1,
            ),
            (
                "Traduction en arabe par un traducteur agréé",
                "ترجمة إلى العربية من طرف مترجم محلف",
                ORIGINAL,
                1,
            ),
            ("Livret de famille", "الدفتر العائلي", ORIGINAL, 1),
        ],
        [
            DEPOSIT,
            ("Vérification par l'officier de l'état civil", "تحقق ضابط الحالة المدنية"),
            COLLECT,
        ],
    ),
    p(
        "EC-09",
        "civil_status",
        CIVIL,
        None,
        0,
        [("113-14", "102")],
        (
            "Certificat de vie",
            "Attester qu'une personne est en vie, notamment pour le versement d'une pension.",
            "Les retraités et leurs ayants droit.",
            "Certificat de vie signé et cacheté",
        ),
        (
            "شهادة الحياة",
            "الإشهاد على أن الشخص على قيد الحياة، ولا سيما لصرف المعاش.",
            "المتقاعدون وذوو حقوقهم.",
            "شهادة حياة موقعة ومختومة",
        ),
        [
            CIN,
            (
                "Formulaire de l'organisme de retraite, le cas échéant",
                "مطبوع هيئة التقاعد عند الاقتضاء",
                ORIGINAL,
                1,
            ),
        ],
        [("Se présenter en personne au guichet", "الحضور شخصيا إلى الشباك"), COLLECT],
        ("3 mois", "3 أشهر"),
    ),
    p(
        "LG-01",
        "legalisation",
        LEGAL,
        "2",
        0,
        [("113-14", "102"), ("AF-2026", "5")],
        (
            "Légalisation de signature",
            "Faire certifier sa signature sur un document, signée en présence de l'agent.",
            "Toute personne majeure munie de sa carte nationale d'identité.",
            "Document portant la signature légalisée",
        ),
        (
            "تصحيح الإمضاء",
            "الإشهاد على صحة الإمضاء الموقع بحضور الموظف على وثيقة.",
            "كل شخص راشد يحمل بطاقته الوطنية.",
            "الوثيقة مع الإمضاء المصادق عليه",
        ),
        [
            CIN,
            (
                "Document à signer, non signé à l'avance",
                "الوثيقة المراد توقيعها غير موقعة مسبقا",
                ORIGINAL,
                1,
            ),
        ],
        [
            (
                "Signer le document devant l'agent et le registre",
                "التوقيع على الوثيقة وفي السجل أمام الموظف",
            ),
            ("Payer le droit à la régie", "أداء الواجب بالوكالة"),
        ],
    ),
    p(
        "LG-02",
        "legalisation",
        LEGAL,
        "2",
        0,
        [("113-14", "102"), ("AF-2026", "5")],
        (
            "Certification de copie conforme à l'original",
            "Faire certifier qu'une copie est conforme au document original présenté.",
            "Toute personne présentant l'original du document.",
            "Copie certifiée conforme",
        ),
        (
            "الإشهاد على مطابقة النسخة للأصل",
            "الإشهاد على أن النسخة مطابقة للوثيقة الأصلية المدلى بها.",
            "كل شخص يدلي بأصل الوثيقة.",
            "نسخة مشهود بمطابقتها للأصل",
        ),
        [
            ("Document original", "الوثيقة الأصلية", ORIGINAL, 1),
            ("Photocopies lisibles du document", "نسخ واضحة من الوثيقة", COPY, 1),
        ],
        [
            ("Présenter l'original et les copies au guichet", "تقديم الأصل والنسخ بالشباك"),
            ("Payer le droit à la régie", "أداء الواجب بالوكالة"),
        ],
    ),
    p(
        "UR-01",
        "urbanism",
        URBAN,
        "1000",
        60,
        [("12-90", "40, 48"), ("113-14", "101")],
        (
            "Permis de construire",
            "Obtenir l'autorisation de bâtir, d'agrandir ou de surélever une construction.",
            "Les propriétaires d'un terrain ou leurs mandataires.",
            "Permis de construire et plans visés",
        ),
        (
            "رخصة البناء",
            "الحصول على الإذن بالبناء أو التوسعة أو التعلية.",
            "ملاك الأراضي أو وكلاؤهم.",
            "رخصة البناء والتصاميم المؤشر عليها",
        ),
        [
            (
                "Certificat de propriété de moins de trois mois",
                "شهادة الملكية لا يتعدى تاريخها ثلاثة أشهر",
                ORIGINAL,
                1,
            ),
            (
                "Plans architecturaux signés par un architecte",
                "التصاميم المعمارية موقعة من طرف مهندس معماري",
                ORIGINAL,
                5,
            ),
            ("Plan topographique", "التصميم الطبوغرافي", ORIGINAL, 5),
            ("Étude de béton armé", "دراسة الخرسانة المسلحة", ORIGINAL, 1),
        ],
        [
            URBAN_DEPOSIT,
            URBAN_COMMISSION,
            ("Payer la taxe sur les opérations de construction", "أداء الرسم على عمليات البناء"),
            COLLECT,
        ],
        ("1 an pour commencer les travaux", "سنة للشروع في الأشغال"),
    ),
    p(
        "UR-02",
        "urbanism",
        URBAN,
        None,
        30,
        [("12-90", "55")],
        (
            "Permis d'habiter",
            "Obtenir l'autorisation d'occuper un logement une fois les travaux achevés.",
            "Les titulaires d'un permis de construire dont les travaux sont terminés.",
            "Permis d'habiter",
        ),
        (
            "رخصة السكن",
            "الحصول على الإذن بسكن البناية بعد انتهاء الأشغال.",
            "أصحاب رخص البناء الذين أنهوا الأشغال.",
            "رخصة السكن",
        ),
        [
            ("Copie du permis de construire", "نسخة من رخصة البناء", COPY, 1),
            ("Déclaration d'achèvement des travaux", "تصريح بانتهاء الأشغال", ORIGINAL, 1),
            (
                "Certificat de conformité de l'architecte",
                "شهادة المطابقة من المهندس المعماري",
                ORIGINAL,
                1,
            ),
        ],
        [URBAN_DEPOSIT, ("Visite de récolement", "زيارة المعاينة"), COLLECT],
    ),
    p(
        "UR-03",
        "urbanism",
        URBAN,
        None,
        30,
        [("12-90", "55")],
        (
            "Certificat de conformité",
            "Attester qu'une construction à usage autre que l'habitation est conforme au permis délivré.",
            "Les titulaires d'un permis de construire pour un local commercial, industriel ou de service.",
            "Certificat de conformité",
        ),
        (
            "شهادة المطابقة",
            "الإشهاد على مطابقة بناية غير مخصصة للسكن للرخصة المسلمة.",
            "أصحاب رخص بناء المحلات التجارية أو الصناعية أو الخدماتية.",
            "شهادة المطابقة",
        ),
        [
            ("Copie du permis de construire", "نسخة من رخصة البناء", COPY, 1),
            ("Déclaration d'achèvement des travaux", "تصريح بانتهاء الأشغال", ORIGINAL, 1),
        ],
        [URBAN_DEPOSIT, ("Visite de récolement", "زيارة المعاينة"), COLLECT],
    ),
    p(
        "UR-04",
        "urbanism",
        URBAN,
        None,
        90,
        [("25-90", "2")],
        (
            "Autorisation de lotir",
            "Obtenir l'autorisation de diviser un terrain en lots destinés à la construction.",
            "Les propriétaires et les promoteurs immobiliers.",
            "Autorisation de lotir et plans visés",
        ),
        (
            "رخصة التجزئة",
            "الحصول على الإذن بتقسيم أرض إلى بقع معدة للبناء.",
            "الملاك والمنعشون العقاريون.",
            "رخصة التجزئة والتصاميم المؤشر عليها",
        ),
        [
            ("Certificat de propriété", "شهادة الملكية", ORIGINAL, 1),
            (
                "Plan de lotissement et plans des réseaux",
                "تصميم التجزئة وتصاميم الشبكات",
                ORIGINAL,
                5,
            ),
            ("Cahier des charges", "دفتر التحملات", ORIGINAL, 1),
        ],
        [URBAN_DEPOSIT, URBAN_COMMISSION, COLLECT],
    ),
    p(
        "UR-05",
        "urbanism",
        URBAN,
        None,
        30,
        [("25-90", "58")],
        (
            "Autorisation de morcellement",
            "Obtenir l'autorisation de diviser une propriété hors lotissement, par vente ou partage.",
            "Les propriétaires et les héritiers en indivision.",
            "Autorisation de morcellement",
        ),
        (
            "رخصة تقسيم العقار",
            "الحصول على الإذن بتقسيم عقار خارج التجزئات عن طريق البيع أو القسمة.",
            "الملاك والورثة على الشياع.",
            "رخصة التقسيم",
        ),
        [
            ("Certificat de propriété", "شهادة الملكية", ORIGINAL, 1),
            (
                "Plan de morcellement établi par un géomètre",
                "تصميم التقسيم منجز من طرف مهندس طبوغرافي",
                ORIGINAL,
                3,
            ),
        ],
        [URBAN_DEPOSIT, URBAN_COMMISSION, COLLECT],
    ),
    p(
        "UR-06",
        "urbanism",
        URBAN,
        None,
        30,
        [("113-14", "101")],
        (
            "Permis de démolir",
            "Obtenir l'autorisation de démolir tout ou partie d'une construction.",
            "Les propriétaires d'une construction.",
            "Permis de démolir",
        ),
        ("رخصة الهدم", "الحصول على الإذن بهدم بناية أو جزء منها.", "ملاك البنايات.", "رخصة الهدم"),
        [
            ("Certificat de propriété", "شهادة الملكية", ORIGINAL, 1),
            (
                "Plan de situation et photos de la construction",
                "تصميم الموقع وصور البناية",
                ORIGINAL,
                2,
            ),
        ],
        [URBAN_DEPOSIT, URBAN_COMMISSION, COLLECT],
    ),
    p(
        "UR-07",
        "urbanism",
        URBAN,
        "100",
        15,
        [("113-14", "101")],
        (
            "Autorisation de travaux de réparation",
            "Obtenir l'autorisation de réparer ou d'aménager une construction sans en changer la structure.",
            "Les propriétaires et les locataires autorisés par le propriétaire.",
            "Autorisation de réparation",
        ),
        (
            "رخصة الإصلاح",
            "الحصول على الإذن بإصلاح أو تهيئة بناية دون تغيير هيكلها.",
            "الملاك والمكترون المأذون لهم من طرف المالك.",
            "رخصة الإصلاح",
        ),
        [
            ("Demande décrivant les travaux", "طلب يصف الأشغال", ORIGINAL, 1),
            ("Certificat de propriété ou contrat de bail", "شهادة الملكية أو عقد الكراء", COPY, 1),
            CIN_COPY,
        ],
        [DEPOSIT, ("Visite des lieux par un technicien", "معاينة المكان من طرف تقني"), COLLECT],
        ("3 mois", "3 أشهر"),
    ),
    p(
        "EE-01",
        "economic",
        ECO,
        "300",
        15,
        [("113-14", "100"), ("47-06", "6")],
        (
            "Autorisation d'exercer une activité commerciale, industrielle ou professionnelle",
            "Obtenir l'autorisation d'ouvrir un commerce, un atelier ou un local professionnel.",
            "Les commerçants, artisans et sociétés qui s'installent dans la commune.",
            "Autorisation d'exercice",
        ),
        (
            "رخصة مزاولة نشاط تجاري أو صناعي أو مهني",
            "الحصول على الإذن بفتح محل تجاري أو ورشة أو محل مهني.",
            "التجار والحرفيون والشركات التي تستقر بالجماعة.",
            "رخصة مزاولة النشاط",
        ),
        [
            (
                "Contrat de bail ou titre de propriété du local",
                "عقد كراء المحل أو سند ملكيته",
                COPY,
                1,
            ),
            CIN_COPY,
            (
                "Attestation d'inscription à la taxe professionnelle",
                "شهادة التسجيل في الرسم المهني",
                COPY,
                1,
            ),
        ],
        [
            DEPOSIT,
            (
                "Visite de la commission (hygiène, protection civile)",
                "زيارة اللجنة (حفظ الصحة، الوقاية المدنية)",
            ),
            COLLECT,
        ],
    ),
    p(
        "EE-02",
        "economic",
        DOMAIN,
        None,
        15,
        [("113-14", "100"), ("AF-2026", "8")],
        (
            "Occupation temporaire du domaine public communal",
            "Obtenir l'autorisation d'installer une terrasse, un étalage ou un chantier sur la voie publique.",
            "Les commerçants et les entreprises de travaux.",
            "Arrêté d'occupation temporaire",
        ),
        (
            "الاحتلال المؤقت للملك العمومي الجماعي",
            "الحصول على الإذن بوضع مقهى أو معروضات أو ورش على الطريق العمومي.",
            "التجار ومقاولات الأشغال.",
            "قرار الاحتلال المؤقت",
        ),
        [
            ("Demande précisant la surface et la durée", "طلب يحدد المساحة والمدة", ORIGINAL, 1),
            ("Plan de situation", "تصميم الموقع", ORIGINAL, 1),
            CIN_COPY,
        ],
        [
            DEPOSIT,
            ("Visite des lieux et calcul de la redevance", "معاينة المكان واحتساب الإتاوة"),
            ("Payer la redevance à la régie", "أداء الإتاوة بالوكالة"),
            COLLECT,
        ],
        ("1 an renouvelable", "سنة قابلة للتجديد"),
    ),
    p(
        "EE-03",
        "economic",
        ECO,
        "200",
        15,
        [("113-14", "100")],
        (
            "Autorisation de publicité et d'enseigne",
            "Obtenir l'autorisation de poser une enseigne ou un panneau publicitaire visible de la voie publique.",
            "Les commerçants et les sociétés de publicité.",
            "Autorisation de pose",
        ),
        (
            "رخصة الإشهار واللوحات",
            "الحصول على الإذن بوضع لوحة أو إشهار مرئي من الطريق العمومي.",
            "التجار وشركات الإشهار.",
            "رخصة الوضع",
        ),
        [
            ("Maquette de l'enseigne avec ses dimensions", "نموذج اللوحة مع أبعادها", ORIGINAL, 1),
            ("Photo de la façade", "صورة الواجهة", ORIGINAL, 1),
            CIN_COPY,
        ],
        [DEPOSIT, COLLECT],
        ("1 an", "سنة"),
    ),
    p(
        "FI-01",
        "taxation",
        TAX,
        None,
        0,
        [("47-06", "39, 46")],
        (
            "Déclaration de la taxe sur les terrains urbains non bâtis (TNB)",
            "Déclarer chaque année, avant le 1er mars, les terrains non bâtis situés dans le périmètre urbain.",
            "Les propriétaires de terrains urbains non bâtis.",
            "Récépissé de déclaration et avis d'imposition",
        ),
        (
            "التصريح بالرسم على الأراضي الحضرية غير المبنية",
            "التصريح كل سنة، قبل فاتح مارس، بالأراضي غير المبنية الواقعة داخل المدار الحضري.",
            "ملاك الأراضي الحضرية غير المبنية.",
            "وصل التصريح والإشعار بالضريبة",
        ),
        [
            ("Formulaire de déclaration rempli", "مطبوع التصريح معبأ", ORIGINAL, 1),
            ("Certificat de propriété", "شهادة الملكية", COPY, 1),
            CIN_COPY,
        ],
        [("Remplir le formulaire de déclaration", "تعبئة مطبوع التصريح"), DEPOSIT],
    ),
    p(
        "HY-01",
        "hygiene",
        HYGIENE,
        None,
        0,
        [("113-14", "100")],
        (
            "Permis d'inhumer",
            "Obtenir l'autorisation d'inhumer une personne décédée dans la commune.",
            "La famille du défunt.",
            "Permis d'inhumer",
        ),
        (
            "رخصة الدفن",
            "الحصول على الإذن بدفن شخص توفي بتراب الجماعة.",
            "أسرة المتوفى.",
            "رخصة الدفن",
        ),
        [
            ("Certificat de constatation du décès", "شهادة معاينة الوفاة", ORIGINAL, 1),
            ("Carte nationale d'identité du défunt", "البطاقة الوطنية للمتوفى", ORIGINAL, 1),
            CIN,
        ],
        [
            (
                "Faire constater le décès par le bureau communal d'hygiène",
                "معاينة الوفاة من طرف المكتب الجماعي لحفظ الصحة",
            ),
            COLLECT,
        ],
    ),
    p(
        "HY-02",
        "hygiene",
        HYGIENE,
        "150",
        1,
        [("113-14", "100")],
        (
            "Transfert de dépouille mortelle",
            "Obtenir l'autorisation de transporter un défunt vers une autre commune ou à l'étranger.",
            "La famille du défunt ou l'entreprise de pompes funèbres qu'elle mandate.",
            "Autorisation de transfert",
        ),
        (
            "نقل جثة",
            "الحصول على الإذن بنقل جثة متوفى إلى جماعة أخرى أو إلى الخارج.",
            "أسرة المتوفى أو مقاولة نقل الأموات المكلفة من طرفها.",
            "رخصة النقل",
        ),
        [
            ("Certificat de décès", "شهادة الوفاة", ORIGINAL, 1),
            ("Certificat de mise en bière", "شهادة وضع الجثة في النعش", ORIGINAL, 1),
            CIN_COPY,
        ],
        [
            DEPOSIT,
            (
                "Contrôle de la mise en bière par le bureau d'hygiène",
                "مراقبة وضع الجثة في النعش من طرف مكتب حفظ الصحة",
            ),
            COLLECT,
        ],
    ),
    p(
        "AS-01",
        "associations",
        PARTNERS,
        None,
        60,
        [("113-14", "92")],
        (
            "Demande de subvention d'une association",
            "Demander le soutien financier de la commune pour un projet d'intérêt local.",
            "Les associations légalement constituées et actives dans la commune.",
            "Décision du conseil et convention de partenariat",
        ),
        (
            "طلب منحة جمعية",
            "طلب الدعم المالي للجماعة لمشروع ذي منفعة محلية.",
            "الجمعيات المؤسسة بصفة قانونية والنشيطة بالجماعة.",
            "مقرر المجلس واتفاقية الشراكة",
        ),
        [
            (
                "Dossier du projet avec budget prévisionnel",
                "ملف المشروع مع الميزانية التقديرية",
                ORIGINAL,
                1,
            ),
            ("Récépissé définitif de l'association", "الوصل النهائي للجمعية", COPY, 1),
            (
                "Rapports moral et financier de l'année écoulée",
                "التقريران الأدبي والمالي للسنة الماضية",
                ORIGINAL,
                1,
            ),
        ],
        [
            DEPOSIT,
            ("Examen par la commission et vote du conseil", "دراسة اللجنة وتصويت المجلس"),
            ("Signature de la convention", "توقيع الاتفاقية"),
        ],
    ),
    p(
        "AS-02",
        "associations",
        ORDER,
        None,
        90,
        [("113-14", "121, 123")],
        (
            "Pétition au conseil communal",
            "Demander au conseil d'inscrire une question à l'ordre du jour d'une de ses sessions.",
            "Au moins cent citoyennes et citoyens résidant dans la commune, ou une association.",
            "Décision de recevabilité puis inscription à l'ordre du jour",
        ),
        (
            "عريضة إلى المجلس الجماعي",
            "مطالبة المجلس بإدراج نقطة في جدول أعمال إحدى دوراته.",
            "مائة مواطن ومواطنة على الأقل مقيمين بالجماعة، أو جمعية.",
            "قرار القبول ثم الإدراج في جدول الأعمال",
        ),
        [
            (
                "Pétition signée avec noms, numéros de carte nationale et adresses",
                "العريضة موقعة مع الأسماء وأرقام البطاقات الوطنية والعناوين",
                ORIGINAL,
                1,
            ),
            (
                "Désignation du mandataire des pétitionnaires",
                "تعيين وكيل أصحاب العريضة",
                ORIGINAL,
                1,
            ),
        ],
        [
            (
                "Déposer la pétition au bureau d'ordre contre récépissé",
                "إيداع العريضة بمكتب الضبط مقابل وصل",
            ),
            (
                "Examen de la recevabilité par le bureau du conseil",
                "دراسة القبول من طرف مكتب المجلس",
            ),
        ],
    ),
    p(
        "RC-01",
        "citizen_relations",
        COMPLAINTS,
        None,
        60,
        [("2-17-265", "4, 9")],
        (
            "Plainte ou réclamation",
            "Signaler un dysfonctionnement d'un service communal ou contester une décision.",
            "Toute personne usager des services de la commune.",
            "Accusé de réception puis réponse écrite",
        ),
        (
            "شكاية أو تظلم",
            "التبليغ عن اختلال في مرفق جماعي أو التظلم من قرار.",
            "كل مرتفق لخدمات الجماعة.",
            "وصل بالتوصل ثم جواب كتابي",
        ),
        [
            ("Plainte écrite ou formulaire rempli", "شكاية مكتوبة أو مطبوع معبأ", ORIGINAL, 1),
            ("Pièces justificatives éventuelles", "الوثائق المثبتة عند الاقتضاء", COPY, 1),
        ],
        [
            (
                "Déposer la plainte au bureau des plaintes ou au bureau d'accueil",
                "إيداع الشكاية بمكتب الشكايات أو بمكتب الاستقبال",
            ),
            ("Suivre la réponse avec le numéro du récépissé", "تتبع الجواب برقم الوصل"),
        ],
    ),
    p(
        "RC-02",
        "citizen_relations",
        ORDER,
        None,
        20,
        [("31-13", "14, 16")],
        (
            "Demande d'accès à l'information",
            "Demander une information détenue par la commune : document, décision, donnée.",
            "Toute citoyenne ou tout citoyen, et les étrangers résidant légalement au Maroc.",
            "Information demandée, sur papier ou par voie électronique",
        ),
        (
            "طلب الحصول على المعلومات",
            "طلب معلومة تتوفر عليها الجماعة: وثيقة أو مقرر أو معطيات.",
            "كل مواطنة ومواطن والأجانب المقيمون بالمغرب بصفة قانونية.",
            "المعلومة المطلوبة ورقيا أو إلكترونيا",
        ),
        [
            ("Formulaire de demande d'information", "مطبوع طلب الحصول على المعلومات", ORIGINAL, 1),
            CIN_COPY,
        ],
        [
            DEPOSIT,
            (
                "Réponse du responsable de l'information dans les vingt jours",
                "جواب المكلف بالمعلومات داخل عشرين يوما",
            ),
        ],
    ),
    p(
        "EQ-01",
        "facilities",
        PARTNERS,
        "200",
        7,
        [("AF-2026", "12")],
        (
            "Réservation d'une salle communale ou d'un espace socioculturel",
            "Réserver une salle de la commune pour une réunion, une formation ou une activité culturelle.",
            "Les associations, les établissements et les particuliers.",
            "Confirmation de réservation",
        ),
        (
            "حجز قاعة جماعية أو فضاء سوسيوثقافي",
            "حجز قاعة تابعة للجماعة لاجتماع أو تكوين أو نشاط ثقافي.",
            "الجمعيات والمؤسسات والأفراد.",
            "تأكيد الحجز",
        ),
        [
            (
                "Demande indiquant la date, l'horaire et l'activité",
                "طلب يحدد التاريخ والتوقيت والنشاط",
                ORIGINAL,
                1,
            ),
            CIN_COPY,
        ],
        [
            DEPOSIT,
            (
                "Payer la redevance à la régie, sauf exonération",
                "أداء الإتاوة بالوكالة ما لم يتعلق الأمر بإعفاء",
            ),
            ("Recevoir la confirmation", "تسلم التأكيد"),
        ],
    ),
]
