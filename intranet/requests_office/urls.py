from django.urls import path

from . import petition_views, statistics_views, views

urlpatterns = [
    path("", views.inbox, name="requests_inbox"),
    path("new/", views.new, name="requests_new"),
    path("openings/", views.openings, name="requests_openings"),
    path("map/", views.office_map, name="requests_map"),
    path("petitions/", petition_views.petition_list, name="petitions_list"),
    path("petitions/new/", petition_views.petition_new, name="petitions_new"),
    path("petitions/<str:reference>/", petition_views.petition_detail, name="petitions_detail"),
    path(
        "petitions/<str:reference>/<str:name>/",
        petition_views.petition_step,
        name="petitions_step",
    ),
    path("statistics/", statistics_views.statistics, name="requests_statistics"),
    path("statistics.csv", statistics_views.statistics_csv, name="requests_statistics_csv"),
    path("<str:reference>/", views.detail, name="requests_detail"),
    path("<str:reference>/receipt/", views.receipt_page, name="requests_receipt"),
    path("<str:reference>/receipt.pdf", views.receipt_pdf, name="requests_receipt_pdf"),
    path("<str:reference>/files/<int:pk>/", views.attachment, name="requests_attachment"),
    path(
        "<str:reference>/letter.<str:extension>",
        views.answer_letter,
        name="requests_letter",
    ),
    path("<str:reference>/<str:name>/", views.step, name="requests_step"),
]
