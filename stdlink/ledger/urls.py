from django.urls import path

from stdlink.ledger import views

app_name = "ledger"

urlpatterns = [
    path("", views.document_list, name="document-list"),
    path("import/", views.import_document, name="import"),
    path("documents/<int:pk>/", views.document_detail, name="document-detail"),
    path("documents/<int:pk>/ledger.xlsx", views.document_export, name="document-export"),
    path("agencies/", views.agency_list, name="agency-list"),
    path("agencies/<int:pk>/", views.agency_detail, name="agency-detail"),
    path("status/", views.status_board, name="status-board"),
    path("tasks/<int:pk>/", views.task_detail, name="task-detail"),
    path("tasks/<int:pk>/update", views.task_update, name="task-update"),
    path("tasks/<int:pk>/status", views.task_status, name="task-status"),
    path("tasks/<int:pk>/owner", views.task_owner, name="task-owner"),
    path("tasks/<int:pk>/notes", views.task_note, name="task-note"),
]
