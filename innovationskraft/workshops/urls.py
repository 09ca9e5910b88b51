from django.urls import path

from innovationskraft.workshops.views import (
    board,
    facilitator,
    moderation,
    participant,
    report,
    themes,
)

app_name = "workshops"
W = "workshoppar/<slug:slug>/"
urlpatterns = [
    # The participant's phone and the projector: short addresses, the code is the key.
    path("w/", participant.enter_code, name="enter_code"),
    path("w/<str:code>/", participant.participate, name="participate"),
    path("w/<str:code>/delta/", participant.join, name="join"),
    path("w/<str:code>/skicka/", participant.contribute, name="contribute"),
    path("w/<str:code>/mina/<int:contribution_id>/", participant.change_own, name="change_own"),
    path("w/<str:code>/rosta/", participant.vote, name="vote"),
    path("w/<str:code>/rostning/", participant.voting_panel, name="voting_panel"),
    path("w/<str:code>/tavla/", board.board, name="board"),
    path("w/<str:code>/tavla/innehall/", board.board_content, name="board_content"),
    # Reports, public once published.
    path("workshoppar/rapporter/", report.report_list, name="reports"),
    path(W + "rapport/", report.report, name="report"),
    path(W + "rapport.md", report.report_markdown, name="report_markdown"),
    path(W + "rapport.html", report.report_html, name="report_html"),
    path(W + "rapport.pdf", report.report_pdf, name="report_pdf"),
    # The facilitator's pages.
    path("workshoppar/", facilitator.workshop_list, name="list"),
    path("workshoppar/ny/", facilitator.workshop_create, name="create"),
    path(W, facilitator.workshop_manage, name="manage"),
    path(W + "redigera/", facilitator.workshop_edit, name="edit"),
    path(W + "lage/", facilitator.workshop_state, name="state"),
    path(W + "fragor/", facilitator.prompt_add, name="prompt_add"),
    path(W + "fragor/<int:prompt_id>/ta-bort/", facilitator.prompt_remove, name="prompt_remove"),
    path(W + "presentera/", facilitator.presenter, name="presenter"),
    path(W + "qr.svg", facilitator.qr_code, name="qr"),
    path(W + "moderera/", moderation.moderate, name="moderate"),
    path(W + "bidrag/<int:contribution_id>/", moderation.contribution_detail, name="contribution"),
    path(
        W + "bidrag/<int:contribution_id>/atgard/",
        moderation.contribution_action,
        name="contribution_action",
    ),
    path(
        W + "bidrag/<int:contribution_id>/till-innovation/",
        moderation.contribution_curate,
        name="curate",
    ),
    path(W + "teman/", themes.themes, name="themes"),
    path(W + "teman/gruppera/", themes.cluster, name="cluster"),
    path(W + "teman/<int:theme_id>/", themes.theme_action, name="theme_action"),
    path(W + "rostning/", facilitator.voting, name="voting"),
    path(W + "rostning/<int:round_id>/stang/", facilitator.round_close, name="round_close"),
    path(W + "rapport/redigera/", report.report_edit, name="report_edit"),
    path(W + "bidrag.csv", report.contributions_csv, name="csv"),
]
