package extract_test

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

func ExampleExtract() {
	a := extract.Article{
		ID:        "art:example",
		Published: time.Date(2020, 7, 17, 0, 0, 0, 0, time.UTC), // a Friday
		Text: "Russia said on Friday it is prepared to mediate between Armenia and Azerbaijan.\n\n" +
			"The fighting began on Sunday, with both sides accusing the other of shelling villages.",
	}
	res, err := extract.Extract(context.Background(), a)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, f := range res.Facts {
		fmt.Println(f.Subject.Name, "|", f.Predicate, "|", f.Object.Name, "|", f.Date, f.DateSource, f.Modality, f.Class)
	}
	// Output:
	// Russia | mediate | Armenia–Azerbaijan | 2020-07-17 text intent mediate
	// fighting | begin | Armenia–Azerbaijan | 2020-07-12 text asserted other
	// Armenia | accuse | Azerbaijan | 2020-07-12 text asserted accuse
	// Azerbaijan | accuse | Armenia | 2020-07-12 text asserted accuse
}

func ExampleWriteCarb() {
	err := extract.WriteCarb(os.Stdout, []string{"The treaty was signed by Egypt and Israel in 1979 ."})
	if err != nil {
		fmt.Println(err)
	}
	// Output:
	// The treaty was signed by Egypt and Israel in 1979 .	0.807	was signed by	The treaty	Egypt and Israel	in 1979
}
