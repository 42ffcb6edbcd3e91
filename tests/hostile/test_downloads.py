"""What an editor typed never breaks out of a download's header."""

import pytest
from django.core.exceptions import ValidationError

from intranet.core.downloads import download
from tests.procedures_manual import factories as procedures

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "code", ['TS-07"; x="', "TS-07\r\nSet-Cookie: a=b", "TS 07", "TS/07", "../TS", "-TS", "TS-"]
)
def test_a_procedure_code_is_letters_digits_and_dashes(code):
    procedure = procedures.procedure(code="TS-07")
    procedure.full_clean()  # the code it was built with is accepted...
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
    procedure = procedures.procedure(code="TS-07")
    response = staff_client.get(procedure.url + "fiche/docx/")
    assert response["Content-Disposition"] == 'attachment; filename="fiche-TS-07.docx"'
