from django.contrib import admin

from stdlink.jobs.models import Job


@admin.register(Job)
class JobAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "title", "owner", "status", "attempts", "created", "finished"]
    list_filter = ["status", "name"]
    search_fields = ["name", "title", "error"]
    readonly_fields = [f.name for f in Job._meta.fields]
