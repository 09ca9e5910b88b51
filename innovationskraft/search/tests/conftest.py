from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    editor,
    eskilstuna,
    make_case,
    moderator,
    region_skane,
    term,
    vasteras,
)
