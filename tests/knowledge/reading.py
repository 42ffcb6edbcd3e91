from html import unescape


def shown(response):
    """The text of a page as a reader sees it: &#x27; and the like read as characters."""
    return unescape(response.content.decode())
