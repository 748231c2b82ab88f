"""The Atom feed (Django's syndication framework)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils import translation
from django.utils.feedgenerator import Atom1Feed

FEED_ITEMS = 50


class NotificationFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, token: str):
        from stdlink.notify.models import UserSettings

        st = UserSettings.objects.select_related("user").filter(feed_token=token).first()
        if st is None or not st.user.is_active:
            raise Http404
        translation.activate(st.language)
        return st.user

    def title(self, user) -> str:
        return translation.gettext("StdLink notifications for %(user)s") % {
            "user": user.get_username()
        }

    def link(self, user) -> str:
        return settings.SITE_URL + "/notify/"

    def subtitle(self, user) -> str:
        return translation.gettext("Your notifications from StdLink")

    def items(self, user):
        return user.notifications.all()[:FEED_ITEMS]

    def item_title(self, item) -> str:
        return item.subject

    def item_description(self, item) -> str:
        return item.body

    def item_link(self, item) -> str:
        return item.absolute_link() or f"{settings.SITE_URL}/notify/#n{item.pk}"

    def item_guid(self, item) -> str:
        return f"{settings.SITE_URL}/notify/{item.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        return item.created

    def item_updateddate(self, item):
        return item.created

    def item_categories(self, item):
        return [item.kind]
