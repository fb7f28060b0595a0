package prosetag_test

import (
	"testing"

	"github.com/jdkato/prose/v3/tag"

	"github.com/newsgraph/newsgraph/prosetag"
)

// BenchmarkTag tags the test sentences with this package and with prose, in
// words per second.
func BenchmarkTag(b *testing.B) {
	sents := sentences(b)
	toks := make([][]tag.Token, len(sents))
	words := 0
	for i, s := range sents {
		toks[i] = make([]tag.Token, len(s))
		for j, w := range s {
			toks[i][j].Text = w
		}
		words += len(s)
	}
	ours, err := prosetag.New(nil)
	if err != nil {
		b.Fatal(err)
	}
	theirs, err := tag.New()
	if err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		tag  func([]tag.Token)
	}{{"prosetag", ours.TagTokens}, {"prose", theirs.TagTokens}} {
		b.Run(bc.name, func(b *testing.B) {
			for b.Loop() {
				for _, t := range toks {
					bc.tag(t)
				}
			}
			b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
		})
	}
}
