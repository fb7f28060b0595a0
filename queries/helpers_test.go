package queries_test

import (
	"context"
	"flag"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the expected output in testdata from the current results")

// readFacts reads a facts JSONL file (the `extract --format jsonl` form) into articles.
func readFacts(tb testing.TB, path string) []extract.Result {
	tb.Helper()
	f, err := os.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	results, err := graph.ReadFacts(f, path)
	if err != nil {
		tb.Fatal(err)
	}
	return results
}

// testStores loads the facts with package graph's loader into the stores every data-driven
// test runs against: memstore, and bolt on disk, whose key-value indexes the queries must
// use correctly.
func testStores(t *testing.T, factsPath string) map[string]*graph.Store {
	t.Helper()
	results := readFacts(t, factsPath)
	stores := map[string]*graph.Store{}
	for name, opts := range map[string]graph.Options{
		"memstore": {Backend: graph.BackendMemory},
		"bolt":     {Backend: graph.BackendBolt, Path: t.TempDir()},
	} {
		st, err := graph.Open(context.Background(), opts)
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		if _, err := st.Load(context.Background(), results); err != nil {
			t.Fatalf("load %s into %s: %v", factsPath, name, err)
		}
		stores[name] = st
	}
	return stores
}
