"""The training catalogue as data: courses, their sessions, enrolments and attendance.

The test database holds the Beni Mellal demo, so a small folder may name its
accounts, arrondissements and courses without declaring them.
"""

import copy
from datetime import date
from pathlib import Path

import pytest
from django.utils import timezone

from intranet.core import commune_data
from intranet.core.commune_data import Exporting, yaml_files
from training import commune_data as training_data
from training.models import CoursePage, Enrolment, TrainingSession

pytestmark = pytest.mark.django_db

COURSE = {
    "slug": "rediger-un-courrier-administratif",
    "title": {"fr": "Rédiger un courrier administratif", "ar": "تحرير مراسلة إدارية"},
    "summary": {"fr": "Écrire clair et court.", "ar": "الكتابة بوضوح وإيجاز."},
    "audience": {"fr": "Secrétariats des services.", "ar": "كتابات المصالح."},
    "objectives": {
        "fr": "<ul><li>Écrire clair.</li></ul>",
        "ar": "<ul><li>الكتابة بوضوح.</li></ul>",
    },
    "duration_hours": 3.5,
    "trainer": "formateur",
    "modules": [
        {
            "title": {"fr": "Le plan d'une lettre", "ar": "تصميم الرسالة"},
            "content": {
                "fr": "<p>Objet, références, corps.</p>",
                "ar": "<p>الموضوع، المراجع، المتن.</p>",
            },
        }
    ],
    "materials": [
        {
            "title": {"fr": "Modèle de lettre", "ar": "نموذج رسالة"},
            "document": {"title": "Modèle de lettre", "file": "files/training/modele-lettre.docx"},
        },
        {
            "title": {"fr": "La lettre en vidéo", "ar": "الرسالة بالفيديو"},
            "video": "https://videos.example.ma/lettre.mp4",
        },
    ],
}
SESSION = {
    "course": "accueil-et-orientation-des-usagers",
    "date": "2030-03-04",
    "starts": "09:00",
    "ends": "12:00",
    "arrondissement": 2,
    "room": "Salle des fêtes",
    "capacity": 2,
    "enrolled": ["accueil", "personnel"],
    "waiting": ["juriste", "cellule"],
}


def training(**parts):
    return {"training": {"format": 1, **copy.deepcopy(parts)}}


def problems(tmp_path, contents):
    return [str(problem) for problem in commune_data.check(tmp_path, contents)]


def write(tmp_path, contents):
    for stem, content in contents.items():
        (tmp_path / f"{stem}.yaml").write_text(yaml_files.write(content), encoding="utf-8")
    material = tmp_path / "files" / "training"
    material.mkdir(parents=True, exist_ok=True)
    (material / "modele-lettre.docx").write_bytes(b"PK\x03\x04 a letter")


def load(tmp_path, contents, today=None):
    write(tmp_path, contents)
    return commune_data.load_folder(tmp_path, today=today)


def outcomes(loading, model):
    what = str(model._meta.verbose_name)
    return {outcome for (name, outcome) in loading.counts if str(name) == what}


def test_a_session_of_a_course_nobody_wrote_is_refused_naming_the_record(tmp_path):
    session = {**SESSION, "course": "cours-inconnu"}
    assert problems(tmp_path, training(sessions=[session])) == [
        "training.yaml · sessions #1 (cours-inconnu) · course: "
        "no course «cours-inconnu» in the folder"
    ]


def test_a_session_may_name_a_course_of_the_same_folder(tmp_path):
    write(tmp_path, {})
    session = {**SESSION, "course": COURSE["slug"]}
    assert problems(tmp_path, training(courses=[COURSE], sessions=[session])) == []


def test_a_trainer_without_an_account_is_refused(tmp_path):
    write(tmp_path, {})
    course = {**COURSE, "trainer": "nobody"}
    assert problems(tmp_path, training(courses=[course])) == [
        "training.yaml · courses #1 (rediger-un-courrier-administratif) · trainer: "
        "no account «nobody» in the folder"
    ]


def test_a_material_is_a_document_or_a_video_and_its_file_must_be_there(tmp_path):
    course = copy.deepcopy(COURSE)
    course["materials"][0]["video"] = "https://videos.example.ma/x.mp4"
    course["materials"][1] = {
        "title": {"fr": "Programme", "ar": "البرنامج"},
        "document": {"title": "Programme", "file": "files/training/programme.exe"},
    }
    found = problems(tmp_path, training(courses=[course]))
    where = "training.yaml · courses #1 (rediger-un-courrier-administratif) · materials"
    assert f"{where} #1: give either a document or a video" in found
    assert (
        f"{where} #2.document: the file «files/training/programme.exe» is missing from the folder"
        in found
    )
    assert (
        f"{where} #2.document: training material must be slides, a PDF or a Word document, "
        "not «.exe»" in found
    )


def test_a_misspelt_field_is_refused():
    found = problems(".", training(sessions=[{**SESSION, "capactiy": 3}]))
    assert len(found) == 1 and "capactiy" in found[0] and "unknown field" in found[0]


def test_enrolments_must_fit_the_places_and_attendance_the_people_enrolled(tmp_path):
    crowded = {**SESSION, "enrolled": ["accueil", "personnel", "juriste"], "waiting": []}
    waiting_for_nothing = {**SESSION, "capacity": 5, "starts": "14:00", "ends": "16:00"}
    coming_with_attendance = {
        **SESSION,
        "starts": "16:00",
        "ends": "17:00",
        "present": ["accueil"],
        "absent": ["juriste"],
    }
    found = problems(
        tmp_path, training(sessions=[crowded, waiting_for_nothing, coming_with_attendance])
    )
    where = "training.yaml · sessions #{} (accueil-et-orientation-des-usagers) · {}"
    assert found == sorted(
        [
            f"{where.format(1, 'enrolled')}: 3 people enrolled for 2 places",
            f"{where.format(2, 'waiting')}: people are waiting while places are left",
            f"{where.format(3, 'present')}: attendance is recorded once the session has started",
            f"{where.format(3, 'absent')}: «juriste» is not enrolled",
        ]
    )


def test_two_sessions_of_a_course_at_the_same_place_and_time_are_refused(tmp_path):
    found = problems(tmp_path, training(sessions=[SESSION, {**SESSION, "room": "Autre salle"}]))
    assert len(found) == 1
    assert "sessions #2" in found[0] and "is already used by sessions #1" in found[0]


def test_a_day_counted_from_today_is_moved_off_the_weekend_but_a_given_day_is_not():
    wednesday = date(2026, 12, 2)
    assert training_data.session_day("today+3", wednesday) == date(2026, 12, 7)  # Saturday
    assert training_data.session_day("today+5", wednesday) == date(2026, 12, 7)
    assert training_data.session_day("2026-12-05", wednesday) == date(2026, 12, 5)


def test_a_course_loads_in_both_languages_and_loading_it_again_changes_nothing(tmp_path):
    loading = load(tmp_path, training(courses=[COURSE]))
    french = CoursePage.objects.get(slug=COURSE["slug"], locale__language_code="fr")
    arabic = french.get_translation(loading.arabic)
    assert arabic.title == "تحرير مراسلة إدارية" and arabic.owner.username == "formateur"
    assert [block.value["title"] for block in arabic.specific.materials] == [
        "نموذج رسالة",
        "الرسالة بالفيديو",
    ]
    revisions = french.revisions.count()
    again = commune_data.load_folder(tmp_path)
    assert outcomes(again, CoursePage) == {"unchanged"}
    assert french.revisions.count() == revisions


def test_a_course_exports_as_it_was_written(tmp_path):
    load(tmp_path, training(courses=[COURSE]))
    exported = training_data.export_courses(Exporting(tmp_path / "out"))
    course = next(item for item in exported if item["slug"] == COURSE["slug"])
    assert course == COURSE
    assert (tmp_path / "out" / "files/training/modele-lettre.docx").read_bytes().startswith(b"PK")


def test_a_session_loads_with_its_places_its_waiting_list_and_its_attendance(tmp_path):
    held = {
        **SESSION,
        "date": "today-7",
        "capacity": 3,
        "enrolled": ["accueil", "personnel", "juriste"],
        "present": ["accueil", "personnel"],
        "absent": ["juriste"],
        "waiting": [],
    }
    monday = date(2026, 12, 7)
    loading = load(tmp_path, training(sessions=[SESSION, held]), today=monday)
    assert outcomes(loading, TrainingSession) == {"created"}
    coming = TrainingSession.objects.get(room="Salle des fêtes", starts_at__year=2030)
    assert [e.person.username for e in coming.waiting_list()] == ["juriste", "cellule"]
    past = TrainingSession.objects.get(room="Salle des fêtes", starts_at__date=date(2026, 11, 30))
    assert {e.person.username: e.attended for e in past.enrolled()} == {
        "accueil": True,
        "personnel": True,
        "juriste": False,
    }
    assert past.trainer.username == "formateur"  # the course's trainer

    again = commune_data.load_folder(tmp_path, today=monday)
    assert outcomes(again, TrainingSession) == {"unchanged"}
    assert outcomes(again, Enrolment) == {"unchanged"}


def test_the_demo_sessions_export_with_absolute_days_and_usernames(tmp_path):
    sessions = training_data.export_sessions(Exporting(tmp_path))
    full = next(item for item in sessions if item.get("waiting"))
    assert len(full["enrolled"]) == full["capacity"]
    assert date.fromisoformat(full["date"]) > timezone.localdate()
    held = [item for item in sessions if "present" in item]
    assert held and all(date.fromisoformat(item["date"]) < timezone.localdate() for item in held)
    assert "trainer" not in full  # the course's own trainer is not repeated


def test_the_beni_mellal_training_file_is_valid():
    folder = Path(__file__).resolve().parents[2] / "communes" / "beni-mellal"
    contents = {"training": yaml_files.read((folder / "training.yaml").read_text(encoding="utf-8"))}
    assert commune_data.check(folder, contents) == []
