// Progressive enhancement only: every page can be read without this file.
(function () {
  "use strict";

  function $(root, selector) { return root.querySelector(selector); }
  function $all(root, selector) { return Array.prototype.slice.call(root.querySelectorAll(selector)); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text !== undefined) { node.textContent = text; }
    return node;
  }
  function percent(share) { return Math.round(share * 100) + "%"; }

  // Messages come translated in each page (#lp-messages), keyed by their English text.
  var MESSAGES = (function () {
    var node = document.getElementById("lp-messages");
    try { return node ? JSON.parse(node.textContent) : {}; } catch (e) { return {}; }
  })();
  function t(message, params) {
    return (MESSAGES[message] || message).replace(/%\((\w+)\)s/g, function (all, key) {
      return params && Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : all;
    });
  }

  // Level-to-level picker: two selects that jump straight to the static comparison page.
  function setUpPicker(form) {
    var order = form.getAttribute("data-order").split(" ");
    var base = form.getAttribute("data-base");
    var error = $(form, "[data-picker-error]");
    form.hidden = false;
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var a = form.elements.a.value;
      var b = form.elements.b.value;
      if (a === b) {
        error.textContent = t("Choose two different levels.");
        form.elements.b.focus();
        return;
      }
      error.textContent = "";
      if (order.indexOf(a) > order.indexOf(b)) { var swap = a; a = b; b = swap; }
      window.location.href = base + encodeURIComponent(a) + "/" + encodeURIComponent(b) + "/";
    });
  }

  // Everything a level expects in each competency, from a framework's JSON export.
  // A level's typical time: its text, or a range of months (whole years when both are).
  function timeText(value) {
    if (!value || typeof value === "string") { return value || ""; }
    var low = value.min_months, high = value.max_months;
    if (low == null && high == null) { return ""; }
    var years = [low, high].filter(function (m) { return m; }).every(function (m) { return m % 12 === 0; });
    var size = years ? 12 : 1;
    var values = {min: Math.floor((low || 0) / size), max: Math.floor((high || 0) / size)};
    if (low != null && high != null) {
      return years ? t("%(min)s to %(max)s years", values) : t("%(min)s to %(max)s months", values);
    }
    if (high == null) {
      return years ? t("At least %(min)s years", values) : t("At least %(min)s months", values);
    }
    return years ? t("Up to %(max)s years", values) : t("Up to %(max)s months", values);
  }

  function expectedByCompetency(framework, levelId) {
    var level = framework.levels.filter(function (l) { return l.id === levelId; })[0];
    var chain = framework.cumulative ? (level.below || []).concat([levelId]) : [levelId];
    return framework.competencies.map(function (competency) {
      var expectations = competency.expectations || {};
      var statements = [];
      chain.forEach(function (id) { statements = statements.concat(expectations[id] || []); });
      var replaced = {};
      statements.forEach(function (s) { if (s.evolves) { replaced[s.evolves] = true; } });
      return {
        competency: competency,
        statements: statements.filter(function (s) { return !replaced[s.id]; })
      };
    });
  }

  function setUpOrgsPicker(form) {
    var result = $(document, "[data-orgs-result]");
    var root = result.getAttribute("data-site-root");
    var error = $(form, "[data-picker-error]");
    var cache = {};
    form.hidden = false;

    function load(url) {
      if (!cache[url]) {
        cache[url] = fetch(url).then(function (response) {
          if (!response.ok) { throw new Error(url + ": " + response.status); }
          return response.json();
        });
      }
      return cache[url];
    }

    function column(framework, levelId) {
      var level = framework.levels.filter(function (l) { return l.id === levelId; })[0];
      var side = el("section", "orgs-side");
      var heading = el("h2");
      var link = el("a", "", level.name);
      link.href = root + level.url;
      heading.appendChild(link);
      side.appendChild(el("p", "eyebrow", framework.organisation.name + " · " + framework.title));
      side.appendChild(heading);
      var facts = [];
      if (level.position !== undefined) { facts.push(t("Reference position %(position)s", {position: level.position})); }
      var time = timeText(level.time_at_level);
      if (time) { facts.push(t("%(time)s at level", {time: time})); }
      if (facts.length) { side.appendChild(el("p", "small", facts.join(" · "))); }
      if (level.scope) { side.appendChild(el("p", "orgs-scope", level.scope)); }
      expectedByCompetency(framework, levelId).forEach(function (entry) {
        if (!entry.statements.length) { return; }
        side.appendChild(el("h3", "", entry.competency.name));
        var list = el("ul", "plain-list");
        entry.statements.forEach(function (s) {
          var item = el("li");
          item.innerHTML = s.html; // produced by the site's own sanitising Markdown renderer
          list.appendChild(item);
        });
        side.appendChild(list);
      });
      return side;
    }

    function show() {
      var choices = ["a", "b"].map(function (name) {
        var select = form.elements[name];
        var option = select.options[select.selectedIndex];
        var parts = select.value.split("/");
        return { json: option.getAttribute("data-json"), level: parts[1] };
      });
      if (form.elements.a.value === form.elements.b.value) {
        error.textContent = t("Choose two different levels.");
        return;
      }
      error.textContent = "";
      var query = "?a=" + encodeURIComponent(form.elements.a.value) +
        "&b=" + encodeURIComponent(form.elements.b.value);
      history.replaceState(null, "", query);
      result.textContent = t("Loading…");
      Promise.all(choices.map(function (c) { return load(c.json); })).then(function (frameworks) {
        result.textContent = "";
        var grid = el("div", "orgs-grid");
        grid.appendChild(column(frameworks[0], choices[0].level));
        grid.appendChild(column(frameworks[1], choices[1].level));
        result.appendChild(grid);
      }).catch(function () {
        result.textContent = t("The frameworks could not be loaded. Check your connection and try again.");
      });
    }

    var params = new URLSearchParams(window.location.search);
    ["a", "b"].forEach(function (name) {
      if (params.get(name)) { form.elements[name].value = params.get(name); }
    });
    if (!params.get("b") && form.elements.b.options.length > 1 && form.elements.a.value === form.elements.b.value) {
      form.elements.b.selectedIndex = Math.min(form.elements.b.options.length - 1, form.elements.a.selectedIndex + 1);
    }
    form.addEventListener("submit", function (event) { event.preventDefault(); show(); });
    if (params.get("a") && params.get("b")) { show(); }
  }

  // Self-assessment: ticks live in the URL fragment and in local storage only.
  function encodeTicks(ids, ticked) {
    var bytes = new Uint8Array(Math.ceil(ids.length / 8));
    ids.forEach(function (id, i) { if (ticked[id]) { bytes[i >> 3] |= 1 << (i & 7); } });
    var text = "";
    bytes.forEach(function (b) { text += String.fromCharCode(b); });
    return btoa(text).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function decodeTicks(ids, encoded) {
    var ticked = {};
    try {
      var text = atob(encoded.replace(/-/g, "+").replace(/_/g, "/"));
      ids.forEach(function (id, i) {
        var code = text.charCodeAt(i >> 3);
        if (code & (1 << (i & 7))) { ticked[id] = true; }
      });
    } catch (e) { return {}; }
    return ticked;
  }

  function assess(data, ticked, track) {
    // A competency's share of a level, or null where it does not count: it expects nothing
    // there. Below data.min_met statements met (or all, in a smaller cell) it counts as 0.
    function coverage(competency, levelId) {
      var expected = competency.expected[levelId] || [];
      if (!expected.length) { return null; }
      var met = expected.filter(function (id) { return ticked[id]; }).length;
      return met >= Math.min(data.min_met, expected.length) ? met / expected.length : 0;
    }
    // The highest level met, lowest first, stopping at the first one not met. A level that
    // expects nothing (null) is passed over once a lower one is met, and never fits alone.
    function fitIndex(shares) {
      var fit = -1, met = false;
      for (var i = 0; i < shares.length; i++) {
        if (shares[i] === null) { if (met) { fit = i; } continue; }
        if (shares[i] < data.threshold) { break; }
        met = true;
        fit = i;
      }
      return fit;
    }
    var levels = track.levels;
    var competencies = data.competencies.filter(function (c) { return c.tracks.indexOf(track.id) !== -1; });
    var rows = competencies.map(function (competency) {
      var shares = levels.map(function (l) { return coverage(competency, l); });
      return { competency: competency, shares: shares, fit: fitIndex(shares) };
    });
    var overall = levels.map(function (l, i) {
      var weight = 0, sum = 0;
      rows.forEach(function (row) {
        if (row.shares[i] === null) { return; }
        weight += row.competency.weight;
        sum += row.competency.weight * row.shares[i];
      });
      return weight ? sum / weight : 0;
    });
    return { levels: levels, rows: rows, overall: overall, fit: fitIndex(overall) };
  }

  function setUpSelfAssessment(form) {
    var data = JSON.parse($(document, "#sa-data").textContent);
    var boxes = $all(form, "[data-sa-statement]");
    var controls = $(document, "[data-sa-controls]");
    var panel = $(document, "[data-sa-result]");
    var trackSelect = $(document, "[data-sa-track]");
    var status = $(document, "[data-sa-status]");
    var storageKey = "ladderpress:self-assessment:" + data.slug;
    controls.hidden = false;
    panel.hidden = false;

    function ticked() {
      var found = {};
      boxes.forEach(function (box) { if (box.checked) { found[box.value] = true; } });
      return found;
    }
    function currentTrack() {
      var id = trackSelect ? trackSelect.value : data.tracks[0].id;
      return data.tracks.filter(function (t) { return t.id === id; })[0] || data.tracks[0];
    }
    function labelOf(id) {
      var label = $(form, "label[for='in-" + id + "']");
      return label ? label.textContent : id;
    }

    function save() {
      var state = "answers=" + encodeTicks(data.statements, ticked()) + "&track=" + encodeURIComponent(currentTrack().id);
      history.replaceState(null, "", "#" + state);
      try { window.localStorage.setItem(storageKey, state); } catch (e) { /* storage may be disabled */ }
    }

    function restore() {
      var state = window.location.hash.replace(/^#/, "");
      if (state.indexOf("answers=") === -1) {
        try { state = window.localStorage.getItem(storageKey) || ""; } catch (e) { state = ""; }
      }
      var params = new URLSearchParams(state);
      var answers = decodeTicks(data.statements, params.get("answers") || "");
      boxes.forEach(function (box) { box.checked = !!answers[box.value]; });
      if (trackSelect && params.get("track")) { trackSelect.value = params.get("track"); }
    }

    function render() {
      var track = currentTrack();
      // What other tracks expect leaves the checklist (and a printed copy), as it leaves
      // the result: their levels, their competencies, and categories left empty.
      $all(form, "[data-sa-level]").forEach(function (fieldset) {
        fieldset.hidden = track.levels.indexOf(fieldset.getAttribute("data-sa-level")) === -1;
      });
      $all(form, "[data-sa-tracks]").forEach(function (section) {
        var onTrack = section.getAttribute("data-sa-tracks").split(" ").indexOf(track.id) !== -1;
        section.hidden = !onTrack || !$all(section, "[data-sa-level]").some(function (f) { return !f.hidden; });
      });
      $all(form, "[data-sa-category]").forEach(function (section) {
        section.hidden = !$all(section, "[data-sa-tracks]").some(function (c) { return !c.hidden; });
      });
      var result = assess(data, ticked(), track);
      var names = data.levels;
      var summary = $(panel, "[data-sa-summary]");
      var rows = $(panel, "[data-sa-rows]");
      var gap = $(panel, "[data-sa-gap]");
      summary.textContent = "";
      rows.textContent = "";
      gap.textContent = "";

      var fitName = result.fit >= 0 ? names[result.levels[result.fit]] : null;
      var lead = el("p", "sa-fit");
      if (fitName) {
        var fit = {level: fitName, share: percent(result.overall[result.fit]), track: track.name};
        lead.textContent = data.tracks.length > 1 ?
          t("Best fit on the %(track)s track: %(level)s (%(share)s of what it expects).", fit) :
          t("Best fit: %(level)s (%(share)s of what it expects).", fit);
      } else {
        lead.textContent = t("You meet %(share)s of what %(level)s expects; a level fits from %(threshold)s.", {
          share: percent(result.overall[0]), level: names[result.levels[0]], threshold: percent(data.threshold)
        });
      }
      summary.appendChild(lead);

      result.rows.forEach(function (row) {
        var tr = el("tr");
        tr.appendChild(el("th", "", row.competency.name)).setAttribute("scope", "row");
        // The next level that expects something of this competency, above its fit.
        var next = row.fit + 1;
        while (next < row.shares.length && row.shares[next] === null) { next++; }
        tr.appendChild(el("td", "", row.fit >= 0 ? names[result.levels[row.fit]] : t("Not yet %(level)s", {level: names[result.levels[Math.min(next, result.levels.length - 1)]]})));
        tr.appendChild(el("td", "", next < result.levels.length ? t("%(share)s of %(level)s", {share: percent(row.shares[next]), level: names[result.levels[next]]}) : t("Top of the track")));
        rows.appendChild(tr);
      });

      var nextIndex = result.fit + 1;
      if (nextIndex >= result.levels.length) {
        gap.appendChild(el("p", "", t("You meet what the top level of this track expects.")));
        return;
      }
      var nextLevel = result.levels[nextIndex];
      var heading = el("h3", "", t("To reach %(level)s (%(share)s met)", {level: names[nextLevel], share: percent(result.overall[nextIndex])}));
      gap.appendChild(heading);
      var answers = ticked();
      var list = el("ul", "sa-gap-list");
      var missing = 0;
      result.rows.forEach(function (row) {
        var competency = row.competency;
        var open = (competency.expected[nextLevel] || []).filter(function (id) { return !answers[id]; });
        if (!open.length) { return; }
        missing += open.length;
        var item = el("li");
        item.appendChild(el("strong", "", competency.name + " (" + open.length + ")"));
        var inner = el("ul");
        open.forEach(function (id) {
          var li = el("li");
          var link = el("a", "", labelOf(id));
          link.href = "#t-" + id;
          li.appendChild(link);
          inner.appendChild(li);
        });
        item.appendChild(inner);
        list.appendChild(item);
      });
      if (missing) { gap.appendChild(list); }
    }

    restore();
    render();
    form.addEventListener("change", function () { save(); render(); });
    if (trackSelect) { trackSelect.addEventListener("change", function () { save(); render(); }); }
    $(document, "[data-sa-clear]").addEventListener("click", function () {
      boxes.forEach(function (box) { box.checked = false; });
      save(); render();
      status.textContent = t("Answers cleared.");
    });
    $(document, "[data-sa-print]").addEventListener("click", function () { window.print(); });
    $(document, "[data-sa-copy]").addEventListener("click", function () {
      save();
      var done = function () { status.textContent = t("Link copied. Anyone with it sees these answers."); };
      var fail = function () { status.textContent = t("Copy the address from your browser's address bar to share these answers."); };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(window.location.href).then(done, fail);
      } else { fail(); }
    });
  }

  // Directory: filter and sort the cards already on the page.
  function setUpFilters(form) {
    var list = $(document, "[data-cards]");
    var cards = $all(list, "[data-card]");
    var status = $(form, "[data-filter-status]");
    var count = $(document, "[data-count]");
    var text = $(form, "[data-filter-text]");
    form.hidden = false;

    function apply() {
      var shown = 0;
      var needle = text.value.trim().toLowerCase();
      cards.forEach(function (card) {
        var visible = $all(form, "[data-filter]").every(function (select) {
          if (!select.value) { return true; }
          var key = select.getAttribute("data-filter");
          return (" " + card.getAttribute("data-" + key) + " ").indexOf(" " + select.value + " ") !== -1;
        }) && (!needle || card.getAttribute("data-name").indexOf(needle) !== -1);
        card.hidden = !visible;
        if (visible) { shown += 1; }
      });
      var sort = $(form, "[data-sort]").value;
      cards.slice().sort(function (a, b) {
        if (sort === "reviewed") {
          return b.getAttribute("data-reviewed").localeCompare(a.getAttribute("data-reviewed"));
        }
        return a.getAttribute("data-name").localeCompare(b.getAttribute("data-name"));
      }).forEach(function (card) { list.appendChild(card); });
      count.textContent = "(" + (shown === cards.length ? shown : shown + "/" + cards.length) + ")";
      status.textContent = shown === cards.length ? "" :
        t("%(shown)s of %(total)s frameworks match.", {shown: shown, total: cards.length});
    }
    form.addEventListener("input", apply);
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
  }

  // Search page: Pagefind's own interface, told where the site root is.
  function setUpSearch(container) {
    if (typeof window.PagefindUI !== "function") {
      container.textContent = t("Search is not available right now.");
      return;
    }
    var root = new URL(container.getAttribute("data-site-root"), window.location.href).pathname;
    // A large directory is indexed in several bundles, searched as one.
    var merged = (container.getAttribute("data-merge") || "").split(" ").filter(Boolean)
      .map(function (path) {
        return { bundlePath: new URL(path, window.location.href).pathname, baseUrl: root };
      });
    var ui = new window.PagefindUI({
      element: container,
      bundlePath: new URL(container.getAttribute("data-bundle"), window.location.href).pathname,
      mergeIndex: merged,
      baseUrl: root,
      showSubResults: true,
      showImages: false,
      resetStyles: false
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) { ui.triggerSearch(query); }
  }

  $all(document, "form[data-picker]").forEach(setUpPicker);
  $all(document, "form[data-filters]").forEach(setUpFilters);
  $all(document, "[data-search]").forEach(setUpSearch);
  $all(document, "form[data-orgs-picker]").forEach(setUpOrgsPicker);
  $all(document, "form[data-sa-form]").forEach(setUpSelfAssessment);
})();
