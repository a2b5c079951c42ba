"""Integration: the bundled model with the real USE embedder (slow; run with -m slow)."""

from __future__ import annotations

import pytest

from nlp.coding.modelio import load
from nlp.records import Sample

pytestmark = pytest.mark.slow


def test_bundled_model_codes_clear_cases() -> None:
    coder = load()
    preds = coder.predict(
        [
            Sample("De werknemer heeft recht op vijf opleidingsdagen per jaar.", "cao"),
            Sample(
                "De werkgever legt het besluit over cameratoezicht ter instemming voor aan de ondernemingsraad.",
                "cao",
            ),
            Sample("Het onderzoek liep van 2022 tot 2025 in drie landen.", "report"),
        ]
    )
    assert "training" in preds[0].themes and preds[0].stance == "commitment"
    assert {"participation", "data"} <= set(preds[1].themes) and preds[1].stance == "commitment"
    assert preds[2].themes == () and preds[2].stance == "neutral"
    assert all(p.explanation.neighbours for p in preds)
