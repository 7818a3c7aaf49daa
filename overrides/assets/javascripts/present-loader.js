/*
 * The "Present" button of a module page (hooks/teaching.py, partials/digicom/present-button.html).
 *
 * The button is in the page hidden, because it needs JavaScript; this small script
 * shows it. The presentation view (presentation.css, presentation.js and its words,
 * present-texts.<language>.js) is loaded when the page is idle, on screens wide enough
 * to present from (a laptop, not a phone, whose data plan it would cost), so that "Presentar" still works once the
 * room's wifi has gone; elsewhere it loads on the first click. If it cannot load
 * (offline before it was loaded), the page says so next to the button, in plain words.
 *
 * A click, or opening an address that ends in #slide-N (a reload while presenting),
 * opens the view through window.DigicomPresentation.open(button, slideNumber, byClick);
 * only a click asks for full screen (browsers allow it only then). On pages without
 * the button it does nothing.
 */
(function () {
  "use strict";

  var SLIDE = /^#slide-(\d+)$/;
  var PRESENTING_SCREEN = "(min-width: 60em)"; // 960 px and wider: a laptop or a projector
  var here = document.currentScript && document.currentScript.src;
  var button = document.querySelector("[data-digicom-present]");
  if (!button || !here) {
    return;
  }
  var problem = document.querySelector("[data-digicom-present-problem]");

  var added = {};

  /* Adds one file to the page once; resolves when it has loaded. One that failed is tried again next time. */
  function add(tag, url) {
    if (!added[url]) {
      added[url] = new Promise(function (resolve, reject) {
        var element = document.createElement(tag);
        if (tag === "link") {
          element.rel = "stylesheet";
          element.href = url;
        } else {
          element.src = url;
        }
        element.onload = resolve;
        element.onerror = function () {
          element.remove();
          delete added[url];
          reject(new Error(url + " did not load"));
        };
        document.head.appendChild(element);
      });
    }
    return added[url];
  }

  /* The view: its stylesheet, its words in the page's language, its script. Resolves when all three are ready. */
  function load() {
    // The slides hold the page's quizzes and practice tools: their scripts now too (load-near.js).
    document.dispatchEvent(new CustomEvent("digicom-load-scripts"));
    return Promise.all([
      add("link", new URL("../stylesheets/presentation.css", here).href),
      add("script", new URL(button.getAttribute("data-digicom-present-texts"), location.href).href),
      add("script", new URL("presentation.js", here).href)
    ]);
  }

  function open(slide, byClick) {
    load().then(function () {
      if (problem) {
        problem.textContent = "";
      }
      window.DigicomPresentation.open(button, slide, byClick);
    }, function () {
      if (problem) {
        problem.textContent = button.getAttribute("data-present-unavailable");
      }
    });
  }

  button.parentNode.hidden = false;
  button.addEventListener("click", function () {
    open(1, true);
  });

  /* An address ending in #slide-N (a reload while presenting, or a link) opens the view there. */
  function openFromAddress() {
    var asked = SLIDE.exec(window.location.hash);
    if (asked) {
      open(parseInt(asked[1], 10), false);
    }
  }

  function prefetch() {
    var connection = navigator.connection;
    if ((connection && connection.saveData) || !window.matchMedia(PRESENTING_SCREEN).matches) {
      return;
    }
    load().catch(function () {
      /* Said under the button only if someone asks for the view. */
    });
  }

  /* After the page has loaded, when the browser has nothing else to do. */
  function schedule() {
    if (window.requestIdleCallback) {
      window.requestIdleCallback(prefetch, { timeout: 3000 });
    } else {
      window.setTimeout(prefetch, 500);
    }
  }

  openFromAddress();
  window.addEventListener("hashchange", openFromAddress);
  if (document.readyState === "complete") {
    schedule();
  } else {
    window.addEventListener("load", schedule);
  }
})();
