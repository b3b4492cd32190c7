"""``python -m corpus_lib …`` runs the command-line interface."""

from corpus_lib.cli import main

raise SystemExit(main())
