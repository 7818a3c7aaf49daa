/*
 * The <link rel="alternate" hreflang> tags in <head> point at this page's
 * translation (mkdocs-static-i18n), which is right for search engines. Material's
 * script, though, takes every such link for the root of another site and fetches
 * "<link>/sitemap.xml" from it: a 404 and a console error on every page. The
 * language switcher already links to the translated page, so Material needs none
 * of them: we hide them from it by renaming their rel before it starts.
 */
"use strict";
document.querySelectorAll('link[rel="alternate"][hreflang]').forEach(function (link) {
  link.setAttribute("data-rel", "alternate");
  link.removeAttribute("rel");
});
