package depparse

import "fmt"

// Score is a parser's attachment accuracy over a set of annotated sentences,
// counted over all words, punctuation included (as in the CoNLL 2018 shared
// task).
type Score struct {
	Words int     // words scored
	UAS   float64 // share of words with the right head
	LAS   float64 // share of words with the right head and label
}

// Evaluate parses the sentences with their own words and tags and compares
// the result with their trees.
func Evaluate(p *Parser, gold []Sentence) (Score, error) {
	var (
		sc       Score
		uas, las int
		t        Tree
	)
	for i, s := range gold {
		if len(s.Heads) != len(s.Words) || len(s.Labels) != len(s.Words) {
			return Score{}, fmt.Errorf("depparse: evaluate sentence %d: %d words, %d heads, %d labels", i+1, len(s.Words), len(s.Heads), len(s.Labels))
		}
		if err := p.ParseInto(&t, s.Words, s.Tags); err != nil {
			return Score{}, fmt.Errorf("depparse: evaluate sentence %d: %w", i+1, err)
		}
		for j := range s.Words {
			sc.Words++
			if t.Heads[j] == s.Heads[j] {
				uas++
				if t.Labels[j] == s.Labels[j] {
					las++
				}
			}
		}
	}
	if sc.Words > 0 {
		sc.UAS = float64(uas) / float64(sc.Words)
		sc.LAS = float64(las) / float64(sc.Words)
	}
	return sc, nil
}
