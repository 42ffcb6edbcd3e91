import functools

import pytest

from . import samples


@pytest.fixture(scope="session")
def zip_bomb():
    """Built once: about 3 MB that expand to 1.1 GB of XML (DEFLATE cannot pack tighter)."""
    return functools.cache(samples.docx_zip_bomb)()
