package server

import (
	"context"
	"encoding/json"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"runtime"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
)

// TestEndpoints drives every endpoint of a read-only server over HTTP against the
// fixture graph: the answer's status, type and a part of its body that only the right
// answer has.
func TestEndpoints(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	q := func(lang string) string { return srv.URL + "/api/v2/query?lang=" + lang }
	const ldjson = "application/ld+json"
	cases := []struct {
		name         string
		method, url  string
		body         string
		header       []string
		status       int
		ctype        string
		want, reject []string
	}{
		{name: "health", method: "GET", url: "/health", status: 200, ctype: "application/json",
			want: []string{`"status":"ok"`, `"read_only":true`}},
		{name: "gizmo", method: "POST", url: q("gizmo"), body: `g.V("<ent:armenia>").In("<rel:accuse>").All()`,
			status: 200, ctype: "application/json", want: []string{`{"result":[{"id":"<ent:azerbaijan>"}]}`}},
		{name: "gizmo get", method: "GET", url: q("gizmo") + "&qu=" + url.QueryEscape(`g.V("<ent:vladimir_putin>").Out("<rel:meet>").All()`),
			status: 200, want: []string{`"id":"<ent:ilham_aliyev>"`}},
		{name: "gizmo json-ld for visualize", method: "POST", url: q("gizmo"), header: []string{"Accept", ldjson},
			body:   `g.V("<ent:russia>").Tag("source").Out("<rel:mediate>").Tag("target").All()`,
			status: 200, ctype: ldjson,
			want: []string{`"source":{"@id":"ent:russia"}`, `"target":{"@id":"conflict:armenia--azerbaijan"}`}},
		{name: "gizmo empty result is an array", method: "POST", url: q("gizmo"), body: `g.V("<ent:nobody>").Out().All()`,
			status: 200, want: []string{`{"result":[]}`}},
		{name: "graphql answers JSON when asked for JSON-LD", method: "POST", url: q("graphql"), header: []string{"Accept", ldjson},
			body:   `{ nodes(id: <ent:ilham_aliyev>) { id, <rel:lead> } }`,
			status: 200, ctype: "application/json", want: []string{`"<rel:lead>":"ent:azerbaijan"`}},
		{name: "mql", method: "POST", url: q("mql"), body: `[{"id": "<ent:nikol_pashinyan>", "<rel:lead>": null}]`,
			status: 200, want: []string{`"<rel:lead>":"<ent:armenia>"`}},
		{name: "query without language", method: "POST", url: srv.URL + "/api/v2/query", body: `g.V().All()`,
			status: 400, ctype: "application/json", want: []string{`"error":"run query: no query language`}},
		{name: "query unknown language", method: "POST", url: q("sparql"), body: `SELECT *`,
			status: 400, want: []string{`unknown query language \"sparql\"`}},
		{name: "query empty", method: "POST", url: q("gizmo"), status: 400, want: []string{"the query is empty"}},
		{name: "gizmo syntax error", method: "POST", url: q("gizmo"), body: `g.V(.All()`,
			status: 400, want: []string{`"error":"run gizmo query: `}},
		{name: "gizmo runtime error", method: "POST", url: q("gizmo"), body: `g.V().Nope()`,
			status: 400, want: []string{"Nope"}},
		{name: "read", method: "GET", url: "/api/v2/read?sub=" + url.QueryEscape("<ent:ilham_aliyev>"), status: 200,
			ctype: "application/n-quads", want: []string{`<ent:ilham_aliyev> <rel:lead> <ent:azerbaijan> <art:d4e5f6a1b2c3> .`},
			reject: []string{"<ent:armenia> <rel:accuse>"}},
		{name: "read json-ld", method: "GET", url: "/api/v2/read?format=jsonld&sub=" + url.QueryEscape("<ent:ilham_aliyev>"),
			status: 200, ctype: "application/ld+json", want: []string{`"rel:lead":[{"@id":"ent:azerbaijan"}]`}},
		{name: "formats", method: "GET", url: "/api/v2/formats", status: 200, want: []string{`"id":"nquads"`}},
		{name: "write is off by default", method: "POST", url: "/api/v2/write", body: `<a> <b> <c> .`,
			header: []string{"Authorization", "Bearer " + testToken}, status: 403, want: []string{"writes are disabled"}},
		{name: "delete is off by default", method: "POST", url: "/api/v2/delete", body: `<ent:armenia> <rel:accuse> <ent:azerbaijan> .`,
			status: 403, want: []string{"writes are disabled"}},
		{name: "wrong method", method: "DELETE", url: "/api/v2/query", status: 405, ctype: "application/json",
			want: []string{"method not allowed: DELETE /api/v2/query (allowed: GET, POST)"}},
		{name: "unknown api path", method: "GET", url: "/api/v1/shape/gizmo", status: 404, ctype: "application/json",
			want: []string{`"error":"server: not found: /api/v1/shape/gizmo"`}},
		{name: "ui index", method: "GET", url: "/", status: 200, ctype: "text/html; charset=utf-8",
			want: []string{`<script src="/newsgraph/newsgraph.js"></script></head>`, "<title>newsgraph · Cayley</title>"}},
		{name: "ui editor", method: "GET", url: "/newsgraph/newsgraph.js", status: 200, ctype: "text/javascript; charset=utf-8",
			want: []string{"window.monaco = {"}},
		{name: "ui gizmo types", method: "GET", url: "/gizmo.d.ts", status: 200, ctype: "text/plain; charset=utf-8"},
		{name: "no service worker", method: "GET", url: "/service-worker.js", status: 404},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			u := c.url
			if strings.HasPrefix(u, "/") {
				u = srv.URL + u
			}
			status, ctype, body := do(t, c.method, u, c.body, c.header...)
			if status != c.status {
				t.Fatalf("status %d, want %d; body: %s", status, c.status, body)
			}
			if c.ctype != "" && ctype != c.ctype {
				t.Errorf("Content-Type %q, want %q", ctype, c.ctype)
			}
			if status >= 400 {
				var e errorBody
				if err := json.Unmarshal([]byte(body), &e); err != nil || e.Error == "" {
					t.Errorf("error body is not {\"error\": message}: %s", body)
				}
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s:\n%s", w, body)
				}
			}
			for _, r := range c.reject {
				if strings.Contains(body, r) {
					t.Errorf("body has %s:\n%s", r, body)
				}
			}
		})
	}
}

// TestHealthCountsQuads checks /health against the store it serves.
func TestHealthCountsQuads(t *testing.T) {
	srv, qs := newTestServer(t, Options{})
	st, err := qs.Stats(t.Context(), true)
	if err != nil {
		t.Fatal(err)
	}
	_, _, body := do(t, "GET", srv.URL+"/health", "")
	var h health
	if err := json.Unmarshal([]byte(body), &h); err != nil {
		t.Fatal(err)
	}
	if h.Quads != st.Quads.Value || h.Quads < 100 {
		t.Errorf("health says %d quads, the store holds %d", h.Quads, st.Quads.Value)
	}
}

// TestQueryLimit checks that a result longer than QueryLimit is cut and says so, and
// that one that fits is not marked.
func TestQueryLimit(t *testing.T) {
	srv, _ := newTestServer(t, Options{QueryLimit: 3})
	for _, c := range []struct {
		query     string
		rows      int
		truncated bool
	}{
		{`g.V().All()`, 3, true},
		{`g.V("<ent:armenia>", "<ent:russia>").All()`, 2, false},
		{`for (var i = 0; i < 10; i++) { g.Emit(i) }`, 3, true},
	} {
		status, _, body := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", c.query)
		var res queryResponse
		if err := json.Unmarshal([]byte(body), &res); err != nil || status != 200 {
			t.Fatalf("%s: %d %s", c.query, status, body)
		}
		if len(res.Result) != c.rows || res.Truncated != c.truncated {
			t.Errorf("%s: %d rows, truncated %v; want %d, %v", c.query, len(res.Result), res.Truncated, c.rows, c.truncated)
		}
	}
}

// TestRequestSizeLimit checks that a body over MaxRequestBytes is refused with 413.
func TestRequestSizeLimit(t *testing.T) {
	srv, _ := newTestServer(t, Options{MaxRequestBytes: 64, AllowWrites: true, Token: testToken})
	big := `g.V("<ent:armenia>").All()` + strings.Repeat(" ", 100)
	for _, c := range []struct{ url, body string }{
		{"/api/v2/query?lang=gizmo", big},
		{"/api/v2/write", strings.Repeat(`<a> <b> <c> .`+"\n", 10)},
	} {
		status, _, body := do(t, "POST", srv.URL+c.url, c.body, "Authorization", "Bearer "+testToken)
		if status != http.StatusRequestEntityTooLarge || !strings.Contains(body, "request body too large") {
			t.Errorf("%s: %d %s, want 413", c.url, status, body)
		}
	}
	if status, _, body := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", `g.V("<ent:armenia>").All()`); status != 200 {
		t.Errorf("small query: %d %s", status, body)
	}
}

// TestQueryTimeout checks that a Gizmo query that never ends is stopped at the timeout,
// answered with 504, and that its JavaScript VM really stops (goja's interrupt fired)
// rather than spinning on in a goroutine.
func TestQueryTimeout(t *testing.T) {
	srv, _ := newTestServer(t, Options{QueryTimeout: 200 * time.Millisecond})
	for _, query := range []string{
		`while (true) {}`,
		`g.V().ForEach(function(d) { while (true) {} })`,
	} {
		status, _, body := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", query)
		if status != http.StatusGatewayTimeout || !strings.Contains(body, "query timeout (200ms)") {
			t.Fatalf("%s: %d %s, want 504 naming the timeout", query, status, body)
		}
		waitNoGoroutine(t, "gizmo.(*Session).run")
	}
}

// waitGoroutine waits until a goroutine runs fn.
func waitGoroutine(t *testing.T, fn string) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if n := runtime.Stack(buf, true); strings.Contains(string(buf[:n]), fn) {
			return
		}
	}
	t.Fatalf("no goroutine runs %s", fn)
}

// waitNoGoroutine fails the test if a goroutine running fn is still there after a grace
// period: a stopped query must not keep a goroutine (and a core) busy.
func waitNoGoroutine(t *testing.T, fn string) {
	t.Helper()
	buf := make([]byte, 1<<20)
	for deadline := time.Now().Add(5 * time.Second); ; {
		n := runtime.Stack(buf, true)
		if !strings.Contains(string(buf[:n]), fn) {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("a goroutine still runs %s after the query was stopped:\n%s", fn, buf[:n])
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWrites checks the write path of a server started with writes allowed: the token
// is required, writes and deletes change what queries see, and a body with a bad line
// changes nothing.
func TestWrites(t *testing.T) {
	srv, _ := newTestServer(t, Options{AllowWrites: true, Token: testToken})
	auth := []string{"Authorization", "Bearer " + testToken}
	const edge = `<ent:russia> <rel:observe> <topic:ceasefire> <art:manual> .`
	observers := func() string {
		_, _, body := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", `g.V("<topic:ceasefire>").In("<rel:observe>").All()`)
		return body
	}
	steps := []struct {
		name   string
		path   string
		body   string
		header []string
		status int
		want   string
		after  string // what the observers query answers afterwards
	}{
		{"no token", "/api/v2/write", edge, nil, 401, "missing or wrong token", `{"result":[]}`},
		{"wrong token", "/api/v2/write", edge, []string{"Authorization", "Bearer not-the-token-at-all"}, 401, "missing or wrong token", `{"result":[]}`},
		{"token in the wrong scheme", "/api/v2/write", edge, []string{"Authorization", "Basic " + testToken}, 401, "missing or wrong token", `{"result":[]}`},
		{"bad line changes nothing", "/api/v2/write", edge + "\n<ent:russia> <rel:observe> .\n", auth, 400, "parse nquads", `{"result":[]}`},
		{"write", "/api/v2/write", edge + "\n<ent:russia> <rel:observe> <topic:ceasefire> .\n", auth, 200, "Successfully wrote 2 quads.", `{"result":[{"id":"<ent:russia>"},{"id":"<ent:russia>"}]}`},
		{"write again is no error", "/api/v2/write", edge, auth, 200, "Successfully wrote 1 quads.", `{"result":[{"id":"<ent:russia>"},{"id":"<ent:russia>"}]}`},
		{"delete", "/api/v2/delete", edge, auth, 200, "Successfully deleted 1 quads.", `{"result":[{"id":"<ent:russia>"}]}`},
		{"delete a missing quad", "/api/v2/delete", edge, auth, 200, "Successfully deleted 1 quads.", `{"result":[{"id":"<ent:russia>"}]}`},
	}
	for _, s := range steps {
		status, _, body := do(t, "POST", srv.URL+s.path, s.body, s.header...)
		if status != s.status || !strings.Contains(body, s.want) {
			t.Errorf("%s: %d %s; want %d with %q", s.name, status, body, s.status, s.want)
		}
		if got := strings.TrimSpace(observers()); got != s.after {
			t.Errorf("%s: afterwards the graph answers %s, want %s", s.name, got, s.after)
		}
	}
	req, _ := http.NewRequest("POST", srv.URL+"/api/v2/write", strings.NewReader(edge))
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if got := res.Header.Get("WWW-Authenticate"); !strings.HasPrefix(got, "Bearer") {
		t.Errorf("401 without a Bearer challenge: %q", got)
	}
}

// TestCayleyErrorsReissued checks that an error answer of one of Cayley's own handlers
// reaches the client in this server's form: Cayley's read-only write handler answers 403.
func TestCayleyErrorsReissued(t *testing.T) {
	api := cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: newStore(t)})
	api.SetReadOnly(true)
	srv := httptest.NewServer(reissueErrors(api))
	defer srv.Close()
	status, ctype, body := do(t, "POST", srv.URL+"/api/v2/write", `<a> <b> <c> .`)
	if status != http.StatusForbidden || ctype != "application/json" || strings.TrimSpace(body) != `{"error":"cayley: database is read-only"}` {
		t.Errorf("%d %s %s", status, ctype, body)
	}
	status, _, body = do(t, "GET", srv.URL+"/api/v2/formats", "")
	if status != 200 || !strings.Contains(body, `"id":"nquads"`) {
		t.Errorf("a success passes through unchanged: %d %s", status, body)
	}
}

// TestServeShutsDownGracefully checks that Serve, once its context is done, lets a
// running request finish before it returns.
func TestServeShutsDownGracefully(t *testing.T) {
	h, err := New(newStore(t), nil, Options{QueryTimeout: 500 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, h) }()
	answered := make(chan int, 1)
	go func() {
		// Runs until the query timeout: in flight when the shutdown starts.
		res, err := http.Post("http://"+ln.Addr().String()+"/api/v2/query?lang=gizmo", "text/plain", strings.NewReader(`while (true) {}`))
		if err != nil {
			answered <- 0 // the connection was cut
			return
		}
		res.Body.Close()
		answered <- res.StatusCode
	}()
	waitGoroutine(t, "gizmo.(*Session).run")
	cancel()
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	if status := <-answered; status != http.StatusGatewayTimeout {
		t.Errorf("in-flight query answered %d (0: connection cut), want 504", status)
	}
	if _, err := net.Dial("tcp", ln.Addr().String()); err == nil {
		t.Error("still accepting connections after Serve returned")
	}
}

// TestLoopbackHostCheck checks that a loopback server refuses requests for other host
// names (DNS rebinding) and that a server bound elsewhere does not check.
func TestLoopbackHostCheck(t *testing.T) {
	qs := newStore(t)
	for _, c := range []struct {
		bind, host string
		status     int
	}{
		{"127.0.0.1", "127.0.0.1:64210", 200},
		{"127.0.0.1", "localhost:8080", 200},
		{"127.0.0.1", "[::1]:64210", 200},
		{"127.0.0.1", "localhost", 200},
		{"127.0.0.1", "evil.example:64210", 421},
		{"127.0.0.1", "127.0.0.1.evil.example", 421},
		{"::1", "evil.example", 421},
		{"0.0.0.0", "graph.example.org:64210", 200},
	} {
		h, err := New(qs, nil, Options{Host: c.bind})
		if err != nil {
			t.Fatal(err)
		}
		req := httptest.NewRequest("GET", "/health", nil)
		req.Host = c.host
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != c.status {
			t.Errorf("bound to %s, Host %s: %d %s, want %d", c.bind, c.host, rec.Code, rec.Body, c.status)
		}
	}
}
