"""`stdlink accounts list|activate|deactivate|reset-password` — account administration from a
shell. Changes go through the audited services of stdlink.accounts.services.accounts, acting as
the operator's own account (`--as LOGIN`), so the same permission checks apply as on the pages
and the audit log names who did it."""

from __future__ import annotations

import argparse

from stdlink.clitools import fail, setup_django


def _account(username: str):
    from stdlink.accounts.models import Account

    return Account.objects.filter(username=username).first()


def _operator(username: str):
    """The operator's active account, or None."""
    account = _account(username)
    return account if account is not None and account.is_active else None


def _cmd_list(a: argparse.Namespace) -> int:
    setup_django()
    from stdlink.accounts.filtersets import AccountFilterSet
    from stdlink.accounts.models import Account
    from stdlink.core.models import Region

    data: dict[str, object] = {}
    if a.region:
        region = Region.objects.filter(code=a.region).first()
        if region is None:
            return fail(f"没有地区 / no such region: {a.region}")
        data["region"] = region.pk
    if a.inactive or a.active:
        data["is_active"] = bool(a.active)
    if a.q:
        data["q"] = a.q
    filterset = AccountFilterSet(data, queryset=Account.objects.order_by("username"))
    if not filterset.is_valid():
        return fail(f"参数无效 / invalid filter: {filterset.errors.as_text()}")
    accounts = filterset.qs.prefetch_related("memberships__role", "memberships__region")
    count = 0
    for account in accounts:
        count += 1
        state = "active  " if account.is_active else "INACTIVE"
        roles = ", ".join(
            f"{m.role.code}@{m.region.code}" + (f"#unit{m.unit_id}" if m.unit_id else "")
            for m in account.memberships.all()
        )
        print(
            f"{account.username:<24} {state} {account.get_full_name() or '-':<16} "
            f"{account.email or '-':<32} {roles or '-'}"
        )
    print(f"共 {count} 个账户 / {count} account(s)")
    return 0


def _change(a: argparse.Namespace, change) -> int:
    """Run `change(operator, account)` (an audited service call) and report refusals."""
    setup_django()
    from django.core.exceptions import PermissionDenied, ValidationError

    operator = _operator(a.operator)
    if operator is None:
        return fail(f"操作人账户不存在或已停用 / no active operator account: {a.operator}")
    account = _account(a.username)
    if account is None:
        return fail(f"账户不存在 / no such account: {a.username}", code=1)
    try:
        change(operator, account)
    except PermissionDenied as exc:
        return fail(f"不允许 / not allowed: {exc}", code=1)
    except ValidationError as exc:
        return fail("; ".join(exc.messages), code=1)
    return 0


def _cmd_set_active(a: argparse.Namespace) -> int:
    from stdlink.accounts.services import accounts as svc

    def change(operator, account) -> None:
        svc.set_active(acting_user=operator, account=account, active=a.active)
        verb = "已启用 / activated" if a.active else "已停用 / deactivated"
        print(f"{verb}: {account.username}")

    return _change(a, change)


def _cmd_reset_password(a: argparse.Namespace) -> int:
    from stdlink.accounts.services import accounts as svc

    def change(operator, account) -> None:
        password = svc.reset_password(acting_user=operator, account=account)
        print(f"新的一次性密码 / new one-time password for {account.username}: {password}")

    return _change(a, change)


def register(subparsers: argparse._SubParsersAction) -> None:
    p = subparsers.add_parser(
        "accounts", help="用户账户 / user accounts: list, activate, deactivate, reset-password"
    )
    sub = p.add_subparsers(dest="accounts_cmd", required=True)

    q = sub.add_parser("list", help="列出账户 / list accounts")
    q.add_argument("--region", default="", help="地区代码及下级 / region code (and below)")
    state = q.add_mutually_exclusive_group()
    state.add_argument("--inactive", action="store_true", help="仅已停用 / deactivated only")
    state.add_argument("--active", action="store_true", help="仅启用中 / active only")
    q.add_argument("--q", default="", help="姓名、登录名或邮箱 / name, login or e-mail contains")
    q.set_defaults(func=_cmd_list)

    for name, active, text in (
        ("activate", True, "启用账户 / reactivate an account"),
        ("deactivate", False, "停用账户（无法登录，记录保留）/ deactivate (records stay)"),
    ):
        q = sub.add_parser(name, help=text)
        q.add_argument("username", help="账户登录名 / the account's login name")
        _operator_argument(q)
        q.set_defaults(func=_cmd_set_active, active=active)

    q = sub.add_parser(
        "reset-password", help="重置为一次性密码（仅显示一次）/ new one-time password, shown once"
    )
    q.add_argument("username", help="账户登录名 / the account's login name")
    _operator_argument(q)
    q.set_defaults(func=_cmd_reset_password)


def _operator_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--as",
        dest="operator",
        required=True,
        metavar="LOGIN",
        help="操作人（须有管理该账户的权限，记入审计日志）/ "
        "your own account: it must be allowed to manage this one; the audit log names it",
    )
