"""The course model and its rules, once per build, before anything is rendered.

Reads ``docs/``, ``data/`` and the settings into one model (``course.model``) and
runs every build rule on it (``course.rules``): when anything is wrong, the build
stops listing every problem of the whole site at once, each with file, line and
fix. The other hooks render from this model (``course.build.state_for``) and read
no file themselves; MkDocs renders each page from the text read here. Then every
module's slides are planned. What an earlier build read or planned from the same
text comes from ``.cache/read/`` (``course.read_cache``).

Events: ``on_config`` (after mkdocs-static-i18n's), ``on_env`` (compiled templates kept between builds),
``on_page_read_source``.
"""

from __future__ import annotations

from course import rules
from course.build import cache_folder, read_cache, read_course, state_for
from course.problems import raise_if_any
from course.templates import Partials
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from jinja2 import Environment, FileSystemBytecodeCache


@event_priority(-200)  # after mkdocs-static-i18n has set up the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    state = state_for(config)
    if state.course is None:  # the default language's build: the other languages share the model
        kept = read_cache(config)
        state.course = read_course(config, kept)
        problems = rules.run(state.course)
        if not problems:
            state.plan_modules(kept)
        kept.save()
        raise_if_any(problems)
    # Each language's build has its own theme environment (its language, its palette names).
    state.partials = Partials(config.theme.get_env(), cache_folder(config, "jinja"))
    return config


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # Material's templates are compiled again for every build and language, which costs more than
    # rendering them; compiled templates are kept on disk, keyed by each template's source.
    folder = cache_folder(config, "jinja")
    folder.mkdir(parents=True, exist_ok=True)
    env.bytecode_cache = FileSystemBytecodeCache(str(folder))
    return env


def on_page_read_source(*, page: Page, config: MkDocsConfig) -> str | None:
    model_page = state_for(config).page(page.file.src_uri)
    return model_page.text if model_page else None
