"""The ``chidao`` command.

``chidao extract`` runs the pure extraction library; every other sub-command
(``init``, ``ingest``, ``demo``, ``serve``, ...) is a Django management command of the
web application, run with the project's settings.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv and argv[0] == "extract":
        from chidao.extract.cli import main as extract_main

        return extract_main(argv[1:])
    import os

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chidao.web.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["chidao", *argv])
    return 0


if __name__ == "__main__":
    sys.exit(main())
