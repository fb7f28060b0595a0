package corpus_test

import (
	"fmt"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
)

// Score an extractor's facts against expectations written in the expected.tsv format.
func ExampleScore() {
	want, _, err := corpus.ParseExpected([]byte(`
raw/a.txt  ent:armenia  accuse|blame  accuse   ent:azerbaijan                2020-07-12
raw/a.txt  ent:russia   mediate       mediate  conflict:armenia--azerbaijan  2020-07-17  intent
`))
	if err != nil {
		fmt.Println(err)
		return
	}
	arts := []extract.Article{{ID: "art:1", Source: "corpus/articles/raw/a.txt"}}
	if want, err = corpus.Bind(want, arts); err != nil {
		fmt.Println(err)
		return
	}
	e := func(id string) extract.Entity { return extract.Entity{ID: id} }
	got := []extract.Fact{
		{Article: "art:1", Subject: e("ent:armenia"), Predicate: "blame", Class: "accuse", Object: e("ent:azerbaijan"), Date: "2020-07-12"},
		{Article: "art:1", Subject: e("ent:interfax"), Predicate: "quote", Class: "statement", Object: e("ent:dmitry_peskov")},
	}
	r := corpus.Score(got, want)
	fmt.Printf("precision %.2f recall %.2f dates %d/%d\n", r.Overall.Precision(), r.Overall.Recall(), r.DatesRight, r.DatesChecked)
	fmt.Println("missed:", r.Misses[0].Subject, r.Misses[0].Object)
	// Output:
	// precision 0.50 recall 0.50 dates 1/1
	// missed: [ent:russia] [conflict:armenia--azerbaijan]
}
