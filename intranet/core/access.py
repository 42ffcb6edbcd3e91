"""Who may read a document or an image: one rule for the library's list, pages and files,
the media files and search."""


def can_read(request, collection):
    """Every signed-in member of staff reads, unless the collection carries a view restriction
    (Wagtail's "private collection") that the request does not pass."""
    return request.user.is_authenticated and all(
        restriction.accept_request(request) for restriction in collection.get_view_restrictions()
    )
