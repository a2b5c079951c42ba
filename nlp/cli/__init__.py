"""The ``clause-atlas`` command line: thin wrappers over the package's functions.

Commands live in one module per area (``corpus``, ``coding``, ``explore``, ``checklist``, ``topics``); importing them registers them
on the :func:`~nlp.cli.app.main` group.
"""

from nlp.cli import checklist, coding, corpus, explore, topics  # noqa: F401  (registers commands)
from nlp.cli.app import main

__all__ = ["main"]
