"""Store and ingest: idempotent re-ingest, replacement of changed files, rollback on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from nlp.errors import UnknownDocumentError
from nlp.ingest.pipeline import collect, ingest
from nlp.store.base import Store

TEXT = (
    "Artikel 1 Scholing\n\n"
    "1. De werknemer heeft recht op twee opleidingsdagen per jaar.\n\n"
    "2. De werkgever betaalt de kosten van de opleiding.\n"
)
MANIFEST = (
    "doc_id,file,title,doc_type,organisation,sector,country,year,language,source\n"
    "cao-test,cao.txt,Cao Test,cao,Sociale partners,metaal,NL,2025,nl,cao.txt\n"
)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "cao.txt").write_text(TEXT, encoding="utf-8")
    (folder / "manifest.csv").write_text(MANIFEST, encoding="utf-8")
    (folder / "SOURCES.md").write_text("# Sources\n\nNot a document.\n", encoding="utf-8")
    return folder


def test_store_ingest_uses_manifest_and_skips_corpus_notes(store: Store, corpus: Path) -> None:
    report = ingest(store, collect([corpus]))
    assert report.ok and report.status == {"cao-test": "added"}
    meta = store.meta("cao-test")
    assert (meta.title, meta.doc_type, meta.country, meta.year) == ("Cao Test", "cao", "NL", 2025)
    clauses = store.clauses("cao-test")
    assert [c.text for c in clauses] == [
        "De werknemer heeft recht op twee opleidingsdagen per jaar.",
        "De werkgever betaalt de kosten van de opleiding.",
    ]
    assert clauses[0].section == ("Artikel 1 Scholing",)
    doc_text = str(store.document("cao-test")["text"])
    assert all(doc_text[c.start : c.end] == c.text for c in clauses)


def test_store_reingest_is_a_noop(store: Store, corpus: Path) -> None:
    ingest(store, collect([corpus]))
    before = store.con.execute("SELECT ingested_at FROM documents").fetchall()
    report = ingest(store, collect([corpus]))
    assert report.status == {"cao-test": "unchanged"}
    assert store.con.execute("SELECT ingested_at FROM documents").fetchall() == before
    assert len(store.clauses("cao-test")) == 2


def test_store_reingest_skips_unchanged_files_before_reading(
    store: Store, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(store, collect([corpus]))

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("an unchanged file was processed again")

    monkeypatch.setattr("nlp.ingest.pipeline.process", boom)
    assert ingest(store, collect([corpus])).status == {"cao-test": "unchanged"}


def test_store_changed_metadata_updates_without_new_clauses(store: Store, corpus: Path) -> None:
    ingest(store, collect([corpus]))
    (corpus / "manifest.csv").write_text(MANIFEST.replace("Cao Test", "Cao Test 2025"), encoding="utf-8")
    report = ingest(store, collect([corpus]))
    assert report.status == {"cao-test": "updated"}
    assert store.document("cao-test")["title"] == "Cao Test 2025"


def test_store_changed_file_replaces_its_clauses(store: Store, corpus: Path) -> None:
    ingest(store, collect([corpus]))
    (corpus / "cao.txt").write_text(TEXT + "\n3. De opleiding vindt plaats in werktijd.\n", encoding="utf-8")
    report = ingest(store, collect([corpus]))
    assert report.status == {"cao-test": "replaced"}
    assert [c.ordinal for c in store.clauses("cao-test")] == [0, 1, 2]
    assert store.stats()["clauses"] == 3


@pytest.fixture(params=["duckdb", "postgresql"])
def target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A new store on each back end: a DuckDB file or an empty PostgreSQL database."""
    return request.getfixturevalue("pg_url") if request.param == "postgresql" else str(tmp_path / "s.duckdb")


@pytest.fixture
def store(target: str) -> Store:
    """The same tests on both back ends."""
    s = Store(target)
    yield s
    s.close()


def fail_clause_inserts(store: Store, monkeypatch: pytest.MonkeyPatch, failing_call: int, message: str) -> list[int]:
    """Make the ``failing_call``-th bulk insert of clauses fail; returns the call counter."""
    real = store._insert_many
    calls = [0]

    def insert_many(table: str, rows: object, conflict: str = "error") -> None:
        if table == "clauses":
            calls[0] += 1
            if calls[0] == failing_call:
                raise RuntimeError(message)
        real(table, rows, conflict)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_insert_many", insert_many)
    return calls


def test_store_failure_mid_ingest_leaves_store_as_it_was(
    store: Store, corpus: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(store, collect([corpus]))
    before_docs = store.documents()
    before_clauses = store.clauses()
    (corpus / "cao.txt").write_text(
        "Artikel 9\n\n1. Een heel andere bepaling over werkdruk en welzijn.\n", encoding="utf-8"
    )
    (corpus / "extra.txt").write_text(
        "Een tweede document over cameratoezicht op de werkvloer.\n", encoding="utf-8"
    )

    calls = fail_clause_inserts(store, monkeypatch, 2, "disk full")  # the second document's clauses
    with pytest.raises(RuntimeError, match="disk full"):
        ingest(store, collect([corpus]))
    assert calls == [2]
    monkeypatch.undo()
    assert store.documents() == before_docs
    assert store.clauses() == before_clauses


def test_store_bad_file_is_reported_and_others_stored(store: Store, corpus: Path) -> None:
    (corpus / "kapot.pdf").write_bytes(b"%PDF-1.4 garbage")
    report = ingest(store, collect([corpus]))
    assert report.status == {"cao-test": "added"}
    assert len(report.errors) == 1 and "kapot.pdf" in report.errors[0]


def test_store_file_without_metadata_still_ingests(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "Mijn_Notitie.txt"
    path.write_text(
        "De ondernemingsraad krijgt inzage in de gegevens van het volgsysteem.\n", encoding="utf-8"
    )
    ingest(store, collect([path]))
    meta = store.meta("mijn-notitie")
    assert (meta.title, meta.doc_type) == ("Mijn Notitie", "other")


def test_store_unknown_document(store: Store) -> None:
    with pytest.raises(UnknownDocumentError, match="unknown document id 'nope'"):
        store.clauses("nope")


def test_store_reopens_from_disk(target: str, corpus: Path) -> None:
    with Store(target) as s:
        ingest(s, collect([corpus]))
    with Store(target, read_only=True) as s:
        assert s.doc_ids() == ["cao-test"]
        with pytest.raises(Exception, match=r"(?i)read.only"):  # a read-only store refuses writes
            s.delete("cao-test")


def test_store_annotations_keep_text_and_latest_wins(store: Store, corpus: Path) -> None:
    from nlp.coding.gold import from_annotations
    from nlp.errors import StoreError

    ingest(store, collect([corpus]))
    cid = store.clauses("cao-test")[0].clause_id
    store.annotate(cid, ["data"], "neutral", "an")
    store.annotate(cid, ["training", "bogus"], "commitment", "bo", note="recht op opleiding")
    latest = store.annotations()
    assert len(latest) == 1 and latest[0]["annotator"] == "bo" and list(latest[0]["themes"]) == ["training"]
    assert len(store.annotations(latest=False)) == 2
    gold = from_annotations(latest, {"cao-test": "cao"})
    assert gold[0].split == "train" and gold[0].text.startswith("De werknemer") and gold[0].doc_type == "cao"
    with pytest.raises(StoreError, match="unknown clause id"):
        store.annotate("cao-test:99", [], "neutral", "an")
    with pytest.raises(StoreError, match="stance must be one of"):
        store.annotate(cid, [], "maybe", "an")
    with pytest.raises(StoreError, match="annotator"):
        store.annotate(cid, [], "neutral", " ")


def test_store_oversized_file_is_refused_without_reading_it(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nlp.ingest import limits

    big = tmp_path / "groot.txt"
    with big.open("wb") as fh:  # sparse: 60 MB on paper, nothing on disk
        fh.truncate(60 * 1024 * 1024)
    (tmp_path / "klein.txt").write_text("De werkgever overlegt met de ondernemingsraad.\n", encoding="utf-8")
    real_read_bytes = Path.read_bytes

    def guarded(self: Path) -> bytes:
        assert self.name != "groot.txt", "the oversized file was read into memory"
        return real_read_bytes(self)

    monkeypatch.setattr(Path, "read_bytes", guarded)
    report = ingest(store, collect([tmp_path]))
    assert report.status == {"klein": "added"}
    assert len(report.errors) == 1 and f"limit of {limits.DEFAULT_MAX_MB} MB" in report.errors[0]


def test_store_symbolic_links_are_not_followed(store: Store, tmp_path: Path) -> None:
    secret = tmp_path / "elders" / "geheim.txt"
    secret.parent.mkdir()
    secret.write_text("Een geheime zin die niet in de databank mag komen.\n", encoding="utf-8")
    folder = tmp_path / "map"
    folder.mkdir()
    (folder / "passwd.txt").symlink_to(secret)
    (folder / "gewoon.txt").write_text("De werkgever overlegt met de ondernemingsraad.\n", encoding="utf-8")
    report = ingest(store, collect([folder]))
    assert report.status == {"gewoon": "added"}
    assert len(report.errors) == 1 and "symbolic link" in report.errors[0] and "\n" not in report.errors[0]


def _cao(path: Path, *paragraphs: str) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def test_store_reviews_follow_their_clause_text_when_a_document_is_replaced(
    store: Store, tmp_path: Path
) -> None:
    a = "De werkgever bespreekt camerabeelden met de ondernemingsraad."
    b = "Werknemers krijgen jaarlijks vijf opleidingsdagen."
    f = _cao(tmp_path / "cao_x.txt", a, b)
    ingest(store, collect([f]))
    target = next(c for c in store.clauses() if c.text == b)
    store.annotate(target.clause_id, ["training"], "commitment", "Ann")
    # a new paragraph before it: every clause id after it shifts by one
    _cao(f, "Deze cao geldt voor alle werknemers in de sector.", a, b)
    report = ingest(store, collect([f]))
    assert report.status == {"cao-x": "replaced"} and not report.stale_reviews
    now = {c.clause_id: c.text for c in store.clauses()}
    (live,) = store.annotations()
    assert now[str(live["clause_id"])] == b and live["clause_id"] != target.clause_id
    assert store.stale_annotations() == []


def test_store_review_of_a_removed_sentence_is_kept_but_stale(store: Store, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from nlp.cli import main

    a = "De werkgever bespreekt camerabeelden met de ondernemingsraad."
    b = "Werknemers krijgen jaarlijks vijf opleidingsdagen."
    f = _cao(tmp_path / "cao_y.txt", a, b)
    ingest(store, collect([f]))
    target = next(c for c in store.clauses() if c.text == b)
    store.annotate(target.clause_id, ["training"], "commitment", "Ann")
    _cao(f, a, "Werknemers krijgen jaarlijks drie opleidingsdagen.")  # the judged sentence is gone
    store.close()
    res = CliRunner().invoke(main, ["--store", store.path, "ingest", str(f), "--no-code"])
    assert res.exit_code == 0, res.output
    assert "cao-y: 1 reviewed label(s) no longer match a clause" in res.output
    with Store(store.path) as s:
        assert s.annotations() == [], "a review never lands on another sentence"
        (stale,) = s.stale_annotations()
        assert stale["text"] == b and list(stale["themes"]) == ["training"]
        # the sentence comes back: the review is live again
        _cao(f, a, b)
        ingest(s, collect([f]))
        (live,) = s.annotations()
        assert live["text"] == b and s.stale_annotations() == []


def test_store_opens_a_store_whose_annotations_lack_offsets(tmp_path: Path) -> None:
    import duckdb

    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE annotations (clause_id VARCHAR NOT NULL, doc_id VARCHAR NOT NULL, text VARCHAR NOT NULL, "
        "themes VARCHAR[] NOT NULL, stance VARCHAR NOT NULL, annotator VARCHAR NOT NULL, "
        "created_at TIMESTAMP NOT NULL, source VARCHAR NOT NULL, note VARCHAR)"
    )
    con.execute(
        "INSERT INTO annotations VALUES ('d:0', 'd', 'Zin.', ['data'], 'neutral', 'Ann', now(), 'review', '')"
    )
    con.close()
    with Store(path) as s:
        assert [a["text"] for a in s.stale_annotations()] == ["Zin."]


def test_store_non_dutch_text_is_stored_with_its_language_and_not_coded(
    store: Store, tmp_path: Path, coder
) -> None:  # type: ignore[no-untyped-def]
    from click.testing import CliRunner

    from nlp.cli import main
    from nlp.coding.modelio import save

    en = _cao(
        tmp_path / "agreement_en.txt",
        "The employer informs the works council in advance about camera surveillance.",
        "Employees are entitled to five training days per year.",
    )
    nl = _cao(
        tmp_path / "cao_nl.txt", "De werkgever informeert de ondernemingsraad vooraf over camerabewaking."
    )
    report = ingest(store, collect([en, nl]), coder=coder)
    assert report.not_coded == {"agreement-en": "en"}
    assert store.document("agreement-en")["language"] == "en" and store.document("cao-nl")["language"] == "nl"
    assert not store.predictions("agreement-en") and store.predictions("cao-nl")
    model = save(coder, tmp_path / "model")
    store.close()
    res = CliRunner().invoke(main, ["--store", store.path, "ingest", str(en), "--model", str(model)])
    assert (
        res.exit_code == 0 and "not Dutch; stored without codes" not in res.output
    )  # unchanged: nothing new
    res = CliRunner().invoke(
        main, ["--store", store.path, "ingest", str(en), "--model", str(model), "--any-language"]
    )
    assert res.exit_code == 0, res.output
    with Store(store.path) as s:
        assert s.predictions("agreement-en"), "--any-language codes it anyway"
    de = _cao(
        tmp_path / "vertrag_de.txt",
        "Der Arbeitgeber informiert den Betriebsrat vorab über die Videoüberwachung.",
    )
    res = CliRunner().invoke(main, ["--store", store.path, "ingest", str(de), "--model", str(model)])
    assert (
        res.exit_code == 0
        and "vertrag-de: the text is in language 'de', not Dutch; stored without codes" in res.output
    )


def test_store_same_file_under_another_name_is_not_stored_twice(store: Store, tmp_path: Path) -> None:
    a = _cao(
        tmp_path / "cao_a.txt", "De werkgever informeert de ondernemingsraad vooraf over camerabewaking."
    )
    (tmp_path / "kopie").mkdir()
    b = tmp_path / "kopie" / "cao_b.txt"
    b.write_bytes(a.read_bytes())
    c = tmp_path / "kopie" / "cao_c.txt"
    c.write_bytes(a.read_bytes())
    report = ingest(store, collect([a]))
    assert report.ok
    report = ingest(store, collect([b, c]))
    assert store.doc_ids() == ["cao-a"]
    assert len(report.errors) == 2 and all("already stored as 'cao-a'" in e for e in report.errors)


def test_store_read_only_store_embeds_without_caching(target: str) -> None:
    import numpy as np

    from nlp.retrieval.embed import embed

    Store(target).close()
    with Store(target, read_only=True) as s:
        vecs = embed(["Een zin over camera's."], "fake", s)  # missing from the cache: computed, not stored
        assert vecs.shape[0] == 1 and np.isfinite(vecs).all()
        assert s.get_embeddings("fake", []) == {}


def test_store_ingest_commits_in_batches_and_a_rerun_resumes(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "veel"
    folder.mkdir()
    for k in range(5):
        _cao(folder / f"cao_{k}.txt", f"Werknemers in sector {k} krijgen {k + 2} opleidingsdagen per jaar.")
    # fails while writing the clauses of the fourth document
    fail_clause_inserts(store, monkeypatch, 4, "killed")
    with pytest.raises(RuntimeError, match="killed"):
        ingest(store, collect([folder]), batch=2)
    monkeypatch.undo()
    # batches 1 (documents 0-1) are stored whole; batch 2 (2-3) is not stored at all
    assert store.doc_ids() == ["cao-0", "cao-1"]
    assert {c.doc_id for c in store.clauses()} == {"cao-0", "cao-1"}
    report = ingest(store, collect([folder]), batch=2)
    assert report.status == {
        "cao-0": "unchanged",
        "cao-1": "unchanged",
        "cao-2": "added",
        "cao-3": "added",
        "cao-4": "added",
    }
    assert len(store.doc_ids()) == 5


def test_store_ingest_reports_progress_per_file_then_per_document_coded(
    store: Store, tmp_path: Path, coder  # type: ignore[no-untyped-def]
) -> None:
    from nlp.records import Progress

    folder = tmp_path / "drie"
    folder.mkdir()
    for k in range(3):
        _cao(folder / f"cao_{k}.txt", f"Werknemers in sector {k} krijgen {k + 2} opleidingsdagen per jaar.")
    steps: list[Progress] = []
    ingest(store, collect([folder]), on_progress=steps.append, batch=2)  # stored, not coded
    assert [(p.stage, p.done, p.total) for p in steps] == [("read", 1, 3), ("read", 2, 3), ("read", 3, 3)]
    assert steps[-1].item == "cao_2.txt"
    steps.clear()
    report = ingest(store, collect([folder]), on_progress=steps.append, coder=coder)  # unchanged, now coded
    assert [p.stage for p in steps] == ["read"] * 3 + ["code"] * 3
    assert [p.done for p in steps if p.stage == "code"] == [1, 2, 3] and report.coded == 3


def test_store_short_title_from_the_manifest_and_an_older_store_read_before_its_upgrade(
    tmp_path: Path, corpus: Path
) -> None:
    (corpus / "manifest.csv").write_text(
        MANIFEST.replace("source\n", "source,short_title\n").replace("cao.txt\n", "cao.txt,Cao metaal 2025\n"),
        encoding="utf-8",
    )
    path = tmp_path / "s.duckdb"
    with Store(path) as s:
        ingest(s, collect([corpus]))
        assert s.meta("cao-test").short_title == "Cao metaal 2025"
        assert ingest(s, collect([corpus])).status == {"cao-test": "unchanged"}
        s.con.execute("ALTER TABLE documents DROP COLUMN short_title")  # as a store made before the column
    with Store(path, read_only=True) as s:  # read-only: not upgraded, the column reads as empty
        assert s.meta("cao-test").short_title is None and s.documents()[0]["title"] == "Cao Test"
    with Store(path) as s:  # opened for writing: upgraded, and a re-ingest fills it in (metadata only)
        assert ingest(s, collect([corpus])).status == {"cao-test": "updated"}
        assert s.meta("cao-test").short_title == "Cao metaal 2025"
