// The Monaco KQL editor that the Logs page and the analytics rule wizard share: Monaco loaded once under the
// page's Content-Security-Policy, KQL highlighting and completion from the workspace's catalog, and the errors that
// compiling the query reports (the server's explain service) underlined at their line and column as you type.
// A page keeps a plain text area for its query; the editor shows over it and keeps it up to date, so that forms
// post the text as they would without the editor.
(function () {
  "use strict";

  var loading = null;

  // Monaco adds style elements of its own; the page's Content-Security-Policy lets through those that carry
  // this response's nonce, so every style element made from here on gets it.
  function lendNonceToStyles(nonce) {
    var createElement = document.createElement.bind(document);
    document.createElement = function (name, options) {
      var element = createElement(name, options);
      if (String(name).toLowerCase() === "style") {
        element.setAttribute("nonce", nonce);
      }
      return element;
    };
  }

  // Monaco with KQL defined, loaded on the first call; null when the page cannot host it (no loader, no nonce).
  function load(base, catalogHref) {
    if (loading) {
      return loading;
    }
    var nonceMeta = document.querySelector('meta[name="style-nonce"]');
    if (!window.require || !base || !nonceMeta) {
      loading = Promise.resolve(null);
      return loading;
    }
    lendNonceToStyles(nonceMeta.getAttribute("content"));
    window.MonacoEnvironment = {
      getWorkerUrl: function () {
        return base + "/vs/base/worker/workerMain.js";
      }
    };
    window.require.config({ paths: { vs: base + "/vs" } });
    loading = fetch(catalogHref, { credentials: "same-origin" })
      .then(function (response) { return response.json(); })
      .then(function (catalog) {
        return new Promise(function (resolve) {
          window.require(["vs/editor/editor.main"], function () {
            defineKql(window.monaco, catalog);
            document.addEventListener("vigil:theme", function () { window.monaco.editor.setTheme(themeName()); });
            resolve(window.monaco);
          });
        });
      });
    return loading;
  }

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
        if (/\bevaluate\s+$/.test(before)) {
          (catalog.plugins || []).forEach(function (p) { add(p, kind.Function, "plugin", p + "()"); });
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

  // Underlines what compiling the query reports, at its line and column; a newer check supersedes an older one.
  function checker(monaco, editor, options) {
    var checks = 0;
    return function check() {
      var model = editor.getModel();
      var text = model.getValue();
      var mine = ++checks;
      if (!text.trim()) {
        monaco.editor.setModelMarkers(model, "kql", []);
        options.diagnostics.textContent = "";
        return;
      }
      fetch(options.diagnosticsHref, {
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
        options.diagnostics.textContent = found.length ? "Line " + answer.line + ", column " + answer.pos + ": " + answer.message : "";
        monaco.editor.setModelMarkers(model, "kql", markers);
        if (options.onChecked) {
          options.onChecked(found, text);
        }
      }).catch(function () {
        // the check is a help while typing; a failed one leaves the last markers
      });
    };
  }

  // Starts an editor in options.host over options.textarea. Options: monacoBase, catalogHref, diagnosticsHref,
  // diagnostics (the element that tells the first error), ariaLabel, readOnly, onChange(), onRun() for Shift+Enter,
  // onChecked(diagnostics, text) after each check. Resolves to the editor, or to null when the page cannot host one.
  function create(options) {
    return load(options.monacoBase, options.catalogHref).then(function (monaco) {
      if (!monaco || !options.host.isConnected) {
        return null;
      }
      var editor = monaco.editor.create(options.host, {
        value: options.textarea.value,
        language: "kql",
        theme: themeName(),
        minimap: { enabled: false },
        automaticLayout: true,
        fontSize: 13,
        lineNumbers: "on",
        scrollBeyondLastLine: false,
        wordWrap: "on",
        readOnly: !!options.readOnly,
        ariaLabel: options.ariaLabel,
        fixedOverflowWidgets: true
      });
      var check = checker(monaco, editor, options);
      if (options.onRun) {
        editor.addCommand(monaco.KeyMod.Shift | monaco.KeyCode.Enter, function () {
          options.textarea.value = editor.getValue();
          options.onRun();
        });
      }
      var pending = null;
      editor.onDidChangeModelContent(function () {
        options.textarea.value = editor.getValue();
        if (options.onChange) {
          options.onChange();
        }
        window.clearTimeout(pending);
        pending = window.setTimeout(check, 400);
      });
      editor.onDidDispose(function () { window.clearTimeout(pending); });
      if (options.textarea.value) {
        check();
      }
      return editor;
    });
  }

  window.vigilKqlEditor = { create: create };
})();
