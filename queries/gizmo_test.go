package queries_test

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/cayleygraph/cayley/query"
	"github.com/cayleygraph/cayley/query/gizmo"

	"github.com/newsgraph/newsgraph/queries"
)

// TestPathGizmoRuns checks that the Gizmo query printed for a path runs in Cayley's own Gizmo
// engine and returns one row per hop, tagged source and target as the Visualize page wants.
func TestPathGizmoRuns(t *testing.T) {
	ctx := context.Background()
	for name, st := range testStores(t, "testdata/facts.jsonl") {
		qs := st.QuadStore()
		t.Run(name, func(t *testing.T) {
			for _, c := range []struct{ from, to string }{
				{"Armenia", "Russia"},
				{"Zelensky", "Ukraine"},
				{"Armenia", "Turkey"},
			} {
				paths, err := queries.Paths(ctx, qs, c.from, c.to, queries.PathOptions{})
				if err != nil || len(paths) != 1 {
					t.Fatalf("Paths(%s, %s) = %d paths, %v", c.from, c.to, len(paths), err)
				}
				var want []string
				for _, h := range paths[0].Hops {
					want = append(want, fmt.Sprintf("<%s> -> <%s>", h.Subject.ID, h.Object.ID))
				}
				script := queries.PathGizmo(paths[0])
				it, err := gizmo.NewSession(qs).Execute(ctx, script, query.Options{Collation: query.JSON})
				if err != nil {
					t.Fatalf("execute %s: %v", script, err)
				}
				var got []string
				for it.Next(ctx) {
					row, ok := it.Result().(map[string]interface{})
					if !ok {
						t.Fatalf("row %T, want tags", it.Result())
					}
					got = append(got, fmt.Sprintf("%v -> %v", row["source"], row["target"]))
				}
				if err := it.Err(); err != nil {
					t.Fatal(err)
				}
				it.Close()
				sort.Strings(got)
				sort.Strings(want)
				if strings.Join(got, "\n") != strings.Join(want, "\n") {
					t.Errorf("%s\ngot rows:\n%s\nwant:\n%s", script, strings.Join(got, "\n"), strings.Join(want, "\n"))
				}
			}
		})
	}
}
