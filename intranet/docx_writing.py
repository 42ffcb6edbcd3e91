"""Moved to ``intranet.core.docx_writing``; kept only for the demo modules until they are
rewritten.

Nothing else may import it (``tests/core/test_architecture.py``): delete it with them.
"""

from intranet.core.docx_writing import add_text

__all__ = ["add_text"]
