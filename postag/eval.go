package postag

import "fmt"

// Score is a tagger's accuracy over a set of tagged sentences, counted over
// all words, punctuation included.
type Score struct {
	Words   int     // words scored
	Right   int     // words tagged as in the gold sentences
	Unknown int     // words not in the known vocabulary
	RightUn int     // unknown words tagged right
	Acc     float64 // Right / Words
	AccUn   float64 // RightUn / Unknown
}

// Evaluate tags the gold sentences' words and compares the tags with
// theirs. A word is unknown if known (the training vocabulary, say) lacks
// its form; with a nil known, no word is.
func Evaluate(t *Tagger, gold []Sentence, known map[string]bool) (Score, error) {
	var (
		sc   Score
		tags []string
	)
	for i, s := range gold {
		if len(s.Tags) != len(s.Words) {
			return Score{}, fmt.Errorf("postag: evaluate sentence %d: %d words, %d tags", i+1, len(s.Words), len(s.Tags))
		}
		tags = t.TagInto(tags, s.Words)
		for j, w := range s.Words {
			right := tags[j] == s.Tags[j]
			sc.Words++
			if right {
				sc.Right++
			}
			if known != nil && !known[w] {
				sc.Unknown++
				if right {
					sc.RightUn++
				}
			}
		}
	}
	if sc.Words > 0 {
		sc.Acc = float64(sc.Right) / float64(sc.Words)
	}
	if sc.Unknown > 0 {
		sc.AccUn = float64(sc.RightUn) / float64(sc.Unknown)
	}
	return sc, nil
}

// Vocabulary returns the word forms of the sentences, for Evaluate's known.
func Vocabulary(sentences []Sentence) map[string]bool {
	v := map[string]bool{}
	for _, s := range sentences {
		for _, w := range s.Words {
			v[w] = true
		}
	}
	return v
}
