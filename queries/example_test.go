package queries_test

import (
	"context"
	"encoding/json"
	"fmt"
	"log"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

// exampleStore is an in-memory store holding two articles, loaded by package graph.
func exampleStore() cgraph.QuadStore {
	armenia := extract.Entity{Name: "Armenia", ID: "ent:armenia", Type: extract.TypeCountry}
	azerbaijan := extract.Entity{Name: "Azerbaijan", ID: "ent:azerbaijan", Type: extract.TypeCountry}
	russia := extract.Entity{Name: "Russia", ID: "ent:russia", Type: extract.TypeCountry, Aliases: []string{"Moscow"}}
	conflict := extract.Entity{Name: "Armenia–Azerbaijan", ID: "conflict:armenia--azerbaijan", Type: extract.TypeConflict}
	fact := func(s extract.Entity, p string, o extract.Entity, date, class, sentence string) extract.Fact {
		return extract.Fact{Subject: s, Predicate: p, Object: o, Date: date, DatePrecision: "day",
			Class: class, Modality: extract.Asserted, Sentence: sentence, Confidence: 0.8}
	}
	day := func(s string) time.Time { t, _ := time.Parse("2006-01-02", s); return t }
	ctx := context.Background()
	st, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		log.Fatal(err)
	}
	_, err = st.Load(ctx, []extract.Result{
		{Article: extract.Article{ID: "art:000000002020", URL: "https://news.example/2020/11/10", Published: day("2020-11-10")},
			Facts: []extract.Fact{
				fact(azerbaijan, "attack", armenia, "2020-09-27", "attack", "Azerbaijan attacked on Sunday."),
				fact(russia, "mediate", conflict, "2020-11-09", "mediate", "Russia mediated the deal."),
			}},
		{Article: extract.Article{ID: "art:000000002016", URL: "https://news.example/2016/04/03", Published: day("2016-04-03")},
			Facts: []extract.Fact{
				fact(armenia, "accuse", azerbaijan, "2016-04-02", "accuse", "Armenia accused Azerbaijan of shelling."),
				fact(russia, "call", armenia, "2016-04-02", "consult", "Russia called Armenia."),
			}},
	})
	if err != nil {
		log.Fatal(err)
	}
	return st.QuadStore()
}

func ExamplePaths() {
	ctx := context.Background()
	paths, err := queries.Paths(ctx, exampleStore(), "Azerbaijan", "Moscow", queries.PathOptions{MaxHops: 3})
	if err != nil {
		log.Fatal(err)
	}
	for _, h := range paths[0].Hops {
		ev := h.Evidence[0]
		fmt.Printf("%s -%s-> %s on %s (%s %q)\n", h.Subject.Name, h.Predicate, h.Object.Name, h.Date, ev.URL, ev.Sentence)
	}
	fmt.Print(queries.PathGizmo(paths[0]))
	// Output:
	// Armenia -accuse-> Azerbaijan on 2016-04-02 (https://news.example/2016/04/03 "Armenia accused Azerbaijan of shelling.")
	// Russia -call-> Armenia on 2016-04-02 (https://news.example/2016/04/03 "Russia called Armenia.")
	// // Azerbaijan – Armenia – Russia
	// g.V("<ent:armenia>").Tag("source").Out("<rel:accuse>").Is("<ent:azerbaijan>").Tag("target").Unique().All()
	// g.V("<ent:russia>").Tag("source").Out("<rel:call>").Is("<ent:armenia>").Tag("target").Unique().All()
}

func ExampleTimelineOf() {
	tl, err := queries.TimelineOf(context.Background(), exampleStore(), "armenia", queries.TimelineOptions{With: "Azerbaijan"})
	if err != nil {
		log.Fatal(err)
	}
	for _, m := range tl.Months {
		for _, ev := range m.Events {
			fmt.Printf("%s %s %s -%s-> %s\n", m.Month, ev.Date, ev.Subject.Name, ev.Predicate, ev.Object.Name)
		}
	}
	// Output:
	// 2016-04 2016-04-02 Armenia -accuse-> Azerbaijan
	// 2020-09 2020-09-27 Azerbaijan -attack-> Armenia
}

func ExampleRelatedTo() {
	rel, err := queries.RelatedTo(context.Background(), exampleStore(), "Azerbaijan", queries.RelatedOptions{})
	if err != nil {
		log.Fatal(err)
	}
	for _, th := range rel.Threads {
		fmt.Println(th.Conflict.Name)
		for _, ep := range th.Episodes {
			fmt.Printf("  %s…%s: %d hostile, mediators %d\n", ep.Start, ep.End, ep.Hostile, len(ep.Mediators))
		}
	}
	// Output:
	// Armenia–Azerbaijan
	//   2016-04-02…2016-04-02: 1 hostile, mediators 0
	//   2020-09-27…2020-09-27: 1 hostile, mediators 1
}

// Every result marshals to JSON as the server returns it.
func ExampleDescribe() {
	p, err := queries.Describe(context.Background(), exampleStore(), "moscow")
	if err != nil {
		log.Fatal(err)
	}
	out, err := json.MarshalIndent(p, "", "  ")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(out))
	// Output:
	// {
	//   "entity": {
	//     "name": "Russia",
	//     "id": "ent:russia",
	//     "type": "Country",
	//     "aliases": [
	//       "Moscow"
	//     ]
	//   },
	//   "articles": 2,
	//   "facts": 2,
	//   "as_subject": 2,
	//   "first_seen": "2016-04-02",
	//   "last_seen": "2020-11-09",
	//   "predicates": [
	//     {
	//       "name": "call",
	//       "count": 1
	//     },
	//     {
	//       "name": "mediate",
	//       "count": 1
	//     }
	//   ],
	//   "neighbours": [
	//     {
	//       "entity": {
	//         "name": "Armenia–Azerbaijan",
	//         "id": "conflict:armenia--azerbaijan",
	//         "type": "Conflict"
	//       },
	//       "facts": 1
	//     },
	//     {
	//       "entity": {
	//         "name": "Armenia",
	//         "id": "ent:armenia",
	//         "type": "Country"
	//       },
	//       "facts": 1
	//     }
	//   ],
	//   "threads": []
	// }
}
