/* Wide tables scroll inside themselves on narrow screens (catalogue.css), and Material wraps every
   table of a hand-written page in a scrolling box (.md-typeset__scrollwrap) at any width. A
   scrolling box with no link in it could not be scrolled from the keyboard (WCAG 2.1.1; axe
   scrollable-region-focusable), so each one that overflows is made focusable and named, and only
   while it overflows: no extra tab stop where the whole table fits. Material adds its wrappers
   from its own script, so they are looked for again whenever the page's content changes. */
(function () {
  "use strict";
  var SCROLLERS = ".md-typeset .pc-table, .md-typeset__scrollwrap";

  function name(box) {
    var caption = box.querySelector("caption");
    if (caption) { return null; }  // a table with a caption is announced by it
    var heading = null;
    for (var node = box.previousElementSibling; node && !heading; node = node.previousElementSibling) {
      if (/^H[1-6]$/.test(node.tagName)) { heading = node; }
    }
    return "Table" + (heading ? ": " + heading.textContent.trim() : "") + " (scrolls sideways)";
  }

  function mark() {
    Array.prototype.forEach.call(document.querySelectorAll(SCROLLERS), function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.setAttribute("tabindex", "0");
        var label = name(box);
        if (label) { box.setAttribute("role", "region"); box.setAttribute("aria-label", label); }
      } else {
        box.removeAttribute("tabindex");
        if (box.classList.contains("md-typeset__scrollwrap")) { box.removeAttribute("role"); box.removeAttribute("aria-label"); }
      }
    });
  }

  mark();
  window.addEventListener("resize", mark);
  window.addEventListener("load", mark);
  var content = document.querySelector(".md-content");
  if (content && window.MutationObserver) {
    var pending = false;
    new MutationObserver(function () {
      if (pending) { return; }
      pending = true;
      window.requestAnimationFrame(function () { pending = false; mark(); });
    }).observe(content, { childList: true, subtree: true });
  }
})();

/* Print: each link in a page's content prints its full address after its text (catalogue.css),
   so a printed pattern still says where its sources, contacts and related pages are. A link to a
   place on the same page prints nothing. */
(function () {
  "use strict";
  Array.prototype.forEach.call(document.querySelectorAll(".md-content a[href]"), function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#" || link.classList.contains("md-button") || link.classList.contains("headerlink")) { return; }
    link.setAttribute("data-print-href", link.href.replace(/^mailto:/, ""));
  });
})();

/* Catalogue filters: plain JavaScript, no dependencies. The page holds the first rows of the
   table, in its default order (most reused first); this loads every pattern from the data file
   beside the page (patterns/index.json, written by generator/render/cataloguedata.py), then
   filters and sorts all of them and shows the matching rows a page at a time ("Show more"),
   keeping the filter state in the address bar (and hiding the link to the numbered list, which
   it no longer needs). Rows are built with DOM calls and textContent
   only: no text from the data file is ever parsed as HTML. Without the script, or when the data
   cannot be loaded, the page's own rows stay, with a link to every pattern on numbered pages.
   On a phone the filters fold away behind one "Filter patterns" control (a <details>), so the
   first screen shows patterns; on wider screens they are always open and the control is not
   shown. */
(function () {
  "use strict";
  var form = document.getElementById("pc-filters");
  var table = document.getElementById("pc-catalogue");
  if (!form || !table || !table.dataset.src) { return; }
  var panel = document.getElementById("pc-filter-panel");
  var active = document.getElementById("pc-filter-active");
  var body = table.tBodies[0];
  var count = document.getElementById("pc-count");
  var moreBox = document.getElementById("pc-more-box");
  var more = document.getElementById("pc-more");
  var moreStatus = document.getElementById("pc-more-status");
  var PAGE = Number(table.dataset.pageSize) || 100;
  // Each filter: the pattern's field it reads, and whether that holds one value or a list.
  var FILTERS = {
    category: ["category", false], setting: ["settings", true], theme: ["themes", true],
    wgll: ["wgll", true], region: ["regions", true], maturity: ["maturity", false],
    lifecycle: ["lifecycle", false], organisation: ["orgs", true]
  };
  var fields = Object.keys(FILTERS).concat(["sort"]);
  // patterns: every pattern, as the data file's arrays, in its order (the default sort); F: the
  // index of each field in them; orders: the patterns sorted, once per sort; matching: the
  // current view.
  // codes: for a field the data file gives as numbers into a list of its values, each value's number.
  var patterns = [], F = {}, codes = {}, orders = {}, matching = [], shown = 0, names = {};

  function optionNames(select) {
    var found = {};
    Array.prototype.forEach.call(select.options, function (o) { found[o.value] = o.textContent; });
    return found;
  }

  // Lists are space-separated values: a value matches when it is one of them.
  function matches(r, state) {
    return Object.keys(FILTERS).every(function (name) {
      var wanted = state[name];
      if (!wanted) { return true; }
      var field = FILTERS[name][0], value = r[F[field]];
      if (codes[field]) { wanted = codes[field][wanted]; }
      return FILTERS[name][1] ? (" " + value + " ").indexOf(" " + wanted + " ") >= 0 : value === wanted;
    });
  }

  // Sorted by the chosen order, ties by title. The data file is already in the default order
  // (most reused first), so that one costs nothing; the others are sorted when first chosen.
  function ordered(sort) {
    if (sort === "reuse") { return patterns; }
    if (!orders[sort]) {
      var keys = patterns.map(function (r) { return String(r[F.title]).toLowerCase(); });
      var index = patterns.map(function (r, i) { return i; });
      index.sort(function (i, j) {
        var x = patterns[i], y = patterns[j];
        if (sort === "newest" && x[F.created] !== y[F.created]) { return x[F.created] < y[F.created] ? 1 : -1; }
        return keys[i] < keys[j] ? -1 : (keys[i] > keys[j] ? 1 : i - j);
      });
      orders[sort] = index.map(function (i) { return patterns[i]; });
    }
    return orders[sort];
  }

  function span(className, text) {
    var element = document.createElement("span");
    element.className = className;
    element.textContent = text;
    return element;
  }

  // One row, as the page's own rows are (templates/_catalogue_row.j2).
  function row(r) {
    var tr = document.createElement("tr");
    var cells = [0, 1, 2, 3].map(function () { return tr.appendChild(document.createElement("td")); });
    var link = document.createElement("a");
    // Only a relative address to a page of the site: never a scheme such as javascript:.
    if (/^[A-Za-z0-9._~\/-]*$/.test(r[F.link])) {
      link.setAttribute("href", r[F.link]);
      link.setAttribute("data-print-href", link.href);  // as the print script marks the page's own links
    }
    link.textContent = r[F.title];
    cells[0].appendChild(link);
    if (r[F.note]) { cells[0].append(" ", span("pc-lifecycle", r[F.note])); }
    cells[0].append(document.createElement("br"), span("pc-summary", r[F.summary]));
    cells[1].textContent = names.category[r[F.category]] || r[F.category];
    var level = String(r[F.maturity]);
    var badge = span("pc-badge pc-badge--" + level.replace(/[^a-z0-9-]/g, ""), names.maturity[level] || level);
    badge.title = "Maturity: " + badge.textContent;
    cells[2].appendChild(badge);
    cells[3].textContent = String(r[F.reuse]);
    return tr;
  }

  // The next page of matching rows; returns the first new row.
  function showMore() {
    var rows = document.createDocumentFragment();
    matching.slice(shown, shown + PAGE).forEach(function (r) { rows.appendChild(row(r)); });
    var first = rows.firstChild;
    body.appendChild(rows);
    shown = Math.min(matching.length, shown + PAGE);
    showing();
    return first;
  }

  // "Show more" and what it says, for the rows shown so far.
  function showing() {
    moreBox.hidden = shown >= matching.length;
    more.textContent = "Show " + Math.min(PAGE, matching.length - shown) + " more";
    moreStatus.textContent = shown < matching.length || shown > PAGE
      ? "Showing the first " + shown + " of " + matching.length + " matching patterns." : "";
  }

  function read() {
    var state = {};
    fields.forEach(function (name) { state[name] = form.elements[name].value; });
    return state;
  }

  function plural(n) { return n + (n === 1 ? " pattern" : " patterns"); }

  // keep: the rows on the page are already the first of `matching` (on opening, unfiltered).
  function apply(state, push, keep) {
    matching = ordered(state.sort || "reuse").filter(function (r) { return matches(r, state); });
    if (keep) {
      shown = body.rows.length;
      showing();
    } else {
      shown = 0;
      body.replaceChildren();
      showMore();
    }
    count.textContent = matching.length === patterns.length ? plural(patterns.length)
      : "Showing " + matching.length + " of " + plural(patterns.length);
    var chosen = Object.keys(FILTERS).filter(function (name) { return state[name]; }).length;
    if (active) { active.textContent = chosen ? " (" + chosen + " chosen)" : ""; }
    if (push) {
      var params = new URLSearchParams();
      fields.forEach(function (name) {
        if (state[name] && !(name === "sort" && state[name] === "reuse")) { params.set(name, state[name]); }
      });
      var query = params.toString();
      history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
    }
  }

  // The organisation filter's options (7,000 at national scale) are added when the address asks
  // for one, when the reader first reaches the filter, or once the browser is idle, whichever
  // is first: building them all would delay the first screen.
  function organisationOptions(organisations) {
    var select = form.elements.organisation;
    var done = false;
    function fill() {
      if (done) { return; }
      done = true;
      var options = document.createDocumentFragment();
      organisations.forEach(function (o) { options.appendChild(new Option(o[1], o[0])); });
      select.appendChild(options);
    }
    ["focus", "pointerdown", "keydown"].forEach(function (type) { select.addEventListener(type, fill); });
    (window.requestIdleCallback || function (callback) { window.setTimeout(callback, 200); })(fill);
    return fill;
  }

  function start(data) {
    data.fields.forEach(function (name, i) { F[name] = i; });
    Object.keys(data.codes || {}).forEach(function (field) {
      codes[field] = {};
      data.codes[field].forEach(function (value, i) { codes[field][value] = String(i); });
    });
    patterns = data.patterns;
    names = { category: optionNames(form.elements.category), maturity: optionNames(form.elements.maturity) };
    var fillOrganisations = organisationOptions(data.organisations || []);
    var params = new URLSearchParams(window.location.search);
    if (params.get("organisation")) { fillOrganisations(); }
    fields.forEach(function (name) {
      var value = params.get(name);
      var select = form.elements[name];
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    });
    if (panel) {
      // Open on wide screens, folded on narrow ones; follows the width if it changes.
      var wide = window.matchMedia("(min-width: 45em)");
      var fit = function () { panel.open = wide.matches; };
      fit();
      if (wide.addEventListener) { wide.addEventListener("change", fit); }
      panel.hidden = false;
    }
    form.hidden = false;
    form.addEventListener("change", function () { apply(read(), true); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(read(), true); }, 0);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    // Show more: focus moves to the first new row's link, as the button may now be gone.
    more.addEventListener("click", function () {
      var first = showMore();
      if (first) { first.querySelector("a").focus(); }
    });
    // Opened unfiltered, the page's own rows are the first page of the view: kept as they are.
    var state = read();
    var unfiltered = fields.every(function (name) { return !state[name] || (name === "sort" && state[name] === "reuse"); });
    apply(state, false, unfiltered && body.rows.length === Math.min(PAGE, patterns.length));
    var all = document.getElementById("pc-all-patterns");
    if (all) { all.hidden = true; }  // every pattern is here now, by filters and Show more
    table.dataset.ready = "true";  // filters shown and working over every pattern
    // When that was, for benchmarks/: the page is interactive from here.
    if (window.performance && performance.mark) { performance.mark("pc-catalogue-ready"); }
  }

  fetch(table.dataset.src).then(function (response) {
    if (!response.ok) { throw new Error("HTTP " + response.status); }
    return response.json();
  }).then(start).catch(function () {
    var failed = document.getElementById("pc-load-failed");
    if (failed) { failed.hidden = false; }
  });
})();

/* Search page: queries the Pagefind index (site/pagefind/, built after MkDocs) as the reader
   types, keeps the query in the address bar, and shows each result's title, kind and excerpt.
   Result text is built with textContent only: an excerpt is parsed in an inert document and
   only its text and <mark> highlights are copied, so no markup from a page can run here. */
(function () {
  "use strict";
  var box = document.getElementById("pc-search");
  if (!box) { return; }
  var form = document.getElementById("pc-search-form");
  var input = document.getElementById("pc-search-q");
  var status = document.getElementById("pc-search-status");
  var list = document.getElementById("pc-search-results");
  var more = document.getElementById("pc-search-more");
  // The site's root folder: data-root links to the home page, which is index.html when the site
  // is built without directory URLs; Pagefind's result addresses are relative to this folder.
  var root = new URL("./", new URL(box.dataset.root, window.location.href));
  var KINDS = [["patterns/", "Pattern"], ["organisations/", "Organisation"], ["categories/", "Category"],
               ["guide/", "Guide"]];
  var PAGE = 10;
  // latest: the newest query's number; owner: the number of the query `results` belong to.
  var engine = null, latest = 0, owner = 0, shown = 0, results = [], timer = null;

  // A large catalogue's index is in shards: pagefind/catalogue-shards.json lists the folders of
  // the others, which are merged into the first and searched with it as one ranked list.
  function shardFolders(bundle) {
    return fetch(new URL("catalogue-shards.json", bundle).href).then(function (response) {
      if (!response.ok) { throw new Error("HTTP " + response.status); }
      return response.json();
    }).then(function (folders) {
      return folders.filter(function (f) { return /^shard-[0-9]+\/$/.test(f); });
    });
  }

  function load() {
    if (!engine) {
      var bundle = new URL(box.dataset.bundle, window.location.href);
      var settings = { baseUrl: root.pathname, excerptLength: 24 };
      engine = Promise.all([import(bundle.href), shardFolders(bundle)]).then(function (loaded) {
        var pf = loaded[0];
        return pf.options(settings).then(function () {
          return Promise.all(loaded[1].map(function (folder) {
            return pf.mergeIndex(new URL(folder, bundle).pathname, settings);
          }));
        }).then(function () { return pf; });
      }).catch(function (error) {
        engine = null;  // try again on the next query: the network may be back
        throw error;
      });
    }
    return engine;
  }

  function kind(url) {
    var path = new URL(url, root).pathname.slice(root.pathname.length);
    for (var i = 0; i < KINDS.length; i += 1) {
      if (path.indexOf(KINDS[i][0]) === 0 && path.length > KINDS[i][0].length) { return KINDS[i][1]; }
    }
    return "Page";
  }

  function excerpt(target, html) {
    var doc = new DOMParser().parseFromString("<body>" + html, "text/html");
    Array.prototype.forEach.call(doc.body.childNodes, function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        target.appendChild(mark);
      } else {
        target.appendChild(document.createTextNode(node.textContent));
      }
    });
    return target;
  }

  function fill(li, data) {
    var link = document.createElement("a");
    link.href = data.url;
    link.textContent = (data.meta && data.meta.title) || data.url;
    var label = document.createElement("span");
    label.className = "pc-search__kind";
    label.textContent = kind(data.url);
    var heading = document.createElement("p");
    heading.className = "pc-search__title";
    heading.append(link, " ", label);
    li.appendChild(heading);
    li.appendChild(excerpt(document.createElement("p"), data.excerpt || ""));
    var sections = (data.sub_results || []).filter(function (s) { return s.url.indexOf("#") > 0; }).slice(0, 3);
    if (sections.length) {
      var sub = document.createElement("ul");
      sub.className = "pc-search__sections";
      sections.forEach(function (s) {
        var entry = document.createElement("li");
        var a = document.createElement("a");
        a.href = s.url;
        a.textContent = s.title;
        entry.append(a, ": ");
        excerpt(entry, s.excerpt || "");
        sub.appendChild(entry);
      });
      li.appendChild(sub);
    }
  }

  // Each result's title and excerpt are in a small file of its own. The best result's is fetched
  // first, so it is on screen as soon as possible; the rest follow together, in order. The list
  // is aria-busy until the whole batch is in.
  function showNext(token) {
    var start = shown;
    var batch = results.slice(shown, shown + PAGE);
    shown += batch.length;
    more.hidden = shown >= results.length;
    list.setAttribute("aria-busy", "true");
    var slots = batch.map(function () {
      var li = document.createElement("li");
      li.className = "pc-search__result";
      li.hidden = true;
      list.appendChild(li);
      return li;
    });
    function show(i) {
      return batch[i].data().then(function (data) {
        if (token !== latest) { return; }
        fill(slots[i], data);
        slots[i].hidden = false;
      });
    }
    var first = batch.length ? show(0) : Promise.resolve();
    return first.then(function () {
      return Promise.all(batch.slice(1).map(function (_, i) { return show(i + 1); }));
    }).then(function () {
      if (token === latest) { list.removeAttribute("aria-busy"); }
      return start;
    });
  }

  function run(query, push) {
    var token = latest += 1;
    query = query.trim();
    more.hidden = true;  // until this query's results are in: it would show the last query's
    if (push) {
      var url = new URL(window.location.href);
      if (query) { url.searchParams.set("q", query); } else { url.searchParams.delete("q"); }
      history.replaceState(null, "", url.pathname + url.search + url.hash);
    }
    if (!query) {
      list.replaceChildren(); list.removeAttribute("aria-busy"); status.textContent = "";
      return Promise.resolve();
    }
    return load().then(function (pf) { return pf.search(query); }).then(function (search) {
      if (token !== latest) { return; }
      results = search.results; shown = 0; owner = token;
      list.replaceChildren();
      status.textContent = results.length === 0 ? "No results for \u201c" + query + "\u201d."
        : results.length + (results.length === 1 ? " result" : " results") + " for \u201c" + query + "\u201d.";
      return showNext(token);
    }).catch(function (error) {
      if (token !== latest) { return; }
      list.removeAttribute("aria-busy");
      status.textContent = "Search is not available: the search index could not be loaded (" + error.message + ").";
    });
  }

  form.addEventListener("submit", function (event) { event.preventDefault(); run(input.value, true); });
  input.addEventListener("input", function () {
    // Fetch the index chunks for the words so far while the reader is still typing.
    var words = input.value.trim();
    if (words) { load().then(function (pf) { return pf.preload(words); }).catch(function () {}); }
    window.clearTimeout(timer);
    timer = window.setTimeout(function () { run(input.value, true); }, 150);
  });
  // Show more: focus moves to the first of the new results, as the button may now be gone.
  more.addEventListener("click", function () {
    if (owner !== latest) { return; }
    showNext(owner).then(function (start) {
      var link = owner === latest && list.children[start] && list.children[start].querySelector("a");
      if (link) { link.focus(); }
    });
  });
  var initial = new URLSearchParams(window.location.search).get("q") || "";
  input.value = initial;
  var header = document.getElementById("pc-header-q");
  if (header) { header.value = initial; }
  // Load the search engine and the index's metadata now, not on the first query; data-ready
  // says when that is done (a preload of no word loads them and nothing else).
  load().then(function (pf) { return pf.preload(""); }).then(function () {
    box.dataset.ready = "true";
  }).catch(function () {});
  if (initial) { run(initial, false); }
})();
