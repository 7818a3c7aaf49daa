/*
 * The course on the reader's device: registers the service worker (sw.js, made by
 * hooks/offline_app.py), and says in one line when a new version of the course is
 * ready, with a button that loads it. On the first visit the worker, which then
 * downloads the whole course, is registered once the page has loaded and the reader
 * is reading it (the first scroll, tap or key), or ten seconds after the load: the
 * download must not slow the page the reader opened. Later visits register at once
 * (nothing to download; it is how the page hears of a new version).
 *
 * The script tag carries what it needs (overrides/main.html): data-worker (the
 * worker's address), data-update (the line's text) and data-reload (the button's).
 * The offline copy (file://) and browsers without service workers do nothing here.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var workers;
  try {
    workers = navigator.serviceWorker; // throws in some browsers when the reader blocks site data
  } catch (error) {
    return;
  }
  if (!script || !workers || location.protocol === "file:") return;
  var worker = new URL(script.getAttribute("data-worker"), location.href).href;
  var asked = false;

  /* The one line: "A new version of the course is ready. [Reload]". */
  function offer(waiting) {
    if (document.querySelector(".digicom-update")) return;
    var line = document.createElement("div");
    line.className = "digicom-update";
    line.setAttribute("role", "status");
    var text = document.createElement("span");
    var button = document.createElement("button");
    button.type = "button";
    button.className = "digicom-update__button";
    button.textContent = script.getAttribute("data-reload");
    button.addEventListener("click", function () {
      asked = true;
      button.disabled = true;
      waiting.postMessage({ type: "digicom-activate" });
    });
    line.appendChild(text);
    line.appendChild(document.createTextNode(" "));
    line.appendChild(button);
    document.body.appendChild(line);
    // Filled once it is in the page, so that screen readers announce it.
    setTimeout(function () { text.textContent = script.getAttribute("data-update"); }, 50);
  }

  workers.addEventListener("controllerchange", function () {
    if (asked) location.reload(); // the first install takes over quietly
  });

  var FIRST_VISIT_DELAY = 10000; // milliseconds after the page's load, if the reader does nothing
  var READING = ["scroll", "pointerdown", "keydown"];

  function follow(registration, installing) {
    if (!installing) return;
    function installed() {
      if (installing.state === "installed" && workers.controller) offer(installing);
    }
    installing.addEventListener("statechange", installed);
    installed(); // it may have finished before this page listened
  }

  function waiting(registration) {
    if (registration.waiting && workers.controller) offer(registration.waiting);
  }

  function register() {
    if (navigator.onLine === false) {
      // Nothing to download without a network (and the attempt would fail): wait for it.
      window.addEventListener("online", register, { once: true });
      return;
    }
    workers.register(worker).then(function (registration) {
      // The browser may have found the new version on its own while this page loaded.
      waiting(registration);
      follow(registration, registration.installing);
      registration.addEventListener("updatefound", function () { follow(registration, registration.installing); });
      if (workers.controller) {
        // Ask once more now that this page listens: a check the browser made before may have been missed.
        return registration.update().then(function () { waiting(registration); });
      }
    }).catch(function () {
      /* No worker (private mode, storage blocked or full): the site works online as before. */
    });
  }

  function whenLoaded() {
    if (workers.controller) {
      register();
      return;
    }
    var done = false;
    function once() {
      if (done) return;
      done = true;
      READING.forEach(function (type) { window.removeEventListener(type, once, true); });
      register();
    }
    READING.forEach(function (type) { window.addEventListener(type, once, { capture: true, passive: true }); });
    setTimeout(once, FIRST_VISIT_DELAY);
  }

  if (document.readyState === "complete") whenLoaded();
  else window.addEventListener("load", whenLoaded);
})();
