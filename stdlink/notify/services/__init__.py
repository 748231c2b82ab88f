"""The notification service. `notify()` is the one entry point for every capability."""

from stdlink.notify.services.inbox import mark_all_read, mark_read
from stdlink.notify.services.mail import mail_address
from stdlink.notify.services.send import notify, preferences_for, translated

__all__ = [
    "mail_address",
    "mark_all_read",
    "mark_read",
    "notify",
    "preferences_for",
    "translated",
]
