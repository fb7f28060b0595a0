package server

import (
	"crypto/sha256"
	"encoding/base64"
	"path"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"
)

// notFetched are absolute URLs the served pages, scripts and styles may hold because no
// browser fetches them: XML namespace names, and documentation links in React's error
// messages.
var notFetched = regexp.MustCompile(`^https?://(www\.w3\.org/|fb\.me/|reactjs\.org/docs/)`)

var absoluteURL = regexp.MustCompile(`(?:https?:)?//[a-zA-Z0-9.-]+\.[a-z]{2,}[^\s"'()<>]*`)

// TestUIAssetsStayOnOrigin scans every file the UI serves for addresses of other origins:
// the browser test sees the requests of the pages it opens; this sees every file, so a
// code path the browser test does not take still cannot reach the internet.
func TestUIAssetsStayOnOrigin(t *testing.T) {
	ui, err := loadWebUI()
	if err != nil {
		t.Fatal(err)
	}
	scanned := 0
	for p, a := range ui.files {
		switch path.Ext(p) {
		case ".html", ".js", ".css", ".json": // what the browser loads and runs
		default:
			continue // source maps (developer tools only), images, robots.txt, gizmo.d.ts
		}
		scanned++
		for _, u := range absoluteURL.FindAllString(string(a.body), -1) {
			if !notFetched.MatchString(u) {
				t.Errorf("%s refers to another origin: %s", p, u)
			}
		}
		if strings.Contains(string(a.body), "localhost:64210") {
			t.Errorf("%s still names Cayley's default origin", p)
		}
	}
	if scanned < 8 {
		t.Errorf("scanned %d files; the bundle layout changed?", scanned)
	}
	for _, p := range []string{"/service-worker.js", "/newsgraph/newsgraph.js", "/newsgraph/newsgraph.css", "/index.html"} {
		if _, ok := ui.files[p]; ok == (p == "/service-worker.js") {
			t.Errorf("%s: served %v", p, ok)
		}
	}
}

// TestCSPAllowsTheInlineRuntime checks that the policy names the hash of the bundle's
// inline webpack runtime (or the page would not start) and nothing from elsewhere.
func TestCSPAllowsTheInlineRuntime(t *testing.T) {
	ui, err := loadWebUI()
	if err != nil {
		t.Fatal(err)
	}
	index := string(ui.files["/index.html"].body)
	start := strings.Index(index, "<script>")
	if start < 0 {
		t.Fatal("no inline script in index.html")
	}
	script, _, _ := strings.Cut(index[start+len("<script>"):], "</script>")
	sum := sha256.Sum256([]byte(script))
	hash := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"
	if !strings.Contains(ui.csp, "script-src 'self' "+hash+";") {
		t.Errorf("CSP %q lacks %s", ui.csp, hash)
	}
	for _, directive := range []string{"default-src 'self'", "connect-src 'self'", "img-src 'self' data:"} {
		if !strings.Contains(ui.csp, directive) {
			t.Errorf("CSP %q lacks %s", ui.csp, directive)
		}
	}
}

func TestRewriteBundle(t *testing.T) {
	bundle := fstest.MapFS{
		"index.html":              {Data: []byte(`<head></head>`)},
		"static/js/main.1.js":     {Data: []byte(`fetch("http://localhost:64210/api")`)},
		"service-worker.js":       {Data: []byte(`importScripts("https://cdn.example/x.js")`)},
		"precache-manifest.ab.js": {Data: []byte(`[]`)},
	}
	rws := []rewrite{
		{"static/js/*.js", `http://localhost:64210`, ``},
		{"index.html", `</head>`, `<script src="/x.js"></script></head>`},
	}
	files, err := rewriteBundle(bundle, rws)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"index.html":          `<head><script src="/x.js"></script></head>`,
		"static/js/main.1.js": `fetch("/api")`,
	}
	if len(files) != len(want) {
		t.Errorf("files %v, want only %v", files, want)
	}
	for p, body := range want {
		if string(files[p]) != body {
			t.Errorf("%s = %q, want %q", p, files[p], body)
		}
	}

	_, err = rewriteBundle(bundle, append(rws, rewrite{"index.html", `<title>`, `x`}))
	if err == nil || err.Error() != `cayley ui bundle changed: "<title>" not found in index.html` {
		t.Errorf("a rewrite that matches nothing: %v", err)
	}
}
