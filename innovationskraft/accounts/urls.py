from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from innovationskraft.accounts import data_views, two_factor_views, views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("mina-uppgifter.json", data_views.data_download, name="data_download"),
    path("radera/", data_views.account_delete, name="delete"),
    path("nycklar/", views.api_token_create, name="api_token_create"),
    path("nycklar/<int:token_id>/aterkalla/", views.api_token_revoke, name="api_token_revoke"),
    path("logga-in/", views.LoginView.as_view(), name="login"),
    path("logga-in/kod/", two_factor_views.sign_in_code, name="sign_in_code"),
    path("tvastegsverifiering/", two_factor_views.setup, name="two_factor"),
    path("tvastegsverifiering/av/", two_factor_views.turn_off, name="two_factor_off"),
    path(
        "tvastegsverifiering/reservkoder/",
        two_factor_views.recovery_codes_make,
        name="recovery_codes",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
    path("medlemskap/<int:membership_id>/lamna/", views.membership_leave, name="membership_leave"),
    path("skapa/", views.sign_up, name="sign_up"),
    path("skapa/skickat/", views.sign_up_sent, name="sign_up_sent"),
    path("bekrafta/<str:token>/", views.verify, name="verify"),
    path("nytt-losenord/", views.PasswordResetView.as_view(), name="password_reset"),
    path(
        "nytt-losenord/skickat/",
        auth_views.PasswordResetDoneView.as_view(template_name="accounts/password_reset_done.html"),
        name="password_reset_done",
    ),
    path(
        "nytt-losenord/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            success_url=reverse_lazy("accounts:password_reset_complete"),
        ),
        name="password_reset_confirm",
    ),
    path(
        "nytt-losenord/klart/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html"
        ),
        name="password_reset_complete",
    ),
]
