/*
 * Checklists (hooks/checklists.py, partials/digicom/checklist.html): keeps the
 * ticks a merchant makes, in this browser only, through progress.js (loaded first).
 *
 * Store: localStorage["digicom.checklists.v1"] = JSON object {"<item id>": true},
 * holding ticked items only. An item id is "<page id>/<digest of the item's
 * Spanish text>" (for example "sms/26fe7730a1", hooks/course/checklists.py), so
 * adding or moving other items never moves a tick, and it is the same on the
 * Spanish and the English page, and on the "Mi progreso" page, so a tick shows on
 * all three. Until December 2026 the id was the item's position ("sms/1/3", the
 * box's data-checklist-position): a tick kept under it moves to the new id the
 * first time a page shows that item.
 *
 * "Borrar marcas" clears a checklist at once, without asking, and can be undone: the
 * undo button takes the reset button's place (and the focus) until the next tick in
 * that checklist, and a status line says how many ticks went. No timer: it waits for
 * whoever needs longer.
 *
 * Without this script the lists are plain checkboxes. It never throws: when
 * storage is blocked (access throws), full, or holds something that is not our
 * object (corrupt JSON, an old or foreign value), it counts as "nothing ticked"
 * and the checkboxes keep working on the page; they just are not kept, and the
 * note under each list says so.
 */
(function () {
  "use strict";

  var progress = window.digicomProgress;
  var checklists = Array.prototype.slice.call(document.querySelectorAll("[data-checklist]"));
  if (!progress || !checklists.length) return;
  var summary = document.querySelector("[data-checklist-summary]");
  var unsaved = false; // true once the browser refused to keep a tick (or any storage at all)

  function boxesIn(element) {
    return Array.prototype.slice.call(element.querySelectorAll("input[data-checklist-item]"));
  }

  /* Keep the store in step with some checkboxes, leaving other items as they are. */
  function store(boxes) {
    var changes = {};
    boxes.forEach(function (box) {
      changes[box.getAttribute("data-checklist-item")] = box.checked;
    });
    if (!progress.setTicks(changes)) unsaved = true;
  }

  function progressText(element, done, total) {
    return (element.getAttribute("data-checklist-progress") || "{done} / {total}")
      .replace("{done}", String(done))
      .replace("{total}", String(total));
  }

  function showProgress(element, boxes) {
    var done = boxes.filter(function (box) { return box.checked; }).length;
    var count = element.querySelector("[data-checklist-count]");
    var bar = element.querySelector("progress");
    var text = progressText(element, done, boxes.length);
    if (count && count.textContent !== text) count.textContent = text;
    if (bar) bar.value = done;
  }

  function refresh() {
    checklists.forEach(function (checklist) {
      showProgress(checklist, boxesIn(checklist));
      var note = checklist.querySelector("[data-checklist-note]");
      if (note && unsaved && note.hasAttribute("data-unsaved")) {
        note.textContent = note.getAttribute("data-unsaved");
        note.removeAttribute("data-unsaved");
      }
    });
    if (summary) showProgress(summary, boxesIn(document));
  }

  /* Ticks kept under an item's old id (its position) move to its id. */
  function migrate(ticks) {
    var changes = {};
    boxesIn(document).forEach(function (box) {
      var old = box.getAttribute("data-checklist-position");
      if (old && ticks[old] === true) {
        changes[box.getAttribute("data-checklist-item")] = true;
        changes[old] = false;
        ticks[box.getAttribute("data-checklist-item")] = true;
      }
    });
    if (Object.keys(changes).length && !progress.setTicks(changes)) unsaved = true;
  }

  /* Tick what the store says; items it does not know stay unticked. Without a
     store, the checkboxes keep whatever the page has. */
  function restore() {
    if (progress.available()) {
      var ticks = progress.ticks();
      migrate(ticks);
      boxesIn(document).forEach(function (box) {
        box.checked = ticks[box.getAttribute("data-checklist-item")] === true;
      });
    } else {
      unsaved = true;
    }
    refresh();
  }

  /* The same item may be shown twice on a page: keep the copies in step. */
  function follow(box) {
    boxesIn(document).forEach(function (other) {
      if (other.getAttribute("data-checklist-item") === box.getAttribute("data-checklist-item")) {
        other.checked = box.checked;
      }
    });
  }

  function setUp(checklist) {
    var boxes = boxesIn(checklist);
    var reset = checklist.querySelector("[data-checklist-reset]");
    var undo = checklist.querySelector("[data-checklist-undo]");
    var said = checklist.querySelector("[data-checklist-cleared]");
    var cleared = []; // the ids the last "Borrar marcas" took away, until the next tick

    function closeUndo() {
      cleared = [];
      if (!undo || undo.hidden) return;
      undo.hidden = true;
      if (reset) reset.hidden = false;
    }

    checklist.addEventListener("change", function (event) {
      var box = event.target;
      if (!box || !box.hasAttribute || !box.hasAttribute("data-checklist-item")) return;
      follow(box);
      store([box]);
      closeUndo();
      if (said) said.textContent = "";
      refresh();
    });
    if (reset) {
      reset.addEventListener("click", function () {
        var ticked = boxes.filter(function (box) { return box.checked; });
        boxes.forEach(function (box) { box.checked = false; follow(box); });
        store(boxes);
        refresh();
        if (!ticked.length || !undo || !said) {
          // Nothing to undo: the person goes back to the first item to start again.
          if (boxes.length) boxes[0].focus();
          return;
        }
        cleared = ticked.map(function (box) { return box.getAttribute("data-checklist-item"); });
        said.textContent = progress.plural(said, "cleared", cleared.length);
        undo.hidden = false;
        reset.hidden = true;
        undo.focus(); // the reset button is gone: the focus stays where it was, on its stand-in
      });
    }
    if (undo) {
      undo.addEventListener("click", function () {
        var ids = cleared;
        boxes.forEach(function (box) {
          if (ids.indexOf(box.getAttribute("data-checklist-item")) >= 0) {
            box.checked = true;
            follow(box);
          }
        });
        store(boxes.filter(function (box) { return box.checked; }));
        closeUndo();
        if (said) said.textContent = said.getAttribute("data-restored");
        refresh();
        if (reset) reset.focus();
      });
    }
  }

  checklists.forEach(setUp);

  // Fill in the progress while it is still hidden, so screen readers do not
  // announce it on load, then show it.
  restore();
  checklists.forEach(function (checklist) {
    var status = checklist.querySelector("[data-checklist-status]");
    if (status) status.hidden = false;
  });
  if (summary) summary.hidden = false;
  // Another tab changed the ticks, or the page came back from the browser's cache.
  progress.onChange(function (kind) {
    if (kind === "ticks" || kind === "all") restore();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) restore();
  });
})();
