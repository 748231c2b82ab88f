from django.urls import path

from stdlink.tracking import views

app_name = "tracking"

urlpatterns = [
    path("", views.overview, name="overview"),
    path("rate/list/", views.rate_list, name="rate-list"),
    path("adoptions/", views.adoption_list, name="adoptions"),
    path("outdated/", views.outdated, name="outdated"),
    path("gaps/", views.gaps, name="gaps"),
    path("standards/<int:pk>/", views.counterparts, name="counterparts"),
    path("standards/<int:pk>/decide/", views.decide, name="decide"),
    path("watch/", views.watch_list, name="watch"),
    path("watch/add/", views.watch_add, name="watch-add"),
    path("watch/<int:pk>/remove/", views.watch_remove, name="watch-remove"),
]
