package postag

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/treebanktest"
)

// BenchmarkTag tags sentences with the embedded model on one goroutine and
// reports words per second, of wall-clock time and of CPU time, on
// treebanktest.Benchmark where present, else on the hand-written sentences.
func BenchmarkTag(b *testing.B) {
	t, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	data := treebanktest.BenchData(b, "testdata/train.conllu", ReadCoNLLU)
	words, longest := 0, 0
	for _, s := range data {
		words += len(s.Words)
		longest = max(longest, len(s.Words))
	}
	tags := make([]string, longest)
	b.ReportAllocs()
	speed := treebanktest.StartSpeed(b)
	for range b.N {
		for _, s := range data {
			tags = t.TagInto(tags, s.Words)
		}
	}
	speed.Report(words)
}
