"""Catalogue REST API: standards, bodies, committees, ICS (public, read-only).

Filtering reuses the filtersets of the list pages, so a URL's query string means the same thing
on /standards/ and /api/v1/standards.
"""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema
from ninja.pagination import paginate

from stdlink.catalog.filtersets import (
    BodyFilterSet,
    CommitteeFilterSet,
    ICSFilterSet,
    StandardFilterSet,
)
from stdlink.catalog.models import ICS, Body, Committee, Standard
from stdlink.core.api_auth import PUBLIC
from stdlink.core.params import Pagination, checked

router = Router(auth=PUBLIC)


class BodySchema(Schema):
    code: str
    name_zh: str
    name_en: str
    kind: str
    country: str
    website: str
    annex1: bool
    annex1_no: int | None


class CommitteeSchema(Schema):
    code: str
    body: str = Field(..., alias="body.code")
    name_en: str
    name_zh: str
    parent: str | None = Field(None, alias="parent.code")


class ICSSchema(Schema):
    code: str
    level: int
    name_en: str
    name_zh: str
    parent: str | None = Field(None, alias="parent.code")


class StandardListSchema(Schema):
    id: int
    identifier: str
    key: str
    body: str = Field(..., alias="body.code")
    doctype: str
    title_en: str
    title_zh: str
    status: str
    stage: str
    year: int | None
    committee: str | None = Field(None, alias="committee.code")


class TitleSchema(Schema):
    language: str
    script: str
    type: str
    text: str


class DateSchema(Schema):
    type: str
    value: dt.date | None
    raw: str


class RelationSchema(Schema):
    type: str
    raw_type: str
    degree: str
    target_identifier: str
    target_id: int | None
    corrected: bool


class IncomingRelationSchema(Schema):
    type: str
    raw_type: str
    degree: str
    source_identifier: str = Field(..., alias="source.identifier")
    source_id: int


class StandardDetailSchema(StandardListSchema):
    work_key: str
    title_other: str
    title_other_lang: str
    published: dt.date | None
    nature: str
    edition: str
    languages: list
    links: list
    abstract: str
    source: str
    titles: list[TitleSchema]
    dates: list[DateSchema]
    ics: list[str]
    ccs: list[str]
    committees: list[str]
    relations: list[RelationSchema]
    incoming_relations: list[IncomingRelationSchema]

    @staticmethod
    def resolve_titles(obj: Standard) -> list:
        return list(obj.titles.all())

    @staticmethod
    def resolve_dates(obj: Standard) -> list:
        return list(obj.dates.all())

    @staticmethod
    def resolve_ics(obj: Standard) -> list[str]:
        return [c.code for c in obj.ics.all()]

    @staticmethod
    def resolve_ccs(obj: Standard) -> list[str]:
        return [c.code for c in obj.ccs.all()]

    @staticmethod
    def resolve_committees(obj: Standard) -> list[str]:
        return [c.code for c in obj.committees.all()]

    @staticmethod
    def resolve_relations(obj: Standard) -> list:
        return list(obj.relations_out.all()[:1000])

    @staticmethod
    def resolve_incoming_relations(obj: Standard) -> list:
        return list(obj.relations_in.select_related("source")[:1000])


@router.get("/standards", response=list[StandardListSchema], summary="标准列表 / list standards")
@paginate(Pagination, page_size=50)
def list_standards(request: HttpRequest):
    """Filters: q, body, doctype, status (repeatable), ics (prefix), ccs, committee, year,
    year_from, year_to, nature, source, work_key."""
    qs = Standard.objects.select_related("body", "committee").order_by("-year", "identifier")
    return checked(StandardFilterSet(request.GET, queryset=qs))


@router.get(
    "/standards/{int:standard_id}",
    response=StandardDetailSchema,
    summary="标准详情 / standard detail",
)
def get_standard(request: HttpRequest, standard_id: int):
    return get_object_or_404(
        Standard.objects.select_related("body", "committee").prefetch_related(
            "titles", "dates", "ics", "ccs", "committees"
        ),
        pk=standard_id,
    )


@router.get("/standards/{int:standard_id}/relaton.yaml", summary="Relaton YAML 导出 / export")
def export_relaton(request: HttpRequest, standard_id: int):
    from stdlink.catalog.exporters import to_relaton_yaml

    standard = get_object_or_404(Standard, pk=standard_id)
    return HttpResponse(to_relaton_yaml(standard), content_type="application/yaml; charset=utf-8")


@router.get("/bodies", response=list[BodySchema], summary="标准组织 / standards bodies")
def list_bodies(request: HttpRequest):
    qs = Body.objects.order_by("-annex1", "annex1_no", "code")
    return checked(BodyFilterSet(request.GET, queryset=qs))


@router.get("/bodies/{code}", response=BodySchema, summary="标准组织详情 / body detail")
def get_body(request: HttpRequest, code: str):
    return get_object_or_404(Body, code=code)


@router.get("/committees", response=list[CommitteeSchema], summary="技术委员会 / committees")
@paginate(Pagination, page_size=100)
def list_committees(request: HttpRequest):
    qs = Committee.objects.select_related("body", "parent").order_by("code")
    return checked(CommitteeFilterSet(request.GET, queryset=qs))


@router.get(
    "/committees/{path:code}", response=CommitteeSchema, summary="技术委员会详情 / committee detail"
)
def get_committee(request: HttpRequest, code: str):
    return get_object_or_404(Committee.objects.select_related("body", "parent"), code=code)


@router.get("/ics", response=list[ICSSchema], summary="ICS 分类 / ICS codes")
@paginate(Pagination, page_size=200)
def list_ics(request: HttpRequest):
    return checked(ICSFilterSet(request.GET, queryset=ICS.objects.select_related("parent")))


@router.get("/ics/{code}", response=ICSSchema, summary="ICS 详情 / ICS code")
def get_ics(request: HttpRequest, code: str):
    return get_object_or_404(ICS.objects.select_related("parent"), code=code)
