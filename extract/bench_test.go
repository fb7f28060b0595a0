package extract_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
)

// benchCorpus reads the test corpus and repeats it to about 1 MB of article text, as
// distinct articles (a suffix on the ID keeps them apart). It returns the articles and
// their word count.
func benchCorpus(b *testing.B) ([]extract.Article, int) {
	b.Helper()
	def, err := time.Parse(time.DateOnly, corpus.DefaultDate)
	if err != nil {
		b.Fatal(err)
	}
	base, _ := corpus.Read(extract.ReadOptions{DefaultDate: def})
	if len(base) == 0 {
		b.Fatal("no corpus articles")
	}
	var arts []extract.Article
	size, words := 0, 0
	for n := 0; size < 1<<20; n++ {
		a := base[n%len(base)]
		a.ID += "-" + string(rune('a'+n/len(base)%26))
		arts = append(arts, a)
		size += len(a.Text)
		words += len(strings.Fields(a.Text))
	}
	return arts, words
}

// BenchmarkExtract measures the whole pipeline (analysis, entities, time expressions,
// clauses, facts) in words per second, on one core and on all of them.
func BenchmarkExtract(b *testing.B) {
	arts, words := benchCorpus(b)
	ctx := context.Background()
	b.Run("one-core", func(b *testing.B) {
		cpu := cpuTime()
		for b.Loop() {
			for _, a := range arts {
				if _, err := extract.Extract(ctx, a); err != nil {
					b.Fatal(err)
				}
			}
		}
		reportSpeed(b, words, cpuTime()-cpu)
	})
	b.Run("all-cores", func(b *testing.B) {
		cpu := cpuTime()
		for b.Loop() {
			for _, o := range extract.ExtractAll(ctx, arts, 0) {
				if o.Err != nil {
					b.Fatal(o.Err)
				}
			}
		}
		reportSpeed(b, words, cpuTime()-cpu)
	})
}

// reportSpeed reports words per wall-clock second and, where measured, per CPU-second
// (the speed of one core however busy the machine is).
func reportSpeed(b *testing.B, words int, cpu time.Duration) {
	total := float64(words) * float64(b.N)
	b.ReportMetric(total/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(total/cpu.Seconds(), "words/cpu-s")
	}
}

// BenchmarkClauses measures the clause reader alone, over analysed sentences.
func BenchmarkClauses(b *testing.B) {
	arts, words := benchCorpus(b)
	var sents []extract.Sentence
	for _, a := range arts {
		d, err := extract.Analyze(a)
		if err != nil {
			b.Fatal(err)
		}
		sents = append(sents, d.Sentences...)
	}
	cpu := cpuTime()
	for b.Loop() {
		for _, s := range sents {
			extract.Clauses(s, nil)
		}
	}
	reportSpeed(b, words, cpuTime()-cpu)
}

// BenchmarkCarb measures the CaRB path (tokens, both taggers, the parse, both readers,
// confidences) in words per second on one goroutine, over the sentences of the test
// corpus, one per line as `extract --format carb` reads them.
func BenchmarkCarb(b *testing.B) {
	arts, _ := benchCorpus(b)
	var lines []string
	words := 0
	for _, a := range arts {
		d, err := extract.Analyze(a)
		if err != nil {
			b.Fatal(err)
		}
		for _, s := range d.Sentences {
			lines = append(lines, s.Text)
			words += len(s.Tokens)
		}
	}
	if _, err := extract.CarbTuples(lines[:1]); err != nil { // load the models
		b.Fatal(err)
	}
	cpu := cpuTime()
	for b.Loop() {
		if _, err := extract.CarbTuples(lines); err != nil {
			b.Fatal(err)
		}
	}
	reportSpeed(b, words, cpuTime()-cpu)
}
