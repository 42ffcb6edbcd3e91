"""The engines that answer a search: the database by default, Elasticsearch when
``ELASTICSEARCH_URL`` is set. ``current()`` is the one in use."""

from django.conf import settings


def current():
    if settings.ELASTICSEARCH_URL:
        from .elasticsearch import ElasticsearchEngine

        return ElasticsearchEngine()
    from .database import DatabaseEngine

    return DatabaseEngine()
