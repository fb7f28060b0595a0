package graph

import (
	"context"
	"testing"

	"github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/writer" // registers the "single" quad writer
	"github.com/cayleygraph/quad"
)

const (
	benchArticles = 5000
	benchFacts    = 20 // per article: 100k facts in all
)

// BenchmarkLoadBolt loads 100k synthetic facts into an empty bolt store through the loader and,
// in the same run, the same quads through Cayley's own writer. quads/s counts the articles'
// quads only; the loader also writes two record quads per article.
func BenchmarkLoadBolt(b *testing.B) {
	ctx := context.Background()
	rs := synthResults(benchArticles, benchFacts)
	var all []quad.Quad
	for _, r := range rs {
		all = append(all, ArticleQuads(r.Article, r.Facts)...)
	}
	// open times an empty store's creation out of the measurement.
	open := func(b *testing.B) *Store {
		b.StopTimer()
		defer b.StartTimer()
		st, err := Open(ctx, Options{Path: b.TempDir()})
		if err != nil {
			b.Fatal(err)
		}
		return st
	}
	closeStore := func(b *testing.B, st *Store) {
		b.StopTimer()
		defer b.StartTimer()
		if err := st.Close(); err != nil {
			b.Fatal(err)
		}
	}
	report := func(b *testing.B) {
		b.ReportMetric(float64(len(all))*float64(b.N)/b.Elapsed().Seconds(), "quads/s")
	}

	b.Run("loader", func(b *testing.B) {
		for range b.N {
			st := open(b)
			rep, err := st.Load(ctx, rs)
			if err != nil {
				b.Fatal(err)
			}
			if rep.Added != len(rs) {
				b.Fatalf("report %+v, want %d added", rep, len(rs))
			}
			closeStore(b, st)
		}
		report(b)
	})
	// Cayley's own path, as `cayley load` takes it: the "single" writer behind graph.NewWriter,
	// fed by quad.Copy, which commits every quad.DefaultBatch quads.
	b.Run("cayley-writer-copy", func(b *testing.B) {
		for range b.N {
			st := open(b)
			w, err := graph.NewQuadWriter("single", st.QuadStore(), graph.Options{"ignore_duplicate": true})
			if err != nil {
				b.Fatal(err)
			}
			bw := graph.NewWriter(w)
			if _, err := quad.Copy(bw, quad.NewReader(all)); err != nil {
				b.Fatal(err)
			}
			if err := bw.Close(); err != nil {
				b.Fatal(err)
			}
			closeStore(b, st)
		}
		report(b)
	})
	// The same writer given every quad in one AddQuadSet: one transaction.
	b.Run("cayley-writer-one-set", func(b *testing.B) {
		for range b.N {
			st := open(b)
			w, err := graph.NewQuadWriter("single", st.QuadStore(), graph.Options{"ignore_duplicate": true})
			if err != nil {
				b.Fatal(err)
			}
			if err := w.AddQuadSet(all); err != nil {
				b.Fatal(err)
			}
			closeStore(b, st)
		}
		report(b)
	})
}

// BenchmarkRetractBolt retracts one article from a bolt store of 2,000 articles (about 400k
// quads). The load record makes this independent of the store's size; a retract by label would
// visit every quad.
func BenchmarkRetractBolt(b *testing.B) {
	ctx := context.Background()
	rs := synthResults(2000, 20)
	st, err := Open(ctx, Options{Path: b.TempDir()})
	if err != nil {
		b.Fatal(err)
	}
	defer st.Close()
	if _, err := st.Load(ctx, rs); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		r := rs[i%len(rs)]
		if err := st.Retract(ctx, r.Article.ID); err != nil {
			b.Fatal(err)
		}
		b.StopTimer()
		if _, err := st.Load(ctx, rs[i%len(rs):i%len(rs)+1]); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}
