/*
 * Load the search index only when the reader goes to search.
 *
 * Material requests search/search_index.json (about 45 KB compressed) as soon as
 * any page opens. Most merchants read a module on mobile data and never search,
 * so the request is held back until they show they want to search: focus on the
 * search box, opening the search on a phone, or a key that opens it (s, f, /).
 * Material shows "Inicializando búsqueda" for that moment. Must run before
 * Material's bundle; loaded from overrides/main.html (block config).
 */
"use strict";
(function () {
  var INDEX = /\/search\/search_index\.json$/;
  var SEARCH_KEYS = ["s", "S", "f", "F", "/"];
  var held = [];
  var wanted = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;

  XMLHttpRequest.prototype.open = function (method, url) {
    this.digicomSearchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    if (!this.digicomSearchIndex || wanted) return send.apply(this, arguments);
    var request = this;
    var args = arguments;
    held.push(function () { send.apply(request, args); });
  };

  function wantSearch() {
    if (wanted) return;
    wanted = true;
    held.splice(0).forEach(function (release) { release(); });
  }

  document.addEventListener("focusin", function (event) {
    if (event.target.closest && event.target.closest(".md-search")) wantSearch();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search") wantSearch();
  });
  document.addEventListener("keydown", function (event) {
    if (SEARCH_KEYS.indexOf(event.key) !== -1) wantSearch();
  }, true);
})();
