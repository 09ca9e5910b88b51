from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures
    eskilstuna,
    make_case,
    moderator,
    region_skane,
    term,
    vasteras,
)
