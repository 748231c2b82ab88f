from django.urls import path

from stdlink.programme.views import actions, dashboard, reports
from stdlink.programme.views.records import urlpatterns_for
from stdlink.programme.views.resources import RESOURCES

app_name = "programme"

urlpatterns = [
    path("", dashboard.dashboard, name="dashboard"),
    path("surveys/export.xlsx", actions.annex_export("surveys"), name="surveys-export"),
    path("surveys/import/", actions.annex_import("surveys"), name="surveys-import"),
    path("surveys/<int:pk>/print/", actions.annex_print("surveys"), name="surveys-print"),
    path(
        "surveys/<int:pk>/submit/", actions.annex_action("surveys", "submit"), name="surveys-submit"
    ),
    path(
        "surveys/<int:pk>/reopen/", actions.annex_action("surveys", "reopen"), name="surveys-reopen"
    ),
    path(
        "achievements/export.xlsx", actions.annex_export("achievements"), name="achievements-export"
    ),
    path("achievements/import/", actions.annex_import("achievements"), name="achievements-import"),
    path(
        "achievements/<int:pk>/print/",
        actions.annex_print("achievements"),
        name="achievements-print",
    ),
    path(
        "achievements/<int:pk>/submit/",
        actions.annex_action("achievements", "submit"),
        name="achievements-submit",
    ),
    path(
        "achievements/<int:pk>/reopen/",
        actions.annex_action("achievements", "reopen"),
        name="achievements-reopen",
    ),
    path(
        "achievements/<int:pk>/typical/", actions.achievement_typical, name="achievements-typical"
    ),
    path("projects/<int:pk>/move/", actions.project_move, name="projects-move"),
    path("projects/<int:pk>/payments/", actions.project_payment, name="projects-payment"),
    path("experts/<int:pk>/register/", actions.expert_register, name="experts-register"),
    path("reports/", reports.report_list, name="reports-list"),
    path("reports/open/", reports.report_open, name="reports-open"),
    path("reports/<int:pk>/", reports.report_detail, name="reports-detail"),
    path("reports/<int:pk>/submit/", reports.report_submit, name="reports-submit"),
    path("reports/<int:pk>/review/", reports.report_review, name="reports-review"),
    path("target-list/", reports.target_list, name="target-list"),
    path("typical-cases/", reports.typical_cases, name="typical-cases"),
]
for _res in RESOURCES:
    urlpatterns += urlpatterns_for(_res)
