package depparse_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/depparse"
)

func ExampleParser_Parse() {
	p, err := depparse.Default()
	if err != nil {
		log.Fatal(err)
	}
	words := []string{"Troops", "seized", "the", "town", "on", "Sunday", "."}
	tags := []string{"NNS", "VBD", "DT", "NN", "IN", "NNP", "."}
	tree, err := p.Parse(words, tags)
	if err != nil {
		log.Fatal(err)
	}
	for i, w := range words {
		head := "ROOT"
		if h := tree.Heads[i]; h > 0 {
			head = words[h-1]
		}
		fmt.Printf("%s -%s-> %s\n", w, tree.Labels[i], head)
	}
	// The parse is the model's, right or wrong: a parser attaching "on Sunday"
	// to the town, as this one does, is a classic ambiguity resolved the wrong
	// way (the seizure was on Sunday).
	//
	// Output:
	// Troops -nsubj-> seized
	// seized -root-> ROOT
	// the -det-> town
	// town -obj-> seized
	// on -case-> Sunday
	// Sunday -nmod-> town
	// . -punct-> seized
}
