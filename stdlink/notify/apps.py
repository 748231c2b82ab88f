from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotifyConfig(AppConfig):
    name = "stdlink.notify"
    label = "notify"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from stdlink.core import navigation
        from stdlink.notify import kinds

        # In the identity menu: the header's ✉ link with the unread count stands for it in the bar.
        navigation.register(
            "inbox", _("Inbox"), "notify:inbox", login=True, order=90, section="user"
        )
        kinds.register_kind(
            "notify.test",
            _("Test notification"),
            description=_("A message you send yourself to check your channels."),
        )
        kinds.register_kind(
            "jobs.finished",
            _("Background job finished"),
            description=_("An import or another job you started has finished or failed."),
        )
