"""mail_address(): one e-mail to an address that is no account's, queued, after commit only."""

from __future__ import annotations

import pytest
from django.core import mail
from django.db import transaction

from stdlink.jobs.models import Job
from stdlink.notify.services import mail_address

pytestmark = pytest.mark.django_db


def test_sent_by_the_queue_after_commit(queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        job = mail_address("x@example.org", "主题 / Subject", "正文\n\nbody", title="t:1")
        assert mail.outbox == []  # not before the commit
    assert len(mail.outbox) == 1
    m = mail.outbox[0]
    assert (m.to, m.subject, m.body) == (["x@example.org"], "主题 / Subject", "正文\n\nbody")
    job.refresh_from_db()
    assert (job.name, job.status, job.title) == ("notify.mail", "succeeded", "t:1")


def test_rolled_back_sends_nothing(queue, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with pytest.raises(RuntimeError), transaction.atomic():
            mail_address("x@example.org", "S", "B")
            raise RuntimeError
    assert mail.outbox == [] and not Job.objects.exists()


def test_no_address_no_job():
    assert mail_address("  ", "S", "B") is None
    assert not Job.objects.exists()
