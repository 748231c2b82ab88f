"""`mail_address(address, subject, body)`: one e-mail to an address, through the job queue.

For the few messages that cannot go through `notify()` because there is no account to tell: the
account is inactive (a rejected self-registration), so notify would drop it, and the person has
no preferences or inbox yet. Queued like notify's e-mails (a `notify.mail` job, retried) and
handed to the queue only when the caller's transaction commits; nothing is sent if it rolls back.
Credentials (password-reset links) do not belong here: they are sent at once by the view asked
for them (see accounts/urls.py).
"""

from __future__ import annotations

from stdlink import jobs


def mail_address(address: str, subject: str, body: str, *, title: str = ""):
    """Queue one plain-text e-mail to `address` (already rendered: the caller chooses the
    languages); returns the Job, or None when there is no address."""
    address = (address or "").strip()
    if not address:
        return None
    return jobs.enqueue("notify.mail", address, subject, body, title=title or "e-mail")
