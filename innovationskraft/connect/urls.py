from django.urls import path

from innovationskraft.connect import following_views, membership_views, views

app_name = "connect"
urlpatterns = [
    path("innovationer/<slug:slug>/kontakt/", views.contact, name="contact"),
    path("innovationer/<slug:slug>/kontakt/skickat/", views.contact_sent, name="contact_sent"),
    path("kontakt/utmaning/", views.bot_challenge, name="bot_challenge"),
    path("avregistrera/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("konto/folj/", following_views.follow, name="follow"),
    path("konto/folj/<int:follow_id>/sluta/", following_views.unfollow, name="unfollow"),
    path("konto/ga-med/", membership_views.join, name="join"),
    path("konto/forfragningar/", membership_views.join_requests, name="join_requests"),
    path(
        "konto/forfragningar/<int:request_id>/",
        membership_views.join_request_decide,
        name="join_request_decide",
    ),
    path("konto/inbjudan/<str:token>/", membership_views.invitation, name="invitation"),
    path("organisationer/<slug:slug>/bjud-in/", membership_views.invite, name="invite"),
]
