package queries_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/graph"
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

// A mediator is an actor: a topic or a place whose fact names the conflict is not one, and
// must not link the thread to others through a common noun.
func TestMediatorsAreActors(t *testing.T) {
	fact := func(subjName, subjID, subjType, pred, class string) string {
		return fmt.Sprintf(`{"article":"art:c00000000001","published":"2020-10-10","subject":{"name":%q,"id":%q,"type":%q},`+
			`"predicate":%q,"object":{"name":"Armenia–Azerbaijan","id":"conflict:armenia--azerbaijan","type":"Conflict"},`+
			`"date":"2020-10-10","date_precision":"day","date_source":"text","modality":"asserted","class":%q,`+
			`"sentence":"A sentence.","offset":0,"confidence":0.8}`, subjName, subjID, subjType, pred, class)
	}
	for _, tc := range []struct {
		name string
		fact string
		want string // mediator names, "" for none
	}{
		{"country mediates", fact("Russia", "ent:russia", "Country", "mediate", "mediate"), "Russia"},
		{"person names the conflict", fact("Charles Michel", "ent:charles_michel", "Person", "discuss", "consult"), "Charles Michel"},
		{"organisation mediates", fact("OSCE", "ent:osce", "Organization", "broker", "mediate"), "OSCE"},
		{"topic names the conflict", fact("ceasefire", "topic:ceasefire", "Topic", "end", "other"), ""},
		{"topic with a mediate class", fact("talks", "topic:talks", "Topic", "mediate", "mediate"), ""},
		{"place names the conflict", fact("Stepanakert", "ent:stepanakert", "Location", "suffer", "other"), ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := context.Background()
			results, err := graph.ReadFacts(strings.NewReader(tc.fact), "test")
			if err != nil {
				t.Fatal(err)
			}
			st, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
			if err != nil {
				t.Fatal(err)
			}
			defer st.Close()
			if _, err := st.Load(ctx, results); err != nil {
				t.Fatal(err)
			}
			rel, err := queries.RelatedTo(ctx, st.QuadStore(), "conflict:armenia--azerbaijan", queries.RelatedOptions{})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, m := range rel.Threads[0].Mediators {
				got = append(got, m.Entity.Name)
			}
			if strings.Join(got, ", ") != tc.want {
				t.Errorf("mediators %q, want %q", got, tc.want)
			}
		})
	}
}
