from .notification import CitedStandard, Notification, NotificationHs, NotificationIcs
from .reference import Country, HsCode, IcsHsPair

__all__ = [
    "CitedStandard",
    "Country",
    "HsCode",
    "IcsHsPair",
    "Notification",
    "NotificationHs",
    "NotificationIcs",
]
