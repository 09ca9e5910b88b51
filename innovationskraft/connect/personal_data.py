"""Her part of connect in the download of her data (core/personal_data.py): what she follows,
her requests to join, the mail she turned off and the invitations to her address. The
invitations name her address, not her account, so they are removed here when she goes."""

from typing import Any

from innovationskraft.connect.models import Follow, Invitation, JoinRequest, NotificationOptOut


def _invitations(user):
    if not user.email:
        return Invitation.objects.none()
    return Invitation.objects.filter(email__iexact=user.email)


def connect_personal_data(user) -> dict[str, Any]:
    requests = JoinRequest.objects.filter(user=user).select_related("organisation")
    invitations = _invitations(user).select_related("organisation").order_by("created_at", "id")
    return {
        "follows": [
            {
                "what": follow.label,
                "filters": follow.filters,
                "how_often": follow.frequency,
                "since": follow.created_at,
            }
            for follow in Follow.objects.filter(user=user)
        ],
        "join_requests": [
            {
                "organisation": request.organisation.name,
                "message": request.message,
                "state": request.state,
                "asked": request.created_at,
                "decided": request.decided_at,
            }
            for request in requests.order_by("created_at", "id")
        ],
        "notifications_turned_off": [
            {"kind": opt_out.kind, "since": opt_out.created_at}
            for opt_out in NotificationOptOut.objects.filter(user=user).order_by("kind")
        ],
        "invitations": [
            {
                "organisation": invitation.organisation.name,
                "role": invitation.role,
                "invited": invitation.created_at,
                "accepted": invitation.accepted_at,
            }
            for invitation in invitations
        ],
    }


def connect_personal_data_erase(user) -> None:
    _invitations(user).delete()
