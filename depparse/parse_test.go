package depparse

import (
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/treebanktest"
)

// Sentences written for this test, tagged by hand; each checks the
// relations a clause reader needs most.
func TestDefaultModelParses(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	type arc struct {
		dep, head int // 1-based
		label     string
	}
	for _, tc := range []struct {
		words, tags string
		want        []arc
	}{
		{"The rebels captured the airport on Tuesday .", "DT NNS VBD DT NN IN NNP .",
			[]arc{{2, 3, "nsubj"}, {3, 0, "root"}, {5, 3, "obj"}, {7, 3, "obl"}}},
		{"Japan imposed new sanctions on North Korea .", "NNP VBD JJ NNS IN NNP NNP .",
			[]arc{{1, 2, "nsubj"}, {2, 0, "root"}, {4, 2, "obj"}}},
		{"Germany will send tanks to Ukraine .", "NNP MD VB NNS TO NNP .",
			[]arc{{1, 3, "nsubj"}, {2, 3, "aux"}, {4, 3, "obj"}}},
		{"Officials in Kyiv said the bridge was destroyed by a missile .", "NNS IN NNP VBD DT NN VBD VBN IN DT NN .",
			[]arc{{1, 4, "nsubj"}, {4, 0, "root"}, {6, 8, "nsubj:pass"}, {8, 4, "ccomp"}}},
		{"The general who led the offensive resigned on Tuesday .", "DT NN WP VBD DT NN VBD IN NNP .",
			[]arc{{2, 7, "nsubj"}, {4, 2, "acl:relcl"}, {9, 7, "obl"}}},
	} {
		words, tags := strings.Fields(tc.words), strings.Fields(tc.tags)
		tree, err := p.Parse(words, tags)
		if err != nil {
			t.Fatal(err)
		}
		for _, a := range tc.want {
			if tree.Heads[a.dep-1] != a.head || tree.Labels[a.dep-1] != a.label {
				t.Errorf("%q: %s has head %d (%s), want %d (%s)", tc.words, words[a.dep-1],
					tree.Heads[a.dep-1], tree.Labels[a.dep-1], a.head, a.label)
			}
		}
	}
}

// TestRelativeClauses is a regression bar for the parser's weakest construction in
// news: a relative clause set off by commas after the subject ("The president, who
// arrived on Monday, met ..."), which the web text of the treebank seldom has. A
// sentence counts when the relative verb hangs from the subject and the subject from
// the main verb; the parser's usual mistake makes the relative verb the root.
//
// Measured on these 30: the embedded 43-feature model 11; the 79-feature model
// before it 20; the 43 with the third-order templates restored (59 features) 17, at
// a fifth of the CaRB path's speed; the 43 with any other dropped group restored
// 6 to 11; the 43 trained on the extractor's tags 11, on those and postag's 6.
// Raise the bar when the parser gets better.
func TestRelativeClauses(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	right, n := 0, 0
	for _, tc := range []struct {
		words, tags     string
		rel, subj, main int // 1-based
	}{
		{"The president , who arrived on Monday , met the prime minister .", "DT NN , WP VBD IN NNP , VBD DT JJ NN .", 5, 2, 9},
		{"The minister , who visited Baku on Friday , signed the deal .", "DT NN , WP VBD NNP IN NNP , VBD DT NN .", 5, 2, 10},
		{"The rebels , who had seized the town , withdrew on Sunday .", "DT NNS , WP VBD VBN DT NN , VBD IN NNP .", 6, 2, 10},
		{"Putin , who met Erdogan in Sochi , praised the agreement .", "NNP , WP VBD NNP IN NNP , VBD DT NN .", 4, 1, 9},
		{"The envoy , who arrived from Moscow , said the talks had failed .", "DT NN , WP VBD IN NNP , VBD DT NNS VBD VBN .", 5, 2, 9},
		{"The company , which was founded in 1998 , employs 500 people .", "DT NN , WDT VBD VBN IN CD , VBZ CD NNS .", 6, 2, 10},
		{"Armenia , which lost the war , signed the ceasefire .", "NNP , WDT VBD DT NN , VBD DT NN .", 4, 1, 8},
		{"The ship , which carried grain , reached Istanbul .", "DT NN , WDT VBD NN , VBD NNP .", 5, 2, 8},
		{"The farmers , who protested in Paris , blocked the roads .", "DT NNS , WP VBD IN NNP , VBD DT NNS .", 5, 2, 9},
		{"The court , which sits in The Hague , issued a warrant .", "DT NN , WDT VBZ IN DT NNP , VBD DT NN .", 5, 2, 10},
		{"The mayor , who was elected in May , opened the bridge .", "DT NN , WP VBD VBN IN NNP , VBD DT NN .", 6, 2, 10},
		{"Pashinyan , who came to power in 2018 , called an early election .", "NNP , WP VBD TO NN IN CD , VBD DT JJ NN .", 4, 1, 10},
		{"The convoy , which carried food and medicine , crossed the border .", "DT NN , WDT VBD NN CC NN , VBD DT NN .", 5, 2, 10},
		{"The talks , which began in Vienna , ended without a deal .", "DT NNS , WDT VBD IN NNP , VBD IN DT NN .", 5, 2, 9},
		{"The soldiers , who were wounded in the attack , returned home .", "DT NNS , WP VBD VBN IN DT NN , VBD NN .", 6, 2, 11},
		{"Aliyev , who has led Azerbaijan since 2003 , won another term .", "NNP , WP VBZ VBN NNP IN CD , VBD DT NN .", 5, 1, 10},
		{"The bank , which lent the money , raised its rates .", "DT NN , WDT VBD DT NN , VBD PRP$ NNS .", 5, 2, 9},
		{"The senator , who chairs the committee , opposed the bill .", "DT NN , WP VBZ DT NN , VBD DT NN .", 5, 2, 9},
		{"The river , which flows into the sea , flooded the valley .", "DT NN , WDT VBZ IN DT NN , VBD DT NN .", 5, 2, 10},
		{"The spokesman , who spoke on condition of anonymity , denied the report .", "DT NN , WP VBD IN NN IN NN , VBD DT NN .", 5, 2, 11},
		{"The refugees , who fled the fighting , reached the camp on Friday .", "DT NNS , WP VBD DT NN , VBD DT NN IN NNP .", 5, 2, 9},
		{"Zelensky , who visited the front on Monday , thanked the troops .", "NNP , WP VBD DT NN IN NNP , VBD DT NNS .", 4, 1, 10},
		{"The agency , which monitors the ceasefire , reported new violations .", "DT NN , WDT VBZ DT NN , VBD JJ NNS .", 5, 2, 9},
		{"The team , which won the cup last year , lost its first game .", "DT NN , WDT VBD DT NN JJ NN , VBD PRP$ JJ NN .", 5, 2, 11},
		{"The ministers , who met in Brussels , agreed on new sanctions .", "DT NNS , WP VBD IN NNP , VBD IN JJ NNS .", 5, 2, 9},
		{"The factory , which employs 2,000 workers , will close next year .", "DT NN , WDT VBZ CD NNS , MD VB JJ NN .", 5, 2, 10},
		{"The pilot , who ejected safely , was rescued by a helicopter .", "DT NN , WP VBD RB , VBD VBN IN DT NN .", 5, 2, 9},
		{"The treaty , which was signed in 1994 , ended the war .", "DT NN , WDT VBD VBN IN CD , VBD DT NN .", 6, 2, 10},
		{"The governor , who resigned on Tuesday , faces charges of fraud .", "DT NN , WP VBD IN NNP , VBZ NNS IN NN .", 5, 2, 9},
		{"Erdogan , who hosted the summit , urged both sides to talk .", "NNP , WP VBD DT NN , VBD DT NNS TO VB .", 4, 1, 8},
	} {
		n++
		words, tags := strings.Fields(tc.words), strings.Fields(tc.tags)
		tree, err := p.Parse(words, tags)
		if err != nil {
			t.Fatal(err)
		}
		if tree.Heads[tc.rel-1] == tc.subj && tree.Heads[tc.subj-1] == tc.main {
			right++
		} else {
			t.Logf("%q: %s has head %d, %s has head %d", tc.words, words[tc.rel-1], tree.Heads[tc.rel-1], words[tc.subj-1], tree.Heads[tc.subj-1])
		}
	}
	t.Logf("%d of %d attached right", right, n)
	if right < 10 {
		t.Errorf("%d of %d relative clauses attached right, want 10 or more", right, n)
	}
}

// Whatever the input, the output is one projective tree.
func TestParseGivesOneTree(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	vocab := strings.Fields("the a rebels army said attacked town in on and , . ( ) `` '' -- to was by who that")
	tagset := strings.Fields("DT NN NNS NNP VBD VBN VB IN CC , . -LRB- -RRB- `` '' : TO WP WDT RB JJ UNKNOWN-TAG")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 300 {
		n := rng.IntN(30)
		words, tags := make([]string, n), make([]string, n)
		for i := range n {
			words[i] = vocab[rng.IntN(len(vocab))]
			tags[i] = tagset[rng.IntN(len(tagset))]
		}
		tree, err := p.Parse(words, tags)
		if err != nil {
			t.Fatal(err)
		}
		if msg := checkTree(tree); msg != "" {
			t.Fatalf("%v %v: %s: heads %v", words, tags, msg, tree.Heads)
		}
	}
	if _, err := p.Parse([]string{"a", "b"}, []string{"DT"}); !errors.Is(err, ErrLengths) {
		t.Errorf("two words, one tag: error %v, want ErrLengths", err)
	}
}

// checkTree returns what is wrong with a parse, or "".
func checkTree(tree Tree) string {
	n := len(tree.Heads)
	if n == 0 {
		return ""
	}
	roots := 0
	for i, h := range tree.Heads {
		if h < 0 || h > n || h == i+1 {
			return "head out of range"
		}
		if h == 0 {
			roots++
			if tree.Labels[i] != RootLabel {
				return "root word not labelled root"
			}
		} else if tree.Labels[i] == RootLabel {
			return "non-root word labelled root"
		}
	}
	if roots != 1 {
		return "not one root"
	}
	for i := range tree.Heads { // every word reaches the root without a cycle
		h, steps := i+1, 0
		for h != 0 && steps <= n {
			h, steps = tree.Heads[h-1], steps+1
		}
		if h != 0 {
			return "cycle"
		}
	}
	if !(Sentence{Heads: tree.Heads}).Projective() {
		return "not projective"
	}
	return ""
}

// One Parser serves goroutines at once and gives each the tree it gives
// alone (run with -race to check the sharing too).
func TestParseConcurrently(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	data := readTestdata(t)
	want := make([]Tree, len(data))
	for i, s := range data {
		if want[i], err = p.Parse(s.Words, s.Tags); err != nil {
			t.Fatal(err)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4*len(data))
	for g := range 4 {
		wg.Go(func() {
			for k := range data {
				i := (k + g) % len(data)
				got, err := p.Parse(data[i].Words, data[i].Tags)
				if err != nil || !slices.Equal(got.Heads, want[i].Heads) || !slices.Equal(got.Labels, want[i].Labels) {
					errs <- fmt.Sprintf("%v: got %v %v, alone %v %v", data[i].Words, got.Heads, got.Labels, want[i].Heads, want[i].Labels)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestParseIntoDoesNotAllocate(t *testing.T) {
	if treebanktest.RaceEnabled {
		t.Skip("the race detector makes sync.Pool allocate")
	}
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	words := strings.Fields("Russia mediated the talks between Armenia and Azerbaijan in Moscow .")
	tags := strings.Fields("NNP VBD DT NNS IN NNP CC NNP IN NNP .")
	var tree Tree
	if err := p.ParseInto(&tree, words, tags); err != nil {
		t.Fatal(err)
	}
	if allocs := testing.AllocsPerRun(100, func() { p.ParseInto(&tree, words, tags) }); allocs != 0 {
		t.Errorf("ParseInto allocates %.1f times per sentence", allocs)
	}
}

// BenchmarkParse parses sentences with the embedded model on one goroutine
// and reports words per second, of wall-clock time and of CPU time, on
// treebanktest.Benchmark where present, else on the hand-written sentences.
func BenchmarkParse(b *testing.B) {
	p, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	data := treebanktest.BenchData(b, "testdata/train.conllu", ReadCoNLLU)
	words := 0
	for _, s := range data {
		words += len(s.Words)
	}
	var tree Tree
	p.ParseInto(&tree, data[0].Words, data[0].Tags) // grow the tree's slices
	speed := treebanktest.StartSpeed(b)
	for range b.N {
		for _, s := range data {
			p.ParseInto(&tree, s.Words, s.Tags)
		}
	}
	speed.Report(words)
}
