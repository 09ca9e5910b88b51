"""The admin site, open to staff as Django's is and to the site's moderators, who see there
only what a model's admin grants them (the resources they curate): every other model asks
for Django's own permissions, which a moderator does not have."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest


def is_moderator(request: HttpRequest) -> bool:
    # Duck-typed: the user model lives above core (accounts).
    return bool(getattr(request.user, "is_moderator", False))


def is_administrator(request: HttpRequest) -> bool:
    """The site's administrators and superusers; moderators are not."""
    user = request.user
    if not user.is_active:
        return False
    return bool(user.is_superuser or getattr(user, "site_role", "") == "administrator")


class SiteAdmin(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) or is_moderator(request)


class SiteAdminConfig(AdminConfig):
    default_site = "innovationskraft.core.admin_site.SiteAdmin"


class ModeratedAdmin(admin.ModelAdmin):
    """A model that moderators curate: they may see, add, change and delete it."""

    def has_module_permission(self, request: HttpRequest) -> bool:
        return is_moderator(request) or super().has_module_permission(request)

    def has_view_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_moderator(request) or super().has_view_permission(request, obj)

    def has_add_permission(self, request: HttpRequest) -> bool:
        return is_moderator(request) or super().has_add_permission(request)

    def has_change_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_moderator(request) or super().has_change_permission(request, obj)

    def has_delete_permission(self, request: HttpRequest, obj=None) -> bool:
        return is_moderator(request) or super().has_delete_permission(request, obj)
