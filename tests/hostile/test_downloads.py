"""What an editor typed never breaks out of a download's header."""

import pytest
from django.core.exceptions import ValidationError

from intranet.core.downloads import download
from procedures_manual.models import ProcedurePage

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code", ['EC-01"; x="', "EC-01\r\nSet-Cookie: a=b", "EC 01", "EC/01", "../EC", "-EC", "EC-"]
)
def test_a_procedure_code_is_letters_digits_and_dashes(code):
    procedure = ProcedurePage.objects.get(code="EC-01", locale__language_code="fr")
    procedure.code = code
    with pytest.raises(ValidationError) as refused:
        procedure.full_clean()
    assert "code" in refused.value.message_dict


@pytest.mark.parametrize(
    "filename", ['fiche-"evil".pdf', "fiche-\r\nX-Injected: 1.pdf", "بطاقة المسطرة.pdf"]
)
def test_a_file_name_is_quoted_or_encoded_in_the_header(filename):
    header = download(b"%PDF", filename, "application/pdf")["Content-Disposition"]
    assert "\r" not in header and "\n" not in header
    assert header.startswith("attachment; filename")
    assert '"evil"' not in header


def test_the_fiche_downloads_under_its_code(staff_client):
    procedure = ProcedurePage.objects.get(code="EC-01", locale__language_code="fr")
    response = staff_client.get(procedure.url + "fiche/docx/")
    assert response["Content-Disposition"] == 'attachment; filename="fiche-EC-01.docx"'
