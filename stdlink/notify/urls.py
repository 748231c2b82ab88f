from django.urls import path

from stdlink.notify import views

app_name = "notify"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("<int:pk>/", views.open_notification, name="open"),
    path("<int:pk>/read", views.read, name="read"),
    path("read-all", views.read_all, name="read-all"),
    path("preferences/", views.preferences, name="preferences"),
    path("preferences/feed-token", views.new_feed_token, name="feed-token"),
    path("test", views.send_test, name="test"),
    path("webhooks/", views.webhooks, name="webhooks"),
    path("webhooks/<int:pk>/delete", views.webhook_delete, name="webhook-delete"),
    path("feed/<str:token>/", views.feed, name="feed"),
]
