from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from innovationskraft.accounts.models import Membership, User
from innovationskraft.core.admin_audit import AuditedAdmin
from innovationskraft.core.audit import AuditAction, audit_record

# What makes a user more than a member: a change to one is recorded as a change of role.
ROLE_FIELDS = ["site_role", "is_staff", "is_superuser", "is_active"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["organisation"]


@admin.register(User)
class UserAdmin(AuditedAdmin, DjangoUserAdmin):
    inlines = [MembershipInline]
    ordering = ["email"]
    list_display = ["email", "first_name", "last_name", "site_role", "is_staff", "is_active"]
    list_filter = ["site_role", "is_staff", "is_active"]
    search_fields = ["email", "first_name", "last_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Personal info"), {"fields": ["first_name", "last_name"]}),
        (
            _("Permissions"),
            {
                "fields": [
                    "is_active",
                    "site_role",
                    "is_staff",
                    "is_superuser",
                    "groups",
                    "user_permissions",
                ]
            },
        ),
        (_("Important dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [
        (None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]}),
    ]

    def save_model(self, request, obj, form, change):
        roles = {name: form.initial.get(name) for name in ROLE_FIELDS} if change else {}
        super().save_model(request, obj, form, change)
        changed = {n: [roles[n], getattr(obj, n)] for n in roles if roles[n] != getattr(obj, n)}
        if changed:
            audit_record(
                actor=request.user,
                action=AuditAction.SITE_ROLE_CHANGED,
                target=obj,
                detail={"changed": changed},
            )
