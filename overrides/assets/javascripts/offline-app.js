/*
 * The course on the reader's device: registers the service worker (sw.js, made by
 * hooks/offline_app.py) once the page has loaded, and says in one line when a new
 * version of the course is ready, with a button that loads it.
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

  function register() {
    workers.register(worker).then(function (registration) {
      if (registration.waiting && workers.controller) offer(registration.waiting);
      registration.addEventListener("updatefound", function () {
        var installing = registration.installing;
        if (!installing) return;
        installing.addEventListener("statechange", function () {
          if (installing.state === "installed" && workers.controller) offer(installing);
        });
      });
    }).catch(function () {
      /* No worker (private mode, storage blocked or full): the site works online as before. */
    });
  }

  if (document.readyState === "complete") register();
  else window.addEventListener("load", register);
})();
