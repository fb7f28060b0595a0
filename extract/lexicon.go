package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// Event classes of a fact (Fact.Class). The graph treats accuse, threaten,
// attack, fight, seize and sanction as hostile, and mediate, negotiate, agree
// and withdraw as conflict handling.
const (
	ClassMediate   = "mediate"
	ClassNegotiate = "negotiate"
	ClassConsult   = "consult"
	ClassAppeal    = "appeal"
	ClassAgree     = "agree"
	ClassAccuse    = "accuse"
	ClassThreaten  = "threaten"
	ClassAttack    = "attack"
	ClassFight     = "fight"
	ClassSeize     = "seize"
	ClassSanction  = "sanction"
	ClassAid       = "aid"
	ClassWithdraw  = "withdraw"
	ClassCooperate = "cooperate"
	ClassStatement = "statement"
	ClassOther     = "other"
)

// UnknownWeight is the weight ClassOf gives a predicate the lexicon does not
// know: "other", with little confidence that it is.
const UnknownWeight = 0.1

// backoffFactor lowers the weight of a class found for a shorter form of a
// predicate ("meet_with_on" → "meet_with"): the dropped words may change it.
const backoffFactor = 0.9

// Classes lists every event class, the order of the constants above.
var Classes = []string{
	ClassMediate, ClassNegotiate, ClassConsult, ClassAppeal, ClassAgree, ClassAccuse, ClassThreaten,
	ClassAttack, ClassFight, ClassSeize, ClassSanction, ClassAid, ClassWithdraw, ClassCooperate,
	ClassStatement, ClassOther,
}

//go:embed data/verbs.tsv
var verbsTSV string

// Lexicon maps predicate lemmas and event nouns to event classes.
// The zero value knows no words; use DefaultLexicon or ParseLexicon.
type Lexicon struct {
	verbs map[string]lexEntry
	nouns map[string]lexEntry
}

type lexEntry struct {
	class  string
	weight float64
}

// ParseLexicon reads a lexicon in the format of data/verbs.tsv: one
// "lemma<TAB>pos<TAB>class<TAB>weight" line per word, pos "v" or "n",
// "#" comments and blank lines ignored. name is used in errors. It reports
// every bad line at once, one per line of the error.
func ParseLexicon(r io.Reader, name string) (*Lexicon, error) {
	l := &Lexicon{verbs: map[string]lexEntry{}, nouns: map[string]lexEntry{}}
	var problems []string
	sc := bufio.NewScanner(r)
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if err := l.add(line); err != nil {
			problems = append(problems, fmt.Sprintf("%s:%d: %v", name, n, err))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read lexicon %s: %w", name, err)
	}
	if len(problems) > 0 {
		return nil, fmt.Errorf("parse lexicon %s:\n%s", name, strings.Join(problems, "\n"))
	}
	return l, nil
}

func (l *Lexicon) add(line string) error {
	f := strings.Split(line, "\t")
	if len(f) != 4 {
		return fmt.Errorf("want 4 tab-separated fields (lemma, pos, class, weight), got %d", len(f))
	}
	lemma, pos, class := f[0], f[1], f[2]
	if lemma == "" || lemma != strings.ToLower(lemma) || strings.ContainsAny(lemma, " \t") {
		return fmt.Errorf("lemma %q must be lowercase without spaces", lemma)
	}
	if !slices.Contains(Classes, class) {
		return fmt.Errorf("unknown class %q for %q", class, lemma)
	}
	w, err := strconv.ParseFloat(f[3], 64)
	if err != nil || w <= 0 || w > 1 {
		return fmt.Errorf("weight %q for %q must be a number in (0, 1]", f[3], lemma)
	}
	var m map[string]lexEntry
	switch pos {
	case "v":
		m = l.verbs
	case "n":
		m = l.nouns
	default:
		return fmt.Errorf("part of speech %q for %q must be v or n", pos, lemma)
	}
	if _, dup := m[lemma]; dup {
		return fmt.Errorf("%q (%s) is listed twice", lemma, pos)
	}
	m[lemma] = lexEntry{class, w}
	return nil
}

// ClassOf returns the event class of a predicate lemma and how reliably the
// predicate signals it. A predicate it does not know is looked up without its
// trailing "_"-joined words, longest form first ("accuse_of_on" → "accuse_of"
// → "accuse"), at a slightly lower weight; particles that change the meaning
// ("pull_out", "call_on") are entries of their own and so win. What stays
// unknown is ClassOther at UnknownWeight.
func (l *Lexicon) ClassOf(predicate string) (class string, weight float64) {
	p := strings.ToLower(strings.TrimSpace(predicate))
	factor := 1.0
	for p != "" {
		if e, ok := l.verbs[p]; ok {
			return e.class, e.weight * factor
		}
		i := strings.LastIndexByte(p, '_')
		if i < 0 {
			break
		}
		p = p[:i]
		factor *= backoffFactor
	}
	return ClassOther, UnknownWeight
}

// EventNoun returns the class of an event noun such as "ceasefire", "talks"
// or "shelling", the head of a light-verb construction ("hold talks",
// "launch an offensive") whose verb says little, with its weight.
func (l *Lexicon) EventNoun(lemma string) (class string, weight float64, ok bool) {
	e, ok := l.nouns[strings.ToLower(strings.TrimSpace(lemma))]
	return e.class, e.weight, ok
}

// defaultLexicon parses the embedded data/verbs.tsv once.
var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return ParseLexicon(strings.NewReader(verbsTSV), "data/verbs.tsv")
})

// DefaultLexicon is the lexicon built into the binary (data/verbs.tsv).
// The error, which the package tests rule out, is for callers that want to
// stop at start-up rather than classify everything as "other".
func DefaultLexicon() (*Lexicon, error) { return defaultLexicon() }

// ClassOf classifies a predicate lemma with the built-in lexicon; see
// (*Lexicon).ClassOf.
func ClassOf(predicate string) (class string, weight float64) {
	l, err := defaultLexicon()
	if err != nil {
		return ClassOther, UnknownWeight
	}
	return l.ClassOf(predicate)
}

// EventNoun classifies an event noun with the built-in lexicon; see
// (*Lexicon).EventNoun.
func EventNoun(lemma string) (class string, ok bool) {
	l, err := defaultLexicon()
	if err != nil {
		return "", false
	}
	class, _, ok = l.EventNoun(lemma)
	return class, ok
}
