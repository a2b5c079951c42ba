"""Model files: safe round trip, version check, clear errors for missing or corrupt files."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from nlp.coding.classify import ClauseCoder
from nlp.coding.gold import GoldClause, select
from nlp.coding.modelio import ARRAYS_FILE, FORMAT_VERSION, MODEL_FILE, ModelError, load, save


def test_modelio_round_trip_gives_identical_predictions(
    coder: ClauseCoder, gold: list[GoldClause], tmp_path: Path
) -> None:
    save(coder, tmp_path / "m")
    again = load(tmp_path / "m")
    X = [g.sample() for g in select(gold, "test")]
    a, b = coder.predict(X), again.predict(X)
    assert [p.themes for p in a] == [p.themes for p in b]
    assert [p.stance for p in a] == [p.stance for p in b]
    assert (
        max(
            abs(p.theme_scores[k] - q.theme_scores[k])
            for p, q in zip(a, b, strict=True)
            for k in p.theme_scores
        )
        < 1e-4
    )
    assert [n.gold_id for n in a[0].explanation.neighbours] == [
        n.gold_id for n in b[0].explanation.neighbours
    ]
    assert again.version == coder.version and np.allclose(again.themes.thresholds_, coder.themes.thresholds_)


def test_modelio_never_pickles(coder: ClauseCoder, tmp_path: Path) -> None:
    save(coder, tmp_path / "m")
    with np.load(tmp_path / "m" / ARRAYS_FILE, allow_pickle=False) as npz:
        assert all(npz[k].dtype != object for k in npz.files)
    json.loads((tmp_path / "m" / MODEL_FILE).read_text(encoding="utf-8"))


def test_modelio_format_version_is_checked(coder: ClauseCoder, tmp_path: Path) -> None:
    folder = save(coder, tmp_path / "m")
    doc = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    doc["format_version"] = FORMAT_VERSION + 1
    (folder / MODEL_FILE).write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ModelError, match=r"format version .* retrain"):
        load(folder)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda f: (f / MODEL_FILE).write_text("{not json", encoding="utf-8"), "corrupt"),
        (lambda f: (f / ARRAYS_FILE).write_bytes(b"garbage"), "corrupt"),
        (
            lambda f: (f / MODEL_FILE).write_text('{"format": "other"}', encoding="utf-8"),
            "not a Clause Atlas model",
        ),
        (lambda f: (f / ARRAYS_FILE).unlink(), "no model"),
    ],
)
def test_modelio_damaged_files_give_one_clear_error(
    coder: ClauseCoder, tmp_path: Path, damage, message: str
) -> None:  # type: ignore[no-untyped-def]
    folder = save(coder, tmp_path / "m")
    damage(folder)
    with pytest.raises(ModelError, match=message) as info:
        load(folder)
    assert "\n" not in str(info.value)


def test_modelio_arrays_from_another_model_are_rejected(coder: ClauseCoder, tmp_path: Path) -> None:
    folder = save(coder, tmp_path / "m")
    with np.load(folder / ARRAYS_FILE) as npz:
        arrays = {k: npz[k] for k in npz.files}
    arrays["extra"] = np.zeros(3)
    np.savez(folder / ARRAYS_FILE, **arrays)
    with pytest.raises(ModelError, match="do not belong together"):
        load(folder)


def test_modelio_warns_when_scikit_learn_differs(coder: ClauseCoder, tmp_path: Path) -> None:
    from nlp.coding.modelio import ModelVersionWarning

    folder = save(coder, tmp_path / "m")
    doc = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    doc["sklearn_version"] = "0.1.0"
    (folder / MODEL_FILE).write_text(json.dumps(doc), encoding="utf-8")
    with pytest.warns(ModelVersionWarning, match=r"scikit-learn 0\.1\.0.*retrain"):
        again = load(folder)
    assert "sklearn_mismatch" in again.info
    # the same release loads quietly
    save(coder, tmp_path / "n")
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error", ModelVersionWarning)
        load(tmp_path / "n")


@pytest.mark.parametrize("field", ["thresholds", "platt"])
def test_modelio_truncated_theme_parameters_are_refused(
    coder: ClauseCoder, tmp_path: Path, field: str
) -> None:
    folder = save(coder, tmp_path / "m")
    doc = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    doc["themes"][field] = doc["themes"][field][:-1]
    (folder / MODEL_FILE).write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(ModelError, match="corrupt") as info:
        load(folder)
    assert "\n" not in str(info.value)
