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
 * - the header colour for the browser's bar is read once the page has been drawn;
 * - a stored choice the site no longer has (say, a third palette removed) opens the
 *   page in the system's palette; Material's component threw on it, on every page.
 * The colours a saved choice names are put on the body before it is drawn, by
 * Material's inline script (partials/javascripts/palette.html), as before.
 */
(function () {
  "use strict";

  var form = document.querySelector("[data-digicom-palette]");
  if (!form) return;
  var inputs = Array.prototype.slice.call(form.querySelectorAll("input[data-md-color-scheme]"));
  if (!inputs.length) return;
  var KEYS = ["media", "scheme", "primary", "accent"];

  function chosen() {
    try {
      var palette = window.__md_get("__palette");
      return palette && typeof palette.index === "number" && inputs[palette.index] ? palette.index : -1;
    } catch (error) {
      return -1; // storage blocked or holding something else: as if the reader never chose
    }
  }

  function preferred() {
    for (var index = 0; index < inputs.length; index++) {
      var media = inputs[index].getAttribute("data-md-color-media");
      if (media && window.matchMedia && matchMedia(media).matches) return index;
    }
    return 0;
  }

  function colours(index) {
    var colour = {};
    KEYS.forEach(function (key) { colour[key] = inputs[index].getAttribute("data-md-color-" + key); });
    return colour;
  }

  /* The button that switches to the next palette shows; the current palette's input is checked (keyboard). */
  function show(index) {
    inputs.forEach(function (input, position) {
      input.checked = position === index;
      var label = input.nextElementSibling;
      if (label && label.tagName === "LABEL") label.hidden = position !== index;
    });
  }

  /* Puts the palette's colours on the body; nothing when it already wears them (no restyling). */
  function wear(index, switching) {
    var body = document.body;
    var colour = colours(index);
    var changed = KEYS.filter(function (key) {
      return colour[key] !== null && body.getAttribute("data-md-color-" + key) !== colour[key];
    });
    if (!changed.length) return false;
    if (switching) body.setAttribute("data-md-color-switching", ""); // no colour transitions meanwhile
    changed.forEach(function (key) { body.setAttribute("data-md-color-" + key, colour[key]); });
    return true;
  }

  function meta(name) {
    var tag = document.querySelector('meta[name="' + name + '"]');
    if (!tag) {
      tag = document.createElement("meta");
      tag.name = name;
      document.head.appendChild(tag);
    }
    return tag;
  }

  /* The browser's bar wears the header's colour, as with Material. */
  function tellBrowser() {
    var header = document.querySelector("[data-md-component=header]");
    if (!header) return;
    var style = getComputedStyle(header);
    var rgb = style.backgroundColor.match(/\d+/g);
    if (rgb) meta("theme-color").content = "#" + rgb.slice(0, 3).map(function (value) {
      return (+value).toString(16).padStart(2, "0");
    }).join("");
    if (style.colorScheme) meta("color-scheme").content = style.colorScheme;
  }

  function switchTo(index, remember) {
    show(index);
    if (wear(index, true)) {
      tellBrowser(); // the reader asked: restyling now is expected, and ends the "switching" state's use
      setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
    }
    if (remember) {
      try {
        window.__md_set("__palette", { index: index, color: colours(index) });
      } catch (error) {
        /* Storage blocked: the switch holds for this page only. */
      }
    }
  }

  form.addEventListener("change", function (event) {
    var index = inputs.indexOf(event.target);
    if (index >= 0) switchTo(index, true);
  });

  // Enter switches as Space does on a focused radio (Material's behaviour).
  form.addEventListener("keydown", function (event) {
    if (event.key !== "Enter") return;
    var current = inputs.indexOf(document.activeElement);
    var next = inputs[((current < 0 ? 0 : current) + 1) % inputs.length];
    event.preventDefault();
    next.click();
    next.focus();
  });

  // Until the reader chooses, the site follows the system's light or dark setting.
  inputs.forEach(function (input) {
    var media = input.getAttribute("data-md-color-media");
    if (!media || !window.matchMedia) return;
    var query = matchMedia(media);
    var follow = function () { if (chosen() < 0) switchTo(preferred(), false); };
    if (query.addEventListener) query.addEventListener("change", follow);
  });

  var saved = chosen();
  var start = saved >= 0 ? saved : preferred();
  show(start);
  wear(start, false); // only on a first visit with a dark system: restyled with the first frame, not forced
  requestAnimationFrame(function () { setTimeout(tellBrowser); });
})();
