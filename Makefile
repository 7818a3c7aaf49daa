# Curso DIGICOM: every command the project needs. Run `make help` for the list.
# Works on a fresh Debian machine with Python 3.11: each target installs what it needs.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP_SITE := $(VENV)/.site-deps
STAMP_TEST := $(VENV)/.test-deps
CHROMIUM := /usr/bin/chromium
MKDOCS := NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs
# The offline copy's only non-Python dependency, from the npm registry (exact version).
IFRAME_WORKER := iframe-worker@1.0.4
# One folder per npm package: `npm install --no-save` removes whatever else a folder holds.
NPM_CACHE := .cache/npm
IFRAME_WORKER_SHIM := $(NPM_CACHE)/iframe-worker/node_modules/iframe-worker/shim/index.js
# The Nu HTML checker, for the HTML-validity gate (needs Java).
VNU := vnu-jar@26.9.27
VNU_JAR := $(NPM_CACHE)/vnu-jar/node_modules/vnu-jar/build/dist/vnu.jar
# The QR code of "Take your progress with you" ("Mi progreso"), drawn in the browser (hooks/progress_assets.py).
QRCODE := qrcode-generator@2.0.4
QRCODE_JS := $(NPM_CACHE)/qrcode-generator/node_modules/qrcode-generator/dist/qrcode.js
# Lighthouse, for `make bench` only. 12.2.3: Lighthouse 13 needs Node 22 and Debian 12 has Node 20.
LIGHTHOUSE := lighthouse@12.2.3
LIGHTHOUSE_BIN := $(NPM_CACHE)/lighthouse/node_modules/.bin/lighthouse

.DEFAULT_GOAL := help
.PHONY: help serve build test check publish-check content-report offline bench clean chromium npm hunspell new-module

help: ## Show the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(STAMP_SITE): requirements.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

$(STAMP_TEST): requirements-test.txt $(STAMP_SITE)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	touch $@

serve: $(STAMP_SITE) $(QRCODE_JS) ## Serve the site with live reload at http://127.0.0.1:8000/curso/
	@$(BIN)/python scripts/check_content.py --settings-only
	$(MKDOCS) serve --dev-addr 127.0.0.1:8000 --livereload

build: $(STAMP_SITE) $(QRCODE_JS) ## Build the site strictly into site/
	@$(BIN)/python scripts/check_content.py --settings-only
	$(MKDOCS) build --strict --clean --site-dir site

# Installs a Debian package when its command (or file) is missing: as root, with passwordless sudo, or says how.
define apt_install
	@if command -v $(1) >/dev/null 2>&1 || [ -e "$(1)" ]; then exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=; elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then SUDO=sudo; \
	else echo "The tests need Debian's $(2). Install it with:  sudo apt-get install $(2)   then run make test again." >&2; exit 1; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2)
endef

chromium: ## Install Debian's Chromium (browser tests) and Java (HTML checker), if missing
	$(call apt_install,$(CHROMIUM),chromium)
	$(call apt_install,java,default-jre-headless)

npm: ## Install Debian's npm (for the HTML checker, the offline copy and Lighthouse), if missing
	$(call apt_install,npm,npm)

$(VNU_JAR): | npm
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(NPM_CACHE)/vnu-jar $(VNU)

hunspell: ## Install Debian's hunspell and its Spanish and English dictionaries (spelling), if missing
	$(call apt_install,hunspell,hunspell)
	$(call apt_install,/usr/share/hunspell/es_ES.dic,hunspell-es)
	$(call apt_install,/usr/share/hunspell/en_US.dic,hunspell-en-us)
	$(call apt_install,/usr/share/hunspell/en_GB.dic,hunspell-en-gb)

check: $(STAMP_TEST) hunspell ## Check the content: every problem, with file, line and how to fix it
	$(BIN)/python scripts/check_content.py

publish-check: | $(BIN)/python ## Refuse to publish while the association's details (data/association.yml) are pending
	$(BIN)/python scripts/check_content.py --publish

new-module: | $(BIN)/python ## Create a module in both languages: make new-module ID=ventas-por-whatsapp
	@if [ -z "$(ID)" ]; then echo "Falta el nombre del módulo / Missing the module name: make new-module ID=ventas-por-whatsapp" >&2; exit 1; fi
	$(BIN)/python scripts/new_module.py "$(ID)"

test: $(STAMP_TEST) chromium $(VNU_JAR) $(QRCODE_JS) check ## Check the content, build strictly and run every test (unit, build and browser)
	$(MKDOCS) build --strict --clean --site-dir site
	$(BIN)/python -m pytest -n auto --dist worksteal

content-report: $(STAMP_TEST) ## Words, reading time and readability of every page
	$(BIN)/python scripts/content_report.py

$(QRCODE_JS): | npm
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(NPM_CACHE)/qrcode-generator $(QRCODE)

$(IFRAME_WORKER_SHIM): | npm
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(NPM_CACHE)/iframe-worker $(IFRAME_WORKER)

offline: $(STAMP_SITE) $(IFRAME_WORKER_SHIM) $(QRCODE_JS) ## Make dist/curso-offline.zip, a copy that works from file:// with no network
	rm -rf dist/offline dist/curso-offline.zip
	DIGICOM_OFFLINE=true DIGICOM_IFRAME_WORKER_SHIM=$(abspath $(IFRAME_WORKER_SHIM)) \
		$(MKDOCS) build --strict --clean --site-dir dist/offline/curso-digicom
	cd dist/offline && $(abspath $(BIN)/python) -m zipfile -c ../curso-offline.zip curso-digicom
	@echo "Offline copy: dist/curso-offline.zip (unzip it and open curso-digicom/index.html)"

$(LIGHTHOUSE_BIN): | npm
	npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix $(NPM_CACHE)/lighthouse $(LIGHTHOUSE)

bench: $(STAMP_TEST) chromium $(LIGHTHOUSE_BIN) $(QRCODE_JS) ## Print build, rebuild, page-weight and Lighthouse measurements
	$(BIN)/python scripts/bench.py

clean: ## Remove what the Makefile made
	rm -rf site dist .cache $(VENV) .pytest_cache
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
