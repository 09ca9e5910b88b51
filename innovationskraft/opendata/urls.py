from django.urls import path

from innovationskraft.opendata import views

app_name = "opendata"
urlpatterns = [
    path("oppna-data/", views.index, name="index"),
    path("oppna-data/katalog.jsonld", views.dcat_catalogue, name="catalogue"),
    path("oppna-data/innovationer.<str:extension>", views.export, name="export"),
]
