/*
 * Accent-insensitive search for Curso DIGICOM.
 *
 * Material's search worker is loaded unchanged (its file name comes in the
 * "material" query parameter, set by hooks/search_i18n.py). Around it we fold
 * accents and "ñ" out of both sides of the match: the indexed words (a lunr
 * pipeline step) and the typed query (before Material parses it). Shown text
 * and highlighting keep their accents, because Material highlights by position.
 *
 * A typed word that starts no word of the index is taken for a slip of the
 * finger and replaced by the closest word that is there: one letter wrong,
 * missing, extra or swapped ("telegran", "newsleter"), two in words of eight
 * letters or more. Of equally close words, the one on most pages wins.
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

  /* The index's words, sorted, once Material has built it (see installFolding). */
  var vocabulary = [];
  var postings = {};
  var queryPipeline = null; // drops stop words ("where", "de"): never corrected, they are not in the index

  function startsSomeWord(word) {
    var low = 0;
    var high = vocabulary.length;
    while (low < high) {
      var middle = (low + high) >> 1;
      if (vocabulary[middle] < word) low = middle + 1;
      else high = middle;
    }
    return low < vocabulary.length && vocabulary[low].indexOf(word) === 0;
  }

  /* Letters to change, add, drop or swap to turn one word into the other; more than limit: Infinity. */
  function distance(a, b, limit) {
    if (Math.abs(a.length - b.length) > limit) return Infinity;
    var before = null;
    var previous = [];
    for (var j = 0; j <= b.length; j++) previous.push(j);
    for (var i = 1; i <= a.length; i++) {
      var row = [i];
      var best = i;
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
        if (before && i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          value = Math.min(value, before[j - 2] + 1);
        }
        row.push(value);
        if (value < best) best = value;
      }
      if (best > limit) return Infinity;
      before = previous;
      previous = row;
    }
    return previous[b.length] <= limit ? previous[b.length] : Infinity;
  }

  function pagesWith(word) {
    var posting = postings[word] || {};
    return Object.keys(posting).reduce(function (count, field) {
      return field === "_index" ? count : count + Object.keys(posting[field]).length;
    }, 0);
  }

  function closestWord(word) {
    var limit = word.length >= 8 ? 2 : 1;
    var best = null;
    var bestDistance = Infinity;
    vocabulary.forEach(function (candidate) {
      var d = distance(word, candidate, Math.min(limit, bestDistance));
      if (d < bestDistance || (d === bestDistance && d !== Infinity && pagesWith(candidate) > pagesWith(best))) {
        best = candidate;
        bestDistance = d;
      }
    });
    return best;
  }

  /* Plain words of four letters or more that start no indexed word: the closest word instead. */
  function correctSlips(query) {
    if (!vocabulary.length) return query;
    return query.replace(/[\p{L}\p{N}]{4,}/gu, function (word, offset, whole) {
      var before = whole.charAt(offset - 1);
      var after = whole.charAt(offset + word.length);
      if (/[:~^*+-]/.test(before) || /[:~^*]/.test(after)) return word; // lunr's query syntax: as typed
      var lower = word.toLowerCase();
      if (startsSomeWord(lower) || (queryPipeline && !queryPipeline.runString(lower).length)) return word;
      return closestWord(lower) || word;
    });
  }

  /* Fold (and correct) every query string before Material's message handler sees it. */
  var addNativeListener = self.addEventListener.bind(self);
  self.addEventListener = function (type, listener, options) {
    if (type !== "message") return addNativeListener(type, listener, options);
    return addNativeListener(type, function (event) {
      var message = event.data;
      if (message && typeof message.data === "string") {
        var query = correctSlips(foldAccents(message.data));
        return listener({ data: Object.assign({}, message, { data: query }) });
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
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      var index = build.call(this);
      queryPipeline = this.pipeline; // the index's own: with the stop word filter
      postings = index.invertedIndex;
      vocabulary = Object.keys(postings).sort();
      return index;
    };
  }

  var script = typeof document !== "undefined" && document.currentScript;
  var ownUrl = new URL(script ? script.src : self.location.href);
  // The offline shim appends "?<timestamp>" to our own query string.
  var materialWorker = (ownUrl.searchParams.get("material") || "").split("?")[0];
  Promise.resolve(importScripts(new URL(materialWorker, ownUrl).href)).then(installFolding);
})();
