"""django-tables2 tables of the account pages."""

from __future__ import annotations

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from stdlink.accounts.models import Account, Registration


class AccountTable(tables.Table):
    name = tables.Column(
        verbose_name=_("person's name"),
        accessor="first_name",
        linkify=("accounts:user-detail", {"pk": tables.A("pk")}),
        order_by=("first_name", "username"),
    )
    username = tables.Column(verbose_name=_("login name"))
    roles = tables.TemplateColumn(
        verbose_name=_("role and region"),
        template_name="accounts/_membership_cell.html",
        orderable=False,
    )
    is_active = tables.TemplateColumn(
        verbose_name=_("state"), template_name="accounts/_active_cell.html"
    )
    last_login = tables.DateTimeColumn(verbose_name=_("last login"), format="Y-m-d H:i")

    class Meta:
        model = Account
        fields = ("name", "username", "roles", "is_active", "last_login")
        attrs = {"class": "table table-sm table-hover align-middle"}

    def render_name(self, value, record) -> str:
        return value or record.username


class RegistrationTable(tables.Table):
    organisation = tables.Column(linkify=("accounts:registration-detail", {"pk": tables.A("pk")}))
    uscc = tables.Column()
    region = tables.Column()
    contact_name = tables.Column()
    created = tables.DateTimeColumn(format="Y-m-d H:i")
    state = tables.TemplateColumn(template_name="accounts/_registration_state_cell.html")

    class Meta:
        model = Registration
        fields = ("organisation", "uscc", "region", "contact_name", "created", "state")
        attrs = {"class": "table table-sm table-hover align-middle"}
