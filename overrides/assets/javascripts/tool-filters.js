/*
 * Curso DIGICOM: filters for the tool directory (docs/herramientas.*.md).
 *
 * The directory is rendered by hooks/tool_directory.py with its filter form
 * hidden, so without JavaScript every tool is listed. This script shows the
 * form and, on every change, hides the cards that do not match and updates
 * the count in the form's live region ("Mostrando 5 de 23 herramientas").
 *
 * Rules: a card is shown when it has the chosen category (if any), one of the
 * ticked price tiers (if any), a free plan (if ticked) and a Spanish interface
 * (if ticked). It keeps nothing between visits (no storage) and does nothing on
 * pages without a [data-digicom-tools] element.
 */
(function () {
  "use strict";

  function valuesOf(form, name) {
    return Array.prototype.slice
      .call(form.querySelectorAll('input[name="' + name + '"]:checked'))
      .map(function (input) { return input.value; });
  }

  function isTicked(form, name) {
    var input = form.querySelector('input[name="' + name + '"]');
    return Boolean(input && input.checked);
  }

  function matches(card, filters) {
    var categories = (card.getAttribute("data-categories") || "").split(/\s+/);
    if (filters.category && categories.indexOf(filters.category) === -1) return false;
    if (filters.prices.length && filters.prices.indexOf(card.getAttribute("data-price")) === -1) return false;
    if (filters.freePlan && card.getAttribute("data-free-plan") !== "true") return false;
    if (filters.spanishUi && card.getAttribute("data-spanish-ui") !== "true") return false;
    return true;
  }

  function setUp(root) {
    var form = root.querySelector("form");
    var count = root.querySelector("[data-tools-count]");
    var none = root.querySelector("[data-tools-none]");
    var clear = root.querySelector("[data-tools-clear]");
    var cards = Array.prototype.slice.call(root.querySelectorAll("[data-tool]"));
    if (!form || !count || !cards.length) return;
    var template = count.getAttribute("data-template") || "{shown} / {total}";
    var select = form.querySelector('select[name="category"]');

    function update() {
      var filters = {
        category: select ? select.value : "",
        prices: valuesOf(form, "price"),
        freePlan: isTicked(form, "free_plan"),
        spanishUi: isTicked(form, "spanish_ui")
      };
      var shown = 0;
      cards.forEach(function (card) {
        var visible = matches(card, filters);
        card.hidden = !visible;
        if (visible) shown += 1;
      });
      var text = template.replace("{shown}", String(shown)).replace("{total}", String(cards.length));
      if (count.textContent !== text) count.textContent = text; // the live region speaks only on change
      if (none) none.hidden = shown !== 0;
    }

    form.addEventListener("change", update);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    if (clear) {
      clear.addEventListener("click", function () {
        form.reset();
        update();
      });
    }
    update(); // the browser may have restored ticked boxes on "back"
    form.hidden = false;
  }

  var roots = document.querySelectorAll("[data-digicom-tools]");
  for (var i = 0; i < roots.length; i += 1) setUp(roots[i]);
})();
