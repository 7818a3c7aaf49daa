"""Quizzes that teach: mkdocs-quiz switched on where needed, and the self-assessment page.

The plugin ``mkdocs_quiz`` (mkdocs.yml) renders the ``<quiz>`` blocks, which the
course model has read and checked (``course.quizzes``). This hook:

- switches the plugin on for a page that has a question (``page.meta["quiz"]``), so
  editors never write that front matter and other pages carry none of its CSS/JS;
- fills the page holding ``<!-- self-assessment -->`` with the first questions of
  every module, in menu order, each with a link back to its module
  (``partials/digicom/quiz-review.html``), and a score at the end
  (``partials/digicom/quiz-score.html``, filled in by ``assets/javascripts/quizzes.js``);
- lists the page's questions' stable ids in page order (``page.meta["quiz_ids"]``), which
  ``hooks/upstream_fixes.py`` writes on the plugin's markup (``data-quiz-id``) and
  ``assets/javascripts/quizzes.js`` keeps answers under: the same question has the same id
  in both languages, on its module and on the self-assessment;
- gives ``quizzes.js`` the note it shows when the browser cannot keep answers
  (``page.meta["quiz_texts"]``, written in the page by ``overrides/main.html``);
- (the plugin's markup is made valid by ``hooks/upstream_fixes.py``).

Data: the model's quizzes, ``data/strings.yml`` (keys ``quiz_…``), the plugin's texts in
``data/quiz-es.po`` and ``data/quiz-en.po`` (set in mkdocs.yml).
Events: ``on_page_markdown`` (priority 70).
"""

from __future__ import annotations

from course.build import state_for, strings, url_to
from course.quizzes import quiz_markdown
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

SELF_ASSESSMENT_PER_MODULE = 2  # the first questions of each module, in menu order


@event_priority(70)
def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = state_for(config)
    model = state.page(page.file.src_uri)
    if model is None:
        return markdown
    t = strings(state, model.locale)
    questions = [(quiz.line, quiz.id) for quiz in model.quizzes]  # (file line, id): their order in the page
    if model.has_role("self-assessment"):
        sections = []
        line = model.markers["self-assessment"][0]
        for module in state.course.modules(model.locale):
            review = state.partials.render("quiz-review.html", url=url_to(files, module.key, page, "quiz"),
                                           title=module.title, t=t)
            sections.append(f"## {module.title} {{ #{module.id} }}")
            picked = [quiz for quiz in module.quizzes[:SELF_ASSESSMENT_PER_MODULE] if quiz.valid]
            sections += [quiz_markdown(quiz, from_uri=module.src_uri, to_uri=model.src_uri, after=review)
                         for quiz in picked]
            questions += [(line, quiz.id) for quiz in picked]
        score = state.partials.render("quiz-score.html", t=t)
        state.parts_for(model.src_uri).replace(line, line, "\n\n".join(sections + [score]), "quizzes")
    if questions:
        options = page.meta.get("quiz")
        page.meta["quiz"] = {**(options if isinstance(options, dict) else {}), "enabled": True}
        page.meta["quiz_ids"] = [quiz_id for _, quiz_id in sorted(questions, key=lambda question: question[0])]
        page.meta["quiz_texts"] = {"unsaved": t["quiz_not_saved"], "full": t["progress_full"],
                                   "offline": t["quiz_offline"]}
        # Where questions are the page (the self-assessment), their scripts load with it; elsewhere
        # when the reader nears one (overrides/main.html, load-near.js).
        page.meta["quizzes_with_page"] = model.has_role("self-assessment")
    return markdown
