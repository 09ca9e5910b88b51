"""A new password ends the owner's API tokens, whichever way it was set (the reset link, the
admin, `changepassword`): Django tells the password validators of every password it saves, and
this one listens. It refuses no password; its help text says what a new one does."""

from typing import Any

from django.utils.translation import gettext as _

from innovationskraft.accounts import services


class ApiTokensEndWithPassword:
    def validate(self, password: str, user: Any = None) -> None:
        return None

    def password_changed(self, password: str, user: Any = None) -> None:
        if user is not None and user.pk is not None:
            services.api_tokens_end(user=user)

    def get_help_text(self) -> str:
        return _("A new password ends the API tokens you have made.")
