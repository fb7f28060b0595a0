package prosetag_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/prosetag"
)

// sentences are our corpus's lines, tokenised as the news pipeline does, plus
// CaRB's development sentences when ../shared is there.
func sentences(t testing.TB) [][]string {
	t.Helper()
	var lines []string
	arts, errs := corpus.Read(extract.ReadOptions{DefaultDate: time.Now()})
	if len(arts) == 0 {
		t.Fatalf("no corpus articles: %v", errs)
	}
	for _, a := range arts {
		lines = append(lines, strings.Split(a.Text, "\n")...)
	}
	if b, err := os.ReadFile(filepath.Join("..", "..", "shared", "benchmarks", "carb", "sentences.txt")); err == nil {
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	tk := tokenize.New()
	var out [][]string
	for _, l := range lines {
		var words []string
		for _, w := range tk.Tokenize(l) {
			words = append(words, w.Text)
		}
		if len(words) > 0 {
			out = append(out, words)
		}
	}
	return out
}

// oddities are words that reach prose's special cases and normalisations.
var oddities = []string{"", "-", "--", "@", "@newsgraph", "0", "00", "*", "*T*", "*-1", "*T*-12", "*?*",
	"-LRB-", "-RRB-", "-lrb-", "1994", "-1994", "+1994", "19a4", "2,000", "3.5", "cease-fire", "-year",
	"Nagorno-Karabakh", "İstanbul", "Ümit", "É", "ß", "日本", ":)", "xD", "O.o", "8-D", "and/or", "(", ")",
	"``", "''", "'s", "n't", "U.S.", "Mr.", "...", "$", "%", "&", "AT&T", "Putin", "PUTIN", "putin", "a",
	"I", "X", "\xff\xfe", "a\x00b"}

func compare(t *testing.T, ours *prosetag.Tagger, theirs *tag.Tagger, words []string) {
	t.Helper()
	a, b := make([]tag.Token, len(words)), make([]tag.Token, len(words))
	for i, w := range words {
		a[i].Text, b[i].Text = w, w
	}
	ours.TagTokens(a)
	theirs.TagTokens(b)
	if !slices.Equal(a, b) {
		for i := range a {
			if a[i].Tag != b[i].Tag {
				t.Fatalf("%q: word %d %q tagged %s, prose says %s", words, i, words[i], a[i].Tag, b[i].Tag)
			}
		}
	}
}

// TestSameAsProse checks the promise of the package: prose's tags, on real
// sentences, on random strings of their words and oddities, with and without
// a lexicon.
func TestSameAsProse(t *testing.T) {
	sents := sentences(t)
	vocab := slices.Clone(oddities)
	for _, s := range sents {
		vocab = append(vocab, s...)
	}
	for _, lex := range []tag.Lexicon{nil, {"overnight": "RB", "shelling": "NN", "Baku": "NNP", "-": "HYPH"}} {
		ours, err := prosetag.New(lex)
		if err != nil {
			t.Fatal(err)
		}
		theirs, err := tag.New(tag.WithLexicon(lex))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range sents {
			compare(t, ours, theirs, s)
		}
		r := rand.New(rand.NewPCG(1, uint64(len(lex))))
		for range 3000 {
			words := make([]string, 1+r.IntN(12))
			for i := range words {
				words[i] = vocab[r.IntN(len(vocab))]
				if r.IntN(8) == 0 {
					words[i] = oddities[r.IntN(len(oddities))]
				}
			}
			compare(t, ours, theirs, words)
		}
	}
}

// TestConcurrent tags the sentences from several goroutines at once (run with -race):
// each must get the tags it gets alone.
func TestConcurrent(t *testing.T) {
	sents := sentences(t)
	tg, err := prosetag.New(tag.Lexicon{"overnight": "RB"})
	if err != nil {
		t.Fatal(err)
	}
	tagged := func(words []string) []tag.Token {
		toks := make([]tag.Token, len(words))
		for i, w := range words {
			toks[i].Text = w
		}
		tg.TagTokens(toks)
		return toks
	}
	want := make([][]tag.Token, len(sents))
	for i, s := range sents {
		want[i] = tagged(s)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 4)
	for g := range 4 {
		wg.Go(func() {
			for i := g; i < len(sents); i += 2 {
				if got := tagged(sents[i]); !slices.Equal(got, want[i]) {
					errs <- fmt.Sprintf("%q: %v, alone %v", sents[i], got, want[i])
					return
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
