/*
 * The course's service worker: after one visit, every page of the site in both
 * languages, the search index and everything the quizzes, checklists and the
 * presentation need are kept on the device and served from there, with or
 * without a network.
 *
 * hooks/offline_app.py publishes this file as <site>/sw.js (so that it controls
 * the whole site, /curso/, and nothing outside it), with two lines in front:
 *   self.DIGICOM_VERSION  = "<hash of the list below>";
 *   self.DIGICOM_PRECACHE = [["modulos/sms/", "<hash of the file>"], ...];
 * The list is made from the built site, so a new deploy is a new sw.js: the
 * browser installs it next to the old one, and the page offers a reload
 * (assets/javascripts/offline-app.js). Until the reader accepts, the old version
 * keeps serving its own files, so a page never mixes two versions.
 *
 * - install: fill a new cache "digicom-<version>". A file whose hash did not
 *   change is copied from the previous cache (no download); any other is fetched
 *   past the browser's HTTP cache and checked against its hash, so a CDN that
 *   still serves an old copy makes the install fail (and retry on the next visit)
 *   rather than store a mixture.
 * - activate: delete every other "digicom-" cache; take over open pages.
 * - fetch: a listed file from the cache (query strings such as ?h=… ignored);
 *   anything else from the network; a page that is neither, offline, gets the
 *   language's "page not found".
 */
"use strict";

var VERSION = self.DIGICOM_VERSION;
var PRECACHE = self.DIGICOM_PRECACHE || [];
var PREFIX = "digicom-";
var CACHE = PREFIX + VERSION;
var REVISION_HEADER = "X-Digicom-Revision";
var SCOPE = new URL(self.registration.scope);
var LISTED = new Map(PRECACHE.map(function (entry) {
  return [new URL(entry[0], SCOPE).href, entry[1]];
}));

function hex(buffer) {
  return Array.prototype.map.call(new Uint8Array(buffer), function (byte) {
    return byte.toString(16).padStart(2, "0");
  }).join("");
}

function revisionOf(buffer) {
  return crypto.subtle.digest("SHA-256", buffer).then(function (digest) {
    return hex(digest).slice(0, 16);
  });
}

/* A response to keep: the body's bytes, its type, and the revision it holds. */
function keep(cache, url, revision, buffer, contentType) {
  var headers = new Headers({ "Content-Type": contentType || "application/octet-stream" });
  headers.set(REVISION_HEADER, revision);
  return cache.put(url, new Response(buffer, { status: 200, headers: headers }));
}

/* The same file from an older cache of ours, if it holds this revision. */
function fromOlderCache(url, revision) {
  return caches.keys().then(function (names) {
    var older = names.filter(function (name) { return name.indexOf(PREFIX) === 0 && name !== CACHE; });
    return older.reduce(function (found, name) {
      return found.then(function (response) {
        if (response) return response;
        return caches.open(name).then(function (cache) { return cache.match(url); }).then(function (match) {
          return match && match.headers.get(REVISION_HEADER) === revision ? match : undefined;
        });
      });
    }, Promise.resolve(undefined));
  });
}

function fetchChecked(url, revision) {
  // "reload", not "no-cache": a server (or proxy) whose dates say nothing changed would answer
  // 304 and hand back the browser's old copy, and the check below would then fail the install.
  return fetch(url, { cache: "reload", credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(url + ": HTTP " + response.status);
    var type = response.headers.get("Content-Type");
    return response.arrayBuffer().then(function (buffer) {
      return revisionOf(buffer).then(function (actual) {
        if (actual !== revision) throw new Error(url + ": got revision " + actual + ", expected " + revision);
        return { buffer: buffer, type: type };
      });
    });
  });
}

function precache() {
  return caches.open(CACHE).then(function (cache) {
    var queue = Array.from(LISTED.entries());
    function next() {
      var entry = queue.shift();
      if (!entry) return Promise.resolve();
      var url = entry[0];
      var revision = entry[1];
      return cache.match(url).then(function (present) {
        if (present) return undefined; // an interrupted install already kept it
        return fromOlderCache(url, revision).then(function (old) {
          if (old) {
            return old.arrayBuffer().then(function (buffer) {
              return keep(cache, url, revision, buffer, old.headers.get("Content-Type"));
            });
          }
          return fetchChecked(url, revision).then(function (got) {
            return keep(cache, url, revision, got.buffer, got.type);
          });
        });
      }).then(next);
    }
    // Four downloads at a time: quick on a good line, gentle on a poor one.
    return Promise.all([next(), next(), next(), next()]);
  });
}

self.addEventListener("install", function (event) {
  event.waitUntil(precache());
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf(PREFIX) === 0 && name !== CACHE;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

/* The page asked for the new version (the reader pressed "reload"). */
self.addEventListener("message", function (event) {
  if (event.data && event.data.type === "digicom-activate") self.skipWaiting();
});

/* The listed address for a request: no query or fragment, "…/index.html" as "…/". */
function listedUrl(url) {
  var path = url.pathname.replace(/\/index\.html$/, "/");
  return url.origin + path;
}

function notFoundPage(url) {
  var inside = url.pathname.slice(SCOPE.pathname.length);
  var candidates = Array.from(LISTED.keys()).filter(function (listed) {
    return /\/404\.html$/.test(listed);
  }).sort(function (a, b) { return b.length - a.length; });
  var here = url.origin + SCOPE.pathname + inside;
  return candidates.filter(function (page) {
    return here.indexOf(page.slice(0, -"404.html".length)) === 0;
  })[0];
}

function respond(request, url) {
  var listed = listedUrl(url);
  var lookup = LISTED.has(listed)
    ? caches.open(CACHE).then(function (cache) { return cache.match(listed); })
    : Promise.resolve(undefined);
  return lookup.then(function (cached) {
    if (cached) return cached;
    return fetch(request).catch(function (error) {
      var missing = request.mode === "navigate" && notFoundPage(url);
      if (!missing) throw error;
      return caches.open(CACHE).then(function (cache) { return cache.match(missing); }).then(function (page) {
        if (page) return page;
        throw error;
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  if (request.method !== "GET") return;
  var url = new URL(request.url);
  if (url.origin !== SCOPE.origin || url.pathname.indexOf(SCOPE.pathname) !== 0) return;
  event.respondWith(respond(request, url));
});
