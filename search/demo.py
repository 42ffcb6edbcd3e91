"""Demo synonym sets: the words visitors use for the commune's procedures."""

from . import lexicon
from .models import SynonymSet

SYNONYMS = [
    (
        "permis de construire\nautorisation de construire\nautorisation de bâtir\nرخصة البناء",
        "Urbanisme",
    ),
    ("permis d'inhumer\nenterrement\ninhumation\nobsèques\nرخصة الدفن\nدفن", "Inhumation"),
    (
        "acte de naissance\nextrait de naissance\nرسم الولادة\nعقد الازدياد\nشهادة الميلاد",
        "État civil",
    ),
    ("naissance\nbébé\nnouveau-né\nولادة\nمولود", "État civil"),
    ("livret de famille\ncarnet de famille\nالدفتر العائلي\nكناش الحالة المدنية", "État civil"),
    (
        "légalisation de signature\ncertification de signature\nتصحيح الإمضاء\nالمصادقة على الإمضاء",
        "Légalisation",
    ),
    ("copie conforme\ncertification de copie\nمطابقة النسخ\nنسخة مطابقة للأصل", "Légalisation"),
    ("taxe sur les terrains non bâtis\nTNB\nالرسم على الأراضي غير المبنية", "Fiscalité"),
    ("plainte\nréclamation\ndoléance\nشكاية\nتظلم", "Relations avec les usagers"),
    ("patente\ntaxe professionnelle\nالرسم المهني\nالباتانتا", "Fiscalité"),
    ("salle\nespace socioculturel\nقاعة\nفضاء سوسيوثقافي", "Équipements"),
]


def load():
    for terms, note in SYNONYMS:
        SynonymSet.objects.update_or_create(note=note, terms=terms)
    lexicon.forget()
