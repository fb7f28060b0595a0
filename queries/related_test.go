package queries_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
)

// Threads and episodes are derived from quads that live in each article's label, so they
// follow loads and retracts with nothing else to update.
func TestEpisodesFollowLoadAndRetract(t *testing.T) {
	ctx := context.Background()
	results := readFacts(t, "testdata/facts.jsonl")
	for name, st := range testStores(t, "testdata/facts.jsonl") {
		t.Run(name, func(t *testing.T) {
			summary := func() string {
				rel, err := queries.RelatedTo(ctx, st.QuadStore(), "conflict:armenia--azerbaijan", queries.RelatedOptions{})
				if err != nil {
					t.Fatal(err)
				}
				th := rel.Threads[0]
				var parts []string
				for _, ep := range th.Episodes {
					parts = append(parts, ep.Start)
				}
				var ms []string
				for _, m := range th.Mediators {
					ms = append(ms, m.Entity.Name)
				}
				return fmt.Sprintf("%d statements; episodes %s; mediators %s", th.Statements, strings.Join(parts, " "), strings.Join(ms, " "))
			}
			const all = "22 statements; episodes 1994 2016-04-02 2020-07-12 2020-09-27 2022-09-13 2023-09-19; mediators Russia European Union France"
			const without2016 = "15 statements; episodes 1994 2020-07-12 2020-09-27 2022-09-13 2023-09-19; mediators European Union Russia"
			steps := []struct {
				do   func() error
				want string
			}{
				{func() error { return nil }, all},
				{func() error {
					for _, a := range []string{"art:b22016040301", "art:b22016040502"} {
						if err := st.Retract(ctx, a); err != nil {
							return err
						}
					}
					return nil
				}, without2016},
				{func() error {
					_, err := st.Load(ctx, results)
					return err
				}, all},
			}
			for i, s := range steps {
				if err := s.do(); err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				if got := summary(); got != s.want {
					t.Errorf("step %d:\n got %s\nwant %s", i, got, s.want)
				}
			}
		})
	}
}
