"""The commune the suite runs against: Beni Mellal's folder, unless told another.

``INTRANET_TEST_COMMUNE`` names another commune's folder (tests/commune_data/
test_communes.py walks a second commune that way).
"""

import os
from pathlib import Path

from intranet.core.demo import demo_password

REPOSITORY = Path(__file__).resolve().parent.parent
COMMUNE = Path(os.environ.get("INTRANET_TEST_COMMUNE") or REPOSITORY / "communes" / "beni-mellal")
DEMO_PASSWORD = demo_password(COMMUNE)
