package postag

import (
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/newsgraph/newsgraph/internal/treebanktest"
)

func embedded(tb testing.TB) *Tagger {
	tb.Helper()
	tg, err := Default()
	if err != nil {
		tb.Fatal(err)
	}
	return tg
}

// newsSentences are our own news-style sentences, Penn-tokenised, with
// their right tags in the conventions of the UD English EWT XPOS column.
var newsSentences = []struct{ words, tags string }{
	{"Azerbaijan 's troops seized the town on Tuesday .", "NNP POS NNS VBD DT NN IN NNP ."},
	{"Russia brokered a ceasefire between Armenia and Azerbaijan in November 2020 .", "NNP VBD DT NN IN NNP CC NNP IN NNP CD ."},
	{"The talks , which began in Geneva , did n't produce an agreement .", "DT NNS , WDT VBD IN NNP , VBD RB VB DT NN ."},
	{"`` We will not withdraw , '' the minister told reporters .", "`` PRP MD RB VB , '' DT NN VBD NNS ."},
	{"Officials in Baku accused Yerevan of violating the truce .", "NNS IN NNP VBD NNP IN VBG DT NN ."},
}

// hardSentences are more of them, with constructions a tagger of about 95%
// gets wrong now and then (particles, "to" before a verb, "outside").
var hardSentences = []struct{ words, tags string }{
	{"Peace talks are expected to resume next week in Washington .", "NN NNS VBP VBN TO VB JJ NN IN NNP ."},
	{"The United Nations has called on both sides to resume negotiations .", "DT NNP NNPS VBZ VBN IN DT NNS TO VB NNS ."},
	{"Ukraine said it had shot down 23 drones launched from Russian territory .", "NNP VBD PRP VBD VBN RP CD NNS VBN IN JJ NN ."},
	{"Israel and Hamas agreed to exchange hostages for prisoners .", "NNP CC NNP VBD TO VB NNS IN NNS ."},
	{"Protesters gathered outside parliament , demanding the government 's resignation .", "NNS VBD IN NN , VBG DT NN POS NN ."},
	{"The European Union imposed new sanctions on Moscow 's banks .", "DT NNP NNP VBD JJ NNS IN NNP POS NNS ."},
	{"Heavy fighting broke out again near the border overnight .", "JJ NN VBD RP RB IN DT NN RB ."},
	{"Armenian and Azerbaijani forces exchanged fire along the line of contact .", "JJ CC JJ NNS VBD NN IN DT NN IN NN ."},
	{"The envoy , who arrived on Monday , is expected to meet both leaders .", "DT NN , WP VBD IN NNP , VBZ VBN TO VB DT NNS ."},
}

func TestDefaultTagsNews(t *testing.T) {
	tg := embedded(t)
	for _, tc := range newsSentences {
		got := strings.Join(tg.Tag(strings.Fields(tc.words)), " ")
		if got != tc.tags {
			t.Errorf("Tag(%q)\n got %s\nwant %s", tc.words, got, tc.tags)
		}
	}
}

func TestDefaultAccuracyOnNews(t *testing.T) {
	tg := embedded(t)
	var gold []Sentence
	for _, tc := range append(slices.Clone(newsSentences), hardSentences...) {
		gold = append(gold, Sentence{Words: strings.Fields(tc.words), Tags: strings.Fields(tc.tags)})
	}
	sc, err := Evaluate(tg, gold, nil)
	if err != nil {
		t.Fatal(err)
	}
	// The model scores 94.5% on EWT's web text; news is no harder.
	if sc.Acc < 0.93 {
		t.Errorf("accuracy %.3f on %d words of news, want ≥ 0.93", sc.Acc, sc.Words)
	}
	t.Logf("accuracy %.3f on %d words of news", sc.Acc, sc.Words)
}

func TestEscapedAndRaw(t *testing.T) {
	tg := embedded(t)
	for _, tc := range []struct {
		variants []string
		want     string
	}{
		{[]string{
			"Heavy fighting broke out -LRB- again -RRB- near the border .",
			"Heavy fighting broke out ( again ) near the border .",
		}, "JJ NN VBD RP -LRB- RB -RRB- IN DT NN ."},
		{[]string{
			"`` We will stay , '' he said .",
			`" We will stay , " he said .`,
			"“ We will stay , ” he said .",
		}, "`` PRP MD VB , '' PRP VBD ."},
		{[]string{
			"Kyiv did n't agree .",
			"Kyiv did n’t agree .",
		}, "NNP VBD RB VB ."},
		{[]string{
			"Moscow 's envoy left .",
			"Moscow ’s envoy left .",
		}, "NNP POS NN VBD ."},
		{[]string{
			"The report -LSB- on the shelling -RSB- was published .",
			"The report [ on the shelling ] was published .",
		}, "DT NN -LRB- IN DT NN -RRB- VBD VBN ."},
	} {
		for _, v := range tc.variants {
			if got := strings.Join(tg.Tag(strings.Fields(v)), " "); got != tc.want {
				t.Errorf("Tag(%q)\n got %s\nwant %s", v, got, tc.want)
			}
		}
	}
}

func TestTagEmpty(t *testing.T) {
	tg := embedded(t)
	if got := tg.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %q", got)
	}
	dst := make([]string, 3, 8)
	if got := tg.TagInto(dst, []string{}); len(got) != 0 || cap(got) != 8 {
		t.Errorf("TagInto(dst, []) = %q (cap %d), want dst[:0]", got, cap(got))
	}
	if got := tg.Tag([]string{""}); len(got) != 1 || got[0] == "" {
		t.Errorf(`Tag([""]) = %q, want one tag`, got)
	}
}

// checkTags fails the test unless tags has one tag of the model per word.
func checkTags(t *testing.T, tg *Tagger, words, tags []string) {
	t.Helper()
	if len(tags) != len(words) {
		t.Fatalf("%d tags for %d words %q", len(tags), len(words), words)
	}
	known := tg.Model().Tags()
	for i, tag := range tags {
		if _, ok := slices.BinarySearch(known, tag); !ok {
			t.Fatalf("word %q got tag %q, not one of the model's", words[i], tag)
		}
	}
}

func TestTagAnyStrings(t *testing.T) {
	tg := embedded(t)
	edge := [][]string{
		{"\xff\xfe", "\x00", " ", "\t", "-LRB-", "''", "’", "\u200b"},
		{strings.Repeat("a", 10000)},
		{strings.Repeat("é", 300), strings.Repeat("9", 50), "--", "-", "`", "\xc3"},
		slices.Repeat([]string{"the"}, 5000),
		slices.Repeat([]string{`"`}, 7),
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 200 {
		words := make([]string, rng.IntN(40))
		for i := range words {
			b := make([]byte, rng.IntN(12))
			for j := range b {
				b[j] = byte(rng.IntN(256))
			}
			words[i] = string(b)
		}
		edge = append(edge, words)
	}
	for _, words := range edge {
		checkTags(t, tg, words, tg.Tag(words))
	}
}

func FuzzTag(f *testing.F) {
	for _, s := range []string{"Troops seized the town .", "\xff -LRB- ’s", "", `" " "`} {
		f.Add(s)
	}
	tg := embedded(f)
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Split(s, " ")
		checkTags(t, tg, words, tg.Tag(words))
	})
}

func TestTagIntoDoesNotAllocate(t *testing.T) {
	if treebanktest.RaceEnabled {
		t.Skip("the race detector makes sync.Pool drop items")
	}
	tg := embedded(t)
	words := strings.Fields(newsSentences[2].words)
	dst := make([]string, len(words))
	tg.TagInto(dst, words) // fill the pool
	if n := testing.AllocsPerRun(50, func() { dst = tg.TagInto(dst, words) }); n != 0 {
		t.Errorf("TagInto allocates %.1f times a call, want 0", n)
	}
}

func TestTagConcurrently(t *testing.T) {
	tg := embedded(t)
	var sentences [][]string
	for _, tc := range append(slices.Clone(newsSentences), hardSentences...) {
		sentences = append(sentences, strings.Fields(tc.words))
	}
	want := make([][]string, len(sentences))
	for i, s := range sentences {
		want[i] = tg.Tag(s)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			var dst []string
			for k := range 20 {
				i := (g + k) % len(sentences)
				dst = tg.TagInto(dst, sentences[i])
				if !slices.Equal(dst, want[i]) {
					t.Errorf("goroutine %d: %q tagged %q, alone %q", g, sentences[i], dst, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
