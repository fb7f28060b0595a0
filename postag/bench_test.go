package postag

import (
	"os"
	"testing"
)

// benchTreebank is UD English EWT's dev split, where it is present: the
// project's shared benchmark data; elsewhere BenchmarkTag falls back to the
// hand-written sentences, whose few features stay in cache and flatter the
// speed.
const benchTreebank = "/work/shared/benchmarks/ud-english-ewt/en_ewt-ud-dev.conllu"

// BenchmarkTag tags sentences with the embedded model on one goroutine and
// reports words per second, of wall-clock time and of CPU time (the speed on
// one core, whatever else the machine is doing).
func BenchmarkTag(b *testing.B) {
	t, err := Default()
	if err != nil {
		b.Fatal(err)
	}
	data := readTestdata(b)
	if f, err := os.Open(benchTreebank); err == nil {
		data, err = ReadCoNLLU(f, benchTreebank)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
	}
	words, longest := 0, 0
	for _, s := range data {
		words += len(s.Words)
		longest = max(longest, len(s.Words))
	}
	tags := make([]string, longest)
	b.ReportAllocs()
	b.ResetTimer()
	cpu := cpuSeconds()
	for range b.N {
		for _, s := range data {
			tags = t.TagInto(tags, s.Words)
		}
	}
	cpu = cpuSeconds() - cpu
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		b.ReportMetric(float64(words*b.N)/cpu, "words/cpu-s")
	}
}
