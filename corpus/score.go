package corpus

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// symmetricClasses are the event classes whose two participants may be named in either order:
// "Armenia and Azerbaijan fought" is Armenia–Azerbaijan as much as Azerbaijan–Armenia.
var symmetricClasses = map[string]bool{"fight": true, "negotiate": true, "consult": true, "agree": true}

// NoClass is the class under which facts without one are counted.
const NoClass = "(none)"

// Counts are the tallies behind precision and recall.
type Counts struct {
	Got     int // distinct extracted facts
	Correct int // of those, the ones matching an expected fact
	Want    int // expected facts
	Found   int // of those, the ones some extracted fact matches
}

// Precision is Correct/Got, 0 when nothing was extracted.
func (c Counts) Precision() float64 { return ratio(c.Correct, c.Got) }

// Recall is Found/Want, 0 when nothing was expected.
func (c Counts) Recall() float64 { return ratio(c.Found, c.Want) }

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Match pairs an expected fact with an extracted fact that matches it.
type Match struct {
	Want ExpectedFact
	Got  extract.Fact
}

// Report is the outcome of Score.
type Report struct {
	Overall Counts
	ByClass map[string]Counts // Got/Correct by the extracted class, Want/Found by the expected class

	DatesChecked    int // matched expected facts that give a date
	DatesRight      int // of those, the ones a matching extracted fact dates exactly so
	ModalityChecked int // matched expected facts that give a modality
	ModalityRight   int // of those, the ones a matching extracted fact has that modality for

	Matches []Match        // for each found expected fact, its best matching extracted fact
	Misses  []ExpectedFact // expected facts nothing matched
	False   []extract.Fact // distinct extracted facts that match no expected fact
}

// DateAccuracy is DatesRight/DatesChecked.
func (r Report) DateAccuracy() float64 { return ratio(r.DatesRight, r.DatesChecked) }

// ModalityAccuracy is ModalityRight/ModalityChecked.
func (r Report) ModalityAccuracy() float64 { return ratio(r.ModalityRight, r.ModalityChecked) }

// factKey identifies an extracted fact for counting: the same statement made twice in an article
// (two sentences saying it) is one edge in the graph and counts once.
type factKey struct{ article, subject, predicate, object string }

func keyOf(f extract.Fact) factKey {
	return factKey{f.Article, f.Subject.ID, f.Predicate, f.Object.ID}
}

// Score compares extracted facts with expected ones; want must have been through Bind.
//
// An extracted fact matches an expected one when both belong to the same article, their subject
// and object IDs agree, and the predicate is one the expectation accepts or the fact's class is
// the expected class. Subject and object may be swapped only when the expected class is
// symmetric (fight, negotiate, consult, agree). Extracted facts are counted once per distinct
// article–subject–predicate–object; an expected fact is found when any extracted fact matches it.
func Score(got []extract.Fact, want []ExpectedFact) Report {
	r := Report{ByClass: map[string]Counts{}}
	bump := func(class string, f func(*Counts)) {
		if class == "" {
			class = NoClass
		}
		c := r.ByClass[class]
		f(&c)
		r.ByClass[class] = c
		f(&r.Overall)
	}

	byArticle := map[string][]extract.Fact{}
	for _, f := range got {
		byArticle[f.Article] = append(byArticle[f.Article], f)
	}
	matched := map[factKey]bool{}
	for _, w := range want {
		bump(w.Class, func(c *Counts) { c.Want++ })
		var ms []extract.Fact
		for _, f := range byArticle[w.Article] {
			if matches(f, w) {
				ms = append(ms, f)
				matched[keyOf(f)] = true
			}
		}
		if len(ms) == 0 {
			r.Misses = append(r.Misses, w)
			continue
		}
		bump(w.Class, func(c *Counts) { c.Found++ })
		best := slices.MaxFunc(ms, func(a, b extract.Fact) int { return cmp.Compare(rank(a, w), rank(b, w)) })
		r.Matches = append(r.Matches, Match{Want: w, Got: best})
		if w.Date != "" {
			r.DatesChecked++
			if slices.ContainsFunc(ms, func(f extract.Fact) bool { return f.Date == w.Date }) {
				r.DatesRight++
			}
		}
		if w.Modality != "" {
			r.ModalityChecked++
			if slices.ContainsFunc(ms, func(f extract.Fact) bool { return f.Modality == w.Modality }) {
				r.ModalityRight++
			}
		}
	}

	seen := map[factKey]bool{}
	for _, f := range got {
		k := keyOf(f)
		if seen[k] {
			continue
		}
		seen[k] = true
		bump(f.Class, func(c *Counts) { c.Got++ })
		if matched[k] {
			bump(f.Class, func(c *Counts) { c.Correct++ })
		} else {
			r.False = append(r.False, f)
		}
	}
	return r
}

func matches(f extract.Fact, w ExpectedFact) bool {
	if f.Article != w.Article {
		return false
	}
	if !slices.Contains(w.Predicates, f.Predicate) && (w.Class == "" || f.Class != w.Class) {
		return false
	}
	s, o := f.Subject.ID, f.Object.ID
	in := slices.Contains[[]string]
	return in(w.Subject, s) && in(w.Object, o) ||
		symmetricClasses[w.Class] && in(w.Object, s) && in(w.Subject, o)
}

// rank orders the extracted facts matching one expectation: the best shows the most agreement.
func rank(f extract.Fact, w ExpectedFact) int {
	n := 0
	if slices.Contains(w.Predicates, f.Predicate) {
		n += 4
	}
	if w.Date != "" && f.Date == w.Date {
		n += 2
	}
	if w.Modality != "" && f.Modality == w.Modality {
		n++
	}
	return n
}

// String renders the report for test logs: the totals, a per-class table, then every miss and
// false fact, so that a failing quality test says what to fix.
func (r Report) String() string {
	var b strings.Builder
	c := r.Overall
	fmt.Fprintf(&b, "precision %.3f (%d/%d)  recall %.3f (%d/%d)  F1 %.3f\n",
		c.Precision(), c.Correct, c.Got, c.Recall(), c.Found, c.Want, c.F1())
	fmt.Fprintf(&b, "date accuracy %.3f (%d/%d)  modality accuracy %.3f (%d/%d)\n",
		r.DateAccuracy(), r.DatesRight, r.DatesChecked, r.ModalityAccuracy(), r.ModalityRight, r.ModalityChecked)
	classes := make([]string, 0, len(r.ByClass))
	for k := range r.ByClass {
		classes = append(classes, k)
	}
	slices.Sort(classes)
	fmt.Fprintf(&b, "%-12s %9s %9s %9s\n", "class", "precision", "recall", "F1")
	for _, k := range classes {
		c := r.ByClass[k]
		fmt.Fprintf(&b, "%-12s %9.3f %9.3f %9.3f  (%d/%d, %d/%d)\n",
			k, c.Precision(), c.Recall(), c.F1(), c.Correct, c.Got, c.Found, c.Want)
	}
	for _, w := range r.Misses {
		fmt.Fprintf(&b, "miss  expected.tsv:%d %s: %s %s/%s %s %s\n", w.Line, w.Source,
			strings.Join(w.Subject, "|"), strings.Join(w.Predicates, "|"), w.Class, strings.Join(w.Object, "|"), w.Date)
	}
	for _, f := range r.False {
		fmt.Fprintf(&b, "false %s: %s %s/%s %s %s  %q\n",
			f.Article, f.Subject.ID, f.Predicate, f.Class, f.Object.ID, f.Date, f.Sentence)
	}
	return b.String()
}

// Forbidden returns the extracted facts whose subject, object or speaker is an entity that the
// absence lists (after BindAbsences) rule out for that article.
func Forbidden(got []extract.Fact, abs []Absence) []extract.Fact {
	banned := map[[2]string]bool{}
	for _, a := range abs {
		for _, id := range a.IDs {
			banned[[2]string{a.Article, id}] = true
		}
	}
	var out []extract.Fact
	for _, f := range got {
		if banned[[2]string{f.Article, f.Subject.ID}] || banned[[2]string{f.Article, f.Object.ID}] ||
			f.AttributedTo != "" && banned[[2]string{f.Article, f.AttributedTo}] {
			out = append(out, f)
		}
	}
	return out
}
