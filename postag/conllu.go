package postag

import (
	"io"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

// Sentence is one tokenised sentence with a Penn Treebank tag per word.
type Sentence struct {
	Words []string // the syntactic words, in order
	Tags  []string // Penn Treebank tags, one per word (the CoNLL-U XPOS column)
}

// ReadCoNLLU reads sentences from CoNLL-U text
// (https://universaldependencies.org/format.html), keeping each syntactic
// word's form and XPOS tag, which every word must have: multiword-token
// lines (1-2) and empty nodes (8.1) are skipped. Errors name the source and
// the line; name is used only in them.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sents, err := conllu.Read(r, name, conllu.Tags)
	if err != nil {
		return nil, err
	}
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		out[i] = Sentence{Words: s.Words, Tags: s.Tags}
	}
	return out, nil
}
