package queries

import (
	"slices"
	"testing"

	"github.com/cayleygraph/cayley/graph/kv"
)

// The object+predicate lookups on key-value stores scan opsIndex directly; it must be one of
// the indexes those stores are created with.
func TestOPSIndexIsDefault(t *testing.T) {
	for _, ind := range kv.DefaultQuadIndexes {
		if slices.Equal(ind.Dirs, opsIndex.Dirs) {
			return
		}
	}
	t.Fatalf("%v is not among kv.DefaultQuadIndexes %v", opsIndex.Dirs, kv.DefaultQuadIndexes)
}
