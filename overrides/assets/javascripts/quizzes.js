/*
 * Quizzes (mkdocs-quiz). Loaded only on pages with a quiz (overrides/main.html), after
 * progress.js and before the plugin sets the questions up: when the reader nears one, just
 * before the plugin's script (load-near.js); on the self-assessment, whose questions are the
 * page, deferred (data-with-page), while the plugin waits for DOMContentLoaded.
 *
 * 1. Answers kept by question, not by position. The plugin keeps a page's answers in
 *    localStorage under "quiz_progress_" + the page's path, by the question's place on the
 *    page ("quiz-0", "quiz-1"…): a question inserted above would take the answers of the
 *    ones below. Each question carries its stable id (data-quiz-id="sms/q-924a1dd67a",
 *    made from its Spanish text: hooks/course/quizzes.py, course/upstream.label_quizzes),
 *    the same in both languages, on its module and on the self-assessment. The answers
 *    live in progress.js's store under those ids; the plugin's entry for this page is
 *    only a copy, written from that store before the plugin reads it, and read back after
 *    every change the plugin reports ("quizProgressUpdate"): the questions whose entry changed since this tab last
 *    looked are updated in the store, so another tab's answers are never undone.
 *    Answers kept before December 2026 under the old positions (on this page or its
 *    translation, found through the <link hreflang> tags) move over once per page address,
 *    the first time it is opened; after that the positional entry is never read again.
 *
 * 2. The score on the self-assessment page ([data-digicom-quiz-score]): how many
 *    right out of how many, how many are left, and for each missed question a link
 *    to it and to its module. Read from what the page shows (the plugin's feedback
 *    boxes), so it is right after an answer, a "Try again", or a reload.
 *
 * 3. When the browser cannot keep answers (storage blocked or full), a note above the first
 *    question says so (the texts: [data-digicom-quiz-texts], overrides/main.html).
 *
 * Never throws when localStorage is missing, blocked or holds something else.
 */
"use strict";
(function () {
  var PREFIX = "quiz_progress_";
  var withPage = document.currentScript && document.currentScript.hasAttribute("data-with-page");
  var progress = window.digicomProgress;
  var texts = document.querySelector("[data-digicom-quiz-texts]");
  var path = window.location.pathname;
  var quizzes = Array.prototype.slice.call(document.querySelectorAll(".quiz[data-quiz-id]"));
  var idAt = {}; // the plugin's key ("quiz-0") → the question's id
  quizzes.forEach(function (quiz) {
    idAt[quiz.id] = quiz.getAttribute("data-quiz-id");
  });
  var seen = {}; // the plugin's entry for this page as this tab last wrote or read it

  function store() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // blocked by the browser's settings
    }
  }

  // The plugin's entry for a page, {"quiz-0": {"answered": true, "correct": false, "selectedValues": ["1"]}},
  // keeping only well-formed answers; {} when there is none or it is unreadable.
  function entry(storage, at) {
    var kept = {};
    try {
      var data = JSON.parse(storage.getItem(PREFIX + at));
      if (!data || typeof data !== "object" || Array.isArray(data)) return kept;
      Object.keys(data).forEach(function (key) {
        var quiz = data[key];
        if (quiz && quiz.answered === true && typeof quiz.correct === "boolean") {
          kept[key] = { answered: true, correct: quiz.correct,
                        selectedValues: Array.isArray(quiz.selectedValues) ? quiz.selectedValues.map(String) : [] };
        }
      });
    } catch (error) {
      // unreadable: nothing kept
    }
    return kept;
  }

  function translationPaths() {
    var paths = [];
    document.querySelectorAll("link[hreflang]").forEach(function (link) {
      if (link.getAttribute("hreflang") === "x-default") return;
      try {
        var other = new URL(link.getAttribute("href"), window.location.href).pathname;
        if (other !== path && paths.indexOf(other) < 0) paths.push(other);
      } catch (error) {
        // an unusable address: skip it
      }
    });
    return paths;
  }

  function stable(answer) {
    return { correct: answer.correct, selected: answer.selectedValues };
  }

  /* Answers kept by position before December 2026 move to their questions' ids, once per address. */
  function carryOver(storage) {
    var paths = [path].concat(translationPaths()).filter(function (at) { return !progress.moved(at); });
    if (!paths.length) return;
    var kept = progress.answers();
    var changes = {};
    paths.forEach(function (at) {
      var old = entry(storage, at);
      Object.keys(old).forEach(function (key) {
        var id = idAt[key];
        if (id && !kept[id] && !changes[id]) changes[id] = stable(old[key]);
      });
    });
    progress.setAnswers(changes, paths);
  }

  /* The plugin's entry for this page, written from the store. */
  function feed() {
    var storage = store();
    if (!storage || !progress) return;
    carryOver(storage);
    var kept = progress.answers();
    var copy = {};
    quizzes.forEach(function (quiz) {
      var answer = kept[quiz.getAttribute("data-quiz-id")];
      if (answer) copy[quiz.id] = { answered: true, correct: answer.correct, selectedValues: answer.selected };
    });
    try {
      if (Object.keys(copy).length) storage.setItem(PREFIX + path, JSON.stringify(copy));
      else storage.removeItem(PREFIX + path);
      seen = copy;
    } catch (error) {
      seen = entry(storage, path); // full or read-only: the plugin starts from what is there
    }
  }

  function note(kind) {
    var text = texts && texts.getAttribute(kind === "full" ? "data-full" : "data-unsaved");
    if (!text || !quizzes.length) return;
    var element = document.querySelector(".digicom-quiz-note");
    if (!element) {
      element = document.createElement("p");
      element.className = "digicom-quiz-note";
      element.setAttribute("role", "status");
      quizzes[0].parentNode.insertBefore(element, quizzes[0]);
    }
    if (element.textContent !== text) element.textContent = text;
  }

  /* An answer as the page shows it, for when the plugin could not save it. */
  function shownAnswer(quiz) {
    if (!quiz.querySelector(".quiz-feedback-item")) return null;
    var selected = [];
    quiz.querySelectorAll('input[name="answer"]:checked').forEach(function (input) { selected.push(input.value); });
    return { answered: true, correct: !quiz.querySelector(".quiz-feedback-item.incorrect"), selectedValues: selected };
  }

  /* After the plugin saved: what changed since this tab last looked goes into the store. */
  function takeBack() {
    var storage = store();
    var now = storage ? entry(storage, path) : {};
    var changes = {};
    Object.keys(idAt).forEach(function (key) {
      var quiz = document.getElementById(key);
      var answer = now[key] || (quiz && shownAnswer(quiz)); // shown but not saved: the plugin's storage refused it
      if (JSON.stringify(answer || undefined) !== JSON.stringify(seen[key])) {
        changes[idAt[key]] = answer ? stable(answer) : null;
      }
      if (answer) now[key] = answer;
    });
    seen = now;
    if (Object.keys(changes).length && !progress.setAnswers(changes)) {
      note(progress.problem() === "full" ? "full" : "blocked");
    }
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function showScore() {
    var box = document.querySelector("[data-digicom-quiz-score]");
    if (!box) return;
    var quizzes = document.querySelectorAll(".md-content .quiz");
    var correct = 0;
    var answered = 0;
    var missed = [];
    quizzes.forEach(function (quiz) {
      if (!quiz.querySelector(".quiz-feedback-item")) return;
      answered += 1;
      if (quiz.querySelector(".quiz-feedback-item.incorrect")) missed.push(quiz);
      else correct += 1;
    });
    var total = quizzes.length;
    var left = total - answered;
    box.querySelector(".digicom-quiz-score__total").textContent = fill(box.getAttribute("data-score"), {
      correct: correct,
      total: total,
    });
    box.querySelector(".digicom-quiz-score__left").textContent =
      left === 0 ? "" : fill(box.getAttribute(left === 1 ? "data-left-one" : "data-left-other"), { left: left });

    var list = box.querySelector(".digicom-quiz-score__missed ul");
    list.textContent = "";
    missed.forEach(function (quiz) {
      var item = document.createElement("li");
      var question = document.createElement("a");
      var text = quiz.querySelector(".quiz-question");
      question.href = "#" + quiz.id;
      question.textContent = text ? text.textContent.trim() : quiz.id;
      item.appendChild(question);
      var review = quiz.querySelector(".digicom-quiz-review a");
      if (review) {
        item.appendChild(document.createTextNode(" "));
        item.appendChild(review.cloneNode(true));
      }
      list.appendChild(item);
    });
    box.querySelector(".digicom-quiz-score__missed").hidden = missed.length === 0;
    box.hidden = false;
  }

  if (progress) {
    feed();
    if (!progress.available()) note("blocked");
  }
  window.addEventListener("quizProgressUpdate", function () {
    if (progress) takeBack();
    showScore();
  });
  if (withPage) {
    // Deferred, before DOMContentLoaded; registered after the plugin's own listener (its script
    // is in the page), so this runs once it has put back the saved answers.
    document.addEventListener("DOMContentLoaded", showScore);
    window.addEventListener("load", showScore);
  } else {
    // Run just before the plugin's script (load-near.js): counted once that has run.
    document.addEventListener("digicom-scripts-loaded", showScore);
  }
})();
