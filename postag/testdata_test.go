package postag

import (
	"testing"

	"github.com/newsgraph/newsgraph/internal/treebanktest"
)

// readTestdata reads the hand-written treebank in testdata.
func readTestdata(tb testing.TB) []Sentence {
	tb.Helper()
	return treebanktest.Read(tb, "testdata/train.conllu", ReadCoNLLU)
}
