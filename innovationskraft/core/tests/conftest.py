from innovationskraft.cases.tests.conftest import (  # noqa: F401 - fixtures shared with cases
    eskilstuna,
    make_case,
    moderator,
)
