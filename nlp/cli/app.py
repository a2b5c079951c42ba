"""The ``clause-atlas`` command group and what all commands share.

Every error a user can cause ends as one line on stderr (``error: ...``) and exit code 1;
usage errors exit with 2 (click's convention).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any

import click

from nlp import __version__
from nlp.errors import ClauseAtlasError
from nlp.store.paths import STORE_ENV, default_store

if TYPE_CHECKING:
    from nlp.store.base import Store


def _fail(message: str) -> None:
    click.echo(f"error: {message}", err=True)
    sys.exit(1)


def friendly(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn user-caused errors into one readable line and exit code 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ClauseAtlasError as exc:
            _fail(str(exc))
        except BrokenPipeError:  # e.g. piped into `head`
            sys.exit(0)

    return wrapper


def _open_store(ctx: click.Context, *, read_only: bool = False) -> Store:
    from nlp.store.base import Store  # the database library is imported by the commands that need it

    return Store(ctx.obj["store"], read_only=read_only, wait=ctx.obj["wait"])


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="clause-atlas")
@click.option(
    "--store",
    envvar=STORE_ENV,
    default=None,
    metavar="FILE|URL",
    help=f"DuckDB store file, or postgresql://user@host/db for a shared store [env {STORE_ENV}; default data/clause_atlas.duckdb].",
)
@click.option(
    "--wait",
    type=click.FloatRange(min=0),
    envvar="CLAUSE_ATLAS_WAIT",
    default=5.0,
    show_default=True,
    help="Seconds to wait while another process (the app, another command) holds the store [env CLAUSE_ATLAS_WAIT].",
)
@click.pass_context
def main(ctx: click.Context, store: str | None, wait: float) -> None:
    """Clause Atlas: cut Dutch work-and-technology documents into clauses and query them."""
    ctx.ensure_object(dict)
    ctx.obj["store"] = store or default_store()
    ctx.obj["wait"] = wait
