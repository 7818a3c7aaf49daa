"""The QR code library for "Take your progress with you", served from the site itself.

"Mi progreso" draws the link to a merchant's progress as a QR code in the browser
(``assets/javascripts/progress-page.js``): the progress is only in that browser, so the
code cannot be made at build time. The drawing library is the npm package
``qrcode-generator`` (MIT, no dependencies), installed at the exact version the Makefile
pins into ``.cache/npm/qrcode-generator`` (like the HTML checker and the offline shim), and
published byte for byte as ``assets/javascripts/vendor/qrcode.js``: no CDN, and it works from
the offline copy. The page loads it only when the person asks for the QR code.

Data: the installed package (``course.build.cache_folder``). Events: ``on_files``.
"""

from __future__ import annotations

from course.build import cache_folder
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, Files

QR_LIBRARY = "qrcode-generator/node_modules/qrcode-generator/dist/qrcode.js"  # under .cache/npm/
QR_IN_SITE = "assets/javascripts/vendor/qrcode.js"  # progress-page.js loads it from beside itself


@event_priority(-150)  # after mkdocs-static-i18n has kept only this language's files
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    library = cache_folder(config, "npm") / QR_LIBRARY
    if not library.is_file():
        raise PluginError(
            f"«Mi progreso» needs the QR code library qrcode-generator from npm, and {library} is missing. "
            "Build with `make build` (or `make serve`, `make test`), which installs it / Falta la biblioteca "
            "de códigos QR: construye el sitio con `make build`, que la instala.")
    files.append(File.generated(config, QR_IN_SITE, content=library.read_bytes()))
    return files
