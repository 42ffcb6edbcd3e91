"""The delays a request is answered within, from the settings.

Decree 2-17-265 (23 June 2017) on receiving and handling citizens' observations,
suggestions and complaints gives the administration 60 days to answer
(``REQUESTS_ANSWER_DAYS``). The acknowledgment is the receipt, printed or sent
when the request is recorded; for what arrives by letter, the box or the
register, ``REQUESTS_ACKNOWLEDGMENT_DAYS`` is the office's own commitment.
"""

from datetime import timedelta

from django.conf import settings


def acknowledgment_due(received_on):
    return received_on + timedelta(days=settings.REQUESTS_ACKNOWLEDGMENT_DAYS)


def answer_due(received_on):
    return received_on + timedelta(days=settings.REQUESTS_ANSWER_DAYS)


def reminder_days():
    """Days before the answer is due when the service is reminded."""
    return settings.REQUESTS_REMINDER_DAYS_BEFORE
