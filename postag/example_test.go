package postag_test

import (
	"fmt"
	"log"

	"github.com/newsgraph/newsgraph/postag"
)

func ExampleTagger_Tag() {
	t, err := postag.Default()
	if err != nil {
		log.Fatal(err)
	}
	words := []string{"Azerbaijan", "'s", "troops", "seized", "the", "town", "on", "Tuesday", "."}
	for i, tag := range t.Tag(words) {
		fmt.Printf("%s/%s ", words[i], tag)
	}
	fmt.Println()
	// Output:
	// Azerbaijan/NNP 's/POS troops/NNS seized/VBD the/DT town/NN on/IN Tuesday/NNP ./.
}
