from django.urls import path

from . import feeds, views

urlpatterns = [
    path("feed/", feeds.feed, name="news_feed"),
    path("feed/<str:token>/", feeds.feed, name="news_feed_with_token"),
    path("feed-address/", views.feed_address, name="news_feed_address"),
]
