"""Her saved self-assessments in the download of her data (core/personal_data.py); they are
deleted with her account (Assessment.user cascades)."""

from typing import Any

from innovationskraft.insights.models import Assessment


def insights_personal_data(user) -> dict[str, Any]:
    saved = Assessment.objects.filter(user=user).select_related("organisation")
    return {
        "self_assessments": [
            {
                "organisation": assessment.organisation.name,
                "answers": assessment.answers,
                "saved": assessment.created_at,
            }
            for assessment in saved.order_by("created_at", "id")
        ]
    }
