"""The workshops she created, in the download of her data (core/personal_data.py). They stay
with their organisers when she goes. Participants have no account: their names are removed a
while after the workshop closed (services/retention.py)."""

from typing import Any

from innovationskraft.workshops.models import Workshop


def workshops_personal_data(user) -> dict[str, Any]:
    created = Workshop.objects.filter(created_by=user).select_related("organiser")
    return {
        "workshops_created": [
            {
                "title": workshop.title,
                "date": workshop.date,
                "organiser": workshop.organiser.name,
                "state": workshop.state,
                "created": workshop.created_at,
            }
            for workshop in created.order_by("created_at", "id")
        ]
    }
