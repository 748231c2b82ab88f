"""TBT pages. Notifications, countries and the dashboard are public (WTO notifications are public
documents); subscriptions and alerts belong to their owner; importing needs tbt.add_notification;
comment cases need tbt.change_commentcase (province staff) or an invitation to the user's unit."""

from __future__ import annotations

import json
from collections import Counter

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from stdlink.core.permissions import has_perm, login, perm, public
from stdlink.core.uploads import validate_upload
from stdlink.tbt.classify.objectives import OBJECTIVES
from stdlink.tbt.filtersets import NotificationFilterSet
from stdlink.tbt.forms import (
    AnswerForm,
    CaseForm,
    ConcernForm,
    ConsolidateForm,
    ImportForm,
    ReplyForm,
    SubscriptionForm,
)
from stdlink.tbt.models import Alert, CommentCase, Country, Invitation, Notification, Subscription
from stdlink.tbt.parsers import TbtParseError
from stdlink.tbt.services import comments
from stdlink.tbt.services.matching import notification_risk
from stdlink.tbt.services.present import cited_standards

STAFF = comments.STAFF
IMPORT = "tbt.add_notification"
GRADE_CLASS = {"red": "danger", "yellow": "warning", "green": "success"}


def _objective_label(code: str) -> str:
    zh, en, _p = OBJECTIVES.get(code, (code, code, ()))
    from django.utils.translation import get_language

    return en if (get_language() or "").startswith("en") else zh


@public
def notification_list(request: HttpRequest) -> HttpResponse:
    qs = Notification.objects.prefetch_related("members").order_by("-distribution_date", "-symbol")
    filterset = NotificationFilterSet(request.GET, queryset=qs)
    filtered = filterset.qs
    facet_ids = filtered.values("pk")
    base = Notification.objects.filter(pk__in=facet_ids)
    facets = {
        "member": list(
            Country.objects.filter(notifications__in=facet_ids)
            .annotate(n=Count("notifications"))
            .order_by("-n", "code")[:15]
        ),
        "kind": list(base.values("kind").annotate(n=Count("pk")).order_by("-n")),
        "status": list(base.values("status").annotate(n=Count("pk")).order_by("-n")),
        "hs2": list(
            base.filter(hs_codes__inferred=False)
            .values("hs_codes__hs2")
            .annotate(n=Count("pk", distinct=True))
            .order_by("-n")[:12]
        ),
        "year": list(
            base.exclude(distribution_date=None)
            .values("distribution_date__year")
            .annotate(n=Count("pk"))
            .order_by("-distribution_date__year")[:12]
        ),
        "bri": base.filter(members__bri=True).distinct().count(),
    }
    obj_counts = Counter(
        o for objs in base.values_list("objectives", flat=True) for o in (objs or [])
    )
    facets["objective"] = [(k, _objective_label(k), n) for k, n in obj_counts.most_common()]
    kinds = dict(Notification.Kind.choices)
    statuses = dict(Notification.Status.choices)
    page = Paginator(filtered, 50).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return render(
        request,
        "tbt/notification_list.html",
        {
            "filter": filterset,
            "page": page,
            "facets": facets,
            "kinds": kinds,
            "statuses": statuses,
            "query": params.urlencode(),
            "can_import": has_perm(request.user, IMPORT),
            "total": filtered.count(),
        },
    )


@public
def notification_detail(request: HttpRequest, pk: int) -> HttpResponse:
    n = get_object_or_404(
        Notification.objects.prefetch_related("members", "hs_codes", "ics_codes"), pk=pk
    )
    chain = list(
        Notification.objects.filter(root_symbol=n.root_symbol)
        .order_by("distribution_date", "kind", "kind_number")
        .prefetch_related("members")
    )
    related = list(
        Notification.objects.filter(symbol__in=n.related_symbols or []).values("pk", "symbol")
    )
    related_known = {r["symbol"]: r["pk"] for r in related}
    is_staff = has_perm(request.user, STAFF)
    alerts = Alert.objects.filter(notification=n, kind="alert").select_related(
        "subscription__owner", "subscription__unit"
    )
    if not is_staff:
        alerts = (
            alerts.filter(subscription__owner=request.user)
            if request.user.is_authenticated
            else alerts.none()
        )
    return render(
        request,
        "tbt/notification_detail.html",
        {
            "n": n,
            "chain": chain,
            "related": [(s, related_known.get(s)) for s in n.related_symbols or []],
            "cited": cited_standards(n),
            "objectives": [_objective_label(o) for o in n.objectives or []],
            "alerts": alerts,
            "grade_class": GRADE_CLASS,
            "is_staff": is_staff,
            "cases": n.comment_cases.all() if is_staff else [],
            "risk": notification_risk(n),
            "case_form": CaseForm(initial={"internal_deadline": n.comment_deadline})
            if is_staff
            else None,
        },
    )


@public
def country_list(request: HttpRequest) -> HttpResponse:
    countries = Country.objects.annotate(n=Count("notifications")).order_by("-bri", "-n", "code")
    show = request.GET.get("show", "bri")
    if show == "bri":
        countries = countries.filter(bri=True)
    elif show == "notifying":
        countries = countries.filter(n__gt=0)
    return render(request, "tbt/country_list.html", {"countries": countries, "show": show})


@public
def country_detail(request: HttpRequest, code: str) -> HttpResponse:
    c = get_object_or_404(Country, code=code.upper())
    qs = c.notifications.order_by("-distribution_date", "-symbol")
    return render(
        request,
        "tbt/country_detail.html",
        {
            "c": c,
            "page": Paginator(qs, 50).get_page(request.GET.get("page")),
            "total": qs.count(),
            "open": qs.filter(status="open").count(),
        },
    )


def statistics() -> dict:
    """Counts by member, HS chapter, month, objective; Belt and Road share; open for comment."""
    qs = Notification.objects.all()
    total = qs.count()
    bri = qs.filter(members__bri=True).distinct().count()
    by_member = list(
        Country.objects.annotate(n=Count("notifications"))
        .filter(n__gt=0)
        .order_by("-n", "code")[:15]
    )
    by_hs = list(
        qs.filter(hs_codes__inferred=False)
        .values("hs_codes__hs2")
        .annotate(n=Count("pk", distinct=True))
        .order_by("-n")[:15]
    )
    months = Counter(
        d.strftime("%Y-%m")
        for d in qs.exclude(distribution_date=None).values_list("distribution_date", flat=True)
    )
    objectives = Counter(
        o for objs in qs.values_list("objectives", flat=True) for o in (objs or [])
    )
    return {
        "total": total,
        "open": qs.filter(status="open").count(),
        "bri": bri,
        "bri_share": round(100 * bri / total, 1) if total else 0,
        "by_member": [(c.code, c.display_name, c.n) for c in by_member],
        "by_hs": [(r["hs_codes__hs2"], r["n"]) for r in by_hs],
        "by_month": sorted(months.items())[-24:],
        "by_objective": [(k, _objective_label(k), n) for k, n in objectives.most_common()],
    }


@public
def dashboard(request: HttpRequest) -> HttpResponse:
    stats = statistics()
    chart = {
        "members": {
            "labels": [m[1] for m in stats["by_member"]],
            "values": [m[2] for m in stats["by_member"]],
        },
        "months": {
            "labels": [m[0] for m in stats["by_month"]],
            "values": [m[1] for m in stats["by_month"]],
        },
        "hs": {"labels": [h[0] for h in stats["by_hs"]], "values": [h[1] for h in stats["by_hs"]]},
    }
    return render(request, "tbt/dashboard.html", {"stats": stats, "chart": chart})


@perm(IMPORT)
def import_view(request: HttpRequest) -> HttpResponse:
    from stdlink.tbt.services.imports import import_files

    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        files = []
        try:
            for f in request.FILES.getlist("files"):
                validate_upload(f, {"txt", "docx", "xlsx"})
                files.append((f.name, f.read()))
            if form.cleaned_data.get("text", "").strip():
                files.append(("pasted", form.cleaned_data["text"].encode("utf-8")))
            res = import_files(files, acting_user=request.user)
        except (ValidationError, TbtParseError) as exc:
            messages.error(
                request,
                _("Nothing was imported: %(error)s")
                % {"error": "; ".join(getattr(exc, "messages", [str(exc)]))},
            )
        else:
            messages.success(
                request,
                _("%(created)d created, %(updated)d updated, %(unchanged)d unchanged.")
                % {
                    "created": len(res.created),
                    "updated": len(res.updated),
                    "unchanged": len(res.unchanged),
                },
            )
            if len(res.symbols) == 1:
                return redirect(
                    "tbt:notification-detail", Notification.objects.get(symbol=res.symbols[0]).pk
                )
            return redirect("tbt:notification-list")
    return render(request, "tbt/import.html", {"form": form})


# -- subscriptions and alerts ----------------------------------------------------------------


def _user_subscriptions(user):
    from stdlink.tbt.services.comments import user_unit_ids

    return Subscription.objects.filter(Q(owner=user) | Q(unit_id__in=user_unit_ids(user)))


@login
def subscription_list(request: HttpRequest) -> HttpResponse:
    from stdlink.core.services.audit import log_change
    from stdlink.tbt.services.comments import user_unit_ids

    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        units = sorted(user_unit_ids(request.user))
        s = Subscription.objects.create(
            owner=request.user, unit_id=units[0] if units else None, **data
        )
        log_change(
            acting_user=request.user,
            obj=s,
            action="create",
            after={"name": s.name, "hs": s.hs_codes},
        )
        from stdlink.tbt.services.matching import match_notifications

        new = match_notifications(
            list(Notification.objects.filter(status="open").values_list("pk", flat=True)),
            acting_user=request.user,
            subscription_ids=[s.pk],
        )
        messages.success(
            request,
            _("Subscription saved; %(n)d open notifications match it.")
            % {"n": sum(1 for a in new if a.subscription_id == s.pk)},
        )
        return redirect("tbt:subscriptions")
    subs = _user_subscriptions(request.user).annotate(n_alerts=Count("alerts"))
    return render(request, "tbt/subscriptions.html", {"form": form, "subscriptions": subs})


@login
@require_POST
def subscription_delete(request: HttpRequest, pk: int) -> HttpResponse:
    from stdlink.core.services.audit import log_change

    s = get_object_or_404(_user_subscriptions(request.user), pk=pk)
    log_change(acting_user=request.user, obj=s, action="delete", before={"name": s.name})
    s.delete()
    return redirect("tbt:subscriptions")


@login
def alert_list(request: HttpRequest) -> HttpResponse:
    alerts = (
        Alert.objects.filter(subscription__in=_user_subscriptions(request.user))
        .select_related("notification", "subscription")
        .order_by("-created")
    )
    grade = request.GET.get("grade")
    if grade in GRADE_CLASS:
        alerts = alerts.filter(grade=grade)
    return render(
        request,
        "tbt/alerts.html",
        {
            "page": Paginator(alerts, 50).get_page(request.GET.get("page")),
            "grade_class": GRADE_CLASS,
        },
    )


# -- comment workflow ------------------------------------------------------------------------


def _case_for(user, pk: int):
    """(case, is_staff, invitation of the user's unit): 404 for anyone else."""
    case = get_object_or_404(CommentCase.objects.select_related("notification"), pk=pk)
    if has_perm(user, STAFF):
        return case, True, None
    inv = Invitation.objects.filter(case=case, unit_id__in=comments.user_unit_ids(user)).first()
    if inv is None:
        raise Http404
    return case, False, inv


@perm(STAFF)
@require_POST
def case_open(request: HttpRequest, pk: int) -> HttpResponse:
    n = get_object_or_404(Notification, pk=pk)
    form = CaseForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give an internal deadline."))
        return redirect("tbt:notification-detail", pk)
    case = comments.open_case(n, acting_user=request.user, **form.cleaned_data)
    invited = comments.invite_matching_units(case, acting_user=request.user)
    messages.success(request, _("Case opened; %(n)d units invited.") % {"n": len(invited)})
    return redirect("tbt:case-detail", case.pk)


@login
def case_list(request: HttpRequest) -> HttpResponse:
    if has_perm(request.user, STAFF):
        cases = CommentCase.objects.select_related("notification")
    else:
        cases = (
            CommentCase.objects.filter(
                invitations__unit_id__in=comments.user_unit_ids(request.user)
            )
            .select_related("notification")
            .distinct()
        )
    return render(request, "tbt/case_list.html", {"cases": cases})


@login
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case, is_staff, inv = _case_for(request.user, pk)
    answer_form = AnswerForm(request.POST or None, request.FILES or None) if inv else None
    if request.method == "POST" and inv is not None:
        if answer_form.is_valid():
            try:
                comments.answer(
                    inv,
                    text=answer_form.cleaned_data["text"],
                    attachment=answer_form.cleaned_data.get("attachment"),
                    acting_user=request.user,
                )
            except ValidationError as exc:
                messages.error(request, "; ".join(exc.messages))
            else:
                messages.success(request, _("Your comment was submitted."))
                return redirect("tbt:case-detail", pk)
    invitations = case.invitations.select_related("unit").prefetch_related("answers")
    if not is_staff:
        invitations = invitations.filter(pk=inv.pk)
    return render(
        request,
        "tbt/case_detail.html",
        {
            "case": case,
            "is_staff": is_staff,
            "invitations": invitations,
            "answer_form": answer_form,
            "consolidate_form": ConsolidateForm(
                initial={"text_zh": case.text_zh or _draft(case), "text_en": case.text_en}
            )
            if is_staff
            else None,
            "reply_form": ReplyForm() if is_staff else None,
            "concern_form": ConcernForm() if is_staff else None,
            "today": timezone.localdate(),
        },
    )


def _draft(case) -> str:
    parts = []
    for inv in case.invitations.select_related("unit").prefetch_related("answers"):
        for a in inv.answers.all():
            parts.append(f"【{inv.unit.name}】{a.text}")
    return "\n".join(parts)


@perm(STAFF)
@require_POST
def case_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    case, _staff, _inv = _case_for(request.user, pk)
    try:
        if action == "consolidate":
            form = ConsolidateForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Write the consolidated comments in both languages."))
            comments.consolidate(case, acting_user=request.user, **form.cleaned_data)
        elif action == "submit":
            comments.submit(case, acting_user=request.user)
        elif action == "reply":
            form = ReplyForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Write the reply."))
            comments.record_reply(case, acting_user=request.user, **form.cleaned_data)
        elif action == "escalate":
            form = ConcernForm(request.POST)
            if not form.is_valid():
                raise ValidationError(_("Fill in the concern and the talking points."))
            comments.escalate(case, acting_user=request.user, **form.cleaned_data)
        else:
            raise Http404
    except ValidationError as exc:
        messages.error(request, "; ".join(exc.messages))
    return redirect("tbt:case-detail", pk)


@perm(STAFF)
def case_export(request: HttpRequest, pk: int, fmt: str) -> HttpResponse:
    case, _staff, _inv = _case_for(request.user, pk)
    name = case.notification.symbol.replace("/", "_")
    if fmt == "docx":
        data, ctype = (
            comments.submission_docx(case),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        )
    elif fmt == "xlsx":
        data, ctype = (
            comments.submission_xlsx(case),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        raise Http404
    resp = HttpResponse(data, content_type=ctype)
    resp["Content-Disposition"] = f'attachment; filename="{name}_comments.{fmt}"'
    return resp


def chart_json(data) -> str:
    return json.dumps(data, ensure_ascii=False)


__all__ = ["PermissionDenied"]
