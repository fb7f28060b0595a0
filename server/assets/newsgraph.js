// newsgraph.js makes the Cayley web UI work with no network. It is loaded by index.html
// before the UI's own bundle and provides:
//
//  1. window.monaco: a small text editor behind the part of Monaco's API that the UI
//     calls. The UI's editor wrapper uses window.monaco when it is already defined, so
//     Monaco is never fetched from a CDN.
//  2. A query history per language, kept in localStorage, picked from a list above the
//     editor. Ctrl+Enter (Cmd+Enter) runs the query, as with Monaco.
//  3. Writes with a token: the Write page sends "Authorization: Bearer <token>", asking
//     for the token when the server answers 401, and shows what the server answered.
//     The Visualize page, which shows no errors of its own, says why it drew nothing.
//  4. Icons: the UI names Material icons by ligature text, which needs a web font; the
//     icons are tagged with data-icon so that newsgraph.css can draw them.
(function () {
  "use strict";

  var HISTORY_KEY = "newsgraph.history";
  var HISTORY_MAX = 50;
  var TOKEN_KEY = "newsgraph.token";

  // ---- query history ----------------------------------------------------------------

  var editors = [];

  function loadHistory() {
    try {
      var h = JSON.parse(localStorage.getItem(HISTORY_KEY));
      return Array.isArray(h) ? h : [];
    } catch (e) {
      return [];
    }
  }

  function remember(lang, text) {
    if (!lang || !text.trim()) {
      return;
    }
    var h = loadHistory().filter(function (e) {
      return !(e.lang === lang && e.text === text);
    });
    h.unshift({ lang: lang, text: text, time: Date.now() });
    try {
      localStorage.setItem(HISTORY_KEY, JSON.stringify(h.slice(0, HISTORY_MAX)));
    } catch (e) {
      // Storage full or disabled: the history is a convenience, the query still runs.
    }
    editors.forEach(function (ed) {
      ed._renderHistory();
    });
  }

  // The UI sets the editor's language to Monaco's names; the history is kept by query language.
  var queryLanguageOf = { javascript: "gizmo", graphql: "graphql", json: "mql" };

  // ---- the editor ---------------------------------------------------------------------

  // Key codes as Monaco numbers them: a keybinding is KeyMod bits | KeyCode.
  var KeyMod = { CtrlCmd: 2048, Shift: 1024, Alt: 512, WinCtrl: 256 };
  var KeyCode = { Enter: 3 };

  function keybindingOf(ev) {
    var code = ev.key === "Enter" ? KeyCode.Enter : 0;
    if (!code) {
      return 0;
    }
    return code |
      (ev.ctrlKey || ev.metaKey ? KeyMod.CtrlCmd : 0) |
      (ev.shiftKey ? KeyMod.Shift : 0) |
      (ev.altKey ? KeyMod.Alt : 0);
  }

  function Model(editor) {
    this._editor = editor;
  }

  Model.prototype.getValue = function () {
    return this._editor.getValue();
  };

  Model.prototype.setValue = function (v) {
    this._editor.setValue(v);
  };

  Model.prototype.getFullModelRange = function () {
    var lines = this._editor.getValue().split("\n");
    return {
      startLineNumber: 1,
      startColumn: 1,
      endLineNumber: lines.length,
      endColumn: lines[lines.length - 1].length + 1
    };
  };

  // Editor is a textarea (or, read-only, a <pre>) with Monaco's editor methods.
  function Editor(container, opts) {
    this._listeners = [];
    this._actions = {};
    this._language = opts.language || "";
    this._readOnly = !!opts.readOnly;
    this._model = new Model(this);
    this._root = document.createElement("div");
    this._root.className = "ng-editor";
    if (this._readOnly) {
      this._text = document.createElement("pre");
      this._text.className = "ng-viewer";
      this._text.setAttribute("aria-label", "Result");
    } else {
      this._bar = document.createElement("div");
      this._bar.className = "ng-editor-bar";
      this._history = document.createElement("select");
      this._history.className = "ng-history";
      this._history.setAttribute("aria-label", "Query history");
      this._history.addEventListener("change", this._pickHistory.bind(this));
      var hint = document.createElement("span");
      hint.className = "ng-hint";
      hint.textContent = "Ctrl+Enter runs";
      this._bar.appendChild(this._history);
      this._bar.appendChild(hint);
      this._root.appendChild(this._bar);
      this._text = document.createElement("textarea");
      this._text.className = "ng-input";
      this._text.spellcheck = false;
      this._text.setAttribute("aria-label", "Query");
      this._text.addEventListener("input", this._changed.bind(this));
      this._text.addEventListener("keydown", this._keydown.bind(this));
    }
    this._root.appendChild(this._text);
    container.appendChild(this._root);
    this.setValue(opts.value || "");
    editors.push(this);
    this._renderHistory();
  }

  Editor.prototype.getValue = function () {
    return this._readOnly ? this._text.textContent : this._text.value;
  };

  Editor.prototype.setValue = function (v) {
    if (this._readOnly) {
      this._text.textContent = v;
    } else {
      this._text.value = v;
    }
    this._changed();
  };

  Editor.prototype.executeEdits = function (source, edits) {
    // The UI only ever replaces the whole text (range = getFullModelRange()).
    var self = this;
    edits.forEach(function (e) {
      self.setValue(e.text);
    });
    return true;
  };

  // The textarea keeps its own undo stack.
  Editor.prototype.pushUndoStop = function () {
    return true;
  };

  Editor.prototype.getModel = function () {
    return this._model;
  };

  Editor.prototype.setScrollPosition = function (pos) {
    if (pos && typeof pos.scrollTop === "number") {
      this._text.scrollTop = pos.scrollTop;
    }
  };

  Editor.prototype.updateOptions = function (opts) {
    if (opts && "readOnly" in opts && !this._readOnly) {
      this._text.readOnly = !!opts.readOnly;
    }
  };

  Editor.prototype.onDidChangeModelContent = function (fn) {
    var listeners = this._listeners;
    listeners.push(fn);
    return {
      dispose: function () {
        var i = listeners.indexOf(fn);
        if (i >= 0) {
          listeners.splice(i, 1);
        }
      }
    };
  };

  // addAction registers a keyboard action. The UI re-registers "Run" with a fresh closure
  // whenever its state changes: an action replaces the one with the same id, so the
  // newest closure (with the current language) is the one that runs.
  Editor.prototype.addAction = function (action) {
    var actions = this._actions;
    actions[action.id] = action;
    return {
      dispose: function () {
        if (actions[action.id] === action) {
          delete actions[action.id];
        }
      }
    };
  };

  Editor.prototype.focus = function () {
    this._text.focus();
  };

  Editor.prototype.layout = function () {};

  Editor.prototype.dispose = function () {
    var i = editors.indexOf(this);
    if (i >= 0) {
      editors.splice(i, 1);
    }
    this._listeners = [];
    this._actions = {};
    if (this._root.parentNode) {
      this._root.parentNode.removeChild(this._root);
    }
  };

  Editor.prototype._changed = function () {
    this._listeners.slice().forEach(function (fn) {
      fn({ changes: [] });
    });
  };

  Editor.prototype._keydown = function (ev) {
    var kb = keybindingOf(ev);
    var self = this;
    var ran = false;
    Object.keys(this._actions).forEach(function (id) {
      var a = self._actions[id];
      if ((a.keybindings || []).indexOf(kb) >= 0) {
        a.run(self);
        ran = true;
      }
    });
    if (ran) {
      ev.preventDefault();
      return;
    }
    if (ev.key === "Tab" && !ev.shiftKey && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      // Indent instead of leaving the editor, as code editors do; Esc then Tab leaves.
      if (this._escaped) {
        return;
      }
      ev.preventDefault();
      var t = this._text;
      var start = t.selectionStart;
      t.value = t.value.slice(0, start) + "  " + t.value.slice(t.selectionEnd);
      t.selectionStart = t.selectionEnd = start + 2;
      this._changed();
    }
    this._escaped = ev.key === "Escape";
  };

  Editor.prototype._queryLanguage = function () {
    return queryLanguageOf[this._language] || "";
  };

  Editor.prototype._renderHistory = function () {
    if (!this._history) {
      return;
    }
    var lang = this._queryLanguage();
    var entries = lang ? loadHistory().filter(function (e) {
      return e.lang === lang;
    }) : [];
    this._entries = entries;
    this._bar.style.display = lang ? "" : "none";
    var sel = this._history;
    while (sel.firstChild) {
      sel.removeChild(sel.firstChild);
    }
    var head = document.createElement("option");
    head.value = "";
    head.textContent = entries.length ? "History (" + entries.length + ")" : "History (empty)";
    sel.appendChild(head);
    entries.forEach(function (e, i) {
      var o = document.createElement("option");
      o.value = String(i);
      var oneLine = e.text.replace(/\s+/g, " ").trim();
      o.textContent = oneLine.length > 90 ? oneLine.slice(0, 89) + "…" : oneLine;
      o.title = e.text;
      sel.appendChild(o);
    });
    sel.disabled = entries.length === 0;
  };

  Editor.prototype._pickHistory = function () {
    var e = this._entries[Number(this._history.value)];
    this._history.value = "";
    if (e) {
      this.setValue(e.text);
      this.focus();
    }
  };

  function noop() {}

  window.monaco = {
    KeyMod: KeyMod,
    KeyCode: KeyCode,
    editor: {
      create: function (container, opts) {
        return new Editor(container, opts || {});
      },
      setModelLanguage: function (model, language) {
        model._editor._language = language;
        model._editor._renderHistory();
      },
      // One look for every editor; themes and type definitions (gizmo.d.ts) have no
      // use in a plain text editor.
      setTheme: noop,
      defineTheme: noop
    },
    languages: {
      typescript: {
        ScriptTarget: { ES5: 1 },
        javascriptDefaults: { setCompilerOptions: noop, addExtraLib: noop }
      }
    }
  };

  // ---- requests: history, write token, feedback -------------------------------------

  var realFetch = window.fetch.bind(window);

  window.fetch = function (input, init) {
    init = init || {};
    var url = new URL(typeof input === "string" ? input : input.url, window.location.href);
    var method = (init.method || "GET").toUpperCase();
    if (url.pathname === "/api/v2/query" && method === "POST" && typeof init.body === "string") {
      remember(url.searchParams.get("lang"), init.body);
      return realFetch(input, init).then(function (res) {
        if (!document.querySelector(".ng-viewer")) {
          res.clone().json().then(explainDrawing, function () {});
        }
        return res;
      });
    }
    if (url.pathname === "/api/v2/write" || url.pathname === "/api/v2/delete") {
      return sendWrite(input, init, false);
    }
    return realFetch(input, init);
  };

  function sendWrite(input, init, retried) {
    var headers = new Headers(init.headers || {});
    var token = sessionStorage.getItem(TOKEN_KEY);
    if (token) {
      headers.set("Authorization", "Bearer " + token);
    }
    return realFetch(input, Object.assign({}, init, { headers: headers })).then(function (res) {
      if (res.status === 401 && !retried) {
        var t = window.prompt("This server needs its write token to change the graph:");
        if (t) {
          sessionStorage.setItem(TOKEN_KEY, t);
          return sendWrite(input, init, true);
        }
      }
      res.clone().json().then(function (body) {
        toast(body.error || body.result || "HTTP " + res.status, !res.ok);
      }, function () {
        toast("HTTP " + res.status, !res.ok);
      });
      return res;
    });
  }

  // explainDrawing says why the Visualize page (the one page without a result viewer)
  // draws nothing: Cayley's page shows no errors and draws only rows tagged source/target.
  function explainDrawing(body) {
    if (body.error) {
      toast(body.error, true);
    } else if (!(body.result || []).some(function (r) {
      return r && r.source && r.target;
    })) {
      toast('Nothing to draw: tag the two ends of each edge, e.g. g.V("<ent:armenia>").Tag("source").Out().Tag("target").All()', true);
    } else if (body.truncated) {
      toast("The result was cut at the server's query limit: the graph is partial.", false);
    } else {
      hideToast(); // an earlier complaint no longer holds
    }
  }

  function hideToast() {
    var el = document.getElementById("ng-toast");
    if (el) {
      el.style.display = "none";
    }
  }

  var toastTimer = null;

  function toast(message, isError) {
    var el = document.getElementById("ng-toast");
    if (!el) {
      el = document.createElement("div");
      el.id = "ng-toast";
      el.setAttribute("role", "status");
      document.body.appendChild(el);
    }
    el.textContent = message;
    el.className = isError ? "ng-error" : "";
    el.style.display = "block";
    clearTimeout(toastTimer);
    toastTimer = setTimeout(hideToast, 8000);
  }

  // ---- icons ------------------------------------------------------------------------

  function tagIcons() {
    var icons = document.querySelectorAll(".material-icons");
    for (var i = 0; i < icons.length; i++) {
      var name = icons[i].textContent.trim();
      if (icons[i].getAttribute("data-icon") !== name) {
        icons[i].setAttribute("data-icon", name);
        // The ligature text is not a label: the button beside it says what it does.
        icons[i].setAttribute("aria-hidden", "true");
      }
    }
  }

  new MutationObserver(tagIcons).observe(document.documentElement, {
    childList: true,
    subtree: true,
    characterData: true
  });
})();
