// Parallax: small enhancements; every page works without this file.
(function () {
  "use strict";
  // Only one fact popover open at a time; Escape or a click elsewhere closes it.
  function closeOthers(except) {
    document.querySelectorAll("details.fv[open]").forEach(function (d) {
      if (d !== except) d.removeAttribute("open");
    });
  }
  document.addEventListener("toggle", function (e) {
    var t = e.target;
    if (t instanceof HTMLDetailsElement && t.classList.contains("fv") && t.open) closeOthers(t);
  }, true);
  document.addEventListener("click", function (e) {
    if (!(e.target instanceof Element) || !e.target.closest("details.fv")) closeOthers(null);
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") closeOthers(null);
  });
  // Fact table filter (the buttons stay hidden without this script).
  var filter = document.querySelector(".fact-filter");
  var table = document.getElementById("fact-table");
  if (filter && table) {
    filter.hidden = false;
    filter.addEventListener("click", function (e) {
      var b = e.target;
      if (!(b instanceof HTMLButtonElement)) return;
      table.setAttribute("data-filter", b.getAttribute("data-filter") || "");
      filter.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", String(x === b)); });
    });
  }
  // Show that a long analysis is running and prevent double submission.
  var form = document.getElementById("add-form");
  if (form) {
    form.addEventListener("submit", function () {
      var b = document.getElementById("add-submit");
      if (b) { b.disabled = true; b.textContent = "Analysing…"; }
    });
  }
})();
