package extract

import (
	_ "embed"
	"math"
	"slices"
	"sort"
	"strings"
)

//go:embed data/topic_words.tsv
var topicWordsTSV string

var topicWords = parseTSV(topicWordsTSV)

//go:embed data/topic_synonyms.tsv
var topicSynonymsTSV string

// topicSynonyms maps a topic's head noun, or its whole phrase, to the one it is merged with
// ("truce" → "ceasefire", "military offensive" → "offensive").
var topicSynonyms = parseTSV(topicSynonymsTSV)

// analysed is one sentence with what the earlier stages found in it.
type analysed struct {
	times   []Timex
	clauses []Clause
}

// relater turns the clauses of one document into facts. It holds what resolving an
// argument needs beyond its own sentence: the mentions, the pair of parties the article
// is about, and the subjects pronouns may stand for.
type relater struct {
	d          Document
	ms         Mentions
	lex        *Lexicon
	pair       []Entity          // the two parties in focus, sorted by ID; nil when the article has no clear pair
	stateOf    map[string]Entity // the state a leader was named with ("Armenian Prime Minister …"), by person ID
	lastPerson *Entity           // the last person named as a subject: "he", "she"
	lastThing  *Entity           // the last state or organisation named as a subject: "it"
	thingAt    int               // the sentence lastThing was named in
	subjects   []arg             // the subjects of the clause being read: "him" is someone else
	private    []Span            // the sentence's relative and participial clauses: their dates are theirs
	topics     map[string]Entity // the last topic of several words seen, by its head word
	facts      []Fact
}

// relate builds the facts of a document from its analysed sentences.
func relate(d Document, ms Mentions, lex *Lexicon, sents []analysed) []Fact {
	r := &relater{d: d, ms: ms, lex: lex, topics: map[string]Entity{}}
	r.pair, r.stateOf = focusPair(d, ms)
	for si, a := range sents {
		r.private = r.private[:0]
		for _, cl := range a.clauses {
			if cl.Modifier && cl.Verb >= 0 {
				r.private = append(r.private, Span{cl.Verb, clauseEnd(cl)})
			}
		}
		for i, cl := range a.clauses {
			if governsInfinitive(d.Sentences[si], a.clauses, i) {
				continue // "voiced a readiness to mediate": the infinitive's clause carries it
			}
			r.clause(si, a.times, cl)
		}
		r.nominalMediation(si, a.times, a.clauses)
	}
	return r.facts
}

// governsInfinitive reports whether clause i only frames the infinitive clause after it:
// its object is an intent or urge noun ("a readiness", "the need") and the next clause is
// that noun's controlled infinitive.
func governsInfinitive(s Sentence, cls []Clause, i int) bool {
	cl := cls[i]
	if i+1 >= len(cls) || cls[i+1].Kind != KindControlled || cl.Arg2.Empty() {
		return false
	}
	h := s.Tokens[cl.Arg2.End-1]
	return clauseCues[h.Lemma]&(cueIntent|cueUrge) != 0
}

// arg is one resolved argument: an entity and how it was reached.
type arg struct {
	ent    Entity
	direct bool // a named mention, not a topic, pair phrase or pronoun
}

// clause emits the facts of one clause: it settles the predicate and who acts (the agent
// of a passive, the speaker for "its forces", what a pronoun stands for), resolves the
// subjects, then the objects (a role's owner, a mediated conflict, each other, Arg2, the
// first named prepositional phrase, the conflict in focus), and emits one fact per
// subject and object.
func (r *relater) clause(si int, times []Timex, cl Clause) {
	s := r.d.Sentences[si]
	subjSpan, objSpan := cl.Arg1, cl.Arg2
	pred := cl.Predicate
	conf := 0.75
	switch cl.Kind {
	case KindAttribution:
		return // what was said is read from its own clauses; the speaker is their attribution
	case KindPossessive:
		return // "Russia's Security Council" is read by the entity stage, not as an event
	case KindLocative:
		return // where a named thing lies is no event either
	case KindApposition:
		conf = 0.8
	case KindRelative:
		conf = 0.7
	case KindCoordinated:
		conf = 0.65
	case KindControlled:
		conf = 0.6
		if !cl.Inherited { // "with both sides accusing …": the subject is written
			conf = 0.7
		}
	}
	if cl.Complement {
		return // "indicated that …": the clause after "that" gives its own facts
	}
	if !cl.Urger.Empty() {
		r.urge(si, times, cl, conf)
		return
	}
	if r.sententialRelative(s, cl) {
		return // "Kyiv accused Moscow of orchestrating the unrest, which Russia denies"
	}
	if cl.Verb >= 0 && cl.Noun == "" && topicWords[r.lemma(s, cl.Verb)] == "empty" {
		return // "Israel is at war", "Russia has a part"
	}
	if cl.Passive {
		if cl.Agent.Empty() {
			return // "Karabakh was seized": no actor, no fact
		}
		subjSpan, objSpan = cl.Agent, cl.Arg1
	}
	if onlyModifiers(s, objSpan) {
		objSpan = Span{} // "fighting subsided overnight", "the situation remains calm"
	}
	if !cl.Coref.Empty() && !cl.Passive {
		subjSpan = cl.Coref
	}
	var subjects []arg
	if !cl.Speaker.Empty() && r.ownedBySpeaker(s, subjSpan) {
		// "Azerbaijan said its forces captured …": the speaker's own forces.
		subjects = r.resolve(si, cl.Speaker)
	} else {
		subjects = r.resolve(si, subjSpan)
	}
	subjects = slices.DeleteFunc(subjects, func(a arg) bool { return unnamedAgent(a.ent) })
	if cl.Kind == KindApposition {
		subjects = onlyType(subjects, TypePerson)
		if topicWords[strings.TrimSuffix(pred, "_of")] == "relational" {
			return // "his Azerbaijani counterpart Jeyhun Bayramov"
		}
	}
	if len(subjects) == 0 {
		return
	}
	for _, a := range subjects {
		if e := a.ent; a.direct && e.Type == TypePerson {
			r.lastPerson = &e
		} else if a.direct && (e.Type == TypeCountry || e.Type == TypeOrganization) {
			r.lastThing, r.thingAt = &e, si
		}
	}
	r.subjects = subjects
	if r.fightBetween(si, times, cl, subjects, subjSpan, objSpan, pred, conf) {
		return
	}

	// The object: Arg2, else (a light verb's noun or an intransitive verb) the first
	// prepositional phrase that is not a time, else the conflict in focus.
	var objects []arg
	class, weight := r.lex.ClassOf(pred)
	extras := cl.Extra
	if !cl.Passive && cl.Noun != "" && len(extras) > 0 {
		objSpan, extras = r.phraseNP(s, extras[0]), extras[1:]
		pred = r.lemma(s, cl.Verb) + "_" + cl.Noun + "_" + strings.ToLower(s.Tokens[cl.Extra[0].Start].Text)
		if c, w, ok := r.lex.EventNoun(cl.Noun); ok {
			class, weight = c, w
			if c == ClassAttack || c == ClassFight {
				// "launched a counteroffensive against Russian forces" is also Ukraine
				// launch topic:counteroffensive, as "launched an offensive in Tigray" is.
				r.launched(si, times, cl, subjects, c, w, conf)
			}
		} else {
			class, weight = r.lex.ClassOf(pred)
		}
	}
	if cl.Kind == KindApposition {
		if r.pastRole(s, cl.Arg2) {
			return // "former Ukrainian president Leonid Kuchma" is not Ukraine's president now
		}
		objects = r.roleOf(si, cl.Arg2)
		if len(objects) == 0 {
			return // "an oil company executive": a role of nobody named
		}
		class, weight = ClassOther, 0.5
	} else if class == ClassMediate {
		if c, ok := r.conflictIn(si, append([]Span{objSpan}, extras...)); ok {
			objects = []arg{{c, true}}
		} else if len(r.pair) == 2 && !objSpan.Empty() && topicWords[r.lemma(s, objSpan.End-1)] == "conflict" &&
			strings.EqualFold(s.Tokens[objSpan.Start].Text, "the") {
			// "the Minsk Group, which mediated the conflict"
			objects = []arg{{conflictOf(r.pair[0], r.pair[1]), false}}
		} else if p, ok := strings.CutSuffix(pred, "_between"); ok {
			// "mediate between Russia and Ukraine"
			if parties := r.resolve(si, objSpan); len(parties) == 2 {
				objects, pred = []arg{{conflictOf(parties[0].ent, parties[1].ent), true}}, p
			}
		}
	}
	// "Lavrov and Kuleba met in Antalya": each met the other.
	if len(subjects) >= 2 && cl.Verb >= 0 && clauseCues[r.lemma(s, cl.Verb)]&cueMutual != 0 &&
		(objSpan.Empty() || pred != r.lemma(s, cl.Verb)) && objects == nil {
		pred = r.lemma(s, cl.Verb)
		class, weight = r.lex.ClassOf(pred)
		for i, a := range subjects {
			for _, b := range subjects[i+1:] {
				r.emit(si, times, cl, a, pred, b, class, weight, conf)
			}
		}
		return
	}
	// "announced more than $1 billion in new aid": an amount alone is no object; what it
	// counts, in the phrase after it, is.
	if !objSpan.Empty() && len(extras) > 0 && r.amountOnly(s, objSpan) {
		if w := strings.ToLower(s.Tokens[extras[0].Start].Text); w == "in" || w == "of" {
			objSpan, extras = r.phraseNP(s, extras[0]), extras[1:]
		}
	}
	if objects == nil && !objSpan.Empty() {
		if r.reciprocal(s, objSpan) && len(subjects) == 2 {
			r.emit(si, times, cl, subjects[0], pred, subjects[1], class, weight, conf)
			r.emit(si, times, cl, subjects[1], pred, subjects[0], class, weight, conf)
			return
		}
		objects = r.resolve(si, objSpan)
		if len(objects) == 0 {
			return // an object we cannot name: no fact rather than a wrong one
		}
	}
	if objects == nil && cl.Kind != KindApposition {
		for _, e := range extras {
			if r.isTimePhrase(s, times, e) {
				continue
			}
			if objects = r.resolve(si, r.phraseNP(s, e)); len(objects) > 0 {
				pred += "_" + strings.ToLower(s.Tokens[e.Start].Text)
				class, weight = r.lex.ClassOf(pred)
				break
			}
		}
	}
	if objects == nil && len(r.pair) == 2 && cl.Kind != KindApposition && r.eventful(subjects[0], class) {
		// "The flare-up began on Sunday": an event of the conflict the article is about.
		objects = []arg{{conflictOf(r.pair[0], r.pair[1]), true}}
	}
	if len(objects) == 0 {
		return
	}
	// "launched a counteroffensive", "held talks": a light verb's event noun names the event.
	// So does the object of a verb of intent, which tells how sure the event is, not what it
	// is: "promised sanctions", "pledged support".
	event := ""
	if cl.Verb >= 0 && cl.Noun == "" && objects[0].ent.Type == TypeTopic {
		cues := clauseCues[r.lemma(s, cl.Verb)]
		if c, w, ok := r.eventNoun(objects[0].ent); ok && cues&(cueLight|cueIntent) != 0 && (w > weight || cues&cueIntent != 0) {
			class, weight, event = c, w, lastWordOf(objects[0].ent)
		}
	}
	if spans := append([]Span{objSpan}, extras...); r.convened(si, times, cl, pred, subjects, objects, spans, class, weight, conf) ||
		r.roleMediation(si, times, cl, pred, subjects, objects, spans, conf) {
		return
	}
	for _, sub := range subjects {
		for _, obj := range objects {
			if sub.ent.ID == obj.ent.ID {
				continue
			}
			c := conf
			if !sub.direct {
				c -= 0.1
			}
			if !obj.direct {
				c -= 0.05
			}
			if (class == ClassAttack || class == ClassSeize) && barePlural(obj.ent) {
				continue // "shelling towns", "seized several heights": no target to name
			}
			if cc, cw, ok := r.talksWith(cl, pred, class, sub, obj); ok {
				r.emit(si, times, cl, sub, pred, obj, cc, cw, c)
				continue
			}
			r.emit(si, times, cl, sub, pred, obj, class, weight, c)
		}
	}
	r.secondObject(si, times, cl, subjects, objects, extras, class, weight, conf, event)
}

// secondObject emits the fact of a named party in a prepositional phrase when the verb
// makes it one: the receiver of a transfer ("supplied tanks to Ukraine": Germany supply
// Ukraine) and the target of a launched attack ("launched an offensive in Tigray": Abiy
// launch_offensive_in Tigray).
func (r *relater) secondObject(si int, times []Timex, cl Clause, subjects, objects []arg, extras []Span, class string, weight, conf float64, event string) {
	s := r.d.Sentences[si]
	if cl.Verb < 0 || cl.Arg2.Empty() || len(objects) == 0 || objects[0].ent.Type != TypeTopic {
		return
	}
	transfer := clauseCues[r.lemma(s, cl.Verb)]&cueTransfer != 0
	attack := event != "" && (class == ClassAttack || class == ClassFight)
	for _, e := range extras {
		prep := strings.ToLower(s.Tokens[e.Start].Text)
		var pred string
		switch {
		case transfer && prep == "to":
			pred = r.lemma(s, cl.Verb)
		case attack && (prep == "in" || prep == "on" || prep == "against" || prep == "into"):
			pred = r.lemma(s, cl.Verb) + "_" + event + "_" + prep
		default:
			continue
		}
		for _, o := range r.resolve(si, r.phraseNP(s, e)) {
			if !o.direct {
				continue
			}
			for _, sub := range subjects {
				if sub.ent.ID != o.ent.ID {
					r.emit(si, times, cl, sub, pred, o, class, weight, conf-0.1)
				}
			}
		}
		return
	}
}

// sententialRelative reports whether a clause is ", which X denied" after a claim: "which"
// stands for the whole claim, not the noun before it, and a verb of saying about a claim
// adds no event ("accused Baku of using the road to bring in mines, which Yerevan denies").
func (r *relater) sententialRelative(s Sentence, cl Clause) bool {
	if cl.Kind != KindRelative || cl.Verb < 0 || cl.Arg2.Empty() || cl.Arg2.End > cl.Verb ||
		clauseCues[r.lemma(s, cl.Verb)]&cueSay == 0 || cl.Arg1.Start < 2 {
		return false
	}
	return strings.EqualFold(s.Tokens[cl.Arg1.Start-1].Text, "which") && s.Tokens[cl.Arg1.Start-2].Text == ","
}

// barePlural reports whether a topic is a plural common noun ("towns", "civilian areas"),
// not one kept plural by its meaning ("talks", "hostilities").
func barePlural(t Entity) bool {
	if t.Type != TypeTopic {
		return false
	}
	f := strings.Fields(strings.ToLower(t.Name))
	id := t.ID[strings.LastIndexByte(t.ID, '_')+1:]
	id = strings.TrimPrefix(id, "topic:")
	return len(f) > 0 && f[len(f)-1] != id && strings.HasSuffix(f[len(f)-1], "s")
}

// talksWith returns the class of "held talks with X" when X is no adversary: talks are
// negotiation between the two parties in focus, and a meeting (the class of "talk_with")
// with anyone else ("Aliyev and Pashinyan held talks with Macron").
func (r *relater) talksWith(cl Clause, pred, class string, sub, obj arg) (string, float64, bool) {
	if cl.Noun == "" || class != ClassNegotiate || !strings.HasSuffix(pred, "_with") {
		return "", 0, false
	}
	if len(r.pair) == 2 {
		a, b := r.state(sub.ent).ID, r.state(obj.ent).ID
		if a == r.pair[0].ID && b == r.pair[1].ID || a == r.pair[1].ID && b == r.pair[0].ID {
			return "", 0, false
		}
	}
	c, w := r.lex.ClassOf(cl.Noun + "_with")
	return c, w, c != ClassOther
}

// launched emits "X launch topic:offensive" for a light verb whose hostile event noun took a
// prepositional object into its predicate ("launched an offensive against …").
func (r *relater) launched(si int, times []Timex, cl Clause, subjects []arg, class string, weight, conf float64) {
	pred := r.lemma(r.d.Sentences[si], cl.Verb)
	for _, o := range r.resolve(si, cl.Arg2) {
		if o.ent.Type != TypeTopic {
			continue
		}
		for _, sub := range subjects {
			c := conf - 0.05 // a topic object
			if !sub.direct {
				c -= 0.1
			}
			r.emit(si, times, cl, sub, pred, o, class, weight, c)
		}
	}
}

// lastWordOf is a topic's head word as written ("offensive" of "military offensive").
func lastWordOf(t Entity) string {
	f := strings.Fields(strings.ToLower(t.Name))
	if len(f) == 0 {
		return ""
	}
	return Slug(f[len(f)-1])
}

// urge emits "X urge Y" for "X emphasized the need for the parties to adhere to Y": the
// parties have not done it, X asked for it. Y is the infinitive's object, else its subject.
// When a clause already names who was asked, that is the fact and the infinitive adds none:
// "called on Israel and Hamas to exercise restraint" is X call_on Israel and Hamas, "asked
// the court to act" X ask the court.
func (r *relater) urge(si int, times []Timex, cl Clause, conf float64) {
	if r.asked(si, cl) {
		return
	}
	urged := r.resolve(si, cl.Arg2)
	if len(urged) == 0 {
		urged = r.resolve(si, cl.Arg1)
	}
	uc, uw := r.lex.ClassOf("urge")
	for _, u := range r.resolve(si, cl.Urger) {
		for _, o := range urged {
			if u.ent.ID != o.ent.ID {
				r.emit(si, times, Clause{Verb: cl.Verb, Modality: cl.Modality, Speaker: cl.Speaker, SaidAt: cl.SaidAt,
					Arg1: cl.Urger, Arg2: cl.Arg2}, u, "urge", o, uc, uw, conf)
			}
		}
	}
}

// personBefore returns the person mentioned last before token tok of sentence si who is
// not among the current clause's subjects.
func (r *relater) personBefore(si, tok int) (Entity, bool) {
	for i := len(r.ms) - 1; i >= 0; i-- {
		m := r.ms[i]
		if m.Sentence > si || m.Sentence == si && m.End > tok || m.Entity.Type != TypePerson {
			continue
		}
		if m.Sentence < si-1 {
			break
		}
		acting := false
		for _, a := range r.subjects {
			acting = acting || a.ent.ID == m.Entity.ID
		}
		if !acting {
			return m.Entity, true
		}
	}
	return Entity{}, false
}

// ownedBySpeaker reports whether a span is "its"/"their" and a head that acts for its
// owner ("its forces", "their government").
func (r *relater) ownedBySpeaker(s Sentence, sp Span) bool {
	if sp.End-sp.Start < 2 || s.Tokens[sp.Start].Tag != "PRP$" {
		return false
	}
	w := strings.ToLower(s.Tokens[sp.Start].Text)
	return (w == "its" || w == "their") && actsFor(r.lemma(s, sp.End-1))
}

// eventful reports whether an intransitive clause tells an event of the conflict in
// focus: its verb is fighting or attacking, or its subject is a hostile event noun ("the
// flare-up", "clashes") rather than an actor or a thing.
func (r *relater) eventful(sub arg, class string) bool {
	if class == ClassFight || class == ClassAttack {
		return true
	}
	if sub.ent.Type != TypeTopic || topicWords[lastWordOf(sub.ent)] == "conflict" {
		return false // "since the conflict began": the conflict is no event of itself
	}
	// Hostile events only: "the truce is due to begin" tells of the truce, not of fighting.
	c, _, ok := r.eventNoun(sub.ent)
	return ok && (c == ClassFight || c == ClassAttack)
}

// fightBetween emits A fight B for fighting between two parties: "Heavy fighting broke out
// between Armenia and Azerbaijan", "Clashes between Israel and Hamas resumed". The subject
// must be one fighting event and the parties exactly two, each a state or organisation.
func (r *relater) fightBetween(si int, times []Timex, cl Clause, subjects []arg, subjSpan, objSpan Span, pred string, conf float64) bool {
	if len(subjects) != 1 || subjects[0].ent.Type != TypeTopic {
		return false
	}
	if c, _, ok := r.eventNoun(subjects[0].ent); !ok || c != ClassFight {
		return false
	}
	var parties []Entity
	if strings.HasSuffix(pred, "_between") {
		for _, a := range r.resolve(si, objSpan) {
			parties = append(parties, a.ent)
		}
	} else {
		r.eachBetween(si, []Span{subjSpan}, func(ps []Entity) (Entity, bool) {
			parties = ps
			return Entity{}, true
		})
	}
	if len(parties) != 2 || parties[0].ID == parties[1].ID {
		return false
	}
	for _, p := range parties {
		if p.Type != TypeCountry && p.Type != TypeOrganization {
			return false
		}
	}
	class, weight := r.lex.ClassOf("fight")
	r.emit(si, times, cl, arg{parties[0], true}, "fight", arg{parties[1], true}, class, weight, conf)
	return true
}

// eventNoun looks a topic's head noun up among the lexicon's event nouns: its last word as
// written ("flare-up", "clashes"), else as lemmatised in its ID ("offensive").
func (r *relater) eventNoun(t Entity) (class string, weight float64, ok bool) {
	if f := strings.Fields(t.Name); len(f) > 0 {
		if class, weight, ok = r.lex.EventNoun(strings.ToLower(f[len(f)-1])); ok {
			return class, weight, ok
		}
	}
	id := strings.TrimPrefix(t.ID, "topic:")
	if i := strings.LastIndexByte(id, '_'); i >= 0 {
		id = id[i+1:]
	}
	return r.lex.EventNoun(id)
}

// asked reports whether the urged clause's subject is the object of the asking clause
// ("called on Baku and Yerevan to stop", "asked the court to act"), which gives its own
// fact.
func (r *relater) asked(si int, cl Clause) bool {
	for _, f := range r.facts {
		if f.Offset != r.d.Sentences[si].Offset {
			continue
		}
		for _, a := range r.resolve(si, cl.Arg1) {
			if f.Object.ID == a.ent.ID {
				return true
			}
		}
	}
	return false
}

// emit appends one fact, dating it and scoring its confidence.
func (r *relater) emit(si int, times []Timex, cl Clause, sub arg, pred string, obj arg, class string, weight, conf float64) {
	s := r.d.Sentences[si]
	a := r.d.Article
	f := Fact{
		Article: a.ID, URL: a.URL, Headline: a.Title, Publisher: a.Publisher,
		Subject: sub.ent, Predicate: pred, Object: obj.ent,
		Modality: cl.Modality, Class: class, Sentence: s.Text, Offset: s.Offset,
	}
	if !a.Published.IsZero() {
		f.Published = a.Published.Format("2006-01-02")
	}
	if cl.Negated {
		f.Modality = Negated
		conf -= 0.05
	}
	if f.Modality == Reported {
		conf -= 0.03
	}
	if !cl.Speaker.Empty() {
		if sp := r.resolve(si, cl.Speaker); len(sp) > 0 {
			f.AttributedTo = sp[0].ent.ID
		}
	}
	tx, ok := r.dateOf(s, times, cl)
	if !ok && !cl.SaidAt.Empty() {
		// "…, Erdogan said on Tuesday": what was said or intended dates from the saying.
		tx, ok = r.dateOf(s, times, Clause{Verb: -1, Arg1: cl.SaidAt})
	}
	if !ok && cl.SaidAt.Empty() && cl.Verb >= 0 && len(times) > 0 {
		// "The war began in November 2020, when Abiy launched an offensive": one date
		// in a sentence dates the events told with it, the nearest to the verb, unless it
		// belongs to a clause about a noun ("Karabakh, which was seized in 1994").
		tx, ok = r.dateOf(s, r.shared(s, times), Clause{Verb: cl.Verb, Arg1: Span{0, len(s.Tokens)}})
	}
	if ok {
		f.Date, f.DatePrecision, f.DateSource = tx.Date, tx.Precision, DateFromText
	} else if f.Published != "" {
		f.Date, f.DatePrecision, f.DateSource = f.Published, PrecisionDay, DateFromPublished
	}
	// The lexicon weight says how surely the verb names its class; a verb it does not know
	// keeps most of the structural confidence.
	conf *= 0.75 + 0.25*weight
	f.Confidence = math.Round(calibrate(conf)*100) / 100
	r.facts = append(r.facts, f)
}

// Calibration of the structural score into a probability that the fact is right: a
// logistic curve fitted once to the precision of the test corpus's facts in score bands
// (0.45 → 4%, 0.55 → 22%, 0.62 → 50%, 0.67 → 72%, 0.72 → 88% when fitted). Only its two
// parameters were fitted; the order of facts is the score's. The corpus leaves out some
// true facts, so the probabilities err low.
const (
	calibMid   = 0.62 // score at even odds
	calibSlope = 18.0 // steepness: log-odds per unit of score
)

func calibrate(score float64) float64 {
	return clamp(1/(1+math.Exp(-calibSlope*(score-calibMid))), 0.01, 0.99)
}

func clamp(x, lo, hi float64) float64 { return max(lo, min(hi, x)) }

// dateOf picks the time expression of a clause: the one nearest the verb among those
// inside the clause's arguments or right around its verb.
func (r *relater) dateOf(s Sentence, times []Timex, cl Clause) (Timex, bool) {
	if len(times) == 0 {
		return Timex{}, false
	}
	lo, hi := cl.Arg1.Start, cl.Arg1.End
	if cl.Verb >= 0 {
		lo, hi = min(lo, cl.Verb), max(hi, cl.Verb+1)
	}
	for _, sp := range append([]Span{cl.Arg2}, cl.Extra...) {
		if !sp.Empty() {
			lo, hi = min(lo, sp.Start), max(hi, sp.End)
		}
	}
	if hi > len(s.Tokens) || lo >= hi {
		return Timex{}, false
	}
	from, to := s.Tokens[lo].Start, s.Tokens[hi-1].Start+len(s.Tokens[hi-1].Text)
	at := from
	if cl.Verb >= 0 {
		at = s.Tokens[cl.Verb].Start
	}
	best, bestDist := -1, 0
	for i, tx := range times {
		if tx.Start < from || tx.End > to || attributive(s, tx) && !within(s, tx, cl.Arg2) {
			continue
		}
		d := tx.Start - at
		if d < 0 {
			d = at - tx.End
		}
		if best < 0 || d < bestDist {
			best, bestDist = i, d
		}
	}
	if best < 0 {
		return Timex{}, false
	}
	return times[best], true
}

// attributive reports whether a time expression only modifies the noun after it, between a
// determiner and that noun: "the 1991 Alma-Ata Declaration", "a violation of the 2020
// ceasefire" date the thing named, not the event told. In the object itself it dates the event
// too ("Russia, which brokered the 2020 ceasefire"): dateOf keeps it there.
func attributive(s Sentence, tx Timex) bool {
	for i, t := range s.Tokens {
		if t.Start != tx.Start {
			continue
		}
		j := i
		for j < len(s.Tokens) && s.Tokens[j].Start < tx.End {
			j++
		}
		if i == 0 || j >= len(s.Tokens) {
			return false
		}
		before, after := s.Tokens[i-1].Tag, s.Tokens[j].Tag
		return (before == "DT" || before == "PRP$" || before == "POS") &&
			(strings.HasPrefix(after, "NN") || strings.HasPrefix(after, "JJ"))
	}
	return false
}

// within reports whether a time expression lies inside a span of the sentence.
func within(s Sentence, tx Timex, sp Span) bool {
	if sp.Empty() || sp.End > len(s.Tokens) {
		return false
	}
	last := s.Tokens[sp.End-1]
	return tx.Start >= s.Tokens[sp.Start].Start && tx.End <= last.Start+len(last.Text)
}

// shared returns the time expressions of a sentence outside its relative and participial
// clauses.
func (r *relater) shared(s Sentence, times []Timex) []Timex {
	var out []Timex
	for _, tx := range times {
		own := false
		for _, sp := range r.private {
			last := s.Tokens[sp.End-1]
			own = own || tx.Start >= s.Tokens[sp.Start].Start && tx.Start < last.Start+len(last.Text)
		}
		if !own {
			out = append(out, tx)
		}
	}
	return out
}

// clauseEnd returns one past the last token of a clause's verb and arguments.
func clauseEnd(cl Clause) int {
	end := cl.Verb + 1
	for _, sp := range append([]Span{cl.Arg1, cl.Arg2}, cl.Extra...) {
		end = max(end, sp.End)
	}
	return end
}

func (r *relater) isTimePhrase(s Sentence, times []Timex, sp Span) bool {
	np := r.phraseNP(s, sp)
	if np.Empty() {
		return true
	}
	from := s.Tokens[np.Start].Start
	for _, tx := range times {
		if from >= tx.Start && from < tx.End {
			return true
		}
	}
	return false
}

// phraseNP drops the preposition of a prepositional phrase span.
func (r *relater) phraseNP(s Sentence, sp Span) Span {
	if !sp.Empty() && (s.Tokens[sp.Start].Tag == "IN" || s.Tokens[sp.Start].Tag == "TO") {
		sp.Start++
	}
	return sp
}

func (r *relater) lemma(s Sentence, i int) string {
	if l := s.Tokens[i].Lemma; l != "" {
		return l
	}
	return strings.ToLower(s.Tokens[i].Text)
}

// resolve turns an argument span into the entities it names. A coordination is each of
// its conjuncts ("Russia, the United States, and France"); a conjunct is the named entity
// at its head, else the entity its "of" complement names ("the region of Nagorny
// Karabakh"), else a pair phrase ("both sides") or pronoun it stands for, else a topic made
// of its head nouns ("peace talks" → topic:peace_talks). Vague heads resolve to nothing.
func (r *relater) resolve(si int, sp Span) []arg {
	s := r.d.Sentences[si]
	if sp.Empty() || sp.End > len(s.Tokens) {
		return nil
	}
	var out []arg
	seen := map[string]bool{}
	for _, c := range conjuncts(s, sp) {
		for _, a := range r.conjunct(si, c) {
			if !seen[a.ent.ID] {
				seen[a.ent.ID] = true
				out = append(out, a)
			}
		}
	}
	return out
}

// conjuncts splits a span at top-level "and", "or" and commas, stopping at a join word
// ("Putin alongside officials" is Putin) and never splitting after "between"/"among"
// (their coordination is the complement's own).
func conjuncts(s Sentence, sp Span) []Span {
	var out []Span
	start := sp.Start
	for i := sp.Start; i < sp.End; i++ {
		t := s.Tokens[i]
		w := strings.ToLower(t.Text)
		switch {
		case i == start && i > sp.Start && t.Tag == "IN" && s.Tokens[i-1].Tag == "CC" && w == "by":
			start = i + 1 // "signed by Russia and by France": the agent's "by" repeated
		case w == "between" || w == "among" || t.Tag == "IN" && w != "of" && !inAmount(s, i):
			// A preposition other than "of" ends the head phrase: its own coordination
			// is part of the complement.
			return append(out, Span{start, sp.End})
		case clauseCues[w]&cueJoin != 0:
			return append(out, Span{start, i})
		case t.Tag == "CC" || t.Text == ",":
			if i > start {
				out = append(out, Span{start, i})
			}
			start = i + 1
		}
	}
	if start < sp.End {
		out = append(out, Span{start, sp.End})
	}
	return out
}

// inAmount reports whether the preposition at i belongs to an amount: "more than 600",
// "at least 20 billion", "about 1,200".
func inAmount(s Sentence, i int) bool {
	if strings.EqualFold(s.Tokens[i].Text, "than") {
		return true
	}
	for j := i + 1; j < len(s.Tokens) && j <= i+2; j++ {
		switch t := s.Tokens[j]; {
		case t.Tag == "CD", topicWords[strings.ToLower(t.Text)] == "quantity":
			return true
		case strings.EqualFold(t.Text, "least"), strings.EqualFold(t.Text, "most"), strings.EqualFold(t.Text, "a"):
			continue
		}
		return false
	}
	return false
}

// conjunct resolves one conjunct.
func (r *relater) conjunct(si int, sp Span) []arg {
	s := r.d.Sentences[si]
	// The head phrase ends at the first preposition.
	head := sp
	for i := sp.Start; i < sp.End; i++ {
		if (s.Tokens[i].Tag == "IN" || s.Tokens[i].Tag == "TO") && !inAmount(s, i) {
			head.End = i
			break
		}
	}
	if head.Empty() {
		return nil
	}
	// "The International Court of Justice": a name holding the preposition is one head.
	for _, m := range r.ms.InSentence(si) {
		if m.Start >= head.Start && m.Start < head.End && m.End > head.End && m.End <= sp.End && !m.Modifier {
			head.End = m.End
		}
	}
	text := strings.ToLower(s.text(head))
	// "US Secretary of State Antony Blinken": a name that ends the phrase right after its
	// title is the head, whatever prepositions the title holds.
	if in := r.ms.Within(si, sp.Start, sp.End); len(in) > 0 {
		if m := in[len(in)-1]; !m.Modifier && m.End == sp.End && m.Start > sp.Start && m.Start > head.End &&
			strings.HasPrefix(s.Tokens[m.Start-1].Tag, "NN") {
			return []arg{{m.Entity, true}}
		}
	}
	// Named entities at the head: the last non-modifier mention of the head phrase.
	var named []arg
	var modifier *Mention
	for _, m := range r.ms.Within(si, head.Start, head.End) {
		if !m.Modifier {
			named = append(named, arg{m.Entity, true})
		} else if modifier == nil {
			modifier = &m
		}
	}
	if len(named) > 0 {
		return named[len(named)-1:]
	}
	switch kind := topicWords[strings.TrimPrefix(strings.TrimPrefix(text, "and "), "or ")]; {
	case kind == "pair":
		if len(r.pair) == 2 {
			return []arg{{r.pair[0], false}, {r.pair[1], false}}
		}
		return nil
	case kind == "reciprocal":
		return nil
	}
	if head.End-head.Start == 1 && s.Tokens[head.Start].Tag == "PRP" {
		switch strings.ToLower(s.Tokens[head.Start].Text) {
		case "he", "she":
			if r.lastPerson != nil {
				return []arg{{*r.lastPerson, false}}
			}
		case "him", "her":
			// "Blinken phoned Aliyev and urged him to …": the last person named who is
			// not the one acting.
			if e, ok := r.personBefore(si, head.Start); ok {
				return []arg{{e, false}}
			}
		case "it":
			// "Russia has cut deliveries since it invaded Ukraine": the state or
			// organisation last named as a subject, in this sentence or the one before.
			if r.lastThing != nil && si-r.thingAt <= 1 {
				return []arg{{*r.lastThing, false}}
			}
		}
		return nil
	}
	// "members of Russia's Security Council", "the region of Nagorny Karabakh" (but "the
	// blockade of the corridor" is a blockade); "thousands of rockets", "weeks of protests".
	if head.End < sp.End && strings.EqualFold(s.Tokens[head.End].Text, "of") {
		switch k := topicWords[r.lemma(s, head.End-1)]; {
		case k == "of" || k == "agent":
			// "the defence ministers of Armenia and Azerbaijan": each of them.
			var owners []arg
			for _, m := range r.ms.Within(si, head.End+1, sp.End) {
				if !m.Modifier {
					owners = append(owners, arg{m.Entity, true})
				}
			}
			if len(owners) > 0 {
				return owners
			}
		case k == "quantity":
			return r.conjunct(si, Span{head.End + 1, sp.End})
		}
	}
	if owners := r.pairOwned(s, head); owners != nil {
		return owners
	}
	// "Armenian and Azerbaijani parliamentarians": a demonym standing alone shares the
	// head after it.
	if modifier != nil && modifier.Start == head.Start && modifier.End == head.End {
		return []arg{{modifier.Entity, true}}
	}
	// "NATO leaders", "Russian members": a head that acts for its owner.
	if modifier != nil {
		for i := modifier.End; i < head.End; i++ {
			if actsFor(r.lemma(s, i)) {
				return []arg{{modifier.Entity, true}}
			}
		}
	}
	if t, ok := r.topic(s, head, sp.End); ok {
		return []arg{{t, false}}
	}
	return nil
}

// topic makes a Topic of a common-noun head phrase: its trailing nouns with the
// classifying adjectives before them, and an "of" phrase of bare nouns after them, the last
// word lemmatised unless it is plural-only ("peace talks" → topic:peace_talks, "a special
// military operation" → topic:special_military_operation, "a cessation of hostilities" →
// topic:cessation_of_hostilities). end is where the conjunct ends.
func (r *relater) topic(s Sentence, head Span, end int) (Entity, bool) {
	last := head.End
	for last > head.Start && (isQuote(s.Tokens[last-1].Text) || topicWords[strings.ToLower(s.Tokens[last-1].Text)] == "time") {
		last--
	}
	start := last
	for start > head.Start {
		t := s.Tokens[start-1]
		w := strings.ToLower(t.Text)
		// Nouns and classifying adjectives, and as the last word a gerund ("fighting")
		// or a noun the tagger calls an adjective ("the flare-up", "an offensive").
		if strings.HasPrefix(t.Tag, "NN") && t.Tag != "NNP" && t.Tag != "NNPS" ||
			start < last && strings.HasPrefix(t.Tag, "JJ") && topicWords[w] == "classifier" ||
			start == last && (t.Tag == "VBG" || strings.HasPrefix(t.Tag, "JJ") && (strings.Contains(t.Text, "-") ||
				start-2 >= head.Start && (s.Tokens[start-2].Tag == "DT" || s.Tokens[start-2].Tag == "PRP$"))) {
			start--
			continue
		}
		break
	}
	if start == last || strings.HasPrefix(s.Tokens[start].Tag, "JJ") && start < last-1 && !strings.HasPrefix(s.Tokens[last-1].Tag, "NN") {
		return Entity{}, false
	}
	if k := topicWords[r.lemma(s, last-1)]; k == "vague" || k == "quantity" {
		return Entity{}, false
	}
	// "cessation of hostilities": bare nouns after "of" belong to the name.
	if last == head.End && last+1 < end && strings.EqualFold(s.Tokens[last].Text, "of") {
		n := last + 1
		for n < end && strings.HasPrefix(s.Tokens[n].Tag, "NN") && s.Tokens[n].Tag != "NNP" && s.Tokens[n].Tag != "NNPS" {
			n++
		}
		if n > last+1 {
			last = n
		}
	}
	words := make([]string, 0, last-start)
	names := make([]string, 0, last-start)
	for i := start; i < last; i++ {
		w := strings.ToLower(s.Tokens[i].Text)
		if i == last-1 && topicWords[w] != "plural" && s.Tokens[i].Tag != "VBG" {
			w = r.lemma(s, i)
		}
		name := s.Tokens[i].Text
		if syn, ok := topicSynonyms[w]; ok && i == last-1 {
			w, name = syn, syn // "a truce" is topic:ceasefire
		}
		words = append(words, w)
		names = append(names, name)
	}
	// "a military offensive" is an offensive: a classifier the head already implies.
	if syn, ok := topicSynonyms[strings.Join(words, " ")]; ok && len(words) > 1 {
		words, names = strings.Fields(syn), strings.Fields(syn)
	}
	id := Slug(strings.Join(words, " ")) // "flare-up" → flare_up: IDs are [a-z0-9_]
	if id == "" {
		return Entity{}, false
	}
	t := Entity{Name: strings.Join(names, " "), ID: "topic:" + id, Type: TypeTopic}
	// "the treaty" after "a peace treaty" is that treaty: a definite bare head takes the
	// article's last topic with that head.
	hw := words[len(words)-1]
	if len(words) > 1 {
		r.topics[hw] = t
	} else if earlier, ok := r.topics[hw]; ok && strings.EqualFold(s.Tokens[head.Start].Text, "the") {
		return earlier, true
	}
	return t, true
}

// roleOf returns the state or organisation an apposition's role belongs to: "Kremlin" in
// "Kremlin spokesman", "Armenian" in "Armenian government spokesman".
func (r *relater) roleOf(si int, sp Span) []arg {
	for _, m := range r.ms.Within(si, sp.Start, sp.End) {
		if t := m.Entity.Type; t == TypeCountry || t == TypeOrganization {
			return []arg{{m.Entity, true}}
		}
	}
	return nil
}

// pastRole reports whether a role phrase says the role was held before ("former", "ex-").
func (r *relater) pastRole(s Sentence, sp Span) bool {
	for i := sp.Start; i < sp.End; i++ {
		if topicWords[strings.ToLower(s.Tokens[i].Text)] == "past" {
			return true
		}
	}
	return false
}

// onlyModifiers reports whether a span holds only adjectives and adverbs.
func onlyModifiers(s Sentence, sp Span) bool {
	for i := sp.Start; i < sp.End; i++ {
		if t := s.Tokens[i].Tag; !strings.HasPrefix(t, "JJ") && !strings.HasPrefix(t, "RB") && !isQuote(s.Tokens[i].Text) {
			return false
		}
	}
	return !sp.Empty()
}

func onlyType(as []arg, typ string) []arg {
	var out []arg
	for _, a := range as {
		if a.ent.Type == typ {
			out = append(out, a)
		}
	}
	return out
}

// reciprocal reports whether an object span is "the other", "each other" or "one another".
func (r *relater) reciprocal(s Sentence, sp Span) bool {
	return topicWords[strings.ToLower(s.text(sp))] == "reciprocal"
}

// conflictIn finds "between A and B" in the spans and returns the A–B conflict; a
// "between" naming nobody ("between the two rivals") means the article's pair.
func (r *relater) conflictIn(si int, spans []Span) (Entity, bool) {
	return r.eachBetween(si, spans, func(parties []Entity) (Entity, bool) {
		if len(parties) == 2 && parties[0].ID != parties[1].ID {
			return conflictOf(parties[0], parties[1]), true
		}
		if len(parties) == 0 && len(r.pair) == 2 {
			return conflictOf(r.pair[0], r.pair[1]), true
		}
		return Entity{}, false
	})
}

// eachBetween calls try with the entities (not modifiers) after each "between" in the
// spans, up to the span's end, until try finds a conflict.
func (r *relater) eachBetween(si int, spans []Span, try func(parties []Entity) (Entity, bool)) (Entity, bool) {
	s := r.d.Sentences[si]
	for _, sp := range spans {
		for i := sp.Start; i < sp.End; i++ {
			if !strings.EqualFold(s.Tokens[i].Text, "between") {
				continue
			}
			var parties []Entity
			for _, m := range r.ms.Within(si, i+1, sp.End) {
				if !m.Modifier {
					parties = append(parties, m.Entity)
				}
			}
			if c, ok := try(parties); ok {
				return c, true
			}
		}
	}
	return Entity{}, false
}

// conflictOf is the conflict node between two parties, sorted so that A–B and B–A are one.
func conflictOf(a, b Entity) Entity {
	if b.ID < a.ID {
		a, b = b, a
	}
	return Entity{
		Name: a.Name + "–" + b.Name,
		ID:   "conflict:" + localID(a.ID) + "--" + localID(b.ID),
		Type: TypeConflict,
	}
}

func localID(id string) string {
	if i := strings.IndexByte(id, ':'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// focusPair returns the two parties an article is about, and the state each leader was
// named with. The pair is the one of named actors most often coordinated with each other, "between A and B" and "A–B" counting twice as much
// as "A and B" (which also lists allies and mediators). Pair phrases ("both sides") and
// reciprocal objects resolve to it. nil when no pair scores 2, or two pairs tie.
func focusPair(d Document, ms Mentions) ([]Entity, map[string]Entity) {
	type key struct{ a, b string }
	counts := map[key]int{}
	ents := map[string]Entity{}
	// "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev": a
	// leader named with his state's adjective stands for that state here and later on.
	stateOf := map[string]Entity{}
	parties := make(Mentions, 0, len(ms)) // a copy: the leader's phrase starts at the adjective
	for i := 0; i < len(ms); i++ {
		m := ms[i]
		if i+1 < len(ms) {
			if p := ms[i+1]; m.Sentence == p.Sentence && m.Modifier && m.Entity.Type == TypeCountry &&
				p.Entity.Type == TypePerson && !p.Modifier && p.Start-m.End <= 3 {
				if _, ok := stateOf[p.Entity.ID]; !ok {
					stateOf[p.Entity.ID] = m.Entity
				}
				p.Start = m.Start
				m, i = p, i+1
			}
		}
		parties = append(parties, m)
	}
	for i := range parties {
		if e, ok := stateOf[parties[i].Entity.ID]; ok {
			parties[i].Entity = e
		}
	}
	ms = parties
	for i := 1; i < len(ms); i++ {
		m0, m1 := ms[i-1], ms[i]
		if m0.Sentence != m1.Sentence || m0.Modifier || m1.Modifier || m0.Entity.ID == m1.Entity.ID ||
			!isParty(m0.Entity) || !isParty(m1.Entity) {
			continue
		}
		toks := d.Sentences[m0.Sentence].Tokens
		// "A and B", "A-B", and "Mnatsakanyan and his Azerbaijani counterpart Bayramov".
		his := m1.Start-m0.End == 2 && toks[m0.End].Tag == "CC" && toks[m0.End+1].Tag == "PRP$"
		if !his && (m1.Start-m0.End != 1 || (toks[m0.End].Tag != "CC" && toks[m0.End].Text != "-" && !isDash(toks[m0.End].Text))) {
			continue
		}
		a, b := m0.Entity, m1.Entity
		if b.ID < a.ID {
			a, b = b, a
		}
		w := 1
		if toks[m0.End].Tag != "CC" {
			w = 2 // "Armenia-Azerbaijan"
		}
		for i := max(0, m0.Start-3); i < m0.Start; i++ {
			if strings.EqualFold(toks[i].Text, "between") {
				w = 2
			}
		}
		counts[key{a.ID, b.ID}] += w
		ents[a.ID], ents[b.ID] = a, b
	}
	keys := make([]key, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if counts[keys[i]] != counts[keys[j]] {
			return counts[keys[i]] > counts[keys[j]]
		}
		return keys[i].a+keys[i].b < keys[j].a+keys[j].b
	})
	if len(keys) == 0 || counts[keys[0]] < 2 || (len(keys) > 1 && counts[keys[0]] == counts[keys[1]]) {
		return nil, stateOf
	}
	return []Entity{ents[keys[0].a], ents[keys[0].b]}, stateOf
}

// isParty reports whether an entity can be a party to a conflict.
func isParty(e Entity) bool {
	return e.Type == TypeCountry || e.Type == TypeOrganization || e.Type == TypeLocation
}

// pairOwned returns the pair in focus for a head that acts for its owner when the owner is
// that pair: "the two countries' leaders met", or "their military chiefs" when the pair is
// what the clause before was about ("Armenia and Azerbaijan agreed … after their military
// chiefs met"). Any other owner gives nil: "their" may be anyone.
func (r *relater) pairOwned(s Sentence, head Span) []arg {
	h := head.End - 1
	if len(r.pair) != 2 || head.End-head.Start < 2 || !actsFor(r.lemma(s, h)) {
		return nil
	}
	pair := []arg{{r.pair[0], false}, {r.pair[1], false}}
	if strings.EqualFold(s.Tokens[head.Start].Text, "their") {
		if len(r.subjects) == 2 && r.isPair(r.subjects[0].ent, r.subjects[1].ent) {
			return pair
		}
		return nil
	}
	for i := head.Start + 1; i < h; i++ {
		if s.Tokens[i].Tag == "POS" || s.Tokens[i].Text == "'" { // the tagger calls a bare "'" a quote
			if topicWords[strings.ToLower(s.text(Span{head.Start, i}))] == "pair" {
				return pair
			}
			return nil
		}
	}
	return nil
}

// amountOnly reports whether a phrase is only an amount: numbers, currency signs,
// articles and the words that hedge a number ("more than $1 billion", "about 200").
func (r *relater) amountOnly(s Sentence, sp Span) bool {
	number := false
	for i := sp.Start; i < sp.End; i++ {
		switch t := s.Tokens[i]; {
		case t.Tag == "CD":
			number = true
		case t.Tag == "$", t.Tag == "DT", clauseCues[strings.ToLower(t.Text)]&cueQuant != 0:
		default:
			return false
		}
	}
	return number
}

// actsFor reports whether a head noun stands for its owner ("the region of …", "NATO
// leaders", "its forces").
func actsFor(lemma string) bool {
	k := topicWords[lemma]
	return k == "of" || k == "agent"
}

// unnamedAgent reports whether a topic is a person or body acting for an owner nobody
// named ("the ministers", "the government"): it is no subject a fact can be about.
func unnamedAgent(e Entity) bool {
	if e.Type != TypeTopic {
		return false
	}
	id := strings.TrimPrefix(e.ID, "topic:")
	return topicWords[id[strings.LastIndexByte(id, '_')+1:]] == "agent"
}

// isPair reports whether a and b are the two parties in focus, in either order.
func (r *relater) isPair(a, b Entity) bool {
	return a.ID == r.pair[0].ID && b.ID == r.pair[1].ID || a.ID == r.pair[1].ID && b.ID == r.pair[0].ID
}
