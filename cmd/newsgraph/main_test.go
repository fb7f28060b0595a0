package main

import (
	"bytes"
	"context"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	cquery "github.com/cayleygraph/cayley/query"

	"github.com/newsgraph/newsgraph/graph"
)

// execute runs the newsgraph command line in-process with a clean environment of settings.
func execute(t *testing.T, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	t.Setenv("XDG_CONFIG_HOME", t.TempDir()) // no user config file
	root := newRootCmd()
	var out, errOut bytes.Buffer
	root.SetArgs(args)
	root.SetIn(strings.NewReader(stdin))
	root.SetOut(&out)
	root.SetErr(&errOut)
	err = root.ExecuteContext(context.Background())
	return out.String(), errOut.String(), err
}

func TestEveryCommandHasAnExample(t *testing.T) {
	for _, c := range newRootCmd().Commands() {
		if c.Name() == "help" || c.Name() == "completion" {
			continue
		}
		if !strings.Contains(c.Example, "$ newsgraph "+c.Name()) {
			t.Errorf("%s: Example has no '$ newsgraph %s' line", c.Name(), c.Name())
		}
	}
}

func TestExtractLoadQuery(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "story.json")
	writeFile(t, article, `{"url": "https://news.example/2020/07/17/mediation", "title": "Moscow offers to mediate",
"published": "2020-07-17", "text": "Russia said on Friday it was ready to mediate between Armenia and Azerbaijan. Armenia accused Azerbaijan of shelling its villages on Sunday."}`)
	store := filepath.Join(dir, "store")

	out, _, err := execute(t, "", "extract", "--format", "jsonl", article)
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	facts := filepath.Join(dir, "facts.jsonl")
	writeFile(t, facts, out)
	if !strings.Contains(out, `"id":"ent:armenia"`) {
		t.Fatalf("no Armenia in the facts:\n%s", out)
	}

	// The facts load, a second time change nothing, and the article's own load agrees.
	for i, want := range []string{"1 added", "1 unchanged"} {
		out, _, err = execute(t, "", "--data-dir", store, "load", "--facts", facts)
		if err != nil || !strings.Contains(out, want) {
			t.Fatalf("load %d: %v\n%s", i, err, out)
		}
	}
	out, _, err = execute(t, "", "--data-dir", store, "load", article)
	if err != nil || !strings.Contains(out, "1 unchanged") {
		t.Fatalf("load of the article after its facts: %v\n%s", err, out)
	}

	out, _, err = execute(t, `g.V("<ent:armenia>").Out("<schema:name>").Unique().All()`, "--data-dir", store, "query")
	if err != nil || !strings.Contains(out, `"Armenia"`) {
		t.Fatalf("query: %v\n%s", err, out)
	}
	_, _, err = execute(t, "", "--data-dir", store, "timeline", "Armenia", "--since", "20x")
	if got := exitCode(err); got != exitUsage {
		t.Errorf("timeline --since 20x: exit code %d (error %v), want %d", got, err, exitUsage)
	}
	out, _, err = execute(t, "", "--data-dir", store, "stats", "--format", "json")
	if err != nil || !strings.Contains(out, `"articles": 1`) {
		t.Fatalf("stats: %v\n%s", err, out)
	}
	out, _, err = execute(t, "", "--data-dir", store, "retract", "https://news.example/2020/07/17/mediation")
	if err != nil {
		t.Fatalf("retract: %v\n%s", err, out)
	}
	out, _, err = execute(t, "", "--data-dir", store, "export")
	if err != nil || strings.TrimSpace(out) != "" {
		t.Fatalf("export after retracting the only article: %v\n%q", err, out)
	}
}

func TestLoadRejectsBadLinesAndKeepsGoodOnes(t *testing.T) {
	dir := t.TempDir()
	facts := filepath.Join(dir, "facts.jsonl")
	good := `{"article":"art:000000000001","published":"2020-07-17","subject":{"name":"Russia","id":"ent:russia","type":"Country"},"predicate":"mediate","object":{"name":"Armenia–Azerbaijan","id":"conflict:armenia--azerbaijan","type":"Conflict"},"date":"2020-07-17","date_precision":"day","date_source":"published","modality":"intent","class":"mediate","sentence":"Russia is ready to mediate.","offset":0,"confidence":0.8}`
	writeFile(t, facts, good+"\n{not json\n"+`{"article":"art:000000000002","predicate":"say"}`+"\n")
	out, errOut, err := execute(t, "", "--data-dir", filepath.Join(dir, "store"), "load", "--facts", facts)
	if err == nil {
		t.Fatal("load with rejected lines succeeded; want a non-zero exit")
	}
	if !strings.Contains(out, "1 added") {
		t.Errorf("the valid line did not load:\n%s", out)
	}
	for _, want := range []string{"facts.jsonl:2:", "facts.jsonl:3:"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
}

func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	badConfig := filepath.Join(dir, "bad.yaml")
	writeFile(t, badConfig, "store:\n  bakend: bolt\n")
	for _, args := range [][]string{
		{"path", "Putin"},
		{"pth", "Putin", "Azerbaijan"},
		{"eval", "crab"},
		{"extract", "--format", "xml", "-"},
		{"--db", "boltx", "stats"},
		{"query", "--lang", "sparql", "x"},
		{"timeline", "Armenia", "--class", "bogus"},
		{"stats", "--format", "yaml"},
		{"config", "--format", "yaml"},
		{"timeline", "Armenia", "--nope"},
		{"path", "Putin", "Azerbaijan", "--max-hops", "0"},
		{"related", "Armenia", "--gap-days", "-5"},
		{"search", "kara", "--limit", "0"},
		{"--db", "memory", "stats"},
		{"--config", filepath.Join(dir, "missing.yaml"), "config"},
		{"--config", badConfig, "config"},
	} {
		_, _, err := execute(t, "", args...)
		if got := exitCode(err); got != exitUsage {
			t.Errorf("%v: exit code %d (error %v), want %d", args, got, err, exitUsage)
		}
	}
}

// TestReadmeGizmo runs every Gizmo example of the README against the demo graph: the
// README promises they return results.
func TestReadmeGizmo(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	blocks := regexp.MustCompile("(?s)```js\n(.*?)```").FindAllStringSubmatch(string(readme), -1)
	if len(blocks) < 5 {
		t.Fatalf("found %d Gizmo examples in the README, want at least 5", len(blocks))
	}
	ctx := context.Background()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		t.Fatal(err)
	}
	defer store.Close()
	if err := buildDemo(ctx, io.Discard, store); err != nil {
		t.Fatal(err)
	}
	for _, b := range blocks {
		q := b[1]
		it, err := cquery.Execute(ctx, store.QuadStore(), "gizmo", q, cquery.Options{Collation: cquery.JSON, Limit: 10})
		if err != nil {
			t.Errorf("%s: %v", q, err)
			continue
		}
		n := 0
		for it.Next(ctx) {
			n++
		}
		if err := it.Err(); err != nil {
			t.Errorf("%s: %v", q, err)
		}
		if n == 0 {
			t.Errorf("no results on the demo graph:\n%s", q)
		}
		it.Close()
	}
}

func TestDemoAnswers(t *testing.T) {
	out, _, err := execute(t, "", "demo", "--no-serve")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Built the demo graph", "How is Putin connected", "—"} {
		if !strings.Contains(out, want) {
			t.Errorf("demo output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "(no path") {
		t.Errorf("the demo found no path from Putin to Nagorno-Karabakh:\n%s", out)
	}
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}
