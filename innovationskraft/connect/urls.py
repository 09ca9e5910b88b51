from django.urls import path

from innovationskraft.connect import views

app_name = "connect"
urlpatterns = [
    path("innovationer/<slug:slug>/kontakt/", views.contact, name="contact"),
    path("innovationer/<slug:slug>/kontakt/skickat/", views.contact_sent, name="contact_sent"),
    path("kontakt/utmaning/", views.bot_challenge, name="bot_challenge"),
]
