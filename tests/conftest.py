"""Shared fixtures: documents built in code, a temporary store, PDF/DOCX makers."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from nlp.store import Store


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store.duckdb")
    yield s
    s.close()


def make_pdf(pages: list[list[str]], *, font_size: int = 10) -> bytes:
    """A PDF whose pages hold the given lines (reportlab, one line per string)."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    _width, height = A4
    for lines in pages:
        y = height - 60
        c.setFont("Helvetica", font_size)
        for line in lines:
            c.drawString(60, y, line)
            y -= font_size * 1.5
        c.showPage()
    c.save()
    return buf.getvalue()


def make_docx(paragraphs: list[tuple[str, str]]) -> bytes:
    """A DOCX from (style, text) pairs, e.g. ("Heading 1", "Artikel 3"), ("List Bullet", "...")."""
    import docx

    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()
