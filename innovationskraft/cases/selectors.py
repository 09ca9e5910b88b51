from django.db.models import QuerySet

from innovationskraft.cases.models import Case, Organisation


def published_cases() -> QuerySet[Case]:
    return Case.objects.filter(status=Case.Status.PUBLISHED)


def newest_published_cases(*, limit: int) -> list[Case]:
    return list(
        published_cases()
        .select_related("lead_organisation")
        .order_by("-published_at", "-id")[:limit]
    )


def library_counts() -> dict[str, int]:
    return {
        "cases": published_cases().count(),
        "organisations": Organisation.objects.filter(led_cases__status=Case.Status.PUBLISHED)
        .distinct()
        .count(),
    }
