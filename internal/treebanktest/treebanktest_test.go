package treebanktest

import (
	"bufio"
	"flag"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// readLines is a reader in the shape Read takes: one "sentence" a line.
func readLines(r io.Reader, _ string) ([]string, error) {
	var out []string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		out = append(out, sc.Text())
	}
	return out, sc.Err()
}

func TestRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tb.txt")
	if err := os.WriteFile(path, []byte("one\ntwo\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if got := Read(t, path, readLines); len(got) != 2 || got[1] != "two" {
		t.Errorf("Read = %q, want [one two]", got)
	}
}

// TestSpeed runs a benchmark that does some work and checks that it
// reports both speeds, and that BenchData reads a treebank.
var sink int

func TestSpeed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "tb.txt")
	if err := os.WriteFile(path, []byte("a b c\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A fixed number of rounds keeps the test short.
	bt := flag.Lookup("test.benchtime")
	old := bt.Value.String()
	if err := bt.Value.Set("50x"); err != nil {
		t.Fatal(err)
	}
	defer bt.Value.Set(old)
	var sentences int
	res := testing.Benchmark(func(b *testing.B) {
		sentences = len(BenchData(b, path, readLines))
		speed := StartSpeed(b)
		for range b.N {
			for i := range 1_000_000 {
				sink += i * i
			}
		}
		speed.Report(1000)
	})
	if sentences == 0 {
		t.Errorf("BenchData read nothing")
	}
	for _, unit := range []string{"words/s", "words/cpu-s"} {
		if v := res.Extra[unit]; v <= 0 {
			t.Errorf("%s = %v, want > 0 (all metrics %v)", unit, v, res.Extra)
		}
	}
}
