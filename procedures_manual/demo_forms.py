"""Demo forms citizens fill in, and frequent questions, for a few procedures.

The forms are Word documents written here with python-docx and stored as
Wagtail documents in the procedures' collection, as the cell would upload them.
"""

import io

from django.core.files.base import ContentFile
from docx import Document as WordDocument
from wagtail.documents import get_document_model
from wagtail.models import Collection

from intranet import docx_writing
from intranet.accounts.roles import PROCEDURES_COLLECTION

FORMS = {
    "RC-02": (
        "formulaire-acces-information.docx",
        "Formulaire de demande d'accès à l'information",
        "استمارة طلب الحصول على المعلومات",
        [
            "Nom et prénom / الاسم الكامل :",
            "N° de la carte nationale / رقم البطاقة الوطنية :",
            "Adresse / العنوان :",
            "Information demandée / المعلومات المطلوبة :",
            "Forme souhaitée (papier, électronique) / الشكل المرغوب (ورقي، إلكتروني) :",
            "Date et signature / التاريخ والتوقيع :",
        ],
    ),
    "FI-01": (
        "declaration-tnb.docx",
        "Déclaration de la taxe sur les terrains urbains non bâtis",
        "إقرار بالرسم على الأراضي الحضرية غير المبنية",
        [
            "Propriétaire / المالك :",
            "Référence foncière (titre ou réquisition) / المرجع العقاري :",
            "Adresse du terrain / عنوان الأرض :",
            "Superficie en m² / المساحة بالمتر المربع :",
            "Date et signature / التاريخ والتوقيع :",
        ],
    ),
}

QUESTIONS = {
    "EC-01": (
        [
            (
                "Que faire si le délai de trente jours est dépassé ?",
                "La naissance ne peut plus être déclarée au guichet : il faut un jugement déclaratif (voir la procédure EC-02).",
            ),
            (
                "Le père peut-il déclarer la naissance sans la mère ?",
                "Oui, avec son livret de famille et le certificat d'accouchement.",
            ),
        ],
        [
            (
                "ماذا أفعل إذا تجاوزت أجل ثلاثين يوما؟",
                "لم يعد من الممكن التصريح بالولادة بالشباك: يلزم حكم تصريحي (انظر المسطرة EC-02).",
            ),
            (
                "هل يمكن للأب التصريح بالولادة دون الأم؟",
                "نعم، بالإدلاء بالدفتر العائلي وشهادة الولادة.",
            ),
        ],
    ),
    "UR-01": (
        [
            (
                "Que se passe-t-il si la commune ne répond pas dans les deux mois ?",
                "Le permis est réputé accordé (article 48 de la loi 12-90), sauf si le projet viole les règles d'urbanisme.",
            ),
            (
                "Faut-il un architecte ?",
                "Oui, les plans doivent être établis et signés par un architecte inscrit à l'Ordre.",
            ),
        ],
        [
            (
                "ماذا يحدث إذا لم تجب الجماعة داخل أجل شهرين؟",
                "تعتبر الرخصة مسلمة (المادة 48 من القانون 12-90)، ما لم يخالف المشروع ضوابط التعمير.",
            ),
            (
                "هل يلزم مهندس معماري؟",
                "نعم، يجب أن تعد التصاميم وتوقع من طرف مهندس معماري مسجل بالهيئة.",
            ),
        ],
    ),
    "LG-01": (
        [
            (
                "Puis-je faire légaliser une signature déjà apposée ?",
                "Non : le document doit être signé devant l'agent, qui vérifie l'identité du signataire.",
            )
        ],
        [
            (
                "هل يمكن تصحيح إمضاء موقع مسبقا؟",
                "لا: يجب التوقيع على الوثيقة أمام الموظف الذي يتحقق من هوية الموقع.",
            )
        ],
    ),
}


def form_document(code):
    """The Wagtail document of a procedure's form, written once and found again after."""
    if code not in FORMS:
        return None
    filename, title_fr, title_ar, lines = FORMS[code]
    documents = get_document_model().objects
    existing = documents.filter(title=title_fr).first()
    if existing:
        return existing
    word = WordDocument()
    docx_writing.add_text(word, "Commune de Beni Mellal", "fr", bold=True)
    docx_writing.add_text(word, "جماعة بني ملال", "ar", bold=True)
    docx_writing.add_text(word, title_fr, "fr", style="Heading 1")
    docx_writing.add_text(word, title_ar, "ar", style="Heading 1")
    for line in lines:
        docx_writing.add_text(word, line + " " + "." * 40, "fr")
    buffer = io.BytesIO()
    word.save(buffer)
    collection = Collection.objects.get(name=PROCEDURES_COLLECTION)
    document = documents.create(title=title_fr, collection=collection)
    document.file.save(filename, ContentFile(buffer.getvalue()), save=True)
    return document


def forms_block(code, language):
    document = form_document(code)
    if document is None:
        return []
    title = FORMS[code][1 if language == "fr" else 2]
    return [("form", {"title": title, "document": document})]


def questions_block(code, language):
    pairs = QUESTIONS.get(code, ([], []))[0 if language == "fr" else 1]
    return [("question", {"question": question, "answer": answer}) for question, answer in pairs]
