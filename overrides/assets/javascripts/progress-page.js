/*
 * "Mi progreso" (hooks/checklists.py, partials/digicom/checklist-progress.html and
 * progress-transfer.html), after progress.js and checklists.js.
 *
 * 1. Each module's questions: how many right out of how many, and how many to go over
 *    again, from the answers kept under the module's question ids (the same ids on the
 *    module and on the self-assessment); the total above.
 *
 * 2. "Take your progress with you":
 *    - a link: this page's address with the progress in its #fragment, which browsers never
 *      send to a server (from the offline copy, file://, the published address is used,
 *      <link rel="canonical">); also as a QR code, drawn here with qrcode-generator (npm,
 *      pinned in the Makefile, served from the site: assets/javascripts/vendor/qrcode.js,
 *      loaded only when asked for);
 *    - a file to save (JSON) and to open again;
 *    - opening a link (on load, or a new #fragment) or a file merges it with what this
 *      browser has and says what changed. Merging never takes progress away: every tick it
 *      brings is added; an answer is added where this browser has none; where both have an
 *      answer and they differ, the right one is kept, and if neither is right, this
 *      browser's. Nothing is changed when the link or file cannot be read.
 *
 * The link's fragment, "#p=" and then, in capitals so that the QR code can use its compact
 * alphanumeric mode (version "1"; "2" keeps the case, for page ids with other characters):
 *   <version> ( "." <page id> ":" <ticked digests> ":" <answers> )*
 * where the ticked items' 10-hex-digit digests follow each other with no separator, and
 * the answers are "+"-separated: the question's digest, R (right) or W (wrong), then one
 * base-36 character per picked answer (its value, 0…35). An id is "<page id>/<digest>" for
 * an item, "<page id>/q-<digest>" for a question (hooks/course/checklists.py, quizzes.py).
 *
 * The file: {"format": "curso-digicom-progreso", "version": 1, "saved": "<ISO date>",
 *            "ticks": ["sms/26fe7730a1", …], "answers": {"sms/q-924a1dd67a": {"correct": true,
 *            "selected": ["1"]}, …}}: every id as it is kept, whatever its form.
 *
 * Never throws: storage blocked or full is said in the section (data-progress-problem), and
 * an import that cannot be kept says so instead of pretending.
 */
(function () {
  "use strict";

  var progress = window.digicomProgress;
  var page = document.querySelector("[data-progress-page]");
  if (!progress || !page) return;
  var script = document.currentScript;
  var FORMAT = "curso-digicom-progreso";
  var DIGEST = /^[0-9a-f]{10}$/;
  var PAGE_ID = /^[a-z0-9-]+$/;

  // ── 1. Questions per module ────────────────────────────────────────────────

  function showQuizzes() {
    var right = 0;
    var total = 0;
    page.querySelectorAll("[data-progress-questions]").forEach(function (module) {
      var result = progress.progressOf([], progress.ids(module, "data-progress-questions"));
      var line = module.querySelector("[data-progress-quiz]");
      right += result.right;
      total += result.questions;
      if (!line) return;
      var text = progress.fill(page.getAttribute("data-answers-text"), { right: result.right, total: result.questions });
      if (result.wrong) text += " · " + progress.plural(page, "wrong", result.wrong);
      line.querySelector("[data-progress-count]").textContent = text;
      line.hidden = false;
    });
    var summary = page.querySelector("[data-progress-quiz-summary]");
    if (summary && total) {
      summary.querySelector("[data-progress-count]").textContent =
        progress.fill(page.getAttribute("data-answers-text"), { right: right, total: total });
      summary.hidden = false;
    }
  }

  // ── 2. Take your progress with you ─────────────────────────────────────────

  var section = page.querySelector("[data-progress-transfer]");
  var status = section && section.querySelector("[data-progress-status]");
  var problemNote = section && section.querySelector("[data-progress-problem]");
  var linkBox = section && section.querySelector("[data-progress-link]");
  var linkShown = false;

  function say(text) {
    if (status) status.textContent = text;
  }

  function showProblem() {
    if (!problemNote) return;
    var kind = progress.available() ? progress.problem() : "blocked";
    var text = kind ? problemNote.getAttribute(kind === "full" ? "data-full" : "data-blocked") : "";
    problemNote.textContent = text;
    problemNote.hidden = !text;
  }

  /* What there is to take: what is kept, and the boxes ticked on this page (all there is
     when the browser keeps nothing). */
  function snapshot() {
    var ticked = progress.ticks();
    document.querySelectorAll("input[data-checklist-item]:checked").forEach(function (box) {
      ticked[box.getAttribute("data-checklist-item")] = true;
    });
    return { ticks: Object.keys(ticked).sort(), answers: progress.answers() };
  }

  function encode(data) {
    var groups = {};
    var order = [];
    function group(pageId) {
      if (!groups[pageId]) {
        groups[pageId] = { ticks: "", answers: [] };
        order.push(pageId);
      }
      return groups[pageId];
    }
    data.ticks.forEach(function (id) {
      var at = id.lastIndexOf("/");
      var digest = id.slice(at + 1);
      if (at > 0 && DIGEST.test(digest) && id.slice(0, at).indexOf("/") < 0) group(id.slice(0, at)).ticks += digest;
    });
    Object.keys(data.answers).sort().forEach(function (id) {
      var match = /^([^/]+)\/q-([0-9a-f]{10})$/.exec(id);
      if (!match) return;
      var answer = data.answers[id];
      var picked = answer.selected.filter(function (value) { return /^\d+$/.test(value) && Number(value) < 36; })
        .map(function (value) { return Number(value).toString(36); }).join("");
      group(match[1]).answers.push(match[2] + (answer.correct ? "r" : "w") + picked);
    });
    var plain = order.every(function (pageId) { return PAGE_ID.test(pageId); });
    var text = order.map(function (pageId) {
      var name = plain ? pageId : encodeURIComponent(pageId).replace(/\./g, "%2E");
      return "." + name + ":" + groups[pageId].ticks + ":" + groups[pageId].answers.join("+");
    }).join("");
    return plain ? ("1" + text).toUpperCase() : "2" + text;
  }

  /* A link's payload as {ticks: [...], answers: {...}}, or null when any part of it is not ours. */
  function decode(payload) {
    var version = payload.charAt(0);
    if (version !== "1" && version !== "2") return null;
    var text = version === "1" ? payload.slice(1).toLowerCase() : payload.slice(1);
    var data = { ticks: [], answers: {} };
    if (text === "") return data;
    if (text.charAt(0) !== ".") return null;
    var ok = text.slice(1).split(".").every(function (part) {
      var fields = part.split(":");
      if (fields.length !== 3) return false;
      var pageId;
      try {
        pageId = version === "1" ? fields[0] : decodeURIComponent(fields[0]);
      } catch (error) {
        return false;
      }
      if (!pageId || pageId.indexOf("/") >= 0 || (version === "1" && !PAGE_ID.test(pageId))) return false;
      if (!/^([0-9a-f]{10})*$/.test(fields[1])) return false;
      for (var at = 0; at < fields[1].length; at += 10) data.ticks.push(pageId + "/" + fields[1].slice(at, at + 10));
      return fields[2] === "" || fields[2].split("+").every(function (code) {
        var answer = /^([0-9a-f]{10})([rw])([0-9a-z]*)$/.exec(code);
        if (!answer) return false;
        data.answers[pageId + "/q-" + answer[1]] = {
          correct: answer[2] === "r",
          selected: answer[3].split("").map(function (one) { return String(parseInt(one, 36)); }),
        };
        return true;
      });
    });
    return ok ? data : null;
  }

  /* A saved file's text as {ticks, answers}, or null. */
  function readFile(text) {
    var data;
    try {
      data = JSON.parse(text);
    } catch (error) {
      return null;
    }
    if (!data || typeof data !== "object" || data.format !== FORMAT || data.version !== 1 ||
        !Array.isArray(data.ticks) || !data.answers || typeof data.answers !== "object" ||
        Array.isArray(data.answers)) return null;
    var result = { ticks: [], answers: {} };
    var valid = data.ticks.every(function (id) {
      if (typeof id !== "string" || id.length > 200) return false;
      result.ticks.push(id);
      return true;
    });
    valid = valid && Object.keys(data.answers).every(function (id) {
      var answer = data.answers[id];
      if (id.length > 200 || !answer || typeof answer.correct !== "boolean") return false;
      var selected = Array.isArray(answer.selected) ? answer.selected : [];
      if (!selected.every(function (one) { return typeof one === "string"; })) return false;
      result.answers[id] = { correct: answer.correct, selected: selected };
      return true;
    });
    return valid ? result : null;
  }

  function same(one, other) {
    return one.correct === other.correct && one.selected.join(",") === other.selected.join(",");
  }

  /* Merge brought progress into this browser's, and say what changed. */
  function merge(data) {
    if (!data) {
      say(section.getAttribute("data-bad"));
      return;
    }
    var ticked = progress.ticks();
    var kept = progress.answers();
    var newTicks = {};
    var newAnswers = {};
    var conflicts = 0;
    data.ticks.forEach(function (id) {
      if (!ticked[id]) newTicks[id] = true;
    });
    var added = 0;
    Object.keys(data.answers).forEach(function (id) {
      var brought = data.answers[id];
      var here = kept[id];
      if (!here) {
        newAnswers[id] = brought;
        added += 1;
      } else if (!same(here, brought)) {
        conflicts += 1;
        if (brought.correct && !here.correct) newAnswers[id] = brought;
      }
    });
    var tickCount = Object.keys(newTicks).length;
    var saved = (!tickCount || progress.setTicks(newTicks)) &&
      (!Object.keys(newAnswers).length || progress.setAnswers(newAnswers));
    if (!saved || !progress.available()) {
      showProblem();
      say(section.getAttribute("data-unsaved"));
      return;
    }
    var parts = [];
    if (tickCount || added) {
      parts.push(progress.fill(section.getAttribute("data-added"), {
        ticks: progress.plural(section, "ticks", tickCount),
        answers: progress.plural(section, "answers", added),
      }));
    } else {
      parts.push(section.getAttribute("data-nothing"));
    }
    if (conflicts) parts.push(progress.plural(section, "conflicts", conflicts));
    // The page's checkboxes and counts follow the store (checklists.js listens to other tabs only).
    document.querySelectorAll("input[data-checklist-item]").forEach(function (box) {
      if (newTicks[box.getAttribute("data-checklist-item")] && !box.checked) {
        box.checked = true;
        box.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
    showQuizzes();
    if (linkShown) showLink();
    say(parts.join(" "));
  }

  function address() {
    if (/^https?:$/.test(window.location.protocol)) {
      return window.location.origin + window.location.pathname + window.location.search;
    }
    // The offline copy (file://): the published page, whose address the offline build writes with
    // ".html" ("…/mi-progreso.html" is published as "…/mi-progreso/").
    var canonical = document.querySelector('link[rel="canonical"]');
    if (!canonical) return window.location.href.split("#")[0];
    return canonical.href.split("#")[0].replace(/(^|\/)index\.html$/, "$1").replace(/\.html$/, "/");
  }

  function drawQr(base, payload) {
    var box = section.querySelector("[data-progress-qr]");
    var scan = section.querySelector("[data-progress-scan]");
    box.textContent = "";
    var qr;
    try {
      qr = window.qrcode(0, "L");
      if (payload.charAt(0) === "1") {
        qr.addData(base + "#p=", "Byte");
        qr.addData(payload, "Alphanumeric");
      } else {
        qr.addData(base + "#p=" + payload, "Byte");
      }
      qr.make();
    } catch (error) {
      scan.hidden = true;
      box.textContent = section.getAttribute("data-qr-too-long");
      return;
    }
    var count = qr.getModuleCount();
    var margin = 4;
    var size = count + margin * 2;
    var path = "";
    for (var row = 0; row < count; row += 1) {
      for (var column = 0; column < count; column += 1) {
        if (qr.isDark(row, column)) path += "M" + (column + margin) + " " + (row + margin) + "h1v1h-1z";
      }
    }
    var svgNS = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(svgNS, "svg");
    svg.setAttribute("viewBox", "0 0 " + size + " " + size);
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", section.getAttribute("data-qr-title"));
    svg.setAttribute("shape-rendering", "crispEdges");
    var background = document.createElementNS(svgNS, "rect");
    background.setAttribute("width", size);
    background.setAttribute("height", size);
    background.setAttribute("fill", "#fff");
    var dots = document.createElementNS(svgNS, "path");
    dots.setAttribute("d", path);
    dots.setAttribute("fill", "#000");
    svg.appendChild(background);
    svg.appendChild(dots);
    box.appendChild(svg);
    scan.hidden = false;
  }

  var qrLoading = null;

  function withQrLibrary(callback) {
    if (window.qrcode) return callback(true);
    if (!qrLoading) {
      qrLoading = [];
      var tag = document.createElement("script");
      tag.src = new URL("vendor/qrcode.js", script.src).href;
      tag.onload = function () { qrLoading.forEach(function (wait) { wait(!!window.qrcode); }); };
      tag.onerror = function () { qrLoading.forEach(function (wait) { wait(false); }); qrLoading = null; };
      document.head.appendChild(tag);
    }
    qrLoading.push(callback);
  }

  function showLink() {
    var data = snapshot();
    if (!data.ticks.length && !Object.keys(data.answers).length) {
      linkBox.hidden = true;
      linkShown = false;
      say(section.getAttribute("data-empty"));
      return false;
    }
    var base = address();
    var payload = encode(data);
    section.querySelector("[data-progress-address]").value = base + "#p=" + payload;
    linkBox.hidden = false;
    linkShown = true;
    withQrLibrary(function (loaded) {
      if (loaded) drawQr(base, payload);
      else {
        section.querySelector("[data-progress-scan]").hidden = true;
        section.querySelector("[data-progress-qr]").textContent = section.getAttribute("data-qr-failed");
      }
    });
    return true;
  }

  function saveFile() {
    var data = snapshot();
    if (!data.ticks.length && !Object.keys(data.answers).length) {
      say(section.getAttribute("data-empty"));
      return;
    }
    var now = new Date();
    var file = JSON.stringify({ format: FORMAT, version: 1, saved: now.toISOString(), ticks: data.ticks,
                                answers: data.answers }, null, 1);
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([file], { type: "application/json" }));
    link.download = progress.fill(section.getAttribute("data-file-name"), { date: now.toISOString().slice(0, 10) });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
  }

  function openFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () { merge(readFile(String(reader.result))); input.value = ""; };
    reader.onerror = function () { say(section.getAttribute("data-bad")); input.value = ""; };
    reader.readAsText(file);
  }

  /* A link opened here: its progress merged once, then the fragment taken off the address. */
  function fromAddress() {
    var match = /^#p=(.*)$/.exec(window.location.hash);
    if (!match) return;
    var payload;
    try {
      payload = decodeURIComponent(match[1]);
    } catch (error) {
      payload = "";
    }
    merge(decode(payload));
    try {
      history.replaceState(null, "", window.location.pathname + window.location.search + "#take-away");
    } catch (error) {
      /* file:// may refuse: the fragment stays, and merging it again adds nothing */
    }
    section.scrollIntoView();
  }

  showQuizzes();
  if (section) {
    section.hidden = false;
    showProblem();
    section.querySelector("[data-progress-make-link]").addEventListener("click", function () {
      if (showLink()) section.querySelector("[data-progress-address]").focus();
    });
    section.querySelector("[data-progress-copy]").addEventListener("click", function () {
      var field = section.querySelector("[data-progress-address]");
      var copied = function () { say(section.getAttribute("data-copied")); };
      var failed = function () { field.select(); say(section.getAttribute("data-copy-failed")); };
      try {
        navigator.clipboard.writeText(field.value).then(copied, failed);
      } catch (error) {
        failed();
      }
    });
    section.querySelector("[data-progress-save-file]").addEventListener("click", saveFile);
    var input = section.querySelector("[data-progress-file]");
    section.querySelector("[data-progress-open-file]").addEventListener("click", function () { input.click(); });
    input.addEventListener("change", function () { openFile(input); });
    fromAddress();
    window.addEventListener("hashchange", fromAddress);
  }
  progress.onChange(function () {
    showQuizzes();
    showProblem();
    if (linkShown) showLink();
  });
  document.addEventListener("change", function (event) {
    // A tick on this page: the link, if shown, follows it; a refused save is said here too.
    if (event.target && event.target.hasAttribute && event.target.hasAttribute("data-checklist-item")) {
      showProblem();
      if (linkShown) showLink();
    }
  });
})();
