package server

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestNewsgraphEndpoints drives /api/newsgraph/* with package queries over the fixture
// graph, checking for what only the right answer holds, and the errors for bad input.
func TestNewsgraphEndpoints(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	cases := []struct {
		name   string
		path   string
		status int
		want   []string
	}{
		{"path", "/api/newsgraph/path?from=Putin&to=Azerbaijan", 200, []string{
			`"predicate":"meet","object":{"name":"Ilham Aliyev"`,
			`"predicate":"lead","object":{"name":"Azerbaijan"`,
			`"sentence":"Putin spoke with Ilham Aliyev before the announcement."`,
			`"gizmo":["`}},
		{"no path in the date window", "/api/newsgraph/path?from=Putin&to=Azerbaijan&until=2019", 200, []string{`{"paths":[],"gizmo":[]}`}},
		{"timeline", "/api/newsgraph/timeline?entity=Armenia&with=Azerbaijan", 200, []string{
			`"with":{"name":"Azerbaijan"`, `"month":"2016-04"`, `"month":"2023-09"`, `"predicate":"fight"`}},
		{"timeline by class", "/api/newsgraph/timeline?entity=Armenia&with=Azerbaijan&class=attack", 200, []string{
			`"events":1`, `"date":"2020-09-27"`, `"modality":"reported"`}},
		{"related", "/api/newsgraph/related?entity=Azerbaijan", 200, []string{
			`"conflict":{"name":"Armenia–Azerbaijan","id":"conflict:armenia--azerbaijan"`, `"first":"2016-04-02"`, `"last":"2023-09-20"`}},
		{"entity", "/api/newsgraph/entity?entity=the+Russian+president", 200, []string{
			`"id":"ent:vladimir_putin"`, `"aliases":["Putin","the Russian president"]`, `{"name":"meet","count":1}`}},
		{"search", "/api/newsgraph/search?q=arm", 200, []string{`{"entities":[{"name":"Armenia","id":"ent:armenia","type":"Country"}`}},
		{"search finds nothing", "/api/newsgraph/search?q=zzzz", 200, []string{`{"entities":[]}`}},
		{"unknown entity", "/api/newsgraph/entity?entity=Nobody+Atall", 404, []string{`no entity matches`}},
		{"bad date", "/api/newsgraph/timeline?entity=Armenia&since=20x", 400, []string{`bad date`}},
		{"every bad parameter at once", "/api/newsgraph/path?from=Putin&k=0&max_hops=x&topic=1", 400, []string{
			`unknown parameter \"topic\"`, `missing parameter \"to\"`,
			`parameter \"k\": want a positive integer, got \"0\"`, `parameter \"max_hops\": want a positive integer, got \"x\"`}},
		{"bad boolean", "/api/newsgraph/path?from=Putin&to=Russia&topics=maybe", 400, []string{`parameter \"topics\": want true or false`}},
		{"unknown endpoint", "/api/newsgraph/shortest", 404, []string{`not found: /api/newsgraph/shortest`}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			status, ctype, body := do(t, "GET", srv.URL+c.path, "")
			if status != c.status || ctype != "application/json" {
				t.Fatalf("%d %s, want %d application/json: %s", status, ctype, c.status, body)
			}
			for _, w := range c.want {
				if !strings.Contains(body, w) {
					t.Errorf("body lacks %s:\n%s", w, body)
				}
			}
		})
	}
}

// TestPathGizmoDrawsInVisualize checks that the Gizmo query the path endpoint returns,
// pasted into the UI's Visualize page (a JSON-LD query), yields the path's edges as
// source/target rows.
func TestPathGizmoDrawsInVisualize(t *testing.T) {
	srv, _ := newTestServer(t, Options{})
	_, _, body := do(t, "GET", srv.URL+"/api/newsgraph/path?from=Putin&to=Azerbaijan", "")
	var res PathResponse
	if err := json.Unmarshal([]byte(body), &res); err != nil || len(res.Gizmo) == 0 {
		t.Fatalf("path: %v: %s", err, body)
	}
	status, _, body := do(t, "POST", srv.URL+"/api/v2/query?lang=gizmo", res.Gizmo[0], "Accept", "application/ld+json")
	if status != 200 {
		t.Fatalf("gizmo %q: %d %s", res.Gizmo[0], status, body)
	}
	var rows struct {
		Result []struct {
			Source, Target struct {
				ID string `json:"@id"`
			}
		}
	}
	if err := json.Unmarshal([]byte(body), &rows); err != nil {
		t.Fatal(err)
	}
	edges := map[string]bool{}
	for _, r := range rows.Result {
		edges[r.Source.ID+" "+r.Target.ID] = true
	}
	for _, hop := range res.Paths[0].Hops {
		if !edges[hop.Subject.ID+" "+hop.Object.ID] && !edges[hop.Object.ID+" "+hop.Subject.ID] {
			t.Errorf("Visualize rows lack the hop %s–%s; rows: %v", hop.Subject.ID, hop.Object.ID, edges)
		}
	}
	if t.Failed() {
		t.Logf("query: %s", res.Gizmo[0])
	}
}
