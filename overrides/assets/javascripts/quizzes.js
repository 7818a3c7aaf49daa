/*
 * Quizzes (mkdocs-quiz). Loaded, deferred, only on pages with a quiz (overrides/main.html).
 *
 * 1. The same answers in both languages. The plugin keeps a page's answers in
 *    localStorage under "quiz_progress_" + the page's path, so /modulos/sms/ and
 *    /en/modulos/sms/ each had their own. The build checks that both versions of a
 *    page have the same questions, of the same kind, with the right answers in the
 *    same positions (hooks/course/quizzes.py), so a stored entry means the same on
 *    both. Before the plugin reads it (at DOMContentLoaded; this deferred script
 *    runs earlier), a page without an entry takes its translation's; after every
 *    change the plugin reports ("quizProgressUpdate"), the translation gets a copy.
 *    The translation's address comes from the <link hreflang> tags in <head>.
 *    Unreadable or old entries are dropped here, not copied.
 *
 * 2. The score on the self-assessment page ([data-digicom-quiz-score]): how many
 *    right out of how many, how many are left, and for each missed question a link
 *    to it and to its module. Read from what the page shows (the plugin's feedback
 *    boxes), so it is right after an answer, a "Try again", or a reload.
 *
 * Never throws when localStorage is missing, blocked or holds something else.
 */
"use strict";
(function () {
  var PREFIX = "quiz_progress_";

  function store() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null; // blocked by the browser's settings
    }
  }

  // The stored text when it is what the plugin writes: {"quiz-0": {"answered": true, "correct": false, ...}}.
  function entry(storage, path) {
    try {
      var text = storage.getItem(PREFIX + path);
      var data = text === null ? null : JSON.parse(text);
      if (!data || typeof data !== "object" || Array.isArray(data)) return null;
      var valid = Object.keys(data).every(function (key) {
        var quiz = data[key];
        return quiz && typeof quiz.answered === "boolean" && typeof quiz.correct === "boolean";
      });
      return valid ? text : null;
    } catch (error) {
      return null;
    }
  }

  function translationPaths() {
    var paths = [];
    document.querySelectorAll("link[hreflang]").forEach(function (link) {
      if (link.getAttribute("hreflang") === "x-default") return;
      try {
        var path = new URL(link.getAttribute("href"), window.location.href).pathname;
        if (path !== window.location.pathname && paths.indexOf(path) < 0) paths.push(path);
      } catch (error) {
        // an unusable address: skip it
      }
    });
    return paths;
  }

  function takeFromTranslation() {
    var storage = store();
    if (!storage || entry(storage, window.location.pathname) !== null) return;
    try {
      // Unreadable or old data: gone before the plugin reads it (it would log an error and drop it anyway).
      storage.removeItem(PREFIX + window.location.pathname);
    } catch (error) {
      // read-only storage: the plugin copes
    }
    translationPaths().some(function (path) {
      var text = entry(storage, path);
      if (text === null) return false;
      try {
        storage.setItem(PREFIX + window.location.pathname, text);
      } catch (error) {
        // full or read-only: the plugin starts empty, as before
      }
      return true;
    });
  }

  function copyToTranslation() {
    var storage = store();
    var text = storage && entry(storage, window.location.pathname);
    if (!text) return;
    translationPaths().forEach(function (path) {
      try {
        storage.setItem(PREFIX + path, text);
      } catch (error) {
        // full or read-only: that language keeps what it had
      }
    });
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

  takeFromTranslation();
  window.addEventListener("quizProgressUpdate", function () {
    copyToTranslation();
    showScore();
  });
  if (document.readyState === "complete") {
    showScore();
  } else {
    // A deferred script runs before DOMContentLoaded, while readyState is already "interactive".
    // Registered after the plugin's own listener, so this runs once it has restored saved answers.
    document.addEventListener("DOMContentLoaded", showScore);
    window.addEventListener("load", showScore);
  }
})();
