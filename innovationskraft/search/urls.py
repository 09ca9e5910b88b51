from django.urls import path

from innovationskraft.search import views

app_name = "search"
urlpatterns = [
    path("innovationer/", views.case_list, name="cases"),
    path("sok/", views.search, name="results"),
    path("sok/mojliga-dubbletter/", views.duplicates, name="duplicates"),
    path("sok/liknande/<slug:slug>/", views.related, name="related"),
    path("search/", views.search_redirect, name="redirect"),
]
