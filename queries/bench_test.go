package queries_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// The benchmarks run on a synthetic graph of about 1.1M quads in bolt, generated once and
// kept under os.TempDir (generation takes about a minute and is not timed). They run only
// with -bench:
//
//	go test ./queries -run '^$' -bench . -benchtime 50x
//
// Shape of the graph: 5,600 articles of 10 facts, dated 2000–2024; 150 countries, 3,000
// people, 300 organisations, 200 places, 50 topics. One country (the hub) is in exactly
// 1,000 facts, more than any other entity. 300 peripheral people have a single fact with
// another person, which puts some pairs of them four hops apart. 3% of facts are mediations
// of a conflict between two countries.

const benchVersion = "v3" // change when the generator changes, to rebuild the cached graph

type benchMeta struct {
	Quads int64       `json:"quads"`
	Hub   string      `json:"hub"`
	Pairs [][2]string `json:"pairs"` // entity pairs exactly four hops apart
}

var bench struct {
	once sync.Once
	qs   cgraph.QuadStore
	meta benchMeta
	err  error
}

func benchStore(b *testing.B) (cgraph.QuadStore, benchMeta) {
	b.Helper()
	bench.once.Do(func() {
		dir := filepath.Join(os.TempDir(), "newsgraph-queries-bench-"+benchVersion)
		metaPath := filepath.Join(dir, "meta.json")
		if data, err := os.ReadFile(metaPath); err == nil {
			if err := json.Unmarshal(data, &bench.meta); err != nil {
				bench.err = fmt.Errorf("read %s: %w", metaPath, err)
				return
			}
		} else {
			if bench.meta, bench.err = generateBench(b, dir); bench.err != nil {
				return
			}
		}
		var st *graph.Store
		st, bench.err = graph.Open(context.Background(), graph.Options{Backend: graph.BackendBolt, Path: filepath.Join(dir, "db"), ReadOnly: true})
		if bench.err == nil {
			bench.qs = st.QuadStore() // left open for the rest of the run
		}
	})
	if bench.err != nil {
		b.Fatal(bench.err)
	}
	return bench.qs, bench.meta
}

// generateBench writes the synthetic graph into dir/db and its description into
// dir/meta.json, last, so that an interrupted run starts again.
func generateBench(b *testing.B, dir string) (benchMeta, error) {
	start := time.Now()
	var meta benchMeta
	if err := os.RemoveAll(dir); err != nil {
		return meta, err
	}
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: graph.BackendBolt, Path: filepath.Join(dir, "db")})
	if err != nil {
		return meta, err
	}
	defer st.Close()
	results, m := synthesize()
	if _, err := st.Load(ctx, results); err != nil {
		return meta, fmt.Errorf("load: %w", err)
	}
	stats, err := st.QuadStore().Stats(ctx, true)
	if err != nil {
		return meta, err
	}
	meta.Quads = stats.Quads.Value
	meta.Hub, meta.Pairs = m.Hub, m.Pairs
	data, err := json.Marshal(meta)
	if err != nil {
		return meta, err
	}
	b.Logf("generated %d quads in %s", meta.Quads, time.Since(start).Round(time.Second))
	return meta, os.WriteFile(filepath.Join(dir, "meta.json"), data, 0o644)
}

// synthesize makes the articles of the synthetic graph and finds pairs four hops apart.
func synthesize() ([]extract.Result, benchMeta) {
	rng := rand.New(rand.NewPCG(2026, 4))
	mk := func(kind, typ string, n int) []extract.Entity {
		out := make([]extract.Entity, n)
		for i := range out {
			out[i] = extract.Entity{Name: fmt.Sprintf("%s %d", kind, i), ID: fmt.Sprintf("ent:%s_%d", kind, i), Type: typ}
			if typ == extract.TypeTopic {
				out[i].ID = fmt.Sprintf("topic:%s_%d", kind, i)
			}
		}
		return out
	}
	countries := mk("country", extract.TypeCountry, 150)
	people := mk("person", extract.TypePerson, 3000)
	orgs := mk("org", extract.TypeOrganization, 300)
	places := mk("place", extract.TypeLocation, 200)
	topics := mk("topic", extract.TypeTopic, 50)
	hub := countries[0]
	peripheral, persons := people[2700:], people[:2700]
	pick := func(es []extract.Entity) extract.Entity { return es[rng.IntN(len(es))] }
	actor := func() extract.Entity { // anyone but the hub and the peripheral people
		switch x := rng.IntN(10); {
		case x < 4:
			return countries[1+rng.IntN(len(countries)-1)]
		case x < 8:
			return pick(persons)
		default:
			return pick(orgs)
		}
	}
	target := func() extract.Entity {
		switch x := rng.IntN(10); {
		case x < 8:
			return actor()
		case x < 9:
			return pick(places)
		default:
			return pick(topics)
		}
	}
	classes := []string{"attack", "accuse", "threaten", "fight", "sanction", "agree", "consult", "aid", "statement", "negotiate"}
	type pair struct{ s, o extract.Entity }
	var pairs []pair
	for range 1000 {
		p := pair{hub, actor()}
		if rng.IntN(2) == 0 {
			p = pair{p.o, hub}
		}
		pairs = append(pairs, p)
	}
	for _, p := range peripheral {
		pairs = append(pairs, pair{p, pick(persons)})
	}
	const facts = 56000
	for len(pairs) < facts {
		if rng.IntN(100) < 3 {
			a, c := countries[1+rng.IntN(149)], countries[1+rng.IntN(149)]
			if a.ID == c.ID {
				continue
			}
			conflict := extract.Entity{Name: graph.ConflictName(a.Name, c.Name), ID: graph.ThreadID(a.ID, c.ID), Type: extract.TypeConflict}
			pairs = append(pairs, pair{pick(orgs), conflict})
			continue
		}
		s, o := actor(), target()
		if s.ID != o.ID {
			pairs = append(pairs, pair{s, o})
		}
	}
	rng.Shuffle(len(pairs), func(i, j int) { pairs[i], pairs[j] = pairs[j], pairs[i] })

	base := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	var results []extract.Result
	for n := 0; n*10 < len(pairs); n++ {
		pub := base.AddDate(0, 0, rng.IntN(25*365))
		a := extract.Article{ID: fmt.Sprintf("art:%012x", n), URL: fmt.Sprintf("https://bench.example/%d", n),
			Title: fmt.Sprintf("Synthetic article %d", n), Published: pub}
		r := extract.Result{Article: a}
		for i, p := range pairs[n*10 : min(len(pairs), n*10+10)] {
			class := classes[rng.IntN(len(classes))]
			pred := class
			if p.o.Type == extract.TypeConflict {
				class, pred = "mediate", "mediate"
			}
			date := pub.AddDate(0, 0, -rng.IntN(4)).Format("2006-01-02")
			r.Facts = append(r.Facts, extract.Fact{
				Article: a.ID, URL: a.URL, Published: pub.Format("2006-01-02"),
				Subject: p.s, Predicate: pred, Object: p.o, Date: date, DatePrecision: "day",
				DateSource: extract.DateFromText, Modality: extract.Asserted, Class: class,
				Sentence: fmt.Sprintf("Synthetic sentence %d of article %d: %s %s %s.", i, n, p.s.Name, pred, p.o.Name),
				Offset:   i * 80, Confidence: 0.5 + rng.Float64()/2,
			})
		}
		results = append(results, r)
	}

	// Find peripheral pairs exactly four hops apart, walking as Paths does (topics are not
	// passed through).
	adj := map[string][]string{}
	for _, p := range pairs {
		adj[p.s.ID] = append(adj[p.s.ID], p.o.ID)
		adj[p.o.ID] = append(adj[p.o.ID], p.s.ID)
	}
	meta := benchMeta{Hub: hub.ID}
	isPeripheral := map[string]bool{}
	for _, p := range peripheral {
		isPeripheral[p.ID] = true
	}
	for _, from := range peripheral {
		dist := map[string]int{from.ID: 0}
		frontier := []string{from.ID}
		for d := 1; d <= 4; d++ {
			var next []string
			for _, u := range frontier {
				if u != from.ID && len(u) > 6 && u[:6] == "topic:" {
					continue
				}
				for _, v := range adj[u] {
					if _, ok := dist[v]; !ok {
						dist[v] = d
						next = append(next, v)
					}
				}
			}
			frontier = next
		}
		var far []string
		for id, d := range dist {
			if d == 4 && isPeripheral[id] {
				far = append(far, id)
			}
		}
		if len(far) > 0 {
			sort.Strings(far)
			meta.Pairs = append(meta.Pairs, [2]string{from.ID, far[0]})
		}
		if len(meta.Pairs) == 20 {
			break
		}
	}
	return results, meta
}

// percentile is the p-th percentile of durations, in milliseconds.
func percentile(ds []time.Duration, p float64) float64 {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return float64(s[int(p*float64(len(s)-1))].Microseconds()) / 1000
}

// measureLatency calls query b.N times (i is the run) and reports the latency of each call:
// the median and 90th percentile, and the fastest run, which shows the cost without other
// processes competing for the CPU. An error from query stops the benchmark.
func measureLatency(b *testing.B, query func(i int) error) {
	ds := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		err := query(i)
		ds = append(ds, time.Since(t0))
		if err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(percentile(ds, 0), "min-ms")
	b.ReportMetric(percentile(ds, 0.5), "p50-ms")
	b.ReportMetric(percentile(ds, 0.9), "p90-ms")
}

// BenchmarkPathFourHops: paths between pairs of entities four hops apart, cycling through
// up to 20 pairs. Target: p50 under 50 ms.
func BenchmarkPathFourHops(b *testing.B) {
	qs, meta := benchStore(b)
	if len(meta.Pairs) == 0 {
		b.Fatal("the synthetic graph has no pair four hops apart")
	}
	ctx := context.Background()
	measureLatency(b, func(i int) error {
		p := meta.Pairs[i%len(meta.Pairs)]
		paths, err := queries.Paths(ctx, qs, p[0], p[1], queries.PathOptions{MaxHops: 4})
		if err != nil || len(paths) == 0 || len(paths[0].Hops) != 4 {
			return fmt.Errorf("Paths(%s, %s) = %d paths, %v; want a 4-hop path", p[0], p[1], len(paths), err)
		}
		return nil
	})
}

// BenchmarkPathPeople: paths between ordinary people (not peripheral), usually two or three
// hops apart through countries in hundreds of facts, so hops carry much evidence.
func BenchmarkPathPeople(b *testing.B) {
	qs, _ := benchStore(b)
	ctx := context.Background()
	measureLatency(b, func(i int) error {
		from, to := fmt.Sprintf("ent:person_%d", i%20), fmt.Sprintf("ent:person_%d", 1000+i%20)
		paths, err := queries.Paths(ctx, qs, from, to, queries.PathOptions{})
		if err != nil || len(paths) == 0 {
			return fmt.Errorf("Paths(%s, %s) = %d paths, %v", from, to, len(paths), err)
		}
		return nil
	})
}

// BenchmarkPathFourHopsDated is BenchmarkPathFourHops bounded by dates, which reads each
// visited node's statements instead of its direct edges.
func BenchmarkPathFourHopsDated(b *testing.B) {
	qs, meta := benchStore(b)
	ctx := context.Background()
	measureLatency(b, func(i int) error {
		p := meta.Pairs[i%len(meta.Pairs)]
		_, err := queries.Paths(ctx, qs, p[0], p[1], queries.PathOptions{MaxHops: 4, Since: "2000", Until: "2030"})
		return err
	})
}

// BenchmarkTimelineHub: the timeline of the most-connected entity (1,000 facts).
// Target: under 100 ms.
func BenchmarkTimelineHub(b *testing.B) {
	qs, meta := benchStore(b)
	ctx := context.Background()
	measureLatency(b, func(int) error {
		tl, err := queries.TimelineOf(ctx, qs, meta.Hub, queries.TimelineOptions{})
		if err != nil || tl.Events < 900 {
			return fmt.Errorf("TimelineOf(%s) = %v events, %v", meta.Hub, tl, err)
		}
		return nil
	})
}

// BenchmarkRelatedCountry: the conflict threads of an ordinary country and of the hub.
func BenchmarkRelatedCountry(b *testing.B) {
	qs, meta := benchStore(b)
	ctx := context.Background()
	for _, name := range []string{"Country 7", meta.Hub} {
		b.Run(name, func(b *testing.B) {
			measureLatency(b, func(int) error {
				rel, err := queries.RelatedTo(ctx, qs, name, queries.RelatedOptions{})
				if err != nil || len(rel.Threads) == 0 {
					return fmt.Errorf("RelatedTo(%s) = %v, %v", name, rel, err)
				}
				return nil
			})
		})
	}
}

// BenchmarkDescribeHub and BenchmarkSearch cover the entity profile and the name scan.
func BenchmarkDescribeHub(b *testing.B) {
	qs, meta := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := queries.Describe(ctx, qs, meta.Hub); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkResolveName resolves a name typed in another case, and one that names nothing:
// both are one ng:key index lookup, however big the graph.
func BenchmarkResolveName(b *testing.B) {
	qs, _ := benchStore(b)
	ctx := context.Background()
	for b.Loop() {
		if _, err := queries.Resolve(ctx, qs, "COUNTRY 7"); err != nil {
			b.Fatal(err)
		}
		if _, err := queries.Resolve(ctx, qs, "nobody at all"); !errors.Is(err, queries.ErrNotFound) {
			b.Fatalf("unknown name: %v", err)
		}
	}
}

func BenchmarkSearch(b *testing.B) {
	qs, _ := benchStore(b)
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		es, err := queries.Search(ctx, qs, "person 12", 10)
		if err != nil || len(es) == 0 {
			b.Fatalf("Search = %v, %v", es, err)
		}
	}
}
