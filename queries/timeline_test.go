package queries_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// A timeline of a few hundred facts loaded in random order comes back in event-date order,
// each fact once, with its own evidence; enough statements to be read concurrently.
func TestTimelineManyFacts(t *testing.T) {
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(7, 7))
	hub := extract.Entity{Name: "Hubland", ID: "ent:hubland", Type: extract.TypeCountry}
	base := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	var results []extract.Result
	for n := range 60 {
		pub := base.AddDate(0, 0, rng.IntN(8000))
		a := extract.Article{ID: fmt.Sprintf("art:%012d", n), URL: fmt.Sprintf("https://news.example/%d", n), Published: pub}
		r := extract.Result{Article: a}
		for i := range 5 {
			other := extract.Entity{Name: fmt.Sprintf("Partner %d", rng.IntN(40)), Type: extract.TypeCountry}
			other.ID = fmt.Sprintf("ent:partner_%s", other.Name[len("Partner "):])
			s, o := hub, other
			if i%2 == 1 {
				s, o = other, hub
			}
			r.Facts = append(r.Facts, extract.Fact{Subject: s, Predicate: "accuse", Object: o, Class: "accuse",
				Date: pub.AddDate(0, 0, -i).Format("2006-01-02"), DatePrecision: "day", Modality: extract.Asserted,
				Sentence: fmt.Sprintf("Fact %d of article %d.", i, n), Offset: i * 30, Confidence: 0.5})
		}
		results = append(results, r)
	}
	for _, opts := range []graph.Options{{Backend: graph.BackendMemory}, {Backend: graph.BackendBolt, Path: t.TempDir()}} {
		st, err := graph.Open(ctx, opts)
		if err != nil {
			t.Fatal(err)
		}
		defer st.Close()
		if _, err := st.Load(ctx, results); err != nil {
			t.Fatal(err)
		}
		tl, err := queries.TimelineOf(ctx, st.QuadStore(), "hubland", queries.TimelineOptions{})
		if err != nil {
			t.Fatal(err)
		}
		statements, last := 0, ""
		for _, m := range tl.Months {
			for _, ev := range m.Events {
				if ev.Date < last {
					t.Errorf("%s: %s after %s", opts.Backend, ev.Date, last)
				}
				last = ev.Date
				if m.Month != ev.Date[:7] {
					t.Errorf("%s: event of %s in month %s", opts.Backend, ev.Date, m.Month)
				}
				for _, e := range ev.Evidence {
					if e.Date != ev.Date || e.URL == "" || e.Sentence == "" {
						t.Errorf("%s: evidence %+v of event %s", opts.Backend, e, ev.Date)
					}
				}
				statements += len(ev.Evidence)
			}
		}
		if statements != 300 || tl.Events > 300 {
			t.Errorf("%s: %d events from %d statements, want 300 statements", opts.Backend, tl.Events, statements)
		}
	}
}
