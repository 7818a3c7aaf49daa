"""Performance benchmark of the site: prints tables of ratios and sizes (`make bench`).

Not a test: the machines are shared and noisy, so it reports medians and ratios
measured in the same run, for a person to read and compare.

1. Strict bilingual build time, and the share spent in our hooks: every event function of
   hooks/*.py timed inside one build (CombinedEvent parts included), and a build whose config
   lists no hooks at all (``hooks: []``; quizzes on for every page, as our quizzes hook would).
2. `mkdocs serve`: time from saving a module to the rebuilt page being served.
3. Page weight per page on first load (HTML, CSS, JS, images; the search index and worker
   load with the first search), raw and gzip; and what the service worker then keeps for
   offline use, downloaded in the background after the page has loaded.
4. Scale: build time with the content multiplied by 10 against 1.
5. Lighthouse (mobile, npm lighthouse pinned in the Makefile), median of 3 runs, on the home,
   a module, the tools and the self-assessment pages in both languages.
"""

from __future__ import annotations

import gzip
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
PROJECT_PARTS = ("docs", "hooks", "overrides", "data", "mkdocs.yml")
SITE_PATH = "/curso/"
LIGHTHOUSE = ROOT / ".cache/npm/lighthouse/node_modules/.bin/lighthouse"
CHROMIUM_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-background-networking "
                  "--disable-component-update --disable-sync --no-first-run")
KEY_PAGES = ("", "modulos/sms/", "herramientas/", "autoevaluacion/")
RUNS = 3


def copy_project(target: Path) -> Path:
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, target / part)
    # The npm packages the build copies into the site (installed by make): shared, never rebuilt here.
    (target / ".cache").mkdir(exist_ok=True)
    (target / ".cache/npm").symlink_to(ROOT / ".cache/npm", target_is_directory=True)
    return target


def build_seconds(project: Path, config: str = "mkdocs.yml") -> float:
    site = Path(tempfile.mkdtemp(prefix="bench-site-"))
    started = time.perf_counter()
    result = subprocess.run([PYTHON, "-m", "mkdocs", "build", "--clean", "-q", "-f", config, "-d", str(site)],
                            cwd=project, env=ENV, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    shutil.rmtree(site, ignore_errors=True)
    if result.returncode != 0:
        raise SystemExit(f"build failed in {project}:\n{result.stderr[-3000:]}")
    return elapsed


def median_build(project: Path, config: str = "mkdocs.yml") -> float:
    return statistics.median(build_seconds(project, config) for _ in range(RUNS))


def without_hooks_config(project: Path) -> str:
    """A config without our hooks, with mkdocs-quiz on every page (our quizzes hook turns it on
    per page), so both builds render the same quizzes and only our own work differs."""
    text = (project / "mkdocs.yml").read_text(encoding="utf-8")
    text = re.sub(r"^hooks:\n(?:  - .*\n|  #.*\n)+", "hooks: []\n", text, flags=re.MULTILINE)
    text = text.replace("enabled_by_default: false", "enabled_by_default: true")
    (project / "bench-no-hooks.yml").write_text(text.replace("strict: true", "strict: false"), encoding="utf-8")
    (project / "bench-hooks.yml").write_text("INHERIT: mkdocs.yml\nstrict: false\n")
    return "bench-no-hooks.yml"


def time_inside_hooks(project: Path) -> tuple[float, float]:
    """One build in this process with every event of our hooks timed: (seconds in hooks, total)."""
    code = f"""
import json, sys, time, tempfile
sys.argv = ["mkdocs"]
from mkdocs.config import load_config
from mkdocs.commands.build import build
config = load_config({str(project / "mkdocs.yml")!r}, site_dir=tempfile.mkdtemp(), strict=False)
spent = [0.0]
def timed(function):
    def wrapper(*args, **kwargs):
        started = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started
    return wrapper
def is_our_hook(method):
    # A hook's event is its function, or a CombinedEvent of several (hooks/upstream_fixes.py).
    functions = getattr(method, "methods", None) or [method]
    code = getattr(functions[0], "__code__", None)
    return code is not None and code.co_filename.startswith({str(project / "hooks")!r})
for methods in config.plugins.events.values():
    methods[:] = [timed(m) if is_our_hook(m) else m for m in methods]
started = time.perf_counter()
build(config)
print(json.dumps([spent[0], time.perf_counter() - started]))
"""
    result = subprocess.run([PYTHON, "-c", code], cwd=project, env=ENV, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-3000:])
    inside, total = json.loads(result.stdout.strip().splitlines()[-1])
    return inside, total


def bench_hooks(project: Path) -> list[tuple[str, str]]:
    """Our hooks' cost, measured two ways in the same run."""
    no_hooks = without_hooks_config(project)
    with_hooks, without = [], []
    for _ in range(RUNS):  # interleaved, so machine noise hits both alike
        with_hooks.append(build_seconds(project, "bench-hooks.yml"))
        without.append(build_seconds(project, no_hooks))
    strict = median_build(project)
    a, b = statistics.median(with_hooks), statistics.median(without)
    for kept in (project / ".cache").iterdir():  # the first build below starts cold (npm's packages stay)
        if kept.name != "npm":
            shutil.rmtree(kept, ignore_errors=True)
    shares = [time_inside_hooks(project) for _ in range(RUNS + 1)]
    cold = shares[0][0] / shares[0][1]
    warm = statistics.median(spent / total for spent, total in shares[1:])
    return [("Strict bilingual build (median of 3)", f"{strict:.2f} s"),
            ("Time inside our hook functions / whole build, later builds (median of 3)",
             f"{warm:.1%} (target < 15%)"),
            ("Same, first build on a fresh clone (no compiled templates, QR codes or reads kept yet)", f"{cold:.1%}"),
            ("Build with our hooks / without them (quizzes on in both)", f"{a:.2f} s / {b:.2f} s"),
            ("Extra build time with our hooks, content they add included", f"{(a - b) / a:.1%}")]


def multiply_content(project: Path, times: int) -> None:
    """Add (times - 1) synthetic copies of every module, in both languages and in the menu."""
    modules = project / "docs" / "modulos"
    originals = sorted({p.name.split(".")[0] for p in modules.glob("*.es.md")})
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    entries = []
    for copy in range(2, times + 1):
        for name in originals:
            for language in ("es", "en"):
                text = (modules / f"{name}.{language}.md").read_text(encoding="utf-8")
                text = re.sub(r"^title: (.*)$", rf"title: \1 ({copy})", text, count=1, flags=re.MULTILINE)
                # A search keyword belongs to one module (rules/search.py): the copies have none.
                text = re.sub(r"^keywords:\n(?:[ \t]+- .*\n)+", "", text, count=1, flags=re.MULTILINE)
                (modules / f"{name}-{copy}.{language}.md").write_text(text, encoding="utf-8")
            entries.append(f"      - modulos/{name}-{copy}.md\n")
    last = f"      - modulos/{originals[-1]}.md\n"
    anchor = max((m.end() for m in re.finditer(r"      - modulos/[\w-]+\.md\n", config)), default=None)
    if anchor is None:
        raise SystemExit(f"could not find the modules in the menu of {project / 'mkdocs.yml'} ({last.strip()})")
    (project / "mkdocs.yml").write_text(config[:anchor] + "".join(entries) + config[anchor:], encoding="utf-8")


def bench_scale() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as ten:
        small = copy_project(Path(one))
        large = copy_project(Path(ten))
        multiply_content(large, 10)
        for project in (small, large):
            (project / "bench.yml").write_text("INHERIT: mkdocs.yml\nstrict: false\n")
        a = statistics.median(build_seconds(small, "bench.yml") for _ in range(RUNS))
        b = statistics.median(build_seconds(large, "bench.yml") for _ in range(RUNS))
    return [("Build, content × 1 / × 10", f"{a:.2f} s / {b:.2f} s"),
            ("Cost of 10× content", f"{b / a:.1f}× the time (target ≤ 10×)")]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def bench_serve() -> list[tuple[str, str]]:
    """Save a module while `mkdocs serve` runs; time until the served page shows the change."""
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        port = free_port()
        server = subprocess.Popen([PYTHON, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}", "--livereload"],
                                  cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}{SITE_PATH}modulos/sms/"
        module = project / "docs/modulos/sms.es.md"
        original = module.read_text(encoding="utf-8")
        times = []
        try:
            _wait_for(url, lambda body: True, timeout=180)
            for run in range(RUNS):
                marker = f"benchmarkmarker{run}x{time.time_ns()}"
                started = time.perf_counter()
                module.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
                _wait_for(url, lambda body, m=marker: m in body, timeout=180)
                times.append(time.perf_counter() - started)
                time.sleep(1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    return [("`mkdocs serve`: save a module → page served (median of 3)", f"{statistics.median(times):.2f} s")]


def _wait_for(url: str, ready, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ready(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.1)
    raise SystemExit(f"timed out waiting for {url}")


class _GzipSiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under SITE_PATH with gzip, as GitHub Pages does."""

    def translate_path(self, path: str) -> str:
        url_path = urlsplit(path).path
        if not url_path.startswith(SITE_PATH):
            return str(Path(self.directory) / "__outside__")
        return super().translate_path("/" + url_path[len(SITE_PATH):])

    def send_head(self):  # compress text responses
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        from io import BytesIO
        return BytesIO(body)

    def log_message(self, *args) -> None:
        pass


def serve(site: Path) -> tuple[str, http.server.ThreadingHTTPServer]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_GzipSiteHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{SITE_PATH}", server


KIND = {".html": "HTML", ".css": "CSS", ".js": "JS", ".json": "Search index"}


def page_weights(site: Path, base_url: str) -> list[dict[str, object]]:
    """What each page loads on first visit (as the browser requests it), raw and gzip, by kind."""
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM, CHROMIUM_ARGS, built_pages
    from playwright.sync_api import sync_playwright

    rows = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for path in built_pages(site):
            # The service worker's background download is measured apart (offline_cache).
            # On a phone, as the target is for merchants: a laptop also fetches the presentation view's
            # files once the page is idle (present-loader.js), which this leaves out.
            page = browser.new_context(service_workers="block", viewport={"width": 390, "height": 844},
                                       is_mobile=True, has_touch=True).new_page()
            urls: list[str] = []
            page.on("request", lambda request: urls.append(request.url))
            page.goto(base_url + path)
            page.wait_for_load_state("networkidle")
            page.context.close()
            sizes: dict[str, list[int]] = {}
            for url in dict.fromkeys(urls):
                local = urlsplit(url).path[len(SITE_PATH):]
                file = site / local
                if file.is_dir() or not local or local.endswith("/"):
                    file = file / "index.html"
                if not file.is_file():
                    continue
                data = file.read_bytes()
                kind = KIND.get(file.suffix, "Images" if file.suffix in (".png", ".svg", ".jpg", ".webp", ".ico") else "Other")
                raw, packed = sizes.setdefault(kind, [0, 0])
                sizes[kind] = [raw + len(data), packed + len(gzip.compress(data, 6))]
            rows.append({"page": path or "/", "sizes": sizes})
        browser.close()
    return rows


def search_gzip(site: Path, prefix: str) -> int:
    """What the first search of a language loads, gzip: its index, Material's worker and ours, lunr's files."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from course.offline_app import lunr_files

    index = site / prefix / "search/search_index.json"
    languages = set(json.loads(index.read_text(encoding="utf-8"))["config"]["lang"])
    files = [index, *sorted((site / "assets/javascripts/workers").glob("*.js")),
             *(site / path for path in sorted(lunr_files(languages)))]
    return sum(len(gzip.compress(file.read_bytes(), 6)) for file in files)


def offline_cache(site: Path) -> tuple[int, int, int]:
    """(files, raw bytes, gzip bytes) the service worker keeps, from the list in sw.js."""
    sys.path.insert(0, str(ROOT / "hooks"))
    from course.offline_app import WORKER

    text = (site / WORKER).read_text(encoding="utf-8")
    listed = json.loads(text.split("DIGICOM_PRECACHE=", 1)[1].split(";\n", 1)[0])
    raw = packed = 0
    for address, _ in listed:
        file = site / address
        data = (file / "index.html" if not address or address.endswith("/") else file).read_bytes()
        raw, packed = raw + len(data), packed + len(gzip.compress(data, 6))
    return len(listed), raw, packed


CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def _lighthouse_once(url: str) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".json") as report:
        subprocess.run([str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report.name}",
                        f"--chrome-flags={CHROMIUM_FLAGS}", "--form-factor=mobile",
                        f"--only-categories={','.join(CATEGORIES)}"],
                       env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"}, capture_output=True, text=True)
        try:
            return json.loads(Path(report.name).read_text() or "{}")
        except json.JSONDecodeError:
            return {}


def lighthouse(base_url: str) -> list[str]:
    if not LIGHTHOUSE.exists():
        return [f"Lighthouse is not installed ({LIGHTHOUSE}); `make bench` installs it."]
    lines = [f"Median of {RUNS} runs per page (targets: performance ≥ 98, the other three 100).\n",
             "| Page | Performance | Accessibility | Best practices | SEO | What keeps it below 100 (median run) |",
             "|---|---|---|---|---|---|"]
    for language in ("", "en/"):
        for path in KEY_PAGES:
            runs = [data for data in (_lighthouse_once(base_url + language + path) for _ in range(RUNS))
                    if "categories" in data]
            if not runs:
                lines.append(f"| {language + path or '/'} | Lighthouse failed | | | | |")
                continue
            runs.sort(key=lambda data: data["categories"]["performance"]["score"] or 0)
            data = runs[len(runs) // 2]  # the median run by performance, for its reasons below
            scores = [round(statistics.median((run["categories"][c]["score"] or 0) * 100 for run in runs))
                      for c in CATEGORIES]
            below = []
            for category in data["categories"].values():
                for ref in category["auditRefs"]:
                    audit = data["audits"][ref["id"]]
                    if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                        value = audit.get("displayValue", "")
                        below.append(f"{audit['title']}{' ' + value if value else ''}")
            lines.append(f"| {language + path or '/'} | " + " | ".join(map(str, scores)) + f" | {'; '.join(below) or '-'} |")
    return lines


def kb(size: int) -> str:
    return f"{size / 1024:.1f}"


def main() -> int:
    print("# Curso DIGICOM benchmark\n")
    with tempfile.TemporaryDirectory() as tmp:
        project = copy_project(Path(tmp))
        rows = bench_hooks(project)
    rows += bench_serve()
    rows += bench_scale()
    print("| Measure | Result |\n|---|---|")
    for name, value in rows:
        print(f"| {name} | {value} |")

    site = Path(tempfile.mkdtemp(prefix="bench-weights-"))
    subprocess.run([PYTHON, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=ENV, check=True)
    base_url, server = serve(site)
    print("\n## Search index per language\n\n| Language | Raw KB | Gzip KB |\n|---|---|---|")
    for language, index in (("es", site / "search/search_index.json"), ("en", site / "en/search/search_index.json")):
        data = index.read_bytes()
        print(f"| {language} | {kb(len(data))} | {kb(len(gzip.compress(data, 6)))} |")

    index_gzip = {prefix: search_gzip(site, prefix) for prefix in ("", "en/")}
    print("\n## Page weight on first load on a phone (390 × 844), before any search (raw KB / gzip KB)\n")
    print("The search index and the search worker load when the reader first goes to search (then cached); "
          "the last column adds them.\n")
    kinds = ["HTML", "CSS", "JS", "Search index", "Images", "Other"]
    print("| Page | " + " | ".join(kinds) + " | First load gzip KB | With search gzip KB |\n|---|"
          + "---|" * (len(kinds) + 2))
    heaviest = (0, 0)
    for row in page_weights(site, base_url):
        sizes = row["sizes"]
        total = sum(packed for _, packed in sizes.values())
        with_index = total + (0 if "Search index" in sizes else index_gzip["en/" if str(row["page"]).startswith("en/") else ""])
        if "modulos/" in str(row["page"]):
            heaviest = max(heaviest, (total, with_index))
        cells = [f"{kb(sizes[k][0])} / {kb(sizes[k][1])}" if k in sizes else "-" for k in kinds]
        print(f"| {row['page']} | " + " | ".join(cells) + f" | {kb(total)} | {kb(with_index)} |")
    print(f"\nHeaviest module page, gzip: {kb(heaviest[0])} KB on first load (target ≤ 90 KB); {kb(heaviest[1])} KB "
          "once search is loaded (target < 150 KB, search index and worker included)")
    files, raw, packed = offline_cache(site)
    print(f"\nKept for offline use by the service worker after the first visit (downloaded in the background, "
          f"once per deploy, only changed files again): {files} files, {kb(raw)} KB raw / {kb(packed)} KB gzip")

    print("\n## Lighthouse, mobile\n")
    print("\n".join(lighthouse(base_url)))
    server.shutdown()
    shutil.rmtree(site, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
