from django.contrib.auth import views as auth_views
from django.urls import path

from innovationskraft.accounts import views

app_name = "accounts"
urlpatterns = [
    path("", views.profile, name="profile"),
    path("nycklar/", views.api_token_create, name="api_token_create"),
    path("nycklar/<int:token_id>/aterkalla/", views.api_token_revoke, name="api_token_revoke"),
    path(
        "logga-in/",
        auth_views.LoginView.as_view(template_name="accounts/login.html"),
        name="login",
    ),
    path("logga-ut/", auth_views.LogoutView.as_view(), name="logout"),
]
