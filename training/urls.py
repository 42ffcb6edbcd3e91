from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("mine/", views.my_training, name="my_training"),
    path("plan/", views.plan, name="plan"),
    path("sessions/<int:session_id>/enrol/", views.enrol, name="enrol"),
    path("sessions/<int:session_id>/cancel/", views.cancel, name="cancel"),
    path("sessions/<int:session_id>/attendance/", views.attendance, name="attendance"),
    path(
        "sessions/<int:session_id>/attendance-sheet.docx",
        views.attendance_sheet_docx,
        name="attendance_sheet",
    ),
]
