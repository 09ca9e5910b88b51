from django.urls import path

from innovationskraft.cases import moderation_views, organisation_views, views

app_name = "cases"
urlpatterns = [
    path("innovationer/ny/", views.case_create, name="create"),
    path("innovationer/<slug:slug>/", views.case_detail, name="detail"),
    path("innovationer/<slug:slug>/redigera/", views.case_edit, name="edit"),
    path("innovationer/<slug:slug>/skicka-till-granskning/", views.case_submit, name="submit"),
    path("innovationer/<slug:slug>/granska/", views.case_review, name="review"),
    path(
        "innovationer/<slug:slug>/granska-andring/",
        moderation_views.change_review,
        name="change_review",
    ),
    path(
        "innovationer/<slug:slug>/partner/<slug:organisation_slug>/",
        moderation_views.partnership_answer,
        name="partnership_answer",
    ),
    path("innovationer/<slug:slug>/historik/", views.case_history, name="history"),
    path(
        "innovationer/<slug:slug>/historik/<int:version_id>/",
        views.case_version,
        name="version",
    ),
    path("innovationer/<slug:slug>/vi-har-infort/", views.adoption_create, name="adopt"),
    path(
        "innovationer/<slug:slug>/vi-har-infort/<int:adoption_id>/ta-tillbaka/",
        views.adoption_withdraw,
        name="adoption_withdraw",
    ),
    path("granskning/", views.review_queue, name="review_queue"),
    path("mina-innovationer/", views.my_cases, name="mine"),
    path("organisationer/", views.organisation_list, name="organisations"),
    # Not a slug (it has a dot), so no organisation's page can take its address.
    path(
        "organisationer/forslag.json",
        organisation_views.suggestions,
        name="organisation_suggestions",
    ),
    path("organisationer/<slug:slug>/", views.organisation_detail, name="organisation"),
    path(
        "organisationer/<slug:slug>/fortroende/",
        moderation_views.organisation_trust,
        name="organisation_trust",
    ),
    path("ordlista/<str:vocabulary>/", views.vocabulary_detail, name="vocabulary"),
    path("ordlista/<str:vocabulary>/<slug:code>/", views.term_detail, name="term"),
]
