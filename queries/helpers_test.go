package queries_test

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/graph/kv/bolt" // registers the "bolt" store
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/writer" // registers the "single" quad writer

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

var rewrite = flag.Bool("rewrite", false, "rewrite the expected output in testdata from the current results")

// readFacts reads a facts JSONL file (the `extract --format jsonl` form) into one Result per
// article, in file order.
func readFacts(path string) ([]extract.Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []extract.Result
	index := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for line := 1; sc.Scan(); line++ {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var fact extract.Fact
		if err := json.Unmarshal(sc.Bytes(), &fact); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, line, err)
		}
		i, ok := index[fact.Article]
		if !ok {
			pub, err := time.Parse("2006-01-02", fact.Published)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: published: %w", path, line, err)
			}
			i = len(out)
			index[fact.Article] = i
			out = append(out, extract.Result{Article: extract.Article{
				ID: fact.Article, URL: fact.URL, Title: fact.Headline, Publisher: fact.Publisher, Published: pub,
			}})
		}
		out[i].Facts = append(out[i].Facts, fact)
	}
	return out, sc.Err()
}

// write stores every article's quads as package graph maps them.
func write(tb testing.TB, qs cgraph.QuadStore, results []extract.Result) {
	tb.Helper()
	w, err := cgraph.NewQuadWriter("single", qs, cgraph.Options{"ignore_duplicate": true})
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range results {
		if err := w.AddQuadSet(graph.ArticleQuads(r.Article, r.Facts)); err != nil {
			tb.Fatalf("write %s: %v", r.Article.ID, err)
		}
	}
	if err := w.Close(); err != nil {
		tb.Fatal(err)
	}
}

// testStores are the stores every data-driven test runs against: memstore, and bolt on disk,
// whose key-value indexes the queries must use correctly.
func testStores(t *testing.T, factsPath string) map[string]cgraph.QuadStore {
	t.Helper()
	results, err := readFacts(factsPath)
	if err != nil {
		t.Fatal(err)
	}
	mem := memstore.New()
	write(t, mem, results)

	dir := t.TempDir()
	if err := cgraph.InitQuadStore("bolt", dir, nil); err != nil {
		t.Fatal(err)
	}
	bolt, err := cgraph.NewQuadStore("bolt", dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bolt.Close() })
	write(t, bolt, results)
	return map[string]cgraph.QuadStore{"memstore": mem, "bolt": bolt}
}
