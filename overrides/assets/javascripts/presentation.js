/*
 * The presentation view of a module page, for trainers teaching on a projector, and its
 * presenter window.
 *
 * Loaded by present-loader.js (when the page is idle, so that it is there when the wifi
 * goes, or on the first click), which calls window.DigicomPresentation.open(button,
 * slideNumber, byClick).
 *
 * Slides. The view covers the screen (full screen when the browser allows it) and shows
 * the article as slides. Where each slide starts was decided at build time
 * (hooks/course/slides.py, within a budget of words per slide): a slide starts at the
 * title, at each "##" heading, and at each hidden marker the build put in the page
 * (.digicom-slide-break: data-slide-break "a slide starts at the next block",
 * data-slide-items="2 6" "the next list goes on a new slide at these items"). The plan
 * itself (sections, their planned minutes, which notes go with which slide) is the JSON
 * element #digicom-present-plan. The slides are made of the page's own elements, moved
 * into the view and put back exactly where they were when it closes, so checklists and
 * quizzes keep working (their scripts hold on to those elements). The sections the
 * page adds at its end (the module's tools, its sources) are not slides.
 *
 * The audience sees slides only: trainer notes stay hidden in the page and never enter
 * the view. "Vista del presentador" (or P) opens the presenter window for the trainer's
 * own screen: this slide and the next, this slide's notes, the time spent on this
 * section and on the module against the time planned, and the slide number. The window
 * is written by this script (window.open + document.write: no network, works from
 * file://) and runs its own copy of presenterMain() below, so closing either window
 * leaves the other working. The two keep in step with postMessage, which works from
 * file:// where BroadcastChannel may not: {digicom: "presentation", module, type, slide}
 * with type "show" (this slide is showing), "go" (please show this slide), "hello"
 * (the presenter asks who is there), "closed" (the view was closed).
 *
 * Keys, in the view and in the presenter window: → ↓ PageDown Space next; ← ↑ PageUp
 * Shift+Space previous (a presenter's clicker sends PageUp/PageDown); Home/End first and
 * last: always, even after a quiz answer was clicked. Answers and boxes are chosen with a
 * click or tap, or with Tab and Space (Space chooses when a control has the keyboard
 * focus; a click or tap hands the keys back to the slides). P opens the presenter window,
 * F full screen, Esc leaves (back to the button). The address keeps the slide
 * (#slide-5), so a reload opens the view on the same slide.
 *
 * Accessibility: a modal dialog (role="dialog", aria-modal, a name); the rest of the
 * page is inert and Tab stays inside the view; a live region says which slide is
 * showing. Interface text (data/strings.yml, keys present_*) comes from
 * present-texts.<language>.js, which present-loader.js loads with this file.
 */
(function () {
  "use strict";

  if (window.DigicomPresentation) {
    return;
  }

  var MESSAGE = "presentation";
  var WINDOW_NAME = "digicom-presenter";
  var SKIP = ".md-content__button, .digicom-present, .digicom-handout, .md-source-file, script, style, link, template";
  var NOTE = "aside.digicom-trainer-note";
  var MARKER = ".digicom-slide-break";
  var FOCUSABLE = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])";
  var view = null; // the open view
  var presenter = null; // the presenter window, while it is open
  var plan = readPlan();

  /* ── Text ─────────────────────────────────────────────────────────────── */

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
    });
  }

  /* The view's words (present-texts.<language>.js, loaded before this view opens), and every
     data-present-* attribute of the button: data-present-unavailable → strings.unavailable. */
  function readStrings(button) {
    var strings = Object.assign({}, window.DigicomPresentTexts);
    Object.keys(button.dataset).forEach(function (key) {
      if (/^present[A-Z]/.test(key)) {
        strings[key.charAt(7).toLowerCase() + key.slice(8)] = button.dataset[key];
      }
    });
    return strings;
  }

  function readPlan() {
    var element = document.getElementById("digicom-present-plan");
    try {
      var data = element ? JSON.parse(element.textContent) : null;
      return data && Array.isArray(data.sections) && Array.isArray(data.slides) ? data : null;
    } catch (error) {
      return null; // an unreadable plan: one slide per section
    }
  }

  function headingText(heading) {
    var copy = heading.cloneNode(true);
    Array.prototype.forEach.call(copy.querySelectorAll(".headerlink"), function (link) {
      link.remove();
    });
    return copy.textContent.replace(/\s+/g, " ").trim();
  }

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

  function control(className, text) {
    var node = element("button", "digicom-present__control " + className, text);
    node.type = "button";
    return node;
  }

  /* ── From the article to slides ───────────────────────────────────────── */

  function isList(node) {
    return node.tagName === "UL" || node.tagName === "OL";
  }

  /* The article's slides: [{section, title, parts, notes: [aside]}]; a part is {node} (a block),
     {list, from, to} (some items of a list) or {code, lines} (some lines of a piece of code). */
  function collect(article) {
    var title = article.querySelector("h1");
    var titles = [title ? headingText(title) : document.title];
    var slides = [];
    var section = 0;
    var current = null;
    var cuts = null; // item positions where the next list goes on to a new slide
    var lineCuts = null; // line positions where the next piece of code goes on to a new slide
    var sectionsWanted = plan ? plan.sections.length : Infinity;

    function start() {
      current = { section: section, parts: [], notes: [] };
      slides.push(current);
    }

    start();
    var children = Array.prototype.slice.call(article.children);
    for (var index = 0; index < children.length; index += 1) {
      var node = children[index];
      if (node === title || node.matches(SKIP)) {
        continue;
      }
      if (node.tagName === "H2") {
        if (section + 1 >= sectionsWanted) {
          break; // what the page adds after the module: its tools and sources
        }
        section += 1;
        titles.push(headingText(node));
        start();
        cuts = lineCuts = null;
      } else if (node.matches(MARKER)) {
        if (node.hasAttribute("data-slide-break")) {
          start();
        }
        cuts = positions(node.getAttribute("data-slide-items"));
        lineCuts = positions(node.getAttribute("data-slide-lines"));
      } else if (node.matches(NOTE)) {
        current.notes.push(node);
      } else if (!node.hidden) {
        if (cuts && cuts.length && isList(node)) {
          var from = 0;
          cuts.concat([node.children.length]).forEach(function (to, position) {
            if (position > 0) {
              start();
            }
            current.parts.push({ list: node, from: from, to: to });
            from = to;
          });
        } else if (lineCuts && lineCuts.length && node.querySelector("pre > code")) {
          var lines = node.querySelector("pre > code").textContent.replace(/\n$/, "").split("\n");
          var first = 0;
          lineCuts.concat([lines.length]).forEach(function (last, position) {
            if (position > 0) {
              start();
            }
            current.parts.push({ code: node, lines: lines.slice(first, last) });
            first = last;
          });
        } else {
          current.parts.push({ node: node });
        }
        cuts = lineCuts = null;
      }
    }
    slides.forEach(function (slide) {
      var same = slides.filter(function (other) {
        return other.section === slide.section;
      });
      slide.title = titles[slide.section];
      slide.part = same.indexOf(slide) + 1;
      slide.of = same.length;
    });
    return slides;
  }

  function positions(text) {
    return (text || "").split(/\s+/).filter(Boolean).map(Number);
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

  /* "Paso a paso (2 de 12)" when a section takes several slides; the title slide, just the module's title. */
  function slideTitle(slide, strings) {
    var first = slide.section === 0 && slide.part === 1;
    return slide.of > 1 && !first ? fill(strings.part, { title: slide.title, n: slide.part, total: slide.of }) : slide.title;
  }

  /* A practice tool does not fit a slide in the room's type size: the slide names it and says what it
     asks, and its button leaves the view for the tool on the page (which a projector shows well). */
  function practiceCard(tool, strings) {
    var card = element("div", "digicom-present__practice");
    var title = tool.querySelector(".digicom-practice__title");
    var intro = tool.querySelector(".digicom-practice__intro");
    card.appendChild(element("p", "digicom-present__practice-title", title ? title.textContent : ""));
    if (intro) {
      card.appendChild(element("p", "", intro.textContent));
    }
    var button = element("button", "md-button md-button--primary digicom-present__practice-button", strings.practice);
    button.type = "button";
    button.addEventListener("click", function () {
      closeView();
      tool.scrollIntoView({ block: "start" });
      var first = tool.querySelector("input, textarea, select, button");
      if (first) {
        first.focus({ preventScroll: true });
      }
    });
    card.appendChild(button);
    return card;
  }

  function slideElement(slide, strings, moves) {
    var node = element("div", "digicom-present__slide md-typeset");
    node.setAttribute("role", "group");
    node.setAttribute("aria-roledescription", strings.slide);
    node.hidden = true;
    var heading = slide.section === 0 && slide.part === 1 ? "h1" : "h2";
    node.appendChild(element(heading, "digicom-present__title", slideTitle(slide, strings)));
    slide.parts.forEach(function (part) {
      if (part.node && part.node.matches && part.node.matches("[data-practice]")) {
        node.appendChild(practiceCard(part.node, strings));
        return;
      }
      if (part.node) {
        move(part.node, node, moves);
        return;
      }
      if (part.code) { /* a copy with these lines only: the code itself stays in the page */
        var copy = part.code.cloneNode(true);
        copy.removeAttribute("id");
        copy.querySelector("pre > code").textContent = part.lines.join("\n").replace(/\n+$/, "");
        node.appendChild(copy);
        return;
      }
      var list = part.list.cloneNode(false);
      list.removeAttribute("id");
      if (list.tagName === "OL") {
        list.start = (part.list.start || 1) + part.from;
      }
      Array.prototype.slice.call(part.list.children, part.from, part.to).forEach(function (item) {
        move(item, list, moves);
      });
      node.appendChild(list);
    });
    return node;
  }

  function buildView(trigger, strings, title) {
    var dialog = element("div", "digicom-present-view");
    dialog.setAttribute("role", "dialog");
    dialog.setAttribute("aria-modal", "true");
    dialog.setAttribute("aria-label", fill(strings.label, { title: title }));
    dialog.setAttribute("data-search-exclude", "true");

    var stage = element("div", "digicom-present__stage");
    stage.tabIndex = -1;

    var bar = element("div", "digicom-present__bar");
    var previous = control("digicom-present__previous", "← " + strings.previous);
    var counter = element("span", "digicom-present__counter");
    var next = control("digicom-present__next", strings.next + " →");
    var presenterButton = control("digicom-present__presenter", strings.presenter);
    var fullscreen = control("digicom-present__fullscreen", strings.fullscreen);
    var close = control("digicom-present__close", strings.close);
    var help = element("p", "digicom-present__help", strings.help);
    help.id = "digicom-present-help";
    var message = element("p", "digicom-present__message");
    message.setAttribute("role", "status");
    dialog.setAttribute("aria-describedby", help.id);
    [previous, counter, next, presenterButton, fullscreen, close, help, message].forEach(function (node) {
      bar.appendChild(node);
    });
    if (!document.fullscreenEnabled) {
      fullscreen.hidden = true;
    }

    var live = element("p", "digicom-present__live");
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    live.setAttribute("aria-atomic", "true");

    [stage, bar, live].forEach(function (node) {
      dialog.appendChild(node);
    });
    return {
      trigger: trigger, dialog: dialog, stage: stage, previous: previous, next: next, counter: counter,
      presenterButton: presenterButton, fullscreen: fullscreen, close: close, message: message, live: live
    };
  }

  /* ── The view ─────────────────────────────────────────────────────────── */

  function show(number, from) {
    if (!view) {
      return;
    }
    var total = view.slides.length;
    var current = Math.max(1, Math.min(total, Number(number) || 1));
    view.current = current;
    view.dialog.setAttribute("data-slide", String(current));
    view.slides.forEach(function (slide, index) {
      slide.hidden = index !== current - 1;
    });
    var slide = view.plan[current - 1];
    var values = { n: current, total: total, title: slideTitle(slide, view.strings) };
    view.counter.textContent = fill(view.strings.counter, values);
    view.slides[current - 1].setAttribute("aria-label", fill(view.strings.counter, values));
    view.live.textContent = fill(view.strings.announce, values);
    view.previous.setAttribute("aria-disabled", String(current === 1));
    view.next.setAttribute("aria-disabled", String(current === total));
    view.stage.scrollTop = 0;
    var active = document.activeElement;
    if (!active || !view.dialog.contains(active) || active.closest("[hidden]")) {
      view.stage.focus({ preventScroll: true });
    }
    try {
      window.history.replaceState(window.history.state, "", "#slide-" + current);
    } catch (error) {
      /* Some file:// pages refuse it: the view works, a reload starts again. */
    }
    if (from !== "presenter") {
      tell({ type: "show", slide: current });
    }
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

  /* Typing text: every key is the field's. */
  function typing(node) {
    if (!node || !node.tagName) {
      return false;
    }
    if (node.isContentEditable || node.tagName === "TEXTAREA" || node.tagName === "SELECT") {
      return true;
    }
    return node.tagName === "INPUT" && !/^(checkbox|radio|button|submit|reset)$/i.test(node.type);
  }

  /* Space chooses or presses a control that has the keyboard focus. */
  function pressable(node) {
    return Boolean(node && node.tagName) && (/^(BUTTON|A|SUMMARY|LABEL)$/.test(node.tagName) ||
      (node.tagName === "INPUT" && /^(checkbox|radio|button|submit|reset)$/i.test(node.type)));
  }

  /* What a key does in the view, or null. */
  function actionFor(event) {
    var target = event.target;
    if (event.key === "Escape" || event.key === "Esc") {
      return closeView;
    }
    if (typing(target)) {
      return null;
    }
    switch (event.key) {
      case "ArrowRight":
      case "ArrowDown":
      case "Right":
      case "Down":
      case "PageDown":
        return function () { go(1); };
      case "ArrowLeft":
      case "ArrowUp":
      case "Left":
      case "Up":
      case "PageUp":
        return function () { go(-1); };
      case " ":
      case "Spacebar":
        return pressable(target) ? null : function () { go(event.shiftKey ? -1 : 1); };
      case "Home":
        return function () { show(1); };
      case "End":
        return function () { show(view.slides.length); };
      case "p":
      case "P":
        return openPresenter;
      case "f":
      case "F":
        return toggleFullscreen;
      default:
        return null;
    }
  }

  function onKeydown(event) {
    pointing = false;
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

  /* An answer, a box or a button chosen with the mouse or a finger: the keys stay with the slides
     (the focus goes back to the stage as soon as the click gives it to the control). Tab and the
     keyboard still reach every control. A quiz that moves the focus to its feedback keeps it there. */
  var pointing = false;

  function onPointerdown() {
    pointing = true;
  }

  function onFocusin(event) {
    if (!view) {
      return;
    }
    if (!view.dialog.contains(event.target)) {
      view.stage.focus();
    } else if (pointing && pressable(event.target)) {
      view.stage.focus({ preventScroll: true });
    }
  }

  function onFullscreenChange() {
    if (view) {
      view.fullscreen.setAttribute("aria-pressed", String(document.fullscreenElement === view.dialog));
    }
  }

  function onHashchange() {
    var asked = /^#slide-(\d+)$/.exec(window.location.hash);
    if (view && asked) {
      show(parseInt(asked[1], 10));
    }
  }

  function requestFullscreen() {
    if (!view || !view.dialog.requestFullscreen || !document.fullscreenEnabled) {
      return;
    }
    try {
      var request = view.dialog.requestFullscreen();
      if (request && request.catch) {
        request.catch(function () { /* stays a full-window overlay */ });
      }
    } catch (error) {
      /* stays a full-window overlay */
    }
  }

  function toggleFullscreen() {
    if (document.fullscreenElement && document.exitFullscreen) {
      var exit = document.exitFullscreen();
      if (exit && exit.catch) {
        exit.catch(function () {});
      }
    } else {
      requestFullscreen();
    }
  }

  function listen(on) {
    var method = on ? "addEventListener" : "removeEventListener";
    window[method]("keydown", onKeydown, true);
    document[method]("keydown", keepFromTheme, false);
    document[method]("focusin", onFocusin, true);
    document[method]("pointerdown", onPointerdown, true);
    document[method]("fullscreenchange", onFullscreenChange, false);
    window[method]("hashchange", onHashchange, false);
  }

  function openView(trigger, number, byClick) {
    if (view) {
      show(number);
      return;
    }
    var article = trigger.closest("article") || document.querySelector("article");
    if (!article) {
      return;
    }
    var strings = readStrings(trigger);
    var slides = collect(article);
    var parts = buildView(trigger, strings, slides[0].title);
    var moves = [];
    var elements = slides.map(function (slide) {
      var node = slideElement(slide, strings, moves);
      parts.stage.appendChild(node);
      return node;
    });
    view = parts;
    view.strings = strings;
    view.plan = slides;
    view.slides = elements;
    view.moves = moves;
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
    view.presenterButton.addEventListener("click", openPresenter);
    view.fullscreen.addEventListener("click", toggleFullscreen);
    view.close.addEventListener("click", closeView);
    listen(true);

    show(number);
    view.stage.focus();
    if (byClick) {
      requestFullscreen();
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
    tell({ type: "closed" });
    closing.trigger.focus();
  }

  /* ── The presenter window ─────────────────────────────────────────────── */

  function moduleId() {
    return plan ? plan.module : window.location.pathname;
  }

  /* postMessage needs the other window's origin; from file:// it is "null", so "*" (slide numbers only). */
  function targetOrigin() {
    return window.location.protocol === "file:" || window.location.origin === "null" ? "*" : window.location.origin;
  }

  function tell(message) {
    if (!presenter) {
      return;
    }
    if (presenter.closed) {
      presenter = null;
      return;
    }
    message.digicom = MESSAGE;
    message.module = moduleId();
    try {
      presenter.postMessage(message, targetOrigin());
    } catch (error) {
      presenter = null;
    }
  }

  function onMessage(event) {
    var data = event.data;
    if (!data || data.digicom !== MESSAGE || data.module !== moduleId() || !event.source || event.source === window) {
      return;
    }
    if (event.origin !== window.location.origin && targetOrigin() !== "*") {
      return;
    }
    if (data.type === "presenter-closed") {
      presenter = null;
      return;
    }
    presenter = event.source;
    if (data.type === "go") {
      if (view) {
        show(data.slide, "presenter");
      } else {
        var button = document.querySelector("[data-digicom-present]");
        if (button) {
          openView(button, data.slide, false);
        }
      }
    } else if (data.type === "hello") {
      tell(view ? { type: "show", slide: view.current } : { type: "closed" });
    }
  }

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (character) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[character];
    });
  }

  /* The page's styles, for the presenter window: their rules as text (nothing to load), or links. */
  function styles() {
    return Array.prototype.map.call(document.styleSheets, function (sheet) {
      if (sheet.media && sheet.media.mediaText && /^print$/i.test(sheet.media.mediaText)) {
        return "";
      }
      try {
        var rules = Array.prototype.map.call(sheet.cssRules, function (rule) {
          return rule.cssText;
        }).join("\n");
        return "<style>" + rules.replace(/<\/style/gi, "<\\/style") + "</style>";
      } catch (error) {
        return sheet.href ? '<link rel="stylesheet" href="' + escapeHtml(sheet.href) + '">' : "";
      }
    }).join("\n");
  }

  function presenterData() {
    var strings = view.strings;
    return {
      module: moduleId(),
      title: view.plan[0].title,
      lang: document.documentElement.lang || "",
      origin: targetOrigin(),
      current: view.current,
      duration: plan && plan.duration,
      sheet: plan && plan.sheet ? new URL(plan.sheet, window.location.href).href : "",
      sections: view.plan.reduce(function (sections, slide) {
        if (!sections[slide.section]) {
          var planned = plan && plan.sections[slide.section];
          sections[slide.section] = { title: slide.title, minutes: planned ? planned.minutes : null };
        }
        return sections;
      }, []),
      slides: view.plan.map(function (slide, index) {
        return {
          section: slide.section,
          title: slideTitle(slide, strings),
          html: view.slides[index].innerHTML,
          notes: slide.notes.map(function (note) {
            return note.innerHTML;
          })
        };
      }),
      strings: strings
    };
  }

  function presenterDocument(data) {
    var strings = data.strings;
    var body = document.body;
    var colours = ["data-md-color-scheme", "data-md-color-primary", "data-md-color-accent"].map(function (name) {
      return body.hasAttribute(name) ? " " + name + '="' + escapeHtml(body.getAttribute(name)) + '"' : "";
    }).join("");
    var json = JSON.stringify(data).replace(/</g, "\\u003c");
    return "<!DOCTYPE html>\n<html lang=\"" + escapeHtml(data.lang) + "\" data-digicom-presenter=\"" +
      escapeHtml(data.module) + "\">\n<head>\n<meta charset=\"utf-8\">\n" +
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
      "<base href=\"" + escapeHtml(window.location.href.split("#")[0]) + "\">\n" +
      "<title>" + escapeHtml(fill(strings.presenterTitle, { title: data.title })) + "</title>\n" +
      styles() + "\n</head>\n<body class=\"digicom-presenter\"" + colours + ">\n" +
      "<header class=\"digicom-presenter__header\">\n" +
      "<p class=\"digicom-presenter__badge\">" + escapeHtml(strings.presenterBadge) + "</p>\n" +
      "<h1 class=\"digicom-presenter__module\">" + escapeHtml(data.title) + "</h1>\n" +
      (data.sheet ? "<p class=\"digicom-presenter__sheet\"><a href=\"" + escapeHtml(data.sheet) +
        "\" target=\"_blank\" rel=\"noopener\">" + escapeHtml(strings.presenterSheet) + "</a></p>\n" : "") +
      "<p class=\"digicom-presenter__status\" data-status role=\"status\"></p>\n" +
      "</header>\n<main class=\"digicom-presenter__main\">\n<div class=\"digicom-presenter__left\">\n" +
      "<section class=\"digicom-presenter__now\" aria-labelledby=\"digicom-now\">\n" +
      "<h2 id=\"digicom-now\"><span>" + escapeHtml(strings.presenterNow) + "</span> " +
      "<span class=\"digicom-presenter__counter\" data-counter></span></h2>\n" +
      "<p class=\"digicom-presenter__slide-title\" data-now-title></p>\n" +
      "<div class=\"digicom-presenter__screen\" data-now aria-hidden=\"true\"></div>\n" +
      "</section>\n<div class=\"digicom-presenter__below\">\n" +
      "<section class=\"digicom-presenter__next\" aria-labelledby=\"digicom-next\">\n" +
      "<h2 id=\"digicom-next\">" + escapeHtml(strings.presenterNext) + "</h2>\n" +
      "<p class=\"digicom-presenter__slide-title\" data-next-title></p>\n" +
      "<div class=\"digicom-presenter__screen digicom-presenter__screen--next\" data-next aria-hidden=\"true\"></div>\n" +
      "</section>\n<section class=\"digicom-presenter__time\" aria-labelledby=\"digicom-time\">\n" +
      "<h2 id=\"digicom-time\">" + escapeHtml(strings.presenterTime) + "</h2>\n<dl>\n" +
      "<dt data-section-name></dt><dd><span data-section-elapsed>0:00</span> " +
      "<span data-section-planned></span> <span data-section-over></span></dd>\n" +
      "<dt>" + escapeHtml(strings.presenterModule) + "</dt><dd><span data-module-elapsed>0:00</span> " +
      "<span data-module-planned></span> <span data-module-over></span></dd>\n</dl>\n" +
      "<p class=\"digicom-presenter__clock-buttons\"><button type=\"button\" class=\"digicom-present__control\" " +
      "data-pause aria-pressed=\"false\">" + escapeHtml(strings.presenterPause) + "</button> " +
      "<button type=\"button\" class=\"digicom-present__control\" data-reset>" +
      escapeHtml(strings.presenterReset) + "</button></p>\n</section>\n</div>\n</div>\n" +
      "<section class=\"digicom-presenter__notes\" aria-labelledby=\"digicom-notes\">\n" +
      "<h2 id=\"digicom-notes\">" + escapeHtml(strings.presenterNotes) + "</h2>\n" +
      "<div class=\"digicom-presenter__notes-body md-typeset\" data-notes></div>\n" +
      "</section>\n</main>\n<footer class=\"digicom-presenter__bar\">\n" +
      "<button type=\"button\" class=\"digicom-present__control\" data-previous>← " +
      escapeHtml(strings.previous) + "</button>\n" +
      "<button type=\"button\" class=\"digicom-present__control\" data-following>" + escapeHtml(strings.next) +
      " →</button>\n<p class=\"digicom-presenter__help\">" + escapeHtml(strings.presenterHelp) + "</p>\n" +
      "</footer>\n<p class=\"digicom-present__live\" data-live role=\"status\" aria-live=\"polite\" aria-atomic=\"true\"></p>\n" +
      "<script type=\"application/json\" id=\"digicom-presenter-data\">" + json + "</script>\n" +
      "<script>(" + presenterMain.toString() + ")(JSON.parse(document.getElementById(\"digicom-presenter-data\")" +
      ".textContent));</script>\n</body>\n</html>\n";
  }

  function openPresenter() {
    if (!view) {
      return;
    }
    var win = null;
    try {
      win = window.open("", WINDOW_NAME, "popup=yes,width=1280,height=800");
    } catch (error) {
      win = null;
    }
    if (!win) {
      view.message.textContent = view.strings.presenterBlocked;
      return;
    }
    view.message.textContent = "";
    presenter = win;
    var ready = false;
    try {
      ready = win.document.documentElement.getAttribute("data-digicom-presenter") === moduleId();
    } catch (error) {
      ready = false;
    }
    if (!ready) {
      var doc = win.document;
      doc.open();
      doc.write(presenterDocument(presenterData()));
      doc.close();
    }
    tell({ type: "show", slide: view.current });
    try {
      win.focus();
    } catch (error) {
      /* the browser decides */
    }
  }

  /*
   * The presenter window's own script. It runs in that window (written there as text), so
   * it uses nothing from this file: everything it needs is in `data`.
   */
  function presenterMain(data) {
    var strings = data.strings;
    var total = data.slides.length;
    var current = Math.max(1, Math.min(total, data.current || 1));
    var MESSAGE = "presentation";
    var audience = window.opener || null;
    var lastContact = Date.now(); // the room's window wrote this one
    var CONTACT = 7000; // without news for this long, the room's window is looked for again
    var viewClosed = false; // the room's window is there, but its presentation was closed
    var clock = { running: true, last: Date.now(), module: 0, sections: data.sections.map(function () { return 0; }) };

    function $(selector) {
      return document.querySelector(selector);
    }

    function fill(template, values) {
      return String(template).replace(/\{(\w+)\}/g, function (whole, key) {
        return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : whole;
      });
    }

    function time(milliseconds) {
      var seconds = Math.floor(milliseconds / 1000);
      var hours = Math.floor(seconds / 3600);
      var minutes = Math.floor((seconds % 3600) / 60);
      var rest = seconds % 60;
      var text = (hours ? hours + ":" + (minutes < 10 ? "0" : "") : "") + minutes + ":" + (rest < 10 ? "0" : "") + rest;
      return text;
    }

    function screen(box, slide) {
      box.textContent = "";
      if (!slide) {
        var end = document.createElement("p");
        end.className = "digicom-presenter__end";
        end.textContent = strings.presenterEnd;
        box.appendChild(end);
        return;
      }
      var frame = document.createElement("div");
      frame.className = "digicom-presenter__frame";
      var inner = document.createElement("div");
      inner.className = "digicom-present__slide md-typeset";
      inner.innerHTML = slide.html;
      Array.prototype.forEach.call(inner.querySelectorAll("[id]"), function (node) {
        node.removeAttribute("id");
      });
      frame.appendChild(inner);
      frame.inert = true;
      box.appendChild(frame);
      scale(box);
    }

    function scale(box) {
      var frame = box.querySelector(".digicom-presenter__frame");
      if (frame) {
        frame.style.transform = "scale(" + box.clientWidth / frame.offsetWidth + ")";
      }
    }

    function tell(message) {
      if (!audience || audience.closed) {
        return;
      }
      message.digicom = MESSAGE;
      message.module = data.module;
      try {
        audience.postMessage(message, data.origin);
      } catch (error) {
        /* the audience window has gone */
      }
    }

    function show(number, quiet) {
      tick(); // the time so far belongs to the slide that was showing
      current = Math.max(1, Math.min(total, Number(number) || 1));
      var slide = data.slides[current - 1];
      var section = data.sections[slide.section];
      $("[data-counter]").textContent = fill(strings.counter, { n: current, total: total });
      $("[data-now-title]").textContent = slide.title;
      screen($("[data-now]"), slide);
      var next = data.slides[current];
      $("[data-next-title]").textContent = next ? next.title : "";
      screen($("[data-next]"), next);
      var notes = $("[data-notes]");
      notes.textContent = "";
      if (!slide.notes.length) {
        var none = document.createElement("p");
        none.className = "digicom-presenter__no-notes";
        none.textContent = strings.presenterNoNotes;
        notes.appendChild(none);
      }
      slide.notes.forEach(function (html) {
        var note = document.createElement("div");
        note.className = "digicom-presenter__note";
        note.innerHTML = html;
        notes.appendChild(note);
      });
      $("[data-section-name]").textContent = fill(strings.presenterSection, { title: section.title });
      $("[data-previous]").setAttribute("aria-disabled", String(current === 1));
      $("[data-following]").setAttribute("aria-disabled", String(current === total));
      $("[data-live]").textContent = fill(strings.announce, { n: current, total: total, title: slide.title });
      document.documentElement.setAttribute("data-slide", String(current));
      tick();
      if (!quiet) {
        tell({ type: "go", slide: current });
      }
    }

    function planned(minutes) {
      return minutes === null || minutes === undefined ? "" : fill(strings.presenterPlanned, { m: minutes });
    }

    function over(elapsed, minutes) {
      var extra = minutes === null || minutes === undefined ? 0 : elapsed - minutes * 60000;
      return extra >= 1000 ? fill(strings.presenterOver, { time: time(extra) }) : "";
    }

    function tick() {
      var now = Date.now();
      var section = data.slides[current - 1].section;
      if (clock.running) {
        clock.module += now - clock.last;
        clock.sections[section] += now - clock.last;
      }
      clock.last = now;
      var sectionPlan = data.sections[section].minutes;
      $("[data-section-elapsed]").textContent = time(clock.sections[section]);
      $("[data-section-planned]").textContent = planned(sectionPlan);
      $("[data-section-planned]").setAttribute("data-minutes", sectionPlan === null ? "" : String(sectionPlan));
      $("[data-section-over]").textContent = over(clock.sections[section], sectionPlan);
      $("[data-module-elapsed]").textContent = time(clock.module);
      $("[data-module-planned]").textContent = planned(data.duration);
      $("[data-module-over]").textContent = over(clock.module, data.duration);
      var alone = !audience || audience.closed;
      var status = alone ? strings.presenterAlone : now - lastContact >= CONTACT ? strings.presenterWaiting :
        viewClosed ? strings.presenterViewClosed : strings.presenterConnected;
      if ($("[data-status]").textContent !== status) {
        $("[data-status]").textContent = status;
      }
      if (!alone && now - lastContact > 3000) {
        lastContact = now;
        tell({ type: "hello" });
      }
    }

    function go(step) {
      show(current + step);
    }

    function onKeydown(event) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) {
        return;
      }
      var actions = {
        ArrowRight: 1, ArrowDown: 1, Right: 1, Down: 1, PageDown: 1,
        ArrowLeft: -1, ArrowUp: -1, Left: -1, Up: -1, PageUp: -1
      };
      var step = actions[event.key];
      if (event.key === " " || event.key === "Spacebar") {
        step = event.shiftKey ? -1 : 1;
      }
      if (step) {
        go(step);
      } else if (event.key === "Home") {
        show(1);
      } else if (event.key === "End") {
        show(total);
      } else {
        return;
      }
      event.preventDefault();
    }

    window.addEventListener("keydown", onKeydown, true);
    window.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.digicom !== MESSAGE || message.module !== data.module || event.source !== audience) {
        return;
      }
      lastContact = Date.now();
      viewClosed = message.type === "closed";
      if (message.type === "show" && message.slide !== current) {
        show(message.slide, true);
      }
      tick();
    });
    window.addEventListener("resize", function () {
      scale($("[data-now]"));
      scale($("[data-next]"));
    });
    $("[data-previous]").addEventListener("click", function () { go(-1); });
    $("[data-following]").addEventListener("click", function () { go(1); });
    $("[data-pause]").addEventListener("click", function () {
      tick();
      clock.running = !clock.running;
      this.setAttribute("aria-pressed", String(!clock.running));
      this.textContent = clock.running ? strings.presenterPause : strings.presenterResume;
    });
    $("[data-reset]").addEventListener("click", function () {
      clock.module = 0;
      clock.sections = clock.sections.map(function () { return 0; });
      clock.last = Date.now();
      tick();
    });
    /* A button clicked with the mouse hands the keys back to the slides. */
    document.addEventListener("click", function (event) {
      if (event.detail > 0 && event.target.closest && event.target.closest("button")) {
        event.target.closest("button").blur();
      }
    });
    window.addEventListener("pagehide", function () {
      tell({ type: "presenter-closed" });
    });
    window.setInterval(tick, 500);
    window.DigicomPresenter = { show: function (number) { show(number); }, current: function () { return current; } };
    show(current, true);
  }

  window.addEventListener("message", onMessage, false);
  window.DigicomPresentation = {
    open: openView,
    close: closeView,
    show: function (number) { show(number); },
    presenter: function () { openPresenter(); }
  };
})();
