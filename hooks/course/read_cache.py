"""What an earlier build read, kept on disk by its text: a build reads again only the files that changed.

Reading a page (its front matter, the markdown-it scan, its blocks: ``course.model.read_page``)
or a data file (``data/*.yml`` with the line of every field) is a pure function of the file's
name and text, and most of what the course model costs. The result is kept in one file per
site (``.cache/read/``, beside the compiled templates) under a hash of the name, the text and
the code that reads them: every file of the ``course`` package and the versions of the Markdown
and YAML libraries. So an edited page, an edited rule or scanner, or an upgrade is read afresh.
Nothing is kept by the running process: every build unpickles new objects, which it may change
as it likes. A missing, unreadable or outdated cache file only means reading again. Files with
a reading problem (not UTF-8, say) are never kept: their messages come from reading them.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import TypeVar

_LIBRARIES = ("markdown-it-py", "mdit-py-plugins", "PyYAML")
Read = TypeVar("Read")


def code_version() -> str:
    """A hash of the code that reads files: this package's source and its libraries' versions."""
    package = Path(__file__).parent
    digest = hashlib.sha256()
    for source in sorted(package.rglob("*.py")):
        digest.update(source.relative_to(package).as_posix().encode() + b"\0" + source.read_bytes())
    for name in _LIBRARIES:
        digest.update(f"{name}=={metadata.version(name)}\0".encode())
    return digest.hexdigest()


class ReadCache:
    """What a site's last build read, by key; ``save`` keeps only what this build read."""

    def __init__(self, folder: Path, site: str) -> None:
        self.file = Path(folder) / f"{hashlib.sha256(site.encode()).hexdigest()[:16]}.pickle"
        self.version = code_version()
        self.kept = self._load()
        self.used: dict[str, bytes] = {}

    def _load(self) -> dict[str, bytes]:
        try:
            kept = pickle.loads(self.file.read_bytes())
        except Exception:  # missing, cut short, or written by other code: read everything again
            return {}
        return kept if isinstance(kept, dict) else {}

    def read(self, *key: str, read: Callable[[], Read]) -> Read:
        """What ``read()`` returns for this key (a file's name, its text…), from the last build if it read the same."""
        digest = hashlib.sha256("\0".join((self.version, *key)).encode()).hexdigest()
        blob = self.kept.get(digest)
        if blob is not None:
            try:
                result = pickle.loads(blob)
            except Exception:
                blob = None
        if blob is None:
            result = read()
            blob = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        self.used[digest] = blob
        return result

    def save(self) -> None:
        """Keep this build's reads (written whole, then moved in place: builds side by side never mix)."""
        if self.used.keys() == self.kept.keys():
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.file.parent, suffix=".tmp")
        except OSError:
            return  # a read-only or full disk: the next build reads again
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(self.used, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temporary, self.file)
        except OSError:
            Path(temporary).unlink(missing_ok=True)
