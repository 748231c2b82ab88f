from django.urls import path

from stdlink.jobs import views

app_name = "jobs"

urlpatterns = [
    path("imports/", views.imports, name="imports"),
    path("imports/<int:pk>/", views.import_job, name="import-job"),
    path("jobs/", views.job_list, name="job-list"),
    path("jobs/<int:pk>/progress", views.job_progress, name="job-progress"),
    path("jobs/<int:pk>/cancel", views.job_cancel, name="job-cancel"),
]
