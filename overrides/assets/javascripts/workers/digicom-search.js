/*
 * Accent-insensitive search for Curso DIGICOM.
 *
 * Material's search worker is loaded unchanged (its file name comes in the
 * "material" query parameter, set by hooks/search_i18n.py). Around it we fold
 * accents and "ñ" out of both sides of the match: the indexed words (a lunr
 * pipeline step) and the typed query (before Material parses it). Shown text
 * and highlighting keep their accents, because Material highlights by position.
 */
"use strict";

function foldAccents(text) {
  return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
}

/* Fold every query string before Material's message handler sees it. */
const addNativeListener = self.addEventListener.bind(self);
self.addEventListener = function (type, listener, options) {
  if (type !== "message") return addNativeListener(type, listener, options);
  return addNativeListener(type, function (event) {
    const message = event.data;
    if (message && typeof message.data === "string") {
      return listener({ data: Object.assign({}, message, { data: foldAccents(message.data) }) });
    }
    return listener(event);
  }, options);
};

importScripts(new URL(self.location.href).searchParams.get("material"));

/* Fold every indexed word. */
function foldAccentsInToken(token) {
  return token.update(foldAccents);
}
self.lunr.Pipeline.registerFunction(foldAccentsInToken, "digicomFoldAccents");
const addDocument = self.lunr.Builder.prototype.add;
self.lunr.Builder.prototype.add = function (doc, attributes) {
  if (this.pipeline._stack.indexOf(foldAccentsInToken) === -1) {
    this.pipeline.add(foldAccentsInToken);
  }
  return addDocument.call(this, doc, attributes);
};
