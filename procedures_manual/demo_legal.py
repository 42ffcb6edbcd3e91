"""Demo legal texts, in French and Arabic.

Article texts are short paraphrases of the provisions a procedure rests on,
written for the demo; the official wording is that of the Bulletin Officiel.
"""

from datetime import date

T = "title"

# key: kind, number, enacted_on, BO number, BO date, (fr title, ar title), articles
LEGAL_TEXTS = {
    "113-14": (
        "organic_law",
        "113-14",
        date(2015, 7, 7),
        "6380",
        date(2015, 7, 23),
        ("Loi organique relative aux communes", "القانون التنظيمي المتعلق بالجماعات"),
        [
            (
                "92",
                "Le conseil délibère sur les affaires de la commune, notamment les conventions de partenariat et les subventions aux associations.",
                "يتداول المجلس في قضايا الجماعة، ولا سيما اتفاقيات الشراكة والمنح المقدمة للجمعيات.",
            ),
            (
                "100",
                "Le président exerce la police administrative en matière d'hygiène, de salubrité, d'inhumation et d'occupation temporaire du domaine public.",
                "يمارس الرئيس الشرطة الإدارية في ميادين الوقاية الصحية والنظافة والدفن والاحتلال المؤقت للملك العمومي.",
            ),
            (
                "101",
                "Le président délivre les autorisations de construire, de lotir, de morceler et d'habiter, dans le respect des lois en vigueur.",
                "يسلم الرئيس رخص البناء والتجزئة والتقسيم والسكن طبقا للقوانين الجاري بها العمل.",
            ),
            (
                "102",
                "Le président légalise les signatures et certifie la conformité des copies aux documents originaux ; il peut déléguer ces attributions.",
                "يقوم الرئيس بالتصديق على صحة الإمضاء ومطابقة نسخ الوثائق لأصولها، ويمكنه تفويض ذلك.",
            ),
            (
                "120",
                "Une instance de l'équité, de l'égalité des chances et de l'approche genre est créée auprès du conseil.",
                "تحدث لدى مجلس الجماعة هيئة استشارية بشراكة مع فعاليات المجتمع المدني تختص بدراسة القضايا المتعلقة بتفعيل مبادئ المساواة وتكافؤ الفرص ومقاربة النوع.",
            ),
            (
                "121",
                "Les citoyennes et citoyens et les associations peuvent présenter des pétitions au conseil pour demander l'inscription d'un point à son ordre du jour.",
                "يمكن للمواطنات والمواطنين والجمعيات تقديم عرائض إلى المجلس يطلب بموجبها إدراج نقطة في جدول أعماله.",
            ),
            (
                "123",
                "La pétition des citoyens doit être signée par au moins cent personnes résidant dans la commune ou y exerçant une activité.",
                "يجب أن توقع عريضة المواطنين من طرف مائة مواطن على الأقل من المقيمين بالجماعة أو الذين يمارسون بها نشاطا.",
            ),
        ],
    ),
    "37-99": (
        "law",
        "37-99",
        date(2002, 10, 3),
        "5054",
        date(2002, 11, 7),
        ("Loi relative à l'état civil", "القانون المتعلق بالحالة المدنية"),
        [
            (
                "15",
                "La naissance est déclarée à l'officier de l'état civil du lieu où elle a eu lieu dans un délai de trente jours.",
                "يصرح بالولادة لدى ضابط الحالة المدنية لمحل وقوعها داخل أجل ثلاثين يوما من تاريخها.",
            ),
            (
                "16",
                "La déclaration de naissance est faite par les proches du nouveau-né dans l'ordre fixé par la loi.",
                "يقوم بالتصريح بالولادة أقارب المولود حسب الترتيب المحدد قانونا.",
            ),
            (
                "23",
                "Le décès est déclaré à l'officier de l'état civil du lieu où il a eu lieu dans un délai de trois jours.",
                "يصرح بالوفاة لدى ضابط الحالة المدنية لمحل وقوعها داخل أجل ثلاثة أيام من تاريخها.",
            ),
            (
                "30",
                "Après l'expiration des délais, la naissance ou le décès n'est inscrit qu'en vertu d'un jugement déclaratif.",
                "بعد انصرام الأجل القانوني لا تسجل الولادة أو الوفاة إلا بمقتضى حكم تصريحي.",
            ),
            (
                "36",
                "Les erreurs matérielles des actes sont rectifiées par décision du procureur du Roi ou par jugement.",
                "تصحح الأخطاء المادية الواردة في الرسوم بقرار من وكيل الملك أو بحكم قضائي.",
            ),
            (
                "14",
                "Les actes de l'état civil des Marocains établis à l'étranger sont transcrits sur les registres de l'état civil.",
                "تنقل رسوم الحالة المدنية للمغاربة المحررة بالخارج إلى سجلات الحالة المدنية.",
            ),
        ],
    ),
    "2-99-665": (
        "decree",
        "2-99-665",
        date(2002, 10, 9),
        "5054",
        date(2002, 11, 7),
        (
            "Décret pris pour l'application de la loi 37-99 relative à l'état civil",
            "المرسوم التطبيقي للقانون 37-99 المتعلق بالحالة المدنية",
        ),
        [
            (
                "30",
                "Un livret de famille est remis à l'époux lors de l'inscription du mariage ; un duplicata peut être délivré en cas de perte.",
                "يسلم دفتر الحالة المدنية للزوج عند تسجيل الزواج، ويمكن تسليم نظير منه في حالة الضياع.",
            ),
            (
                "21",
                "Les copies intégrales et les extraits des actes sont délivrés aux personnes autorisées par la loi.",
                "تسلم النسخ الكاملة والموجزة من الرسوم للأشخاص المخول لهم ذلك قانونا.",
            ),
        ],
    ),
    "12-90": (
        "law",
        "12-90",
        date(1992, 6, 17),
        "4159",
        date(1992, 7, 15),
        ("Loi relative à l'urbanisme", "القانون المتعلق بالتعمير"),
        [
            (
                "40",
                "Nul ne peut construire sans avoir obtenu un permis de construire.",
                "يمنع القيام بالبناء دون الحصول على رخصة للبناء.",
            ),
            (
                "48",
                "Le permis de construire est réputé accordé si aucune décision n'est notifiée dans les deux mois du dépôt de la demande.",
                "تعتبر رخصة البناء مسلمة إذا لم يبت في طلبها داخل أجل شهرين من تاريخ إيداعه.",
            ),
            (
                "55",
                "L'occupation d'une construction est subordonnée au permis d'habiter ou au certificat de conformité.",
                "يتوقف استعمال المباني على رخصة السكن أو شهادة المطابقة.",
            ),
        ],
    ),
    "25-90": (
        "law",
        "25-90",
        date(1992, 6, 17),
        "4159",
        date(1992, 7, 15),
        (
            "Loi relative aux lotissements, groupes d'habitations et morcellements",
            "القانون المتعلق بالتجزئات العقارية والمجموعات السكنية وتقسيم العقارات",
        ),
        [
            (
                "2",
                "La création d'un lotissement est subordonnée à une autorisation administrative préalable.",
                "يتوقف إحداث التجزئات العقارية على الحصول على إذن إداري مسبق.",
            ),
            (
                "58",
                "Toute vente ou location ayant pour effet le morcellement d'une propriété est subordonnée à une autorisation.",
                "يتوقف على الحصول على إذن كل بيع أو إيجار يكون غرضه أو يترتب عليه تقسيم عقار.",
            ),
        ],
    ),
    "47-06": (
        "law",
        "47-06",
        date(2007, 11, 30),
        "5583",
        date(2007, 12, 3),
        (
            "Loi relative à la fiscalité des collectivités locales",
            "القانون المتعلق بجبايات الجماعات المحلية",
        ),
        [
            (
                "39",
                "La taxe sur les terrains urbains non bâtis s'applique aux terrains situés dans le périmètre urbain.",
                "يفرض الرسم على الأراضي الحضرية غير المبنية الواقعة داخل المدارات الحضرية.",
            ),
            (
                "46",
                "Les redevables déposent une déclaration des terrains avant le 1er mars de chaque année.",
                "يتعين على الملزمين إيداع إقرار بالأراضي قبل فاتح مارس من كل سنة.",
            ),
            (
                "6",
                "La taxe professionnelle s'applique à toute personne exerçant une activité professionnelle au Maroc.",
                "يفرض الرسم المهني على كل شخص يزاول نشاطا مهنيا بالمغرب.",
            ),
        ],
    ),
    "55-19": (
        "law",
        "55-19",
        date(2020, 3, 6),
        "6866",
        date(2020, 3, 19),
        (
            "Loi relative à la simplification des procédures et des formalités administratives",
            "القانون المتعلق بتبسيط المساطر والإجراءات الإدارية",
        ),
        [
            (
                "3",
                "L'administration ne peut exiger de l'usager que les documents prévus par un texte et publiés.",
                "لا يجوز للإدارة أن تطلب من المرتفق إلا الوثائق المنصوص عليها في نص والمنشورة.",
            ),
            (
                "6",
                "L'administration publie, pour chaque acte administratif, les pièces, les frais, les délais et les voies de recours.",
                "تنشر الإدارة بالنسبة لكل قرار إداري الوثائق والتكاليف والآجال وطرق الطعن.",
            ),
            (
                "7",
                "L'administration délivre un récépissé lors du dépôt de toute demande.",
                "تسلم الإدارة وصلا عند إيداع كل طلب.",
            ),
        ],
    ),
    "31-13": (
        "law",
        "31-13",
        date(2018, 2, 22),
        "6670",
        date(2018, 3, 12),
        (
            "Loi relative au droit d'accès à l'information",
            "القانون المتعلق بالحق في الحصول على المعلومات",
        ),
        [
            (
                "14",
                "La demande d'information est adressée au responsable désigné de l'administration, sur papier ou par voie électronique.",
                "يقدم طلب الحصول على المعلومات إلى الشخص المكلف بالإدارة، كتابة أو بطريقة إلكترونية.",
            ),
            (
                "16",
                "L'administration répond dans un délai de vingt jours, prorogeable une fois.",
                "تجيب الإدارة داخل أجل عشرين يوما قابلة للتمديد مرة واحدة.",
            ),
        ],
    ),
    "2-17-265": (
        "decree",
        "2-17-265",
        date(2017, 6, 23),
        "6580",
        date(2017, 6, 29),
        (
            "Décret fixant les modalités de réception et de traitement des réclamations des usagers",
            "المرسوم المتعلق بتحديد كيفيات تلقي ملاحظات المرتفقين واقتراحاتهم وتظلماتهم وتتبعها ومعالجتها",
        ),
        [
            (
                "4",
                "Toute réclamation fait l'objet d'un accusé de réception.",
                "يسلم وصل بالتوصل عن كل شكاية.",
            ),
            (
                "9",
                "L'administration répond à la réclamation dans un délai de soixante jours.",
                "تجيب الإدارة عن التظلم داخل أجل ستين يوما.",
            ),
        ],
    ),
    "AF-2026": (
        "council_decision",
        "01/2026",
        date(2026, 1, 12),
        "",
        None,
        (
            "Arrêté fiscal communal fixant les taux des taxes, redevances et droits",
            "القرار الجبائي الجماعي المحدد لأسعار الرسوم والواجبات والإتاوات",
        ),
        [
            (
                "5",
                "Le droit de légalisation des signatures et de certification des copies est fixé à 2 dirhams par document.",
                "يحدد واجب التصديق على الإمضاءات ومطابقة النسخ في درهمين عن كل وثيقة.",
            ),
            (
                "8",
                "La redevance d'occupation temporaire du domaine public est fixée par mètre carré et par trimestre.",
                "تحدد إتاوة الاحتلال المؤقت للملك العمومي بالمتر المربع وعن كل ثلاثة أشهر.",
            ),
            (
                "12",
                "Les tarifs de location des salles communales sont fixés par séance, avec exonération pour les associations partenaires.",
                "تحدد تعريفة كراء القاعات الجماعية عن كل حصة، مع إعفاء الجمعيات الشريكة.",
            ),
        ],
    ),
}
