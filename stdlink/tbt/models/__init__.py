from .comment import Answer, CommentCase, Invitation, TradeConcern
from .notification import CitedStandard, Notification, NotificationHs, NotificationIcs
from .reference import Country, HsCode, IcsHsPair
from .subscription import Alert, RiskRule, Subscription

__all__ = [
    "Answer",
    "CommentCase",
    "Invitation",
    "TradeConcern",
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
