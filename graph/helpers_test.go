package graph

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sort"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// postgresEnv names the variable holding the DSN of a PostgreSQL server tests may create
// databases on, e.g. postgres://postgres@127.0.0.1:5432/newsgraph_test?sslmode=disable.
const postgresEnv = "NEWSGRAPH_TEST_POSTGRES"

// backend is a way of getting a fresh, empty store of one kind.
type backend struct {
	name       string
	persistent bool
	options    func(t *testing.T) Options
}

var backends = []backend{
	{name: "memory", options: func(*testing.T) Options { return Options{Backend: BackendMemory} }},
	{name: "bolt", persistent: true, options: func(t *testing.T) Options {
		return Options{Backend: BackendBolt, Path: t.TempDir() + "/store"}
	}},
	{name: "postgres", persistent: true, options: postgresOptions},
}

var pgDatabases atomic.Int64

// postgresOptions creates a database of its own for the test on the server named by
// NEWSGRAPH_TEST_POSTGRES, and drops it when the test ends, so runs repeat exactly.
func postgresOptions(t *testing.T) Options {
	dsn := os.Getenv(postgresEnv)
	if dsn == "" && os.Getenv("NEWSGRAPH_TEST_REQUIRE_POSTGRES") != "" {
		t.Fatalf("%s is not set but NEWSGRAPH_TEST_REQUIRE_POSTGRES is: CI must run the PostgreSQL suite", postgresEnv)
	}
	if dsn == "" {
		t.Skipf("%s is not set: skipping PostgreSQL (set it to a postgres:// URL of a server the tests may create databases on)", postgresEnv)
	}
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatalf("%s: %v", postgresEnv, err)
	}
	admin, err := sql.Open("postgres", dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { admin.Close() })
	name := fmt.Sprintf("newsgraph_t%d_%d", os.Getpid(), pgDatabases.Add(1))
	if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name); err != nil {
		t.Fatalf("drop database %s: %v", name, err)
	}
	if _, err := admin.Exec("CREATE DATABASE " + name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		if _, err := admin.Exec("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u.Path = "/" + name
	return Options{Backend: BackendPostgres, Address: u.String()}
}

// openStore opens a store and closes it when the test ends.
func openStore(t *testing.T, opts Options) *Store {
	t.Helper()
	st, err := Open(context.Background(), opts)
	if err != nil {
		t.Fatalf("open %s store: %v", opts.Backend, err)
	}
	t.Cleanup(func() { st.Close() })
	return st
}

// readFactsFile reads a fact file from testdata and fails the test on any rejected line.
func readFactsFile(t *testing.T, name string) []extract.Result {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rs, err := ReadFacts(f, name)
	if err != nil {
		t.Fatalf("read %s: %v", name, err)
	}
	return rs
}

// snapshot is every quad in the store as sorted N-Quads lines.
func snapshot(t *testing.T, st *Store) []string {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore()
	it := qs.QuadsAllIterator().Iterate()
	defer it.Close()
	var out []string
	for it.Next(ctx) {
		q, err := qs.Quad(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, q.NQuad())
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// expectedQuads is what loading results must leave in an empty store, computed independently
// of the loader's bookkeeping: each article's quads plus its hash and record quads.
func expectedQuads(rs []extract.Result) []string {
	latest := map[string]extract.Result{}
	for _, r := range rs {
		latest[r.Article.ID] = r
	}
	var out []string
	for _, r := range latest {
		qs := ArticleQuads(r.Article, r.Facts)
		lines := make([]string, len(qs))
		for i, q := range qs {
			out = append(out, q.NQuad())
			q.Label = nil
			lines[i] = q.NQuad()
		}
		art := quad.IRI(r.Article.ID)
		out = append(out,
			quad.Quad{Subject: art, Predicate: NGContentHash, Object: quad.String(linesHash(tripleLines(qs))), Label: art}.NQuad(),
			quad.Quad{Subject: art, Predicate: NGRecord, Object: quad.String(strings.Join(lines, "\n")), Label: art}.NQuad(),
		)
	}
	sort.Strings(out)
	return out
}

// withLabel keeps the lines whose quad carries the given label.
func withLabel(lines []string, label string) []string {
	var out []string
	for _, l := range lines {
		if strings.HasSuffix(l, " <"+label+"> .") {
			out = append(out, l)
		}
	}
	return out
}

func withoutLabel(lines []string, label string) []string {
	var out []string
	for _, l := range lines {
		if !strings.HasSuffix(l, " <"+label+"> .") {
			out = append(out, l)
		}
	}
	return out
}

// diff describes how two sorted line lists differ, for failure messages.
func diff(got, want []string) string {
	g, w := map[string]bool{}, map[string]bool{}
	for _, l := range got {
		g[l] = true
	}
	for _, l := range want {
		w[l] = true
	}
	var b strings.Builder
	fmt.Fprintf(&b, "got %d quads, want %d", len(got), len(want))
	n := 0
	for _, l := range got {
		if !w[l] && n < 10 {
			fmt.Fprintf(&b, "\n  unexpected: %.200s", l)
			n++
		}
	}
	for _, l := range want {
		if !g[l] && n < 20 {
			fmt.Fprintf(&b, "\n  missing:    %.200s", l)
			n++
		}
	}
	return b.String()
}

// hasNode reports whether the store lists v among its nodes.
func hasNode(t *testing.T, st *Store, v quad.Value) bool {
	t.Helper()
	ctx := context.Background()
	qs := st.QuadStore()
	it := qs.NodesAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		n, err := qs.NameOf(it.Result())
		if err != nil {
			t.Fatal(err)
		}
		if n == v {
			return true
		}
	}
	if err := it.Err(); err != nil {
		t.Fatal(err)
	}
	return false
}
