package server

import (
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// Size of the synthetic graph the benchmark loads: about 200k quads.
const (
	benchArticles        = 2000
	benchFactsPerArticle = 6
	benchEntities        = 300
)

var benchGraph = sync.OnceValues(func() (cgraph.QuadStore, error) {
	qs := memstore.New()
	r := rand.New(rand.NewPCG(1, 2))
	types := []string{extract.TypeCountry, extract.TypePerson, extract.TypeOrganization}
	verbs := []struct{ predicate, class string }{
		{"attack", "attack"}, {"accuse", "accuse"}, {"sanction", "sanction"}, {"meet", "consult"},
		{"mediate", "mediate"}, {"agree_with", "agree"}, {"criticize", "statement"}, {"support", "aid"},
	}
	entity := func(i int) extract.Entity {
		return extract.Entity{Name: fmt.Sprintf("Entity %d", i), ID: fmt.Sprintf("ent:entity_%d", i), Type: types[i%len(types)]}
	}
	for a := range benchArticles {
		day := time.Date(2014, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, r.IntN(3650))
		art := extract.Article{ID: fmt.Sprintf("art:%012x", a), URL: fmt.Sprintf("https://news.example.org/%d", a),
			Title: fmt.Sprintf("Report %d", a), Published: day}
		facts := make([]extract.Fact, benchFactsPerArticle)
		for i := range facts {
			// A few entities are in most of the news, as in real coverage.
			s, o := int(r.ExpFloat64()*40)%benchEntities, r.IntN(benchEntities)
			if o == s {
				o = (o + 1) % benchEntities
			}
			v := verbs[r.IntN(len(verbs))]
			facts[i] = extract.Fact{Article: art.ID, URL: art.URL, Published: day.Format("2006-01-02"),
				Subject: entity(s), Predicate: v.predicate, Object: entity(o), Class: v.class,
				Date: day.Format("2006-01-02"), DatePrecision: "day", DateSource: extract.DateFromPublished,
				Modality: extract.Asserted, Sentence: fmt.Sprintf("Sentence %d of report %d.", i, a), Offset: i * 40, Confidence: 0.7}
		}
		if err := qs.ApplyDeltas(deltas(graph.ArticleQuads(art, facts)), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			return nil, err
		}
	}
	return qs, nil
})

// BenchmarkConcurrentQueries has N clients query a loaded graph over HTTP, b.N requests
// in all (-benchtime bounds the time), and reports throughput and latency percentiles.
//
//	go test ./server -run '^$' -bench ConcurrentQueries -benchtime 5s
func BenchmarkConcurrentQueries(b *testing.B) {
	qs, err := benchGraph()
	if err != nil {
		b.Fatal(err)
	}
	h, err := New(qs, nil, Options{})
	if err != nil {
		b.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	hub := func(r *rand.Rand) string { return fmt.Sprintf("ent:entity_%d", int(r.ExpFloat64()*40)%benchEntities) }
	anyEntity := func(r *rand.Rand) string { return fmt.Sprintf("ent:entity_%d", r.IntN(benchEntities)) }
	kinds := []struct {
		name string
		req  func(r *rand.Rand) (*http.Request, error)
	}{
		{"gizmo-neighbourhood", func(r *rand.Rand) (*http.Request, error) {
			q := fmt.Sprintf(`g.V("<%s>").Tag("source").Both(g.V().Filter(regex("^rel:", true))).Tag("target").All()`, anyEntity(r))
			req, err := http.NewRequest("POST", srv.URL+"/api/v2/query?lang=gizmo", strings.NewReader(q))
			if req != nil {
				req.Header.Set("Accept", "application/ld+json")
			}
			return req, err
		}},
		{"path", func(r *rand.Rand) (*http.Request, error) {
			return http.NewRequest("GET", srv.URL+"/api/newsgraph/path?"+url.Values{"from": {hub(r)}, "to": {anyEntity(r)}, "k": {"3"}}.Encode(), nil)
		}},
		{"timeline", func(r *rand.Rand) (*http.Request, error) {
			return http.NewRequest("GET", srv.URL+"/api/newsgraph/timeline?"+url.Values{"entity": {hub(r)}}.Encode(), nil)
		}},
	}
	for _, kind := range kinds {
		for _, clients := range []int{1, 4, 16} {
			b.Run(fmt.Sprintf("%s/clients=%d", kind.name, clients), func(b *testing.B) {
				client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients}}
				defer client.CloseIdleConnections()
				var (
					next      atomic.Int64
					mu        sync.Mutex
					latencies = make([]time.Duration, 0, b.N)
					failed    atomic.Int64
					wg        sync.WaitGroup
				)
				b.ResetTimer()
				start := time.Now()
				for c := range clients {
					wg.Go(func() {
						r := rand.New(rand.NewPCG(uint64(c), 7))
						var mine []time.Duration
						for next.Add(1) <= int64(b.N) {
							req, err := kind.req(r)
							if err != nil {
								b.Error(err)
								return
							}
							t0 := time.Now()
							res, err := client.Do(req)
							if err != nil {
								b.Error(err)
								return
							}
							_, _ = io.Copy(io.Discard, res.Body)
							res.Body.Close()
							mine = append(mine, time.Since(t0))
							if res.StatusCode != http.StatusOK {
								failed.Add(1)
							}
						}
						mu.Lock()
						latencies = append(latencies, mine...)
						mu.Unlock()
					})
				}
				wg.Wait()
				elapsed := time.Since(start)
				b.StopTimer()
				if n := failed.Load(); n > 0 {
					b.Logf("%d of %d requests answered with an error status", n, len(latencies))
				}
				slices.Sort(latencies)
				pct := func(p float64) float64 {
					if len(latencies) == 0 {
						return 0
					}
					return float64(latencies[int(p*float64(len(latencies)-1))].Microseconds()) / 1000
				}
				b.ReportMetric(float64(len(latencies))/elapsed.Seconds(), "req/s")
				b.ReportMetric(pct(0.50), "p50-ms")
				b.ReportMetric(pct(0.99), "p99-ms")
			})
		}
	}
}
