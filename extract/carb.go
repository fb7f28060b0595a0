package extract

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
)

// WriteCarb writes the raw open-extraction tuples of each sentence in the CaRB system
// format, one tuple per line:
//
//	sentence TAB confidence TAB relation TAB arg1 TAB arg2 [TAB arg3 …]
//
// The sentence is written exactly as given (the scorer matches it), the arguments as
// text, not entity IDs. A sentence with no tuple writes nothing. Sentences must not hold
// tabs or line breaks; one that does is an error naming its index, and nothing of it is
// written.
func WriteCarb(w io.Writer, sentences []string) error {
	bw := bufio.NewWriter(w)
	var errs []string
	for i, line := range sentences {
		if strings.ContainsAny(line, "\t\n\r") {
			errs = append(errs, fmt.Sprintf("sentence %d: holds a tab or line break", i+1))
			continue
		}
		d, err := Analyze(Article{Text: line})
		if err != nil {
			return fmt.Errorf("analyse sentence %d: %w", i+1, err)
		}
		for _, s := range d.Sentences {
			for _, cl := range Clauses(s, FindTimexes(s.Text, time.Time{})) {
				writeTuple(bw, line, s, cl)
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write CaRB tuples: %w", err)
	}
	if len(errs) > 0 {
		return fmt.Errorf("carb input: %s", strings.Join(errs, "; "))
	}
	return nil
}

func writeTuple(w *bufio.Writer, line string, s Sentence, cl Clause) {
	a1, a2 := s.text(cl.Arg1), s.text(cl.Arg2)
	if a1 == "" || cl.Rel == "" {
		return
	}
	w.WriteString(line)
	w.WriteByte('\t')
	w.WriteString(strconv.FormatFloat(ClauseScore(s, cl), 'f', 3, 64))
	for _, f := range []string{cl.Rel, a1, a2} {
		w.WriteByte('\t')
		w.WriteString(f)
	}
	for _, e := range cl.Extra {
		w.WriteByte('\t')
		w.WriteString(s.text(e))
	}
	w.WriteByte('\n')
}

// ClauseScore is a clause's confidence as a raw tuple, in (0, 1): how often tuples of its
// construction are right, lowered for a subject taken from elsewhere and much lowered for
// a missing second argument, raised for prepositional arguments and long objects (a long
// object was read whole; a short one is often a fragment). The weights follow the precision
// of each feature on the CaRB development half (2019 release: attributions 0.82,
// coordinated 0.73, active 0.63, apposition 0.59, locatives 0.44, controlled 0.39,
// possessives 0.21; no second argument 0.16).
func ClauseScore(s Sentence, cl Clause) float64 {
	score := 0.7
	switch cl.Kind {
	case KindAttribution:
		score = 0.8
	case KindCoordinated:
		score = 0.75
	case KindRelative:
		score = 0.68
	case KindApposition:
		score = 0.6
	case KindPossessive:
		score = 0.3
	case KindLocative:
		score = 0.55
	case KindControlled:
		score = 0.45
	}
	if cl.Inherited {
		score -= 0.05
	}
	if cl.Arg2.Empty() {
		score -= 0.25
	}
	if len(cl.Extra) > 0 {
		score += 0.08
	}
	// One word after the relation is often a fragment of a longer object, or the
	// object of a verb whose complement the reader missed.
	switch n := cl.Arg2.End - cl.Arg2.Start; {
	case n > 10:
		score += 0.05
	case n == 1:
		score -= 0.05
	}
	return clamp(score, 0.01, 0.99)
}
