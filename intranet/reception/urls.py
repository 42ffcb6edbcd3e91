from django.urls import path

from . import views

urlpatterns = [
    path("", views.desk, name="reception_desk"),
    path("visits/", views.record, name="reception_record_visit"),
    path("statistics/", views.statistics, name="reception_statistics"),
]
