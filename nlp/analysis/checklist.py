"""The provision checklist: concrete arrangements per theme, as data (``corpus/checklists/``).

Each provision has an id, a theme, a Dutch name, a definition, its legal anchor where there is
one, cue terms (word beginnings such as ``telewerk``) and example clauses from the corpus. A
knowledge centre adds a provision by adding an entry to the YAML file; detection
(:mod:`nlp.analysis.provisions`) uses the definition, terms and examples without retraining.
This module reads and checks the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from nlp.errors import ClauseAtlasError
from nlp.resources import THEMES

DEFAULT_CHECKLIST = Path(__file__).resolve().parents[2] / "corpus" / "checklists" / "provisions.yaml"
CHECKLIST_ENV = "CLAUSE_ATLAS_CHECKLIST"


def checklist_path(path: str | Path | None = None) -> Path:
    """The checklist file: ``path``, else ``$CLAUSE_ATLAS_CHECKLIST``, else the shipped one."""
    import os

    return Path(path or os.environ.get(CHECKLIST_ENV) or DEFAULT_CHECKLIST)


class ChecklistError(ClauseAtlasError, ValueError):
    """The checklist file is missing or malformed."""


@dataclass(frozen=True)
class Example:
    """A clause of the corpus that makes or clearly names the arrangement."""

    clause_id: str
    text: str


@dataclass(frozen=True)
class Provision:
    """One concrete arrangement a document may make."""

    id: str
    theme: str
    name: str
    definition: str
    legal_anchor: str = ""
    examples: tuple[Example, ...] = ()
    terms: tuple[str, ...] = ()

    @property
    def profile(self) -> str:
        """The provision in words: name, definition and cue terms (what detection compares with)."""
        return " ".join([self.name + ".", self.definition, *self.terms])


def load_checklist(path: str | Path | None = None) -> list[Provision]:
    """Read and check the checklist (:func:`checklist_path` says which file).

    Raises:
        ChecklistError: the file is missing, not YAML, or an entry lacks a field, repeats an id,
            names an unknown theme or has an example without clause id and text.
    """
    import yaml

    path = checklist_path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ChecklistError(f"cannot read the checklist {path}: {exc.strerror}") from exc
    except yaml.YAMLError as exc:
        raise ChecklistError(f"{path} is not valid YAML: {str(exc).splitlines()[0]}") from exc
    entries = (data or {}).get("provisions") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise ChecklistError(f"{path}: expected a 'provisions' list")
    out: list[Provision] = []
    seen: set[str] = set()
    for n, e in enumerate(entries, 1):
        missing = [
            k for k in ("id", "theme", "name", "definition") if not isinstance(e, dict) or not e.get(k)
        ]
        if missing:
            raise ChecklistError(f"{path}: provision {n} lacks {', '.join(missing)}")
        if e["id"] in seen:
            raise ChecklistError(f"{path}: provision id {e['id']!r} appears twice")
        if e["theme"] not in THEMES:
            raise ChecklistError(
                f"{path}: provision {e['id']!r} has theme {e['theme']!r}; use one of {', '.join(THEMES)}"
            )
        examples = []
        for x in e.get("examples") or []:
            if not isinstance(x, dict) or not x.get("clause_id") or not x.get("text"):
                raise ChecklistError(f"{path}: an example of {e['id']!r} needs clause_id and text")
            examples.append(Example(str(x["clause_id"]), str(x["text"])))
        terms = e.get("terms") or []
        if not isinstance(terms, list) or not all(isinstance(t, str) and t.strip() for t in terms):
            raise ChecklistError(f"{path}: the terms of {e['id']!r} must be a list of words")
        seen.add(e["id"])
        out.append(
            Provision(
                str(e["id"]),
                str(e["theme"]),
                str(e["name"]),
                " ".join(str(e["definition"]).split()),
                str(e.get("legal_anchor") or ""),
                tuple(examples),
                tuple(t.strip().lower() for t in terms),
            )
        )
    return out
