"""Refuse webhook URLs that reach private, loopback, link-local or otherwise non-public addresses
(SSRF), unless an administrator allowed private addresses for that webhook. The host is resolved
and every address it resolves to is checked, when the webhook is saved and before each delivery
(a name can be re-pointed after it was checked)."""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError


def _public(ip: ipaddress._BaseAddress) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    return ip.is_global and not (ip.is_multicast or ip.is_reserved or ip.is_unspecified)


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise ValidationError(
            f"无法解析主机“{host}” / cannot resolve host {host!r}", code="unresolvable"
        ) from None
    return sorted({info[4][0] for info in infos})


def check_url(url: str, *, allow_private: bool = False) -> list[str]:
    """Return the addresses `url` resolves to; raise ValidationError when it may not be used."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise ValidationError("只允许 http(s) 地址 / only http and https URLs", code="scheme")
    host = parts.hostname
    if not host:
        raise ValidationError("地址缺少主机名 / the URL has no host", code="host")
    if parts.username or parts.password:
        raise ValidationError(
            "地址中不能包含用户名或密码 / no user name or password in the URL", code="userinfo"
        )
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise ValidationError("端口无效 / invalid port", code="port") from None
    addresses = resolve(host, port)
    if not allow_private:
        bad = [a for a in addresses if not _public(ipaddress.ip_address(a.split("%")[0]))]
        if bad:
            raise ValidationError(
                f"“{host}”指向内网、本机或链路本地地址（{', '.join(bad)}），已拒绝；"
                f"如确需使用，请管理员允许 / {host!r} resolves to a private, loopback or "
                f"link-local address ({', '.join(bad)}): refused unless an administrator "
                "allows private addresses for this webhook",
                code="private",
            )
    return addresses
