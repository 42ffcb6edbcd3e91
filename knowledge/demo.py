"""Demo knowledge base, in French and Arabic, with a few readers' votes.

The articles answer what the participatory diagnostic of 2017 found visitors and
staff asking most: how to file a complaint, which papers the commune does not
deliver and where to get them, how the reception desk welcomes and orients.
"""

from datetime import date

from django.contrib.auth import get_user_model
from wagtail.documents import get_document_model

from intranet.home.demo_pages import arabic, french, upsert_child, upsert_translation
from intranet.organisation.models import ServicePage
from procedures_manual.models import ProcedurePage

from .feedback import record_vote
from .models import ArticleProcedure, ArticleService, KnowledgeArticlePage, KnowledgeIndexPage

ACCESS_FORM_TITLE = "Formulaire de demande d'accès à l'information"


def steps(heading, items):
    return ("steps", {"heading": heading, "steps": [{"title": t, "detail": d} for t, d in items]})


def question(text, answer):
    return ("question", {"question": text, "answer": answer})


def document(title, issued_by="", note="", file=None):
    return ("document", {"title": title, "document": file, "issued_by": issued_by, "note": note})


def paragraph(html):
    return ("paragraph", html)


def articles(access_form):
    """``(slug, topic, owner username, owner service, services, procedures, reviewed, fr, ar)``."""
    return [
        (
            "guide-depot-reclamation",
            "complaints",
            "cellule",
            "bureau-des-plaintes",
            ["bureau-des-plaintes", "bureau-accueil-orientation"],
            ["RC-01"],
            date(2026, 9, 14),
            {
                "title": "Guide de dépôt d'une réclamation",
                "summary": (
                    "Toute citoyenne ou tout citoyen peut signaler un dysfonctionnement d'un service "
                    "communal ou contester une décision : la réclamation est déposée au bureau des "
                    "plaintes, enregistrée, et reçoit une réponse dans un délai de soixante jours."
                ),
                "body": [
                    paragraph(
                        "<p>Le diagnostic participatif de 2017 a relevé que les citoyennes et les "
                        "citoyens étaient peu informés de la manière de déposer une plainte. Ce guide "
                        "sert à les orienter sans hésitation, à l'accueil comme dans les services.</p>"
                    ),
                    steps(
                        "Déposer une réclamation",
                        [
                            (
                                "Orienter le visiteur vers le bureau des plaintes",
                                "Rez-de-chaussée du siège, bureau 3 (badge rouge). En dehors des "
                                "heures d'ouverture, la boîte à doléances est à l'entrée de la commune.",
                            ),
                            (
                                "Rédiger la réclamation",
                                "Sur papier libre ou sur l'imprimé du bureau : nom, adresse, numéro de "
                                "la carte nationale, objet précis, date et lieu des faits.",
                            ),
                            (
                                "Enregistrer et remettre un récépissé",
                                "Le bureau inscrit la réclamation au registre et remet un récépissé "
                                "portant son numéro : il permet d'en suivre le traitement.",
                            ),
                            (
                                "Transmettre au service concerné",
                                "Le bureau transmet la réclamation au service compétent et en suit "
                                "la réponse.",
                            ),
                            (
                                "Répondre au plaignant",
                                "La réponse écrite est envoyée au plus tard soixante jours après le dépôt.",
                            ),
                        ],
                    ),
                    question(
                        "Une réclamation anonyme est-elle recevable ?",
                        "<p>Elle est enregistrée comme un signalement, mais aucune réponse ne peut "
                        "être adressée. Conseillez au visiteur de laisser au moins un moyen de contact.</p>",
                    ),
                    question(
                        "Le visiteur ne sait pas écrire : que faire ?",
                        "<p>L'agent du bureau des plaintes rédige la réclamation sous sa dictée, la "
                        "lui relit, puis le visiteur signe ou appose son empreinte.</p>",
                    ),
                    question(
                        "La plainte vise une autre administration (eau, électricité, police) ?",
                        "<p>Elle n'est pas du ressort de la commune. Indiquez l'administration "
                        "compétente et, pour l'eau et l'électricité, l'agence de distribution.</p>",
                    ),
                ],
            },
            {
                "title": "دليل إيداع شكاية",
                "summary": (
                    "يمكن لكل مواطنة ومواطن التبليغ عن اختلال في مصلحة جماعية أو الطعن في قرار: "
                    "تودع الشكاية بمكتب الشكايات وتسجل ويتلقى صاحبها جوابا داخل أجل ستين يوما."
                ),
                "body": [
                    paragraph(
                        "<p>كشف التشخيص التشاركي لسنة 2017 أن المواطنات والمواطنين لا يعرفون كيفية "
                        "إيداع شكاية. يساعد هذا الدليل على توجيههم دون تردد، في الاستقبال كما في المصالح.</p>"
                    ),
                    steps(
                        "إيداع شكاية",
                        [
                            (
                                "توجيه الزائر إلى مكتب الشكايات",
                                "الطابق الأرضي بمقر الجماعة، المكتب 3 (الشارة الحمراء). خارج أوقات "
                                "العمل، يوجد صندوق التظلمات بمدخل الجماعة.",
                            ),
                            (
                                "تحرير الشكاية",
                                "على ورقة عادية أو على مطبوع المكتب: الاسم والعنوان ورقم البطاقة "
                                "الوطنية والموضوع بدقة وتاريخ ومكان الوقائع.",
                            ),
                            (
                                "التسجيل وتسليم وصل",
                                "يسجل المكتب الشكاية في السجل ويسلم وصلا يحمل رقمها لتتبع معالجتها.",
                            ),
                            (
                                "الإحالة على المصلحة المعنية",
                                "يحيل المكتب الشكاية على المصلحة المختصة ويتتبع جوابها.",
                            ),
                            (
                                "الرد على المشتكي",
                                "يوجه الجواب الكتابي في أجل أقصاه ستون يوما من تاريخ الإيداع.",
                            ),
                        ],
                    ),
                    question(
                        "هل تقبل الشكاية المجهولة؟",
                        "<p>تسجل كتبليغ، لكن لا يمكن توجيه أي جواب. انصح الزائر بترك وسيلة اتصال على الأقل.</p>",
                    ),
                    question(
                        "الزائر لا يعرف الكتابة: ما العمل؟",
                        "<p>يحرر موظف مكتب الشكايات الشكاية بإملاء منه، ثم يقرؤها عليه، ويوقع "
                        "الزائر أو يضع بصمته.</p>",
                    ),
                    question(
                        "الشكاية تخص إدارة أخرى (الماء، الكهرباء، الشرطة)؟",
                        "<p>ليست من اختصاص الجماعة. دل الزائر على الإدارة المختصة، وبالنسبة للماء "
                        "والكهرباء على وكالة التوزيع.</p>",
                    ),
                ],
            },
        ),
        (
            "documents-non-delivres-par-la-commune",
            "other_administrations",
            "accueil",
            "bureau-accueil-orientation",
            ["bureau-accueil-orientation", "service-etat-civil"],
            [],
            date(2026, 6, 2),
            {
                "title": "Documents que la commune ne délivre pas et où les obtenir",
                "summary": (
                    "Carte nationale, casier judiciaire, passeport, certificat de résidence : "
                    "ces documents sont souvent demandés à l'accueil mais sont délivrés par "
                    "d'autres administrations. Voici où envoyer le visiteur."
                ),
                "body": [
                    paragraph(
                        "<p>Un visiteur mal orienté revient, attend une seconde fois et repart "
                        "mécontent. Avant de l'envoyer vers un service de la commune, vérifiez que "
                        "le document demandé n'est pas dans cette liste.</p>"
                    ),
                    document(
                        "Carte nationale d'identité électronique (CNIE)",
                        "Direction générale de la sûreté nationale (DGSN)",
                        "Au commissariat de police ou au bureau de la CNIE du lieu de résidence. "
                        "La commune délivre seulement l'extrait d'acte de naissance demandé pour une "
                        "première carte.",
                    ),
                    document(
                        "Extrait du casier judiciaire",
                        "Tribunal de première instance du lieu de naissance",
                        "Pour les personnes nées à l'étranger : casier judiciaire central du "
                        "ministère de la Justice. La demande peut aussi se faire en ligne sur le "
                        "portail du ministère.",
                    ),
                    document(
                        "Fiche anthropométrique",
                        "Direction générale de la sûreté nationale (DGSN)",
                        "Au commissariat de police, sur présentation de la carte nationale.",
                    ),
                    document(
                        "Passeport biométrique",
                        "Province de Béni Mellal, bureau des passeports",
                        "Dossier avec le timbre électronique acheté en ligne ou chez un buraliste.",
                    ),
                    document(
                        "Certificat de résidence",
                        "Autorité locale (annexe administrative, caïdat ou pachalik)",
                        "La commune ne délivre pas de certificat de résidence : orienter vers "
                        "l'annexe administrative du quartier du demandeur.",
                    ),
                    document(
                        "Acte de mariage",
                        "Adoul, puis section de la justice de la famille du tribunal de première instance",
                        "La commune transcrit le mariage en marge de l'acte de naissance, mais "
                        "n'établit pas l'acte.",
                    ),
                    question(
                        "Le visiteur demande une « légalisation » d'un document étranger ?",
                        "<p>La légalisation de signature se fait à la commune (service de la "
                        "légalisation), mais l'apostille d'un document destiné à l'étranger relève "
                        "du tribunal de première instance.</p>",
                    ),
                ],
            },
            {
                "title": "الوثائق التي لا تسلمها الجماعة وأين يمكن الحصول عليها",
                "summary": (
                    "البطاقة الوطنية والسجل العدلي وجواز السفر وشهادة السكنى: تطلب هذه الوثائق "
                    "كثيرا بالاستقبال لكنها تسلم من طرف إدارات أخرى. إليك أين توجه الزائر."
                ),
                "body": [
                    paragraph(
                        "<p>الزائر الذي يوجه خطأ يعود وينتظر مرة ثانية ويغادر مستاء. قبل توجيهه إلى "
                        "مصلحة جماعية، تحقق من أن الوثيقة المطلوبة ليست ضمن هذه اللائحة.</p>"
                    ),
                    document(
                        "البطاقة الوطنية للتعريف الإلكترونية",
                        "المديرية العامة للأمن الوطني",
                        "بمفوضية الشرطة أو بمكتب البطاقة الوطنية لمحل السكنى. لا تسلم الجماعة إلا "
                        "عقد الازدياد المطلوب لأول بطاقة.",
                    ),
                    document(
                        "مستخرج السجل العدلي",
                        "المحكمة الابتدائية لمحل الازدياد",
                        "بالنسبة للمزدادين بالخارج: السجل العدلي المركزي بوزارة العدل. ويمكن تقديم "
                        "الطلب عبر البوابة الإلكترونية للوزارة.",
                    ),
                    document(
                        "البطاقة الأنتروبومترية",
                        "المديرية العامة للأمن الوطني",
                        "بمفوضية الشرطة، بعد الإدلاء بالبطاقة الوطنية.",
                    ),
                    document(
                        "جواز السفر البيومتري",
                        "عمالة إقليم بني ملال، مكتب جوازات السفر",
                        "ملف مرفق بالتنبر الإلكتروني المقتنى عبر الإنترنت أو لدى بائع التبغ.",
                    ),
                    document(
                        "شهادة السكنى",
                        "السلطة المحلية (الملحقة الإدارية أو القيادة أو الباشوية)",
                        "لا تسلم الجماعة شهادة السكنى: وجه الطالب إلى الملحقة الإدارية لحيه.",
                    ),
                    document(
                        "عقد الزواج",
                        "العدول، ثم قسم قضاء الأسرة بالمحكمة الابتدائية",
                        "تضمن الجماعة الزواج بطرة رسم الولادة، لكنها لا تحرر العقد.",
                    ),
                    question(
                        "الزائر يطلب «تصحيح الإمضاء» على وثيقة أجنبية؟",
                        "<p>تصحيح الإمضاء يتم بالجماعة (مصلحة تصحيح الإمضاء)، أما «الأبوستيل» "
                        "لوثيقة موجهة إلى الخارج فمن اختصاص المحكمة الابتدائية.</p>",
                    ),
                ],
            },
        ),
        (
            "charte-de-l-accueil",
            "reception",
            "communication",
            "service-communication-relations-publiques",
            ["bureau-accueil-orientation"],
            [],
            date(2024, 5, 18),
            {
                "title": "Charte de l'accueil",
                "summary": (
                    "Les engagements de la commune envers chaque visiteur : un accueil courtois, "
                    "une orientation exacte vers le bon service, une information claire et le "
                    "respect des horaires affichés."
                ),
                "body": [
                    paragraph(
                        "<p>Inspirée de la charte de l'accueil du programme national IDARATI, "
                        "cette charte engage tous les agents qui reçoivent le public, au bureau "
                        "d'accueil comme dans les services et les arrondissements.</p>"
                        "<h3>Nos engagements</h3><ol>"
                        "<li>Accueillir chaque visiteur avec courtoisie, sans distinction, et "
                        "l'écouter jusqu'au bout.</li>"
                        "<li>L'orienter vers le service compétent du premier coup, avec le badge "
                        "de la couleur du service.</li>"
                        "<li>Lui remettre la fiche de la procédure et la liste des pièces à fournir.</li>"
                        "<li>Respecter les horaires d'ouverture affichés et prévenir en cas d'absence.</li>"
                        "<li>Donner priorité aux personnes âgées, aux femmes enceintes et aux personnes "
                        "en situation de handicap.</li>"
                        "<li>Inscrire chaque visite au registre d'accueil.</li></ol>"
                    ),
                    question(
                        "Que faire face à un visiteur en colère ?",
                        "<p>Garder son calme, l'écouter sans l'interrompre, reformuler sa demande, "
                        "puis proposer une solution ou le bureau des plaintes. Ne jamais répondre "
                        "sur le même ton.</p>",
                    ),
                    question(
                        "Puis-je refuser de renseigner un visiteur qui ne relève pas de mon service ?",
                        "<p>Non : vous l'orientez. Si vous ne savez pas, appelez le bureau d'accueil "
                        "(poste 100) plutôt que de le renvoyer au hasard.</p>",
                    ),
                ],
            },
            {
                "title": "ميثاق الاستقبال",
                "summary": (
                    "التزامات الجماعة تجاه كل زائر: استقبال لبق، وتوجيه دقيق إلى المصلحة "
                    "المختصة، ومعلومة واضحة، واحترام أوقات العمل المعلنة."
                ),
                "body": [
                    paragraph(
                        "<p>استلهاما من ميثاق الاستقبال للبرنامج الوطني «إدارتي»، يلزم هذا الميثاق "
                        "جميع الأعوان الذين يستقبلون العموم، بمكتب الاستقبال كما بالمصالح والمقاطعات.</p>"
                        "<h3>التزاماتنا</h3><ol>"
                        "<li>استقبال كل زائر بلباقة ودون تمييز والإنصات إليه حتى النهاية.</li>"
                        "<li>توجيهه إلى المصلحة المختصة من المرة الأولى، مع الشارة بلون المصلحة.</li>"
                        "<li>تسليمه بطاقة المسطرة ولائحة الوثائق المطلوبة.</li>"
                        "<li>احترام أوقات العمل المعلنة والإخبار في حالة الغياب.</li>"
                        "<li>إعطاء الأولوية للمسنين والنساء الحوامل والأشخاص في وضعية إعاقة.</li>"
                        "<li>تسجيل كل زيارة في سجل الاستقبال.</li></ol>"
                    ),
                    question(
                        "ما العمل أمام زائر غاضب؟",
                        "<p>الحفاظ على الهدوء، والإنصات إليه دون مقاطعة، وإعادة صياغة طلبه، ثم "
                        "اقتراح حل أو توجيهه إلى مكتب الشكايات. لا ترد أبدا بنفس النبرة.</p>",
                    ),
                    question(
                        "هل يمكنني رفض إرشاد زائر لا يخص مصلحتي؟",
                        "<p>لا: عليك توجيهه. إن لم تعرف، اتصل بمكتب الاستقبال (الرقم الداخلي 100) "
                        "بدل إرساله عشوائيا.</p>",
                    ),
                ],
            },
        ),
        (
            "orienter-avec-le-code-couleur",
            "reception",
            "accueil",
            "bureau-accueil-orientation",
            ["bureau-accueil-orientation"],
            ["EC-01", "EC-03"],
            date(2026, 10, 5),
            {
                "title": "Orienter un visiteur avec le code couleur et le badge visiteur",
                "summary": (
                    "Chaque service a une couleur : le badge remis à l'accueil, les panneaux des "
                    "couloirs et la porte du bureau portent la même, pour que le visiteur trouve "
                    "son chemin seul."
                ),
                "body": [
                    steps(
                        "À l'arrivée du visiteur",
                        [
                            (
                                "Écouter la demande",
                                "Demander ce que le visiteur vient faire, pas le service qu'il cherche.",
                            ),
                            (
                                "Chercher la procédure",
                                "Taper quelques mots dans la recherche de l'intranet : la fiche "
                                "indique le service, le bureau et la couleur.",
                            ),
                            (
                                "Remettre le badge de la couleur du service",
                                "Et la fiche imprimée avec les pièces à fournir.",
                            ),
                            (
                                "Inscrire la visite au registre",
                                "Un clic depuis la fiche, à l'écran de l'accueil.",
                            ),
                        ],
                    ),
                    question(
                        "Le visiteur doit passer par deux services ?",
                        "<p>Remettez le badge du premier service et indiquez-lui le second sur la "
                        "fiche ; le premier service l'orientera à son tour.</p>",
                    ),
                    question(
                        "Les badges d'une couleur sont épuisés ?",
                        "<p>Remettez la fiche seule et signalez-le au service de la communication, "
                        "qui tient le stock de badges.</p>",
                    ),
                ],
            },
            {
                "title": "توجيه زائر بواسطة الرمز اللوني وشارة الزائر",
                "summary": (
                    "لكل مصلحة لون: الشارة المسلمة بالاستقبال ولوحات الممرات وباب المكتب تحمل "
                    "اللون نفسه، ليجد الزائر طريقه بنفسه."
                ),
                "body": [
                    steps(
                        "عند وصول الزائر",
                        [
                            (
                                "الإنصات للطلب",
                                "اسأل الزائر عما جاء من أجله، لا عن المصلحة التي يبحث عنها.",
                            ),
                            (
                                "البحث عن المسطرة",
                                "اكتب بضع كلمات في بحث الشبكة الداخلية: تبين البطاقة المصلحة والمكتب واللون.",
                            ),
                            (
                                "تسليم الشارة بلون المصلحة",
                                "مع البطاقة المطبوعة ولائحة الوثائق المطلوبة.",
                            ),
                            (
                                "تسجيل الزيارة في السجل",
                                "بنقرة واحدة من البطاقة على شاشة الاستقبال.",
                            ),
                        ],
                    ),
                    question(
                        "على الزائر المرور بمصلحتين؟",
                        "<p>سلمه شارة المصلحة الأولى وبين له الثانية على البطاقة، وستوجهه المصلحة "
                        "الأولى بدورها.</p>",
                    ),
                    question(
                        "نفدت شارات لون معين؟",
                        "<p>سلم البطاقة وحدها وأخبر مصلحة التواصل التي تمسك مخزون الشارات.</p>",
                    ),
                ],
            },
        ),
        (
            "legalisation-questions-frequentes",
            "citizen_guides",
            "cellule2",
            "service-legalisation",
            ["service-legalisation"],
            ["LG-01", "LG-02"],
            date(2026, 3, 30),
            {
                "title": "Légalisation de signature et copie conforme : questions fréquentes",
                "summary": (
                    "La signature se légalise en présence de l'agent, avec la carte nationale ; "
                    "une copie se certifie sur présentation de l'original. Deux dirhams par "
                    "document, délivrance immédiate."
                ),
                "body": [
                    question(
                        "Peut-on légaliser la signature d'une autre personne ?",
                        "<p>Non. Le signataire se présente en personne avec sa carte nationale et "
                        "signe devant l'agent.</p>",
                    ),
                    question(
                        "Faut-il légaliser une copie de la carte nationale ?",
                        "<p>De moins en moins : de nombreuses administrations acceptent une simple "
                        "copie. Conseillez au visiteur de vérifier auprès de l'administration qui la "
                        "demande avant de payer.</p>",
                    ),
                    question(
                        "Un document rédigé dans une langue étrangère peut-il être certifié ?",
                        "<p>Oui pour la copie conforme d'un document clairement lisible ; pour une "
                        "traduction, il faut un traducteur agréé.</p>",
                    ),
                    question(
                        "Où légaliser en dehors du siège ?",
                        "<p>Dans chaque arrondissement, au bureau de la légalisation, aux mêmes tarifs.</p>",
                    ),
                ],
            },
            {
                "title": "تصحيح الإمضاء والإشهاد على مطابقة النسخ للأصل: أسئلة متكررة",
                "summary": (
                    "يصحح الإمضاء بحضور الموظف مع البطاقة الوطنية، وتشهد النسخة بعد الإدلاء "
                    "بالأصل. درهمان لكل وثيقة، والتسليم فوري."
                ),
                "body": [
                    question(
                        "هل يمكن تصحيح إمضاء شخص آخر؟",
                        "<p>لا. يحضر الموقع شخصيا ببطاقته الوطنية ويوقع أمام الموظف.</p>",
                    ),
                    question(
                        "هل يجب الإشهاد على نسخة البطاقة الوطنية؟",
                        "<p>أقل فأقل: تقبل إدارات عديدة نسخة عادية. انصح الزائر بالتحقق من الإدارة "
                        "التي تطلبها قبل الأداء.</p>",
                    ),
                    question(
                        "هل يمكن الإشهاد على وثيقة محررة بلغة أجنبية؟",
                        "<p>نعم بالنسبة لمطابقة نسخة وثيقة مقروءة بوضوح؛ أما الترجمة فتتطلب ترجمانا محلفا.</p>",
                    ),
                    question(
                        "أين يتم تصحيح الإمضاء خارج المقر؟",
                        "<p>في كل مقاطعة، بمكتب تصحيح الإمضاء، وبنفس التعريفة.</p>",
                    ),
                ],
            },
        ),
        (
            "acces-a-l-information",
            "complaints",
            "juriste",
            "bureau-d-ordre",
            ["bureau-d-ordre"],
            ["RC-02"],
            date(2026, 1, 20),
            {
                "title": "Demander l'accès à une information détenue par la commune",
                "summary": (
                    "La loi 31-13 donne à chacun le droit d'obtenir les informations détenues par "
                    "la commune : la demande écrite est déposée au bureau d'ordre et reçoit une "
                    "réponse dans un délai de vingt jours."
                ),
                "body": [
                    paragraph(
                        "<p>Le droit d'accès à l'information est garanti par l'article 27 de la "
                        "Constitution et organisé par la loi n° 31-13. Il couvre les décisions, "
                        "documents et données de la commune, sauf les exceptions prévues par la loi "
                        "(données personnelles, sécurité, délibérations en cours).</p>"
                    ),
                    document(
                        ACCESS_FORM_TITLE,
                        note="À remplir et déposer au bureau d'ordre, ou à envoyer par courrier électronique.",
                        file=access_form,
                    ),
                    steps(
                        "",
                        [
                            (
                                "Remplir le formulaire",
                                "Préciser l'information demandée et la forme souhaitée.",
                            ),
                            (
                                "Déposer au bureau d'ordre",
                                "Un récépissé daté est remis au demandeur.",
                            ),
                            (
                                "Réponse",
                                "Dans les vingt jours ; le délai peut être prolongé une fois.",
                            ),
                        ],
                    ),
                    question(
                        "La demande est refusée : quel recours ?",
                        "<p>Une réclamation auprès du président du conseil dans les vingt jours, puis "
                        "auprès de la Commission du droit d'accès à l'information.</p>",
                    ),
                ],
            },
            {
                "title": "طلب الحصول على معلومة تحوزها الجماعة",
                "summary": (
                    "يخول القانون 31.13 لكل شخص الحق في الحصول على المعلومات التي تحوزها "
                    "الجماعة: يودع الطلب الكتابي بمكتب الضبط ويتلقى جوابا داخل أجل عشرين يوما."
                ),
                "body": [
                    paragraph(
                        "<p>الحق في الحصول على المعلومات يضمنه الفصل 27 من الدستور وينظمه القانون رقم "
                        "31.13. ويشمل مقررات الجماعة ووثائقها ومعطياتها، باستثناء ما يستثنيه القانون "
                        "(المعطيات الشخصية، الأمن، المداولات الجارية).</p>"
                    ),
                    document(
                        "استمارة طلب الحصول على المعلومات",
                        note="تملأ وتودع بمكتب الضبط أو ترسل عبر البريد الإلكتروني.",
                        file=access_form,
                    ),
                    steps(
                        "",
                        [
                            ("ملء الاستمارة", "تحديد المعلومة المطلوبة والشكل المرغوب."),
                            ("الإيداع بمكتب الضبط", "يسلم للطالب وصل مؤرخ."),
                            ("الجواب", "داخل عشرين يوما، ويمكن تمديد الأجل مرة واحدة."),
                        ],
                    ),
                    question(
                        "رفض الطلب: ما هو الطعن الممكن؟",
                        "<p>شكاية إلى رئيس المجلس داخل عشرين يوما، ثم إلى لجنة الحق في الحصول على المعلومات.</p>",
                    ),
                ],
            },
        ),
        (
            "declaration-naissance-verifications-accueil",
            "staff",
            "cellule",
            "service-etat-civil",
            ["service-etat-civil"],
            ["EC-01", "EC-02"],
            date(2026, 8, 11),
            {
                "title": "Déclaration de naissance : ce que l'agent vérifie avant d'orienter",
                "summary": (
                    "Trois questions suffisent à éviter un aller-retour : la naissance a-t-elle eu "
                    "lieu dans la commune, depuis combien de jours, et le déclarant a-t-il le "
                    "certificat de naissance ?"
                ),
                "body": [
                    steps(
                        "Les trois vérifications",
                        [
                            (
                                "Lieu de naissance",
                                "La déclaration se fait à la commune du lieu de naissance, pas du domicile.",
                            ),
                            (
                                "Délai",
                                "Moins de trente jours : déclaration ordinaire. Au-delà : inscription "
                                "tardive sur jugement déclaratif du tribunal.",
                            ),
                            (
                                "Certificat de naissance",
                                "Délivré par la maternité ou la sage-femme ; sans lui, le service ne "
                                "peut pas enregistrer la déclaration.",
                            ),
                        ],
                    ),
                    question(
                        "Le père est absent : la mère peut-elle déclarer ?",
                        "<p>Oui. La loi 37-99 permet à la mère, et à défaut aux proches, de déclarer la naissance.</p>",
                    ),
                ],
            },
            {
                "title": "التصريح بالولادة: ما يتحقق منه العون قبل التوجيه",
                "summary": (
                    "ثلاثة أسئلة تكفي لتجنب الذهاب والإياب: هل وقعت الولادة بالجماعة، ومنذ كم "
                    "يوما، وهل يتوفر المصرح على شهادة الولادة؟"
                ),
                "body": [
                    steps(
                        "التحققات الثلاثة",
                        [
                            ("مكان الولادة", "يتم التصريح بجماعة مكان الولادة، لا جماعة السكنى."),
                            (
                                "الأجل",
                                "أقل من ثلاثين يوما: تصريح عادي. بعد ذلك: تسجيل متأخر بناء على حكم تصريحي من المحكمة.",
                            ),
                            (
                                "شهادة الولادة",
                                "تسلمها دار الولادة أو القابلة؛ وبدونها لا يمكن للمصلحة تسجيل التصريح.",
                            ),
                        ],
                    ),
                    question(
                        "الأب غائب: هل يمكن للأم التصريح؟",
                        "<p>نعم. يسمح القانون 37.99 للأم، وعند تعذر ذلك للأقارب، بالتصريح بالولادة.</p>",
                    ),
                ],
            },
        ),
    ]


VOTES = [
    # article slug, language, username, helpful, comment
    ("guide-depot-reclamation", "fr", "personnel", True, ""),
    (
        "guide-depot-reclamation",
        "fr",
        "accueil",
        True,
        "Très clair. Il faudrait ajouter le numéro vert quand il sera en service.",
    ),
    (
        "documents-non-delivres-par-la-commune",
        "fr",
        "accueil",
        True,
        "Je l'imprime pour le guichet : la moitié des visiteurs du matin cherchent le certificat de résidence.",
    ),
    (
        "documents-non-delivres-par-la-commune",
        "fr",
        "formateur",
        False,
        "Il manque les horaires du tribunal de première instance et l'adresse du commissariat le plus proche.",
    ),
    ("documents-non-delivres-par-la-commune", "fr", "juriste", True, ""),
    (
        "charte-de-l-accueil",
        "fr",
        "personnel",
        False,
        "La charte date de 2024 : le poste de l'accueil a changé depuis.",
    ),
    (
        "charte-de-l-accueil",
        "fr",
        "ipecag",
        True,
        "Merci d'avoir inscrit la priorité aux personnes en situation de handicap.",
    ),
    ("orienter-avec-le-code-couleur", "fr", "personnel", True, ""),
    (
        "legalisation-questions-frequentes",
        "fr",
        "accueil",
        False,
        "Préciser si la légalisation est possible le samedi.",
    ),
    (
        "documents-non-delivres-par-la-commune",
        "ar",
        "ipecag",
        True,
        "مفيد جدا، خاصة ما يتعلق بشهادة السكنى التي يطلبها كثير من الزوار.",
    ),
    ("guide-depot-reclamation", "ar", "accueil", False, "يجب إضافة رقم الهاتف الأخضر عند تشغيله."),
]


def load():
    from intranet.home.models import HomePage

    home = HomePage.objects.get(locale__language_code="fr", depth=2)
    index = upsert_child(
        home,
        KnowledgeIndexPage,
        "base-de-connaissances",
        title="Base de connaissances",
        show_in_menus=True,
        introduction=(
            "<p>Les réponses aux questions que les visiteurs et les agents posent le plus "
            "souvent, et les guides de l'accueil. Dites-nous si un article vous a aidé.</p>"
        ),
    )
    upsert_translation(
        index,
        arabic(),
        title="قاعدة المعارف",
        slug="base-de-connaissances",
        introduction=(
            "<p>أجوبة عن الأسئلة التي يطرحها الزوار والأعوان أكثر، ودلائل الاستقبال. "
            "أخبرونا إن كان المقال مفيدا لكم.</p>"
        ),
    )
    access_form = get_document_model().objects.filter(title=ACCESS_FORM_TITLE).first()
    users = get_user_model().objects
    pages = {}
    for slug, topic, owner, owner_service, services, procedures, reviewed, fr, ar in articles(
        access_form
    ):
        common = {
            "topic": topic,
            "responsible": users.get(username=owner),
            "last_reviewed_on": reviewed,
        }
        french_page = upsert_child(
            index,
            KnowledgeArticlePage,
            slug,
            **common,
            **fr,
            **_links("fr", owner_service, services, procedures),
        )
        upsert_translation(
            french_page,
            arabic(),
            slug=slug,
            **common,
            **ar,
            **_links("ar", owner_service, services, procedures),
        )
        pages[slug, "fr"] = french_page
        pages[slug, "ar"] = french_page.get_translation(arabic())
    for slug, language, username, helpful, comment in VOTES:
        record_vote(pages[slug, language], users.get(username=username), helpful, comment)
    return index


def _links(language, owner_service, services, procedures):
    """Owner service and links, pointing at the pages of the article's own language."""
    locale = french() if language == "fr" else arabic()

    def service(slug):
        return ServicePage.objects.get(slug=slug, locale=locale)

    def procedure(code):
        return ProcedurePage.objects.get(code=code, locale=locale)

    return {
        "responsible_service": service(owner_service),
        "service_links": [ArticleService(service=service(slug)) for slug in services],
        "procedure_links": [ArticleProcedure(procedure=procedure(code)) for code in procedures],
    }
