from django.db import transaction

from innovationskraft.accounts.models import Membership, User


@transaction.atomic
def membership_grant(*, user: User, organisation, role: str = Membership.Role.EDITOR) -> Membership:
    membership, _created = Membership.objects.update_or_create(
        user=user, organisation=organisation, defaults={"role": role}
    )
    return membership
