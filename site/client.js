// The docs site's behaviour, loaded by every page: menu on phones, light/dark
// toggle (remembered in localStorage), TypeScript/curl tabs on code samples
// (remembered too) and status tabs on response samples, copy buttons on code, and offline search
// with MiniSearch over the index built with the site (assets/search-index.js).
(function () {
  "use strict";
  var root = document.body.getAttribute("data-root") || "";

  // Menu: the sidebar is a drawer on narrow screens.
  var menu = document.querySelector(".menu-toggle");
  if (menu) {
    menu.addEventListener("click", function () {
      var open = document.body.classList.toggle("nav-open");
      menu.setAttribute("aria-expanded", String(open));
    });
  }

  // Theme: the boot script in <head> already applied the saved or system choice.
  var toggle = document.querySelector(".theme-toggle");
  function showTheme() {
    var dark = document.documentElement.getAttribute("data-theme") === "dark";
    toggle.setAttribute("aria-pressed", String(dark));
  }
  if (toggle) {
    showTheme();
    toggle.addEventListener("click", function () {
      var next = document.documentElement.getAttribute("data-theme") === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try {
        localStorage.setItem("apigen-theme", next);
      } catch {
        /* private mode: the choice lasts this page */
      }
      showTheme();
    });
  }

  // Tabs: an operation's samples (TypeScript / curl: one choice for every
  // operation on the page, remembered across pages) and its response samples
  // (one per status). ARIA tabs with arrow, Home and End keys. Without this
  // script the page shows every sample under its heading, as the markdown does.
  var LANG_KEY = "apigen-code-lang";
  var groups = Array.prototype.slice.call(document.querySelectorAll(".code-tabs"));
  var languageGroups = groups.filter(function (g) {
    return g.getAttribute("data-tabs") === "language";
  });
  function select(group, key) {
    if (!group.querySelector('.code-tab[data-key="' + key + '"]')) return false;
    Array.prototype.forEach.call(group.querySelectorAll(".code-tab"), function (panel) {
      var on = panel.getAttribute("data-key") === key;
      panel.hidden = !on;
      var tab = document.getElementById(panel.getAttribute("aria-labelledby"));
      tab.setAttribute("aria-selected", String(on));
      tab.tabIndex = on ? 0 : -1;
    });
    return true;
  }
  function showLang(lang) {
    var any = false;
    languageGroups.forEach(function (group) {
      any = select(group, lang) || any;
    });
    if (any) document.documentElement.setAttribute("data-code-lang", lang);
  }
  function choose(group, key, tab) {
    if (group.getAttribute("data-tabs") !== "language") return void select(group, key);
    // Keep the chosen tab where it is on screen while samples above it change height.
    var before = tab.getBoundingClientRect().top;
    showLang(key);
    window.scrollBy(0, tab.getBoundingClientRect().top - before);
    try {
      localStorage.setItem(LANG_KEY, key);
    } catch {
      /* private mode: the choice lasts this page */
    }
  }
  groups.forEach(function (group, g) {
    var panels = Array.prototype.slice.call(group.querySelectorAll(".code-tab"));
    var list = document.createElement("div");
    list.className = "code-tablist";
    list.setAttribute("role", "tablist");
    list.setAttribute("aria-label", group.getAttribute("data-tabs-label"));
    var tabs = panels.map(function (panel) {
      var key = panel.getAttribute("data-key");
      var tab = document.createElement("button");
      tab.type = "button";
      tab.id = "tab-" + g + "-" + key;
      tab.setAttribute("role", "tab");
      tab.setAttribute("aria-controls", (panel.id = "tabpanel-" + g + "-" + key));
      tab.textContent = panel.getAttribute("data-label");
      panel.setAttribute("role", "tabpanel");
      panel.setAttribute("aria-labelledby", tab.id);
      tab.addEventListener("click", function () {
        choose(group, key, tab);
      });
      list.appendChild(tab);
      return tab;
    });
    list.addEventListener("keydown", function (event) {
      var at = tabs.indexOf(document.activeElement);
      var to =
        event.key === "ArrowRight"
          ? (at + 1) % tabs.length
          : event.key === "ArrowLeft"
            ? (at - 1 + tabs.length) % tabs.length
            : event.key === "Home"
              ? 0
              : event.key === "End"
                ? tabs.length - 1
                : -1;
      if (at === -1 || to === -1) return;
      event.preventDefault();
      tabs[to].focus();
      tabs[to].click();
    });
    group.insertBefore(list, group.firstChild);
    group.classList.add("tabbed");
    select(group, panels[0].getAttribute("data-key"));
  });
  if (groups.length > 0) {
    var saved = null;
    try {
      saved = localStorage.getItem(LANG_KEY);
    } catch {
      /* no storage: TypeScript first */
    }
    if (saved) showLang(saved);
    // A link to a heading inside a tab (#curl-2, #response-404) shows that tab, without changing the saved choice.
    var showTarget = function () {
      var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
      var panel = target && target.closest && target.closest(".code-tab");
      if (!panel || !panel.hidden) return;
      var group = panel.parentElement;
      if (group.getAttribute("data-tabs") === "language") showLang(panel.getAttribute("data-key"));
      else select(group, panel.getAttribute("data-key"));
      panel.scrollIntoView();
    };
    showTarget();
    window.addEventListener("hashchange", showTarget);
    // Another window of the site changed the choice.
    window.addEventListener("storage", function (event) {
      if (event.key === LANG_KEY && event.newValue) showLang(event.newValue);
    });
  }

  // Copy buttons on every code block.
  document.querySelectorAll("pre > code").forEach(function (code) {
    var pre = code.parentElement;
    var wrap = document.createElement("div");
    wrap.className = "code-block";
    pre.parentNode.insertBefore(wrap, pre);
    wrap.appendChild(pre);
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy";
    button.textContent = "Copy";
    button.setAttribute("aria-label", "Copy code");
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(
        function () {
          button.textContent = "Copied";
          setTimeout(function () {
            button.textContent = "Copy";
          }, 1500);
        },
        function () {
          button.textContent = "Press Ctrl+C";
        },
      );
    });
    wrap.appendChild(button);
  });

  // Search.
  var input = document.getElementById("search-input");
  var results = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var data = window.APIGEN_SEARCH;
  if (!input || !results || !data || !window.MiniSearch) return;
  var index = window.MiniSearch.loadJSON(data.index, data.options);
  function render(query) {
    results.textContent = "";
    if (query.trim() === "") {
      results.hidden = true;
      status.textContent = "";
      return;
    }
    var hits = index.search(query, { prefix: true, fuzzy: 0.2, boost: { title: 3, summary: 2 } }).slice(0, 12);
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = root + hit.url;
      if (hit.method) {
        var badge = document.createElement("span");
        badge.className = "method method-" + hit.method.toLowerCase();
        badge.textContent = hit.method;
        a.appendChild(badge);
        a.appendChild(document.createTextNode(" "));
      }
      a.appendChild(document.createTextNode(hit.title));
      var meta = document.createElement("span");
      meta.className = "hit-meta";
      meta.textContent = hit.provider + " · " + hit.kind + (hit.summary ? " · " + hit.summary : "");
      a.appendChild(meta);
      li.appendChild(a);
      results.appendChild(li);
    });
    if (hits.length === 0) {
      var none = document.createElement("li");
      none.className = "empty";
      none.textContent = "No results";
      results.appendChild(none);
    }
    status.textContent = hits.length === 1 ? "1 result" : hits.length + " results";
    results.hidden = false;
  }
  input.addEventListener("input", function () {
    render(input.value);
  });
  input.addEventListener("keydown", function (event) {
    var first = results.querySelector("a");
    if (event.key === "Enter" && first) {
      event.preventDefault();
      first.click();
    }
    if (event.key === "ArrowDown" && first) {
      event.preventDefault();
      first.focus();
    }
    if (event.key === "Escape") {
      results.hidden = true;
    }
  });
  results.addEventListener("keydown", function (event) {
    var links = Array.prototype.slice.call(results.querySelectorAll("a"));
    var at = links.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < links.length - 1) {
      event.preventDefault();
      links[at + 1].focus();
    }
    if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? links[at - 1] : input).focus();
    }
    if (event.key === "Escape") {
      results.hidden = true;
      input.focus();
    }
  });
})();
