"""A file built to be slow to read is stopped at the reading limit, not read for hours.

The hostile corpus beside the repository holds a valid PDF of 2,000 pages that
all share one 3 MB content stream: pypdf spends seconds on each page.
"""

import pytest

from intranet.core import bounded, extraction
from tests.hostile.samples import HOSTILE_CORPUS

SLOW_PAGES = HOSTILE_CORPUS / "slow-pages.pdf"

pytestmark = [
    pytest.mark.skipif(not bounded.can_bound(), reason="reading limits need fork (Linux)"),
    pytest.mark.skipif(not SLOW_PAGES.exists(), reason="the shared hostile corpus is absent"),
]


def test_the_pdf_of_two_thousand_slow_pages_is_stopped_at_the_limit(settings):
    settings.DOCUMENT_READING_SECONDS = 3

    with SLOW_PAGES.open("rb") as stream, pytest.raises(extraction.TooSlowToRead):
        extraction.extract_within_limits("slow-pages.pdf", stream)
