"""The tasks app sits above the meetings app: no module of ``chidao.meetings`` imports
``chidao.tasks`` (nor ``chidao.workflow``, above both), not even inside a function."""

from __future__ import annotations

import ast
from pathlib import Path

import chidao.meetings

ROOT = Path(chidao.meetings.__file__).parent
ABOVE = ("chidao.tasks", "chidao.workflow")


def imported(source: str, package: str) -> list[tuple[int, str]]:
    """Every module (and ``module.name``) imported anywhere in ``source``, top level or inside
    functions; relative imports resolved against ``package``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
            if node.level:
                name = f"{base}.{node.module}" if node.module else base
            else:
                name = node.module or ""
            found.append((node.lineno, name))
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return found


def above(name: str) -> bool:
    return any(name == up or name.startswith(up + ".") for up in ABOVE)


def test_no_module_of_meetings_imports_the_tasks_app():
    sources = sorted(ROOT.rglob("*.py"))
    assert len(sources) > 10  # the walk found the package's modules
    offending = []
    for path in sources:
        package = ".".join(["chidao", "meetings", *path.relative_to(ROOT).parent.parts])
        for line, name in imported(path.read_text(encoding="utf-8"), package):
            if above(name):
                offending.append(f"{path.relative_to(ROOT)}:{line} imports {name}")
    assert offending == []


def test_the_check_sees_imports_inside_functions_and_relative_ones():
    source = (
        "import os\n"
        "def f():\n"
        "    from chidao import tasks\n"
        "def g():\n"
        "    from ...tasks.models import Task\n"
        "    import chidao.workflow.sessions\n"
    )
    names = [n for _, n in imported(source, "chidao.meetings.views")]
    assert [n for n in names if above(n)] == [
        "chidao.tasks",
        "chidao.tasks.models",
        "chidao.tasks.models.Task",
        "chidao.workflow.sessions",
    ]
    assert not above("os")
