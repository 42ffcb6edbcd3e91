"""Enrolment, the trainee's history, the yearly plan, and the trainer's attendance tools."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from intranet.core.downloads import download
from intranet.core.parameters import whole_number

from . import attendance_sheet, enrolment, schedule
from .enrolment import EnrolmentRefused
from .forms import AttendanceForm
from .models import TrainingIndexPage, TrainingSession


def _back_to_course(session):
    course = session.course.localized
    return redirect(f"{course.url}#session-{session.pk}")


@require_POST
def enrol(request, session_id):
    """One click on the course page: a place, or a place on the waiting list."""
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=session_id)
    try:
        result = enrolment.enrol(session.pk, request.user)
    except EnrolmentRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if result.status == result.Status.WAITING:
            messages.success(
                request,
                _(
                    "The session is full: you are on the waiting list, in position %(position)s. "
                    "You will get an email if a place frees up."
                )
                % {"position": result.position},
            )
        else:
            messages.success(request, _("You are enrolled. See you at the session!"))
    return _back_to_course(session)


@require_POST
def cancel(request, session_id):
    session = get_object_or_404(TrainingSession.objects.select_related("course"), pk=session_id)
    try:
        enrolment.cancel(session.pk, request.user)
    except EnrolmentRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your enrolment is cancelled."))
    return _back_to_course(session)


def _catalogue():
    """The training catalogue in the reader's language, for the way back to it."""
    return TrainingIndexPage.objects.live().filter(locale=Locale.get_active()).first()


def my_training(request):
    return TemplateResponse(
        request,
        "training/my_training.html",
        {"history": schedule.history(request.user), "catalogue": _catalogue()},
    )


def plan(request):
    """The sessions of a year, month by month, for one place or all of them."""
    year = whole_number(request.GET.get("year"), 2000, 2100) or timezone.localdate().year
    choices = schedule.place_choices()
    place = request.GET.get("place", "")
    if place not in {value for value, _label in choices}:
        place = ""
    return TemplateResponse(
        request,
        "training/plan.html",
        {
            "year": year,
            "previous_year": year - 1,
            "next_year": year + 1,
            "place": place,
            "place_choices": choices,
            "months": schedule.year_plan(year, place),
            "catalogue": _catalogue(),
        },
    )


def _managed_session(request, session_id):
    session = get_object_or_404(
        TrainingSession.objects.select_related("course", "trainer", "arrondissement"),
        pk=session_id,
    )
    if not enrolment.may_manage(request.user, session):
        raise PermissionDenied
    return session


def attendance_sheet_docx(request, session_id):
    session = _managed_session(request, session_id)
    return download(
        attendance_sheet.build(session, get_language()),
        attendance_sheet.filename(session),
        attendance_sheet.DOCX_TYPE,
    )


def attendance(request, session_id):
    """After the session, its trainer or a coordinator ticks who came."""
    session = _managed_session(request, session_id)
    form = AttendanceForm(request.POST or None, enrolments=session.enrolled())
    if request.method == "POST":
        if not session.has_started:
            messages.error(request, _("Attendance can be recorded once the session has started."))
        elif form.is_valid():
            enrolment.record_attendance(session.pk, form.presence())
            messages.success(request, _("Attendance recorded."))
            return redirect(request.path)
        elif form.conflict:
            messages.error(request, form.conflict.message())
        else:
            messages.error(request, _("Please say for each person whether they came."))
    return TemplateResponse(request, "training/attendance.html", {"session": session, "form": form})
