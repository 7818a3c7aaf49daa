"""The association's details: one data file, written into the legal pages, and no publishing while pending."""

from __future__ import annotations

import datetime as dt
import re

import check_content
from conftest import ROOT, build_site, make_site

FILLED = """name: "Asociación de Comerciantes de Prueba"
nif: "G33123456"
address: "Calle Corrida 1, 33206"
city: "Gijón (Asturias)"
email: "info@comercio-prueba.es"
phone: "985 123 456"
register: "Registro de Asociaciones del Principado de Asturias, n.º 1234"
"""
PAGE = ("docs/acerca.es.md", "Este curso es gratis.",
        "Este curso es gratis. Escríbenos a {{ asociacion.correo }} o llama al {{ asociacion.telefono }}.")
PAGE_EN = ("docs/acerca.en.md", "This course is free.",
           "This course is free. Write to {{ asociacion.correo }} or call {{ asociacion.telefono }}.")
HOW = "Cómo arreglarlo / How to fix it:"


def messages(site) -> list[str]:
    return [str(p) for p in check_content.check_site(site, dt.date(2026, 12, 1), spelling=False).problems]


def test_pages_show_the_details_from_the_data_file(tmp_path):
    site = make_site(tmp_path / "site", replace=[PAGE, PAGE_EN], changes={"data/association.yml": FILLED})
    assert messages(site) == []
    built = build_site(site)
    assert built.ok, built.log
    spanish = (built.site / "acerca/index.html").read_text(encoding="utf-8")
    english = (built.site / "en/acerca/index.html").read_text(encoding="utf-8")
    assert "Escríbenos a info@comercio-prueba.es o llama al 985 123 456." in spanish
    assert "Write to info@comercio-prueba.es or call 985 123 456." in english
    assert "asociacion." not in spanish and "Datos pendientes" not in spanish
    assert check_content.main(["--root", str(site), "--publish"]) == 0


def test_while_details_are_pending_pages_say_so_and_the_site_is_not_published(tmp_path, capsys):
    pending = FILLED.replace('email: "info@comercio-prueba.es"', 'email: "PENDIENTE: correo de contacto"')
    site = make_site(tmp_path / "site", replace=[PAGE, PAGE_EN], changes={"data/association.yml": pending})
    assert messages(site) == []  # previews and pull-request builds still work
    built = build_site(site)
    assert built.ok, built.log
    spanish = (built.site / "acerca/index.html").read_text(encoding="utf-8")
    english = (built.site / "en/acerca/index.html").read_text(encoding="utf-8")
    assert "Escríbenos a [pendiente] o llama al 985 123 456." in spanish and "Datos pendientes" in spanish
    assert "Write to [pending] or call" in english and "Details pending" in english
    capsys.readouterr()
    assert check_content.main(["--root", str(site), "--publish"]) == 1
    assert ("data/association.yml:5: el dato 'email' de la asociación todavía dice PENDIENTE, y la ley (LSSI, art. 10) "
            f"pide que la web lo muestre. {HOW} escribe el dato real en data/association.yml, entre las comillas; hasta "
            "entonces la web no se publica") in capsys.readouterr().out


def test_mistakes_in_the_details_or_their_use_are_plain_messages(tmp_path):
    broken = FILLED.replace('nif: "G33123456"', 'nif: "33123456"').replace('phone: "985 123 456"\n', "")
    site = make_site(tmp_path / "site", changes={"data/association.yml": broken}, replace=[
        ("docs/acerca.es.md", "Este curso es gratis.", "Este curso es gratis. Fax: {{ asociacion.fax }}."),
        ("docs/modulos/sms.es.md", "    - [ ] Tengo el permiso de cada cliente.",
         "    - [ ] Tengo el permiso de cada cliente ({{ asociacion.correo }})."),
    ])
    expected = [
        "data/association.yml: falta el dato 'phone' de la asociación. " + HOW + " añade la línea  phone: \"…\"  con "
        "solo cifras y espacios, como 985 000 000",
        "data/association.yml:2: el dato 'nif' («33123456») no parece correcto. " + HOW + " escribe una letra, siete "
        "cifras y una cifra o letra, sin espacios: G33000000",
        "docs/acerca.es.md:9: «{{ asociacion.fax }}» no es un dato de la asociación. " + HOW + " usa uno de estos: "
        "{{ asociacion.nombre }}, {{ asociacion.nif }}, {{ asociacion.domicilio }}, {{ asociacion.ciudad }}, "
        "{{ asociacion.correo }}, {{ asociacion.telefono }}, {{ asociacion.registro }}",
        "docs/modulos/sms.es.md:50: «{{ asociacion.correo }}» está dentro de una lista, una pregunta o una nota, y ahí "
        "no se rellena. " + HOW + " escríbelo en el texto normal de la página",
    ]
    assert messages(site) == expected
    built = build_site(site)
    assert not built.ok and all(message in built.log for message in expected)


def test_the_real_site_takes_its_details_from_the_data_file_and_the_deploy_job_checks_them_first(site_dir):
    for page in ("aviso-legal", "privacidad", "accesibilidad"):
        for prefix in ("", "en/"):
            assert "asociacion." not in (site_dir / prefix / page / "index.html").read_text(encoding="utf-8")
        assert "{{ asociacion." in (ROOT / f"docs/{page}.es.md").read_text(encoding="utf-8")
    workflow = (ROOT / ".github/workflows/site.yml").read_text(encoding="utf-8")
    deploy = workflow[workflow.index("\n  deploy:"):]
    assert re.search(r"run: make publish-check\n(?:.*\n)*?\s+- run: make build", deploy)
