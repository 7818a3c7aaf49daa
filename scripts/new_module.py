"""New module: create docs/modulos/<id>.es.md and .en.md from the templates.

Run with ``make new-module ID=ventas-por-whatsapp``. The templates
(``scripts/templates/module.es.md`` and ``module.en.md``) have every front matter
field, every section a module needs with its ``{ #anchor }``, a checklist, three
questions and a trainer note. Every text to write is marked ``RELLENAR``:
``make check`` lists each one until it is replaced, and then the module passes the
check and the build. An existing module is never overwritten.

Usage: ``python scripts/new_module.py ID [--root FOLDER] [--today AAAA-MM-DD]``
(``--root``: another site folder, for the tests).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import unicodedata
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = Path(__file__).resolve().parent / "templates"
LOCALES = ("es", "en")
MODULES_FOLDER = "docs/modulos"
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def normalised_id(written: str) -> str:
    """The module's id from what the editor typed: «ID=x», «docs/modulos/x.es.md» and «x.md» all mean «x»."""
    written = written.strip().removeprefix("ID=")
    written = re.sub(r"^(?:docs/)?(?:modulos/)?", "", written)
    return re.sub(r"(?:\.(?:es|en))?\.md$", "", written)


def suggested_id(written: str) -> str:
    """A usable id made from a title («Ventas por WhatsApp» → «ventas-por-whatsapp»)."""
    folded = unicodedata.normalize("NFKD", written.lower())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def nav_line(root: Path, module_id: str) -> tuple[str, str | None]:
    """The menu line to paste, indented as the other modules' lines, and the line it goes after."""
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines() if config.is_file() else []
    modules = [line for line in lines if re.match(r"^\s*- modulos/[^\s]+\.md\s*$", line)]
    indent = re.match(r"^\s*", modules[-1]).group(0) if modules else "      "
    return f"{indent}- modulos/{module_id}.md", (modules[-1].strip() if modules else None)


def module_files(root: Path, module_id: str) -> list[Path]:
    return [root / MODULES_FOLDER / f"{module_id}.{locale}.md" for locale in LOCALES]


def render(locale: str, today: dt.date) -> str:
    template = Template((TEMPLATES / f"module.{locale}.md").read_text(encoding="utf-8"))
    return template.substitute(today=today.isoformat())


def create_module(root: Path, module_id: str, today: dt.date) -> list[Path]:
    """Write both files; raises ValueError (in plain words) for a bad id or an existing module."""
    if not _ID.match(module_id):
        suggestion = suggested_id(module_id) or "ventas-por-whatsapp"
        raise ValueError(
            f"«{module_id}» no sirve como nombre de módulo: usa solo minúsculas sin tildes, números y guiones. "
            f"Prueba con  make new-module ID={suggestion}")
    files = module_files(root, module_id)
    existing = [path for path in files if path.exists()]
    if existing:
        names = " y ".join(path.relative_to(root).as_posix() for path in existing)
        raise ValueError(f"ya existe {names}: no se sobrescribe un módulo. Elige otro nombre o edita ese archivo")
    for path, locale in zip(files, LOCALES):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(render(locale, today), encoding="utf-8")
    return files


def next_steps(module_id: str, files: list[Path], root: Path) -> str:
    created = "\n".join(f"  {path.relative_to(root).as_posix()}" for path in files)
    line, after = nav_line(root, module_id)
    where = f"debajo de la línea «{after}»" if after else "en la sección «Módulos:»"
    return f"""Creado / Created:
{created}

Siguientes pasos / Next steps:
  1. Añade el módulo al menú: en mkdocs.yml, dentro de nav:, {where}, pega esta línea tal cual
     (una sola línea sirve para los dos idiomas; los espacios del principio cuentan):
{line}
     Add the module to the menu: in mkdocs.yml, under nav:, paste the line above exactly as it is.
  2. Busca RELLENAR en los dos archivos y cambia cada uno por tu texto, en español y en inglés.
     Replace every RELLENAR in both files with your text.
  3. Ejecuta  make check  y arregla lo que diga; después  make serve  para ver la página.
     Run  make check  and fix what it says; then  make serve  to see the page.
  Cómo escribir cada parte / How to write each part: CONTRIBUTING.md, «Añadir un módulo»."""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("id", help="the module's name: lowercase, digits and hyphens (ventas-por-whatsapp)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the site folder (default: this repository)")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=dt.date.today(),
                        help="the date for last_reviewed (default: today)")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    module_id = normalised_id(args.id)
    try:
        files = create_module(root, module_id, args.today)
    except ValueError as error:
        print(f"No se ha creado nada / Nothing was created: {error}.", file=sys.stderr)
        return 1
    print(next_steps(module_id, files, root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
