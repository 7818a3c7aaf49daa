/*
 * Accent-insensitive search for Curso DIGICOM.
 *
 * Material's search worker is loaded unchanged (its file name comes in the
 * "material" query parameter, set by hooks/search_i18n.py). Around it we fold
 * accents and "ñ" out of both sides of the match: the indexed words (a lunr
 * pipeline step) and the typed query (before Material parses it). Shown text
 * and highlighting keep their accents, because Material highlights by position.
 *
 * The same file runs as a real Web Worker (over HTTP) and inside the
 * iframe-worker shim of the offline copy (file://), where this script is a
 * <script> in a hidden iframe and importScripts() returns a promise. There,
 * Material finds lunr's language files from the part of this script's address
 * before "/worker": keep this file in Material's assets/javascripts/workers/.
 */
"use strict";

(function () {
  function foldAccents(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  /* Fold every query string before Material's message handler sees it. */
  var addNativeListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addNativeListener(type, listener, options);
    return addNativeListener(type, function (event) {
      var message = event.data;
      if (message && typeof message.data === "string") {
        return listener({ data: Object.assign({}, message, { data: foldAccents(message.data) }) });
      }
      return listener(event);
    }, options);
  };

  /* Fold every indexed word. */
  function installFolding() {
    var lunr = self.lunr;
    function foldAccentsInToken(token) {
      return token.update(foldAccents);
    }
    lunr.Pipeline.registerFunction(foldAccentsInToken, "digicomFoldAccents");
    var addDocument = lunr.Builder.prototype.add;
    lunr.Builder.prototype.add = function (doc, attributes) {
      if (this.pipeline._stack.indexOf(foldAccentsInToken) === -1) {
        this.pipeline.add(foldAccentsInToken);
      }
      return addDocument.call(this, doc, attributes);
    };
  }

  var script = typeof document !== "undefined" && document.currentScript;
  var ownUrl = new URL(script ? script.src : self.location.href);
  // The offline shim appends "?<timestamp>" to our own query string.
  var materialWorker = (ownUrl.searchParams.get("material") || "").split("?")[0];
  Promise.resolve(importScripts(new URL(materialWorker, ownUrl).href)).then(installFolding);
})();
