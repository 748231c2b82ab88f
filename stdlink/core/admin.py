from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from stdlink.core.models import ApiToken, AuditLog, Membership, Region, Role


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "level", "parent"]
    list_filter = ["level"]
    search_fields = ["code", "name_zh", "name_en"]


@admin.register(Role)
class RoleAdmin(admin.ModelAdmin):
    list_display = ["code", "name_zh", "name_en", "scope", "builtin"]
    filter_horizontal = ["permissions"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "role", "region", "unit_id"]
    list_filter = ["role", "region"]
    autocomplete_fields = ["region"]


@admin.register(AuditLog)
class AuditLogAdmin(admin.ModelAdmin):
    list_display = ["at", "actor", "action", "model", "object_repr", "region"]
    list_filter = ["action", "model"]
    readonly_fields = [f.name for f in AuditLog._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Administrators see every token (never the token itself) and revoke them; new tokens are
    made by their user on /accounts/tokens/ or with `stdlink apitoken create USER NAME`."""

    list_display = ["user", "name", "hint", "created", "last_used", "revoked"]
    list_filter = ["revoked"]
    search_fields = ["user__username", "name", "hint"]
    readonly_fields = ["user", "name", "hint", "created", "last_used", "revoked"]
    actions = ["revoke"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description=_("Revoke selected tokens"), permissions=["change"])
    def revoke(self, request, queryset):
        from stdlink.core.services.tokens import revoke_token

        for token in queryset:
            revoke_token(acting_user=request.user, token=token)
