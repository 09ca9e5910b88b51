"""Atom feeds of the library, for anyone without an account: the case list with the same filters
and words as the list and the search page (so any search can be followed in a feed reader),
and an organisation's cases. Newest published first."""

from django.contrib.syndication.views import Feed
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from innovationskraft.cases.models import Case, Organisation
from innovationskraft.search.filters import CaseFilters
from innovationskraft.search.selectors import case_search

ITEMS = 50


class CaseListFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request: HttpRequest, *args, **kwargs):
        return CaseFilters.from_query(request.GET)

    def _query(self, filters) -> str:
        values = {"q": filters.q, **filters.active()} if filters.q else filters.active()
        return f"?{urlencode(values)}" if values else ""

    def title(self, filters) -> str:
        if filters.q:
            return _("Innovationskraft: innovations matching “%(q)s”") % {"q": filters.q}
        return _("Innovationskraft: new innovations")

    def subtitle(self, filters) -> str:
        return _("The newest published innovations of the library that match the list's filters.")

    def link(self, filters) -> str:
        return reverse("search:cases") + self._query(filters)

    def feed_url(self, filters) -> str:
        return reverse("search:feed") + self._query(filters)

    def items(self, filters) -> list[Case]:
        newest = filters.with_values(sort="newest")
        return list(case_search(filters=newest, page_size=ITEMS).page.object_list)

    def item_title(self, case: Case) -> str:
        return case.title

    def item_description(self, case: Case) -> str:
        return case.summary

    def item_link(self, case: Case) -> str:
        return case.get_absolute_url()

    def item_pubdate(self, case: Case):
        return case.published_at

    def item_updateddate(self, case: Case):
        return case.updated_at

    def item_author_name(self, case: Case) -> str:
        return case.lead_organisation.name


class OrganisationFeed(CaseListFeed):
    """The cases an organisation leads or takes part in; the feed's object is the organisation."""

    def get_object(self, request: HttpRequest, *args, **kwargs):
        return get_object_or_404(Organisation, slug=kwargs["slug"])

    def title(self, organisation: Organisation) -> str:
        return _("Innovationskraft: innovations of %(organisation)s") % {
            "organisation": organisation.name
        }

    def link(self, organisation: Organisation) -> str:
        return organisation.get_absolute_url()

    def feed_url(self, organisation: Organisation) -> str:
        return reverse("search:organisation_feed", args=[organisation.slug])

    def items(self, organisation: Organisation) -> list[Case]:
        return super().items(CaseFilters(organisation=organisation.slug))
