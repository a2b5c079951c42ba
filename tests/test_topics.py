"""Topics: planted topics are recovered, outliers stay within budget, nothing goes to the network."""

from __future__ import annotations

import socket

import numpy as np
import pytest

pytest.importorskip("bertopic")
from nlp.analysis import topics

PLANTED = {
    "camera": "camerabeelden toezicht bewaking opnames camera",
    "opleiding": "opleiding cursus scholing vorming leerbudget",
    "werkdruk": "werkdruk stress burn-out herstel pauzes",
}


def planted(n: int = 90, seed: int = 0) -> tuple[list[str], np.ndarray, list[int]]:
    rng = np.random.default_rng(seed)
    centres = rng.standard_normal((len(PLANTED), 48))
    texts, vecs, labels = [], [], []
    for k, words in enumerate(PLANTED.values()):
        vocab = words.split()
        for i in range(n):
            picked = rng.choice(vocab, size=4, replace=True)
            texts.append(f"Clausule {i} over {' '.join(picked)} in de sector.")
            vecs.append(centres[k] + 0.15 * rng.standard_normal(48))
            labels.append(k)
    m = np.array(vecs, dtype=np.float32)
    return texts, m / np.linalg.norm(m, axis=1, keepdims=True), labels


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise OSError("network access attempted during topic fitting")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)


def test_topics_recover_planted_topics_without_network(no_network: None, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from sklearn.metrics import adjusted_rand_score

    texts, vecs, labels = planted()
    result = topics.fit(texts, vecs, seed=0, min_topic_size=40, guided=False)
    assert result.outlier_share <= topics.OUTLIER_BUDGET
    kept = [i for i, t in enumerate(result.topics) if t != -1]
    assert adjusted_rand_score([labels[i] for i in kept], [result.topics[i] for i in kept]) > 0.8
    words = " ".join(w for t in set(result.topics) if t != -1 for w, _ in result.model.get_topic(t)[:10])
    assert all(any(w in words for w in v.split()) for v in PLANTED.values())
    folder = topics.save(result, tmp_path / "t", [f"c{i}" for i in range(len(texts))])
    model, saved = topics.load(folder)
    assert saved["topics"] == result.topics and model.get_topic(result.topics[kept[0]])
    assert not list(folder.rglob("*.pkl")) and not list(folder.rglob("*.pickle"))


def test_topics_cross_table_and_errors() -> None:
    assert topics.cross_table([0, 0, 1], [["data"], [], ["data", "training"]]) == {
        0: {"participation": 0, "data": 1, "training": 0, "wellbeing": 0, "none": 1},
        1: {"participation": 0, "data": 1, "training": 1, "wellbeing": 0, "none": 0},
    }
    with pytest.raises(topics.TopicsError, match="too few clauses"):
        topics.fit(["a"] * 10, np.zeros((10, 4)))
    with pytest.raises(topics.TopicsError, match="no topic model"):
        topics.load("/nonexistent/folder")


def test_topics_fit_index_saves_assignments_with_their_cross_tables(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import json
    from types import SimpleNamespace

    texts, vecs, _labels = planted()
    rows = [
        {"clause_id": f"c{i}", "text": t, "themes": ["training"] if i % 2 else [], "doc_type": "cao",
         "organisation": "", "year": 2025}
        for i, t in enumerate(texts)
    ]
    result = topics.fit_index(SimpleNamespace(rows=rows, vectors=vecs), min_topic_size=40, folder=tmp_path / "t")
    saved = json.loads((tmp_path / "t" / "assignments.json").read_text(encoding="utf-8"))
    assert saved["clause_ids"] == [r["clause_id"] for r in rows] and saved["topics"] == result.topics
    assert {"cross_table", "per_doc_type", "per_organisation", "per_year"} <= set(saved["info"])
