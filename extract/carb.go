package extract

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/depparse"
	"github.com/newsgraph/newsgraph/prosetag"
)

// WriteCarb writes the raw open-extraction tuples of each sentence in the CaRB system
// format, one tuple per line:
//
//	sentence TAB confidence TAB relation TAB arg1 TAB arg2 [TAB arg3 …]
//
// The sentence is written exactly as given (the scorer matches it), the arguments as
// text, not entity IDs, the confidence as CarbConfidence gives it with the embedded
// weights. Sentences are read as CarbTuples reads them; one that holds a tab or line
// break is an error naming its index, and nothing of it is written.
func WriteCarb(w io.Writer, sentences []string) error {
	tuples, err := CarbTuples(sentences)
	if werr := WriteCarbTuples(w, tuples, carbWeights); werr != nil {
		return werr
	}
	return err
}

// WriteCarbTuples writes tuples in the CaRB system format (see WriteCarb), their
// confidences from weights w.
func WriteCarbTuples(w io.Writer, tuples []CarbTuple, weights []float64) error {
	bw := bufio.NewWriter(w)
	for _, t := range tuples {
		bw.WriteString(t.Sentence)
		bw.WriteByte('\t')
		bw.WriteString(strconv.FormatFloat(CarbConfidence(t.Features, weights), 'f', 3, 64))
		bw.WriteByte('\t')
		bw.WriteString(t.Relation)
		for _, a := range t.Args {
			bw.WriteByte('\t')
			bw.WriteString(a)
		}
		bw.WriteByte('\n')
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write CaRB tuples: %w", err)
	}
	return nil
}

// CarbTuple is one raw open-extraction tuple of a sentence, with the features its
// confidence weighs (in CarbFeatures order).
type CarbTuple struct {
	Sentence string   // the input line, as given
	Relation string   // as written, particles and prepositions included
	Args     []string // the subject, the second argument ("" when there is none), then the rest
	Features []float64
}

// CarbTuples reads the tuples of each sentence. Each line is one sentence, in Penn
// Treebank tokens or not (see lineTokens); a sentence with no tuple gives none.
//
// Two readers find the clauses, both on the tags the news pipeline gives: the rules
// over part-of-speech chunks (Clauses) and the dependency parse (TreeClauses). A
// clause both find is kept once, in the rules' reading, which keeps the finer
// constructions (attribution, light verbs); whether one reader or both found it is a
// feature of its confidence.
//
// A sentence holding a tab or line break or invalid UTF-8, or one a reader fails on,
// gives no tuple; the error names every such sentence by its 1-based index, and the
// tuples of the others are returned with it.
func CarbTuples(sentences []string) ([]CarbTuple, error) {
	tg, err := tagger()
	if err != nil {
		return nil, fmt.Errorf("load the tagger: %w", err)
	}
	p, err := depparse.Default()
	if err != nil {
		return nil, fmt.Errorf("load parser: %w", err)
	}
	r := &lineReader{tagger: tg, parser: p}
	var (
		out []CarbTuple
		bad []string
	)
	for i, line := range sentences {
		if strings.ContainsAny(line, "\t\n\r") {
			bad = append(bad, fmt.Sprintf("sentence %d: holds a tab or line break", i+1))
			continue
		}
		if !utf8.ValidString(line) {
			bad = append(bad, fmt.Sprintf("sentence %d: is not valid UTF-8", i+1))
			continue
		}
		var err error
		if out, err = r.read(out, line); err != nil {
			bad = append(bad, fmt.Sprintf("sentence %d: %v", i+1, err))
		}
	}
	if len(bad) > 0 {
		return out, fmt.Errorf("carb input: %s", strings.Join(bad, "; "))
	}
	return out, nil
}

// lineReader reads CaRB lines, keeping the parser's buffers from line to line.
type lineReader struct {
	tagger      *prosetag.Tagger
	parser      *depparse.Parser
	words, tags []string
	tree        depparse.Tree
}

// read appends the tuples of one line to out. The readers are rule code over
// arbitrary text: a bug there must cost one sentence, not the batch, so a panic
// becomes its error and out is returned as it was.
func (r *lineReader) read(out []CarbTuple, line string) (_ []CarbTuple, err error) {
	n := len(out)
	defer func() {
		if p := recover(); p != nil {
			out, err = out[:n], fmt.Errorf("internal error: %v", p)
		}
	}()
	toks := lineTokens(line)
	if len(toks) == 0 {
		return out, nil
	}
	s := makeSentence(line, 0, 0, toks, r.tagger)
	r.words, r.tags = r.words[:0], r.tags[:0]
	for _, t := range s.Tokens {
		r.words, r.tags = append(r.words, t.Text), append(r.tags, t.Tag)
	}
	if err := r.parser.ParseInto(&r.tree, r.words, r.tags); err != nil {
		return out, fmt.Errorf("parse: %w", err)
	}
	for _, c := range carbClauses(s, r.tree) {
		if t, ok := carbTuple(line, s, c); ok {
			out = append(out, t)
		}
	}
	return out, nil
}

// carbTuple renders a clause as a tuple. A clause with no argument after its relation
// ("the deal was never implemented") gives none: like the binary systems CaRB was
// published with, the tuples name two things or more. (On CaRB dev such tuples were
// 8% of ours and matched few of the gold tuples, 2.4% of which have one argument.)
func carbTuple(line string, s Sentence, c read) (CarbTuple, bool) {
	a1 := s.text(c.Arg1)
	if a1 == "" || c.Rel == "" || c.Arg2.Empty() && len(c.Extra) == 0 {
		return CarbTuple{}, false
	}
	t := CarbTuple{Sentence: line, Relation: c.Rel, Args: []string{a1, s.text(c.Arg2)}, Features: carbFeatures(s, c)}
	for _, e := range c.Extra {
		t.Args = append(t.Args, s.text(e))
	}
	return t, true
}

// lineTokens splits one line of CaRB input into tokens. The benchmark's lines are in
// Penn Treebank tokens already (the two-character quote escapes, -LRB-, n't), which
// the prose tokenizer would split again (the closing-quote escape into two single
// quotes, "V." into "V" "."), so each space-separated field is one token unless the
// tokenizer finds punctuation or a clitic inside it ("Lachin." → "Lachin" ".", "can't"
// → "ca" "n't").
func lineTokens(line string) []tokenize.Token {
	return appendTokens(nil, line, func(f string) bool {
		return penn[f] || len(f) == 2 && f[1] == '.' && f[0] >= 'A' && f[0] <= 'Z'
	})
}

// penn are the Penn Treebank's escaped brackets, quotes and dash: tokens as written.
var penn = map[string]bool{"``": true, "''": true, "-LRB-": true, "-RRB-": true, "-LSB-": true, "-RSB-": true,
	"-LCB-": true, "-RCB-": true, "--": true}

// read is a clause with the readers that found it.
type read struct {
	Clause
	rules, tree bool
}

// carbClauses returns the clauses of both readers of one sentence and its parse, a
// clause they agree on once: in the rules' reading, with the parse's subject when it
// holds the rules' one and more, and the parse's object when the rules found none.
func carbClauses(s Sentence, t depparse.Tree) []read {
	trees := TreeClauses(s, t)
	agreed := make([]bool, len(trees))
	var out []read
	for _, c := range Clauses(s, FindTimexes(s.Text, time.Time{})) {
		r := read{Clause: c, rules: true}
		for k, tc := range trees {
			if agree(c, tc) {
				agreed[k], r.tree = true, true
				// The parse sees the whole subject where the chunks see its last noun
				// phrase ("Hostages held in Gaza were exchanged": not "Gaza").
				if tc.Arg1.Start <= c.Arg1.Start && tc.Arg1.End >= c.Arg1.End && !tc.Inherited {
					r.Arg1 = tc.Arg1
				}
				// Where the chunks found nothing after the verb, the parse's object and
				// relation are the reading to keep.
				if c.Arg2.Empty() && len(c.Extra) == 0 && !tc.Arg2.Empty() {
					r.Arg2, r.Extra, r.Rel = tc.Arg2, tc.Extra, tc.Rel
				}
			}
		}
		out = append(out, r)
	}
	// The parse adds the clauses of verbs the rules did not read, and verbless
	// ones; of a verb both read with different subjects, the rules' reading stays
	// alone (on CaRB dev, keeping both cost more precision than it gained recall).
	ruleVerbs := map[int]bool{}
	for _, r := range out {
		if r.Verb >= 0 {
			ruleVerbs[r.Verb] = true
		}
	}
	for k, tc := range trees {
		if !agreed[k] && (tc.Verb < 0 || !ruleVerbs[tc.Verb]) {
			out = append(out, read{Clause: tc, tree: true})
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
