from django.urls import path

from . import views

urlpatterns = [
    path("", views.desk, name="reception_desk"),
    path("visits/", views.record, name="reception_record_visit"),
    path("statistics/", views.statistics, name="reception_statistics"),
    path("referrals/<str:reference>/slip/", views.referral_slip, name="reception_referral_slip"),
    path("referrals/<str:reference>/", views.mark_referral, name="reception_mark_referral"),
]
