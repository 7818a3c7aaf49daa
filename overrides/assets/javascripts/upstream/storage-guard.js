/*
 * Material keeps a few settings (the colour palette, ...) in localStorage through
 * its helpers __md_get and __md_set, defined inline just before this script. When
 * the browser blocks storage, merely touching localStorage throws, and so does
 * every page (an error in the console, the palette script stopped). Wrapped here,
 * blocked or unreadable storage simply reads as "nothing saved" and writes are
 * dropped. Loaded from overrides/main.html (block extrahead), before the body.
 */
"use strict";
(function () {
  ["__md_get", "__md_set"].forEach(function (name) {
    var original = window[name];
    if (typeof original !== "function") return;
    window[name] = function () {
      try {
        return original.apply(this, arguments);
      } catch (error) {
        return null;
      }
    };
  });
})();
