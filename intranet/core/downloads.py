"""A file the intranet builds (a fiche, a manual, a sheet) sent as a download.

The file name may carry what an editor typed (a procedure's code, a session's
title): Django's ``content_disposition_header`` quotes and encodes it, so that
no quote, line break or non-ASCII letter can break out of the header.
"""

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def download(content, filename, content_type):
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
