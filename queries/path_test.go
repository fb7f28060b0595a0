package queries_test

import (
	"context"
	"errors"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
)

// Every query gives up when its context is done, with an error that says so.
func TestQueriesStopWhenContextDone(t *testing.T) {
	st := testStores(t, "testdata/facts.jsonl")["bolt"]
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	qs := st.QuadStore()
	for name, run := range map[string]func() error{
		"paths": func() error {
			_, err := queries.Paths(ctx, qs, "Armenia", "Russia", queries.PathOptions{})
			return err
		},
		"timeline": func() error {
			_, err := queries.TimelineOf(ctx, qs, "Armenia", queries.TimelineOptions{})
			return err
		},
		"related": func() error {
			_, err := queries.RelatedTo(ctx, qs, "Armenia", queries.RelatedOptions{})
			return err
		},
		"describe": func() error {
			_, err := queries.Describe(ctx, qs, "Armenia")
			return err
		},
		"search": func() error {
			_, err := queries.Search(ctx, qs, "arm", 0)
			return err
		},
	} {
		if err := run(); !errors.Is(err, context.Canceled) {
			t.Errorf("%s: err = %v, want context.Canceled", name, err)
		}
	}
}
