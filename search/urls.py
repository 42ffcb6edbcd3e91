from django.urls import path

from . import views

urlpatterns = [
    path("", views.search, name="search"),
    path("unanswered/", views.follow_up, name="search_follow_up"),
]
