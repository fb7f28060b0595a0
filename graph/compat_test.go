package graph

import (
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // Cayley's own "bolt" backend
)

// TestBoltStoreOpensInCayley: a newsgraph store directory is a Cayley bolt store, so Cayley's
// own tools (cayley http --db bolt --dbpath DIR) can serve it.
func TestBoltStoreOpensInCayley(t *testing.T) {
	dir := t.TempDir()
	st := openStore(t, Options{Path: dir})
	mustLoad(t, st, readFactsFile(t, "facts.jsonl"))
	want := snapshot(t, st)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	qs, err := graph.NewQuadStore("bolt", dir, nil)
	if err != nil {
		t.Fatalf("Cayley's bolt backend cannot open the store: %v", err)
	}
	defer qs.Close()
	if got := snapshot(t, &Store{qs: qs}); !slices.Equal(got, want) {
		t.Errorf("Cayley reads a different graph: %s", diff(got, want))
	}
}
