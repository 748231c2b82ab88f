from django.contrib import admin

from stdlink.notify.models import Delivery, Digest, Notification, Preference, Webhook


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["created", "recipient", "kind", "subject", "read_at"]
    list_filter = ["kind"]


@admin.register(Webhook)
class WebhookAdmin(admin.ModelAdmin):
    list_display = ["name", "owner", "safe_url", "active", "allow_private", "last_status"]
    exclude = ["secret"]


admin.site.register(Delivery)
admin.site.register(Digest)
admin.site.register(Preference)
