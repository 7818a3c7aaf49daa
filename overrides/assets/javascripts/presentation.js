/*
 * The presentation view of a module page, for trainers teaching on a projector.
 *
 * Loaded only when asked, by present-loader.js, which then calls
 * window.DigicomPresentation.open(button, slideNumber, byClick).
 *
 * The view covers the screen (full screen when the browser allows it) and shows the
 * article as slides: first a title slide (the module's title, time and objectives),
 * then one slide per "##" section, a long section split into several slides at its
 * "###" headings and between block elements, so that a slide holds about 120 words
 * or 6 list items at most (a long list is split between slides).
 *
 * The slides are made of the page's own elements, moved into the view and put back
 * exactly where they were when it closes, so checklists and quizzes keep working
 * (their scripts hold on to those elements). Trainer notes stay hidden in the page;
 * "N" shows a copy of the current section's notes in the view.
 *
 * Keys: → PageDown Space next; ← PageUp Shift+Space previous (a presenter's clicker
 * sends PageUp/PageDown); Home/End first/last; N notes; Esc leaves and puts the focus
 * back on the button. Arrows and Space are left to a form control that has the focus
 * (a quiz's radio buttons), PageUp/PageDown still move. The address keeps the slide
 * (#slide-5), so a reload opens the view on the same slide.
 *
 * Accessibility: a modal dialog (role="dialog", aria-modal, a name); the rest of the
 * page is made inert and Tab stays inside the view; a live region says which slide
 * is showing. Interface text comes from the button's data-present-* attributes
 * (data/strings.yml, keys present_*).
 */
(function () {
  "use strict";

  if (window.DigicomPresentation) {
    return;
  }

  var MAX_WORDS = 120;
  var MAX_ITEMS = 6;
  var SKIP = ".md-content__button, .digicom-present, .digicom-handout, .md-source-file, script, style, link, template, hr";
  var NOTE = "aside.digicom-trainer-note";
  var INTRO = ".digicom-module-intro"; // time, level and objectives: the title slide ends with them
  var SMALLEST = 0.7; // a slide that does not fit is shown smaller, down to 70 %, then scrolls
  var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  var view = null; // the open view

  /* ── Text and sizes ───────────────────────────────────────────────────── */

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  function readStrings(button) {
    var data = button.dataset;
    function text(key, fallback) {
      return data[key] || fallback;
    }
    return {
      label: text("presentLabel", "{title}"),
      slide: text("presentSlide", "slide"),
      counter: text("presentCounter", "{n} / {total}"),
      announce: text("presentAnnounce", "{n} / {total}: {title}"),
      previous: text("presentPrevious", "←"),
      next: text("presentNext", "→"),
      notes: text("presentNotes", "N"),
      notesHeading: text("presentNotesHeading", "Notes"),
      noNotes: text("presentNoNotes", "—"),
      close: text("presentClose", "Esc"),
      continued: text("presentContinued", "…"),
      help: text("presentHelp", "")
    };
  }

  function words(node) {
    var text = (node.textContent || "").trim();
    return text ? text.split(/\s+/).length : 0;
  }

  function isList(node) {
    return node.tagName === "UL" || node.tagName === "OL";
  }

  function isSubheading(node) {
    return /^H[3-6]$/.test(node.tagName);
  }

  /* List items, or answers and boxes to tick: each takes a line of its own. */
  function itemCount(node) {
    if (isList(node)) {
      return node.children.length;
    }
    return Math.max(node.querySelectorAll("li").length, node.querySelectorAll("input, select, textarea").length);
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) {
      link.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

  /* ── From the article to a plan of slides ─────────────────────────────── */

  /* The article's blocks by section: what comes before the first "##", then each "##". */
  function sectionsOf(article) {
    var title = article.querySelector("h1");
    var sections = [{ title: title ? headingText(title) : document.title, blocks: [], notes: [], first: true }];
    Array.prototype.forEach.call(article.children, function (node) {
      var current = sections[sections.length - 1];
      if (node === title || node.matches(SKIP)) {
        return;
      }
      if (node.matches(NOTE)) {
        current.notes.push(node);
      } else if (node.tagName === "H2") {
        sections.push({ title: headingText(node), blocks: [], notes: [], first: false });
      } else if (!node.hidden) {
        current.blocks.push(node);
      }
    });
    return sections;
  }

  /* A block as slide parts: itself, or a long list cut into groups of items. */
  function partsOf(block) {
    var size = words(block);
    var count = itemCount(block);
    if (!isList(block) || (size <= MAX_WORDS && count <= MAX_ITEMS)) {
      return [{ node: block, words: size, items: count }];
    }
    var groups = [];
    var group = null;
    Array.prototype.forEach.call(block.children, function (item, index) {
      var itemWords = words(item);
      if (!group || group.children.length >= MAX_ITEMS || group.words + itemWords > MAX_WORDS) {
        group = { list: block, children: [], offset: index, words: 0, items: 0 };
        groups.push(group);
      }
      group.children.push(item);
      group.words += itemWords;
      group.items += 1;
    });
    return groups;
  }

  /* A heading, or a paragraph ending in ":", belongs with what follows it. */
  function leadsIn(part) {
    var node = part.node;
    return Boolean(node) && (isSubheading(node) || (node.tagName === "P" && /:\s*$/.test(node.textContent)));
  }

  function planSlides(sections) {
    var slides = [];
    sections.forEach(function (section) {
      var slide = { section: section, parts: [], words: 0, items: 0, continued: false };
      section.blocks.forEach(function (block) {
        partsOf(block).forEach(function (part) {
          var heading = isSubheading(block);
          var last = slide.parts[slide.parts.length - 1];
          var full = slide.parts.length > 0 && (heading || slide.words + part.words > MAX_WORDS ||
            slide.items + part.items > MAX_ITEMS || Boolean(last.node && last.node.matches(INTRO)));
          if (full) {
            var carried = 0;
            while (!heading && carried < slide.parts.length && leadsIn(slide.parts[slide.parts.length - 1 - carried])) {
              carried += 1;
            }
            if (carried < slide.parts.length) {
              var moving = slide.parts.splice(slide.parts.length - carried, carried);
              slides.push(slide);
              slide = { section: section, parts: [], words: 0, items: 0, continued: true };
              moving.forEach(function (kept) {
                slide.parts.push(kept);
                slide.words += kept.words;
                slide.items += kept.items;
              });
            }
          }
          slide.parts.push(part);
          slide.words += part.words;
          slide.items += part.items;
        });
      });
      slides.push(slide);
    });
    return slides;
  }

  /* ── Building the view ────────────────────────────────────────────────── */

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text) {
      node.textContent = text;
    }
    return node;
  }

  function button(className, text) {
    var node = element("button", "digicom-present__control " + className, text);
    node.type = "button";
    return node;
  }

  /* Move a page element into the view, remembering where it was. */
  function move(node, into, moves) {
    moves.push([node, node.parentNode, node.nextSibling]);
    into.appendChild(node);
  }

  function restore(moves) {
    for (var index = moves.length - 1; index >= 0; index -= 1) {
      moves[index][1].insertBefore(moves[index][0], moves[index][2]);
    }
  }

  function slideElement(plan, strings, moves) {
    var slide = element("div", "digicom-present__slide md-typeset");
    slide.setAttribute("role", "group");
    slide.setAttribute("aria-roledescription", strings.slide);
    slide.hidden = true;
    var title = plan.section.title + (plan.continued ? " " + strings.continued : "");
    slide.appendChild(element(plan.section.first && !plan.continued ? "h1" : "h2", "digicom-present__title", title));
    plan.parts.forEach(function (part) {
      if (!part.list) {
        move(part.node, slide, moves);
        return;
      }
      var list = part.list.cloneNode(false);
      list.removeAttribute("id");
      if (list.tagName === "OL") {
        list.start = (part.list.start || 1) + part.offset;
      }
      part.children.forEach(function (item) {
        move(item, list, moves);
      });
      slide.appendChild(list);
    });
    return slide;
  }

  function buildView(trigger, strings, title) {
    var dialog = element("div", "digicom-present-view");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", fill(strings.label, { title: title }));

    var stage = element("div", "digicom-present__stage");
    stage.tabIndex = -1;

    var notes = element("aside", "digicom-present__notes");
    notes.id = "digicom-present-notes";
    notes.setAttribute("aria-label", strings.notesHeading);
    notes.hidden = true;
    notes.appendChild(element("h2", "digicom-present__notes-title", strings.notesHeading));
    var notesBody = element("div", "digicom-present__notes-body md-typeset");
    notes.appendChild(notesBody);

    var bar = element("div", "digicom-present__bar");
    var previous = button("digicom-present__previous", "← " + strings.previous);
    var counter = element("span", "digicom-present__counter");
    var next = button("digicom-present__next", strings.next + " →");
    var notesToggle = button("digicom-present__notes-toggle", strings.notes);
    notesToggle.setAttribute("aria-pressed", "false");
    notesToggle.setAttribute("aria-controls", notes.id);
    var close = button("digicom-present__close", strings.close);
    var help = element("p", "digicom-present__help", strings.help);
    help.id = "digicom-present-help";
    dialog.setAttribute("aria-describedby", help.id);
    [previous, counter, next, notesToggle, close, help].forEach(function (node) {
      bar.appendChild(node);
    });

    var live = element("p", "digicom-present__live");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");

    [stage, notes, bar, live].forEach(function (node) {
      dialog.appendChild(node);
    });
    return {
      trigger: trigger, dialog: dialog, stage: stage, notes: notes, notesBody: notesBody, previous: previous,
      next: next, counter: counter, notesToggle: notesToggle, close: close, live: live
    };
  }

  /* ── Behaviour ────────────────────────────────────────────────────────── */

  function show(number) {
    var total = view.slides.length;
    var current = Math.max(1, Math.min(total, number || 1));
    view.current = current;
    view.slides.forEach(function (slide, index) {
      slide.hidden = index !== current - 1;
    });
    var plan = view.plans[current - 1];
    var values = { n: current, total: total, title: plan.section.title };
    view.counter.textContent = fill(view.strings.counter, values);
    view.slides[current - 1].setAttribute("aria-label", fill(view.strings.counter, values));
    view.live.textContent = fill(view.strings.announce, values);
    view.previous.setAttribute("aria-disabled", String(current === 1));
    view.next.setAttribute("aria-disabled", String(current === total));
    if (view.notesShown) {
      fillNotes();
    }
    fit();
    var active = document.activeElement;
    if (!active || !view.dialog.contains(active) || active.closest("[hidden]")) {
      view.stage.focus();
    }
    try {
      window.history.replaceState(window.history.state, "", "#slide-" + current);
    } catch (error) {
      /* Some file:// pages refuse it: the view works, a reload starts again. */
    }
  }

  /* Shrink the current slide's type until it fits the screen, within reason. */
  function fit() {
    if (!view) {
      return;
    }
    var slide = view.slides[view.current - 1];
    var stage = view.stage;
    slide.style.fontSize = "";
    stage.scrollTop = 0;
    var size = parseFloat(window.getComputedStyle(slide).fontSize);
    var smallest = size * SMALLEST;
    while (stage.scrollHeight > stage.clientHeight + 1 && size * 0.92 >= smallest) {
      size *= 0.92;
      slide.style.fontSize = size + "px";
    }
  }

  function fillNotes() {
    var notes = view.plans[view.current - 1].section.notes;
    view.notesBody.textContent = "";
    if (!notes.length) {
      view.notesBody.appendChild(element("p", "digicom-present__no-notes", view.strings.noNotes));
    }
    notes.forEach(function (note) {
      var card = element("div", "digicom-present__note");
      Array.prototype.forEach.call(note.children, function (child) {
        card.appendChild(child.cloneNode(true));
      });
      view.notesBody.appendChild(card);
    });
  }

  function toggleNotes() {
    view.notesShown = !view.notesShown;
    view.notes.hidden = !view.notesShown;
    view.notesToggle.setAttribute("aria-pressed", String(view.notesShown));
    if (view.notesShown) {
      fillNotes();
    }
    fit();
  }

  function go(step) {
    show(view.current + step);
  }

  function focusables() {
    return Array.prototype.filter.call(view.dialog.querySelectorAll(FOCUSABLE), function (node) {
      return !node.disabled && !node.closest("[hidden]") && node.getClientRects().length > 0;
    });
  }

  function trapTab(event) {
    var items = focusables();
    var active = document.activeElement;
    if (!items.length) {
      event.preventDefault();
      view.stage.focus();
      return;
    }
    var outside = !view.dialog.contains(active) || active === view.stage;
    if (event.shiftKey && (outside || active === items[0])) {
      event.preventDefault();
      items[items.length - 1].focus();
    } else if (!event.shiftKey && (active === items[items.length - 1] || !view.dialog.contains(active))) {
      event.preventDefault();
      items[0].focus();
    }
  }

  /* What a key means to the focused element: typing text, choosing an option, pressing. */
  function kindOf(node) {
    if (!node || !node.tagName) {
      return "other";
    }
    if (node.isContentEditable || node.tagName === "TEXTAREA" || node.tagName === "SELECT") {
      return "typing";
    }
    if (node.tagName === "INPUT") {
      if (/^(checkbox|radio)$/i.test(node.type)) {
        return "choosing";
      }
      return /^(button|submit|reset)$/i.test(node.type) ? "pressing" : "typing";
    }
    return /^(BUTTON|A|SUMMARY)$/.test(node.tagName) ? "pressing" : "other";
  }

  function actionFor(event) {
    var kind = kindOf(event.target);
    switch (event.key) {
      case "Escape":
      case "Esc":
        return closeView;
      case "PageDown":
        return kind === "typing" ? null : function () { go(1); };
      case "PageUp":
        return kind === "typing" ? null : function () { go(-1); };
      case "ArrowRight":
      case "Right":
        return kind === "typing" || kind === "choosing" ? null : function () { go(1); };
      case "ArrowLeft":
      case "Left":
        return kind === "typing" || kind === "choosing" ? null : function () { go(-1); };
      case " ":
      case "Spacebar":
        return kind !== "other" ? null : function () { go(event.shiftKey ? -1 : 1); };
      case "Home":
        return kind === "typing" ? null : function () { show(1); };
      case "End":
        return kind === "typing" ? null : function () { show(view.slides.length); };
      case "n":
      case "N":
        return kind === "typing" ? null : toggleNotes;
      default:
        return null;
    }
  }

  function onKeydown(event) {
    if (!view || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
      return;
    }
    if (event.key === "Tab") {
      trapTab(event);
      return;
    }
    var action = actionFor(event);
    if (action) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  }

  /* Keys the view does not use never reach Material's shortcuts ("n" is "next page"). */
  function keepFromTheme(event) {
    if (view) {
      event.stopPropagation();
    }
  }

  function onFocusin(event) {
    if (view && !view.dialog.contains(event.target)) {
      view.stage.focus();
    }
  }

  function onFullscreenChange() {
    if (!view) {
      return;
    }
    if (document.fullscreenElement === view.dialog) {
      view.fullscreen = true;
    } else if (view.fullscreen) {
      closeView(); // the browser left full screen (its own Esc): leave the view too
    }
  }

  function onHashchange() {
    var asked = /^#slide-(\d+)$/.exec(window.location.hash);
    if (view && asked) {
      show(parseInt(asked[1], 10));
    }
  }

  function listen(on) {
    var method = on ? "addEventListener" : "removeEventListener";
    window[method]("keydown", onKeydown, true);
    document[method]("keydown", keepFromTheme, false);
    document[method]("focusin", onFocusin, true);
    document[method]("fullscreenchange", onFullscreenChange, false);
    window[method]("hashchange", onHashchange, false);
    window[method]("resize", fit, false);
  }

  function openView(trigger, number, byClick) {
    if (view) {
      return;
    }
    var article = trigger.closest("article") || document.querySelector("article");
    if (!article) {
      return;
    }
    var strings = readStrings(trigger);
    var sections = sectionsOf(article);
    var plans = planSlides(sections);
    var parts = buildView(trigger, strings, sections[0].title);
    var moves = [];
    var slides = plans.map(function (plan) {
      var slide = slideElement(plan, strings, moves);
      parts.stage.appendChild(slide);
      return slide;
    });
    view = parts;
    view.strings = strings;
    view.plans = plans;
    view.slides = slides;
    view.moves = moves;
    view.notesShown = false;
    view.fullscreen = false;
    view.inerted = [];

    document.body.appendChild(view.dialog);
    Array.prototype.forEach.call(document.body.children, function (child) {
      if (child !== view.dialog && !child.inert && !/^(SCRIPT|LINK|STYLE)$/.test(child.tagName)) {
        child.inert = true;
        view.inerted.push(child);
      }
    });
    document.documentElement.classList.add("digicom-presenting");

    view.previous.addEventListener("click", function () { go(-1); });
    view.next.addEventListener("click", function () { go(1); });
    view.notesToggle.addEventListener("click", toggleNotes);
    view.close.addEventListener("click", closeView);
    listen(true);

    show(number);
    view.stage.focus();
    if (byClick && view.dialog.requestFullscreen && document.fullscreenEnabled) {
      try {
        var request = view.dialog.requestFullscreen();
        if (request && request.catch) {
          request.catch(function () { /* stays a full-window overlay */ });
        }
      } catch (error) {
        /* stays a full-window overlay */
      }
    }
  }

  function closeView() {
    if (!view) {
      return;
    }
    var closing = view;
    view = null;
    listen(false);
    if (document.fullscreenElement === closing.dialog && document.exitFullscreen) {
      var exit = document.exitFullscreen();
      if (exit && exit.catch) {
        exit.catch(function () {});
      }
    }
    restore(closing.moves);
    closing.dialog.remove();
    closing.inerted.forEach(function (child) {
      child.inert = false;
    });
    document.documentElement.classList.remove("digicom-presenting");
    try {
      window.history.replaceState(window.history.state, "", window.location.pathname + window.location.search);
    } catch (error) {
      /* nothing to tidy */
    }
    closing.trigger.focus();
  }

  window.DigicomPresentation = { open: openView, close: closeView };
})();
