/*
 * Checklists (hooks/checklists.py, partials/digicom/checklist.html): keeps the
 * ticks a merchant makes, in this browser only.
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
 * Without this script the lists are plain checkboxes. It never throws: when
 * storage is blocked (access throws), full, or holds something that is not our
 * object (corrupt JSON, an old or foreign value), it counts as "nothing ticked"
 * and the checkboxes keep working on the page; they just are not kept.
 */
(function () {
  "use strict";

  var KEY = "digicom.checklists.v1";
  var saving = true; // false once the browser refuses to keep the ticks

  function storage() {
    try {
      return window.localStorage || null;
    } catch (error) {
      return null;
    }
  }

  /* The ticked ids as {id: true}; anything unexpected is read as nothing ticked. */
  function load() {
    var store = storage();
    var ticks = {};
    if (!store) {
      saving = false;
      return ticks;
    }
    try {
      var value = JSON.parse(store.getItem(KEY));
      if (value && typeof value === "object" && !Array.isArray(value)) {
        Object.keys(value).forEach(function (id) {
          if (value[id] === true) ticks[id] = true;
        });
      }
    } catch (error) {
      /* corrupt or unreadable: nothing ticked */
    }
    return ticks;
  }

  function save(ticks) {
    var store = storage();
    try {
      if (!store) throw new Error("no storage");
      store.setItem(KEY, JSON.stringify(ticks));
    } catch (error) {
      saving = false;
    }
  }

  /* Keep the store in step with some checkboxes, leaving other items as they are. */
  function store(boxes) {
    var ticks = load();
    boxes.forEach(function (box) {
      var id = box.getAttribute("data-checklist-item");
      if (box.checked) ticks[id] = true;
      else delete ticks[id];
    });
    save(ticks);
  }

  function boxesIn(element) {
    return Array.prototype.slice.call(element.querySelectorAll("input[data-checklist-item]"));
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

  var checklists = Array.prototype.slice.call(document.querySelectorAll("[data-checklist]"));
  var summary = document.querySelector("[data-checklist-summary]");

  function refresh() {
    checklists.forEach(function (checklist) {
      showProgress(checklist, boxesIn(checklist));
      var note = checklist.querySelector("[data-checklist-note]");
      if (note && !saving && note.hasAttribute("data-unsaved")) {
        note.textContent = note.getAttribute("data-unsaved");
        note.removeAttribute("data-unsaved");
      }
    });
    if (summary) showProgress(summary, boxesIn(document));
  }

  /* Ticks kept under an item's old id (its position) move to its id. */
  function migrate(ticks) {
    var moved = false;
    boxesIn(document).forEach(function (box) {
      var old = box.getAttribute("data-checklist-position");
      if (old && ticks[old] === true) {
        ticks[box.getAttribute("data-checklist-item")] = true;
        delete ticks[old];
        moved = true;
      }
    });
    return moved;
  }

  /* Tick what the store says; items it does not know stay unticked. Without a
     store, the checkboxes keep whatever the page has. */
  function restore() {
    if (storage()) {
      var ticks = load();
      if (migrate(ticks)) save(ticks);
      boxesIn(document).forEach(function (box) {
        box.checked = ticks[box.getAttribute("data-checklist-item")] === true;
      });
    } else {
      saving = false;
    }
    refresh();
  }

  if (!checklists.length) return;

  checklists.forEach(function (checklist) {
    var boxes = boxesIn(checklist);
    checklist.addEventListener("change", function (event) {
      var box = event.target;
      if (!box || !box.hasAttribute || !box.hasAttribute("data-checklist-item")) return;
      // The same item may be shown twice on a page: keep the copies in step.
      boxesIn(document).forEach(function (other) {
        if (other.getAttribute("data-checklist-item") === box.getAttribute("data-checklist-item")) {
          other.checked = box.checked;
        }
      });
      store([box]);
      refresh();
    });
    var reset = checklist.querySelector("[data-checklist-reset]");
    if (reset) {
      reset.addEventListener("click", function () {
        boxes.forEach(function (box) { box.checked = false; });
        store(boxes);
        refresh();
        // The button stays where it is; the person goes back to the first item to start again.
        if (boxes.length) boxes[0].focus();
      });
    }
  });

  // Fill in the progress while it is still hidden, so screen readers do not
  // announce it on load, then show it.
  restore();
  checklists.forEach(function (checklist) {
    var status = checklist.querySelector("[data-checklist-status]");
    if (status) status.hidden = false;
  });
  if (summary) summary.hidden = false;
  // Another tab changed the ticks, or the page came back from the browser's cache.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) restore();
  });
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) restore();
  });
})();
