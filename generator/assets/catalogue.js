/* Wide tables scroll inside themselves on narrow screens (catalogue.css). A scrolling table with
   no link in it could not be scrolled from the keyboard (WCAG 2.1.1; axe
   scrollable-region-focusable), so each table that overflows is made focusable, and only while
   it overflows: no extra tab stop where the whole table fits. */
(function () {
  "use strict";
  var tables = document.querySelectorAll(".md-typeset .pc-table");
  if (!tables.length) { return; }
  function mark() {
    Array.prototype.forEach.call(tables, function (table) {
      if (table.scrollWidth > table.clientWidth) { table.setAttribute("tabindex", "0"); }
      else { table.removeAttribute("tabindex"); }
    });
  }
  mark();
  window.addEventListener("resize", mark);
})();

/* Catalogue filters: plain JavaScript, no dependencies. The table is complete without it;
   this only hides rows, re-sorts them and keeps the filter state in the address bar. */
(function () {
  "use strict";
  var form = document.getElementById("pc-filters");
  var table = document.getElementById("pc-catalogue");
  if (!form || !table) { return; }
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var count = document.getElementById("pc-count");
  var fields = ["category", "theme", "maturity", "lifecycle", "organisation", "sort"];

  function matches(row, state) {
    var d = row.dataset;
    if (state.category && d.category !== state.category) { return false; }
    if (state.theme && d.themes.split(" ").indexOf(state.theme) < 0) { return false; }
    if (state.maturity && d.maturity !== state.maturity) { return false; }
    if (state.lifecycle && d.lifecycle !== state.lifecycle) { return false; }
    if (state.organisation && d.orgs.split(" ").indexOf(state.organisation) < 0) { return false; }
    return true;
  }

  function compare(sort) {
    return function (a, b) {
      var x = a.dataset, y = b.dataset;
      if (sort === "newest" && x.created !== y.created) { return x.created < y.created ? 1 : -1; }
      if (sort === "title" || x.title === y.title) { return x.title < y.title ? -1 : (x.title > y.title ? 1 : 0); }
      if (sort === "reuse" && x.reuse !== y.reuse) { return Number(y.reuse) - Number(x.reuse); }
      return x.title < y.title ? -1 : 1;
    };
  }

  function read() {
    var state = {};
    fields.forEach(function (name) { state[name] = form.elements[name].value; });
    return state;
  }

  function apply(state, push) {
    var shown = 0;
    rows.slice().sort(compare(state.sort || "reuse")).forEach(function (row) {
      var ok = matches(row, state);
      row.hidden = !ok;
      if (ok) { shown += 1; }
      body.appendChild(row);
    });
    count.textContent = shown === rows.length ? rows.length + " patterns" : "Showing " + shown + " of " + rows.length + " patterns";
    if (push) {
      var params = new URLSearchParams();
      fields.forEach(function (name) {
        if (state[name] && !(name === "sort" && state[name] === "reuse")) { params.set(name, state[name]); }
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  var params = new URLSearchParams(window.location.search);
  fields.forEach(function (name) {
    var value = params.get(name);
    var select = form.elements[name];
    if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
      select.value = value;
    }
  });
  form.hidden = false;
  form.addEventListener("change", function () { apply(read(), true); });
  form.addEventListener("reset", function () {
    window.setTimeout(function () { apply(read(), true); }, 0);
  });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply(read(), false);
})();
