package graph_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/newsgraph/newsgraph/graph"
)

// Loading `extract --format jsonl` output: bad lines are reported by number, the rest load, and
// loading the same facts again changes nothing.
func Example() {
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		fmt.Println(err)
		return
	}
	defer st.Close()

	facts := `{"article":"art:3f2a9c0d1e7b","published":"2023-09-19","subject":{"name":"Azerbaijan","id":"ent:azerbaijan","type":"Country"},"predicate":"launch","object":{"name":"Nagorno-Karabakh","id":"ent:nagorno_karabakh","type":"Location"},"class":"attack","sentence":"Azerbaijan launched what it called an anti-terrorist operation in Nagorno-Karabakh.","confidence":0.8}
{"article":"art:3f2a9c0d1e7b","subject":{"id":"ent:armenia"},"predicate":"call on","object":{"id":"ent:russia"}}
`
	results, err := graph.ReadFacts(strings.NewReader(facts), "facts.jsonl")
	var lineErr *graph.LineError
	if errors.As(err, &lineErr) {
		fmt.Println("rejected:", lineErr)
	}
	for range 2 {
		rep, err := st.Load(ctx, results)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("added %d, unchanged %d\n", rep.Added, rep.Unchanged)
	}
	stats, err := st.Stats(ctx)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("articles:", stats.Articles, "facts:", stats.Facts, "countries:", stats.Entities["Country"])
	// Output:
	// rejected: facts.jsonl:2: predicate "call on": character ' ' is not allowed in an identifier
	// added 1, unchanged 0
	// added 0, unchanged 1
	// articles: 1 facts: 1 countries: 1
}
