package extract

import (
	"slices"
	"strings"

	"github.com/newsgraph/newsgraph/depparse"
)

// TreeClauses reads the clauses of a sentence from its dependency parse: every verb
// (and every noun or adjective a copula makes a predicate) with a subject, found in
// the tree or inherited from the clause it is coordinated with, controlled by or
// modifies, gives one clause, its objects and prepositional phrases its arguments.
//
// t must be a parse of s.Tokens (one head per token); a tree of another length gives
// no clause.
func TreeClauses(s Sentence, t depparse.Tree) []Clause {
	if len(t.Heads) != len(s.Tokens) || len(s.Tokens) == 0 {
		return nil
	}
	r := newReader(s, t)
	var out []Clause
	for i := range s.Tokens {
		if cl, ok := r.clause(i); ok {
			out = append(out, r.conjuncts(cl)...)
		}
	}
	for i := range s.Tokens {
		if cl, ok := r.nounRelation(i); ok {
			out = append(out, cl)
		}
	}
	return out
}

// nounRelation reads the relation a noun phrase states without a verb, from the
// relation of token i to its head: an owner has what it owns ("Russia 's security
// council"), a name is its apposition ("Peskov , the Kremlin spokesman") and the role
// before it ("spokesman Dmitry Peskov"), and a place named in another is in it
// ("Henry Wood Hall in Glasgow").
func (r *reader) nounRelation(i int) (Clause, bool) {
	h := r.head[i]
	if h < 0 || !r.isNominal(h) {
		return Clause{}, false
	}
	cl := Clause{Verb: -1, Modality: Asserted}
	switch tag := r.s.Tokens[i].Tag; r.label[i] {
	case "nmod:poss":
		if strings.HasPrefix(tag, "PRP") || strings.HasPrefix(tag, "WP") {
			return Clause{}, false
		}
		owner := r.phrase(i)
		for owner.End > owner.Start && r.s.Tokens[owner.End-1].Tag == "POS" {
			owner.End--
		}
		owned := Span{r.subtree(i).End, r.phrase(h).End}
		if owned.Empty() {
			return Clause{}, false
		}
		if r.s.Tokens[owned.Start].Tag == "POS" {
			owned.Start++
		}
		cl.Kind, cl.Arg1, cl.Rel, cl.Predicate, cl.Arg2 = KindPossessive, owner, "has", "have", r.trim(owned)
	case "appos":
		if !strings.HasPrefix(r.s.Tokens[h].Tag, "NNP") || !r.isNominal(i) || r.child(i, "nsubj", "cop") >= 0 {
			return Clause{}, false
		}
		cl.Kind, cl.Arg1, cl.Rel, cl.Arg2 = KindApposition, r.phraseBefore(h, i), "is", r.phrase(i)
		cl.Predicate = r.s.Tokens[i].Lemma + "_of"
	case "compound", "nmod:desc":
		// Only a role written as a common noun right before a name.
		if tag != "NN" || !strings.HasPrefix(r.s.Tokens[h].Tag, "NNP") || i+1 >= len(r.s.Tokens) || !strings.HasPrefix(r.s.Tokens[i+1].Tag, "NNP") {
			return Clause{}, false
		}
		// The name runs to the end of its head's flat parts ("Uhuru Kenyatta").
		name := Span{i + 1, h + 1}
		for _, c := range r.kids[h] {
			if c > h && (r.label[c] == "flat" || r.label[c] == "flat:name") {
				name.End = max(name.End, c+1)
			}
		}
		cl.Kind, cl.Arg1, cl.Rel, cl.Arg2 = KindApposition, name, "is", r.trim(Span{r.phrase(h).Start, i + 1})
		cl.Predicate = r.s.Tokens[i].Lemma + "_of"
	case "nmod":
		c := r.child(i, "case")
		if c < 0 || r.low[c] != "in" || !strings.HasPrefix(tag, "NNP") || !strings.HasPrefix(r.s.Tokens[h].Tag, "NNP") {
			return Clause{}, false
		}
		cl.Kind, cl.Arg1, cl.Rel, cl.Predicate, cl.Arg2 = KindLocative, r.phraseBefore(h, c), "is in", "be_in", r.phrase(i)
	default:
		return Clause{}, false
	}
	return cl, !cl.Arg1.Empty() && !cl.Arg2.Empty() && !overlap(cl.Arg1, cl.Arg2)
}

// conjuncts splits a clause whose object is a list of nouns into one clause per
// noun: "Turkey armed Baku, Kyiv and Doha" gives three. A listed subject stays whole
// ("Armenia and Azerbaijan signed"): on CaRB, splitting it cost more precision than it
// gained recall.
func (r *reader) conjuncts(cl Clause) []Clause {
	var out []Clause
	for _, a2 := range r.split(cl.Arg2) {
		c := cl
		c.Arg2 = a2
		out = append(out, c)
	}
	return out
}

// split returns the nouns a span lists, each with its own modifiers, or the span
// itself when it is no list.
func (r *reader) split(sp Span) []Span {
	h := r.headOf(sp)
	if h < 0 || r.isVerb(h) {
		return []Span{sp}
	}
	var list []int
	for _, c := range r.kids[h] {
		if r.label[c] == "conj" && c < sp.End && !r.isVerb(c) && r.child(c, "cop") < 0 {
			list = append(list, c)
		}
	}
	if len(list) == 0 {
		return []Span{sp}
	}
	first := sp
	first.End = min(sp.End, r.subtree(list[0]).Start)
	out := []Span{r.trim(first)}
	for _, c := range list {
		out = append(out, r.phrase(c))
	}
	return out
}

// headOf returns the token of a span whose head lies outside it, or -1.
func (r *reader) headOf(sp Span) int {
	for j := sp.Start; j < sp.End; j++ {
		if h := r.head[j]; h < sp.Start || h >= sp.End {
			return j
		}
	}
	return -1
}

// reader holds a parse as 0-based heads (-1 for the root) with children in order.
type reader struct {
	s     Sentence
	head  []int
	label []string
	kids  [][]int
	low   []string
}

func newReader(s Sentence, t depparse.Tree) *reader {
	n := len(s.Tokens)
	r := &reader{s: s, head: make([]int, n), label: t.Labels, kids: make([][]int, n), low: make([]string, n)}
	for i, h := range t.Heads {
		r.head[i] = h - 1
		if h > 0 {
			r.kids[h-1] = append(r.kids[h-1], i)
		}
		r.low[i] = strings.ToLower(s.Tokens[i].Text)
	}
	return r
}

// child returns the first child of i with one of the labels, or -1.
func (r *reader) child(i int, labels ...string) int {
	for _, c := range r.kids[i] {
		if slices.Contains(labels, r.label[c]) {
			return c
		}
	}
	return -1
}

func (r *reader) isVerb(i int) bool { return strings.HasPrefix(r.s.Tokens[i].Tag, "VB") }

// predicate reports whether token i heads a clause: a verb that is not itself an
// auxiliary or copula, or any word a copula attaches to.
func (r *reader) predicate(i int) bool {
	if r.child(i, "cop") >= 0 {
		return true
	}
	if !r.isVerb(i) {
		return false
	}
	switch r.label[i] {
	case "aux", "aux:pass", "cop", "amod", "compound", "mark", "case", "det", "fixed", "flat", "goeswith", "reparandum":
		return false
	}
	return true
}

// subject finds the subject of predicate i: its own, or the one it inherits.
// inherited reports the latter; depth bounds the walk up the tree.
func (r *reader) subject(i, depth int) (subj Span, passive, inherited, ok bool) {
	if depth > 8 {
		return Span{}, false, false, false
	}
	if c := r.child(i, "nsubj", "nsubj:pass", "csubj", "csubj:pass", "nsubj:outer"); c >= 0 {
		return r.phrase(r.antecedentOf(i, c)), r.label[c] == "nsubj:pass" || r.label[c] == "csubj:pass", false, true
	}
	h := r.head[i]
	if h < 0 {
		return Span{}, false, false, false
	}
	switch r.label[i] {
	case "conj":
		if !r.predicate(h) {
			return Span{}, false, false, false
		}
		sp, _, _, ok := r.subject(h, depth+1)
		return sp, false, true, ok
	case "xcomp":
		// "X persuaded Y to sign": Y signs; "X agreed to sign": X does.
		if o := r.child(h, "obj", "iobj"); o >= 0 {
			return r.phrase(o), false, true, true
		}
		sp, _, _, ok := r.subject(h, depth+1)
		return sp, false, true, ok
	case "advcl":
		if !r.isVerb(i) || r.s.Tokens[i].Tag == "VB" {
			return Span{}, false, false, false
		}
		// "accused Baku of blocking the road", "stopped them from leaving": a gerund
		// after a preposition tells what the object did.
		if m := r.child(i, "mark", "case"); m >= 0 && m < i && r.s.Tokens[i].Tag == "VBG" && r.s.Tokens[m].Tag == "IN" {
			if o := r.child(h, "obj"); o >= 0 && o < m {
				return r.phrase(o), false, true, true
			}
		}
		sp, _, _, ok := r.subject(h, depth+1)
		return sp, false, true, ok
	case "acl", "acl:relcl":
		if r.isNominal(h) {
			return r.phraseBefore(h, i), r.s.Tokens[i].Tag == "VBN", true, true
		}
	}
	return Span{}, false, false, false
}

func (r *reader) isNominal(i int) bool {
	t := r.s.Tokens[i].Tag
	return strings.HasPrefix(t, "NN") || strings.HasPrefix(t, "PRP") || t == "CD" || t == "DT"
}

// antecedentOf returns who a relative pronoun argument c of predicate i stands for:
// in "the footballer who plays", "who" is the footballer.
func (r *reader) antecedentOf(i, c int) int {
	if !r.relativePronoun(c) {
		return c
	}
	for j := i; j >= 0 && r.head[j] >= 0; j = r.head[j] {
		if r.label[j] == "acl:relcl" && r.head[j] < c {
			return r.head[j]
		}
		if r.label[j] != "conj" {
			break
		}
	}
	return c
}

func (r *reader) relativePronoun(i int) bool {
	switch r.s.Tokens[i].Tag {
	case "WDT", "WP", "IN", "DT":
		switch r.low[i] {
		case "which", "who", "that", "whom":
			return true
		}
	}
	return false
}

// phrase is the noun phrase i heads: its subtree without what belongs to a clause
// around it (subject, copula, auxiliaries, clausal complements and adverbials), its
// preposition, the relative clauses, appositions and parentheticals that hang off
// it, coordinated clauses, and punctuation or conjunctions at its edges.
func (r *reader) phrase(i int) Span {
	return r.trim(r.cover(i, func(c int) bool {
		l := r.label[c]
		return clauseLevel[l] || l == "case" && c < i ||
			l == "conj" && r.predicate(c) && r.child(c, "nsubj", "nsubj:pass") >= 0
	}))
}

// clauseLevel are the relations that attach to a predicate, never inside a noun phrase.
var clauseLevel = map[string]bool{
	"nsubj": true, "nsubj:pass": true, "nsubj:outer": true, "csubj": true, "csubj:pass": true, "expl": true,
	"cop": true, "aux": true, "aux:pass": true, "mark": true,
	"obl": true, "obl:tmod": true, "obl:npmod": true, "obl:unmarked": true, "obl:agent": true,
	"advcl": true, "advcl:relcl": true, "ccomp": true, "xcomp": true, "acl:relcl": true, "appos": true,
	"parataxis": true, "punct": true, "dep": true, "list": true, "discourse": true, "vocative": true, "dislocated": true,
}

// phraseBefore is the phrase of noun h up to the clause c that modifies it: in
// "talks mediated by Russia", who was mediated is "talks".
func (r *reader) phraseBefore(h, c int) Span {
	sp := r.phrase(h)
	if sub := r.subtree(c); sub.Start > h && sub.Start < sp.End {
		sp.End = sub.Start
	}
	return r.trim(sp)
}

// subtree is the whole span of i's subtree (contiguous, as parses are projective).
func (r *reader) subtree(i int) Span { return r.cover(i, func(int) bool { return false }) }

// cover is the span of i and the subtrees of its children but those skip names.
func (r *reader) cover(i int, skip func(c int) bool) Span {
	sp := Span{i, i + 1}
	for _, c := range r.kids[i] {
		if !skip(c) {
			sub := r.subtree(c)
			sp.Start, sp.End = min(sp.Start, sub.Start), max(sp.End, sub.End)
		}
	}
	return sp
}

func (r *reader) trim(sp Span) Span {
	for sp.Start < sp.End && r.edge(sp.Start) {
		sp.Start++
	}
	for sp.End > sp.Start && r.edge(sp.End-1) {
		sp.End--
	}
	return sp
}

func (r *reader) edge(i int) bool {
	switch r.label[i] {
	case "punct", "cc", "mark":
		return true
	}
	return false
}

// clause reads the clause predicate i heads, if it has a subject.
func (r *reader) clause(i int) (cl Clause, ok bool) {
	if !r.predicate(i) || r.merges(i) {
		return Clause{}, false
	}
	subj, passive, inherited, ok := r.subject(i, 0)
	if !ok || subj.Empty() || subj.End-subj.Start == 1 && r.relativePronoun(subj.Start) {
		return Clause{}, false
	}
	cl = Clause{Kind: KindActive, Arg1: subj, Verb: i, Inherited: inherited, Passive: passive}
	cop := r.child(i, "cop")
	rel := r.relation(i, &cl)
	if r.label[i] == "xcomp" && r.merges(r.head[i]) {
		// "X failed to reach Y" is one relation, "failed to reach", on the matrix
		// verb's subject.
		h := r.head[i]
		cl.Arg1, cl.Passive, cl.Inherited, ok = r.subject(h, 0)
		if !ok {
			return Clause{}, false
		}
		rel = append(append(r.relation(h, &cl), h, r.child(i, "mark")), rel...)
	}
	var args []int
	if cop < 0 {
		rel = append(rel, i)
	} else if c := r.child(i, "case"); c >= 0 && c < i {
		// "X is in Berlin": the preposition belongs to the relation.
		rel = append(rel, c)
	}
	for _, c := range r.kids[i] {
		switch r.label[c] {
		case "obj", "iobj", "ccomp", "xcomp", "obl", "obl:agent", "obl:tmod", "obl:npmod", "obl:unmarked", "advcl":
			if r.label[c] == "advcl" && r.child(c, "mark") < 0 {
				continue
			}
			args = append(args, c)
		}
	}
	slices.Sort(rel)
	words := make([]string, 0, len(rel)+1)
	for _, j := range rel {
		words = append(words, r.s.Tokens[j].Text)
	}
	switch {
	case cop >= 0:
		// What the copula says of the subject: the predicate's own phrase, without
		// the relation's words and what hangs off the clause.
		cl.Arg2 = r.trim(r.cover(i, func(c int) bool {
			l := r.label[c]
			return clauseLevel[l] || l == "case" || l == "conj" || l == "cc" || slices.Contains(rel, c)
		}))
	default:
		// The object is the second argument; with none, the first prepositional phrase
		// after the verb takes its place, its preposition joining the relation ("taught
		// at | X | the university").
		k := slices.IndexFunc(args, func(c int) bool {
			switch r.label[c] {
			case "obj", "iobj", "ccomp", "xcomp":
				return true
			}
			return false
		})
		if k < 0 {
			k = slices.IndexFunc(args, func(c int) bool { return c > i && strings.HasPrefix(r.label[c], "obl") })
		}
		if k < 0 {
			break
		}
		c := args[k]
		args = slices.Delete(args, k, k+1)
		// "the match which Keibler lost": what was lost is the match.
		if a := r.antecedentOf(i, c); a != c {
			cl.Arg2 = r.phraseBefore(a, i)
		} else {
			cl.Arg2 = r.argument(c, &words)
		}
	}
	for _, c := range args {
		sp := r.phraseKeepCase(c)
		if !r.isVerb(c) {
			sp = r.trim(sp)
		}
		if !sp.Empty() {
			cl.Extra = append(cl.Extra, sp)
		}
	}
	if cl.Inherited {
		cl.Kind = KindCoordinated
		if r.label[i] == "xcomp" || r.label[i] == "advcl" {
			cl.Kind = KindControlled
		}
		switch {
		case r.label[i] == "acl:relcl":
			cl.Kind = KindRelative
		case r.label[i] == "acl" && cl.Passive:
			// "talks mediated by Moscow", read as the rules read it.
			cl.Kind = KindPassive
		case r.label[i] == "acl":
			cl.Kind = KindControlled
		}
	} else if cl.Passive {
		cl.Kind = KindPassive
	}
	cl.Rel = strings.Join(words, " ")
	cl.Predicate = strings.ReplaceAll(strings.ToLower(cl.Rel), " ", "_")
	return cl, cl.Rel != ""
}

// relation returns the words of i's verb group other than i itself (auxiliaries,
// copula, particle, negation and the adverbs inside it), marking cl passive or
// negated as they say.
func (r *reader) relation(i int, cl *Clause) []int {
	var rel []int
	for _, c := range r.kids[i] {
		switch r.label[c] {
		case "aux", "aux:pass", "cop", "compound:prt":
			rel = append(rel, c)
			if r.label[c] == "aux:pass" {
				cl.Passive = true
			}
		case "advmod":
			if r.low[c] == "not" || r.low[c] == "n't" || r.low[c] == "never" {
				rel = append(rel, c)
				cl.Negated = true
			}
		}
	}
	// Adverbs inside the verb group belong to the relation: "were generally separated".
	if len(rel) > 0 {
		first := slices.Min(rel)
		for _, c := range r.kids[i] {
			if r.label[c] == "advmod" && c > first && c < i && !slices.Contains(rel, c) {
				rel = append(rel, c)
			}
		}
	}
	return rel
}

// merges reports whether verb h and its to-infinitive make one relation: h has no
// object of its own ("failed to reach", "agreed to sign", not "urged Baku to sign").
func (r *reader) merges(h int) bool {
	if h < 0 || !r.isVerb(h) || r.child(h, "cop") >= 0 || r.child(h, "obj", "iobj", "ccomp") >= 0 {
		return false
	}
	x := r.child(h, "xcomp")
	if x < 0 || !r.isVerb(x) {
		return false
	}
	m := r.child(x, "mark")
	return m >= 0 && m < x && r.low[m] == "to"
}

// argument is the span of argument c; a prepositional phrase or a that-clause gives its
// preposition or complementiser to the relation instead.
func (r *reader) argument(c int, words *[]string) Span {
	sp := r.phraseKeepCase(c)
	for _, k := range r.kids[c] {
		if (r.label[k] == "case" || r.label[k] == "mark") && k == sp.Start {
			*words = append(*words, r.s.Tokens[k].Text)
			sp.Start++
		}
	}
	return r.trim(sp)
}

// phraseKeepCase is phrase for an argument after the verb: a clause keeps all its
// words, a prepositional phrase its preposition.
func (r *reader) phraseKeepCase(c int) Span {
	if r.isVerb(c) {
		return r.subtree(c)
	}
	sp := r.phrase(c)
	if k := r.child(c, "case"); k >= 0 && k < sp.Start {
		sp.Start = k
	}
	return sp
}
