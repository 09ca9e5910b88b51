from django.urls import path

from innovationskraft.insights import views
from innovationskraft.insights.self_assessment import views as self_assessment

app_name = "insights"
SA = "sjalvskattning/"
urlpatterns = [
    path("insikter/", views.insights, name="index"),
    path("insikter/<slug:key>.csv", views.insights_csv, name="csv"),
    path("resurser/", views.resources, name="resources"),
    path(SA, self_assessment.self_assessment, name="self_assessment"),
    path(SA + "spara/", self_assessment.self_assessment_save, name="self_assessment_save"),
    path(
        SA + "resultat/<str:token>/",
        self_assessment.self_assessment_result,
        name="self_assessment_result",
    ),
    path(
        SA + "resultat/<str:token>/pdf/",
        self_assessment.self_assessment_pdf,
        name="self_assessment_pdf",
    ),
    path(
        SA + "organisation/<slug:slug>/",
        self_assessment.self_assessment_team,
        name="self_assessment_team",
    ),
]
