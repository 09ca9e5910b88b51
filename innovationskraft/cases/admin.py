from typing import Any

from django import forms
from django.contrib import admin
from django.db import models
from django.utils.translation import gettext_lazy as _

from innovationskraft.cases import contract
from innovationskraft.cases.models import (
    Adoption,
    Case,
    CaseLink,
    CasePartner,
    Organisation,
    ReviewDecision,
    Tag,
    Term,
)
from innovationskraft.cases.names import other_names
from innovationskraft.cases.services import (
    case_recount_adoptions,
    case_saved_elsewhere,
    organisation_names_changed,
    organisation_set_trusted,
    tag_renamed,
    tags_delete,
    term_labels_changed,
    terms_delete,
)
from innovationskraft.core.admin_audit import AuditedAdmin

# Addresses typed without a scheme are read as https, as Django 6 will do.
ADDRESSES: dict[type[models.Field], dict[str, Any]] = {models.URLField: {"assume_scheme": "https"}}


class AliasesField(forms.Field):
    """Other names, one a line, kept as a list."""

    widget = forms.Textarea(attrs={"rows": 3})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value) -> list[str]:
        lines = (line.strip() for line in str(value or "").splitlines())
        return list(dict.fromkeys(line for line in lines if line))


@admin.register(Organisation)
class OrganisationAdmin(AuditedAdmin):
    formfield_overrides = ADDRESSES
    list_display = ["name", "other_names", "kind", "official_code", "county_code", "country"]
    list_display += ["trusted"]
    list_filter = ["kind", "country", "trusted"]
    search_fields = ["name", "aliases", "official_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]
    # Trust is given through its service, which tells the moderators (see the actions).
    readonly_fields = ["trusted"]
    actions = ["trust", "stop_trusting"]

    @admin.action(description=_("Trust: changes by its editors go live at once"))
    def trust(self, request, queryset):
        for organisation in queryset:
            organisation_set_trusted(actor=request.user, organisation=organisation, trusted=True)

    @admin.action(description=_("Stop trusting: changes by its editors wait for review"))
    def stop_trusting(self, request, queryset):
        for organisation in queryset:
            organisation_set_trusted(actor=request.user, organisation=organisation, trusted=False)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "aliases":
            return AliasesField(
                label=_("Other names"),
                required=False,
                help_text=_(
                    "One a line: an acronym, the name in another language, an earlier name. An "
                    "import that names the organisation so finds it instead of creating it again."
                ),
            )
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"name", "aliases"} & set(form.changed_data):
            organisation_names_changed(actor=request.user, organisation=obj)

    @admin.display(description=_("other names"))
    def other_names(self, organisation: Organisation) -> str:
        return ", ".join(other_names(organisation.aliases))


@admin.register(Term)
class TermAdmin(admin.ModelAdmin):
    list_display = ["label_sv", "label_en", "vocabulary", "code", "parent", "position"]
    list_filter = ["vocabulary"]
    search_fields = ["label_sv", "label_en", "code"]
    list_select_related = ["parent"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and {"label_sv", "label_en"} & set(form.changed_data):
            term_labels_changed(actor=request.user, term=obj)

    def delete_model(self, request, obj):
        terms_delete(actor=request.user, terms=[obj])

    def delete_queryset(self, request, queryset):
        terms_delete(actor=request.user, terms=queryset)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    search_fields = ["name"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "name" in form.changed_data:
            tag_renamed(actor=request.user, tag=obj)

    def delete_model(self, request, obj):
        tags_delete(actor=request.user, tags=[obj])

    def delete_queryset(self, request, queryset):
        tags_delete(actor=request.user, tags=queryset)


class CaseLinkInline(admin.TabularInline):
    model = CaseLink
    formfield_overrides = ADDRESSES
    extra = 0


class CasePartnerInline(admin.TabularInline):
    """Partners in the order given; one a moderator adds here needs no confirmation."""

    model = CasePartner
    extra = 0
    autocomplete_fields = ["organisation"]
    ordering = ["id"]


class AdoptionInline(admin.TabularInline):
    model = Adoption
    extra = 0
    autocomplete_fields = ["organisation"]
    exclude = ["recorded_by"]


class ReviewDecisionInline(admin.TabularInline):
    model = ReviewDecision
    extra = 0
    readonly_fields = ["moderator", "outcome", "comment", "created_at"]
    can_delete = False


@admin.register(Case)
class CaseAdmin(AuditedAdmin):
    """For moderators and administrators; case owners use the site's own forms. Saves go
    through `case_saved_elsewhere`, so the index and the history follow as for every write.
    The case's history is on the site (`/innovationer/<slug>/historik/`)."""

    list_display = ["title", "lead_organisation", "stage", "status", "adoption_count"]
    list_filter = ["status", "stage", "facet", "language"]
    search_fields = ["title", "summary", "lead_organisation__name"]
    list_select_related = ["lead_organisation"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["lead_organisation", "sector", "inspired_by", "tags"]
    filter_horizontal = [
        "innovation_types", "target_groups", "barriers", "enablers", "effects", "sdgs",
    ]  # fmt: skip
    # Provenance (source, source_identifier, harvested_at) is written by the import only: a
    # changed key would make the next harvest add the case again.
    readonly_fields = ["created_by", "created_at", "updated_at", "adoption_count"]
    readonly_fields += ["source", "source_identifier", "harvested_at"]
    inlines = [CasePartnerInline, CaseLinkInline, AdoptionInline, ReviewDecisionInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "description", "language", "status"]}),
        (_("Who"), {"fields": ["lead_organisation", "contact_name", "contact_email"]}),
        (
            _("Classification"),
            {"fields": ["stage", "start_year", "sector", "facet", "innovation_types"]},
        ),
        (
            _("Users and effects"),
            {
                "fields": [
                    "target_groups",
                    "user_involvement",
                    "effects",
                    "effects_evaluated",
                    "evidence",
                    "evaluation",
                ]
            },
        ),
        (
            _("Barriers and enablers"),
            {"fields": ["barriers", "barriers_text", "enablers", "enablers_text", "sdgs"]},
        ),
        (_("Keywords and links"), {"fields": ["tags", "inspired_by"]}),
        (
            _("Record"),
            {
                "fields": [
                    "published_at",
                    "created_by",
                    "created_at",
                    "updated_at",
                    "adoption_count",
                    "source",
                    "source_identifier",
                    "harvested_at",
                ]
            },
        ),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        # The contract's limits on texts whose column has none (the description's).
        case_field = contract.BY_NAME.get(db_field.name)
        if case_field is not None and case_field.max_length:
            kwargs["max_length"] = case_field.max_length
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        case = form.instance
        Case.objects.filter(pk=case.pk).update(adoption_count=case.adoptions.count())
        case_saved_elsewhere(actor=request.user, case=case, created=not change)

    def delete_queryset(self, request, queryset):
        # One by one, so that each deletion reaches the listeners (post_delete).
        for case in queryset:
            case.delete()


@admin.register(Adoption)
class AdoptionAdmin(admin.ModelAdmin):
    list_display = ["case", "organisation", "year", "how"]
    list_filter = ["how"]
    search_fields = ["case__title", "organisation__name"]
    autocomplete_fields = ["case", "organisation"]
    exclude = ["recorded_by"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        case_recount_adoptions(actor=request.user, case=obj.case)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        case_recount_adoptions(actor=request.user, case=obj.case)

    def delete_queryset(self, request, queryset):
        cases = {adoption.case for adoption in queryset.select_related("case")}
        super().delete_queryset(request, queryset)
        for case in cases:
            case_recount_adoptions(actor=request.user, case=case)
