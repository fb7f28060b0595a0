package postag

import (
	"slices"
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

func TestReadCoNLLUErrors(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"columns", "1\tTroops\ttroop\tNOUN\tNNS\n", "bad.conllu:1: 5 columns, want 10"},
		{"id", "1\tA\t_\t_\tDT\t_\t_\t_\t_\t_\n3\tB\t_\t_\tNN\t_\t_\t_\t_\t_\n", `bad.conllu:2: word id "3", want 2`},
		{"not a number", "x\tA\t_\t_\tDT\t_\t_\t_\t_\t_\n", `bad.conllu:1: word id "x", want 1`},
		{"no tag", "# c\n1\tA\t_\t_\t_\t_\t_\t_\t_\t_\n", "bad.conllu:2: word 1 has no XPOS tag"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ReadCoNLLU(strings.NewReader(tc.text), "bad.conllu")
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadCoNLLUBlankLines(t *testing.T) {
	text := "\n\n1\tA\t_\t_\tDT\t_\t_\t_\t_\t_\n \n\n1\tB\t_\t_\tNN\t_\t_\t_\t_\t_"
	data, err := ReadCoNLLU(strings.NewReader(text), "x")
	if err != nil {
		t.Fatal(err)
	}
	want := []Sentence{{Words: []string{"A"}, Tags: []string{"DT"}}, {Words: []string{"B"}, Tags: []string{"NN"}}}
	if !slices.EqualFunc(data, want, func(a, b Sentence) bool {
		return slices.Equal(a.Words, b.Words) && slices.Equal(a.Tags, b.Tags)
	}) {
		t.Errorf("read %v, want %v", data, want)
	}
}
