from django.urls import path

from innovationskraft.insights import views

app_name = "insights"
urlpatterns = [
    path("insikter/", views.insights, name="index"),
    path("insikter/<slug:key>.csv", views.insights_csv, name="csv"),
    path("resurser/", views.resources, name="resources"),
]
