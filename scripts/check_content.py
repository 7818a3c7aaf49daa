"""Content check (``make check``): the build's rules plus spelling, every problem in one run, in plain words.

It reads ``docs/``, ``data/`` and ``mkdocs.yml`` into the same course model the build
uses (``hooks/course/model.py``) and runs the same rules (``hooks/course/rules``), so
it stops exactly what ``make build`` stops; then the rules that only ``make check``
runs (spelling, with hunspell and codespell) and the review-date warnings.

Output: one line per problem, ``file:line: problem. Cómo arreglarlo / How to fix it:
fix``; warnings start with ``Aviso / Warning:``. When ``GITHUB_ACTIONS=true`` it also
prints workflow commands (``::error file=…,line=…::…``), so a pull request shows each
problem on its line. Exits with 1 when there is at least one problem.

Usage: ``python scripts/check_content.py [--root FOLDER] [--today AAAA-MM-DD]``
(``--root``: another site folder, for the tests; ``--today``: the date to compare with).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from course import rules  # noqa: E402
from course.association import publish_problems  # noqa: E402
from course.model import load_course, read_settings  # noqa: E402
from course.problems import Problem, annotation  # noqa: E402


@dataclass
class Report:
    problems: list[Problem]
    warnings: list[Problem]


def check_site(root: Path, today: dt.date, *, spelling: bool = True) -> Report:
    """Every rule on a site folder: ``Report(problems, warnings)``."""
    course = load_course(root, read_settings(root), today=today)
    chosen = rules.BUILD + (rules.CHECK_ONLY if spelling else ())
    return Report(rules.run(course, chosen), rules.run(course, rules.WARNINGS))


def format_report(report: Report, *, github: bool = False) -> str:
    lines = []
    for problem in report.problems:
        lines.append(str(problem))
        if github:
            lines.append(annotation(problem))
    for warning in report.warnings:
        lines.append(f"Aviso / Warning: {warning}")
        if github:
            lines.append(annotation(warning, "warning"))
    count = len(report.problems)
    if count:
        lines.append(f"El contenido tiene {count} error(es) / The content has {count} error(s). "
                     "Lee CONTRIBUTING.md, «Las comprobaciones», si un mensaje no se entiende.")
    else:
        lines.append("Contenido correcto / Content OK.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the site folder (default: this repository)")
    parser.add_argument("--settings-only", action="store_true",
                        help="only read mkdocs.yml (make build and make serve run this first: MkDocs' own message "
                             "for a broken mkdocs.yml names no fix)")
    parser.add_argument("--publish", action="store_true",
                        help="also refuse what must not be published (the association's details still pending): "
                             "the deploy job runs this before publishing")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the date to compare review dates with (default: today)")
    args = parser.parse_args(argv)
    if args.settings_only:
        problems = read_settings(args.root.resolve()).problems
        for problem in problems:
            print(problem, file=sys.stderr)
        return 1 if problems else 0
    if args.publish:
        course = load_course(args.root.resolve(), read_settings(args.root.resolve()), today=args.today)
        problems = publish_problems(course.association)
        report = Report(problems, [])
        print(format_report(report, github=os.environ.get("GITHUB_ACTIONS") == "true"))
        if problems:
            print("La web no se publica hasta que estos datos estén completos (los pull requests y la vista previa "
                  "siguen funcionando) / The site is not published until these details are filled in.")
        return 1 if problems else 0
    report = check_site(args.root.resolve(), args.today)
    print(format_report(report, github=os.environ.get("GITHUB_ACTIONS") == "true"))
    return 1 if report.problems else 0


if __name__ == "__main__":
    sys.exit(main())
