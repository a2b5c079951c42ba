"""Save and load a :class:`~nlp.coding.classify.ClauseCoder` without pickle.

A model is a folder with two files:

- ``model.json``: format name and version, model version, library versions, labels,
  parameters, thresholds, calibration, the n-gram vocabularies of the one feature extractor
  both heads share, the labelled examples used in explanations, and training metadata;
- ``arrays.npz``: coefficients, intercepts, IDF weights and example embeddings, loaded with
  ``allow_pickle=False``.

Loading checks the format name and version and that both files agree, and raises
:class:`ModelError` with one readable line when they do not. A model saved with another
scikit-learn release (major.minor) still loads (nothing is pickled), but :func:`load` warns with
:class:`ModelVersionWarning`, since TF-IDF and solver details may differ between releases.
"""

from __future__ import annotations

import json
import warnings
import zipfile
from pathlib import Path
from typing import Any

import numpy as np

from nlp.coding.classify import ClauseCoder
from nlp.coding.features import ClauseFeatures
from nlp.coding.heads import StanceClassifier, ThemeClassifier
from nlp.errors import ClauseAtlasError

FORMAT = "clause-atlas-coder"
FORMAT_VERSION = 2
MODEL_FILE = "model.json"
ARRAYS_FILE = "arrays.npz"
DEFAULT_MODEL_DIR = Path(__file__).resolve().parents[2] / "models" / "clause-coder"


class ModelError(ClauseAtlasError, ValueError):
    """A model folder is missing, corrupt, or of another format version."""


class ModelVersionWarning(UserWarning):
    """A model was saved with another scikit-learn release than the one running."""


def _minor(version: str) -> tuple[str, ...]:
    return tuple(version.split(".")[:2])


def check_sklearn_version(saved: str, where: str) -> str | None:
    """Warn (and return the message) when ``saved`` differs from the running scikit-learn release."""
    import sklearn

    if not saved or _minor(saved) == _minor(sklearn.__version__):
        return None
    message = (
        f"model at {where} was saved with scikit-learn {saved}, this is {sklearn.__version__}; "
        "predictions may differ slightly: retrain with 'clause-atlas train'"
    )
    warnings.warn(message, ModelVersionWarning, stacklevel=3)
    return message


def _head_state(
    head: ThemeClassifier | StanceClassifier, prefix: str, arrays: dict[str, np.ndarray]
) -> dict[str, Any]:
    arrays[f"{prefix}.coef"] = head.coef_.astype(np.float32)
    arrays[f"{prefix}.intercept"] = head.intercept_.astype(np.float64)
    params = {k: v for k, v in head.get_params(deep=False).items() if k != "features"}
    params["classes"] = list(head.labels)
    state: dict[str, Any] = {"params": params, "weights": head.block_weights().get_params()}
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

    arrays: dict[str, np.ndarray] = {"examples.vectors": coder.example_vectors_.astype(np.float16)}
    feat_state, feat_arrays = coder.features_.to_state()
    arrays.update({f"features.{k}": v for k, v in feat_arrays.items()})
    doc = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "model_version": coder.version,
        "sklearn_version": sklearn.__version__,
        "n_neighbours": coder.n_neighbours,
        "features": feat_state,
        "themes": _head_state(coder.themes, "themes", arrays),
        "stance": _head_state(coder.stance, "stance", arrays),
        "examples": coder.examples_,
        "info": coder.info,
        "arrays": sorted(arrays),
    }
    np.savez_compressed(folder / ARRAYS_FILE, **arrays)
    (folder / MODEL_FILE).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder


def _head(
    cls: type, state: dict[str, Any], prefix: str, arrays: dict[str, np.ndarray], shared: ClauseFeatures
) -> Any:
    params = dict(state["params"])
    params["classes"] = tuple(params["classes"])
    head = cls(features=ClauseFeatures(**state["weights"]), **params)
    head.share(shared)
    head.coef_ = arrays[f"{prefix}.coef"].astype(np.float64)
    head.intercept_ = arrays[f"{prefix}.intercept"]
    head.classes_ = np.asarray(head.labels)
    if head.coef_.shape != (len(head.labels), len(head.feature_names_)):
        raise ValueError(f"{prefix} coefficients do not match the vocabulary")
    if cls is ThemeClassifier:
        head.thresholds_ = np.asarray(state["thresholds"], dtype=float)
        head.platt_ = np.asarray(state["platt"], dtype=float)
        if head.thresholds_.shape != (len(head.labels),) or head.platt_.shape != (len(head.labels), 2):
            raise ValueError(f"{prefix} thresholds or calibration do not match its {len(head.labels)} labels")
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
        feat_arrays = {k.split(".", 1)[1]: v for k, v in arrays.items() if k.startswith("features.")}
        shared = ClauseFeatures.from_state(doc["features"], feat_arrays)
        coder = ClauseCoder(
            themes=_head(ThemeClassifier, doc["themes"], "themes", arrays, shared),
            stance=_head(StanceClassifier, doc["stance"], "stance", arrays, shared),
            n_neighbours=int(doc["n_neighbours"]),
            version=str(doc["model_version"]),
        )
        coder.features_ = shared
        coder.examples_ = doc["examples"]
        coder.example_vectors_ = arrays["examples.vectors"].astype(np.float32)
        coder.info = doc.get("info", {})
    except (KeyError, TypeError, ValueError) as exc:
        raise ModelError(f"model at {where} is corrupt ({exc})") from exc
    mismatch = check_sklearn_version(str(doc.get("sklearn_version", "")), where)
    if mismatch:
        coder.info = {**coder.info, "sklearn_mismatch": mismatch}
    return coder
