package extract

import "strings"

// Mediation is told in more ways than with the verb "mediate", and analysts ask for it
// ("who mediated between A and B, and when?"). The fact stage reads it in three places:
//
//  1. A clause whose verb arranges a meeting of others ("Russia hosted the talks", "talks
//     facilitated by Norway", "Obasanjo led the mediation"): its subject mediates, unless it
//     is one of the parties. See convened.
//  2. A clause that gives its subject a mediator's role ("Switzerland acted as a
//     go-between", "Egypt served as mediator between Israel and Hamas"). See roleMediation.
//  3. Noun phrases, whatever their clause: a state or organisation before a participle of
//     mediating ("a Russian-brokered ceasefire", "the UN-mediated talks", which the entity
//     stage marks as modifier mentions), and a mediation noun with its owner after a
//     preposition ("under Russian mediation", "with the mediation of the African Union",
//     "under the auspices of the OSCE"). See nominalMediation.
//
// What is mediated is what the construction names (the ceasefire, the talks); when it
// names nothing, the conflict: "between A and B" in the sentence, else the two parties
// acting in the clause, else the article's pair in focus. Without any of them there is no
// fact: a mediator of nothing known says nothing to the graph.

// mediatedConflict returns the conflict mediated in a clause that names no mediated thing:
// "between A and B" in the spans, else the article's pair in focus.
func (r *relater) mediatedConflict(si int, spans []Span) (Entity, bool) {
	if c, ok := r.conflictIn(si, spans); ok {
		return c, true
	}
	if len(r.pair) == 2 {
		return conflictOf(r.pair[0], r.pair[1]), true
	}
	return Entity{}, false
}

// namedConflict returns the conflict of "between A and B" in the spans only when both
// parties are named there.
func (r *relater) namedConflict(si int, spans []Span) (Entity, bool) {
	return r.eachBetween(si, spans, func(all []Entity) (Entity, bool) {
		var parties []Entity
		for _, e := range all {
			if isParty(e) {
				parties = append(parties, e)
			}
		}
		if len(parties) == 2 && parties[0].ID != parties[1].ID {
			return conflictOf(parties[0], parties[1]), true
		}
		return Entity{}, false
	})
}

// partyOf reports whether an entity is one of the parties of a conflict node, or a leader
// named with one of them ("Azerbaijani President Ilham Aliyev").
func (r *relater) partyOf(e Entity, c Entity) bool {
	a, b, ok := strings.Cut(strings.TrimPrefix(c.ID, "conflict:"), "--")
	l := localID(r.state(e).ID)
	return ok && (l == a || l == b)
}

// state returns the state a person was named with in the article, else the entity itself.
func (r *relater) state(e Entity) Entity {
	if st, ok := r.stateOf[e.ID]; ok {
		return st
	}
	return e
}

// headCue returns the cues of a topic's head word, as written and lemmatised.
func headCue(t Entity) cue {
	if t.Type != TypeTopic {
		return 0
	}
	f := strings.Fields(strings.ToLower(t.Name))
	if len(f) == 0 {
		return 0
	}
	w := f[len(f)-1]
	id := strings.TrimPrefix(t.ID, "topic:")
	if i := strings.LastIndexByte(id, '_'); i >= 0 {
		id = id[i+1:]
	}
	return clauseCues[w] | clauseCues[id]
}

// withPhrase reports whether one of the spans is a "with" phrase: "held talks with Kyiv"
// makes the subject a participant, not a host.
func (r *relater) withPhrase(s Sentence, spans []Span) bool {
	for _, sp := range spans {
		if !sp.Empty() && strings.EqualFold(s.Tokens[sp.Start].Text, "with") {
			return true
		}
	}
	return false
}

// convened emits the facts of a clause whose verb arranges a meeting of others and reports
// whether it did: "Russia hosted the talks between …" is Russia host topic:talks in the
// mediate class, and Russia mediate conflict:a--b when both parties are named; "Obasanjo
// led the mediation" is Obasanjo mediate the conflict. A subject that is one of the
// parties only takes part, and keeps the verb's own class.
func (r *relater) convened(si int, times []Timex, cl Clause, pred string, subjects, objects []arg,
	spans []Span, class string, weight, conf float64) bool {
	s := r.d.Sentences[si]
	if cl.Verb < 0 || clauseCues[r.lemma(s, cl.Verb)]&cueConvene == 0 || len(objects) != 1 ||
		headCue(objects[0].ent)&cueMeeting == 0 || r.withPhrase(s, spans) {
		return false
	}
	obj := objects[0]
	named, isNamed := r.namedConflict(si, spans)
	c, known := named, isNamed
	if !known {
		c, known = r.mediatedConflict(si, spans)
	}
	mc, mw := r.lex.ClassOf("mediate")
	for _, sub := range subjects {
		third := !known || !r.partyOf(sub.ent, c)
		c0 := conf - 0.05 // the topic object
		if !sub.direct {
			c0 -= 0.1
		}
		switch {
		case !third:
			r.emit(si, times, cl, sub, pred, obj, class, weight, c0)
		case headCue(obj.ent)&cueMediation != 0:
			// "led the mediation": the mediation is of the conflict.
			if known {
				r.emit(si, times, cl, sub, "mediate", arg{c, isNamed}, mc, mw, c0+0.05)
			}
		default:
			r.emit(si, times, cl, sub, pred, obj, mc, max(weight, 0.8), c0)
			if isNamed {
				r.emit(si, times, cl, sub, "mediate", arg{c, true}, mc, mw, c0)
			}
		}
	}
	return true
}

// roleMediation emits "X mediate A–B" for a clause that gives X a mediator's role ("acted
// as a go-between", "served as mediator between …") and reports whether it did.
func (r *relater) roleMediation(si int, times []Timex, cl Clause, pred string, subjects, objects []arg,
	spans []Span, conf float64) bool {
	if len(objects) != 1 || !(strings.HasSuffix(pred, "_as") || pred == "be" || pred == "become") ||
		headCue(objects[0].ent)&cueMediator == 0 {
		return false
	}
	c, ok := r.mediatedConflict(si, spans)
	if !ok {
		return false
	}
	mc, mw := r.lex.ClassOf("mediate")
	for _, sub := range subjects {
		if !r.partyOf(sub.ent, c) {
			r.emit(si, times, cl, sub, "mediate", arg{c, false}, mc, mw, conf-0.05)
		}
	}
	return true
}

// nominalMediation emits the mediation told by noun phrases of sentence si: a state or
// organisation before a participle of mediating ("a Russian-brokered ceasefire") and a
// mediation noun owned by one after a preposition ("under Russian mediation", "with the
// mediation of the African Union"). cls are the sentence's clauses: the one holding the
// phrase gives the fact its modality and date.
func (r *relater) nominalMediation(si int, times []Timex, cls []Clause) {
	s := r.d.Sentences[si]
	for _, m := range r.ms.InSentence(si) {
		if !m.Modifier || m.End-m.Start != 1 || !isParty(m.Entity) {
			continue
		}
		_, part, ok := cutDash(s.Tokens[m.Start].Text)
		if !ok || !strings.HasSuffix(part, "ed") {
			continue
		}
		lemma := Lemma(part, "VBN")
		class, weight := r.lex.ClassOf(lemma)
		end := nounRun(s, m.End)
		t, ok := r.topic(s, Span{m.End, end}, end)
		if !ok {
			continue
		}
		if class != ClassMediate {
			// "the Turkish-hosted talks": arranging a meeting of others.
			if clauseCues[lemma]&cueConvene == 0 || headCue(t)&cueMeeting == 0 {
				continue
			}
			class, weight = r.lex.ClassOf("mediate")
			weight = max(0.8*weight, 0.5)
		}
		cl := r.holding(cls, m.Start)
		r.emit(si, times, cl, arg{m.Entity, true}, lemma, arg{t, false}, class, weight, 0.75)
	}
	for i, tk := range s.Tokens {
		if clauseCues[tk.Lemma]&cueMediation == 0 {
			continue
		}
		owners, after := r.mediationOwners(si, i)
		if len(owners) == 0 {
			continue
		}
		cl := r.holding(cls, i)
		c, ok := r.namedConflict(si, []Span{{after, len(s.Tokens)}})
		if !ok {
			c, ok = r.clauseParties(si, cl)
		}
		if !ok && len(r.pair) == 2 {
			c, ok = conflictOf(r.pair[0], r.pair[1]), true
		}
		if !ok {
			// "The ceasefire was reached through Egyptian mediation": what was reached.
			c, ok = r.mediatedTopic(si, cl)
		}
		if !ok {
			continue
		}
		mc, mw := r.lex.ClassOf("mediate")
		for _, o := range owners {
			if !r.partyOf(o.ent, c) {
				r.emit(si, times, cl, o, "mediate", arg{c, false}, mc, mw, 0.7)
			}
		}
	}
}

// nounRun returns one past the adjectives and nouns from token i: the noun phrase a
// participle modifies ("ceasefire" in "a Russian-brokered ceasefire").
func nounRun(s Sentence, i int) int {
	for i < len(s.Tokens) {
		t := s.Tokens[i].Tag
		if !strings.HasPrefix(t, "NN") && !strings.HasPrefix(t, "JJ") || t == "NNP" || t == "NNPS" {
			break
		}
		i++
	}
	return i
}

// mediationPreps are the prepositions under which a mediation noun tells that mediation
// took place ("under Russian mediation", "with the mediation of", "thanks to"); as a
// subject or object ("rejected Turkish mediation") it may not have.
var mediationPreps = map[string]bool{
	"under": true, "with": true, "through": true, "via": true, "after": true, "following": true,
	"to": true, "amid": true, "during": true, "of": true, "by": true,
}

// mediationOwners returns who owns the mediation noun at token i, and the token after the
// phrase: the states and organisations right before it ("Russian", "Qatari and Egyptian",
// "Qatar's") or named in its "of" phrase ("of the African Union"). The phrase must follow
// one of mediationPreps.
func (r *relater) mediationOwners(si, i int) ([]arg, int) {
	s := r.d.Sentences[si]
	var owners []arg
	start := i
	for j := i - 1; j >= 0; j-- {
		t := s.Tokens[j]
		if m, ok := r.mentionAt(si, j); ok && m.Modifier && isParty(m.Entity) {
			owners = append(owners, arg{m.Entity, true})
			j = m.Start
			start = j
			continue
		}
		if t.Tag == "CC" || t.Text == "," || t.Tag == "POS" || t.Tag == "DT" || strings.HasPrefix(t.Tag, "JJ") {
			start = j
			continue
		}
		break
	}
	after := i + 1
	if after+1 < len(s.Tokens) && strings.EqualFold(s.Tokens[after].Text, "of") {
		for j := after + 1; j < len(s.Tokens); {
			if m, ok := r.mentionAt(si, j); ok && !m.Modifier && m.Start == j {
				if isParty(m.Entity) || m.Entity.Type == TypePerson {
					owners = append(owners, arg{m.Entity, true})
				}
				j = m.End
				after = j
				continue
			}
			if t := s.Tokens[j]; t.Tag == "CC" || t.Text == "," || t.Tag == "DT" {
				j++
				continue
			}
			break
		}
	}
	if start == 0 || !mediationPreps[strings.ToLower(s.Tokens[start-1].Text)] {
		return nil, after
	}
	return owners, after
}

// mentionAt returns the mention of sentence si covering token j.
func (r *relater) mentionAt(si, j int) (Mention, bool) {
	for _, m := range r.ms.InSentence(si) {
		if m.Start <= j && j < m.End {
			return m, true
		}
	}
	return Mention{}, false
}

// holding returns the clause whose verb and arguments hold token i, else the last clause
// before it (a phrase the clause reader left out: "was reached through Egyptian and Qatari
// mediation"), for a noun phrase's fact to take the clause's modality and date; a clause of
// its own when there is none. Its negation is not the phrase's: "the Russian-brokered truce
// did not hold" was brokered.
func (r *relater) holding(cls []Clause, i int) Clause {
	best, in := Clause{Verb: -1, Modality: Asserted, Arg1: Span{i, i + 1}}, false
	for _, cl := range cls {
		if cl.Verb < 0 || cl.Kind == KindAttribution {
			continue
		}
		lo := min(cl.Verb, cl.Arg1.Start)
		if cl.Arg1.Empty() {
			lo = cl.Verb
		}
		for _, sp := range cl.Extra {
			lo = min(lo, sp.Start)
		}
		if i >= lo && i < clauseEnd(cl) || !in && cl.Verb < i {
			best, in = cl, i >= lo && i < clauseEnd(cl)
		}
	}
	best.Negated = false
	if best.Modality == Intent {
		best.Modality = Asserted
	}
	return best
}

// mediatedTopic returns the topic of a clause that a mediation can bring about: an event
// noun of agreeing, negotiating or meeting among its arguments ("the ceasefire", "talks").
func (r *relater) mediatedTopic(si int, cl Clause) (Entity, bool) {
	if cl.Verb < 0 {
		return Entity{}, false
	}
	for _, sp := range []Span{cl.Arg1, cl.Arg2} {
		for _, a := range r.resolve(si, sp) {
			if a.ent.Type != TypeTopic {
				continue
			}
			switch c, _, ok := r.eventNoun(a.ent); {
			case ok && (c == ClassAgree || c == ClassNegotiate || c == ClassConsult || c == ClassMediate):
				return a.ent, true
			}
		}
	}
	return Entity{}, false
}

// clauseParties returns the conflict of a clause whose subjects are two parties: "under
// Russian mediation, Armenia and Azerbaijan agreed …".
func (r *relater) clauseParties(si int, cl Clause) (Entity, bool) {
	if cl.Verb < 0 || cl.Arg1.Empty() {
		return Entity{}, false
	}
	var parties []Entity
	for _, a := range r.resolve(si, cl.Arg1) {
		if a.direct && isParty(a.ent) {
			parties = append(parties, a.ent)
		}
	}
	if len(parties) != 2 {
		return Entity{}, false
	}
	return conflictOf(parties[0], parties[1]), true
}
