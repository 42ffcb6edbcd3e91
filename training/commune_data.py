"""training.yaml: the training catalogue, its courses and their sessions.

A course is found again by its slug, a session by its course, its place and the
moment it starts (moving a session to another day is a new session: the old
one stays, with its trainees). Loading creates or updates and never deletes: a
course, a session or an enrolment absent from the file stays, since deleting
them is an admin act. Demonstration folders may date sessions from today
(``today+12``); such a day falling on a weekend moves to the next Monday, so
that demonstration sessions stay on working days. Exported dates are absolute.
"""

from datetime import datetime, time, timedelta
from decimal import Decimal
from pathlib import PurePosixPath

from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Collection

from intranet.accounts.roles import TRAINING_COLLECTION
from intranet.core import commune_data as data
from intranet.core.commune_data import schemas as s
from intranet.core.commune_data.pages import upsert_child, upsert_translation
from intranet.core.commune_data.streams import stored_document
from intranet.organisation.models import Arrondissement

from .approval import setup_training_workflow
from .blocks import MATERIAL_EXTENSIONS
from .models import CoursePage, Enrolment, TrainingIndexPage, TrainingSession

USERNAME = {"type": "string", "minLength": 1, "description": "Username of an account."}
USERNAMES = s.records(USERNAME)

MATERIAL = s.record(
    {
        "title": s.bilingual({"type": "string", "minLength": 1, "maxLength": 200}),
        "document": s.record(
            {"title": s.NON_EMPTY_TEXT, "file": s.FILE},
            required=("title", "file"),
            description="Slides, a PDF or a Word document, the same file in both languages.",
        ),
        "video": {"type": "string", "pattern": r"^https?://", "description": "Video address."},
    },
    required=("title",),
    description="A document or a video link handed to trainees: give one of the two.",
)

COURSE = s.record(
    {
        "slug": s.SLUG,
        "title": s.bilingual(),
        "summary": s.bilingual({"type": "string", "minLength": 1, "maxLength": 400}),
        "audience": s.bilingual(),
        "objectives": s.bilingual(s.RICH_TEXT),
        "duration_hours": {"type": "number", "minimum": 0.5, "maximum": 500},
        "trainer": {**USERNAME, "description": "The trainer who looks after the course."},
        "modules": s.records(
            s.record(
                {
                    "title": s.bilingual({"type": "string", "minLength": 1, "maxLength": 200}),
                    "content": s.bilingual(s.RICH_TEXT),
                },
                required=("title", "content"),
            )
        ),
        "materials": s.records(MATERIAL),
    },
    required=("slug", "title", "summary", "audience", "objectives", "duration_hours", "modules"),
)

SESSION = s.record(
    {
        "course": s.SLUG,
        "date": s.DATE,
        "starts": s.TIME,
        "ends": s.TIME,
        "end_date": {**s.DATE, "description": "Last day, for a session over several days."},
        "arrondissement": {
            "type": "integer",
            "minimum": 1,
            "description": "Number of the arrondissement; with no arrondissement nor annex: "
            "the headquarters.",
        },
        "annex": {**s.SLUG, "description": "Key of the administrative annex."},
        "room": {"type": "string", "minLength": 1, "maxLength": 120},
        "capacity": {"type": "integer", "minimum": 1, "maximum": 500},
        "trainer": {**USERNAME, "description": "Left out: the course's trainer."},
        "enrolled": {**USERNAMES, "description": "Trainees with a place, in order of request."},
        "present": {**USERNAMES, "description": "Trainees who came (once the session is held)."},
        "absent": {**USERNAMES, "description": "Trainees who did not come."},
        "waiting": {**USERNAMES, "description": "The waiting list, first come first served."},
    },
    required=("course", "date", "starts", "ends", "room", "capacity"),
)


def _catalogue():
    return data.french_section_page(TrainingIndexPage)


def _users(usernames):
    users = get_user_model().objects.filter(username__in=set(usernames))
    return {user.username: user for user in users}


def _bilingual(french, arabic):
    return {"fr": french or "", "ar": arabic or ""}


# Courses --------------------------------------------------------------------


def declare_courses(value, checking):
    for index, course in enumerate(value):
        checking.offer_unique("course", course["slug"], record=index, field="slug")


def check_courses(value, checking):
    if value and not checking.catalogue.has("training catalogue", "catalogue"):
        checking.problem("courses need a training catalogue: give «catalogue» in this file")
    for index, course in enumerate(value):
        checking.require("account", course.get("trainer"), record=index, field="trainer")
        for number, material in enumerate(course.get("materials", []), start=1):
            field = f"materials #{number}"
            given = [kind for kind in ("document", "video") if kind in material]
            if len(given) != 1:
                checking.problem("give either a document or a video", index, field)
            document = material.get("document")
            if document:
                checking.require_file(document["file"], record=index, field=f"{field}.document")
                suffix = PurePosixPath(document["file"]).suffix.lower()
                if suffix not in MATERIAL_EXTENSIONS:
                    checking.problem(
                        f"training material must be slides, a PDF or a Word document, "
                        f"not «{suffix or document['file']}»",
                        index,
                        f"{field}.document",
                    )


def load_courses(value, loading):
    catalogue = _catalogue()
    owners = _users(course["trainer"] for course in value if course.get("trainer"))
    collection = _training_collection()
    for course in value:
        owner = owners.get(course.get("trainer"))
        documents = [
            _document(material["document"], loading, collection) if "document" in material else None
            for material in course.get("materials", [])
        ]
        french = upsert_child(
            loading,
            catalogue,
            CoursePage,
            course["slug"],
            **_course_fields(course, "fr", owner, documents),
        )
        upsert_translation(
            loading,
            french,
            loading.arabic,
            slug=course["slug"],
            **_course_fields(course, "ar", owner, documents),
        )


def _course_fields(course, language, owner, documents):
    modules = [
        {
            "type": "module",
            "value": {"title": module["title"][language], "content": module["content"][language]},
        }
        for module in course["modules"]
    ]
    materials = []
    for material, document in zip(course.get("materials", []), documents, strict=True):
        title = material["title"][language]
        if document is not None:
            materials.append(
                {"type": "document", "value": {"title": title, "document": document.pk}}
            )
        else:
            materials.append({"type": "video", "value": {"title": title, "url": material["video"]}})
    return {
        "title": course["title"][language],
        "summary": course["summary"][language],
        "audience": course["audience"][language],
        "objectives": course["objectives"][language],
        "duration_hours": Decimal(str(course["duration_hours"])),
        "modules": _stream("modules", modules),
        "materials": _stream("materials", materials),
        "owner": owner,
    }


def _stream(name, raw):
    """A stream value that compares by content with the stored one (see pages.differs)."""
    return CoursePage._meta.get_field(name).stream_block.to_python(raw)


def _training_collection():
    """The collection the coordinators look after: course material must live there."""
    existing = Collection.objects.filter(name=TRAINING_COLLECTION).first()
    return existing or Collection.get_first_root_node().add_child(name=TRAINING_COLLECTION)


def _document(document, loading, collection):
    return stored_document(
        document["title"], loading.read_file(document["file"]), document["file"], collection
    )


def export_courses(exporting):
    catalogue = _catalogue()
    if catalogue is None:
        return None
    courses = []
    for french in CoursePage.objects.child_of(catalogue).order_by("path"):
        arabic = data.arabic_translation(french)
        courses.append(_course_value(french, arabic, exporting))
    return courses or None


def _course_value(french, arabic, exporting):
    def both(name):
        return _bilingual(getattr(french, name), getattr(arabic, name, ""))

    value = {
        "slug": french.slug,
        "title": both("title"),
        "summary": both("summary"),
        "audience": both("audience"),
        "objectives": both("objectives"),
        "duration_hours": exporting.money(french.duration_hours),
    }
    if french.owner_id:
        value["trainer"] = french.owner.username
    value["modules"] = [
        {
            "title": _bilingual(_field(fr, "title"), _field(ar, "title")),
            "content": _bilingual(_field(fr, "content"), _field(ar, "content")),
        }
        for fr, ar in _pairs(french.modules, arabic.modules if arabic else [])
    ]
    materials = []
    for fr, ar in _pairs(french.materials, arabic.materials if arabic else []):
        material = {"title": _bilingual(_field(fr, "title"), _field(ar, "title"))}
        source = fr or ar
        if source.block_type == "document":
            document = source.value["document"]
            material["document"] = {
                "title": document.title,
                "file": exporting.file(document.file, "training"),
            }
        else:
            material["video"] = source.value["url"]
        materials.append(material)
    if materials:
        value["materials"] = materials
    return value


def _pairs(french, arabic):
    """The French and Arabic blocks side by side, by position; a missing one is None
    (and exports empty, so that checking the folder points at the translation to write).
    A document is the same file in both languages: the French block's is written."""
    french, arabic = list(french), list(arabic)
    length = max(len(french), len(arabic))
    return [
        (french[i] if i < len(french) else None, arabic[i] if i < len(arabic) else None)
        for i in range(length)
    ]


def _field(block, name):
    if block is None:
        return ""
    value = block.value[name]
    return value.source if hasattr(value, "source") else value


# Sessions -------------------------------------------------------------------


def session_day(value, today=None):
    """The day of a session; a day counted from today is moved off the weekend."""
    day = data.parse_date(value, today)
    if value.startswith("today"):
        while day.weekday() >= 5:
            day += timedelta(days=1)
    return day


def check_sessions(value, checking):
    now = timezone.now()
    for index, session in enumerate(value):
        checking.require("course", session["course"], record=index, field="course")
        checking.require("account", session.get("trainer"), record=index, field="trainer")
        checking.require(
            "arrondissement", session.get("arrondissement"), record=index, field="arrondissement"
        )
        checking.require("annex", session.get("annex"), record=index, field="annex")
        if "arrondissement" in session and "annex" in session:
            checking.problem("give an arrondissement or an annex, not both", index, "annex")
        starts, ends = _moments(session)
        if ends <= starts:
            checking.problem("the session ends before it starts", index, "ends")
        place = session.get("arrondissement") or session.get("annex") or "headquarters"
        checking.offer_unique(
            "training session",
            f"{session['course']} {timezone.localtime(starts):%Y-%m-%d %H:%M} at {place}",
            record=index,
            field="date",
            what="session",
        )
        _check_people(session, index, checking, started=starts <= now)


def _check_people(session, index, checking, started):
    enrolled, waiting = session.get("enrolled", []), session.get("waiting", [])
    seen = set()
    for field in ("enrolled", "waiting"):
        for username in session.get(field, []):
            checking.require("account", username, record=index, field=field)
            if username in seen:
                checking.problem(f"«{username}» is enrolled twice", index, field)
            seen.add(username)
    if len(enrolled) > session["capacity"]:
        checking.problem(
            f"{len(enrolled)} people enrolled for {session['capacity']} places", index, "enrolled"
        )
    elif waiting and len(enrolled) < session["capacity"]:
        checking.problem("people are waiting while places are left", index, "waiting")
    present, absent = session.get("present", []), session.get("absent", [])
    if (present or absent) and not started:
        checking.problem("attendance is recorded once the session has started", index, "present")
    for field, people in (("present", present), ("absent", absent)):
        for username in people:
            if username not in enrolled:
                checking.problem(f"«{username}» is not enrolled", index, field)
    for username in set(present) & set(absent):
        checking.problem(f"«{username}» is both present and absent", index, "absent")


def _moments(session, today=None):
    zone = timezone.get_current_timezone()
    day = session_day(session["date"], today)
    last = data.parse_date(session["end_date"], today) if session.get("end_date") else day
    starts = timezone.make_aware(datetime.combine(day, _time(session["starts"])), zone)
    ends = timezone.make_aware(datetime.combine(last, _time(session["ends"])), zone)
    return starts, ends


def _time(value):
    return time.fromisoformat(value)


def _place_key(place):
    """``("arrondissement", 3)`` or ``("annex", "annexe-administrative-ain-asserdoun")``:
    annexes are known by the slug of their French name, as the organisation's file says."""
    if place.kind == Arrondissement.Kind.ARRONDISSEMENT:
        return ("arrondissement", place.number)
    return ("annex", slugify(place.name))


def _place_of(session):
    for kind in ("arrondissement", "annex"):
        if kind in session:
            return (kind, session[kind])
    return None


def load_sessions(value, loading):
    courses = {
        course.slug: course
        for course in CoursePage.objects.filter(
            locale=loading.french, slug__in={session["course"] for session in value}
        )
    }
    places = {}
    for place in Arrondissement.objects.filter(locale=loading.french):
        places[_place_key(place)] = place
    people = _users(
        username
        for session in value
        for username in [session.get("trainer", "")]
        + session.get("enrolled", [])
        + session.get("waiting", [])
    )
    for item in value:
        course = courses[item["course"]]
        starts, ends = _moments(item, loading.today)
        fields = {
            "room": item["room"],
            "ends_at": ends,
            "capacity": item["capacity"],
            "trainer": people.get(item.get("trainer")) or course.owner,
        }
        session = TrainingSession.objects.filter(
            course=course, arrondissement=places.get(_place_of(item)), starts_at=starts
        ).first()
        if session is None:
            session = TrainingSession.objects.create(
                course=course,
                arrondissement=places.get(_place_of(item)),
                starts_at=starts,
                **fields,
            )
            loading.counted(TrainingSession._meta.verbose_name, "created")
        elif any(getattr(session, name) != field for name, field in fields.items()):
            for name, field in fields.items():
                setattr(session, name, field)
            session.save()
            loading.counted(TrainingSession._meta.verbose_name, "updated")
        else:
            loading.counted(TrainingSession._meta.verbose_name, "unchanged")
        _load_enrolments(session, item, people, loading)


def _load_enrolments(session, item, people, loading):
    """Enrolments in the order of the file, so that the waiting list keeps its order."""
    present, absent = set(item.get("present", [])), set(item.get("absent", []))
    wanted = [(username, Enrolment.Status.ENROLLED) for username in item.get("enrolled", [])]
    wanted += [(username, Enrolment.Status.WAITING) for username in item.get("waiting", [])]
    existing = {enrolment.person_id: enrolment for enrolment in session.enrolments.all()}
    for username, status in wanted:
        person = people[username]
        attended = True if username in present else False if username in absent else None
        enrolment = existing.get(person.pk)
        what = Enrolment._meta.verbose_name
        if enrolment is None:
            Enrolment.objects.create(
                session=session, person=person, status=status, attended=attended
            )
            loading.counted(what, "created")
        elif (enrolment.status, enrolment.attended) != (status, attended):
            enrolment.status, enrolment.attended = status, attended
            enrolment.save(update_fields=["status", "attended"])
            loading.counted(what, "updated")
        else:
            loading.counted(what, "unchanged")


def export_sessions(exporting):
    catalogue = _catalogue()
    if catalogue is None:
        return None
    sessions = (
        TrainingSession.objects.filter(course__in=CoursePage.objects.child_of(catalogue))
        .select_related("course", "arrondissement", "trainer", "course__owner")
        .order_by("course__path", "starts_at", "pk")
    )
    value = [_session_value(session, exporting) for session in sessions]
    return value or None


def _session_value(session, exporting):
    starts, ends = timezone.localtime(session.starts_at), timezone.localtime(session.ends_at)
    value = {
        "course": session.course.slug,
        "date": exporting.date(starts.date()),
        "starts": exporting.time(starts.time()),
        "ends": exporting.time(ends.time()),
    }
    if ends.date() != starts.date():
        value["end_date"] = exporting.date(ends.date())
    if session.arrondissement_id:
        value.update([_place_key(session.arrondissement)])
    value["room"] = session.room
    value["capacity"] = session.capacity
    if session.trainer_id != session.course.owner_id:
        value["trainer"] = session.trainer.username
    enrolments = list(session.enrolments.select_related("person").order_by("requested_at", "pk"))
    lists = {
        "enrolled": [e for e in enrolments if e.status == Enrolment.Status.ENROLLED],
        "present": [e for e in enrolments if e.attended is True],
        "absent": [e for e in enrolments if e.attended is False],
        "waiting": [e for e in enrolments if e.status == Enrolment.Status.WAITING],
    }
    for name, people in lists.items():
        if people:
            value[name] = [enrolment.person.username for enrolment in people]
    return value


data.reference("course", data.french_page_exists(CoursePage))
data.reference("training catalogue", data.section_page_exists(TrainingIndexPage))
data.register(
    data.section_page_part(
        file="training",
        key="catalogue",
        order=90,
        model=TrainingIndexPage,
        reference_kind="training catalogue",
        description="The training catalogue page, under the home page of each language.",
        # The catalogue is the home page's one training section; its slug is kept once made.
        other_slug=data.KEEP_SLUG,
        arabic_in_menus=False,
        blank_when_untranslated=True,
        # Courses on the catalogue are published by a coordinator's approval.
        then=setup_training_workflow,
    )
)
data.register(
    data.Part(
        file="training",
        key="courses",
        order=91,
        schema=s.records(COURSE),
        load=load_courses,
        export=export_courses,
        declare=declare_courses,
        check=check_courses,
        description="Courses of the catalogue, with their modules and material.",
    )
)
data.register(
    data.Part(
        file="training",
        key="sessions",
        order=92,
        schema=s.records(SESSION),
        load=load_sessions,
        export=export_sessions,
        check=check_sessions,
        record_keys=("course",),
        description="Sessions of the courses: when, where, who teaches, who enrolled and came.",
    )
)
