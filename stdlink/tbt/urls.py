from django.urls import path

from stdlink.tbt import views

app_name = "tbt"

urlpatterns = [
    path("", views.notification_list, name="notification-list"),
    path("notifications/<int:pk>/", views.notification_detail, name="notification-detail"),
    path("notifications/<int:pk>/case", views.case_open, name="case-open"),
    path("import/", views.import_view, name="import"),
    path("countries/", views.country_list, name="country-list"),
    path("countries/<str:code>/", views.country_detail, name="country-detail"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("subscriptions/", views.subscription_list, name="subscriptions"),
    path("subscriptions/<int:pk>/delete", views.subscription_delete, name="subscription-delete"),
    path("alerts/", views.alert_list, name="alerts"),
    path("cases/", views.case_list, name="case-list"),
    path("cases/<int:pk>/", views.case_detail, name="case-detail"),
    path("cases/<int:pk>/export.<str:fmt>", views.case_export, name="case-export"),
    path("cases/<int:pk>/<str:action>", views.case_action, name="case-action"),
]
