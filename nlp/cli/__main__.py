"""``python -m nlp.cli``."""

from nlp.cli import main

main()
