import csv
import io

import markdown
import pypdfium2
import pytest
from django.urls import reverse

from innovationskraft.workshops import services

pytestmark = pytest.mark.django_db


def url(name, workshop):
    return reverse(f"workshops:{name}", args=[workshop.slug])


@pytest.fixture
def held(facilitator, workshop, send, join, term):
    """A workshop that has been held: examples, grouped barriers, votes, conclusions."""
    anna = join(name="Anna", organisation_name="Eskilstuna kommun")
    send("ReTuna återbruksgalleria", participant=anna)
    send("Upphandling tar tid", kind="barrier", participant=anna)
    send("Krånglig upphandling", kind="barrier")
    hidden = send("Dolt bidrag")
    services.contribution_set_status(actor=facilitator, contribution=hidden, status="hidden")
    services.themes_cluster(actor=facilitator, workshop=workshop)
    theme = workshop.prompts.get(kind="barrier").themes.get()
    services.theme_rename(actor=facilitator, theme=theme, name="Upphandling")
    services.theme_set_terms(actor=facilitator, theme=theme, terms=[term("barrier", "procurement")])
    voting_round = services.round_open(
        actor=facilitator, workshop=workshop, target="themes", budget=1
    )
    services.vote_cast(participant=anna, voting_round=voting_round, item=theme)
    services.workshop_close(actor=facilitator, workshop=workshop)
    services.workshop_save_conclusions(
        actor=facilitator, workshop=workshop, conclusions="Tydlig **styrning** behövs."
    )
    return workshop


def test_the_report_is_private_until_published_then_public(client, facilitator, held):
    assert client.get(url("report", held)).status_code == 404
    assert client.get(url("report_pdf", held)).status_code == 404
    services.workshop_publish(actor=facilitator, workshop=held)
    page = client.get(url("report", held))
    assert page.status_code == 200
    assert "ReTuna återbruksgalleria" in page.text
    assert "Dolt bidrag" not in page.text
    assert held.title in client.get(reverse("workshops:reports")).text


def test_the_markdown_holds_figures_themes_votes_and_the_barrier_tree(client, facilitator, held):
    client.force_login(facilitator)
    text = client.get(url("report_markdown", held)).content.decode()
    assert text.startswith(f"# {held.title}")
    assert "- Deltagare: 3" in text
    assert "| Upphandling | Hinder | 2 | 1 |" in text
    assert "  - Svårigheter med upphandling: 2" in text  # under its parent, silos
    assert "Tydlig **styrning** behövs." in text


def test_the_html_export_stands_alone(client, facilitator, held):
    client.force_login(facilitator)
    html = client.get(url("report_html", held)).content.decode()
    assert "<style>" in html
    assert "<script" not in html
    assert "<strong>styrning</strong>" in html


def test_the_pdf_is_a_readable_document(client, facilitator, held, tmp_path):
    client.force_login(facilitator)
    response = client.get(url("report_pdf", held))
    assert response["Content-Type"] == "application/pdf"
    pdf = pypdfium2.PdfDocument(response.content)
    text = pdf[0].get_textpage().get_text_range()
    assert held.title in text
    assert "ReTuna återbruksgalleria" in text
    image = pdf[0].render(scale=1).to_pil()
    image.save(tmp_path / "page-1.png")
    width, height = image.size
    assert 590 <= width <= 600
    assert 835 <= height <= 845
    dark = sum(1 for pixel in image.convert("L").tobytes() if pixel < 128)
    assert dark > 2000  # there is text on the page, not a blank sheet
    assert pypdfium2.raw.FPDFCatalog_IsTagged(pdf.raw)  # a screen reader finds its structure


def test_the_csv_holds_every_contribution_hidden_ones_included(client, facilitator, held):
    client.force_login(facilitator)
    response = client.get(url("csv", held))
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig"))))
    assert rows[0][:4] == ["id", "question_kind", "question", "text"]
    texts = {row[3]: row for row in rows[1:]}
    assert set(texts) == {
        "ReTuna återbruksgalleria", "Upphandling tar tid", "Krånglig upphandling", "Dolt bidrag"
    }  # fmt: skip
    assert texts["Dolt bidrag"][4] == "hidden"
    assert texts["Upphandling tar tid"][10] == "barrier:procurement"
    assert texts["Upphandling tar tid"][12] == "Anna"


def csv_of(response, delimiter=","):
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff"), "a byte order mark, so that spreadsheets read UTF-8"
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), delimiter=delimiter))


def test_a_contribution_a_spreadsheet_would_run_as_a_formula_is_text_in_the_csv(
    client, facilitator, workshop, send, join
):
    someone = join(name="=cmd|' /C calc'!A0", organisation_name="@SUM(1+1)")
    send('=HYPERLINK("https://evil.example/";"Klicka")', participant=someone)
    send("-- inget --")
    client.force_login(facilitator)

    rows = csv_of(client.get(url("csv", workshop)))

    texts = sorted(row[3] for row in rows[1:])
    assert texts == ["'-- inget --", '\'=HYPERLINK("https://evil.example/";"Klicka")']
    named = next(row for row in rows[1:] if row[12])
    assert named[12:14] == ["'=cmd|' /C calc'!A0", "'@SUM(1+1)"]
    assert named[0].isdigit(), "numbers stay numbers"


def test_the_csv_for_excel_in_swedish_has_semicolons(client, facilitator, workshop, send):
    send("Återbruk; cirkulärt")
    client.force_login(facilitator)

    rows = csv_of(client.get(url("csv", workshop) + "?dialect=excel-sv"), delimiter=";")

    assert rows[0][:4] == ["id", "question_kind", "question", "text"]
    assert rows[1][3] == "Återbruk; cirkulärt"


def test_the_markdown_shows_html_and_markdown_in_contributions_as_text(
    client, facilitator, workshop, send
):
    send("<script>alert('x')</script> & mer")
    send('<img src=x onerror="alert(1)">', kind="barrier")
    send("[Klicka här](javascript:alert(1)) eller **fetstil**")
    send("# Ingen rubrik\n1. ingen lista")
    services.workshop_save_conclusions(
        actor=facilitator, workshop=workshop, conclusions="Tydlig **styrning**. <script>x</script>"
    )
    client.force_login(facilitator)

    text = client.get(url("report_markdown", workshop)).content.decode()

    assert "<script" not in text
    assert "<img" not in text
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; mer" in text
    assert "Tydlig **styrning**. &lt;script>x&lt;/script>" in text, "Markdown stays Markdown"
    html = markdown.markdown(text, extensions=["tables"])
    assert "<script" not in html
    assert "<img" not in html
    assert "<a " not in html
    assert "<strong>fetstil</strong>" not in html
    assert "<strong>styrning</strong>" in html
    assert "# Ingen rubrik" in html
    assert "1. ingen lista" in html


def test_a_word_of_280_letters_wraps_inside_the_pdf_page(client, facilitator, send, request):
    send(("Innovationsupphandlingsutvecklingsprojektledarutbildning" * 6)[:280])
    held = request.getfixturevalue("held")
    client.force_login(facilitator)
    pdf = pypdfium2.PdfDocument(client.get(url("report_pdf", held)).content)
    for page in pdf:
        width = page.get_width()
        text = page.get_textpage()
        rights = [text.get_charbox(i)[2] for i in range(text.count_chars())]
        assert max(rights, default=0) <= width - 50, "text runs into the right margin"
