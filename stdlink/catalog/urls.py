from django.urls import path

from stdlink.catalog import views

app_name = "catalog"

urlpatterns = [
    path("standards/", views.standard_list, name="standard-list"),
    path("standards/lookup", views.standard_lookup, name="standard-lookup"),
    path("standards/<int:pk>/", views.standard_detail, name="standard-detail"),
    path("bodies/", views.body_list, name="body-list"),
    path("bodies/<str:code>/", views.body_detail, name="body-detail"),
    path("committees/", views.committee_list, name="committee-list"),
    path("committees/<path:code>/", views.committee_detail, name="committee-detail"),
    path("ics/", views.ics_list, name="ics-list"),
    path("ics/<str:code>/", views.ics_detail, name="ics-detail"),
    path("ccs/", views.ccs_list, name="ccs-list"),
    path("ccs/<path:code>/", views.ccs_detail, name="ccs-detail"),
    path("imports/", views.import_batches, name="import-batches"),
]
