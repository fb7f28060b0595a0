package extract

import (
	"bufio"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/depparse"
	"github.com/newsgraph/newsgraph/postag"
)

// WriteCarb writes the raw open-extraction tuples of each sentence in the CaRB system
// format, one tuple per line:
//
//	sentence TAB confidence TAB relation TAB arg1 TAB arg2 [TAB arg3 …]
//
// The sentence is written exactly as given (the scorer matches it), the arguments as
// text, not entity IDs. Each line is one sentence, in Penn Treebank tokens or not (see
// lineTokens). A sentence with no tuple writes nothing. Sentences must not hold tabs
// or line breaks; one that does is an error naming its index, and nothing of it is
// written.
//
// Two readers find the clauses: the rules over part-of-speech chunks (Clauses, on the
// tags the news pipeline gives) and the dependency parse (TreeClauses, on the tags of
// the tagger trained with the parser). See carbClauses for how they are combined.
func WriteCarb(w io.Writer, sentences []string) error {
	prose, err := tagger()
	if err != nil {
		return fmt.Errorf("load tagger: %w", err)
	}
	tg, err := postag.Default()
	if err != nil {
		return fmt.Errorf("load tagger: %w", err)
	}
	p, err := depparse.Default()
	if err != nil {
		return fmt.Errorf("load parser: %w", err)
	}
	bw := bufio.NewWriter(w)
	var (
		errs        []string
		words, tags []string
		tree        depparse.Tree
	)
	for i, line := range sentences {
		if strings.ContainsAny(line, "\t\n\r") {
			errs = append(errs, fmt.Sprintf("sentence %d: holds a tab or line break", i+1))
			continue
		}
		toks := lineTokens(line)
		if len(toks) == 0 {
			continue
		}
		rules := makeSentence(line, 0, 0, toks, prose)
		words = words[:0]
		for _, t := range toks {
			words = append(words, t.Text)
		}
		tags = tg.TagInto(tags, words)
		if err := p.ParseInto(&tree, words, tags); err != nil {
			return fmt.Errorf("parse sentence %d: %w", i+1, err)
		}
		parsed := Sentence{Text: rules.Text, Tokens: slices.Clone(rules.Tokens)}
		for j, tag := range tags {
			parsed.Tokens[j].Tag, parsed.Tokens[j].Lemma = tag, Lemma(words[j], tag)
		}
		for _, c := range carbClauses(rules, parsed, tree) {
			writeTuple(bw, line, rules, c.Clause, c.score)
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

// lineTokens splits one line of CaRB input into tokens. The benchmark's lines are in
// Penn Treebank tokens already (“ ” -LRB- n't), which the prose tokenizer would split
// again ("”" into two quotes, "V." into "V" "."), so each space-separated field is one
// token unless the tokenizer finds punctuation or a clitic inside it ("Lachin." →
// "Lachin" ".", "can't" → "ca" "n't").
func lineTokens(line string) []tokenize.Token {
	var toks []tokenize.Token
	start := 0
	for _, f := range strings.Fields(line) {
		at := start + strings.Index(line[start:], f)
		start = at + len(f)
		if penn[f] || len(f) == 2 && f[1] == '.' && f[0] >= 'A' && f[0] <= 'Z' {
			toks = append(toks, tokenize.Token{Text: f, Start: at})
			continue
		}
		for _, t := range tokenizer.Tokenize(f) {
			t.Start += at
			toks = append(toks, t)
		}
	}
	return toks
}

// penn are the Penn Treebank's escaped brackets, quotes and dash: tokens as written.
var penn = map[string]bool{"``": true, "''": true, "-LRB-": true, "-RRB-": true, "-LSB-": true, "-RSB-": true,
	"-LCB-": true, "-RCB-": true, "--": true}

// scored is a clause with its confidence as a raw tuple.
type scored struct {
	Clause
	score float64
}

// Confidence adjustments for the agreement of the two readers. On the CaRB
// development half (2019 release) a clause both readers find is right far more often
// than one either finds alone (mean best-match precision 0.69 against 0.49 for the
// rules alone and 0.50 for the parse alone).
const (
	bothReaders = 0.1
	treeOnly    = -0.1
)

// carbClauses returns the clauses of both readers of one sentence (rules and parsed
// hold the same tokens, tagged for each reader), a clause they agree on once: in the
// rules' reading, which keeps the finer constructions (attribution, light verbs), and
// more confident.
func carbClauses(rules, parsed Sentence, t depparse.Tree) []scored {
	trees := TreeClauses(parsed, t)
	agreed := make([]bool, len(trees))
	var out []scored
	for _, c := range Clauses(rules, FindTimexes(rules.Text, time.Time{})) {
		sc := scored{c, ClauseScore(rules, c)}
		for k, tc := range trees {
			if agree(c, tc) {
				agreed[k], sc.score = true, ClauseScore(rules, c)+bothReaders
			}
		}
		out = append(out, sc)
	}
	for k, tc := range trees {
		if !agreed[k] {
			out = append(out, scored{tc, ClauseScore(parsed, tc) + treeOnly})
		}
	}
	return out
}

// agree reports whether two readings are of one clause: of the same verb, or of the
// same verbless construction, with overlapping subjects (and objects, without a verb).
func agree(a, b Clause) bool {
	if !overlap(a.Arg1, b.Arg1) {
		return false
	}
	if a.Verb >= 0 {
		return a.Verb == b.Verb
	}
	return b.Verb < 0 && a.Kind == b.Kind && overlap(a.Arg2, b.Arg2)
}

func overlap(a, b Span) bool { return a.Start < b.End && b.Start < a.End }

func writeTuple(w *bufio.Writer, line string, s Sentence, cl Clause, score float64) {
	a1, a2 := s.text(cl.Arg1), s.text(cl.Arg2)
	if a1 == "" || cl.Rel == "" {
		return
	}
	w.WriteString(line)
	w.WriteByte('\t')
	w.WriteString(strconv.FormatFloat(clamp(score, 0.01, 0.99), 'f', 3, 64))
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
