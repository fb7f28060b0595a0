package depparse

import (
	"io"

	"github.com/newsgraph/newsgraph/internal/conllu"
)

// Sentence is one sentence of a treebank: its words with their Penn Treebank
// tags and, when annotated, their heads and relation labels.
type Sentence struct {
	Words  []string // the syntactic words, in order
	Tags   []string // Penn Treebank tags, one per word (the CoNLL-U XPOS column)
	Heads  []int    // 1-based index of each word's head; 0 is the root
	Labels []string // Universal Dependencies relation of each word to its head
}

// ReadCoNLLU reads sentences from CoNLL-U text
// (https://universaldependencies.org/format.html). It keeps the syntactic
// words: multiword-token lines (1-2) and empty nodes (8.1) are skipped.
// Each sentence must be a tree: heads in range, none a word's own, one root.
// Errors name the source and the line; name is used only in them.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	sents, err := conllu.Read(r, name, conllu.Tree)
	if err != nil {
		return nil, err
	}
	out := make([]Sentence, len(sents))
	for i, s := range sents {
		out[i] = Sentence(s)
	}
	return out, nil
}

// Projective reports whether the sentence's tree has no crossing arcs (with
// the root's arc included), which is what the arc-eager oracle needs.
func (s Sentence) Projective() bool {
	for i, h := range s.Heads {
		d := i + 1
		lo, hi := min(d, h), max(d, h)
		for j, h2 := range s.Heads {
			d2 := j + 1
			if d2 == d {
				continue
			}
			lo2, hi2 := min(d2, h2), max(d2, h2)
			// Crossing: exactly one end of arc 2 lies strictly inside arc 1.
			in1 := lo < lo2 && lo2 < hi
			in2 := lo < hi2 && hi2 < hi
			if in1 != in2 && lo2 != lo && lo2 != hi && hi2 != lo && hi2 != hi {
				return false
			}
		}
	}
	return true
}
