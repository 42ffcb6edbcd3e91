"""Moved to ``intranet.core.printing``; kept only for the demo modules until they are rewritten.

Nothing else may import it (``tests/core/test_architecture.py``): delete it with them.
"""

from intranet.core.printing import html_to_pdf

__all__ = ["html_to_pdf"]
