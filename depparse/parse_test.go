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
// arrived on Monday, met ..."), which the web text of the treebank seldom has. The
// embedded model attaches six of these ten right (the relative verb to the subject,
// the subject to the main verb), as did the 79-feature model before it; one trained
// on the extractor's tags attached four. The others make the relative verb the root.
// Raise the bar when the parser gets better.
func TestRelativeClauses(t *testing.T) {
	p, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	right := 0
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
	} {
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
	if right < 5 {
		t.Errorf("%d of 10 relative clauses attached right, want 5 or more", right)
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
