"""legal_texts.yaml and procedures.yaml: checked against each other, loaded through the
approval circuit, idempotent, and written back as they were read."""

import copy
from pathlib import Path

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Revision

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from procedures_manual.approval import legal_approval_of
from procedures_manual.commune_data import legal_texts, procedures
from procedures_manual.models import LegalTextPage, ProcedurePage, ReviewFlag

pytestmark = pytest.mark.django_db

BENI_MELLAL = Path(__file__).resolve().parents[2] / "communes" / "beni-mellal"

COMMUNE = {
    "format": 1,
    "commune": {
        "name": {"fr": "Beni Mellal", "ar": "بني ملال"},
        "formal_name": {"fr": "Commune de Beni Mellal", "ar": "جماعة بني ملال"},
    },
}

BURIAL_PERMIT = {
    "code": "ZZ-01",
    "title": {"fr": "Permis d'inhumer hors commune", "ar": "رخصة الدفن خارج الجماعة"},
    "category": "hygiene",
    "service": "bureau-hygiene",
    "summary": {"fr": "Inhumer un défunt hors de la commune.", "ar": "دفن متوفى خارج الجماعة."},
    "audience": {"fr": "La famille du défunt.", "ar": "أسرة المتوفى."},
    "documents": [
        {"name": {"fr": "Acte de décès", "ar": "رسم الوفاة"}, "form": "original"},
        {
            "name": {"fr": "Copie de la carte nationale", "ar": "نسخة من البطاقة الوطنية"},
            "form": "copy",
            "copies": 2,
            "remark": {"fr": "Du déclarant", "ar": "للمصرح"},
        },
    ],
    "fee": 50,
    "fee_note": {"fr": "Arrêté fiscal, article 8", "ar": "القرار الجبائي، المادة 8"},
    "delay_days": 1,
    "steps": [
        {
            "title": {"fr": "Déposer la demande", "ar": "إيداع الطلب"},
            "detail": {"fr": "Au bureau d'hygiène", "ar": "بمكتب حفظ الصحة"},
        },
        {"title": {"fr": "Retirer le permis", "ar": "سحب الرخصة"}},
    ],
    "outcome": {"fr": "Permis d'inhumer", "ar": "رخصة الدفن"},
    "validity": {"fr": "Trois jours", "ar": "ثلاثة أيام"},
    "forms": [
        {
            "title": {"fr": "Demande de permis", "ar": "طلب الرخصة"},
            "file": "files/forms/demande.docx",
            "document_title": "Demande de permis d'inhumer (ZZ-01)",
        }
    ],
    "questions": [
        {
            "question": {"fr": "Le dimanche ?", "ar": "يوم الأحد؟"},
            "answer": {"fr": "Non.", "ar": "لا."},
        }
    ],
    "legal_references": [{"text": "law-37-99", "articles": "23, 30"}],
    "review_interval_months": 6,
}


def procedure(**changes):
    record = copy.deepcopy(BURIAL_PERMIT)
    record.update(changes)
    return record


def folder_with(path, **files):
    """A folder holding the commune and these files (``procedures={...}``)."""
    for stem, content in {"commune": COMMUNE, **files}.items():
        (path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    (path / "files" / "forms").mkdir(parents=True, exist_ok=True)
    (path / "files" / "forms" / "demande.docx").write_bytes(b"a form for ZZ-01")
    return path


def procedures_file(*records, **parts):
    return {"format": 1, **parts, "procedures": list(records)}


def problems(path, **contents):
    folder_with(path)
    return [str(problem) for problem in commune_data.check(path, contents)]


def load(path, *records, **parts):
    folder = folder_with(path, procedures=procedures_file(*records, **parts))
    return commune_data.load_folder(folder)


def count(loading, model, outcome):
    return loading.counts[(model._meta.verbose_name, outcome)]


def french(code="ZZ-01"):
    return ProcedurePage.objects.get(code=code, locale__language_code="fr")


def arabic(code="ZZ-01"):
    return ProcedurePage.objects.get(code=code, locale__language_code="ar")


def exported(part, key, value):
    records = part.export(Exporting("/tmp/unused"))
    return next(record for record in records if record[key] == value)


# Checking: what one file says of another


def test_an_article_the_legal_text_lacks_is_refused_naming_the_text_and_the_article(tmp_path):
    record = procedure(legal_references=[{"text": "law-37-99", "articles": "15, 99"}])
    assert problems(tmp_path, procedures=procedures_file(record)) == [
        "procedures.yaml · procedures #1 (ZZ-01) · legal_references #1.articles: "
        "article 99 is not in law-37-99"
    ]


def test_articles_are_checked_against_the_text_the_folder_gives_rather_than_the_intranet(
    tmp_path,
):
    text = {
        "key": "law-37-99",
        "kind": "law",
        "number": "37-99",
        "title": {"fr": "Loi relative à l'état civil", "ar": "القانون المتعلق بالحالة المدنية"},
        "articles": [{"number": 23, "text": {"fr": "Décès", "ar": "الوفاة"}}],
    }
    found = problems(
        tmp_path,
        legal_texts={"format": 1, "legal_texts": [text]},
        procedures=procedures_file(procedure()),
    )
    assert found == [
        "procedures.yaml · procedures #1 (ZZ-01) · legal_references #1.articles: "
        "article 30 is not in law-37-99"
    ]


def test_a_missing_service_or_legal_text_is_named_with_its_record_and_field(tmp_path):
    record = procedure(
        service="service-des-cometes", legal_references=[{"text": "law-99-99", "articles": "1"}]
    )
    assert problems(tmp_path, procedures=procedures_file(record)) == [
        "procedures.yaml · procedures #1 (ZZ-01) · legal_references #1.text: "
        "no legal text «law-99-99» in the folder",
        "procedures.yaml · procedures #1 (ZZ-01) · service: "
        "no service «service-des-cometes» in the folder",
    ]


def test_two_procedures_may_not_share_a_code(tmp_path):
    second = procedure(title={"fr": "Autre titre", "ar": "عنوان آخر"})
    found = problems(tmp_path, procedures=procedures_file(procedure(), second))
    assert found == [
        "procedures.yaml · procedures #2 (ZZ-01) · code: "
        "the code «ZZ-01» is already used by procedures #1 (ZZ-01) in procedures.yaml"
    ]


def test_a_form_whose_file_is_missing_is_refused(tmp_path):
    form = dict(BURIAL_PERMIT["forms"][0], file="files/forms/absent.docx")
    found = problems(tmp_path, procedures=procedures_file(procedure(forms=[form])))
    assert found == [
        "procedures.yaml · procedures #1 (ZZ-01) · forms #1.file: "
        "the file «files/forms/absent.docx» is missing from the folder"
    ]


def test_a_misspelt_field_is_refused_with_the_fields_expected(tmp_path):
    record = procedure(delai=3)
    (found,) = problems(tmp_path, procedures=procedures_file(record))
    assert found.startswith("procedures.yaml · procedures #1 (ZZ-01) · delai: unknown field")


def test_the_approval_circuit_needs_known_accounts_and_two_people_of_the_cell(tmp_path):
    approval = {"author": "cellule", "reviewer": "cellule", "legal_advisor": "nobody"}
    found = problems(tmp_path, procedures=procedures_file(procedure(), approval=approval))
    assert found == [
        "procedures.yaml · approval · legal_advisor: no account «nobody» in the folder",
        "procedures.yaml · approval · reviewer: the reviewer must be another member of the cell",
    ]


def test_a_legal_text_may_not_give_an_article_twice_nor_amend_itself(tmp_path):
    text = {
        "key": "decree-2-22-001",
        "kind": "decree",
        "number": "2-22-001",
        "title": {"fr": "Décret", "ar": "مرسوم"},
        "amended_by": "decree-2-22-001",
        "articles": [
            {"number": "3", "text": {"fr": "Un", "ar": "واحد"}},
            {"number": 3, "text": {"fr": "Deux", "ar": "اثنان"}},
        ],
    }
    assert problems(tmp_path, legal_texts={"format": 1, "legal_texts": [text]}) == [
        "legal_texts.yaml · legal_texts #1 (decree-2-22-001) · amended_by: "
        "a text cannot amend itself",
        "legal_texts.yaml · legal_texts #1 (decree-2-22-001) · articles: "
        "article 3 is given 2 times",
    ]


# Loading: through the approval circuit, once


def test_a_new_procedure_goes_live_in_both_languages_through_the_approval_circuit(tmp_path):
    loading = load(tmp_path, procedure())
    assert count(loading, ProcedurePage, "created") == 2
    for page in (french(), arabic()):
        approval = legal_approval_of(page.live_revision)
        assert approval.finished_by.username == "juriste"
        assert approval.workflow_state.requested_by.username == "cellule"
    assert arabic().title == "رخصة الدفن خارج الجماعة"
    assert arabic().service == french().service
    assert [d.name for d in arabic().documents.all()] == ["رسم الوفاة", "نسخة من البطاقة الوطنية"]


def test_the_approval_named_by_the_folder_takes_the_procedures_live(tmp_path):
    approval = {"author": "cellule2", "reviewer": "cellule", "legal_advisor": "juriste"}
    load(tmp_path, procedure(), approval=approval)
    state = legal_approval_of(french().live_revision).workflow_state
    assert state.requested_by.username == "cellule2"


def test_loading_the_same_procedures_again_submits_nothing(tmp_path):
    load(tmp_path, procedure())
    revisions = Revision.objects.count()
    again = load(tmp_path, procedure())
    assert count(again, ProcedurePage, "unchanged") == 2
    assert Revision.objects.count() == revisions


def test_a_changed_procedure_goes_through_the_circuit_again_and_stays_in_step(tmp_path):
    load(tmp_path, procedure())
    first_revision = french().live_revision_id
    loading = load(tmp_path, procedure(fee=70))
    assert count(loading, ProcedurePage, "updated") == 2
    assert french().fee_amount == 70 and arabic().fee_amount == 70
    assert french().live_revision_id != first_revision
    assert legal_approval_of(french().live_revision).finished_by.username == "juriste"
    assert not ReviewFlag.objects.open().filter(procedure__code="ZZ-01").exists()


def test_a_change_to_one_language_flags_the_other_for_review(tmp_path):
    load(tmp_path, procedure())
    summary = {"fr": BURIAL_PERMIT["summary"]["fr"], "ar": "دفن متوفى خارج تراب الجماعة."}
    loading = load(tmp_path, procedure(summary=summary))
    assert count(loading, ProcedurePage, "updated") == 1
    flags = ReviewFlag.objects.open().filter(procedure__code="ZZ-01")
    assert [flag.procedure.locale.language_code for flag in flags] == ["fr"]


def test_the_shipped_procedures_and_texts_are_what_the_demo_holds(tmp_path):
    """Loading the Beni Mellal files over the demo finds nothing to submit.

    The demo writes its forms anew at each build: the folder is given the bytes of
    the demo's own forms, under the names the shipped file gives them.
    """
    folder = folder_with(tmp_path)
    for name in ("legal_texts.yaml", "procedures.yaml"):
        (folder / name).write_bytes((BENI_MELLAL / name).read_bytes())
    shipped = yaml_files.read((BENI_MELLAL / "procedures.yaml").read_text(encoding="utf-8"))
    for record in shipped["procedures"]:
        for form in record.get("forms", []):
            title = form.get("document_title", form["title"]["fr"])
            with get_document_model().objects.get(title=title).file.open("rb") as stored:
                (folder / form["file"]).write_bytes(stored.read())
    loading = commune_data.load_folder(folder)
    assert count(loading, ProcedurePage, "unchanged") == ProcedurePage.objects.count()
    assert count(loading, LegalTextPage, "unchanged") == LegalTextPage.objects.count()
    for model in (ProcedurePage, LegalTextPage):
        assert count(loading, model, "created") == count(loading, model, "updated") == 0


# Writing back: what was read


def test_every_field_of_a_procedure_is_written_back_as_it_was_read(tmp_path):
    load(tmp_path, procedure(slug="zz-01-inhumation"))
    record = exported(procedures, "code", "ZZ-01")
    assert record == procedure(slug="zz-01-inhumation", forms=record["forms"])
    assert record["forms"][0]["title"] == BURIAL_PERMIT["forms"][0]["title"]
    assert record["forms"][0]["document_title"] == "Demande de permis d'inhumer (ZZ-01)"


def test_a_legal_text_is_written_back_as_it_was_read(tmp_path):
    text = {
        "key": "decree-2-22-001",
        "kind": "decree",
        "number": "2-22-001",
        "title": {"fr": "Décret sur les cimetières", "ar": "مرسوم بشأن المقابر"},
        "enacted_on": "2022-03-01",
        "official_bulletin": {"number": "7080", "date": "2022-04-04"},
        "applies_from": None,
        "status": "amended",
        "amended_by": "law-37-99",
        "summary": {"fr": "Les cimetières.", "ar": "المقابر."},
        "articles": [{"number": "3 bis", "text": {"fr": "Les tombes.", "ar": "القبور."}}],
    }
    commune_data.load_folder(
        folder_with(tmp_path, legal_texts={"format": 1, "legal_texts": [text]})
    )
    assert exported(legal_texts, "key", "decree-2-22-001") == text
