package server

import (
	"bufio"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/memstore"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// testToken is the write token of test servers that allow writes.
const testToken = "test-token-0123456789abcdef"

// loadFacts reads testdata/facts.jsonl (facts as `newsgraph extract --format jsonl`
// prints them) and groups them by article, in file order.
func loadFacts(t testing.TB) []extract.Result {
	t.Helper()
	f, err := os.Open("testdata/facts.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var results []extract.Result
	byID := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		var fact extract.Fact
		if err := json.Unmarshal(sc.Bytes(), &fact); err != nil {
			t.Fatalf("testdata/facts.jsonl:%d: %v", line, err)
		}
		i, ok := byID[fact.Article]
		if !ok {
			published, err := time.Parse("2006-01-02", fact.Published)
			if err != nil {
				t.Fatalf("testdata/facts.jsonl:%d: published: %v", line, err)
			}
			i = len(results)
			byID[fact.Article] = i
			results = append(results, extract.Result{Article: extract.Article{
				ID: fact.Article, URL: fact.URL, Title: fact.Headline, Publisher: fact.Publisher, Published: published,
			}})
		}
		results[i].Facts = append(results[i].Facts, fact)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return results
}

// newStore returns a memstore holding the quads graph.ArticleQuads writes for the fixture.
func newStore(t testing.TB) cgraph.QuadStore {
	t.Helper()
	qs := memstore.New()
	for _, r := range loadFacts(t) {
		if err := qs.ApplyDeltas(deltas(graph.ArticleQuads(r.Article, r.Facts)), cgraph.IgnoreOpts{IgnoreDup: true}); err != nil {
			t.Fatal(err)
		}
	}
	return qs
}

func deltas(qs []quad.Quad) []cgraph.Delta {
	d := make([]cgraph.Delta, len(qs))
	for i, q := range qs {
		d[i] = cgraph.Delta{Quad: q, Action: cgraph.Add}
	}
	return d
}

// newTestServer serves the fixture store with opts on an httptest server.
func newTestServer(t testing.TB, opts Options) (*httptest.Server, cgraph.QuadStore) {
	t.Helper()
	qs := newStore(t)
	h, err := New(qs, nil, opts)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv, qs
}

// do sends a request and returns the status, the Content-Type and the body.
func do(t testing.TB, method, url string, body string, header ...string) (int, string, string) {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res.StatusCode, res.Header.Get("Content-Type"), string(b)
}
