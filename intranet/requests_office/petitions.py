"""Petitions to the council (organic law 113-14, articles 121 to 125; decree 2-16-403).

The office records a petition and its signatories, checks the conditions
(enough signatories living in the commune and on the electoral lists, a point
within the commune's powers, not already decided by the council) and passes it,
with its findings, to the bureau of the council, which decides within three
months (article 125). The office records the bureau's decision (a refusal
gives its reasons), the day the representative was told, and the council's
decision when one follows. Only the office reads a petition: its signatories'
names and identity card numbers are personal data (law 09-08).
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from . import access
from .handling import StepRefused, new_tracking_code
from .models import Petition, PetitionEvent, Signatory

REFERENCE_PREFIX = "PET"
# A Moroccan national identity card number: one or two letters, then digits.
NATIONAL_ID = re.compile(r"^[A-Z]{1,2}\d{3,7}$")
YES = {"oui", "o", "yes", "y", "1", "نعم", "x"}
NO = {"non", "n", "no", "0", "لا", ""}

Status = Petition.Status
Event = PetitionEvent.Kind


def add_months(day, months):
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


@transaction.atomic
def receive(*, recorded_by=None, **fields):
    _office_only(recorded_by)
    petition = Petition(recorded_by=recorded_by, **fields)
    petition.reference = f"pending-{new_tracking_code()}"
    petition.tracking_code = new_tracking_code()
    petition.decision_due = add_months(petition.received_on, settings.PETITION_DECISION_MONTHS)
    petition.full_clean(exclude=["reference", "tracking_code"])
    petition.save()
    petition.reference = f"{REFERENCE_PREFIX}-{petition.received_on:%Y}-{petition.pk:06d}"
    petition.save(update_fields=["reference"])
    _step(petition, Event.RECEIVED, recorded_by)
    return petition


@dataclass(frozen=True)
class SignatoryLine:
    name: str
    national_id: str
    address: str
    on_electoral_lists: bool


def parse_signatories(text):
    """``(lines, problems)`` from one signatory per line, as typed from the signed
    sheets: ``name ; identity card number ; address ; on the lists (oui/non)``.

    Fields are separated by ``;`` or a tab (a column copied from a spreadsheet).
    Each problem names its line, so that the agent fixes that line only.
    """
    lines, problems, seen = [], [], set()
    for number, raw in enumerate(text.splitlines(), start=1):
        if not raw.strip():
            continue
        parts = [part.strip() for part in re.split(r"[;\t]", raw)]
        if len(parts) != 4:
            problems.append(
                _(
                    "Line %(number)s: give four fields separated by “;”: name, identity card "
                    "number, address, on the electoral lists (oui/non)."
                )
                % {"number": number}
            )
            continue
        name, national_id, address, voter = parts
        national_id = national_id.upper().replace(" ", "")
        if not name or not address:
            problems.append(
                _("Line %(number)s: the name and the address are needed.") % {"number": number}
            )
            continue
        if not NATIONAL_ID.match(national_id):
            problems.append(
                _(
                    "Line %(number)s: “%(value)s” is not an identity card number "
                    "(letters then digits, e.g. I284517)."
                )
                % {"number": number, "value": parts[1]}
            )
            continue
        if voter.lower() not in YES | NO:
            problems.append(
                _("Line %(number)s: write “oui” or “non” for the electoral lists, not “%(value)s”.")
                % {"number": number, "value": voter}
            )
            continue
        if national_id in seen:
            problems.append(
                _("Line %(number)s: %(national_id)s signs twice.")
                % {"number": number, "national_id": national_id}
            )
            continue
        seen.add(national_id)
        lines.append(SignatoryLine(name, national_id, address, voter.lower() in YES))
    return lines, problems


@transaction.atomic
def add_signatories(petition, user, text):
    """Add the signatories typed in ``text``; nothing is added if any line is wrong."""
    _office_only(user)
    if not petition.is_open:
        raise StepRefused(_("The bureau has decided: the petition takes no more signatures."))
    lines, problems = parse_signatories(text)
    already = set(petition.signatories.values_list("national_id", flat=True))
    problems += [
        _("%(national_id)s already signed this petition.") % {"national_id": line.national_id}
        for line in lines
        if line.national_id in already
    ]
    if problems:
        raise StepRefused("\n".join(problems))
    if not lines:
        raise StepRefused(_("Type at least one signatory."))
    Signatory.objects.bulk_create(Signatory(petition=petition, **line.__dict__) for line in lines)
    _step(petition, Event.SIGNATORIES, user, str(len(lines)))  # shown as "N signatories added"
    return len(lines)


def counted_signatures(petition):
    """Signatories on the electoral lists: those article 123 counts."""
    return petition.signatories.filter(on_electoral_lists=True).count()


def enough_signatures(petition):
    return counted_signatures(petition) >= settings.PETITION_MIN_SIGNATURES


@transaction.atomic
def check(petition, user, *, residents_and_voters, within_powers, not_already_decided, note=""):
    """The office's findings on each condition; the petition goes to the bureau with them."""
    _office_only(user)
    if petition.status != Status.RECEIVED:
        raise StepRefused(_("The conditions were already checked."))
    petition.residents_and_voters = residents_and_voters
    petition.within_powers = within_powers
    petition.not_already_decided = not_already_decided
    petition.check_note = note.strip()
    petition.checked_at = timezone.now()
    petition.signatures_counted = counted_signatures(petition)
    petition.status = Status.WITH_THE_BUREAU
    petition.save()
    # The findings are read from the petition in the reader's language; the step keeps the note.
    _step(petition, Event.CHECKED, user, petition.check_note)
    return conditions_met(petition)


def conditions_met(petition):
    return bool(
        enough_signatures(petition)
        and petition.residents_and_voters
        and petition.within_powers
        and petition.not_already_decided
    )


def findings(petition):
    """The office's findings, condition by condition: ``[(met, label)]``, the count first."""
    count = petition.signatures_counted if petition.checked_at else counted_signatures(petition)
    needed = settings.PETITION_MIN_SIGNATURES
    return [
        (
            count >= needed,
            _("Signatures counted: %(count)s of the %(needed)s needed.")
            % {"count": count, "needed": needed},
        ),
        *(
            (getattr(petition, name), Petition._meta.get_field(name).verbose_name)
            for name in ("residents_and_voters", "within_powers", "not_already_decided")
        ),
    ]


@transaction.atomic
def record_bureau_decision(petition, user, *, admitted, decided_on, reasons="", session=""):
    _office_only(user)
    if petition.status != Status.WITH_THE_BUREAU:
        raise StepRefused(_("The petition is not with the bureau."))
    if decided_on > timezone.localdate():
        raise StepRefused(_("The bureau cannot have decided in the future."))
    if not admitted and not reasons.strip():
        raise StepRefused(_("A refusal gives its reasons (article 125): write them."))
    if admitted and not session.strip():
        raise StepRefused(_("Say which session's agenda holds the point."))
    petition.status = Status.ADMITTED if admitted else Status.REFUSED
    petition.bureau_decided_on = decided_on
    petition.bureau_reasons = reasons.strip()
    petition.agenda_session = session.strip()
    petition.save()
    _step(petition, Event.BUREAU_DECISION, user, petition.bureau_reasons)


def notify(petition, user, notified_on):
    _office_only(user)
    if petition.is_open:
        raise StepRefused(_("The representative is told once the bureau has decided."))
    if notified_on > timezone.localdate():
        raise StepRefused(_("The representative cannot have been told in the future."))
    petition.notified_on = notified_on
    petition.save(update_fields=["notified_on"])
    _step(petition, Event.NOTIFIED, user)


def link_council_decision(petition, user, decision):
    _office_only(user)
    if petition.status != Status.ADMITTED:
        raise StepRefused(_("Only a petition put on the agenda leads to a council decision."))
    petition.council_decision = decision
    petition.save(update_fields=["council_decision"])
    _step(petition, Event.COUNCIL_DECISION, user, decision.title)


def add_note(petition, user, text):
    _office_only(user)
    if not text.strip():
        raise StepRefused(_("Write the note before adding it."))
    _step(petition, Event.NOTE, user, text.strip())


def _step(petition, kind, user, text=""):
    return PetitionEvent.objects.create(
        petition=petition,
        kind=kind,
        by=user if user is not None and user.is_authenticated else None,
        text=text,
    )


def _office_only(user):
    if user is None or not access.is_office(user):
        raise PermissionDenied
