package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// chromiumPath is Debian's chromium, which CI installs.
const chromiumPath = "/usr/bin/chromium"

// TestBrowser starts the server on a free port and drives headless Chromium through the
// web UI as a user would: run a Gizmo query with Ctrl+Enter and read its result, pick it
// again from the history, run GraphQL and MQL, see why the Visualize page draws nothing
// for an untagged or broken query, draw a graph there, and write a quad with the token. Any request the page makes outside the server's origin,
// any Content-Security-Policy violation and any uncaught exception fails the test. The
// Visualize page is saved as a PNG to $NEWSGRAPH_SCREENSHOT (default: a temp dir).
func TestBrowser(t *testing.T) {
	if _, err := os.Stat(chromiumPath); err != nil && os.Getenv("NEWSGRAPH_TEST_REQUIRE_BROWSER") != "" {
		t.Fatalf("no Chromium at %s but NEWSGRAPH_TEST_REQUIRE_BROWSER is set: CI must run the browser test: %v", chromiumPath, err)
	} else if err != nil {
		t.Skipf("browser test skipped: no Chromium at %s (apt-get install chromium): %v", chromiumPath, err)
	}
	if testing.Short() {
		t.Skip("browser test skipped in -short mode")
	}
	origin := startServer(t, Options{AllowWrites: true, Token: testToken})

	alloc, cancelAlloc := chromedp.NewExecAllocator(t.Context(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox, // CI runs as root
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 900),
	)...)
	defer cancelAlloc()
	w := &watcher{origin: origin, dialogs: make(chan struct{}, 4)}
	// The listener is in place before the tab's first command, so it sees every request.
	ctx, cancelTab := chromedp.NewContext(alloc, chromedp.WithListener(w.event))
	defer cancelTab()
	if err := chromedp.Do(ctx); err != nil { // starts the browser, without the timeout below
		t.Fatalf("start chromium: %v", err)
	}
	w.answerPrompts(ctx, testToken)

	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		// A step that waits for an element that never comes must end the test, not hang it.
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			text, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
			t.Fatalf("%s: %v\npage text:\n%s\nrequests so far:\n  %s", step, err, text, strings.Join(w.requests(), "\n  "))
		}
	}
	eval := func(step, js string) []byte {
		t.Helper()
		raw, err := chromedp.Run(ctx, chromedp.Evaluate[[]byte](js))
		if err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		return raw
	}
	editor := chromedp.CSS("textarea.ng-input")
	const result = "pre.ng-viewer"
	runButton := chromedp.CSS(".actions button.mdc-button--unelevated")
	menuItem := func(name string) string {
		return `//*[contains(@class,"mdc-list-item")][normalize-space(.)="` + name + `"]`
	}
	ctrlEnter := chromedp.KeyEvent(kb.Enter, chromedp.KeyModifiers(kb.ModifierCtrl))
	// The editor keeps the last query (as Cayley's does); a user would select it all and type.
	clearEditor := chromedp.Evaluate[chromedp.Void](`document.querySelector("textarea.ng-input").value = ""`)

	// Record CSP violations from the first script on: a request the policy blocked never
	// reaches the network, so the request log alone would miss it.
	if _, err := chromedp.Call(ctx, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{
		Source: `window.__violations = [];
			document.addEventListener("securitypolicyviolation",
				e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));`,
	}); err != nil {
		t.Fatal(err)
	}
	do("open the UI", chromedp.Navigate(origin+"/"), chromedp.WaitVisible(editor))

	menu, err := chromedp.Run(ctx, chromedp.Text(chromedp.CSS(".mdc-drawer")))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(menu, "Visualize") || strings.Contains(menu, "Query Shape") {
		t.Errorf("menu %q: want Visualize and no Query Shape", menu)
	}
	if got := string(eval("check the run icon", `(() => {
		const i = document.querySelector('.material-icons[data-icon="play_circle_filled"]');
		if (!i) return "no icon";
		const s = getComputedStyle(i);
		return [s.backgroundImage.startsWith('url("data:image/svg+xml'), s.fontSize === "0px", i.getBoundingClientRect().width > 0].join();
	})()`)); got != `"true,true,true"` {
		t.Errorf("the Run button's icon is not drawn: %s", got)
	}

	query := `g.V("<ent:russia>").Out("<rel:mediate>").All()`
	do("run a Gizmo query with Ctrl+Enter",
		clearEditor,
		chromedp.SendKeys(editor, query),
		ctrlEnter,
		waitText(result, `"@id": "conflict:armenia--azerbaijan"`),
	)
	do("pick the query from the history",
		clearEditor,
		chromedp.Evaluate[chromedp.Void](`(() => {
			const s = document.querySelector("select.ng-history");
			s.value = "0";
			s.dispatchEvent(new Event("change"));
		})()`),
	)
	if picked, err := chromedp.Run(ctx, chromedp.Value(editor)); err != nil || picked != query {
		t.Errorf("history gave %q (%v), want %q", picked, err, query)
	}

	for _, c := range []struct{ lang, query, want string }{
		{"graphql", `{ nodes(id: <ent:ilham_aliyev>) { id, <rel:lead> } }`, `"<rel:lead>": "ent:azerbaijan"`},
		{"mql", `[{"id": "<ent:nikol_pashinyan>", "<rel:lead>": null}]`, `"<rel:lead>": "<ent:armenia>"`},
	} {
		do("run a "+c.lang+" query with the Run button",
			setSelect(".QueryEditor .actions select", c.lang),
			clearEditor,
			chromedp.SendKeys(editor, c.query),
			chromedp.Click(runButton),
			waitText(result, c.want),
		)
	}

	do("see why the Visualize page draws nothing",
		chromedp.Click(menuItem("Visualize")),
		chromedp.WaitVisible(editor),
		setSelect(".QueryEditor .actions select", "gizmo"),
		clearEditor,
		chromedp.SendKeys(editor, `g.V("<ent:armenia>").Out().All()`),
		ctrlEnter,
		waitText("#ng-toast", `Nothing to draw: tag the two ends of each edge`),
		clearEditor,
		chromedp.SendKeys(editor, `g.V(.All()`),
		ctrlEnter,
		waitText("#ng-toast", `run gizmo query: SyntaxError`),
	)

	// The neighbourhood of Armenia, two fact edges deep (rel:… predicates only).
	neighbourhood := `var rel = g.V().Filter(regex("^rel:", true));
g.V("<ent:armenia>").Tag("source").Both(rel).Tag("target").All();
g.V("<ent:armenia>").Both(rel).Tag("source").Both(rel).Tag("target").All()`
	do("draw the neighbourhood of Armenia on the Visualize page",
		clearEditor,
		chromedp.SendKeys(editor, neighbourhood),
		ctrlEnter,
		chromedp.Poll[chromedp.Void](`document.querySelectorAll(".graph svg circle").length >= 2 &&
			document.querySelectorAll(".graph svg line").length >= 1`, chromedp.WithPollingTimeout(20*time.Second)),
	)
	labels := string(eval("read the node labels", `[...new Set([...document.querySelectorAll(".graph svg text")].map(t => t.textContent))].filter(Boolean).sort().join()`))
	if want := `"ent:armenia,ent:azerbaijan,ent:ilham_aliyev,ent:nagorno-karabakh,ent:nikol_pashinyan,ent:vladimir_putin,topic:ceasefire"`; labels != want {
		t.Errorf("graph labels %s, want %s", labels, want)
	}
	if shown := string(eval("read the toast", `getComputedStyle(document.getElementById("ng-toast")).display`)); shown != `"none"` {
		t.Errorf("the complaint about the earlier query is still shown (display %s) after a good one", shown)
	}
	saveScreenshot(ctx, t)

	do("write a quad with the token",
		chromedp.Click(menuItem("Write")),
		chromedp.WaitVisible(editor),
		chromedp.SendKeys(editor, `<ent:russia> <rel:observe> <topic:ceasefire> .`),
		chromedp.Click(runButton),
		waitText("#ng-toast", "Successfully wrote 1 quads."),
	)
	if n := w.prompts(); n != 1 {
		t.Errorf("asked for the token %d times, want once", n)
	}

	if v := string(eval("read CSP violations", `window.__violations`)); v != "[]" {
		t.Errorf("Content-Security-Policy violations: %s", v)
	}
	if err := w.err(); err != nil {
		t.Error(err)
	}
	if n := len(w.requests()); n < 5 {
		t.Errorf("saw only %d requests; is the network log working?", n)
	}
}

// startServer serves the fixture store on a free loopback port until the test ends and
// returns its origin.
func startServer(t *testing.T, opts Options) string {
	t.Helper()
	h, err := New(newStore(t), nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- Serve(ctx, ln, h) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	return "http://" + ln.Addr().String()
}

// watcher records what the page does: every request, the token prompts it answered,
// and anything that must fail the test.
type watcher struct {
	origin   string
	dialogs  chan struct{}
	mu       sync.Mutex
	urls     []string
	problems []error
	asked    int
}

// event is the tab's listener: it runs in the tab's event loop, so it only records.
func (w *watcher) event(ev any) {
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		w.request(ev.Request.URL)
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		msg := d.Text
		if d.Exception != nil {
			msg += " " + d.Exception.Description
		}
		w.fail(fmt.Errorf("uncaught exception in the page: %s", msg))
	case *page.EventJavascriptDialogOpening:
		w.mu.Lock()
		w.asked++
		w.mu.Unlock()
		w.dialogs <- struct{}{}
	}
}

// answerPrompts answers every dialog the page opens with text, from a goroutine: a
// dialog blocks the page, and the action that opened it, until it is answered.
func (w *watcher) answerPrompts(ctx context.Context, text string) {
	go func() {
		for {
			select {
			case <-w.dialogs:
			case <-ctx.Done():
				return
			}
			_, err := chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: true, PromptText: text})
			if err != nil && ctx.Err() == nil {
				w.fail(fmt.Errorf("answer a dialog: %w", err))
			}
		}
	}()
}

func (w *watcher) request(raw string) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.urls = append(w.urls, raw)
	u, err := url.Parse(raw)
	if err != nil {
		w.problems = append(w.problems, fmt.Errorf("unparsable request URL %q", raw))
		return
	}
	if u.Scheme == "data" || u.Scheme == "blob" || u.Scheme+"://"+u.Host == w.origin {
		return
	}
	w.problems = append(w.problems, fmt.Errorf("request outside the server's origin %s: %s", w.origin, raw))
}

func (w *watcher) fail(err error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.problems = append(w.problems, err)
}

func (w *watcher) requests() []string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return append([]string(nil), w.urls...)
}

func (w *watcher) prompts() int {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.asked
}

func (w *watcher) err() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	return errors.Join(w.problems...)
}

// waitText waits until the element's text contains want.
func waitText(sel, want string) chromedp.Action[chromedp.Void] {
	return chromedp.Poll[chromedp.Void](fmt.Sprintf(`(() => { const e = document.querySelector(%q); return !!e && e.textContent.includes(%q); })()`, sel, want),
		chromedp.WithPollingTimeout(20*time.Second))
}

// setSelect picks an option of a native <select> the way a user's choice does, so that
// React sees the change.
func setSelect(sel, value string) chromedp.Action[chromedp.Void] {
	return chromedp.Evaluate[chromedp.Void](fmt.Sprintf(`(() => {
		const s = document.querySelector(%q);
		s.value = %q;
		s.dispatchEvent(new Event("change", {bubbles: true}));
	})()`, sel, value))
}

// saveScreenshot waits for the force layout to settle and saves the page as a PNG.
func saveScreenshot(ctx context.Context, t *testing.T) {
	t.Helper()
	path := os.Getenv("NEWSGRAPH_SCREENSHOT")
	if path == "" {
		path = filepath.Join(t.TempDir(), "ui.png")
	}
	last := ""
	for range 50 { // the layout runs ~300 ticks; stop when two looks agree
		pos, err := chromedp.Run(ctx, chromedp.Evaluate[string](`[...document.querySelectorAll(".graph svg line")].map(l => [l.getAttribute("x1"), l.getAttribute("y1")].join()).join(";")`))
		if err != nil {
			t.Fatal(err)
		}
		if pos == last {
			break
		}
		last = pos
		time.Sleep(200 * time.Millisecond)
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatalf("save screenshot: %v", err)
	}
	t.Logf("screenshot of the Visualize page: %s", path)
}
