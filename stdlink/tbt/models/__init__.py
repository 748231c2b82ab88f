from .notification import CitedStandard, Notification, NotificationHs, NotificationIcs
from .reference import Country, HsCode, IcsHsPair
from .subscription import Alert, RiskRule, Subscription

__all__ = [
    "Alert",
    "CitedStandard",
    "Country",
    "HsCode",
    "IcsHsPair",
    "Notification",
    "NotificationHs",
    "NotificationIcs",
    "RiskRule",
    "Subscription",
]
