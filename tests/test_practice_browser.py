"""What a merchant sees using the practice tools in Chromium, on a phone (390×844), in both languages.

The SMS composer counts messages at the edges (160/161 GSM-7 characters, 70/71 with an accent, a
euro sign, an emoji) and shows the module's checks; every case of tests/data/sms_cases.yml gives in
the page the numbers hooks/course/sms.py gives in the build; each SMS example in the module shows the
count the composer gives for its text. Drafts survive a reload and the language switch, and blocked or
corrupt storage breaks nothing. The email preview cuts the subject where a phone does. The crisis
triage gives each level of the crisis module, keeps its answers and prints alone. With each tool in
use, axe finds nothing in it in either palette and nothing overflows a 360px screen; without
JavaScript each tool says in one line what it would do.

All on the real site (session fixtures ``site_dir``/``site_url``), one phone context per test.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from conftest import AXE_TAGS, PageWatch, axe_violations, open_context, watch_page

KEY = "digicom.practice.v1"
PHONE = {"width": 390, "height": 844}
CASES = yaml.safe_load((Path(__file__).parent / "data" / "sms_cases.yml").read_text(encoding="utf-8"))
LANGUAGES = {"es": "", "en": "en/"}
WORDS = {
    "es": {"chars": "caracteres", "yes": "Sí", "no": "Falta", "pending": "Por comprobar",
           "green": "Verde: todo normal", "yellow": "Amarillo: algo se mueve", "red": "Rojo: crisis",
           "not_saved": "Este navegador no deja guardar: si recargas la página, lo perderás."},
    "en": {"chars": "characters", "yes": "Yes", "no": "Missing", "pending": "To check",
           "green": "Green: business as usual", "yellow": "Yellow: something is stirring", "red": "Red: crisis",
           "not_saved": "This browser does not allow saving: if you reload the page, it is gone."},
}
# mkdocs-quiz's own quiz.js (on every module page) logs this when it cannot read its progress; it belongs
# to the quizzes, not to the practice tools (tests/test_checklists_browser.py lets it through the same way).
QUIZ_STORAGE_ERROR = "Failed to load quiz progress: SecurityError: The user blocked storage"
BLOCK_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The user blocked storage", "SecurityError"); },
});
"""
SMS = "#practice-sms"
TRIAGE = "#practice-crisis-triage"
TEXT = f"{SMS} [data-sms-text]"
SUMMARY = f"{SMS} [data-sms-summary]"
TEMPLATE = "Calzados Xana: botas de agua al 20% hasta el 30/11. Enseña este SMS en caja. Baja: calzadosxana.es/baja"


@pytest.fixture
def phone(browser):
    """A phone-sized tab that fails the test on a console error or a request to another host."""
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport=PHONE, locale="es-ES", service_workers="block")
    tab = context.new_page()
    watch_page(tab, watch)
    yield tab
    context.close()
    assert not watch.foreign_requests, f"requests to other hosts: {watch.foreign_requests}"
    assert not watch.console_errors, f"console errors: {watch.console_errors}"


def tool_shown(page, tool: str) -> None:
    """The merchant scrolls to the tool: its script loads as it comes near (load-near.js), and shows it."""
    page.locator(tool).scroll_into_view_if_needed()
    page.locator(f"{tool} [data-practice-tool]").wait_for(state="visible")


def open_tool(page, site_url: str, lang: str, module: str, tool: str) -> None:
    page.goto(f"{site_url}{LANGUAGES[lang]}modulos/{module}/")
    tool_shown(page, tool)


def fresh(page, site_url: str, lang: str, module: str, tool: str) -> None:
    """The page as a first-time visitor sees it (each test has a new browser context: nothing stored)."""
    open_tool(page, site_url, lang, module, tool)
    assert page.evaluate(f"() => localStorage.getItem({json.dumps(KEY)})") is None


def type_sms(page, message: str, typed: int = 12) -> None:
    """Paste all but the end of the message, and type its last ``typed`` characters key by key."""
    cut = max(len(message) - typed, 0)
    page.locator(TEXT).fill(message[:cut])
    page.locator(TEXT).press_sequentially(message[cut:])


def summary(page) -> str:
    return page.locator(SUMMARY).inner_text()


def checks(page) -> dict[str, str]:
    return page.locator(f"{SMS} [data-check]").evaluate_all(
        "items => Object.fromEntries(items.map(i => [i.dataset.check, i.querySelector('[data-check-state]').textContent]))")


def marked(page, where: str) -> list[str]:
    return page.locator(f"{SMS} {where} mark").evaluate_all("marks => marks.map(m => m.dataset.char || m.textContent)")


def stored(page):
    return page.evaluate(f"() => JSON.parse(localStorage.getItem({json.dumps(KEY)}))")


def assert_usable_by_everyone(page, *parts: str) -> None:
    """With the tool in use: axe finds nothing in it, in either palette (tests/test_quality.py sweeps the rest
    of every page), and the page does not overflow a 360px screen."""
    found = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)
        inside = {"include": [[part] for part in parts]}
        found += [f"{scheme}: {violation}" for violation in axe_violations(page, inside, tags=AXE_TAGS)]
    page.emulate_media(color_scheme="light")
    page.set_viewport_size({"width": 360, "height": 740})
    width = page.evaluate("() => document.documentElement.scrollWidth")
    page.set_viewport_size(PHONE)
    assert not found, "\n".join(found)
    assert width <= 360, f"{width}px wide on a 360px screen"


# ── The SMS composer ─────────────────────────────────────────────────────

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_composer_counts_messages_at_the_edges_as_a_merchant_types_them(phone, site_url, lang):
    chars = WORDS[lang]["chars"]
    fresh(phone, site_url, lang, "sms", SMS)
    assert phone.locator(TEXT).input_value() == TEMPLATE
    assert summary(phone) == f"103 {chars} · GSM-7 · 1 SMS"

    gsm_160 = "Oferta en Calzados Xana. " * 6 + "Ven ya!!!!"
    type_sms(phone, gsm_160)
    assert summary(phone) == f"160 {chars} · GSM-7 · 1 SMS"
    phone.locator(TEXT).press("!")
    assert summary(phone) == f"161 {chars} · GSM-7 · 2 SMS"

    type_sms(phone, "Ven el sábado" + "." * 57)
    assert summary(phone) == f"70 {chars} · UCS-2 · 1 SMS"
    assert marked(phone, "[data-sms-why]") == ["á"]
    assert marked(phone, "[data-sms-marked]") == ["á"]
    phone.locator(TEXT).press(".")
    assert summary(phone) == f"71 {chars} · UCS-2 · 2 SMS"
    tradeoff = phone.locator(f"{SMS} [data-sms-tradeoff]")
    assert tradeoff.is_visible()
    assert tradeoff.inner_text().startswith("Sin esos caracteres cabría en 1 SMS." if lang == "es"
                                            else "Without those characters it would fit in 1 SMS.")
    assert "quites" not in tradeoff.inner_text() or "no las quites" in tradeoff.inner_text()

    type_sms(phone, "Corte y peinado por 25 € hasta el 31/03.")
    assert summary(phone) == f"41 {chars} · GSM-7 · 1 SMS"
    assert marked(phone, "[data-sms-doubles]") == ["€"]
    assert phone.locator(f"{SMS} [data-sms-marked] mark.digicom-sms-text__double").inner_text() == "€"
    assert not tradeoff.is_visible()

    type_sms(phone, "Gracias 😀")
    assert summary(phone) == f"10 {chars} · UCS-2 · 1 SMS"
    assert marked(phone, "[data-sms-why]") == ["😀"]

    # Screen readers hear the count once the typing stops, politely.
    region = phone.locator(f"{SMS} [data-practice-announce]")
    assert region.get_attribute("aria-live") == "polite"
    # On a slow machine a pause inside the earlier typing announces that count first: wait for the last one.
    heard = f"10 {chars}, UCS-2, 1 SMS."
    phone.wait_for_function("([el, heard]) => el.textContent === heard", arg=[region.element_handle(), heard],
                            timeout=5000)
    phone.locator(f"{SMS} [data-sms-shop]").fill("Calzados Xana")
    type_sms(phone, "Calzados Xana: 25 € el sábado 😀. Responde SÍ")
    assert_usable_by_everyone(phone, SMS, "figure.digicom-sms-example")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_composer_shows_the_modules_checks(phone, site_url, lang):
    w = WORDS[lang]
    fresh(phone, site_url, lang, "sms", SMS)
    assert checks(phone) == {"shop": w["pending"], "action": w["yes"], "date": w["yes"], "optout": w["yes"]}
    phone.locator(f"{SMS} [data-sms-shop]").press_sequentially("calzados xana")
    assert checks(phone)["shop"] == w["yes"]
    assert not phone.locator(f"{SMS} [data-sms-shop-hint]").is_visible()
    type_sms(phone, "Hola: hay novedades en la tienda.")
    assert checks(phone) == {"shop": w["no"], "action": w["no"], "date": w["no"], "optout": w["no"]}
    assert not phone.locator(f"{SMS} [data-sms-reply]").is_visible()
    type_sms(phone, "Calzados Xaná: pásate el sábado y responde BAJA si no quieres más SMS.")
    assert checks(phone) == {"shop": w["yes"], "action": w["yes"], "date": w["yes"], "optout": w["yes"]}
    assert phone.locator(f"{SMS} [data-sms-reply]").is_visible()  # a named sender cannot get replies


def test_every_case_of_the_shared_table_counts_in_the_page_as_in_the_build(phone, site_url):
    fresh(phone, site_url, "es", "sms", SMS)
    wrong = []
    for case in CASES:
        text = case["text"] if "text" in case else "".join(piece * times for piece, times in case["pieces"])
        phone.locator(TEXT).fill(text)
        got = phone.evaluate("""() => {
            const tool = document.querySelector('#practice-sms');
            const summary = tool.querySelector('[data-sms-summary]');
            const marks = sel => Array.from(tool.querySelectorAll(sel + ' mark')).map(m => m.dataset.char);
            const doubles = tool.querySelector('[data-sms-doubles]');
            return {chars: Number(summary.dataset.chars), encoding: summary.dataset.encoding,
                    parts: Number(summary.dataset.parts), forcing: marks('[data-sms-why]'),
                    doubles: doubles.hidden ? [] : marks('[data-sms-doubles]'),
                    parts_in_gsm7: Number(tool.querySelector('[data-sms-tradeoff]').dataset.partsInGsm7)};
        }""")
        want = {"chars": case["chars"], "encoding": case["encoding"], "parts": case["parts"],
                "forcing": case.get("forcing", []), "doubles": case.get("doubles", []),
                "parts_in_gsm7": case.get("parts_in_gsm7", case["parts"])}
        if got != want:
            wrong.append(f"{case['name']}: page {got}, table {want}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_example_in_the_module_shows_the_count_the_composer_gives(phone, site_url, lang):
    fresh(phone, site_url, lang, "sms", SMS)
    examples = phone.locator("figure[data-sms-example]").evaluate_all("""figures => figures.map(f => {
        const p = f.querySelector('.digicom-sms-text').cloneNode(true);
        p.querySelectorAll('br').forEach(br => br.replaceWith('\\n'));
        return {text: p.textContent, count: f.querySelector('.digicom-sms-example__summary').textContent};
    })""")
    assert len(examples) == 5
    assert [example["count"].split(" ")[0] for example in examples] == ["77", "76", "103", "80", "121"]
    for example in examples:
        phone.locator(TEXT).fill(example["text"])
        assert summary(phone) == example["count"], example["text"]


def test_the_draft_survives_a_reload_and_the_language_switch_and_restarts_from_the_example(phone, site_url):
    fresh(phone, site_url, "es", "sms", SMS)
    phone.locator(f"{SMS} [data-sms-shop]").press_sequentially("Peluquería Marina")
    type_sms(phone, "Peluquería Marina: corte por 25 € hasta el 31/03. Pide cita. Baja: pelumarina.es/baja")
    assert stored(phone)["sms"] == {"shop": "Peluquería Marina", "text": phone.locator(TEXT).input_value()}
    phone.reload()
    tool_shown(phone, SMS)
    assert phone.locator(TEXT).input_value().startswith("Peluquería Marina: corte por 25 €")
    assert phone.locator(f"{SMS} [data-sms-shop]").input_value() == "Peluquería Marina"
    assert summary(phone) == "85 caracteres · UCS-2 · 2 SMS"
    open_tool(phone, site_url, "en", "sms", SMS)
    assert summary(phone) == "85 characters · UCS-2 · 2 SMS"
    phone.locator(f"{SMS} [data-practice-restart]").click()
    assert phone.locator(TEXT).input_value() == TEMPLATE
    assert phone.evaluate("() => document.activeElement.id") == "practice-sms-text"
    phone.reload()
    tool_shown(phone, SMS)
    assert phone.locator(TEXT).input_value() == TEMPLATE
    assert phone.locator(f"{SMS} [data-sms-shop]").input_value() == "Peluquería Marina"


def test_blocked_storage_leaves_the_composer_working_and_says_nothing_is_kept(browser, site_url):
    watch = PageWatch()
    context = open_context(browser, watch=watch, viewport=PHONE)
    context.add_init_script(BLOCK_STORAGE)
    page = context.new_page()
    watch_page(page, watch)
    open_tool(page, site_url, "es", "sms", SMS)
    assert page.locator(TEXT).input_value() == TEMPLATE
    type_sms(page, "Ven el sábado")
    assert summary(page) == "13 caracteres · UCS-2 · 1 SMS"
    assert page.locator(f"{SMS} [data-practice-note]").inner_text() == WORDS["es"]["not_saved"]
    context.close()
    assert [error for error in watch.console_errors if error != QUIZ_STORAGE_ERROR] == []


OLD_OR_CORRUPT = ["{not json", '"a string"', "[1, 2]", '{"sms": "hola"}',
                  '{"sms": {"text": 5, "shop": null}, "crisis-triage": {"answers": [1]}}',
                  '{"crisis-triage": {"answers": {"health": "maybe", "outside": true}}}']


def test_old_or_corrupt_drafts_start_the_tools_from_the_example(phone, site_url):
    open_tool(phone, site_url, "es", "sms", SMS)
    for old in OLD_OR_CORRUPT:
        phone.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, old])
        phone.reload()
        tool_shown(phone, SMS)
        assert phone.locator(TEXT).input_value() == TEMPLATE, old
        assert summary(phone) == "103 caracteres · GSM-7 · 1 SMS"
    type_sms(phone, "Hola")
    assert stored(phone)["sms"] == {"text": "Hola", "shop": ""}
    open_tool(phone, site_url, "es", "crisis", TRIAGE)
    assert phone.locator(f"{TRIAGE} input:checked").count() == 0
    assert phone.locator(f"{TRIAGE} [data-triage-pending]").inner_text() == "Preguntas sin responder: 6."


# ── The email subject preview ──────────────────────────────────────────────

EMAIL = "#practice-email-subject"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_inbox_shows_the_subject_cut_where_a_phone_cuts_it(phone, site_url, lang):
    fresh(phone, site_url, lang, "email", EMAIL)
    inbox = {part: phone.locator(f"{EMAIL} [data-inbox-{part}]") for part in ("from", "subject", "preview")}
    assert inbox["from"].inner_text() == "Panadería Lucía"
    assert inbox["subject"].inner_text() == "Reserva ya tu roscón de Reyes"
    assert inbox["preview"].inner_text() == "Encárgalo antes del 4 de enero y recógelo recién hecho."
    count = phone.locator(f"{EMAIL} [data-email-subject-count]")
    assert count.inner_text() == ("Asunto: 29 caracteres. Un móvil enseña unos 40. Se ve entero." if lang == "es"
                                  else "Subject line: 29 characters. A phone shows about 40. It shows in full.")
    subject = phone.locator(f"{EMAIL} [data-email-field=subject]")
    subject.fill("")
    subject.press_sequentially("Gracias por apuntarte: tu receta de pan de escanda")
    assert inbox["subject"].inner_text() == "Gracias por apuntarte: tu receta de pan…"
    assert count.get_attribute("data-cut") == "yes"
    assert count.inner_text().startswith("Asunto: 50 caracteres." if lang == "es" else "Subject line: 50 characters.")
    assert "«Gracias por apuntarte: tu receta de pan»" in count.inner_text() or \
        '"Gracias por apuntarte: tu receta de pan"' in count.inner_text()
    sender = phone.locator(f"{EMAIL} [data-email-field=from]")
    sender.fill("")
    sender.press_sequentially("Zapatería Ana")
    assert inbox["from"].inner_text() == "Zapatería Ana"
    shouting = phone.locator(f"{EMAIL} [data-email-shouting]")
    assert not shouting.is_visible()
    subject.fill("¡¡¡NOVEDADES INCREÍBLES EN NUESTRA TIENDA DE GIJÓN!!!")
    assert shouting.is_visible()
    assert_usable_by_everyone(phone, EMAIL)
    source = phone.locator(f"{EMAIL} .digicom-practice__source").inner_text()
    assert "ActiveCampaign" in source and "Email on Acid" in source
    subject.fill("Botas de agua al 20 % hasta el domingo")
    phone.reload()
    tool_shown(phone, EMAIL)
    assert inbox["subject"].inner_text() == "Botas de agua al 20 % hasta el domingo"
    assert inbox["from"].inner_text() == "Zapatería Ana"
    sources = phone.locator("ol.digicom-sources a").evaluate_all("links => links.map(a => a.href)")
    assert "https://www.activecampaign.com/glossary/subject-line-length" in sources
    assert any("emailonacid.com" in url for url in sources)


# ── The crisis triage ────────────────────────────────────────────────────

QUESTIONS = ["repeat", "group", "outside", "health", "treatment", "false"]


def answer(page, yes: set[str]) -> None:
    for question in QUESTIONS:
        page.locator(f"label[for=triage-{question}-{'yes' if question in yes else 'no'}]").click()


def result(page) -> dict[str, object]:
    shown = page.locator(f"{TRIAGE} [data-triage-result]:not([hidden])")
    assert shown.count() == 1
    return {"level": shown.locator(".digicom-triage__level strong").inner_text(),
            "why": shown.locator("[data-triage-why]").inner_text(),
            "steps": shown.locator(".digicom-triage__steps li").all_inner_texts(),
            "link": shown.locator(".digicom-triage__more a").get_attribute("href"),
            "section": shown.locator(".digicom-triage__more a").inner_text()}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_triage_gives_each_level_the_crisis_module_teaches(phone, site_url, lang):
    w = WORDS[lang]
    fresh(phone, site_url, lang, "crisis", TRIAGE)
    pending = phone.locator(f"{TRIAGE} [data-triage-pending]")
    assert pending.inner_text() == ("Preguntas sin responder: 6." if lang == "es" else "Questions left: 6.")
    assert not phone.locator(f"{TRIAGE} [data-triage-print]").is_visible()
    phone.locator("label[for=triage-health-yes]").click()
    assert pending.inner_text().endswith("5.")
    assert phone.locator(f"{TRIAGE} [data-triage-result]:not([hidden])").count() == 0

    cases = [
        (set(), "green", "steps-model-replies"),
        ({"group"}, "yellow", "steps-alert-levels"),
        ({"health"}, "red", "steps-first-hours"),
        ({"treatment"}, "yellow", "steps-alert-levels"),
        ({"outside"}, "red", "steps-first-hours"),
        ({"false"}, "red", "steps-first-hours"),
        ({"repeat", "group"}, "red", "steps-first-hours"),  # two signs at once: a possible crisis
    ]
    # Every way to each level in Spanish; each level once in English (the same script decides).
    for yes, level, anchor in (cases if lang == "es" else cases[:3]):
        answer(phone, yes)
        got = result(phone)
        assert got["level"] == w[level], yes
        assert got["link"] == f"#{anchor}"
        heading = phone.locator(f"[id='{anchor}']")
        assert heading.count() == 1 and got["section"].count(heading.inner_text().replace("¶", "").strip()) == 1
        if not yes:
            assert got["why"] == ("No hay ninguna señal de crisis: es una queja normal." if lang == "es"
                                  else "There is no sign of a crisis: it is an ordinary complaint.")
        if yes == {"repeat", "group"}:
            assert got["why"].endswith("Dos o más señales a la vez indican una posible crisis." if lang == "es"
                                       else "Two or more signs at once point to a possible crisis.")
        if level == "red":
            assert got["steps"][0] == ("No borres nada. Haz capturas de pantalla con fecha y hora." if lang == "es"
                                       else "Delete nothing. Take screenshots that show the date and time.")
            assert len(got["steps"]) == 4
    assert phone.locator(f"{TRIAGE} [data-triage-print]").is_visible()
    announce = phone.locator(f"{TRIAGE} [data-practice-announce]")
    phone.wait_for_function("([el, end]) => el.textContent.endsWith(end)", arg=[announce.element_handle(),
                            f"{w['red']}."], timeout=3000)
    assert announce.inner_text() == ("Nivel de alerta: " if lang == "es" else "Alert level: ") + f"{w['red']}."
    assert_usable_by_everyone(phone, TRIAGE)

    phone.reload()
    tool_shown(phone, TRIAGE)
    assert result(phone)["level"] == w["red"]
    phone.locator(f"{TRIAGE} [data-practice-restart]").click()
    assert phone.locator(f"{TRIAGE} input:checked").count() == 0
    assert pending.is_visible()


def test_the_triage_result_prints_alone(phone, site_url):
    phone.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    fresh(phone, site_url, "es", "crisis", TRIAGE)
    answer(phone, {"health"})
    phone.locator(f"{TRIAGE} [data-triage-print]").click()
    assert phone.evaluate("() => window.__printed") == 1
    phone.emulate_media(media="print")
    assert phone.locator(f"{TRIAGE} [data-triage-result='red']").is_visible()
    assert phone.locator(f"{TRIAGE} .digicom-triage__questions").is_visible()  # what was answered
    for hidden in ("h1", ".md-header", ".md-footer", "#steps-first-hours", f"{TRIAGE} button",
                   f"{TRIAGE} [data-practice-note]", ".md-sidebar--primary"):
        assert not phone.locator(hidden).first.is_visible(), hidden
    link = phone.locator(f"{TRIAGE} [data-triage-result='red'] .digicom-triage__more a")
    assert link.get_attribute("data-print-url") == f"{site_url}modulos/crisis/#steps-first-hours"
    phone.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    assert phone.locator("h1").first.is_visible()  # printing the page afterwards prints all of it
    phone.emulate_media(media="screen")


# ── Without JavaScript ─────────────────────────────────────────────────────

def test_without_javascript_each_tool_says_in_one_line_what_it_would_do(browser, site_url):
    context = open_context(browser, watch=PageWatch(), viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    for module, tool, starts in (("sms", SMS, "Con JavaScript activado, aquí escribirías un SMS"),
                                 ("email", EMAIL, "Con JavaScript activado, aquí verías tu remitente"),
                                 ("crisis", TRIAGE, "Con JavaScript activado, aquí responderías seis preguntas")):
        page.goto(f"{site_url}modulos/{module}/")
        line = page.locator(f"{tool} [data-practice-nojs]")
        assert line.is_visible() and line.inner_text().startswith(starts)
        assert line.evaluate("el => el.getClientRects().length") >= 1
        assert not page.locator(f"{tool} [data-practice-tool]").is_visible()
    page.goto(f"{site_url}modulos/sms/")  # the examples' counts need no script
    assert page.locator("figure[data-sms-example] .digicom-sms-example__summary").first.inner_text() == \
        "77 caracteres · UCS-2 · 2 SMS"
    context.close()
