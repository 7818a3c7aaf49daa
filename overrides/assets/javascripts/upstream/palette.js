/*
 * The light / dark switch in the header, doing what Material's palette component does
 * (mkdocs-material 9.8.1, components/palette) without its cost as each page starts.
 *
 * As every page starts, Material's component marks the body as "switching colours" and
 * then reads the header's computed colour for <meta name="theme-color">: the browser
 * must restyle the whole page there and then. On a mid-range phone that is about 120 ms
 * of blocked page, the largest single part of a module page's Total Blocking Time, and
 * for the colours the page already wears. hooks/course/upstream.py (own_palette_switch)
 * renames the component's attribute so that Material leaves it alone, and this script
 * (deferred) takes over with the same markup, the same stored choice (__palette, read
 * and written with Material's own helpers) and the same behaviour, except:
 * - as the page starts it only shows the right button and, when the reader has never
 *   chosen, wears the palette of the system's preference (and follows it if it changes:
 *   Material stored the system's preference as a choice on the first visit);
 * - the browser's bar (theme-color) is only recoloured when the reader switches;
 * - a stored choice the site no longer has (say, a third palette removed) opens the
 *   page in the system's palette; Material's component threw on it, on every page.
 * The colours a saved choice names are put on the body before it is drawn, by
 * Material's inline script (partials/javascripts/palette.html), as before.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-digicom-palette]");
  var inputs = form ? [].slice.call(form.querySelectorAll("input[data-md-color-scheme]")) : [];
  if (!inputs.length) return;
  var body = document.body;
  var KEYS = ["media", "scheme", "primary", "accent"]; // as Material stores and sets them; no style reads "media"

  function chosen() {
    try {
      var palette = window.__md_get("__palette");
      return palette && inputs[palette.index] ? palette.index : -1;
    } catch (error) {
      return -1; // storage blocked or holding something else: as if the reader never chose
    }
  }

  function preferred() {
    var index = inputs.findIndex(function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    return Math.max(index, 0);
  }

  function colours(index) {
    var colour = {};
    KEYS.forEach(function (key) { colour[key] = inputs[index].getAttribute("data-md-color-" + key); });
    return colour;
  }

  /* Shows the button to the next palette and checks the current one's input (for the keyboard);
     puts the palette's colours on the body, only where they differ (no restyling otherwise). */
  function wear(index, switching) {
    inputs.forEach(function (input, position) {
      var label = input.nextElementSibling;
      input.checked = position === index;
      if (label && label.tagName === "LABEL") label.hidden = position !== index;
    });
    var colour = colours(index);
    var changed = KEYS.filter(function (key) {
      return colour[key] !== null && body.getAttribute("data-md-color-" + key) !== colour[key];
    });
    if (!changed.some(function (key) { return key !== "media"; })) return;
    body.setAttribute("data-md-color-switching", ""); // no colour transitions meanwhile, as with Material
    changed.forEach(function (key) { body.setAttribute("data-md-color-" + key, colour[key]); });
    function done() { body.removeAttribute("data-md-color-switching"); }
    if (!switching) {
      // As the page starts: once the first frame is drawn in these colours, nothing is left to fade.
      requestAnimationFrame(function () { setTimeout(done); });
      return;
    }
    var bar = document.querySelector('meta[name="theme-color"]');
    var rgb = getComputedStyle(document.querySelector("[data-md-component=header]")).backgroundColor.match(/\d+/g);
    if (bar && rgb) bar.content = "#" + rgb.slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join("");
    setTimeout(done);
  }

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index < 0) return;
    wear(index, true);
    try {
      window.__md_set("__palette", { index: index, color: colours(index) });
    } catch (error) {
      /* Storage blocked: the switch holds for this page only. */
    }
  });

  // Enter switches as Space does on a focused radio (Material's behaviour).
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var next = inputs[(Math.max(inputs.indexOf(document.activeElement), 0) + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });

  // Until the reader chooses, the site follows the system's light or dark setting.
  inputs.forEach(function (input) {
    matchMedia(input.getAttribute("data-md-color-media")).addEventListener("change", function () {
      if (chosen() < 0) wear(preferred(), true);
    });
  });

  var saved = chosen();
  wear(saved < 0 ? preferred() : saved, false); // a first visit with a dark system: restyled with the first frame
})();
