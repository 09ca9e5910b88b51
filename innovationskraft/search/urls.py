from django.urls import path

from innovationskraft.search import views
from innovationskraft.search.feeds import CaseListFeed, OrganisationFeed

app_name = "search"
urlpatterns = [
    path("innovationer/", views.case_list, name="cases"),
    path("flode/", CaseListFeed(), name="feed"),
    path("organisationer/<slug:slug>/flode/", OrganisationFeed(), name="organisation_feed"),
    path("sok/", views.search, name="results"),
    path("sok/mojliga-dubbletter/", views.duplicates, name="duplicates"),
    path("sok/liknande/<slug:slug>/", views.related, name="related"),
    path("search/", views.search_redirect, name="redirect"),
]
