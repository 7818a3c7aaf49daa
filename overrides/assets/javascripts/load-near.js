/*
 * Scripts a page needs only for some of its parts, loaded when the reader gets near one.
 * On a phone the first screen then shows without them: the quizzes' and the practice
 * tools' scripts are about 15 KB gzip of a module page's first load (scripts/bench.py).
 *
 * Each tag is one group (overrides/main.html):
 *   <script src=".../load-near.js" defer data-near="CSS selector of the parts"
 *           data-scripts="first.js second.js" data-hide-globals="name"></script>
 * The group's scripts are loaded, once, and run in the listed order, as soon as one of
 * its parts is within a screen's height of the visible area (above or below: a reader
 * who opens the page at a part, or scrolls towards one), or the reader touches, clicks or
 * tabs into one. Browsers without IntersectionObserver load them at once.
 *
 * - An answer sent before the scripts ran (a quiz's "Comprobar") is sent again once they
 *   have, so the tap is not lost.
 * - When every script of the group has run, "digicom-scripts-loaded" is dispatched on the
 *   document (quizzes.js counts the self-assessment score then, after the plugin has put
 *   back the saved answers).
 * - A script that cannot be fetched (no network, and no offline copy yet) is tried again
 *   when the browser is back online, or at the next touch of a part; the ones that ran are
 *   not run twice. Meanwhile data-offline, when given, is said in one line above the first
 *   part (role="status"), so a tap that does nothing is explained.
 * - "digicom-load-scripts" dispatched on the document loads every group at once: the
 *   presentation view asks for it (present-loader.js), as its slides hold the quizzes and
 *   tools and must keep working once the room's wifi has gone.
 * - data-hide-globals: window properties the group's scripts must not see while they run.
 *   mkdocs-quiz initialises once more through Material's `document$` when it finds one (for
 *   Material's instant navigation, which this site does not use); loaded after Material's
 *   bundle it would then set every question up twice (two "Try again" buttons).
 */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script) return;
  var selector = script.getAttribute("data-near");
  var sources = (script.getAttribute("data-scripts") || "").split(/\s+/).filter(Boolean);
  var hidden = (script.getAttribute("data-hide-globals") || "").split(/\s+/).filter(Boolean);
  var parts = selector ? Array.prototype.slice.call(document.querySelectorAll(selector)) : [];
  if (!parts.length || !sources.length) return;

  var ran = 0; // how many of the sources have run, in order
  var loading = false;
  var pending = []; // forms sent before the scripts ran
  var observer = null;
  var TRIGGERS = ["pointerdown", "focusin", "submit"];

  function within(target) {
    if (!target || !target.closest) return false;
    return parts.some(function (part) { return part.contains(target); });
  }

  function onTrigger(event) {
    if (!within(event.target)) return;
    if (event.type === "submit" && pending.indexOf(event.target) < 0) pending.push(event.target);
    load();
  }

  var offlineNote = null;
  function sayOffline() {
    var text = script.getAttribute("data-offline");
    if (!text || offlineNote) return;
    offlineNote = document.createElement("p");
    offlineNote.className = "digicom-near-offline";
    offlineNote.setAttribute("role", "status");
    parts[0].parentNode.insertBefore(offlineNote, parts[0]);
    setTimeout(function () { offlineNote.textContent = text; }, 50); // filled once in the page: announced
  }

  function finished() {
    if (offlineNote) offlineNote.remove();
    observer && observer.disconnect();
    TRIGGERS.forEach(function (type) { document.removeEventListener(type, onTrigger, true); });
    window.removeEventListener("online", load);
    document.dispatchEvent(new CustomEvent("digicom-scripts-loaded", { detail: { scripts: sources } }));
    pending.forEach(function (form) {
      form.dispatchEvent(new Event("submit", { bubbles: true, cancelable: true }));
    });
    pending = [];
  }

  var saved = {};
  function hide() {
    hidden.forEach(function (name) {
      saved[name] = window[name];
      window[name] = undefined;
    });
  }
  function restore() {
    hidden.forEach(function (name) { window[name] = saved[name]; });
  }

  // One script at a time, each started when the one before has run: the order is kept, and a
  // script whose fetch failed stops the ones after it (quizzes.js must run before the plugin).
  function next() {
    if (ran === sources.length) {
      loading = false;
      finished();
      return;
    }
    var element = document.createElement("script");
    element.src = sources[ran];
    element.addEventListener("load", function () {
      restore();
      ran += 1;
      next();
    });
    element.addEventListener("error", function () {
      restore();
      element.remove();
      hints.forEach(function (hint) { hint.remove(); }); // a failed preload must not answer the next try
      hints = [];
      loading = false; // tried again when the browser is back online, or at the next touch
      sayOffline();
    });
    // Hidden from the request to the script's "load" event, which follows its run at once.
    // Nothing else on this site reads them: Material's own code keeps its own reference.
    hide();
    document.body.appendChild(element);
  }

  var hints = [];
  function load() {
    if (loading || ran === sources.length) return;
    loading = true;
    // All fetched at once, not one after the other: each then runs as soon as its turn comes.
    if (navigator.onLine !== false && !hints.length) {
      hints = sources.slice(ran + 1).map(function (source) {
        var hint = document.createElement("link");
        hint.rel = "preload";
        hint.as = "script";
        hint.href = source;
        return document.head.appendChild(hint);
      });
    }
    next();
  }

  TRIGGERS.forEach(function (type) { document.addEventListener(type, onTrigger, true); });
  window.addEventListener("online", load);
  document.addEventListener("digicom-load-scripts", load); // all at once: present-loader.js

  if (!("IntersectionObserver" in window)) {
    load();
    return;
  }
  observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) load();
  }, { rootMargin: "100% 0px" });
  parts.forEach(function (part) { observer.observe(part); });
})();
