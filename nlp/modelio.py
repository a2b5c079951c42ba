"""Save and load a :class:`~nlp.classify.ClauseCoder` without pickle.

A model is a folder with two files:

- ``model.json``: format name and version, model version, library versions, labels,
  parameters, thresholds, calibration, n-gram vocabularies, the labelled examples used in
  explanations, and training metadata;
- ``arrays.npz``: coefficients, intercepts, IDF weights and example embeddings, loaded with
  ``allow_pickle=False``.

Loading checks the format name and version and that both files agree, and raises
:class:`ModelError` with one readable line when they do not.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from nlp.classify import ClauseCoder, StanceClassifier, ThemeClassifier
from nlp.errors import ClauseAtlasError
from nlp.features import ClauseFeatures

FORMAT = "clause-atlas-coder"
FORMAT_VERSION = 1
MODEL_FILE = "model.json"
ARRAYS_FILE = "arrays.npz"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[1] / "models" / "clause-coder"


class ModelError(ClauseAtlasError, ValueError):
    """A model folder is missing, corrupt, or of another format version."""


def _head_state(
    head: ThemeClassifier | StanceClassifier, prefix: str, arrays: dict[str, np.ndarray]
) -> dict[str, Any]:
    feat_state, feat_arrays = head.features_.to_state()
    arrays.update({f"{prefix}.{k}": v for k, v in feat_arrays.items()})
    arrays[f"{prefix}.coef"] = head.coef_.astype(np.float32)
    arrays[f"{prefix}.intercept"] = head.intercept_.astype(np.float64)
    params = {k: v for k, v in head.get_params(deep=False).items() if k != "features"}
    params["classes"] = list(params["classes"])
    state: dict[str, Any] = {"params": params, "features": feat_state}
    if isinstance(head, ThemeClassifier):
        state["thresholds"] = [float(t) for t in head.thresholds_]
        state["platt"] = head.platt_.tolist()
    else:
        state["temperature"] = head.temperature_
    return state


def save(coder: ClauseCoder, folder: str | Path) -> Path:
    """Write a fitted coder to ``folder`` (created if needed); returns the folder."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    import sklearn

    arrays: dict[str, np.ndarray] = {"examples.vectors": coder.example_vectors.astype(np.float16)}
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model_version": coder.version,
        "sklearn_version": sklearn.__version__,
        "n_neighbours": coder.n_neighbours,
        "themes": _head_state(coder.themes, "themes", arrays),
        "stance": _head_state(coder.stance, "stance", arrays),
        "examples": coder.examples,
        "info": coder.info,
        "arrays": sorted(arrays),
    }
    np.savez_compressed(folder / ARRAYS_FILE, **arrays)
    (folder / MODEL_FILE).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def _head(cls: type, state: dict[str, Any], prefix: str, arrays: dict[str, np.ndarray]) -> Any:
    feat_arrays = {k.split(".", 1)[1]: v for k, v in arrays.items() if k.startswith(f"{prefix}.idf_")}
    features = ClauseFeatures.from_state(state["features"], feat_arrays)
    params = dict(state["params"])
    params["classes"] = tuple(params["classes"])
    head = cls(features=ClauseFeatures(**state["features"]["params"]), **params)
    head.features_ = features
    head.feature_names_ = features.get_feature_names_out()
    head.coef_ = arrays[f"{prefix}.coef"].astype(np.float64)
    head.intercept_ = arrays[f"{prefix}.intercept"]
    head.classes_ = np.asarray(head.classes)
    if head.coef_.shape != (len(head.classes), len(head.feature_names_)):
        raise ValueError(f"{prefix} coefficients do not match the vocabulary")
    if cls is ThemeClassifier:
        head.thresholds_ = np.asarray(state["thresholds"], dtype=float)
        head.platt_ = np.asarray(state["platt"], dtype=float)
    else:
        head.temperature_ = float(state["temperature"])
    return head


def load(folder: str | Path | None = None) -> ClauseCoder:
    """Load a coder saved by :func:`save` (default: the bundled ``models/clause-coder``).

    Raises:
        ModelError: the folder is missing, a file is corrupt, or the format version differs.
    """
    folder = Path(folder) if folder is not None else DEFAULT_MODEL_DIR
    where = str(folder)
    if not (folder / MODEL_FILE).is_file() or not (folder / ARRAYS_FILE).is_file():
        raise ModelError(
            f"no model at {where} (needs {MODEL_FILE} and {ARRAYS_FILE}); run 'clause-atlas train'"
        )
    try:
        doc = json.loads((folder / MODEL_FILE).read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelError(f"model file {folder / MODEL_FILE} is corrupt ({exc.__class__.__name__})") from exc
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ModelError(f"{folder / MODEL_FILE} is not a Clause Atlas model")
    if doc.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"model at {where} has format version {doc.get('format_version')}, this Clause Atlas reads "
            f"version {FORMAT_VERSION}; retrain it with 'clause-atlas train'"
        )
    try:
        with np.load(folder / ARRAYS_FILE, allow_pickle=False) as npz:
            arrays = {k: npz[k] for k in npz.files}
    except (OSError, ValueError, zipfile.BadZipFile, EOFError) as exc:
        raise ModelError(f"model arrays {folder / ARRAYS_FILE} are corrupt ({exc})") from exc
    if sorted(arrays) != doc.get("arrays"):
        raise ModelError(f"model files in {where} do not belong together; retrain with 'clause-atlas train'")
    try:
        coder = ClauseCoder(
            themes=_head(ThemeClassifier, doc["themes"], "themes", arrays),
            stance=_head(StanceClassifier, doc["stance"], "stance", arrays),
            n_neighbours=int(doc["n_neighbours"]),
            version=str(doc["model_version"]),
        )
        coder.examples = doc["examples"]
        coder.example_vectors = arrays["examples.vectors"].astype(np.float32)
        coder.info = doc.get("info", {})
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"model at {where} is corrupt ({exc})") from exc
    return coder
