from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures
    editor,
    eskilstuna,
    make_case,
    moderator,
    other_editor,
    outsider,
    region_skane,
    term,
    vasteras,
)
