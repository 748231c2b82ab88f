from stdlink.notify.models.delivery import Delivery, Digest
from stdlink.notify.models.notification import Notification
from stdlink.notify.models.preference import Preference, UserSettings
from stdlink.notify.models.webhook import Webhook

__all__ = ["Delivery", "Digest", "Notification", "Preference", "UserSettings", "Webhook"]
