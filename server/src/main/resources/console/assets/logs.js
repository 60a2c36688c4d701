// The Logs page: the Monaco KQL editor (highlighting, completion from the workspace's catalog, errors
// underlined as you type, from the server's explain service), run and cancel with the elapsed time (a query that
// shows its first rows while it still runs counts on until it ends), the result as a table or a chart, query history
// and saved queries, and a link that restores the query. Without this script the page still works with its plain
// text area.
(function () {
  "use strict";

  var root = document.querySelector(".logs");
  if (!root) {
    return;
  }
  var form = document.getElementById("query-form");
  var textarea = document.getElementById("query-text");
  var timespan = document.getElementById("timespan");
  var cancel = document.getElementById("cancel-button");
  var elapsed = document.getElementById("elapsed");
  var share = document.getElementById("share-link");
  var diagnostics = document.getElementById("query-diagnostics");
  var editor = null;

  function query() {
    return editor ? editor.getValue() : textarea.value;
  }

  function shareHref() {
    var params = new URLSearchParams();
    params.set("query", query());
    params.set("timespan", timespan.value);
    return window.location.pathname + "?" + params.toString();
  }

  function refreshShareLink() {
    share.setAttribute("href", shareHref());
  }

  // --- run, cancel, elapsed time ---

  var timer = null;
  var started = 0;
  var runningId = null;

  // The query's id, chosen here so that Cancel can name it while the server runs it. getRandomValues, not
  // randomUUID: the latter exists only on https or localhost pages.
  function newQueryId() {
    var bytes = new Uint8Array(16);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  var results = document.getElementById("results");

  // Whether the shown result's query still runs: its summary then asks the server how far it got.
  function stillRunning() {
    return !!results.querySelector("[data-running]");
  }

  // Stops a query of this page on the server; false if the server no longer runs it (it ended, or waits for a place).
  function stopOnServer(id) {
    return fetch(root.getAttribute("data-queries") + "/" + encodeURIComponent(id), {
      method: "DELETE",
      credentials: "same-origin",
      headers: { "X-CSRF-Token": window.vigilConsole.csrfToken() }
    }).then(function (response) { return response.ok; }, function () { return false; });
  }

  form.addEventListener("htmx:configRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    if (runningId && stillRunning()) {
      // a new run replaces the results of the one still running, which nobody would see any more
      stopOnServer(runningId);
    }
    runningId = newQueryId();
    showTable = false;
    event.detail.parameters.queryId = runningId;
    event.detail.parameters.query = query();
  });

  form.addEventListener("htmx:beforeRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    textarea.value = query();
    inFlight = true;
    started = performance.now();
    elapsed.textContent = "0.0 s";
    window.clearInterval(timer);
    timer = window.setInterval(function () {
      elapsed.textContent = ((performance.now() - started) / 1000).toFixed(1) + " s";
    }, 100);
    cancel.disabled = false;
    window.history.replaceState(null, "", shareHref());
  });

  function finished() {
    inFlight = false;
    window.clearInterval(timer);
    cancel.disabled = true;
    runningId = null;
  }

  var inFlight = false;

  // The run's answer is in place (htmx swaps before this event): done, unless the query still runs.
  form.addEventListener("htmx:afterRequest", function (event) {
    if (event.target !== form) {
      return;
    }
    inFlight = false;
    if (!event.detail.successful || !stillRunning()) {
      finished();
    }
  });

  // An answer to how far the query got is in place: done when nothing runs any more.
  document.addEventListener("htmx:afterSettle", function () {
    if (!inFlight && runningId && !stillRunning()) {
      finished();
    }
    applyView();
  });

  // An answer for a part of the results that is gone (the user paged, sorted or ran again meanwhile) is dropped.
  document.addEventListener("htmx:beforeSwap", function (event) {
    var source = event.detail.requestConfig && event.detail.requestConfig.elt;
    if (source && !source.isConnected) {
      event.detail.shouldSwap = false;
    }
  });

  form.addEventListener("htmx:abort", function () {
    finished();
    results.innerHTML = '<p class="muted">Query cancelled.</p>';
  });

  // Cancel stops the query on the server, whose answer to the run (or to the question how far it got) then says
  // so. A query the server does not list (still waiting for a place to run) is let go instead: the server notices
  // the closed connection.
  cancel.addEventListener("click", function () {
    if (!runningId) {
      return;
    }
    var id = runningId;
    cancel.disabled = true;
    stopOnServer(id).then(function (stopped) {
      if (!stopped && runningId === id && !stillRunning()) {
        window.htmx.trigger(form, "htmx:abort");
      }
    });
  });

  // --- the result as a table or a chart ---

  var chartFetches = 0;

  function drawChart() {
    var host = results.querySelector(".result-chart");
    if (!host || !window.vigilCharts || host.getAttribute("data-drawn")) {
      return;
    }
    host.setAttribute("data-drawn", "true");
    var mine = ++chartFetches;
    fetch(host.getAttribute("data-chart-href"), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("status " + response.status);
        }
        return response.json();
      })
      .then(function (data) {
        if (mine === chartFetches && host.isConnected) {
          window.vigilCharts.render(host, data);
        }
      })
      .catch(function () {
        host.textContent = "The chart could not be drawn; the table shows the rows.";
      });
  }

  // Table or Chart: the choice lasts while the user pages, sorts and filters the same query's rows.
  var showTable = false;

  function applyView() {
    var host = results.querySelector(".result-chart");
    var table = results.querySelector("[data-result-table]");
    if (!host || !table) {
      return;
    }
    results.querySelectorAll("[data-result-view]").forEach(function (button) {
      button.setAttribute("aria-pressed", String((button.getAttribute("data-result-view") === "table") === showTable));
    });
    host.hidden = showTable;
    table.hidden = !showTable;
    if (!showTable) {
      drawChart();
    }
  }

  results.addEventListener("click", function (event) {
    var toggle = event.target.closest("[data-result-view]");
    if (toggle) {
      showTable = toggle.getAttribute("data-result-view") === "table";
      applyView();
    }
  });

  // --- history and saved queries ---

  function setQuery(text) {
    if (editor) {
      editor.setValue(text);
      editor.focus();
    } else {
      textarea.value = text;
      textarea.focus();
    }
    refreshShareLink();
  }

  document.addEventListener("click", function (event) {
    var item = event.target.closest("[data-restore-query]");
    if (!item) {
      return;
    }
    setQuery(item.getAttribute("data-restore-query"));
    if (item.hasAttribute("data-restore-timespan")) {
      timespan.value = item.getAttribute("data-restore-timespan");
      refreshShareLink();
    }
    document.querySelectorAll("details.logs-menu[open]").forEach(function (menu) { menu.removeAttribute("open"); });
  });

  var saveName = document.getElementById("save-name");
  var saveButton = document.getElementById("save-button");
  if (saveName && saveButton) {
    // Enter in the name saves; it would otherwise submit the query form around it, which runs the query
    saveName.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        if (!saveButton.disabled) {
          saveButton.click();
        }
      }
    });
    saveButton.addEventListener("htmx:configRequest", function (event) {
      event.detail.parameters.query = query();
    });
    saveButton.addEventListener("htmx:afterRequest", function (event) {
      if (event.detail.successful) {
        saveName.value = "";
      }
    });
  }

  textarea.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.shiftKey) {
      event.preventDefault();
      window.htmx.trigger(form, "submit");
    }
  });
  textarea.addEventListener("input", refreshShareLink);
  timespan.addEventListener("change", refreshShareLink);
  refreshShareLink();

  // --- the editor ---

  var base = root.getAttribute("data-monaco-base");
  var nonceMeta = document.querySelector('meta[name="style-nonce"]');
  if (!window.require || !base || !nonceMeta) {
    return;
  }

  // Monaco adds style elements of its own; the page's Content-Security-Policy lets through those that carry
  // this response's nonce, so every style element made from here on gets it.
  var nonce = nonceMeta.getAttribute("content");
  var createElement = document.createElement.bind(document);
  document.createElement = function (name, options) {
    var element = createElement(name, options);
    if (String(name).toLowerCase() === "style") {
      element.setAttribute("nonce", nonce);
    }
    return element;
  };

  window.MonacoEnvironment = {
    getWorkerUrl: function () {
      return base + "/vs/base/worker/workerMain.js";
    }
  };
  window.require.config({ paths: { vs: base + "/vs" } });

  fetch(root.getAttribute("data-catalog"), { credentials: "same-origin" })
    .then(function (response) { return response.json(); })
    .then(function (catalog) {
      window.require(["vs/editor/editor.main"], function () {
        start(window.monaco, catalog);
      });
    });

  function escapeRegExp(text) {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }

  function defineKql(monaco, catalog) {
    monaco.languages.register({ id: "kql" });
    var operators = catalog.operators.concat(catalog.keywords);
    monaco.languages.setMonarchTokensProvider("kql", {
      operators: operators,
      functions: catalog.functions.concat(catalog.storedFunctions),
      tables: catalog.tables.map(function (t) { return t.name; }),
      tokenizer: {
        root: [
          [/\/\/.*$/, "comment"],
          [/"([^"\\]|\\.)*"/, "string"],
          [/'([^'\\]|\\.)*'/, "string"],
          [/@"[^"]*"/, "string"],
          [/\b\d+(\.\d+)?(ms|s|m|h|d|tick|microsecond|millisecond|second|minute|hour|day)?\b/, "number"],
          [/[a-zA-Z_][\w-]*(?=\s*\()/, { cases: { "@functions": "predefined", "@default": "identifier" } }],
          [/[a-zA-Z_][\w\-~]*/, { cases: { "@operators": "keyword", "@tables": "type", "@default": "identifier" } }],
          [/[|]/, "delimiter"],
          [/[=!<>]=?|=~|!~|[+\-*\/%]/, "operator"]
        ]
      }
    });
    monaco.languages.setLanguageConfiguration("kql", {
      comments: { lineComment: "//" },
      brackets: [["(", ")"], ["[", "]"], ["{", "}"]],
      autoClosingPairs: [{ open: "(", close: ")" }, { open: "[", close: "]" }, { open: "\"", close: "\"" }, { open: "'", close: "'" }]
    });
    monaco.languages.registerCompletionItemProvider("kql", {
      triggerCharacters: ["|", " ", "."],
      provideCompletionItems: function (model, position) {
        var word = model.getWordUntilPosition(position);
        var range = {
          startLineNumber: position.lineNumber, endLineNumber: position.lineNumber,
          startColumn: word.startColumn, endColumn: word.endColumn
        };
        var before = model.getValueInRange({ startLineNumber: 1, startColumn: 1, endLineNumber: position.lineNumber, endColumn: word.startColumn });
        var kind = monaco.languages.CompletionItemKind;
        var suggestions = [];
        function add(label, itemKind, detail, insertText) {
          suggestions.push({ label: label, kind: itemKind, detail: detail, insertText: insertText || label, range: range });
        }
        if (/\|\s*$/.test(before)) {
          catalog.operators.forEach(function (op) { add(op, kind.Keyword, "operator"); });
          return { suggestions: suggestions };
        }
        if (/^\s*$/.test(before) || /(union|join|lookup)\s*(\(|kind\s*=\s*\w+\s*)?$/.test(before)) {
          catalog.tables.forEach(function (t) { add(t.name, kind.Class, "table"); });
          return { suggestions: suggestions };
        }
        var text = model.getValue();
        catalog.tables.forEach(function (t) {
          if (new RegExp("\\b" + escapeRegExp(t.name) + "\\b").test(text)) {
            t.columns.forEach(function (c) { add(c.name, kind.Field, c.type + " · " + t.name); });
          }
        });
        catalog.functions.forEach(function (f) { add(f, kind.Function, "function", f + "()"); });
        catalog.storedFunctions.forEach(function (f) { add(f, kind.Function, "workspace function"); });
        catalog.keywords.forEach(function (k) { add(k, kind.Keyword, "keyword"); });
        catalog.tables.forEach(function (t) { add(t.name, kind.Class, "table"); });
        return { suggestions: suggestions };
      }
    });
  }

  function themeName() {
    return window.vigilConsole.currentTheme() === "dark" ? "vs-dark" : "vs";
  }

  function start(monaco, catalog) {
    defineKql(monaco, catalog);
    var host = document.getElementById("editor");
    editor = monaco.editor.create(host, {
      value: textarea.value,
      language: "kql",
      theme: themeName(),
      minimap: { enabled: false },
      automaticLayout: true,
      fontSize: 13,
      lineNumbers: "on",
      scrollBeyondLastLine: false,
      wordWrap: "on",
      ariaLabel: "KQL query. Shift+Enter runs it.",
      fixedOverflowWidgets: true
    });
    document.addEventListener("vigil:theme", function () { monaco.editor.setTheme(themeName()); });
    editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, function () {
      textarea.value = editor.getValue();
      window.htmx.trigger(form, "submit");
    });
    var pending = null;
    editor.onDidChangeModelContent(function () {
      textarea.value = editor.getValue();
      refreshShareLink();
      window.clearTimeout(pending);
      pending = window.setTimeout(function () { check(monaco); }, 400);
    });
    document.querySelectorAll("[data-insert]").forEach(function (item) {
      item.addEventListener("click", function (event) {
        event.preventDefault();
        editor.executeEdits("schema", [{ range: editor.getSelection(), text: item.getAttribute("data-insert") }]);
        editor.focus();
      });
    });
    if (textarea.value) {
      check(monaco);
    }
  }

  var checks = 0;

  // Underlines what compiling the query reports, at its line and column; a newer check supersedes an older one.
  function check(monaco) {
    var model = editor.getModel();
    var text = model.getValue();
    var mine = ++checks;
    if (!text.trim()) {
      monaco.editor.setModelMarkers(model, "kql", []);
      diagnostics.textContent = "";
      return;
    }
    fetch(root.getAttribute("data-diagnostics"), {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": window.vigilConsole.csrfToken() },
      body: JSON.stringify({ query: text })
    }).then(function (response) {
      return response.ok ? response.json() : {};
    }).then(function (answer) {
      if (mine !== checks) {
        return;
      }
      var found = answer.diagnostics || [];
      var markers = found.map(function (d) {
        var from = model.getPositionAt(d.start);
        var to = model.getPositionAt(d.start + Math.max(1, d.length));
        return {
          severity: d.severity === "error" ? monaco.MarkerSeverity.Error : monaco.MarkerSeverity.Warning,
          message: d.message + " (" + d.code + ")",
          startLineNumber: from.lineNumber, startColumn: from.column, endLineNumber: to.lineNumber, endColumn: to.column
        };
      });
      diagnostics.textContent = found.length ? "Line " + answer.line + ", column " + answer.pos + ": " + answer.message : "";
      monaco.editor.setModelMarkers(model, "kql", markers);
    }).catch(function () {
      // the check is a help while typing; a failed one leaves the last markers
    });
  }
})();
