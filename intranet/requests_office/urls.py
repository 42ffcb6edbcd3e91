from django.urls import path

from . import views

urlpatterns = [
    path("", views.inbox, name="requests_inbox"),
    path("new/", views.new, name="requests_new"),
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
