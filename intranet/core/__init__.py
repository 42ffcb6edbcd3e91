"""What every section of the intranet uses, and which imports no section.

Pages: ``pages.SectionPage``, ``locales`` (pages in the reader's language),
``freshness`` (rendered content kept until the content changes, with its
``middleware`` and ``context_processors``). Files: ``extraction`` (text out of
PDF and Word files, within ``bounded`` limits), ``printing`` (PDF),
``docx_writing`` (Word), ``downloads``, ``access`` (who reads a collection) and
``views`` (private media, health check). Editing: ``stale_saves``, ``audit``,
``parameters``.

Sections contribute to each other's pages through Wagtail hooks instead of
importing each other: ``intranet_dashboard_panels`` and
``intranet_service_sections`` (``panels``), ``intranet_media_folders``
(``views``), and Wagtail's own ``register_log_actions`` for the audit log.
``tests/core/test_architecture.py`` keeps it so.
"""
