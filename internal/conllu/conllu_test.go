package conllu

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// line is one CoNLL-U word line of the given columns, "_" where empty.
func line(id, form, xpos, head, deprel string) string {
	cols := []string{id, form, "_", "_", xpos, "_", head, deprel, "_", "_"}
	for i, c := range cols {
		if c == "" {
			cols[i] = "_"
		}
	}
	return strings.Join(cols, "\t") + "\n"
}

func TestRead(t *testing.T) {
	// "They don't know." with a multiword token and an empty node, then a
	// one-word sentence after extra blank lines, a comment and no final
	// newline.
	text := "# text = They don't know.\n" +
		line("1", "They", "PRP", "3", "nsubj") +
		line("2-3", "don't", "", "", "") +
		line("2", "do", "VBP", "3", "aux") +
		line("3", "n't", "RB", "4", "advmod") +
		line("3.1", "said", "VBD", "", "") +
		line("4", "know", "VB", "0", "root") +
		"\n \n\n# sent_id = 2\n" +
		strings.TrimSuffix(line("1", "Yes", "UH", "0", "root"), "\n")
	words := [][]string{{"They", "do", "n't", "know"}, {"Yes"}}
	tags := [][]string{{"PRP", "VBP", "RB", "VB"}, {"UH"}}
	for _, tc := range []struct {
		name   string
		checks Checks
		want   []Sentence
	}{
		{"words and tags", Tags, []Sentence{
			{Words: words[0], Tags: tags[0]},
			{Words: words[1], Tags: tags[1]},
		}},
		{"tree", Tree, []Sentence{
			{Words: words[0], Tags: tags[0], Heads: []int{3, 3, 4, 0}, Labels: []string{"nsubj", "aux", "advmod", "root"}},
			{Words: words[1], Tags: tags[1], Heads: []int{0}, Labels: []string{"root"}},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := Read(strings.NewReader(text), "good.conllu", tc.checks)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Errorf("read %+v, want %+v", got, tc.want)
			}
		})
	}
}

func TestReadErrors(t *testing.T) {
	for _, tc := range []struct {
		name   string
		checks Checks
		text   string
		want   string // "" when the text is good under checks
	}{
		{"columns", 0, "1\tTroops\ttroop\tNOUN\tNNS\n", "bad.conllu:1: 5 columns, want 10"},
		{"id gap", 0, line("1", "A", "DT", "2", "det") + line("3", "B", "NN", "0", "root"), `bad.conllu:2: word id "3", want 2`},
		{"id not a number", 0, line("x", "A", "DT", "0", "root"), `bad.conllu:1: word id "x", want 1`},
		{"no tag", Tags, "# c\n" + line("1", "A", "", "0", "root"), "bad.conllu:2: word 1 has no XPOS tag"},
		{"no tag, not checked", Tree, line("1", "A", "", "0", "root"), ""},
		{"head not a number", Tree, line("1", "Yes", "UH", "x", "root"), `bad.conllu:1: head "x" is not a number`},
		{"head not checked", Tags, line("1", "Yes", "UH", "x", "root"), ""},
		{"head out of range", Tree, line("1", "Yes", "UH", "3", "root") + "\n", "bad.conllu:2: word 1 has head 3 in a sentence of 1 words"},
		{"negative head", Tree, line("1", "Yes", "UH", "-1", "root"), "bad.conllu:1: word 1 has head -1 in a sentence of 1 words"},
		{"own head", Tree, line("1", "Yes", "UH", "1", "root"), "bad.conllu:1: word 1 has head 1 in a sentence of 1 words"},
		{"two roots", Tree, line("1", "No", "UH", "0", "root") + line("2", "no", "UH", "0", "root"), "bad.conllu:2: sentence has 2 roots, want 1"},
		{"no root", Tree, line("1", "No", "UH", "2", "root") + line("2", "no", "UH", "1", "root") + "\n\n", "bad.conllu:3: sentence has 0 roots, want 1"},
		{"line too long", 0, strings.Repeat("x", 1<<20+1), "read bad.conllu: bufio.Scanner: token too long"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Read(strings.NewReader(tc.text), "bad.conllu", tc.checks)
			if tc.want == "" {
				if err != nil {
					t.Errorf("error %v, want none", err)
				}
				return
			}
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}

func TestReadError(t *testing.T) {
	_, err := Read(failReader{}, "x.conllu", 0)
	if !errors.Is(err, errRead) || !strings.HasPrefix(err.Error(), "read x.conllu: ") {
		t.Errorf("error %v, want the reader's, naming x.conllu", err)
	}
}

var errRead = errors.New("device gone")

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errRead }
