package server

import (
	"bytes"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"fmt"
	"io/fs"
	"net/http"
	"path"
	"regexp"
	"strings"
	"time"

	cayleyui "github.com/cayleygraph/cayley/ui"
)

// assets holds newsgraph.js and newsgraph.css, served under /newsgraph/.
//
//go:embed assets
var assets embed.FS

// rewrite is one serve-time edit of a file of Cayley's UI bundle.
type rewrite struct {
	glob     string // files it applies to, relative to the bundle root (path.Match)
	old, new string
}

// uiRewrites make the bundled Cayley UI (ui.FS) work with no network and on any origin.
// Each must match at least once: a Cayley upgrade that changes the bundle fails New
// (and the tests) instead of silently serving a UI that calls out to the internet.
var uiRewrites = []rewrite{
	// The API origin was baked in at build time; "" makes every call same-origin.
	{"static/js/*.js", `"http://localhost:64210"`, `""`},
	// newsgraph.js defines window.monaco before the bundle runs, so the editor wrapper never
	// loads Monaco; its CDN address is rewritten anyway, so that no code path can reach it.
	{"static/js/*.js", `https://cdn.jsdelivr.net/npm/monaco-editor@0.18.1/min/vs`, `/newsgraph/no-monaco`},
	// The icon web font; newsgraph.css draws the three icons the UI uses.
	{"static/css/main.*.css", `@import url(https://fonts.googleapis.com/icon?family=Material+Icons);`, ``},
	// Query Shape called /api/v1/shape/<lang>, which Cayley no longer implements and has no
	// replacement for: the page is removed from the menu and from the page switch.
	{"static/js/main.*.js", `r.a.createElement(J.d,{activated:"queryShape"===n,onClick:function(){return c("queryShape")}},"Query Shape"),`, ``},
	{"static/js/main.*.js", `"queryShape"===n&&r.a.createElement(Y,{serverURL:de}),`, ``},
	{"index.html", `<title>Cayley</title>`, `<title>newsgraph · Cayley</title>`},
	// newsgraph.js must run before the bundle (see above), so it goes in <head>.
	{"index.html", `</head>`, `<link href="/newsgraph/newsgraph.css" rel="stylesheet"><script src="/newsgraph/newsgraph.js"></script></head>`},
}

// uiSkip are bundle files not served: the service worker would import Workbox from a CDN.
// The UI never registers it (it unregisters service workers on start).
var uiSkip = []string{"service-worker.js", "precache-manifest.*.js"}

// asset is one file of the web UI, ready to serve.
type asset struct {
	body  []byte
	ctype string
	etag  string
}

// webUI is the Cayley UI with the rewrites applied, plus newsgraph's own assets.
type webUI struct {
	files map[string]asset // by URL path: "/index.html", "/static/js/…"
	csp   string           // Content-Security-Policy for every UI response
}

var inlineScript = regexp.MustCompile(`(?s)<script>(.*?)</script>`)

func loadWebUI() (*webUI, error) {
	bundle, err := fs.Sub(cayleyui.FS, "web")
	if err != nil {
		return nil, fmt.Errorf("open cayley ui bundle: %w", err)
	}
	files, err := rewriteBundle(bundle, uiRewrites)
	if err != nil {
		return nil, err
	}
	own, err := fs.Sub(assets, "assets")
	if err != nil {
		return nil, fmt.Errorf("open newsgraph ui assets: %w", err)
	}
	err = fs.WalkDir(own, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		body, err := fs.ReadFile(own, p)
		files["newsgraph/"+p] = body
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("read newsgraph ui assets: %w", err)
	}
	index, ok := files["index.html"]
	if !ok {
		return nil, fmt.Errorf("cayley ui bundle changed: no index.html")
	}
	ui := &webUI{files: map[string]asset{}, csp: contentSecurityPolicy(index)}
	for p, body := range files {
		ui.add("/"+p, body)
	}
	return ui, nil
}

// rewriteBundle reads every file of bundle but the skipped ones and applies rws. It fails
// when a rewrite matches no file.
func rewriteBundle(bundle fs.FS, rws []rewrite) (map[string][]byte, error) {
	files := map[string][]byte{}
	matched := make([]bool, len(rws))
	err := fs.WalkDir(bundle, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || skipped(p) {
			return err
		}
		body, err := fs.ReadFile(bundle, p)
		if err != nil {
			return err
		}
		for i, rw := range rws {
			if ok, _ := path.Match(rw.glob, p); ok && bytes.Contains(body, []byte(rw.old)) {
				matched[i] = true
				body = bytes.ReplaceAll(body, []byte(rw.old), []byte(rw.new))
			}
		}
		files[p] = body
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("read cayley ui bundle: %w", err)
	}
	for i, ok := range matched {
		if !ok {
			return nil, fmt.Errorf("cayley ui bundle changed: %q not found in %s", rws[i].old, rws[i].glob)
		}
	}
	return files, nil
}

func skipped(p string) bool {
	for _, g := range uiSkip {
		if ok, _ := path.Match(g, p); ok {
			return true
		}
	}
	return false
}

func (ui *webUI) add(urlPath string, body []byte) {
	sum := sha256.Sum256(body)
	ui.files[urlPath] = asset{
		body:  body,
		ctype: contentType(urlPath),
		etag:  `"` + base64.RawURLEncoding.EncodeToString(sum[:12]) + `"`,
	}
}

// contentSecurityPolicy lets the browser load nothing but this origin: even a request
// the rewrites missed is blocked. The bundle's inline webpack runtime is allowed by hash;
// React sets style attributes, hence 'unsafe-inline' for styles only; icons are data: URIs.
func contentSecurityPolicy(index []byte) string {
	scripts := []string{"'self'"}
	for _, m := range inlineScript.FindAllSubmatch(index, -1) {
		sum := sha256.Sum256(m[1])
		scripts = append(scripts, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	return "default-src 'self'; script-src " + strings.Join(scripts, " ") +
		"; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'" +
		"; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
}

func contentType(p string) string {
	switch path.Ext(p) {
	case ".html":
		return "text/html; charset=utf-8"
	case ".js":
		return "text/javascript; charset=utf-8"
	case ".css":
		return "text/css; charset=utf-8"
	case ".json", ".map":
		return "application/json"
	case ".svg":
		return "image/svg+xml"
	case ".png":
		return "image/png"
	case ".ico":
		return "image/x-icon"
	}
	return "text/plain; charset=utf-8" // robots.txt, gizmo.d.ts
}

// ServeHTTP serves the UI: "/" is index.html, other paths are files of the bundle.
func (ui *webUI) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if p == "/" {
		p = "/index.html"
	}
	a, ok := ui.files[p]
	if !ok {
		writeError(w, fmt.Errorf("%w: %s", ErrNotFound, r.URL.Path))
		return
	}
	h := w.Header()
	h.Set("Content-Type", a.ctype)
	h.Set("Content-Security-Policy", ui.csp)
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("ETag", a.etag)
	// Bundle file names carry a content hash, but the rewrites change content without
	// renaming: revalidate everything (cheap, by ETag).
	h.Set("Cache-Control", "no-cache")
	http.ServeContent(w, r, p, time.Time{}, bytes.NewReader(a.body))
}
