/*
 * Practice tools (hooks/practice.py, partials/digicom/practice-*.html), loaded only on
 * pages that have one:
 *
 * - the SMS composer ([data-practice="sms"]): counts the message as a phone network does,
 *   as the merchant types, with the same rules as hooks/course/sms.py (the build's count
 *   of the examples in the modules). Its two character tables come from that module, in
 *   the block's data-sms-tables; tests/data/sms_cases.yml is one table of cases that both
 *   counters must pass. It also shows the module's checks for an offer;
 * - the email subject preview ([data-practice="email-subject"]): the sender, subject and
 *   preview text cut where a phone's inbox cuts them (data-subject-visible, …-visible);
 * - the crisis triage ([data-practice="crisis-triage"]): six yes/no questions and the
 *   alert level they lead to (the three results are in the markup), printable alone.
 *
 * Store: localStorage["digicom.practice.v1"] = JSON object, one draft per tool:
 * {"sms": {"text": "…", "shop": "…"}, "email-subject": {"from": "…", "subject": "…",
 * "preview": "…"}, "crisis-triage": {"answers": {"<question id>": "yes" | "no"}}}.
 * The same draft shows on the Spanish and the English page. It never throws: when
 * storage is blocked (access throws), full, or holds something that is not our object,
 * the tools start from the module's example and work; the note under each says that
 * nothing is kept. Every value read back is checked before use.
 */
(function () {
  "use strict";

  var KEY = "digicom.practice.v1";
  var saving = true;
  var notes = [];

  // progress.js (loaded first on every page) reads and writes the site's stores; without it, nothing is kept.
  var progress = window.digicomProgress || null;
  var isObject = progress ? progress.isObject : function () { return false; };

  function loadAll() {
    if (!progress || !progress.available()) {
      saving = false;
      return {};
    }
    var value = progress.read(KEY);
    return isObject(value) ? value : {};
  }

  function loadDraft(kind) {
    var draft = loadAll()[kind];
    return isObject(draft) ? draft : null;
  }

  function saveDraft(kind, draft) {
    var all = loadAll();
    all[kind] = draft;
    if (!progress || !progress.write(KEY, all)) {
      saving = false;
    }
    showSaving();
  }

  function showSaving() {
    if (saving) return;
    notes.forEach(function (note) {
      if (note.element.textContent !== note.text) note.element.textContent = note.text;
    });
  }

  function text(value) {
    return typeof value === "string" ? value : null;
  }

  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
    });
  }

  function stringsOf(section) {
    var script = section.querySelector("script[data-practice-strings]");
    try {
      return JSON.parse(script.textContent);
    } catch (error) {
      return {};
    }
  }

  /* Sets a text only when it changes, so live regions are not re-announced for nothing. */
  function setText(element, value) {
    if (element && element.textContent !== value) element.textContent = value;
  }

  /* A live region that speaks once the person stops typing for a moment. */
  function announcer(section) {
    var region = section.querySelector("[data-practice-announce]");
    var timer = null;
    return function (message) {
      if (!region) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { setText(region, message); }, 900);
    };
  }

  /* What every tool shares: the note about saving, showing the tool instead of the no-JS line. */
  function start(section, strings) {
    var note = section.querySelector("[data-practice-note]");
    if (note) notes.push({ element: note, text: strings.not_saved || note.textContent });
    var nojs = section.querySelector("[data-practice-nojs]");
    var tool = section.querySelector("[data-practice-tool]");
    if (nojs) nojs.hidden = true;
    if (tool) tool.hidden = false;
  }

  // ── Counting an SMS (the same rules as hooks/course/sms.py) ────────────────

  var LIMITS = { "GSM-7": [160, 153], "UCS-2": [70, 67] };

  function counter(tables) {
    var basic = new Set(Array.from(tables.basic || ""));
    var extension = new Set(Array.from(tables.extension || ""));

    function parts(units, encoding) {
      var single = LIMITS[encoding][0];
      var perPart = LIMITS[encoding][1];
      var total = units.reduce(function (sum, size) { return sum + size; }, 0);
      if (total === 0) return 0;
      if (total <= single) return 1;
      var count = 1;
      var room = perPart;
      units.forEach(function (size) {
        if (size > room) { // a two-unit character is not split: it starts the next part
          count += 1;
          room = perPart;
        }
        room -= size;
      });
      return count;
    }

    function unique(list) {
      return list.filter(function (item, index) { return list.indexOf(item) === index; });
    }

    return function count(message) {
      var chars = Array.from(message);
      var gsm = chars.every(function (c) { return basic.has(c) || extension.has(c); });
      var encoding = gsm ? "GSM-7" : "UCS-2";
      var units = chars.map(function (c) { return gsm ? (extension.has(c) ? 2 : 1) : c.length; });
      var forcing = unique(chars.filter(function (c) { return !basic.has(c) && !extension.has(c); }));
      var doubles = gsm ? unique(chars.filter(function (c) { return extension.has(c); })) : [];
      var result = {
        chars: units.reduce(function (sum, size) { return sum + size; }, 0),
        encoding: encoding,
        parts: parts(units, encoding),
        forcing: forcing,
        doubles: doubles,
      };
      result.partsInGsm7 = gsm ? result.parts : parts(chars.map(function (c) {
        return forcing.indexOf(c) >= 0 ? 1 : (extension.has(c) ? 2 : 1);
      }), "GSM-7");
      return result;
    };
  }

  /* A character as the page can name it: invisible ones by their code ("U+00A0"). */
  function shown(c) {
    if (/^[\s\p{Cc}\p{Cf}\p{Mn}\p{Zs}\p{Zl}\p{Zp}]$/u.test(c)) {
      return "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0");
    }
    return c;
  }

  /* Fills an element with a template whose {chars} become marked characters. */
  function withMarks(element, template, chars, kind) {
    var at = template.indexOf("{chars}");
    element.textContent = "";
    element.appendChild(document.createTextNode(at < 0 ? template : template.slice(0, at)));
    if (at < 0) return;
    chars.forEach(function (c, index) {
      if (index) element.appendChild(document.createTextNode(", "));
      var mark = document.createElement("mark");
      mark.className = "digicom-sms-text__" + kind;
      mark.setAttribute("data-char", c);
      mark.textContent = shown(c);
      element.appendChild(mark);
    });
    element.appendChild(document.createTextNode(template.slice(at + "{chars}".length)));
  }

  function marked(element, message, result) {
    element.textContent = "";
    var plain = "";
    function flush() {
      if (plain) element.appendChild(document.createTextNode(plain));
      plain = "";
    }
    Array.from(message).forEach(function (c) {
      var kind = c === "\n" ? "break" : result.forcing.indexOf(c) >= 0 ? "ucs2"
        : result.doubles.indexOf(c) >= 0 ? "double" : "";
      if (!kind) {
        plain += c;
        return;
      }
      flush();
      if (kind === "break") {
        element.appendChild(document.createElement("br"));
      } else {
        var mark = document.createElement("mark");
        mark.className = "digicom-sms-text__" + kind;
        mark.textContent = c;
        element.appendChild(mark);
      }
    });
    flush();
  }

  // The module's checks for an offer (the SMS module, steps 5 and "Buenas prácticas").
  // Letters, not \b: JavaScript's \b does not know ñ or á. No lookbehind either: Safari before
  // 16.4 (iOS 15 phones) cannot read it, and the whole script would stop.
  function words(list) {
    return new RegExp("(?:^|[^\\p{L}\\p{N}])(?:" + list + ")(?![\\p{L}\\p{N}])", "iu");
  }
  var ACTION = words("enseña|enseñad|muestra|pide|pídenos|llama|llámanos|reserva|ven|venid|visita|visítanos|" +
    "compra|pásate|pasa|escribe|entra|descarga|canjea|aprovecha|recoge|encarga|di|dinos|usa|" +
    "show|call|book|visit|buy|come|order|use|pick up");
  var DATE = words("\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?|\\d{1,2} de (?:enero|febrero|marzo|abril|mayo|junio|julio|" +
    "agosto|septiembre|setiembre|octubre|noviembre|diciembre)|lunes|martes|miércoles|jueves|viernes|sábado|" +
    "domingo|hoy|mañana|fin de semana|fin de mes|monday|tuesday|wednesday|thursday|friday|saturday|sunday|" +
    "today|tomorrow|weekend");
  var OPT_OUT = words("baja|stop|unsubscribe|opt[- ]?out");
  var REPLY = words("responde|respóndenos|responded|contesta|contéstanos|reply|text back");

  function plainWords(value) {
    return value.normalize("NFD").replace(/\p{Mn}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function setupSms(section) {
    var strings = stringsOf(section);
    var tables;
    try {
      tables = JSON.parse(section.getAttribute("data-sms-tables"));
    } catch (error) {
      return;
    }
    var count = counter(tables);
    var textarea = section.querySelector("[data-sms-text]");
    var shop = section.querySelector("[data-sms-shop]");
    var template = section.getAttribute("data-practice-start") || "";
    var announce = announcer(section);
    var draft = loadDraft("sms");
    textarea.value = draft && text(draft.text) !== null ? draft.text : template;
    shop.value = draft && text(draft.shop) !== null ? draft.shop : "";

    function charsText(n) {
      return n === 1 ? strings.chars_one : fill(strings.chars_many, { n: n });
    }
    function partsText(n) {
      return n === 1 ? strings.parts_one : fill(strings.parts_many, { n: n });
    }

    function check(name, state) {
      var item = section.querySelector('[data-check="' + name + '"]');
      if (!item) return;
      item.setAttribute("data-state", state);
      setText(item.querySelector("[data-check-state]"), strings[state]);
    }

    function update() {
      var message = textarea.value;
      var result = count(message);
      var values = { chars: charsText(result.chars), encoding: result.encoding, parts: partsText(result.parts) };
      var summary = section.querySelector("[data-sms-summary]");
      setText(summary, fill(strings.summary, values));
      summary.setAttribute("data-chars", result.chars);
      summary.setAttribute("data-encoding", result.encoding);
      summary.setAttribute("data-parts", result.parts);
      var why = section.querySelector("[data-sms-why]");
      if (result.encoding === "GSM-7") setText(why, strings.gsm7_why);
      else withMarks(why, strings.ucs2_why, result.forcing, "ucs2");
      var doubles = section.querySelector("[data-sms-doubles]");
      doubles.hidden = !result.doubles.length;
      if (result.doubles.length) withMarks(doubles, strings.doubles, result.doubles, "double");
      var tradeoff = section.querySelector("[data-sms-tradeoff]");
      tradeoff.hidden = result.encoding === "GSM-7" || !result.parts;
      tradeoff.setAttribute("data-parts-in-gsm7", result.partsInGsm7);
      if (!tradeoff.hidden) {
        setText(tradeoff, result.partsInGsm7 < result.parts
          ? fill(strings.tradeoff, { parts: partsText(result.partsInGsm7) })
          : fill(strings.tradeoff_same, { parts: partsText(result.parts) }));
      }
      var box = section.querySelector("[data-sms-marked-box]");
      box.hidden = !(result.forcing.length || result.doubles.length);
      if (!box.hidden) marked(section.querySelector("[data-sms-marked]"), message, result);

      var name = plainWords(shop.value);
      check("shop", !name ? "pending" : plainWords(message).indexOf(name) >= 0 ? "yes" : "no");
      section.querySelector("[data-sms-shop-hint]").hidden = !!name;
      check("action", ACTION.test(message) ? "yes" : "no");
      check("date", DATE.test(message) ? "yes" : "no");
      check("optout", OPT_OUT.test(message) ? "yes" : "no");
      section.querySelector("[data-sms-reply]").hidden = !REPLY.test(message);
      return values;
    }

    function changed() {
      var values = update();
      saveDraft("sms", { text: textarea.value, shop: shop.value });
      announce(fill(strings.announce, values));
    }

    textarea.addEventListener("input", changed);
    shop.addEventListener("input", changed);
    section.querySelector("[data-practice-restart]").addEventListener("click", function () {
      textarea.value = template;
      changed();
      textarea.focus();
    });
    start(section, strings);
    update();
  }

  // ── The email subject in a phone's inbox ────────────────────────────────

  function setupEmail(section) {
    var strings = stringsOf(section);
    var fields = {};
    Array.prototype.forEach.call(section.querySelectorAll("[data-email-field]"), function (input) {
      fields[input.getAttribute("data-email-field")] = input;
    });
    var visible = {
      subject: parseInt(section.getAttribute("data-subject-visible"), 10) || 40,
      preview: parseInt(section.getAttribute("data-preview-visible"), 10) || 80,
    };
    var announce = announcer(section);
    var draft = loadDraft("email-subject");
    Object.keys(fields).forEach(function (name) {
      var saved = draft ? text(draft[name]) : null;
      fields[name].value = saved !== null ? saved : section.getAttribute("data-practice-start-" + name) || "";
    });

    function cut(value, limit) {
      var chars = Array.from(value);
      return chars.length > limit ? chars.slice(0, limit).join("").replace(/\s+$/, "") : null;
    }

    function update() {
      var sender = fields.from.value.trim();
      var subject = fields.subject.value.trim();
      var preview = fields.preview.value.trim();
      var subjectCut = cut(subject, visible.subject);
      var previewCut = cut(preview, visible.preview);
      setText(section.querySelector("[data-inbox-from]"), sender || strings.no_sender);
      setText(section.querySelector("[data-inbox-subject]"),
        subject ? (subjectCut !== null ? subjectCut + "…" : subject) : strings.no_subject);
      setText(section.querySelector("[data-inbox-preview]"),
        preview ? (previewCut !== null ? previewCut + "…" : preview) : strings.preview_empty);
      var subjectNote = subjectCut !== null ? fill(strings.subject_cut, { cut: subjectCut }) : strings.subject_fits;
      var subjectCount = section.querySelector("[data-email-subject-count]");
      setText(subjectCount, fill(strings.subject_count, { n: Array.from(subject).length, visible: visible.subject }) +
        " " + subjectNote);
      subjectCount.setAttribute("data-cut", subjectCut !== null ? "yes" : "no");
      var previewCount = section.querySelector("[data-email-preview-count]");
      setText(previewCount, preview ? fill(strings.preview_count, { n: Array.from(preview).length,
        visible: visible.preview }) + (previewCut !== null ? " " + fill(strings.preview_cut, { cut: previewCut }) : "")
        : strings.preview_empty);
      previewCount.setAttribute("data-cut", previewCut !== null ? "yes" : "no");
      section.querySelector("[data-email-shouting]").hidden =
        !/\p{Lu}{3,}[\s\p{P}]+\p{Lu}{3,}|([!?¡¿])\1/u.test(subject);
      return fill(strings.announce, { subject: subjectNote });
    }

    function changed() {
      var message = update();
      saveDraft("email-subject", { from: fields.from.value, subject: fields.subject.value,
        preview: fields.preview.value });
      announce(message);
    }

    Object.keys(fields).forEach(function (name) { fields[name].addEventListener("input", changed); });
    section.querySelector("[data-practice-restart]").addEventListener("click", function () {
      Object.keys(fields).forEach(function (name) {
        fields[name].value = section.getAttribute("data-practice-start-" + name) || "";
      });
      changed();
      fields.subject.focus();
    });
    start(section, strings);
    update();
  }

  // ── Crisis triage: the module's levels (green, yellow, red) ─────────────

  function setupTriage(section) {
    var strings = stringsOf(section);
    var questions = Array.prototype.slice.call(section.querySelectorAll("[data-triage-question]"));
    var announce = announcer(section);
    var printButton = section.querySelector("[data-triage-print]");
    // Printed, each link shows its full address (practice.css).
    Array.prototype.forEach.call(section.querySelectorAll(".digicom-triage__more a"), function (link) {
      link.setAttribute("data-print-url", link.href);
    });

    function answers() {
      var found = {};
      questions.forEach(function (question) {
        var chosen = question.querySelector("input:checked");
        if (chosen) found[question.getAttribute("data-triage-question")] = chosen.value;
      });
      return found;
    }

    var draft = loadDraft("crisis-triage");
    var saved = draft && isObject(draft.answers) ? draft.answers : {};
    questions.forEach(function (question) {
      var value = saved[question.getAttribute("data-triage-question")];
      if (value !== "yes" && value !== "no") return;
      var input = question.querySelector('input[value="' + value + '"]');
      if (input) input.checked = true;
    });

    /* The crisis module: a red sign (beyond the page, health or safety, a serious false claim) is a crisis;
       two or more signs at once point to a possible crisis; one sign is yellow; none is green. */
    function level(given) {
      var yes = questions.filter(function (q) { return given[q.getAttribute("data-triage-question")] === "yes"; });
      var red = yes.filter(function (q) { return q.getAttribute("data-triage-weight") === "red"; });
      if (red.length) return { id: "red", because: red, two: false };
      if (yes.length >= 2) return { id: "red", because: yes, two: true };
      if (yes.length === 1) return { id: "yellow", because: yes, two: false };
      return { id: "green", because: [], two: false };
    }

    function update(speak) {
      var given = answers();
      var left = questions.length - Object.keys(given).length;
      var pending = section.querySelector("[data-triage-pending]");
      pending.hidden = left === 0;
      setText(pending, fill(pending.getAttribute("data-template"), { n: left }));
      var result = left === 0 ? level(given) : null;
      Array.prototype.forEach.call(section.querySelectorAll("[data-triage-result]"), function (element) {
        var shownNow = !!result && element.getAttribute("data-triage-result") === result.id;
        element.hidden = !shownNow;
        if (!shownNow) return;
        var why = element.querySelector("[data-triage-why]");
        if (!result.because.length) {
          setText(why, strings.why_none);
        } else {
          var signals = result.because.map(function (q) { return q.getAttribute("data-triage-signal"); });
          setText(why, fill(strings.why, { signals: signals.join("; ") }) + (result.two ? " " + strings.why_two : ""));
        }
        if (speak) {
          announce(fill(strings.announce, { level: element.querySelector(".digicom-triage__level strong").textContent }));
        }
      });
      printButton.hidden = !result;
      section.setAttribute("data-triage-level", result ? result.id : "");
    }

    section.addEventListener("change", function (event) {
      if (!event.target || event.target.type !== "radio") return;
      saveDraft("crisis-triage", { answers: answers() });
      update(true);
    });
    section.querySelector("[data-practice-restart]").addEventListener("click", function () {
      Array.prototype.forEach.call(section.querySelectorAll("input[type=radio]"), function (input) {
        input.checked = false;
      });
      saveDraft("crisis-triage", { answers: {} });
      update(false);
      var first = section.querySelector("input[type=radio]");
      if (first) first.focus();
    });
    printButton.addEventListener("click", function () {
      // practice.css prints only the triage while this class is on.
      document.documentElement.classList.add("digicom-print-triage");
      window.print();
    });
    window.addEventListener("afterprint", function () {
      document.documentElement.classList.remove("digicom-print-triage");
    });
    start(section, strings);
    update(false);
  }

  var SETUP = { "sms": setupSms, "email-subject": setupEmail, "crisis-triage": setupTriage };
  Array.prototype.forEach.call(document.querySelectorAll("[data-practice]"), function (section) {
    var setup = SETUP[section.getAttribute("data-practice")];
    if (setup) setup(section);
  });
  loadAll(); // notes the browser that keeps nothing
  showSaving();
})();
