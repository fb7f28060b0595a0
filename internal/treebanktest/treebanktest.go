package treebanktest

import (
	"io"
	"os"
	"testing"

	"github.com/newsgraph/newsgraph/internal/fileio"
)

// Read reads the treebank at path with read, failing tb if it cannot.
func Read[S any](tb testing.TB, path string, read func(io.Reader, string) ([]S, error)) []S {
	tb.Helper()
	data, err := fileio.ReadFile(path, "treebank", read)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// Benchmark is the benchmark treebank, UD English EWT's dev split, where a
// checkout has the project's shared benchmark data.
const Benchmark = "/work/shared/benchmarks/ud-english-ewt/en_ewt-ud-dev.conllu"

// BenchData reads the Benchmark treebank with read or, where it is absent,
// the one at fallback (a package's hand-written sentences, whose few
// features stay in cache and flatter the speed).
func BenchData[S any](b *testing.B, fallback string, read func(io.Reader, string) ([]S, error)) []S {
	b.Helper()
	if _, err := os.Stat(Benchmark); err == nil {
		return Read(b, Benchmark, read)
	}
	return Read(b, fallback, read)
}

// Speed measures a benchmark's speed from StartSpeed to Report.
type Speed struct {
	b   *testing.B
	cpu float64
}

// StartSpeed resets b's timer and starts measuring.
func StartSpeed(b *testing.B) Speed {
	b.ResetTimer()
	return Speed{b: b, cpu: cpuSeconds()}
}

// Report reports the speed of b.N rounds of words words each: per second of
// wall-clock time ("words/s") and, where the CPU time is known, per CPU
// second ("words/cpu-s": the speed on one core, whatever else the machine
// is doing).
func (s Speed) Report(words int) {
	cpu := cpuSeconds() - s.cpu
	n := float64(words * s.b.N)
	s.b.ReportMetric(n/s.b.Elapsed().Seconds(), "words/s")
	if cpu > 0 {
		s.b.ReportMetric(n/cpu, "words/cpu-s")
	}
}
