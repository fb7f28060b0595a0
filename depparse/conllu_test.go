package depparse

import (
	"slices"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/internal/treebanktest"
)

func TestReadCoNLLU(t *testing.T) {
	const good = "# text = They don't know.\n" +
		"1\tThey\tthey\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n" +
		"2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n" +
		"2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n" +
		"3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n" +
		"3.1\tsaid\tsay\tVERB\tVBD\t_\t_\t_\t4:x\t_\n" +
		"4\tknow\tknow\tVERB\tVB\t_\t0\troot\t_\t_\n\n\n" +
		"1\tYes\tyes\tINTJ\tUH\t_\t0\troot\t_\t_\n"
	got, err := ReadCoNLLU(strings.NewReader(good), "good.conllu")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{
		{Words: []string{"They", "do", "n't", "know"}, Tags: []string{"PRP", "VBP", "RB", "VB"}, Heads: []int{3, 4, 4, 0}, Labels: []string{"nsubj", "aux", "advmod", "root"}},
		{Words: []string{"Yes"}, Tags: []string{"UH"}, Heads: []int{0}, Labels: []string{"root"}},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d sentences, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := got[i], want[i]
		if !slices.Equal(g.Words, w.Words) || !slices.Equal(g.Tags, w.Tags) || !slices.Equal(g.Heads, w.Heads) || !slices.Equal(g.Labels, w.Labels) {
			t.Errorf("sentence %d = %+v, want %+v", i, g, w)
		}
	}
}

// TestReadCoNLLUErrors checks that the parser's treebanks must be trees;
// the reader's other errors are internal/conllu's tests.
func TestReadCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"head", "1\tYes\t_\t_\tUH\t_\tx\troot\t_\t_\n", `bad.conllu:1: head "x" is not a number`},
		{"roots", "1\tNo\t_\t_\tUH\t_\t0\troot\t_\t_\n2\tno\t_\t_\tUH\t_\t0\troot\t_\t_\n", "bad.conllu:2: sentence has 2 roots, want 1"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tc.in), "bad.conllu")
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestProjective(t *testing.T) {
	for _, tc := range []struct {
		heads []int
		want  bool
	}{
		{[]int{0}, true},
		{[]int{2, 0, 2}, true},
		{[]int{2, 0, 4, 2}, true},
		// "A hearing is scheduled on the issue today": hearing → issue
		// crosses the root's arc to "scheduled".
		{[]int{2, 4, 4, 0, 7, 7, 2, 4}, false},
		// 1 → 3 crosses 2 → 4.
		{[]int{0, 4, 1, 1}, false},
	} {
		s := Sentence{Heads: tc.heads}
		if got := s.Projective(); got != tc.want {
			t.Errorf("Projective(%v) = %v, want %v", tc.heads, got, tc.want)
		}
	}
}

// readTestdata reads the hand-written treebank in testdata.
func readTestdata(tb testing.TB) []Sentence {
	tb.Helper()
	return treebanktest.Read(tb, "testdata/train.conllu", ReadCoNLLU)
}
