"""Inbox, preferences, webhooks and the private Atom feed. Every page shows only the signed-in
person's own notifications and webhooks (others' are 404)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.core.permissions import has_perm, login, public
from stdlink.notify import kinds as kind_registry
from stdlink.notify.channels.atom.feed import NotificationFeed
from stdlink.notify.forms import LanguageForm, WebhookForm
from stdlink.notify.models import Notification, Preference, UserSettings, Webhook
from stdlink.notify.models.preference import Frequency
from stdlink.notify.services import mark_all_read, mark_read
from stdlink.notify.services.settings import (
    create_webhook,
    delete_webhook,
    renew_feed_token,
    save_preferences,
)


@login
def inbox(request: HttpRequest) -> HttpResponse:
    qs = Notification.objects.filter(recipient=request.user)
    kind = request.GET.get("kind", "")
    unread = request.GET.get("unread") == "1"
    if kind:
        qs = qs.filter(kind=kind)
    if unread:
        qs = qs.filter(read_at__isnull=True)
    page = Paginator(qs, 30).get_page(request.GET.get("page"))
    used = (
        Notification.objects.filter(recipient=request.user)
        .values_list("kind", flat=True)
        .distinct()
    )
    kinds = [(k, kind_registry.label(k)) for k in sorted(set(used))]
    return render(
        request,
        "notify/inbox.html",
        {"page": page, "kinds": kinds, "kind": kind, "unread": unread},
    )


@login
def open_notification(request: HttpRequest, pk: int) -> HttpResponse:
    n = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(n, acting_user=request.user)
    if n.link and url_has_allowed_host_and_scheme(n.link, allowed_hosts={request.get_host()}):
        return redirect(n.link)
    return redirect("notify:inbox")


@login
@require_POST
def read(request: HttpRequest, pk: int) -> HttpResponse:
    n = get_object_or_404(Notification, pk=pk, recipient=request.user)
    mark_read(n, acting_user=request.user)
    if request.htmx:
        return render(request, "notify/_row.html", {"n": n})
    return redirect(request.POST.get("next") or "notify:inbox")


@login
@require_POST
def read_all(request: HttpRequest) -> HttpResponse:
    count = mark_all_read(acting_user=request.user, kind=request.POST.get("kind", ""))
    messages.success(request, _("%(count)d notifications marked read.") % {"count": count})
    return redirect("notify:inbox")


@login
def preferences(request: HttpRequest) -> HttpResponse:
    st = UserSettings.for_user(request.user)
    current = dict(Preference.objects.filter(user=request.user).values_list("kind", "frequency"))
    if request.method == "POST":
        lang_form = LanguageForm(request.POST)
        valid = {f for f, _label in Frequency.choices}
        choices = {
            key: request.POST[f"kind:{key}"]
            for key in kind_registry.KINDS
            if request.POST.get(f"kind:{key}") in valid
        }
        language = lang_form.cleaned_data["language"] if lang_form.is_valid() else None
        save_preferences(request.user, choices, language, acting_user=request.user)
        messages.success(request, _("Notification settings saved."))
        return redirect("notify:preferences")
    rows = [
        {
            "key": k,
            "label": kind.label,
            "description": kind.description,
            "value": current.get(k, kind.default),
        }
        for k, kind in sorted(kind_registry.KINDS.items())
    ]
    feed_url = request.build_absolute_uri(f"/notify/feed/{st.feed_token}/")
    return render(
        request,
        "notify/preferences.html",
        {
            "rows": rows,
            "frequencies": Frequency.choices,
            "lang_form": LanguageForm(initial={"language": st.language}),
            "feed_url": feed_url,
        },
    )


@login
@require_POST
def new_feed_token(request: HttpRequest) -> HttpResponse:
    renew_feed_token(request.user, acting_user=request.user)
    messages.success(request, _("A new feed address was made; the old one no longer works."))
    return redirect("notify:preferences")


@login
@require_POST
def send_test(request: HttpRequest) -> HttpResponse:
    from stdlink.notify.tasks import send_test as do_send

    do_send(request.user)
    messages.success(request, _("A test notification is on its way to all your channels."))
    return redirect("notify:inbox")


def _may_allow_private(user) -> bool:
    return has_perm(user, "notify.allow_private_webhook")


@login
def webhooks(request: HttpRequest) -> HttpResponse:
    may = _may_allow_private(request.user)
    if request.method == "POST":
        form = WebhookForm(request.POST, may_allow_private=may)
        if form.is_valid():
            create_webhook(form, acting_user=request.user)
            messages.success(request, _("Webhook saved."))
            return redirect("notify:webhooks")
    else:
        form = WebhookForm(may_allow_private=may)
    hooks = Webhook.objects.filter(owner=request.user)
    return render(request, "notify/webhooks.html", {"form": form, "hooks": hooks})


@login
@require_POST
def webhook_delete(request: HttpRequest, pk: int) -> HttpResponse:
    hook = get_object_or_404(Webhook, pk=pk, owner=request.user)
    delete_webhook(hook, acting_user=request.user)
    messages.success(request, _("Webhook deleted."))
    return redirect("notify:webhooks")


@public
def feed(request: HttpRequest, token: str) -> HttpResponse:
    """The private Atom feed: the token in the URL is the credential."""
    return NotificationFeed()(request, token=token)
