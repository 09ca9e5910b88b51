from django.urls import path

from innovationskraft.core import legal

app_name = "core"
urlpatterns = [
    path("tillganglighet/", legal.accessibility, name="accessibility"),
    path("tillganglighet/rapportera/", legal.accessibility_report, name="accessibility_report"),
    path(
        "tillganglighet/rapportera/skickat/",
        legal.accessibility_report_sent,
        name="accessibility_report_sent",
    ),
    path("personuppgifter/", legal.privacy, name="privacy"),
]
