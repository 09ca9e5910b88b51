"""Types shared by the services and selectors of every app."""

from typing import TypeAlias

from django.contrib.auth.models import AnonymousUser

from innovationskraft.accounts.models import User

# Whoever `request.user` is: a signed-in user or an anonymous visitor.
Visitor: TypeAlias = User | AnonymousUser
# Who makes a change: a visitor as the request gives her (the services' permission checks
# turn away whoever may not), or None for a system process such as a management command or
# the demo loader, which skips the permission checks.
Actor: TypeAlias = Visitor | None
