"""`stdlink apitoken create USER NAME` (prints the token once), `stdlink apitoken revoke ID`,
`stdlink apitoken list [USER]` — the administrators' way to hand out and withdraw API tokens."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from stdlink.core.models import ApiToken
from stdlink.core.services.tokens import create_token, revoke_token


class Command(BaseCommand):
    help = "个人 API 令牌 / personal API tokens: create, revoke, list"

    def add_arguments(self, parser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        create = sub.add_parser("create")
        create.add_argument("username")
        create.add_argument("name")
        revoke = sub.add_parser("revoke")
        revoke.add_argument("id", type=int)
        listing = sub.add_parser("list")
        listing.add_argument("username", nargs="?")

    def handle(self, *args, action: str, **opts) -> None:
        # The command line is the administrator: it acts as a superuser (the first one, if any).
        User = get_user_model()
        admin = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if action == "create":
            user = User.objects.filter(username=opts["username"]).first()
            if user is None:
                raise CommandError(f"用户不存在 / no such user: {opts['username']}")
            token, text = create_token(acting_user=admin or user, user=user, name=opts["name"])
            self.stdout.write(f"{token.pk}\t{text}")
        elif action == "revoke":
            token = ApiToken.objects.filter(pk=opts["id"]).first()
            if token is None:
                raise CommandError(f"令牌不存在 / no such token: {opts['id']}")
            revoke_token(acting_user=admin or token.user, token=token)
            self.stdout.write(f"revoked {token.pk}")
        else:
            qs = ApiToken.objects.select_related("user")
            if opts.get("username"):
                qs = qs.filter(user__username=opts["username"])
            for t in qs:
                state = "revoked" if t.revoked else "active"
                self.stdout.write(
                    f"{t.pk}\t{t.user}\t{t.name}\t{t.hint}…\t{state}\t{t.last_used or '-'}"
                )
