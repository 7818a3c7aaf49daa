/*
 * The "Present" button of a module page (hooks/teaching.py, partials/digicom/present-button.html).
 *
 * The button is in the page hidden, because it needs JavaScript; this small script
 * shows it. Nothing of the presentation view loads until it is asked for: a click on
 * the button, or opening an address that ends in #slide-N (a reload while presenting),
 * adds presentation.css and presentation.js to the page, then opens the view through
 * window.DigicomPresentation.open(button, slideNumber, byClick); only a click asks for
 * full screen (browsers allow it only then). On pages without the button
 * it does nothing.
 */
(function () {
  "use strict";

  var SLIDE = /^#slide-(\d+)$/;
  var here = document.currentScript && document.currentScript.src;
  var button = document.querySelector("[data-digicom-present]");
  if (!button || !here) {
    return;
  }

  var loading = null;

  /* Load presentation.css and presentation.js once; resolves when both are ready. */
  function load() {
    if (loading) {
      return loading;
    }
    loading = new Promise(function (resolve, reject) {
      var waiting = 2;
      function done() {
        waiting -= 1;
        if (waiting === 0) {
          resolve();
        }
      }
      var style = document.createElement("link");
      style.rel = "stylesheet";
      style.href = new URL("../stylesheets/presentation.css", here).href;
      style.onload = done;
      style.onerror = done; // an unstyled view is still usable
      document.head.appendChild(style);
      var script = document.createElement("script");
      script.src = new URL("presentation.js", here).href;
      script.onload = done;
      script.onerror = function () {
        loading = null;
        reject(new Error("presentation.js did not load"));
      };
      document.head.appendChild(script);
    });
    return loading;
  }

  function open(slide, byClick) {
    load().then(function () {
      window.DigicomPresentation.open(button, slide, byClick);
    }, function () {
      /* Offline without the file: the page stays as it is. */
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

  openFromAddress();
  window.addEventListener("hashchange", openFromAddress);
})();
