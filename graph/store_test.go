package graph

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
)

// Articles in testdata/facts.jsonl.
const (
	artTruce    = "art:6f1d0c2a9b31" // changed in facts-v2.jsonl
	artFighting = "art:2c84e7f05a19"
	artPretoria = "art:9e5a3b7c1d40"
	urlTruce    = "https://example.org/news/2020/10/10/moscow-truce"
)

// TestStore runs one behaviour suite against every backend; each case gets an empty store.
func TestStore(t *testing.T) {
	for _, b := range backends {
		t.Run(b.name, func(t *testing.T) {
			for _, c := range suite {
				t.Run(c.name, func(t *testing.T) {
					if c.persistentOnly && !b.persistent {
						t.Skip("only for stores that outlive the process")
					}
					opts := b.options(t)
					c.run(t, opts, openStore(t, opts))
				})
			}
		})
	}
}

var suite = []struct {
	name           string
	persistentOnly bool
	run            func(t *testing.T, opts Options, st *Store)
}{
	{name: "load", run: testLoad},
	{name: "reload unchanged", run: testReloadUnchanged},
	{name: "replace changed article", run: testReplace},
	{name: "replace one sentence", run: testReplaceSentence},
	{name: "two versions in one batch", run: testTwoVersionsInOneBatch},
	{name: "retract", run: testRetract},
	{name: "article without facts", run: testNoFacts},
	{name: "invalid article", run: testInvalidArticle},
	{name: "stats", run: testStats},
	{name: "export", run: testExport},
	{name: "bad jsonl lines", run: testBadLines},
	{name: "reopen", persistentOnly: true, run: testReopen},
	{name: "read only", persistentOnly: true, run: testReadOnly},
}

func mustLoad(t *testing.T, st *Store, rs []extract.Result) Report {
	t.Helper()
	rep, err := st.Load(context.Background(), rs)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	return rep
}

func testLoad(t *testing.T, _ Options, st *Store) {
	rs := readFactsFile(t, "facts.jsonl")
	rep := mustLoad(t, st, rs)
	got := snapshot(t, st)
	if want := expectedQuads(rs); !slices.Equal(got, want) {
		t.Fatalf("store after load: %s", diff(got, want))
	}
	if want := (Report{Added: 3, QuadsAdded: len(got)}); rep != want {
		t.Errorf("report = %+v, want %+v", rep, want)
	}
	// Spot checks written by hand, independent of ArticleQuads.
	for _, q := range []string{
		"<ent:russia> <rel:mediate> <conflict:armenia--azerbaijan> <art:6f1d0c2a9b31> .",
		`<ent:russia> <schema:alternateName> "Moscow" <art:6f1d0c2a9b31> .`,
		`<art:2c84e7f05a19> <schema:url> "https://example.org/news/2020/09/28/fighting" <art:2c84e7f05a19> .`,
		"<stmt:2c84e7f05a19-0> <ng:thread> <conflict:armenia--azerbaijan> <art:2c84e7f05a19> .",
		"<stmt:9e5a3b7c1d40-0> <ng:thread> <conflict:ethiopia--tigray_peoples_liberation_front> <art:9e5a3b7c1d40> .",
	} {
		if _, ok := slices.BinarySearch(got, q); !ok {
			t.Errorf("missing quad %s", q)
		}
	}
}

func testReloadUnchanged(t *testing.T, _ Options, st *Store) {
	rs := readFactsFile(t, "facts.jsonl")
	mustLoad(t, st, rs)
	before := snapshot(t, st)
	rep := mustLoad(t, st, readFactsFile(t, "facts.jsonl"))
	if want := (Report{Unchanged: 3}); rep != want {
		t.Errorf("second load report = %+v, want %+v", rep, want)
	}
	if after := snapshot(t, st); !slices.Equal(after, before) {
		t.Errorf("second load changed the store: %s", diff(after, before))
	}
}

func testReplace(t *testing.T, _ Options, st *Store) {
	mustLoad(t, st, readFactsFile(t, "facts.jsonl"))
	before := snapshot(t, st)
	v2 := readFactsFile(t, "facts-v2.jsonl")
	rep := mustLoad(t, st, append(readFactsFile(t, "facts.jsonl")[1:], v2...))
	if rep.Replaced != 1 || rep.Unchanged != 2 || rep.Added != 0 || rep.QuadsAdded == 0 || rep.QuadsRemoved == 0 {
		t.Errorf("report = %+v, want 1 replaced, 2 unchanged, quads added and removed", rep)
	}
	after := snapshot(t, st)
	if got, want := withoutLabel(after, artTruce), withoutLabel(before, artTruce); !slices.Equal(got, want) {
		t.Errorf("replacing %s touched other articles: %s", artTruce, diff(got, want))
	}
	if got, want := withLabel(after, artTruce), expectedQuads(v2); !slices.Equal(got, want) {
		t.Errorf("replaced article: %s", diff(got, want))
	}
	for _, gone := range []string{"Baku said Armenian forces", "<stmt:6f1d0c2a9b31-2> <ng:class> \"accuse\""} {
		for _, l := range after {
			if strings.Contains(l, gone) && !strings.Contains(l, "<ng:record>") {
				t.Errorf("quad of the old version survived: %s", l)
			}
		}
	}
	// The old version's sentence is referenced by nothing now: the node itself must be gone.
	old := quad.String("Russia hosted ten hours of talks between the two foreign ministers on Friday.")
	if hasNode(t, st, old) {
		t.Errorf("node of a removed sentence is still in the store")
	}
	if !hasNode(t, st, quad.IRI("stmt:6f1d0c2a9b31-3")) {
		t.Errorf("node of an added statement is missing")
	}
}

// testReplaceSentence corrects one sentence: the smallest replacement, which every backend
// applies as a single transaction touching only the changed quads.
func testReplaceSentence(t *testing.T, _ Options, st *Store) {
	rs := readFactsFile(t, "facts.jsonl")
	mustLoad(t, st, rs)
	fixed := rs[2]
	fixed.Facts = slices.Clone(fixed.Facts)
	fixed.Facts[1].Sentence = "The talks, led by the African Union, began in Pretoria in late October."
	rep := mustLoad(t, st, []extract.Result{fixed})
	// Out: old sentence, old hash, old record. In: the same three, new.
	if want := (Report{Replaced: 1, QuadsAdded: 3, QuadsRemoved: 3}); rep != want {
		t.Errorf("report = %+v, want %+v", rep, want)
	}
	if got, want := snapshot(t, st), expectedQuads([]extract.Result{rs[0], rs[1], fixed}); !slices.Equal(got, want) {
		t.Errorf("store: %s", diff(got, want))
	}
}

func testTwoVersionsInOneBatch(t *testing.T, _ Options, st *Store) {
	v1 := readFactsFile(t, "facts.jsonl")
	v2 := readFactsFile(t, "facts-v2.jsonl")
	rep := mustLoad(t, st, append(v1, v2...)) // default batch holds both versions of artTruce
	if rep.Added != 3 || rep.Replaced != 1 {
		t.Errorf("report = %+v, want 3 added then 1 replaced", rep)
	}
	if got, want := snapshot(t, st), expectedQuads(append(v1, v2...)); !slices.Equal(got, want) {
		t.Errorf("store: %s", diff(got, want))
	}
}

func testRetract(t *testing.T, _ Options, st *Store) {
	ctx := context.Background()
	mustLoad(t, st, readFactsFile(t, "facts.jsonl"))
	before := snapshot(t, st)
	for _, c := range []struct{ by, article, label string }{
		{"IRI", artFighting, artFighting},
		{"URL", urlTruce, artTruce},
	} {
		if err := st.Retract(ctx, c.article); err != nil {
			t.Fatalf("retract by %s: %v", c.by, err)
		}
		after := snapshot(t, st)
		if left := withLabel(after, c.label); len(left) > 0 {
			t.Errorf("retract by %s left %d quads, first %s", c.by, len(left), left[0])
		}
		if got, want := after, withoutLabel(before, c.label); !slices.Equal(got, want) {
			t.Errorf("retract by %s: %s", c.by, diff(got, want))
		}
		before = after
		if err := st.Retract(ctx, c.article); !errors.Is(err, ErrNotFound) {
			t.Errorf("second retract by %s: err = %v, want ErrNotFound", c.by, err)
		}
	}
	if err := st.Retract(ctx, "art:000000000000"); !errors.Is(err, ErrNotFound) {
		t.Errorf("retract unknown: err = %v, want ErrNotFound", err)
	}
	if got := snapshot(t, st); !slices.Equal(got, expectedQuads(readFactsFile(t, "facts.jsonl")[2:])) {
		t.Errorf("after retracting two of three: %s", diff(got, expectedQuads(readFactsFile(t, "facts.jsonl")[2:])))
	}
}

func testNoFacts(t *testing.T, _ Options, st *Store) {
	a := extract.Article{ID: "art:51c0a4d2e8f7", URL: "https://example.org/news/quiet-day", Title: "A quiet day at the border"}
	rep := mustLoad(t, st, []extract.Result{{Article: a}})
	if rep.Added != 1 {
		t.Errorf("report = %+v, want 1 added", rep)
	}
	want := expectedQuads([]extract.Result{{Article: a}})
	if got := snapshot(t, st); !slices.Equal(got, want) {
		t.Errorf("store: %s", diff(got, want))
	}
	if err := st.Retract(context.Background(), a.URL); err != nil {
		t.Errorf("retract an article without facts: %v", err)
	}
}

func testInvalidArticle(t *testing.T, _ Options, st *Store) {
	rs := readFactsFile(t, "facts.jsonl")
	bad := rs[0]
	bad.Facts = slices.Clone(bad.Facts)
	bad.Facts[1].Object.ID = "topic:cease fire"
	rep, err := st.Load(context.Background(), []extract.Result{bad, {Article: extract.Article{Source: "feed.xml#3"}}, rs[1], rs[2]})
	if !errors.Is(err, ErrInvalidArticle) {
		t.Fatalf("err = %v, want ErrInvalidArticle", err)
	}
	for _, want := range []string{"fact 2: object.id \"topic:cease fire\"", "feed.xml#3: no article ID"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not mention %q", err, want)
		}
	}
	if rep.Added != 2 {
		t.Errorf("report = %+v, want the 2 valid articles added", rep)
	}
	if got, want := snapshot(t, st), expectedQuads(rs[1:]); !slices.Equal(got, want) {
		t.Errorf("store: %s", diff(got, want))
	}
}

func testStats(t *testing.T, _ Options, st *Store) {
	rs := readFactsFile(t, "facts.jsonl")
	mustLoad(t, st, rs)
	got, err := st.Stats(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	// Expected counts derived from the facts, not from the store.
	want := Stats{Entities: map[string]int64{}, Articles: int64(len(rs)), Quads: int64(len(expectedQuads(rs)))}
	seen, threads := map[string]bool{}, map[string]bool{}
	for _, r := range rs {
		factThreads := Threads(r.Facts)
		for i, f := range r.Facts {
			want.Facts++
			for _, e := range []extract.Entity{f.Subject, f.Object} {
				if !seen[e.ID] {
					seen[e.ID] = true
					want.Entities[e.Type]++
				}
			}
			if th := factThreads[i]; th != "" {
				threads[th] = true
				if !seen[th] { // a thread between two parties is a Conflict node too
					seen[th] = true
					want.Entities[extract.TypeConflict]++
				}
			}
		}
	}
	want.Threads = int64(len(threads))
	if got.Facts != want.Facts || got.Articles != want.Articles || got.Threads != want.Threads || got.Quads != want.Quads {
		t.Errorf("stats = %+v, want %+v", got, want)
	}
	if len(got.Entities) != len(want.Entities) {
		t.Errorf("entities = %v, want %v", got.Entities, want.Entities)
	}
	for typ, n := range want.Entities {
		if got.Entities[typ] != n {
			t.Errorf("entities[%s] = %d, want %d", typ, got.Entities[typ], n)
		}
	}
}

func testExport(t *testing.T, _ Options, st *Store) {
	ctx := context.Background()
	mustLoad(t, st, readFactsFile(t, "facts.jsonl"))
	want := snapshot(t, st)

	var buf bytes.Buffer
	if err := st.Export(ctx, &buf, FormatNQuads); err != nil {
		t.Fatal(err)
	}
	got := readBack(t, nquads.NewReader(&buf, false))
	if !slices.Equal(got, want) {
		t.Errorf("nquads export: %s", diff(got, want))
	}

	buf.Reset()
	if err := st.Export(ctx, &buf, FormatJSONLD); err != nil {
		t.Fatal(err)
	}
	if !json.Valid(buf.Bytes()) {
		t.Fatalf("jsonld export is not JSON: %.200s", buf.String())
	}
	// JSON-LD has no integer/double distinction worth keeping, so compare the quads' shape:
	// every subject–predicate–label of the store comes back.
	shape := func(lines []string) []string {
		var out []string
		for _, l := range lines {
			q, err := nquads.Parse(l)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, q.Subject.String()+" "+q.Predicate.String()+" "+quad.StringOf(q.Label))
		}
		sort.Strings(out)
		return out
	}
	gotLD := readBack(t, jsonld.NewReader(&buf))
	if g, w := shape(gotLD), shape(want); !slices.Equal(g, w) {
		t.Errorf("jsonld export: %s", diff(g, w))
	}

	if err := st.Export(ctx, io.Discard, "turtle"); !errors.Is(err, ErrUnknownFormat) {
		t.Errorf("export turtle: err = %v, want ErrUnknownFormat", err)
	}
}

func readBack(t *testing.T, r quad.Reader) []string {
	t.Helper()
	var out []string
	for {
		q, err := r.ReadQuad()
		if err == io.EOF {
			break
		} else if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	sort.Strings(out)
	return out
}

func testBadLines(t *testing.T, _ Options, st *Store) {
	f, err := os.Open("testdata/bad.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := ReadFacts(f, "bad.jsonl")
	if err == nil {
		t.Fatal("no error for bad.jsonl")
	}
	var first *LineError
	if !errors.As(err, &first) || first.Name != "bad.jsonl" || first.Line != 2 {
		t.Errorf("first line error = %+v, want bad.jsonl line 2", first)
	}
	for _, want := range []string{
		"bad.jsonl:2: invalid JSON",
		"bad.jsonl:3: missing predicate",
		"bad.jsonl:4: offset: wrong type: got JSON string, want integer",
		"bad.jsonl:5: subject.id \"ent:russia federation\": character ' ' is not allowed",
		"bad.jsonl:6: got a JSON array, want an object",
		"bad.jsonl:9: published: \"10/10/2020\" is not a YYYY-MM-DD date",
		"bad.jsonl:10: missing article",
		"bad.jsonl:11: object.type: unknown value \"Nation\"",
		"bad.jsonl:12: confidence: wrong type: got JSON string, want number",
	} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("errors do not contain %q:\n%v", want, err)
		}
	}
	if n := strings.Count(err.Error(), "\n") + 1; n != 9 {
		t.Errorf("%d errors, want 9:\n%v", n, err)
	}
	rep := mustLoad(t, st, rs)
	if rep.Added != 2 {
		t.Errorf("valid lines: report %+v, want 2 articles added", rep)
	}
	if got := snapshot(t, st); len(withLabel(got, artTruce)) == 0 || len(withLabel(got, artPretoria)) == 0 {
		t.Errorf("valid lines 1 and 8 did not load")
	}
}

func testReopen(t *testing.T, opts Options, st *Store) {
	rs := readFactsFile(t, "facts.jsonl")
	mustLoad(t, st, rs)
	want := snapshot(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	st = openStore(t, opts)
	if got := snapshot(t, st); !slices.Equal(got, want) {
		t.Fatalf("after reopening: %s", diff(got, want))
	}
	if rep := mustLoad(t, st, rs); rep.Unchanged != 3 {
		t.Errorf("reload after reopening: %+v, want 3 unchanged", rep)
	}
}

func testReadOnly(t *testing.T, opts Options, st *Store) {
	ctx := context.Background()
	mustLoad(t, st, readFactsFile(t, "facts.jsonl"))
	want := snapshot(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	opts.ReadOnly = true
	ro := openStore(t, opts)
	if got := snapshot(t, ro); !slices.Equal(got, want) {
		t.Errorf("read-only view: %s", diff(got, want))
	}
	if _, err := ro.Load(ctx, readFactsFile(t, "facts-v2.jsonl")); !errors.Is(err, ErrReadOnly) {
		t.Errorf("load into read-only store: err = %v, want ErrReadOnly", err)
	}
	if err := ro.Retract(ctx, artTruce); !errors.Is(err, ErrReadOnly) {
		t.Errorf("retract from read-only store: err = %v, want ErrReadOnly", err)
	}
}
