/*
 * Progress: what a merchant ticked and answered, kept in this browser only (every page,
 * deferred, before checklists.js and quizzes.js, which use it: overrides/main.html).
 *
 * Stores (localStorage, JSON):
 * - "digicom.checklists.v1": {"<item id>": true} for each ticked checklist item
 *   ("sms/26fe7730a1", hooks/course/checklists.py);
 * - "digicom.quizzes.v1": {"answers": {"<question id>": {"correct": bool, "selected": ["1"]}},
 *   "moved": {"<page path>": true}}: the answer kept for each question ("sms/q-924a1dd67a",
 *   hooks/course/quizzes.py; "selected" are the plugin's answer values, the answers'
 *   positions), and the page addresses whose old answers, kept by mkdocs-quiz by position,
 *   were already carried over (quizzes.js);
 * - "digicom.progress.v1": {"last": "<module id>"}: the last module opened, for the home
 *   page's "continue where you left off".
 * The practice tools' drafts ("digicom.practice.v1", practice.js) go through read() and
 * write() here too, so every store is read and written the same way.
 *
 * Ids come from the text of the item or question in the default language, so the same
 * tick or answer shows in both languages, on the module, "Mi progreso" and the
 * self-assessment, and stays put when other items or questions are added, moved or fixed.
 *
 * Never throws and never breaks a page: blocked storage (access throws), a full one
 * (writes throw) or old/corrupt data (read as nothing, entry by entry) only make
 * problem() say so ("blocked", "full"), for the pages to tell the person.
 *
 * It also (1) remembers the module this page is (data-module on its script tag,
 * hooks/modules.py), (2) fills in the home page's module list (partials/digicom/
 * module-list.html): each module's progress and "continue where you left off", and
 * (3) asks the browser once per page to keep the storage (navigator.storage.persist())
 * after the first tick or answer is saved.
 */
(function () {
  "use strict";

  var KEYS = { ticks: "digicom.checklists.v1", quizzes: "digicom.quizzes.v1", visits: "digicom.progress.v1" };
  var ID = /^\w[\w.-]{0,99}\/[\w-]{1,100}$/; // "<page id>/<digest>", "<page id>/q-<digest>"
  var problem = "";
  var asked = false;
  var script = document.currentScript;

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null;
    }
  }

  function isObject(value) {
    return !!value && typeof value === "object" && !Array.isArray(value);
  }

  function read(key) {
    var store = storage();
    if (!store) {
      problem = "blocked";
      return null;
    }
    try {
      return JSON.parse(store.getItem(key));
    } catch (error) {
      return null; // corrupt or unreadable: nothing kept
    }
  }

  function write(key, value) {
    var store = storage();
    try {
      if (!store) throw new Error("no storage");
      store.setItem(key, JSON.stringify(value));
      if (problem === "full") problem = "";
      return true;
    } catch (error) {
      var full = store && error && (error.name === "QuotaExceededError" || error.code === 22 ||
        error.name === "NS_ERROR_DOM_QUOTA_REACHED");
      problem = full ? "full" : "blocked";
      return false;
    }
  }

  function persist() {
    if (asked) return;
    asked = true;
    try {
      if (navigator.storage && navigator.storage.persist) {
        navigator.storage.persisted().then(function (kept) {
          if (!kept) return navigator.storage.persist();
        }).catch(function () { /* the browser said no: nothing to do */ });
      }
    } catch (error) {
      /* no Storage API here */
    }
  }

  function ticks() {
    var value = read(KEYS.ticks);
    var kept = {};
    if (isObject(value)) {
      Object.keys(value).forEach(function (id) {
        if (value[id] === true) kept[id] = true;
      });
    }
    return kept;
  }

  /* changes: {id: true | false}. Read, change, write: another tab's ticks stay. */
  function setTicks(changes) {
    var kept = ticks();
    Object.keys(changes).forEach(function (id) {
      if (changes[id]) kept[id] = true;
      else delete kept[id];
    });
    var saved = write(KEYS.ticks, kept);
    if (saved) persist();
    return saved;
  }

  function answerOf(value) {
    if (!isObject(value) || typeof value.correct !== "boolean") return null;
    var selected = Array.isArray(value.selected) ? value.selected.filter(function (one) {
      return typeof one === "string" && one.length < 20;
    }) : [];
    return { correct: value.correct, selected: selected };
  }

  function quizStore() {
    var value = read(KEYS.quizzes);
    var store = { answers: {}, moved: {} };
    if (!isObject(value)) return store;
    if (isObject(value.answers)) {
      Object.keys(value.answers).forEach(function (id) {
        var answer = answerOf(value.answers[id]);
        if (answer && ID.test(id)) store.answers[id] = answer;
      });
    }
    if (isObject(value.moved)) {
      Object.keys(value.moved).forEach(function (path) {
        if (value.moved[path] === true) store.moved[path] = true;
      });
    }
    return store;
  }

  function answers() {
    return quizStore().answers;
  }

  /* changes: {id: answer | null}; moved: page paths now carried over. */
  function setAnswers(changes, moved) {
    var store = quizStore();
    Object.keys(changes).forEach(function (id) {
      var answer = changes[id] && answerOf(changes[id]);
      if (answer) store.answers[id] = answer;
      else delete store.answers[id];
    });
    (moved || []).forEach(function (path) { store.moved[path] = true; });
    var saved = write(KEYS.quizzes, store);
    if (saved && Object.keys(changes).length) persist();
    return saved;
  }

  function moved(path) {
    return quizStore().moved[path] === true;
  }

  function last() {
    var value = read(KEYS.visits);
    return isObject(value) && typeof value.last === "string" && /^[\w.-]{1,100}$/.test(value.last) ? value.last : "";
  }

  function setLast(module) {
    return last() === module || write(KEYS.visits, { last: module });
  }

  /* Checklist items ticked and questions answered among some ids. */
  function progressOf(items, questions) {
    var ticked = ticks();
    var kept = answers();
    var result = { done: 0, items: items.length, right: 0, wrong: 0, questions: questions.length };
    items.forEach(function (id) { if (ticked[id]) result.done += 1; });
    questions.forEach(function (id) {
      if (kept[id]) result[kept[id].correct ? "right" : "wrong"] += 1;
    });
    return result;
  }

  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (whole, key) {
      return key in values ? String(values[key]) : whole;
    });
  }

  function plural(element, name, n) {
    return fill(element.getAttribute("data-" + name + (n === 1 ? "-one" : "-other")), { n: n });
  }

  /* Another tab changed what is kept: callback(kind) with "ticks", "answers", "visits" or "all". */
  function onChange(callback) {
    window.addEventListener("storage", function (event) {
      if (event.key === null) callback("all");
      else if (event.key === KEYS.ticks) callback("ticks");
      else if (event.key === KEYS.quizzes) callback("answers");
      else if (event.key === KEYS.visits) callback("visits");
    });
  }

  var api = {
    keys: KEYS,
    available: function () { return !!storage(); },
    problem: function () { return problem; },
    read: read, // any of our stores, for the other scripts (practice.js): never throws
    write: write,
    isObject: isObject,
    ticks: ticks,
    setTicks: setTicks,
    answers: answers,
    setAnswers: setAnswers,
    moved: moved,
    last: last,
    progressOf: progressOf,
    fill: fill,
    plural: plural,
    onChange: onChange,
    ids: function (element, name) {
      return (element.getAttribute(name) || "").split(" ").filter(Boolean);
    },
  };
  window.digicomProgress = api;

  // (1) The module this page is, as the last one opened.
  var module = script && script.getAttribute("data-module");
  if (module) setLast(module);

  // (2) The home page's module list.
  var list = document.querySelector("[data-progress-list]");
  if (!list) return;
  var continueBox = document.querySelector("[data-progress-continue]");

  function describe(element, progress) {
    var parts = [];
    if (progress.items) parts.push(fill(element.getAttribute("data-ticks"), { done: progress.done, total: progress.items }));
    if (progress.questions) {
      parts.push(fill(element.getAttribute("data-answers"), { right: progress.right, total: progress.questions }));
    }
    return parts.join(" · ");
  }

  function showHome() {
    var lastModule = last();
    var shown = null;
    list.querySelectorAll("[data-progress-module]").forEach(function (item) {
      var progress = progressOf(api.ids(item, "data-progress-items"), api.ids(item, "data-progress-questions"));
      var text = item.querySelector("[data-progress-text]");
      var started = progress.done + progress.right + progress.wrong > 0;
      if (text) {
        text.querySelector("span").textContent = describe(list, progress);
        text.hidden = !started;
      }
      if (item.getAttribute("data-progress-module") === lastModule) shown = { item: item, progress: progress };
    });
    if (!continueBox) return;
    if (shown) {
      var link = continueBox.querySelector("a");
      var source = shown.item.querySelector("a");
      link.href = source.href;
      link.textContent = source.textContent;
      continueBox.querySelector("[data-progress-continue-text]").textContent = describe(list, shown.progress);
    }
    continueBox.hidden = !shown;
    // One filled button: "continue" when there is somewhere to continue, else the first module.
    var start = document.querySelector("[data-progress-start]");
    if (start) start.classList.toggle("md-button--primary", !shown);
  }

  showHome();
  onChange(showHome);
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) showHome();
  });
})();
