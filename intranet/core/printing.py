"""Turn an HTML page into PDF, with the intranet's own fonts and stylesheets.

WeasyPrint lays out French and Arabic alike (HarfBuzz shapes Arabic, the
``dir`` attributes order the lines), so a fiche prints from the same template
as its screen version. It may only read the intranet's static files: a PDF
never waits for, or leaks to, another server.
"""

import mimetypes
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders


class ResourceRefused(ValueError):
    pass


def static_file(url):
    """The file behind a /static/ URL, from the source folders or the collected ones."""
    if not url.startswith(settings.STATIC_URL):
        raise ResourceRefused(url)
    relative = url[len(settings.STATIC_URL) :].split("?", 1)[0]
    found = finders.find(relative)
    if found:
        return Path(found)
    collected = Path(settings.STATIC_ROOT) / relative
    if collected.is_file():
        return collected
    raise ResourceRefused(url)


def _static_only_fetcher():
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    class StaticOnlyFetcher(URLFetcher):
        """Serves /static/ files from disk and refuses every other address."""

        def fetch(self, url, headers=None):
            path = url.removeprefix("file://")
            path = static_file(path if path.startswith("/") else "/" + path)
            content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            return URLFetcherResponse(
                url, body=path.read_bytes(), headers={"Content-Type": content_type}
            )

    return StaticOnlyFetcher()


def html_to_pdf(html):
    """PDF bytes for an HTML document whose assets are /static/ URLs."""
    from weasyprint import HTML  # imported here: it is heavy and only PDF needs it

    return HTML(string=html, base_url="/", url_fetcher=_static_only_fetcher()).write_pdf()
