/*
 * Load the search index, and start the search worker, only when the reader goes to search.
 *
 * Material requests search/search_index.json (about 45 KB compressed) and starts
 * its search worker (about 13 KB) as soon as any page opens. Most merchants read a
 * module on mobile data and never search, so both wait until they show they want
 * to search: focus on the search box, opening the search on a phone, or a key that
 * opens it (s, f, /). Material shows "Inicializando búsqueda" for that moment.
 * Until then Material talks to a stand-in worker that keeps its messages. Must run
 * before Material's bundle; loaded from overrides/main.html (block config).
 */
"use strict";
(function () {
  var INDEX = /\/search\/search_index\.json$/;
  var SEARCH_KEYS = ["s", "S", "f", "F", "/"];
  var WORKER = /\/workers\/[^/]*\.js$/;
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

  /* A worker that starts for real at the first sign of a search; what it is sent waits till then. */
  var NativeWorker = window.Worker;
  if (typeof NativeWorker === "function") {
    window.Worker = function (url, options) {
      if (!WORKER.test(String(url).split(/[?#]/)[0]) || wanted) return new NativeWorker(url, options);
      var events = new EventTarget();
      var queue = [];
      var real = null;
      this.addEventListener = events.addEventListener.bind(events);
      this.removeEventListener = events.removeEventListener.bind(events);
      this.dispatchEvent = events.dispatchEvent.bind(events);
      this.postMessage = function (message) {
        if (real) real.postMessage(message);
        else queue.push(message);
      };
      this.terminate = function () {
        if (real) real.terminate();
        queue = [];
      };
      held.push(function () {
        real = new NativeWorker(url, options);
        real.addEventListener("message", function (event) {
          events.dispatchEvent(new MessageEvent("message", { data: event.data }));
        });
        real.addEventListener("error", function () { events.dispatchEvent(new Event("error")); });
        queue.splice(0).forEach(function (message) { real.postMessage(message); });
      });
    };
  }

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
