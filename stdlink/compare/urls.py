from django.urls import path

from stdlink.compare import views

app_name = "compare"

urlpatterns = [
    path("", views.comparison_list, name="list"),
    path("new/", views.comparison_create, name="create"),
    path("<int:pk>/", views.comparison_detail, name="detail"),
    path("<int:pk>/rows/<int:row_pk>/review/", views.row_review, name="row-review"),
    path("<int:pk>/reviewers/", views.comparison_reviewers, name="reviewers"),
    path("<int:pk>/confirm/", views.comparison_confirm, name="confirm"),
    path("<int:pk>/reopen/", views.comparison_reopen, name="reopen"),
    path("<int:pk>/export.xlsx", views.comparison_xlsx, name="export-xlsx"),
    path("<int:pk>/export.docx", views.comparison_docx, name="export-docx"),
    path("<int:pk>/recognise/", views.recognition_add, name="recognise"),
    path("recognitions/", views.recognition_list, name="recognitions"),
    path("recognitions/export.xlsx", views.recognition_xlsx, name="recognitions-xlsx"),
]
