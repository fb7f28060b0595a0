package postag

import (
	"os"
	"testing"
)

// readTestdata reads the hand-written treebank in testdata.
func readTestdata(tb testing.TB) []Sentence {
	tb.Helper()
	const name = "testdata/train.conllu"
	f, err := os.Open(name)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	data, err := ReadCoNLLU(f, name)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}
