package postag

import (
	"cmp"
	"fmt"
	"strings"
	"testing"
)

func TestReadCoNLLU(t *testing.T) {
	data := readTestdata(t)
	if len(data) != 16 {
		t.Fatalf("read %d sentences, want 16", len(data))
	}
	// Sentence 6 has a multiword token (2-3 didn't), sentence 9 an empty
	// node (5.1): both are skipped, the syntactic words kept.
	for _, tc := range []struct {
		i     int
		words string
		tags  string
	}{
		{5, "Rebels did n't attack the town .", "NNS VBD RB VB DT NN ."},
		{8, "The convoy crossed the border at dawn .", "DT NN VBD DT NN IN NN ."},
		{7, "Talks -LRB- in Geneva -RRB- will resume soon .", "NNS -LRB- IN NNP -RRB- MD VB RB ."},
	} {
		s := data[tc.i]
		if got := strings.Join(s.Words, " "); got != tc.words {
			t.Errorf("sentence %d words %q, want %q", tc.i+1, got, tc.words)
		}
		if got := strings.Join(s.Tags, " "); got != tc.tags {
			t.Errorf("sentence %d tags %q, want %q", tc.i+1, got, tc.tags)
		}
	}
}

// TestReadCoNLLUErrors checks what the tagger requires of a treebank; the
// reader's other errors are internal/conllu's tests.
func TestReadCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"no tag", "# c\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad.conllu:2: word 1 has no XPOS tag"},
		{"no head needed", "1\tA\t_\t_\tDT\t_\t_\t_\t_\t_\n", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tc.text), "bad.conllu")
			if fmt.Sprint(err) != cmp.Or(tc.want, "<nil>") {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
