"""Shared fixtures: documents built in code, a temporary store, PDF/DOCX makers."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest

from nlp.store.base import Store

# Derived caches (the lexical index) of this run stay out of the project's data folder; child
# processes (CLI tests) inherit the setting.
os.environ["CLAUSE_ATLAS_CACHE"] = tempfile.mkdtemp(prefix="clause-atlas-test-cache-")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = Store(tmp_path / "store.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def pg_cluster() -> object:
    """A throwaway PostgreSQL cluster for the whole run (skipped where no server binaries exist)."""
    from pgcluster import Cluster, binaries

    if binaries() is None:
        pytest.skip("no PostgreSQL server binaries (Debian package postgresql; .ci/run installs it)")
    cluster = Cluster()
    yield cluster
    cluster.stop()


@pytest.fixture
def pg_url(pg_cluster: object) -> str:
    """The URL of a fresh, empty PostgreSQL database."""
    return pg_cluster.database()  # type: ignore[attr-defined]


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


# --- coding: a deterministic fake embedder and a small gold set with planted signals ---------

import hashlib  # noqa: E402
import random  # noqa: E402

import numpy as np  # noqa: E402

from nlp.coding.gold import GoldClause  # noqa: E402
from nlp.retrieval.embed import register_embedder  # noqa: E402


class FakeEmbedder:
    """Bag of hashed words in 64 dimensions: deterministic, no model, counts its calls."""

    name = "fake"
    dim = 64
    calls = 0

    def encode(self, texts: list[str]) -> np.ndarray:
        FakeEmbedder.calls += 1
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, t in enumerate(texts):
            for w in t.lower().split():
                out[i, int(hashlib.md5(w.encode()).hexdigest(), 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1, norms)


register_embedder("fake", lambda _: FakeEmbedder())

THEME_PHRASES = {
    "training": ["een opleiding volgen", "scholing in werktijd", "een cursus digitale vaardigheden"],
    "data": ["camerabeelden van werknemers", "persoonsgegevens van het personeel", "een volgsysteem"],
    "participation": ["overleg met de ondernemingsraad", "instemming van de ondernemingsraad", "inspraak"],
    "wellbeing": ["de werkdruk", "psychosociale stress", "gezondheid en veiligheid"],
}
STANCE_FRAMES = {
    "commitment": "De werkgever is verplicht tot {x} en de werknemer heeft recht op {y}.",
    "recommendation": "Werkgevers zouden moeten investeren in {x} en aandacht geven aan {y}.",
    "concern": "Er is een groot risico dat {x} leidt tot problemen met {y}.",
    "opportunity": "Nieuwe technologie kan helpen om {x} te verbeteren, samen met {y}.",
    "neutral": "Het rapport beschrijft {x} en {y} in vijf sectoren.",
}
FILLERS = [
    "de loonschalen",
    "de looptijd van de regeling",
    "de vergoeding van reiskosten",
    "het vakantiegeld",
]


def planted_gold(n: int = 160, seed: int = 0) -> list[GoldClause]:
    """Clauses whose themes and stance follow from planted phrases; documents split 60/20/20."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        themes = [t for t in THEME_PHRASES if rng.random() < 0.3]
        phrases = [rng.choice(THEME_PHRASES[t]) for t in themes] + rng.sample(FILLERS, 2)
        stance = rng.choice(list(STANCE_FRAMES))
        text = STANCE_FRAMES[stance].format(x=phrases[0], y=phrases[1])
        doc = f"doc{i % 10}"
        split = "train" if i % 10 < 6 else "dev" if i % 10 < 8 else "test"
        out.append(GoldClause(f"{doc}:{i}", doc, text, tuple(themes[:2]), stance, "cao", "", split))
    return out


@pytest.fixture(scope="session")
def gold() -> list[GoldClause]:
    return planted_gold()


@pytest.fixture(scope="session")
def coder(gold: list[GoldClause]):  # type: ignore[no-untyped-def]
    from nlp.coding.train import train

    config = {
        "themes": {
            "C": 4.0,
            "features": {"word": 1.0, "char": 0.5, "embedding": 1.0, "cues": 0.5, "doc_type": 0.5},
        },
        "stance": {
            "C": 4.0,
            "features": {"word": 1.0, "char": 0.5, "embedding": 1.0, "cues": 0.5, "doc_type": 0.5},
        },
    }
    return train(gold, config=config, embedder="fake")
