"""Built-in data loaded after every migrate (idempotent): regions and roles.

The regions are Zhejiang and its 11 cities (seed 000, Annex 4). Counties are imported from a file
(`stdlink import counties`). Roles are data: their permissions are patterns over
`app_label.codename`, resolved against the permissions that exist after migration, so a new
model's permissions reach the right roles without code changes.
"""

from __future__ import annotations

import fnmatch

PROVINCE = ("330000", "浙江省", "Zhejiang")
CITIES = [
    ("330100", "杭州市", "Hangzhou"),
    ("330200", "宁波市", "Ningbo"),
    ("330300", "温州市", "Wenzhou"),
    ("330400", "嘉兴市", "Jiaxing"),
    ("330500", "湖州市", "Huzhou"),
    ("330600", "绍兴市", "Shaoxing"),
    ("330700", "金华市", "Jinhua"),
    ("330800", "衢州市", "Quzhou"),
    ("330900", "舟山市", "Zhoushan"),
    ("331000", "台州市", "Taizhou"),
    ("331100", "丽水市", "Lishui"),
]

# What city and county officers may add and change in their own region: units and the records
# units file; programmes, targets, subsidies, designations and report review stay provincial.
LOCAL_RECORD_EDITS = [
    f"programme.{action}_{model}"
    for model in (
        "unit",
        "contact",
        "survey",
        "achievement",
        "project",
        "secretariat",
        "expert",
        "expertregistration",
        "groupstandardtranslation",
    )
    for action in ("add", "change")
]

# Adoptions, rates and gaps are public facts; every role keeps its own watch-list. Confirming a
# suggested counterpart (tracking.add_adoption) stays with the province.
TRACKING_READ_AND_WATCH = [
    "tracking.view_adoption",
    "tracking.view_watchitem",
    "tracking.add_watchitem",
    "tracking.delete_watchitem",
]
# Comparisons (对标/比对): officers and units compare and review in their scope; confirming and the
# mutual-recognition catalogue stay with city officers and the province.
COMPARE_EDITS = [
    "compare.view_comparison",
    "compare.add_comparison",
    "compare.change_comparison",
    "compare.review_comparison",
    "compare.view_recognition",
]

# code: (name_zh, name_en, scope, permission patterns)
# City and county officers add and change programme records in their region; programmes, targets,
# subsidy policies and payments, designations (programme.designate_unit) and the review of monthly
# reports (programme.review_monthlyreport) stay with the province.
ROLE_SPECS: dict[str, tuple[str, str, str, list[str]]] = {
    "province_admin": (
        "省局管理员",
        "Provincial administrator",
        "all",
        [
            "core.view_*",
            "core.add_region",
            "core.change_region",
            "accounts.*",
            "catalog.*",
            "search.*",
            "programme.*",
            "ledger.*",
            "compare.*",
            "tbt.*",
            "tracking.*",
            "reports.*",
            "jobs.*",
            "notify.*",
        ],
    ),
    "city_officer": (
        "市局工作人员",
        "City officer",
        "region",
        [
            "programme.view_*",
            *LOCAL_RECORD_EDITS,
            "programme.add_monthlyreport",
            "programme.change_monthlyreport",
            "programme.submit_monthlyreport",
            # the unit (enterprise) accounts and registrations of its own region
            "accounts.view_account",
            "accounts.add_account",
            "accounts.change_account",
            "accounts.view_registration",
            "accounts.change_registration",
            "ledger.view_*",
            "ledger.change_task",
            "catalog.view_*",
            *TRACKING_READ_AND_WATCH,
            *COMPARE_EDITS,
            "compare.confirm_comparison",
            "compare.add_recognition",
            "compare.change_recognition",
        ],
    ),
    "city_viewer": (
        "市局只读用户",
        "City read-only user",
        "region",
        [
            "programme.view_*",
            "ledger.view_*",
            "catalog.view_*",
            *TRACKING_READ_AND_WATCH,
            "compare.view_*",
            "accounts.view_account",
            "accounts.view_registration",
        ],
    ),
    "county_officer": (
        "县（市、区）局工作人员",
        "County officer",
        "region",
        [
            "programme.view_*",
            *LOCAL_RECORD_EDITS,
            "ledger.view_*",
            "catalog.view_*",
            *TRACKING_READ_AND_WATCH,
            *COMPARE_EDITS,
        ],
    ),
    "unit_user": (
        "单位用户",
        "Unit user",
        "unit",
        [
            "programme.view_unit",
            "programme.view_contact",
            "programme.view_survey",
            "programme.add_survey",
            "programme.change_survey",
            "programme.view_achievement",
            "programme.add_achievement",
            "programme.change_achievement",
            "programme.view_project",
            "programme.view_secretariat",
            "programme.view_expert",
            "programme.view_designation",
            "programme.view_groupstandardtranslation",
            "catalog.view_*",
            *TRACKING_READ_AND_WATCH,
            *COMPARE_EDITS,
        ],
    ),
}
# Permissions never granted through a pattern (destructive or administrative).
EXCLUDED = {"core.delete_auditlog", "core.change_auditlog", "core.add_auditlog"}


def load_regions() -> None:
    from stdlink.core.models import Region

    province, _ = Region.objects.update_or_create(
        code=PROVINCE[0],
        defaults={
            "name_zh": PROVINCE[1],
            "name_en": PROVINCE[2],
            "level": "province",
            "parent": None,
        },
    )
    for code, zh, en in CITIES:
        Region.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "level": "city", "parent": province}
        )


def load_roles() -> None:
    from django.contrib.auth.models import Permission

    from stdlink.core.models import Role

    all_perms = list(Permission.objects.select_related("content_type"))
    for code, (zh, en, scope, patterns) in ROLE_SPECS.items():
        role, _ = Role.objects.update_or_create(
            code=code, defaults={"name_zh": zh, "name_en": en, "scope": scope, "builtin": True}
        )
        wanted = [
            p
            for p in all_perms
            if (label := f"{p.content_type.app_label}.{p.codename}") not in EXCLUDED
            and any(fnmatch.fnmatchcase(label, pat) for pat in patterns)
        ]
        role.permissions.set(wanted)


def on_post_migrate(sender, app_config=None, using="default", **kwargs) -> None:
    """Run once per migrate, after the last app (so every permission exists)."""
    from django.apps import apps

    # post_migrate is only sent for apps with a models module; wait for the last of those.
    last = [a for a in apps.get_app_configs() if a.models_module is not None][-1]
    if sender is not last and getattr(sender, "label", None) != last.label:
        return
    from django.db import connections

    if "core_region" not in connections[using].introspection.table_names():
        return
    load_regions()
    load_roles()
    for hook in BUILTIN_HOOKS:
        hook()


#: Other apps append zero-argument loaders for their own built-in data (see their apps.py).
BUILTIN_HOOKS: list = []
