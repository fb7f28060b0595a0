package extract

import (
	_ "embed"
	"strings"
)

//go:embed data/clause_cues.tsv
var clauseCuesTSV string

// A cue is a bit set of the roles a word plays in the clause rules (data/clause_cues.tsv).
type cue uint32

const (
	cueSay cue = 1 << iota
	cueIntent
	cueNegate
	cueUrge
	cueLight
	cueJoin
	cueSub
	cueLightPrep
	cueQuant
	cueMutual
	cueChain
	cuePart
	cueName
	cuePartner
	cueTransfer
	cueConvene
	cueMeeting
	cueMediation
	cueMediator
	cuePrepVerb
)

var cueNames = map[string]cue{
	"say": cueSay, "intent": cueIntent, "negate": cueNegate, "urge": cueUrge,
	"light": cueLight, "join": cueJoin, "sub": cueSub,
	"lightprep": cueLightPrep, "quant": cueQuant, "mutual": cueMutual, "chain": cueChain,
	"particle": cuePart, "name": cueName, "partner": cuePartner, "transfer": cueTransfer,
	"convene": cueConvene, "meeting": cueMeeting, "mediation": cueMediation, "mediator": cueMediator,
	"prepverb": cuePrepVerb,
}

var clauseCues = func() map[string]cue {
	m := map[string]cue{}
	for w, kinds := range parseTSV(clauseCuesTSV) {
		for _, k := range strings.Split(kinds, ",") {
			m[w] |= cueNames[strings.TrimSpace(k)]
		}
	}
	return m
}()

// Span is a half-open range [Start, End) of token indexes in one sentence.
// The zero Span is empty.
type Span struct{ Start, End int }

// Empty reports whether the span covers no token.
func (s Span) Empty() bool { return s.End <= s.Start }

// Clause kinds: the construction a clause was read from. Fact confidence depends on it.
const (
	KindActive      = "active"      // subject verb object: "Russia mediated talks"
	KindPassive     = "passive"     // "Karabakh was seized by separatists", "talks mediated by Russia"
	KindRelative    = "relative"    // subject is the antecedent of which/that/who
	KindCoordinated = "coordinated" // verb phrase sharing the subject of the one before ("…, and voiced")
	KindControlled  = "controlled"  // infinitive or gerund whose subject comes from elsewhere
	KindAttribution = "attribution" // a verb of speech: "Peskov said …"
	KindApposition  = "apposition"  // "Kremlin spokesman Dmitry Peskov", "Peskov, the Kremlin spokesman,"
	KindPossessive  = "possessive"  // "Russia 's Security Council": Russia has a Security Council
	KindLocative    = "locative"    // "the Helmut Newton Foundation in Berlin", "Tampa, Florida": X is in Y
)

// Clause is one raw open-extraction tuple read from a tagged sentence, with the
// cues that later turn it into a Fact. Spans index Sentence.Tokens.
//
// Arg1 is the surface subject: for a passive it is the patient, and Agent (when the
// clause has a by-phrase) is who acted. Arg2 is the first argument after the relation;
// Extra are the prepositional phrases that follow, preposition included.
type Clause struct {
	Kind       string
	Arg1       Span
	Rel        string // the relation as written, particles and prepositions included: "was seized by"
	Predicate  string // lowercase verb lemma with particle/preposition joined by "_": "adhere_to", "seize"
	Verb       int    // token index of the main verb (-1 for appositions)
	Arg2       Span
	Extra      []Span
	Agent      Span   // by-phrase of a passive
	Passive    bool   // Arg1 underwent the action
	Negated    bool   // "did not", "failed to", "refused to"
	Modality   string // Asserted, Intent or Reported (negation is Negated, not a modality here)
	Speaker    Span   // who said it, when Modality is Reported or the clause reports intent
	SaidAt     Span   // the clause of saying without what was said: where its date is
	Urger      Span   // who urged it: "X emphasized the need for the parties to adhere to …"
	Noun       string // the noun lemma a light verb carries: "concern" in "expressed concern over"
	Inherited  bool   // Arg1 was taken from another clause (coordination, control)
	Coref      Span   // who Arg1 is when it is a pronoun or a role: "it" in "Russia said it is …" is Russia
	Complement bool   // Arg2 is no object: a that-clause, read on its own, or a name ("called it a victory")
	Modifier   bool   // the clause describes a noun phrase (relative or participial): its time is its own
}

// Text returns the text of a span of s, or "" for an empty span.
func (s Sentence) text(sp Span) string {
	if sp.Empty() || sp.End > len(s.Tokens) {
		return ""
	}
	last := s.Tokens[sp.End-1]
	return s.Text[s.Tokens[sp.Start].Start : last.Start+len(last.Text)]
}

// Word classes the chunker works on.
type wclass uint8

const (
	wOther wclass = iota
	wNoun         // NN*, CD, FW, SYM
	wPron         // PRP, EX
	wDet          // DT, PDT, PRP$, WP$
	wAdj          // JJ*
	wPos          // POS
	wVerb         // VB*
	wModal        // MD
	wAdv          // RB*
	wTo           // TO
	wPrep         // IN
	wCC           // CC
	wWh           // WDT, WP, WRB
	wPart         // RP
	wComma        // , and dashes
	wEnd          // . ; : ! ? and brackets: clause boundaries
	wQuote        // quotes, skipped everywhere
)

func classOf(t Token) wclass {
	switch {
	case isQuote(t.Text) || t.Tag == "``" || t.Tag == "''":
		return wQuote
	case t.Text == "," || isDash(t.Text):
		return wComma
	}
	tag := t.Tag
	switch {
	case strings.HasPrefix(tag, "NN"), tag == "CD", tag == "FW", tag == "SYM":
		return wNoun
	case tag == "PRP", tag == "EX":
		return wPron
	case tag == "DT", tag == "PDT", tag == "PRP$", tag == "WP$":
		return wDet
	case strings.HasPrefix(tag, "JJ"):
		return wAdj
	case tag == "POS":
		return wPos
	case strings.HasPrefix(tag, "VB"):
		return wVerb
	case tag == "MD":
		return wModal
	case strings.HasPrefix(tag, "RB"):
		return wAdv
	case tag == "TO":
		return wTo
	case tag == "IN":
		return wPrep
	case tag == "$", tag == "#": // "$ 250 million": a currency sign modifies the number
		return wAdj
	case tag == "CC":
		return wCC
	case tag == "WDT", tag == "WP", tag == "WRB":
		return wWh
	case tag == "RP":
		return wPart
	case tag == ".", tag == ":", tag == "(", tag == ")", tag == "-LRB-", tag == "-RRB-":
		return wEnd
	}
	return wOther
}

// Chunk kinds.
type ckind uint8

const (
	cOther ckind = iota
	cNP          // noun phrase
	cVG          // verb group: auxiliaries, adverbs, main verb, "to"-infinitives, particle
	cPrep        // preposition (and "to" not before a verb)
	cCC          // coordinating conjunction
	cRel         // relative pronoun
	cSub         // subordinating conjunction or complementiser "that"
	cAdv         // adverb or join word outside a verb group
	cAdj         // adjective outside a noun phrase
	cComma
	cEnd
)

type chunk struct {
	kind ckind
	s, e int // token span
}

// parser holds one sentence's tokens, classes and chunks while clauses are read.
//
// Reading a sentence, in order:
//
//  1. Classify each token from its tag, correcting what the tagger gets wrong in news
//     (quotes, capitalised "verbs", "more than" before numbers).
//  2. Chunk the tokens into noun phrases, verb groups (auxiliaries, negation, chained
//     infinitives, particles) and the words between them.
//  3. For each verb group, left to right: its subject (the phrase before it, a relative
//     pronoun's antecedent, the subject of the clause it is coordinated with or
//     controlled by), its relation and objects, then its place among attributions.
//  4. Appositions ("Kremlin spokesman Dmitry Peskov") as "is" clauses.
//  5. Locatives ("Henry Wood Hall in Glasgow", "Tampa, Florida") as "is in" clauses.
//
// What must hold: every span lies inside the sentence; a clause has a subject and a main
// verb (appositions excepted); no input makes the parser loop or panic (each step
// advances at least one token).
//
// Not used yet: a dependency tree (package depparse, issue 6). These rules over chunks
// read about 3 million words/s and score F1 0.53 (AUC 0.34) on the CaRB development
// half; a reader over trees replaces them when it beats that and keeps the whole
// pipeline above 200,000 words/s per core.
type parser struct {
	s   Sentence
	low []string // lowercase token texts
	// relemma holds the lemmas of words read as verbs against their tags ("accused/JJ");
	// nil when there are none.
	relemma map[int]string
	cues    []cue // cue bits of each token, by lemma and by text
	cls     []wclass
	time    []bool // token lies in a time expression
	chunks  []chunk
	// regions are the spans of relative and participial clauses already read, each with
	// the noun phrase it modifies: a later verb whose subject would end inside one takes
	// the antecedent instead ("Negotiations mediated by Russia since 1994 have failed").
	regions []region
	out     []Clause
}

type region struct {
	end        int // token index one past the region
	antecedent Span
}

// MaxClauseTokens is the longest sentence, in tokens, that Clauses reads. Longer ones are
// lists, tables or text without punctuation rather than sentences, and reading them would
// cost time that grows with the square of their length.
const MaxClauseTokens = 300

// Clauses reads the raw open-extraction tuples of a tagged sentence. times are the
// sentence's time expressions (byte spans in s.Text); phrases inside them are never
// taken as arguments of their own, only as extra arguments. A sentence longer than
// MaxClauseTokens gives none.
func Clauses(s Sentence, times []Timex) []Clause {
	if len(s.Tokens) == 0 || len(s.Tokens) > MaxClauseTokens {
		return nil
	}
	n := len(s.Tokens)
	p := &parser{s: s, low: make([]string, n), cues: make([]cue, n), cls: make([]wclass, n), time: make([]bool, n)}
	for i, t := range s.Tokens {
		p.low[i] = strings.ToLower(t.Text)
		p.cues[i] = clauseCues[p.lemma(i)] | clauseCues[p.low[i]]
		p.cls[i] = classOf(t)
		// A capitalised "verb" inside a sentence is a name the tagger missed ("supplied
		// tanks to Ukraine").
		if p.cls[i] == wVerb && i > 0 && isCapital(t.Text) && classOf(s.Tokens[i-1]) != wQuote {
			p.cls[i] = wNoun
		}
		// "Norway/RB facilitated the talks": a capitalised adverb opening the sentence right
		// before a past or present verb is the name the tagger missed.
		if i == 0 && p.cls[i] == wAdv && isCapital(t.Text) && n > 1 &&
			(s.Tokens[1].Tag == "VBD" || s.Tokens[1].Tag == "VBZ") {
			p.cls[i] = wNoun
		}
		// "met Bayramov overnight/MD": a time word the tagger calls a modal is an adverb.
		if p.cls[i] == wModal && topicWords[p.low[i]] == "time" {
			p.cls[i] = wAdv
		}
		// "… and accused/JJ Russia of …": a participle-like adjective between a conjunction
		// and an object is a past-tense verb.
		if p.cls[i] == wAdj && t.Tag == "JJ" && strings.HasSuffix(p.low[i], "ed") && i > 0 && s.Tokens[i-1].Tag == "CC" &&
			i+1 < n && (s.Tokens[i+1].Tag == "NNP" || s.Tokens[i+1].Tag == "DT" || s.Tokens[i+1].Tag == "PRP") {
			if p.relemma == nil {
				p.relemma = map[int]string{}
			}
			p.relemma[i] = Lemma(t.Text, "VBD")
			p.cls[i], p.cues[i] = wVerb, clauseCues[p.relemma[i]]|clauseCues[p.low[i]]
		}
		// "Armenia must hand/NN back …": a common noun right after a modal is its verb.
		if p.cls[i] == wNoun && t.Tag == "NN" && !isCapital(t.Text) {
			j := i - 1
			for j > 0 && p.cls[j] == wAdv {
				j--
			}
			if j >= 0 && p.cls[j] == wModal {
				p.cls[i] = wVerb
			}
		}
		for _, tx := range times {
			if t.Start >= tx.Start && t.Start < tx.End {
				p.time[i] = true
			}
		}
	}
	p.verbsTaggedAsNouns()
	// "more than 200 people", "more than a thousand": the words before a number are part
	// of it.
	for i := len(s.Tokens) - 2; i >= 0; i-- {
		if p.cue(i)&cueQuant == 0 {
			continue
		}
		next := p.lower(i + 1)
		if p.isNumber(i+1) || p.cls[i+1] == wAdj && p.cue(i+1)&cueQuant != 0 ||
			(next == "a" || next == "an") && i+2 < len(s.Tokens) && p.isNumber(i+2) {
			p.cls[i] = wAdj
		}
		// "at least 18 soldiers", "at most 20".
		if p.cls[i] == wAdj && (p.lower(i) == "least" || p.lower(i) == "most") && i > 0 && p.lower(i-1) == "at" {
			p.cls[i-1] = wAdj
		}
	}
	p.chunk()
	p.clauses()
	p.appositions()
	p.locatives()
	return p.out
}

// verbsTaggedAsNouns finds the present-tense verb of a clause that the tagger called a
// plural noun ("This often results in …", "Muncy Creek enters Lycoming County"): a plural
// after a name, a pronoun or a demonstrative, before a preposition, a determiner or a
// name, in a stretch between commas and conjunctions that has no verb at all.
func (p *parser) verbsTaggedAsNouns() {
	n := len(p.cls)
	for start := 0; start < n; {
		end := start
		verb := false
		for end < n && p.cls[end] != wComma && p.cls[end] != wCC && p.cls[end] != wEnd {
			verb = verb || p.cls[end] == wVerb || p.cls[end] == wModal
			end++
		}
		if !verb {
			for i := start + 1; i < end-1; i++ {
				t, b := p.s.Tokens[i], i-1
				for b > start && p.cls[b] == wAdv {
					b--
				}
				before, after := p.s.Tokens[b].Tag, p.s.Tokens[i+1].Tag
				if t.Tag == "NNS" && strings.HasSuffix(p.low[i], "s") &&
					(before == "NNP" || before == "PRP" || before == "DT" && b == start) &&
					(after == "IN" || after == "DT" || after == "NNP" || after == "PRP$") {
					p.cls[i] = wVerb
					break
				}
			}
		}
		start = end + 1
	}
}

func (p *parser) isNumber(i int) bool {
	t := p.s.Tokens[i].Tag
	return t == "CD" || t == "$" || topicWords[p.lower(i)] == "quantity"
}

func (p *parser) lower(i int) string { return p.low[i] }

func (p *parser) lemma(i int) string {
	if l, ok := p.relemma[i]; ok {
		return l
	}
	if l := p.s.Tokens[i].Lemma; l != "" {
		return l
	}
	return p.low[i]
}

func (p *parser) cue(i int) cue { return p.cues[i] }

// next returns the index of the first non-quote token at or after i, or len(tokens).
func (p *parser) next(i int) int {
	for i < len(p.cls) && p.cls[i] == wQuote {
		i++
	}
	return i
}

func (p *parser) classAt(i int) wclass {
	if i = p.next(i); i < len(p.cls) {
		return p.cls[i]
	}
	return wEnd
}

// nominalVerb reports whether the verb at i is used as a noun or adjective: "their
// shared border", "a lasting resolution", "fighting escalated", "in fighting between".
func (p *parser) nominalVerb(i int, prev wclass) bool {
	tag := p.s.Tokens[i].Tag
	if tag != "VBG" && tag != "VBN" {
		return false
	}
	nx := p.classAt(i + 1)
	// "armed men had stopped them": a participle before a noun and a finite verb
	// describes the noun.
	if k := p.next(i + 1); tag == "VBN" && nx == wNoun && k < len(p.cls) {
		if f := p.next(k + 1); f < len(p.cls) {
			switch p.s.Tokens[f].Tag {
			case "VBD", "VBZ", "VBP", "MD":
				return true
			}
		}
	}
	// A gerund right before a finite verb is its subject: "Heavy fighting broke out".
	if j := p.next(i + 1); tag == "VBG" && j < len(p.cls) && i > 0 && prev != wVerb && prev != wModal {
		switch p.s.Tokens[j].Tag {
		case "VBD", "VBZ", "VBP", "MD":
			return true
		}
	}
	switch prev {
	case wDet, wAdj, wPos:
		return nx == wNoun || nx == wAdj || (tag == "VBG" && nx != wDet && nx != wPron)
	case wVerb:
		return p.adjectivalAfterBe(i)
	case wAdv:
		// "a recently discovered holding"
		b := i - 1
		for b > 0 && p.cls[b] == wAdv {
			b--
		}
		return b >= 0 && (p.cls[b] == wDet || p.cls[b] == wAdj) && nx == wNoun
	}
	if tag != "VBG" {
		return false
	}
	// A bare gerund before a verb or a preposition is a noun ("after fighting escalated",
	// "the flare-up in fighting between …"); before an object it is a verb.
	start := prev == wOther || prev == wPrep || prev == wCC || prev == wComma || prev == wEnd
	return start && (nx == wVerb || nx == wModal || nx == wPrep || nx == wEnd || nx == wComma)
}

// adjectivalAfterBe reports whether the participle at i, right after a form of "be",
// describes the common noun after it rather than making a passive: "there were repeated
// attempts".
func (p *parser) adjectivalAfterBe(i int) bool {
	j := p.next(i + 1)
	if p.s.Tokens[i].Tag != "VBN" || i == 0 || p.lemma(i-1) != "be" || j >= len(p.cls) {
		return false
	}
	t := p.s.Tokens[j]
	return (t.Tag == "NN" || t.Tag == "NNS") && topicWords[p.lower(j)] != "time"
}

// chunk groups tokens into noun phrases, verb groups and the words between them.
func (p *parser) chunk() {
	n := len(p.cls)
	prev := wOther
	for i := 0; i < n; {
		c := p.cls[i]
		if c == wQuote {
			i++
			continue
		}
		start := i
		switch {
		case p.startsVG(i, prev):
			i = p.verbGroup(i)
			p.add(cVG, start, i)
		case c == wPron:
			i++
			// "Dr. Jagan himself": an intensifying reflexive belongs to the phrase before.
			if w := p.lower(start); (strings.HasSuffix(w, "self") || strings.HasSuffix(w, "selves")) &&
				len(p.chunks) > 0 && p.chunks[len(p.chunks)-1].kind == cNP && p.chunks[len(p.chunks)-1].e == start {
				p.chunks[len(p.chunks)-1].e = i
				break
			}
			p.add(cNP, start, i)
		case c == wDet || c == wAdj || c == wNoun || (c == wVerb && p.nominalVerb(i, prev)) ||
			(c == wAdv && p.classAt(i+1) == wAdj && p.cue(i)&cueJoin == 0):
			if e, ok := p.nounPhrase(i); ok {
				i = e
				p.add(cNP, start, i)
			} else if c == wDet && p.isDemonstrative(i) {
				// "This led …", "These are known as …", "Accomplishing both will be …".
				i++
				p.add(cNP, start, i)
			} else if c == wDet {
				// A floating quantifier: "Armenia and Azerbaijan both accuse …".
				i++
				p.add(cAdv, start, i)
			} else {
				i++
				p.add(cAdj, start, i)
			}
		case p.lower(i) == "that" && c != wWh && p.classAt(i+1) != wNoun && p.classAt(i+1) != wAdj:
			i++
			p.add(cSub, start, i)
		case c == wPrep || c == wTo:
			i++
			p.add(p.prepKind(start), start, i)
		case c == wWh && p.s.Tokens[i].Tag == "WRB":
			i++ // "when", "where": a subordinate clause, not a relative one
			p.add(cSub, start, i)
		case c == wWh:
			i++
			p.add(cRel, start, i)
		case c == wCC:
			i++
			p.add(cCC, start, i)
		case c == wAdv || c == wPart:
			i++
			p.add(cAdv, start, i)
		case c == wComma:
			i++
			p.add(cComma, start, i)
		case c == wEnd:
			i++
			p.add(cEnd, start, i)
		default:
			i++
			p.add(cOther, start, i)
		}
		prev = p.cls[i-1]
		if prev == wQuote {
			prev = c
		}
	}
}

func (p *parser) add(k ckind, s, e int) { p.chunks = append(p.chunks, chunk{k, s, e}) }

// isDemonstrative reports whether determiner i stands alone as a noun phrase: "this",
// "these", "those" or "both" right before a verb, or at the end of a phrase; "that" only
// when it opens the sentence ("That would be a formula for …"), since elsewhere before a
// verb it is a relative pronoun ("the deal that was signed").
func (p *parser) isDemonstrative(i int) bool {
	switch p.lower(i) {
	case "this", "these", "those", "both":
	case "that":
		for j := 0; j < i; j++ {
			if p.cls[j] != wQuote {
				return false
			}
		}
	default:
		return false
	}
	j := p.next(i + 1)
	for j < len(p.cls) && p.cls[j] == wAdv { // "This often results in …"
		j = p.next(j + 1)
	}
	if j >= len(p.cls) {
		return true
	}
	switch p.cls[j] {
	case wVerb, wModal, wEnd, wComma:
		return !(p.lower(i) == "both" && i > 0 && p.cls[i-1] == wNoun) // "Armenia and Azerbaijan both accuse"
	}
	return false
}

// prepKind tells a preposition from a subordinator or complementiser: "that" before a
// noun phrase and a verb opens a clause, and so does "after" in "after fighting escalated".
func (p *parser) prepKind(i int) ckind {
	w := p.lower(i)
	if w == "that" {
		return cSub
	}
	if p.cue(i)&cueSub == 0 {
		return cPrep
	}
	// "since 1994" is a phrase; "since the war began" a clause. Look for a finite verb
	// after one noun phrase.
	// A number is a year or a count, not a subject ("since 1994 have failed").
	j := p.next(i + 1)
	if j < len(p.cls) && (p.time[j] || p.s.Tokens[j].Tag == "CD") {
		return cPrep
	}
	seenNoun := false
	for ; j < len(p.cls) && j < i+12; j++ {
		switch p.cls[j] {
		case wDet, wAdj, wNoun, wPron, wPos, wQuote:
			seenNoun = seenNoun || p.cls[j] == wNoun || p.cls[j] == wPron
		case wVerb, wModal:
			if seenNoun || p.s.Tokens[j].Tag == "VBG" {
				return cSub
			}
			return cPrep
		default:
			return cPrep
		}
	}
	return cPrep
}

// startsVG reports whether a verb group starts at token i.
func (p *parser) startsVG(i int, prev wclass) bool {
	switch p.cls[i] {
	case wModal:
		return true
	case wVerb:
		return !p.nominalVerb(i, prev)
	case wTo:
		return p.classAt(i+1) == wVerb && p.s.Tokens[p.next(i+1)].Tag == "VB"
	case wAdv:
		// "not", "also", "never" before a verb belong to its group.
		j := p.next(i + 1)
		return j < len(p.cls) && (p.cls[j] == wVerb || p.cls[j] == wModal) && p.cue(i)&cueJoin == 0
	}
	return false
}

// verbGroup returns the end of the verb group starting at i: auxiliaries, adverbs
// between them, the main verb, chained infinitives ("failed to bring", "is prepared to
// mediate") and a particle ("bring about").
func (p *parser) verbGroup(i int) int {
	n := len(p.cls)
	end := i
	for j := i; j < n; j++ {
		switch p.cls[j] {
		case wQuote:
			continue
		case wModal, wVerb:
			if j > i && p.cls[j] == wVerb && p.nominalVerb(j, wVerb) { // "were repeated attempts", "said armed men had"
				break
			}
			// A modal never follows a finite verb in one group: "Armenians who stay | will
			// have the same rights".
			if p.cls[j] == wModal && end > i && p.cls[end-1] == wVerb && finiteTag(p.s.Tokens[end-1].Tag) {
				break
			}
			end = j + 1
			continue
		case wAdv:
			k := p.next(j + 1)
			if k < n && (p.cls[k] == wVerb || p.cls[k] == wModal || p.cls[k] == wAdv || p.cls[k] == wTo) {
				continue
			}
			// A particle the tagger calls an adverb: "hand back the districts".
			if end == j && end > i && p.cue(j)&cuePart != 0 && k < n && (p.cls[k] == wDet || p.cls[k] == wNoun) {
				p.cls[j] = wPart
				end = j + 1
			}
		case wTo:
			k := p.next(j + 1)
			for k < n && p.cls[k] == wAdv { // "had to temporarily close"
				k = p.next(k + 1)
			}
			if k < n && p.cls[k] == wVerb && p.s.Tokens[k].Tag == "VB" {
				continue
			}
		case wAdj:
			// "is prepared to", "ready to", "unable to"
			k := p.next(j + 1)
			if end > i && p.cue(j)&(cueIntent|cueNegate|cueChain) != 0 && k < n && p.cls[k] == wTo {
				continue
			}
		case wPart:
			end = j + 1
		case wPrep:
			// A particle the tagger calls a preposition: "pulling out of", "handed back
			// Agdam", "called off the talks".
			k := p.next(j + 1)
			if end == j && end > i && p.cue(j)&cuePart != 0 && k < n &&
				(p.cls[k] == wPrep || p.cls[k] == wTo || p.cls[k] == wDet || p.cls[k] == wNoun) {
				p.cls[j] = wPart
				end = j + 1
			}
		}
		break
	}
	return max(end, i+1)
}

// nounPhrase returns the end of the noun phrase starting at i and whether one is there.
func (p *parser) nounPhrase(i int) (int, bool) {
	n := len(p.cls)
	end, head := i, false
	prev := wOther
	for j := i; j < n; j++ {
		c := p.cls[j]
		// A time phrase before a name or a determiner ends there ("During the 1730s
		// Britain 's …"); before a common noun it modifies it ("the 2020 ceasefire").
		if j > i && p.time[j-1] && !p.time[j] && (c == wDet || strings.HasPrefix(p.s.Tokens[j].Tag, "NNP")) {
			return end, head || p.adjHead(i, end)
		}
		switch c {
		case wQuote:
			continue
		case wDet:
			if j > i && prev != wDet && prev != wPos && p.cue(j-1)&cueQuant == 0 { // "more than a thousand"
				return end, head || p.adjHead(i, end)
			}
		case wAdj:
			// "Russia overnight": a noun then an adjective ends the phrase, unless a noun
			// follows ("British abstract art") or a finite verb does: then the adjective is
			// the head the tagger missed ("the Israeli military struck Gaza").
			if head && prev == wNoun && p.classAt(j+1) != wNoun && p.classAt(j+1) != wAdj && !p.finiteAt(j+1) {
				return end, true
			}
		case wNoun:
			head = true
		case wPos:
			if !head && !(j > i && (p.low[j-1] == "other" || p.low[j-1] == "another")) {
				return end, head // "each other 's territorial integrity" goes on
			}
			head = false // "Russia 's Security Council": the owner is not the head
		case wVerb:
			if j > i && !p.nominalVerb(j, prev) { // the caller chose the first word
				return end, head || p.adjHead(i, end)
			}
			if p.classAt(j+1) != wNoun && p.classAt(j+1) != wAdj {
				head = true
			}
		case wAdv:
			k := p.next(j + 1)
			modifies := p.classAt(j+1) == wAdj || k < n && p.cls[k] == wVerb && p.nominalVerb(k, wAdv)
			if !(prev == wDet || prev == wAdj || prev == wOther) || !modifies || p.cue(j)&cueJoin != 0 {
				return end, head || p.adjHead(i, end)
			}
		default:
			return end, head || p.adjHead(i, end)
		}
		end, prev = j+1, c
	}
	return end, head || p.adjHead(i, end)
}

// finiteAt reports whether the first non-quote token from i is a finite verb or a modal.
func (p *parser) finiteAt(i int) bool {
	if i = p.next(i); i >= len(p.cls) || p.cls[i] != wVerb && p.cls[i] != wModal {
		return false
	}
	switch p.s.Tokens[i].Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	}
	return false
}

// adjHead reports whether a determiner-adjective phrase stands as a noun phrase:
// "the other", "the flare-up" (which the tagger calls an adjective).
func (p *parser) adjHead(s, e int) bool {
	return e > s+1 && p.cls[s] == wDet && p.cls[e-1] == wAdj
}

// chunkAt returns the index of the chunk holding token i, or -1.
func (p *parser) chunkAt(tok int) int {
	for k, c := range p.chunks {
		if tok >= c.s && tok < c.e {
			return k
		}
	}
	return -1
}

func (p *parser) isTime(c chunk) bool {
	some := false
	for i := c.s; i < c.e; i++ {
		if p.cls[i] != wDet && p.cls[i] != wQuote && !p.time[i] {
			return false
		}
		some = some || p.time[i]
	}
	return some
}

func (p *parser) kindAt(k int) ckind {
	if k < 0 || k >= len(p.chunks) {
		return cEnd
	}
	return p.chunks[k].kind
}

// clauses reads one clause per verb group.
func (p *parser) clauses() {
	type attribution struct {
		speaker  Span
		from, to int  // tokens of the reported content
		saidAt   Span // the rest of the speech clause
		self     int  // index in p.out of the speech clause
	}
	var attrs []attribution
	last := -1 // index in p.out of the last clause with its own subject
	for k, c := range p.chunks {
		if c.kind != cVG {
			continue
		}
		cl, ok := p.clause(k, last)
		if !ok {
			continue
		}
		p.out = append(p.out, cl)
		idx := len(p.out) - 1
		if cl.Kind != KindControlled {
			last = idx
		}
		if cl.Kind == KindAttribution && !cl.Arg2.Empty() {
			said := Span{cl.Arg1.Start, cl.Arg2.Start}
			if cl.Arg2.End <= cl.Arg1.Start { // trailing: "…, Peskov said on Friday."
				said = Span{cl.Arg1.Start, len(p.cls)}
			}
			attrs = append(attrs, attribution{cl.Arg1, cl.Arg2.Start, cl.Arg2.End, said, idx})
		}
	}
	// "In 1981, the pair developed …", "On Sunday Russia shelled …": a phrase before the
	// first subject belongs to the first clause after it.
	if lead := p.leadingPhrase(); !lead.Empty() {
		for i := range p.out {
			if cl := &p.out[i]; cl.Verb > lead.End && cl.Arg1.Start >= lead.End {
				cl.Extra = append([]Span{lead}, cl.Extra...)
				break
			}
		}
	}
	for _, a := range attrs {
		for i := range p.out {
			cl := &p.out[i]
			if i == a.self || cl.Verb < a.from || cl.Verb >= a.to {
				continue
			}
			if cl.Modality == Asserted {
				cl.Modality = Reported
			}
			cl.Speaker, cl.SaidAt = a.speaker, a.saidAt
			// "Russia said it is prepared to …": a personal pronoun is the speaker.
			if p.isPronoun(cl.Arg1) && !p.isPronoun(a.speaker) && p.s.Tokens[cl.Arg1.Start].Tag == "PRP" {
				cl.Coref = a.speaker
			}
		}
	}
}

// leadingPhrase returns the prepositional or time phrases that open the sentence before
// its subject ("In 1981 ,", "Several years later", "On Sunday ,"), or an empty span.
func (p *parser) leadingPhrase() Span {
	k := 0
	for {
		switch {
		case p.kindAt(k) == cPrep && p.kindAt(k+1) == cNP:
			k += 2
			continue
		case p.kindAt(k) == cNP && p.isTime(p.chunks[k]):
			k++
			continue
		case p.kindAt(k) == cNP && p.kindAt(k+1) == cAdv && p.s.Tokens[p.chunks[k+1].s].Tag == "RB" &&
			p.kindAt(k+2) == cNP: // "Several years later the …"
			k += 2
			continue
		}
		break
	}
	if k == 0 || k >= len(p.chunks) {
		return Span{}
	}
	end := p.chunks[k-1].e
	if p.kindAt(k) == cComma {
		k++
	}
	if p.kindAt(k) != cNP {
		return Span{}
	}
	return Span{0, end}
}

func (p *parser) isPronoun(sp Span) bool {
	return sp.End-sp.Start == 1 && p.cls[sp.Start] == wPron
}

// verb is what a clause's verb group says about how to read the rest.
type verb struct {
	k          int    // the verb group's chunk
	tag        string // the main verb's tag
	bare       bool   // no auxiliary before the main verb
	byNext     bool   // a "by" phrase follows the group
	infinitive bool   // "to VERB"
	gerund     bool   // a bare "-ing" form
}

// clause reads the clause of the verb group chunk k: its verb, then its subject, then
// its relation and objects. last is the index in p.out of the latest clause with a
// subject of its own, or -1. A relative or participial clause is recorded as a region
// about the phrase it modifies, so that the verb after it finds that phrase as subject.
func (p *parser) clause(k, last int) (Clause, bool) {
	cl, v, ok := p.verbOf(k)
	if !ok {
		return cl, false
	}
	read := cl
	gap, modifies, ok := p.subjectOf(&cl, v, last)
	if !ok {
		// No subject before the verb: it may come after ("…, said the ministry").
		return read, p.invertedSpeech(&read, k)
	}
	if cl.Kind == "" {
		cl.Kind = KindActive
		if cl.Passive {
			cl.Kind = KindPassive
		}
	}
	p.objectsOf(&cl, v, gap)
	p.existential(&cl)
	if !modifies.Empty() {
		cl.Modifier = true
		p.regions = append(p.regions, region{p.clauseEnd(cl), modifies})
	}
	return cl, true
}

// verbOf reads the verb group chunk k: the main verb (the last verb; what comes before it
// are auxiliaries and cues), negation, intent and voice.
func (p *parser) verbOf(k int) (Clause, verb, bool) {
	vg := p.chunks[k]
	cl := Clause{Verb: -1, Modality: Asserted}
	// The main verb is the last verb; what comes before it are auxiliaries and cues.
	be := false
	for i := vg.s; i < vg.e; i++ {
		if p.cls[i] != wVerb {
			continue
		}
		if cl.Verb >= 0 {
			l := p.lemma(cl.Verb)
			be = l == "be" || l == "get"
		}
		cl.Verb = i
	}
	if cl.Verb < 0 {
		return cl, verb{}, false
	}
	for i := vg.s; i < vg.e; i++ {
		if i == cl.Verb {
			continue
		}
		cu := p.cue(i)
		if cu&cueNegate != 0 {
			cl.Negated = true
		}
		if cu&cueIntent != 0 && i < cl.Verb && p.cls[i] != wModal {
			cl.Modality = Intent
		}
	}
	v := verb{k: k, tag: p.s.Tokens[cl.Verb].Tag, infinitive: p.cls[vg.s] == wTo}
	v.bare = cl.Verb == vg.s || (p.cls[vg.s] == wAdv && cl.Verb == p.next(vg.s+1))
	v.byNext = p.kindAt(k+1) == cPrep && p.lower(p.chunks[k+1].s) == "by"
	v.gerund = v.tag == "VBG" && v.bare
	cl.Passive = v.tag == "VBN" && (be || (v.bare && v.byNext))
	return cl, v, true
}

// subjectOf finds the subject of the clause of verb v and sets the clause's kind when the
// construction decides it. It returns the antecedent an object relative clause lacks as
// its object (gap), the phrase the clause modifies when it is a relative or participial
// one (modifies), and false when the verb has no subject to find.
func (p *parser) subjectOf(cl *Clause, v verb, last int) (gap, modifies Span, ok bool) {
	k, tag, bare, byNext, infinitive, gerund := v.k, v.tag, v.bare, v.byNext, v.infinitive, v.gerund
	prev := k - 1
	for prev >= 0 && p.chunks[prev].kind == cAdv && p.cue(p.chunks[prev].s)&cueJoin == 0 {
		prev--
	}
	pk := p.kindAt(prev)
	switch {
	case pk == cRel || (pk == cSub && p.lower(p.chunks[prev].s) == "that" && p.kindAt(prev-1) == cNP):
		a := prev - 1
		if p.kindAt(a) == cComma {
			a--
		}
		if p.kindAt(a) != cNP {
			return gap, modifies, false
		}
		cl.Kind = KindRelative
		cl.Arg1 = p.antecedent(a)
		// "His son was an aviation pioneer who began building …": the pioneer is the son.
		if last >= 0 && p.out[last].Arg2 == cl.Arg1 && p.out[last].Verb >= 0 && p.lemma(p.out[last].Verb) == "be" {
			cl.Arg1, cl.Inherited = p.out[last].Arg1, true
		}
		modifies = cl.Arg1
	case tag == "VBN" && bare && byNext && pk == cComma && p.kindAt(prev-1) == cVG && last >= 0:
		// "…, Peskov said, quoted by Interfax."
		cl.Kind, cl.Passive, cl.Arg1, cl.Inherited = KindPassive, true, p.out[last].Arg1, true
	case tag == "VBN" && bare && (pk == cNP || (pk == cComma && p.kindAt(prev-1) == cNP)) &&
		(byNext || pk == cComma && p.kindAt(k+1) != cNP || (last >= 0 && !p.opensClause(prev))) && p.kindAt(prev-1) != cRel &&
		!(pk == cComma && p.endsRegion(p.chunks[prev].s)):
		// A participle after a noun phrase modifies it: "Negotiations mediated by Russia".
		if pk == cComma {
			prev--
		}
		cl.Kind = KindPassive
		cl.Passive = true
		cl.Arg1 = p.antecedent(prev)
		modifies = cl.Arg1
	case tag == "VBD" && bare && pk == cNP && p.kindAt(prev-1) == cVG && (p.kindAt(k+1) == cPrep || p.particleEnds(k)) &&
		last >= 0 && p.out[last].Verb >= 0 && p.cue(p.out[last].Verb)&cueSay == 0 && !pastTenseOnly(p.lower(cl.Verb)):
		// "agreed to exchange all prisoners held over the conflict": a past form right
		// after the object of a verb, before a preposition, is a participle the tagger
		// took for a past tense; it modifies the object. Not after a verb of speech ("said
		// the troops pulled back from …") nor for a form that is only a past tense
		// ("withdrew", whose participle is "withdrawn").
		cl.Kind = KindPassive
		cl.Passive = true
		cl.Arg1 = p.antecedent(prev)
		modifies = cl.Arg1
	case infinitive || gerund:
		cl.Kind = KindControlled
		switch {
		case pk == cNP && p.kindAt(prev-1) == cPrep && p.lower(p.chunks[prev-1].s) == "for":
			// "the need for the parties to adhere to …"
			cl.Arg1 = p.span(prev)
			if last >= 0 && p.cue(p.headOf(p.chunks[prev-2]))&cueUrge != 0 && p.kindAt(prev-2) == cNP {
				cl.Urger = p.out[last].Arg1
			}
		case pk == cNP && gerund && p.kindAt(prev-1) == cPrep && p.lower(p.chunks[prev-1].s) == "with":
			// "with both sides accusing the other"
			cl.Arg1 = p.span(prev)
		case pk == cNP && infinitive && last >= 0:
			gov := p.out[last]
			head := p.cue(p.headOf(p.chunks[prev]))
			switch {
			case head&cueIntent != 0:
				// "voiced a readiness to mediate": the subject is the voicer's.
				cl.Arg1, cl.Inherited, cl.Modality = gov.Arg1, true, Intent
			case p.objectControl(gov, prev):
				// "called on Russia to respect …", "wanted the deal to go on": the object
				// acts, and when asked to, only the asking is a fact. "call" alone is to
				// phone or to name ("called Erdogan to offer …").
				cl.Arg1 = gov.Arg2
				if p.cue(gov.Verb)&cueUrge != 0 && gov.Predicate != "call" {
					cl.Urger = gov.Arg1
				}
			default:
				cl.Arg1, cl.Inherited = gov.Arg1, true
			}
		case pk == cPrep && gerund && len(p.out) > 0:
			// "accused Washington of prolonging the war": the object of the clause before
			// acts; "… by supplying weapons": its subject does.
			before := p.out[len(p.out)-1]
			cl.Arg1, cl.Inherited = before.Arg1, true
			if w := p.lower(p.chunks[prev].s); !before.Arg2.Empty() && (w == "of" || w == "from" || w == "for") {
				cl.Arg1 = before.Arg2
			}
		case pk == cSub && gerund && last >= 0:
			// "… after accusing the TPLF of attacking …"
			cl.Arg1, cl.Inherited = p.out[last].Arg1, true
		case gerund && p.opensSentence(prev) && p.cue(cl.Verb)&cuePrepVerb == 0:
			// "By opening for U2, they became …", "Returning to Cleveland, he worked …":
			// a participle opening the sentence is done by the subject of the clause
			// after its comma.
			np, ok := p.mainSubjectAfter(k)
			if !ok {
				return gap, modifies, false
			}
			cl.Arg1, cl.Inherited = np, true
		case pk == cComma && infinitive && cl.Passive && p.kindAt(prev-1) == cNP:
			// "… to begin negotiations, to be mediated by the OSCE": the phrase before
			// the comma is to undergo it, as planned.
			cl.Arg1, cl.Modality = p.antecedent(prev-1), Intent
			modifies = cl.Arg1
		case pk == cComma && gerund && p.kindAt(prev-1) == cNP && (p.kindAt(prev-2) == cEnd || p.kindAt(prev-2) == cSub):
			// "The convoy, carrying food for the valley, was stopped": a participle after
			// the phrase that opens the sentence or a subordinate clause describes that phrase.
			cl.Arg1 = p.antecedent(prev - 1)
			modifies = cl.Arg1
		case pk == cComma && gerund && last >= 0:
			// "Erdogan took 52 percent of the vote, defeating Kilicdaroglu": the subject
			// of the clause before does it.
			cl.Arg1, cl.Inherited = p.out[last].Arg1, true
		default:
			return gap, modifies, false
		}
	case pk == cCC || (pk == cComma && p.kindAt(prev-1) == cCC):
		if last < 0 {
			return gap, modifies, false
		}
		cl.Kind = KindCoordinated
		src := last
		// "He accused X of hiding while the others fought, and accused …": after a
		// comma, the verb joins the main clause, not the adverbial one before it.
		if p.kindAt(prev-1) == cComma && p.adverbial(p.out[last]) {
			for src >= 0 && (p.adverbial(p.out[src]) || p.out[src].Kind == KindControlled || p.out[src].Kind == KindRelative) {
				src--
			}
			if src < 0 {
				src = last
			}
		}
		cl.Arg1, cl.Inherited = p.out[src].Arg1, true
	case pk == cNP:
		cl.Arg1 = p.subject(prev)
		// "Sarkozy, whose country holds …": a relative clause about Sarkozy.
		if ks := p.chunkAt(cl.Arg1.Start); p.lower(cl.Arg1.Start) == "whose" && p.kindAt(ks-1) == cComma && p.kindAt(ks-2) == cNP {
			cl.Kind = KindRelative
			modifies = p.antecedent(ks - 2)
		}
		// "the Bishkek Protocol, which both parliaments signed": the antecedent is the
		// object the clause lacks.
		// With "that", which also opens what is said ("the claim that Russia withdrew from
		// Kherson"), only a verb with nothing after it lacks its object ("a loophole that
		// drug businesses are exploiting").
		if ks := p.chunkAt(cl.Arg1.Start); (p.kindAt(ks-1) == cRel || p.kindAt(ks-1) == cSub && p.lower(p.chunks[ks-1].s) == "that" &&
			p.kindAt(ks-2) == cNP && !p.saidBefore(ks-3) && p.kindAt(k+1) != cNP && p.kindAt(k+1) != cPrep) &&
			p.lower(p.chunks[ks-1].s) != "who" {
			a := ks - 2
			if p.kindAt(a) == cComma {
				a--
			}
			if p.kindAt(a) == cNP {
				gap = p.antecedent(a)
				cl.Kind = KindRelative
				modifies = gap
			}
		}
	case pk == cComma:
		// "The fighting, which broke out on July 12, is …"
		if p.verbList(v, prev, last) {
			// "The army shelled the town, seized the bridge and closed the road."
			cl.Kind = KindCoordinated
			cl.Arg1, cl.Inherited = p.out[last].Arg1, true
		} else if r, ok := p.regionEnding(p.chunks[prev].s); ok {
			cl.Arg1 = r
			// "Brown, a Republican who is running for attorney general, introduced …":
			// the antecedent is itself an apposition; the phrase it describes acts.
			if ks := p.chunkAt(r.Start); p.kindAt(ks-1) == cComma && p.kindAt(ks-2) == cNP && p.opensClause(ks-2) {
				cl.Arg1 = p.span(ks - 2)
			}
		} else if np, ok := p.beforeRelative(prev); ok {
			// "The TPLF, which dominated politics before Abiy came to power, denied …"
			cl.Arg1 = p.span(np)
		} else if np, speaker, ok := p.beforeAside(prev); ok {
			// "The talks, officials said, will resume": the phrase before the aside acts,
			// as the aside's speaker reports.
			cl.Arg1, cl.Modality, cl.Speaker = p.subject(np), Reported, speaker
		} else if np, ok := p.beforeParenthetical(prev); ok {
			// "The University of Florida, however, refused …", "The first, at a severity
			// of 6.0, occurred …"
			cl.Arg1 = p.subject(np)
		} else if first, name, ok := p.appositionHead(prev); ok {
			// "Arminius, leader of the Cherusci, now had …"; facts take the name when the
			// run has one ("His main rival, former president Robert Kocharyan, alleged").
			// The phrase keeps its complements: "The head of the mission, Anna Berg, met".
			e := first
			for p.kindAt(e+1) == cPrep && p.kindAt(e+2) == cNP {
				e += 2
			}
			cl.Arg1 = Span{p.chunks[first].s, p.chunks[e].e}
			if name >= 0 && name != first {
				cl.Coref = p.span(name)
			}
		} else {
			return gap, modifies, false
		}
	default:
		return gap, modifies, false
	}
	return gap, modifies, true
}

// objectsOf reads the relation and the objects of the clause of verb v: what was said for
// a verb of speech, else the object, the prepositional phrases after it, and, for an
// object relative clause, the antecedent it lacks (gap).
func (p *parser) objectsOf(cl *Clause, v verb, gap Span) {
	k, bare := v.k, v.bare
	vg := p.chunks[k]
	lemma := p.lemma(cl.Verb)
	relEnd := vg.e
	var pred []string
	pred = append(pred, lemma)
	for i := cl.Verb + 1; i < vg.e; i++ {
		if p.cls[i] == wPart {
			pred = append(pred, p.lower(i))
		}
	}
	j := k + 1
	for p.kindAt(j) == cAdv && p.cue(p.chunks[j].s)&cueJoin == 0 {
		j++
	}
	if p.cue(cl.Verb)&cueSay != 0 && !cl.Passive && p.attribution(cl, k, j) {
		cl.Predicate = strings.Join(pred, "_")
		if cl.Rel == "" {
			cl.Rel = p.s.text(Span{vg.s, vg.e})
		}
		return
	}
	switch p.kindAt(j) {
	case cSub:
		// "This finding indicated that organic compounds could carry current."
		// "… assume that what works in one place may fail in another": a wh-clause
		// after "that" opens what is said too.
		if p.lower(p.chunks[j].s) == "that" && (p.kindAt(j+1) == cNP || p.kindAt(j+1) == cRel && p.lower(p.chunks[j+1].s) == "what") && !cl.Passive {
			if p.reportRest(cl, p.chunks[j+1].s) {
				cl.Kind, cl.Complement = KindActive, true
				relEnd = p.chunks[j].e
				j = len(p.chunks)
			}
		}
	case cRel:
		// "tries to explain what happened to Pete": a wh-clause is the object.
		if w := p.lower(p.chunks[j].s); (w == "what" || w == "how" || w == "why" || w == "whether") && !cl.Passive &&
			p.reportRest(cl, p.chunks[j].s) {
			cl.Kind, cl.Complement = KindActive, true
			j = len(p.chunks)
		}
	case cNP:
		if !p.isTime(p.chunks[j]) {
			cl.Arg2 = p.complexRight(j)
			if p.lower(p.chunks[j].s) == "no" { // "gave no details"
				cl.Negated = true
			}
			// "called the agreement a beacon of hope": naming, not an event.
			if k2 := p.chunkAt(cl.Arg2.End-1) + 1; p.cue(cl.Verb)&cueName != 0 && len(pred) == 1 &&
				p.kindAt(k2) == cNP && !p.isTime(p.chunks[k2]) {
				cl.Complement = true
				cl.Extra = append(cl.Extra, p.complexRight(k2))
				j = p.chunkAt(cl.Extra[0].End-1) + 1
				break
			}
			// "took control of the town": a light verb's bare noun with its "of" phrase
			// is the relation, the phrase the object (read with the extras below).
			if p.cue(cl.Verb)&cueLight != 0 && p.cls[p.chunks[j].s] != wDet && p.kindAt(j+1) == cPrep &&
				p.lower(p.chunks[j+1].s) == "of" && p.kindAt(j+2) == cNP {
				cl.Arg2 = p.span(j)
			}
			j = p.chunkAt(cl.Arg2.End-1) + 1
		}
	case cPrep:
		if p.kindAt(j+1) == cNP && !p.isTime(p.chunks[j+1]) {
			prep := p.lower(p.chunks[j].s)
			relEnd = p.chunks[j].e
			cl.Arg2 = p.complexRight(j + 1)
			if cl.Passive && prep == "by" {
				cl.Agent = cl.Arg2
			} else {
				pred = append(pred, prep)
			}
			j = p.chunkAt(cl.Arg2.End-1) + 1
			// "signed by the OSCE and by the separatists": one agent.
			for cl.Passive && prep == "by" && p.kindAt(j) == cCC && p.kindAt(j+1) == cPrep && p.lower(p.chunks[j+1].s) == "by" &&
				p.kindAt(j+2) == cNP {
				e := p.complexRight(j + 2)
				cl.Arg2.End, cl.Agent.End = e.End, e.End
				j = p.chunkAt(e.End-1) + 1
			}
		}
	case cAdj:
		// "is very difficult", "became more common": a degree word and its adjective are
		// one complement.
		adj := p.span(j)
		for j++; p.kindAt(j) == cAdj; j++ {
			adj.End = p.chunks[j].e
		}
		// "are therefore referred to as …", "is first mentioned in …": a participle after
		// "be" and an adverb is the main verb of a passive, its phrase the object.
		last := adj.End - 1
		if vg := p.chunks[min(j, len(p.chunks)-1)]; p.kindAt(j) == cVG && vg.e-vg.s == 1 && p.s.Tokens[vg.s].Tag == "VBN" {
			last, adj.End = vg.s, vg.e // "is first mentioned"
			j++
		}
		if t := p.s.Tokens[last]; lemma == "be" && (t.Tag == "VBN" || t.Tag == "JJ" && strings.HasSuffix(p.lower(last), "ed") && p.kindAt(j) == cPrep) {
			cl.Verb, cl.Passive, cl.Kind = last, true, KindPassive
			pred[0], relEnd = p.lemma(last), adj.End
			// "referred to as": a preposition right before another is the participle's.
			for p.kindAt(j) == cPrep && p.kindAt(j+1) == cPrep {
				pred, relEnd = append(pred, p.lower(p.chunks[j].s)), p.chunks[j].e
				j++
			}
			if p.kindAt(j) == cPrep && p.kindAt(j+1) == cNP && !p.isTime(p.chunks[j+1]) {
				prep := p.lower(p.chunks[j].s)
				relEnd, cl.Arg2 = p.chunks[j].e, p.complexRight(j+1)
				if prep == "by" {
					cl.Agent = cl.Arg2
				} else {
					pred = append(pred, prep)
				}
				j = p.chunkAt(cl.Arg2.End-1) + 1
			}
			break
		}
		cl.Arg2 = adj
	}
	// A participle's agents run to the main verb: in "talks mediated by Norway and Qatar
	// resumed", Qatar is an agent, not the subject of "resumed".
	if cl.Kind == KindPassive && bare && !cl.Agent.Empty() && p.kindAt(j) == cCC && p.kindAt(j+1) == cNP && p.kindAt(j+2) == cVG {
		cl.Arg2.End = p.chunks[j+1].e
		cl.Agent = cl.Arg2
		j += 2
	}
	// Extra arguments: prepositional phrases and bare time phrases up to the clause end.
	for {
		switch {
		case p.kindAt(j) == cPrep && p.kindAt(j+1) == cNP:
			e := p.complexRight(j + 1)
			sp := Span{p.chunks[j].s, e.End}
			if cl.Passive && cl.Agent.Empty() && p.lower(p.chunks[j].s) == "by" {
				cl.Agent = Span{p.chunks[j+1].s, e.End}
			}
			// A light verb's noun with its preposition is the relation:
			// "expressed concern over the flare-up" → express_concern_over.
			// "held talks with Macron": "with" only for nouns of meeting and agreeing.
			if len(cl.Extra) == 0 && !cl.Arg2.Empty() && p.cue(cl.Verb)&cueLight != 0 && cl.Noun == "" &&
				!p.isTime(p.chunks[j+1]) {
				h := p.headOf(p.chunks[p.chunkAt(cl.Arg2.End-1)])
				with := p.lower(p.chunks[j].s) == "with" && p.cue(h)&cuePartner != 0
				if p.cue(p.chunks[j].s)&cueLightPrep != 0 && p.s.Tokens[h].Tag == "NN" || with {
					cl.Noun = p.lemma(h)
				}
			}
			cl.Extra = append(cl.Extra, sp)
			j = p.chunkAt(e.End-1) + 1
			continue
		case p.kindAt(j) == cNP && p.isTime(p.chunks[j]):
			cl.Extra = append(cl.Extra, p.span(j))
			j++
			continue
		case p.kindAt(j) == cAdv && p.cue(p.chunks[j].s)&cueJoin == 0:
			j++
			continue
		}
		break
	}
	// "Porter wrote in 1980 that strategy targets …": a that-clause after the phrases.
	if cl.Arg2.Empty() && gap.Empty() && !cl.Passive && p.kindAt(j) == cSub && p.lower(p.chunks[j].s) == "that" &&
		p.kindAt(j+1) == cNP && p.reportRest(cl, p.chunks[j+1].s) {
		cl.Kind, cl.Complement = KindActive, true
	}
	if !gap.Empty() && !cl.Passive {
		if !cl.Arg2.Empty() && relEnd > vg.e { // "signed in the capital": a phrase, not the object
			cl.Extra = append([]Span{{vg.e, cl.Arg2.End}}, cl.Extra...)
			pred, relEnd = pred[:len(pred)-1], vg.e
			cl.Arg2 = Span{}
		}
		if cl.Arg2.Empty() {
			cl.Arg2 = gap
		}
	}
	cl.Predicate = strings.Join(pred, "_")
	cl.Rel = p.s.text(Span{vg.s, relEnd})
}

// attribution reads a verb of speech: "X said (Friday) (that) CLAUSE" takes the rest of
// the sentence as what was said; "CLAUSE, X said" takes what came before. It reports
// false when the verb has an ordinary object instead ("stressed the need").
func (p *parser) attribution(cl *Clause, k, j int) bool {
	// A quotation right after the verb is what was said: `said "overall, …"`.
	if vg := p.chunks[k]; vg.e < len(p.cls) && p.cls[vg.e] == wQuote && j < len(p.chunks) && p.kindAt(j) != cEnd {
		return p.reportRest(cl, p.chunks[j].s)
	}
	// So is one after a colon or comma: `noted: "For ten years …"`, `says, "We believe …"`.
	if vg := p.chunks[k]; j < len(p.chunks) && (p.kindAt(j) == cComma || p.lower(p.chunks[j].s) == ":") && p.chunks[j].s == vg.e &&
		vg.e+1 < len(p.cls) && p.cls[vg.e+1] == wQuote && p.kindAt(j+1) != cEnd {
		return p.reportRest(cl, p.chunks[j+1].s)
	}
	// Skip a time phrase: "said Friday that …", "…, Erdogan said on Tuesday."
	for {
		if p.kindAt(j) == cNP && p.isTime(p.chunks[j]) {
			j++
		} else if p.kindAt(j) == cPrep && p.kindAt(j+1) == cNP && p.isTime(p.chunks[j+1]) {
			j += 2
		} else {
			break
		}
	}
	// "…, the prime minister announced in Doha." — places after the verb end it too.
	if t := p.skipPhrases(j); t != j && (p.kindAt(t) == cEnd || p.kindAt(t) == cComma) && p.lower(p.chunks[min(t, len(p.chunks)-1)].s) != ":" {
		j = t
	}
	switch p.kindAt(j) {
	case cEnd, cComma:
		if j < len(p.chunks) && p.lower(p.chunks[j].s) == ":" {
			j++ // "X said: …"
			break
		}
		// Trailing attribution: the content ends before the speaker, who follows a comma
		// or a closing quote ("…, Peskov said."; not "…, which Armenia denied.").
		if cl.Arg1.Start == 0 || (p.cls[cl.Arg1.Start-1] != wComma && p.cls[cl.Arg1.Start-1] != wQuote) {
			return false
		}
		end := cl.Arg1.Start
		for end > 0 && (p.cls[end-1] == wComma || p.cls[end-1] == wQuote) {
			end--
		}
		if end == 0 {
			return false
		}
		cl.Kind = KindAttribution
		cl.Arg2 = Span{0, end}
		return true
	}
	that := p.kindAt(j) == cSub && p.lower(p.chunks[j].s) == "that"
	if that {
		j++
		cl.Rel = p.s.text(Span{p.chunks[k].s, p.chunks[j-1].e}) // "said Friday that"
	}
	// Without "that", what follows must be a clause: a noun phrase and a verb group.
	if !that {
		m := j
		for p.kindAt(m) == cNP || p.kindAt(m) == cPrep || p.kindAt(m) == cComma || p.kindAt(m) == cAdj || p.kindAt(m) == cAdv ||
			p.kindAt(m) == cCC && p.kindAt(m-1) == cNP && p.kindAt(m+1) == cNP { // "said a woman and a child had been …"
			m++
			// "says ethnic Armenians who stay will have …": a short relative clause on the
			// subject comes before its verb.
			if p.kindAt(m) == cRel && p.kindAt(m-1) == cNP && p.kindAt(m+1) == cVG && p.kindAt(m+2) == cVG {
				m += 2
			}
		}
		if p.kindAt(j) != cNP || p.kindAt(m) != cVG || p.cls[p.chunks[m].s] == wTo {
			return false
		}
	}
	if j >= len(p.chunks) {
		return false
	}
	return p.reportRest(cl, p.chunks[j].s)
}

// existential rewrites "there were repeated attempts by the House" so that what exists is
// the subject and a prepositional phrase after it the object: "repeated attempts | were
// by | the House". "There" refers to nothing, so it is never a subject, nor inherited by
// the clauses after it.
func (p *parser) existential(cl *Clause) {
	if cl.Arg1.End-cl.Arg1.Start != 1 || p.s.Tokens[cl.Arg1.Start].Tag != "EX" || cl.Arg2.Empty() || p.lemma(cl.Verb) != "be" {
		return
	}
	cl.Arg1, cl.Arg2 = cl.Arg2, Span{}
	if len(cl.Extra) > 0 && p.cls[cl.Extra[0].Start] == wPrep && cl.Extra[0].End-cl.Extra[0].Start > 1 {
		e := cl.Extra[0]
		cl.Rel += " " + p.s.Tokens[e.Start].Text
		cl.Arg2, cl.Extra = Span{e.Start + 1, e.End}, cl.Extra[1:]
	}
}

// opensSentence reports whether chunk k, the one before a verb group, leaves that group
// opening the sentence: nothing before it, or only a preposition or subordinator
// ("By opening …", "After returning …").
func (p *parser) opensSentence(k int) bool {
	switch p.kindAt(k) {
	case cEnd:
		return k < 0
	case cPrep, cSub:
		return k == 0
	}
	return false
}

// mainSubjectAfter finds the subject of the main clause after an opening phrase that
// starts before chunk k: the noun phrase after the phrase's comma, followed by a finite
// verb group.
func (p *parser) mainSubjectAfter(k int) (Span, bool) {
	for m := k + 1; m < len(p.chunks) && p.kindAt(m) != cEnd; m++ {
		if p.kindAt(m) == cComma && p.kindAt(m+1) == cNP && p.finiteVG(m+2) {
			return p.span(m + 1), true
		}
	}
	return Span{}, false
}

// invertedSpeech reads a verb of speech that follows what was said and comes before its
// speaker: `"…," says Richard Burr, director of the fund`, `…, said the ministry`. It is
// tried only for a verb with no subject before it ("The TPLF, which ruled …, denied the
// accusation" has one). The verb stands alone (no auxiliary), after a comma; the speaker
// is the noun phrase right after it, closed by a comma or the sentence end.
func (p *parser) invertedSpeech(cl *Clause, k int) bool {
	vg := p.chunks[k]
	if cl.Verb != vg.s || p.cue(cl.Verb)&cueSay == 0 || p.kindAt(k-1) != cComma || p.kindAt(k+1) != cNP {
		return false
	}
	if t := p.s.Tokens[cl.Verb].Tag; t != "VBD" && t != "VBZ" && t != "VBP" {
		return false
	}
	speaker := p.complexRight(k + 1)
	if e := p.chunkAt(speaker.End-1) + 1; p.kindAt(e) != cComma && p.kindAt(e) != cEnd {
		return false
	}
	end := p.chunks[k-1].s
	for end > 0 && (p.cls[end-1] == wComma || p.cls[end-1] == wQuote) {
		end--
	}
	start := 0
	for start < end && p.cls[start] == wQuote {
		start++
	}
	if start >= end {
		return false
	}
	cl.Kind, cl.Arg1, cl.Arg2 = KindAttribution, speaker, Span{start, end}
	cl.Rel, cl.Predicate = p.s.text(Span{vg.s, vg.e}), p.lemma(cl.Verb)
	return true
}

// saidBefore reports whether chunk k is a verb group of speech ("told reporters that
// …": "that" opens what was said, not a relative clause).
func (p *parser) saidBefore(k int) bool {
	if p.kindAt(k) != cVG {
		return false
	}
	for i := p.chunks[k].s; i < p.chunks[k].e; i++ {
		if p.cls[i] == wVerb && p.cue(i)&cueSay != 0 {
			return true
		}
	}
	return false
}

// objectControl reports whether the infinitive after noun phrase chunk k takes that
// phrase, the object of the governing clause gov, as its subject: a direct object, or the
// object of "on" ("called on Russia to …"), that is not a vague word ("do everything to
// …") nor the complement of "be" ("was an attempt to …").
func (p *parser) objectControl(gov Clause, k int) bool {
	if gov.Verb < 0 || gov.Arg2.End != p.chunks[k].e || p.lemma(gov.Verb) == "be" ||
		topicWords[p.lemma(p.headOf(p.chunks[k]))] == "vague" || p.cue(p.headOf(p.chunks[k]))&cueUrge != 0 {
		return false
	}
	return gov.Predicate == p.lemma(gov.Verb) || strings.HasSuffix(gov.Predicate, "_on")
}

// skipPhrases returns the first chunk from k on that is not a prepositional phrase or
// an adverb.
func (p *parser) skipPhrases(k int) int {
	for {
		switch {
		case p.kindAt(k) == cPrep && p.kindAt(k+1) == cNP:
			k += 2
		case p.kindAt(k) == cAdv:
			k++
		default:
			return k
		}
	}
}

// reportRest makes cl the attribution of everything from token start to the sentence end.
func (p *parser) reportRest(cl *Clause, start int) bool {
	end := len(p.cls)
	for end > 0 && (p.cls[end-1] == wEnd || p.cls[end-1] == wQuote) {
		end--
	}
	if start >= end {
		return false
	}
	cl.Kind, cl.Complement = KindAttribution, true
	cl.Arg2 = Span{start, end}
	return true
}

// beforeRelative finds the noun phrase that opens a sentence and is described by a
// relative clause ending at comma chunk k, however many clauses that relative clause
// holds: "NP, which …, VERB".
func (p *parser) beforeRelative(k int) (int, bool) {
	for j := k - 1; j >= 2; j-- {
		if p.chunks[j].kind != cRel {
			continue
		}
		if p.kindAt(j-1) == cComma && p.kindAt(j-2) == cNP && p.opensClause(j-2) {
			return j - 2, true
		}
		return 0, false
	}
	return 0, false
}

// beforeParenthetical finds the noun phrase before a parenthetical that ends at comma
// chunk k: adverbs, or a short prepositional phrase, set off by commas ("…, however,",
// "…, in particular,", "…, along with friend Derek Stevens,") or by the closing comma alone
// ("… however, refused").
func (p *parser) beforeParenthetical(k int) (int, bool) {
	j, preps := k-1, 0
	for ; j >= 0 && k-j <= 7; j-- {
		switch p.chunks[j].kind {
		case cAdv, cSub:
			continue
		case cPrep:
			preps++
			continue
		case cNP:
			if p.kindAt(j-1) == cPrep || p.kindAt(j-1) == cAdv && preps > 0 {
				continue // inside the parenthetical phrase
			}
			// No opening comma: only adverbs may stand between ("X however, …").
			if j == k-1 || preps > 0 {
				return 0, false
			}
			return j, true
		case cComma:
			if j == k-1 || p.kindAt(j-1) != cNP {
				return 0, false
			}
			return j - 1, true
		}
		return 0, false
	}
	return 0, false
}

// verbList reports whether verb v, after comma chunk comma, is a member of a list of
// verb phrases sharing the subject of clause last: last is a main clause of its own
// ending at the comma, v stands alone in the same tense as last's verb, and the list
// closes with "and" or "or" before another verb of that tense.
func (p *parser) verbList(v verb, comma, last int) bool {
	if last < 0 || !v.bare || (v.tag != "VBD" && v.tag != "VBZ" && v.tag != "VBP") {
		return false
	}
	prev := p.out[last]
	if prev.Modifier || prev.Verb < 0 || p.s.Tokens[prev.Verb].Tag != v.tag || (prev.Kind != KindActive && prev.Kind != KindCoordinated) {
		return false
	}
	// Only adverbs and particles may stand between its arguments and the comma ("hears
	// her out, pokes around …").
	for m := p.chunkAt(p.clauseEnd(prev)); m < comma; m++ {
		if m < 0 || p.kindAt(m) != cAdv {
			return false
		}
	}
	for m := v.k + 1; m < len(p.chunks) && p.kindAt(m) != cEnd; m++ {
		if p.kindAt(m) == cCC && p.kindAt(m+1) == cVG {
			vg := p.chunks[m+1]
			return p.s.Tokens[vg.s].Tag == v.tag
		}
	}
	return false
}

// adverbial reports whether clause cl opens with a subordinator other than "that"
// ("while the others fought", "because prices rose").
func (p *parser) adverbial(cl Clause) bool {
	k := p.chunkAt(cl.Arg1.Start) - 1
	return cl.Verb >= 0 && p.kindAt(k) == cSub && p.lower(p.chunks[k].s) != "that"
}

// beforeAside finds the noun phrase before an aside of speech "NP , SPEAKER said ," that
// ends at comma chunk k, and the speaker.
func (p *parser) beforeAside(k int) (np int, speaker Span, ok bool) {
	if !p.saidBefore(k-1) || p.kindAt(k-2) != cNP || p.kindAt(k-3) != cComma || p.kindAt(k-4) != cNP {
		return 0, Span{}, false
	}
	return k - 4, p.span(k - 2), true
}

// appositionHead finds the head of "NP , NP (, NP) ," ending at comma chunk k: the first
// noun phrase, when the run opens its clause, and the first one that is a name (-1 if none).
func (p *parser) appositionHead(k int) (first, name int, ok bool) {
	first, name = -1, -1
	nps := 0
	j := k - 1
	for ; j >= 0; j-- {
		switch p.chunks[j].kind {
		case cNP:
			first, nps = j, nps+1
			if c := p.chunks[j]; strings.HasPrefix(p.s.Tokens[c.e-1].Tag, "NNP") && p.cls[c.s] != wDet && p.cls[c.s] != wPron {
				name = j
			}
			// prepositional complements stay with their noun: "leader of the Cherusci",
			// "advertising manager for the Red Cross", "consisting of $ 151 million of notes"
			for p.kindAt(j-1) == cPrep && p.kindAt(j-2) == cNP {
				j -= 2
				first = j
			}
			continue
		case cComma, cCC:
			continue
		}
		break
	}
	if nps < 2 || p.kindAt(first-1) == cVG || p.kindAt(first-1) == cPrep || p.kindAt(first-1) == cNP {
		return 0, -1, false
	}
	return first, name, true
}

// opensClause reports whether noun phrase chunk k is the first phrase of a clause.
func (p *parser) opensClause(k int) bool {
	switch p.kindAt(k - 1) {
	case cEnd, cSub, cCC:
		return true
	}
	return false
}

func (p *parser) span(k int) Span { return Span{p.chunks[k].s, p.chunks[k].e} }

// headOf returns the head token of a noun phrase chunk: its last noun, skipping an
// owner before "'s".
func (p *parser) headOf(c chunk) int {
	for i := c.e - 1; i > c.s; i-- {
		if topicWords[p.lower(i)] == "time" { // "an offensive overnight"
			continue
		}
		if p.cls[i] == wNoun || p.cls[i] == wPron || p.cls[i] == wAdj || p.cls[i] == wVerb {
			return i
		}
	}
	return c.s
}

// antecedent returns the noun phrase a relative or participial clause after chunk k
// modifies: the phrase itself, extended left over "of" and "between" ("the region of
// Nagorny Karabakh, which …").
func (p *parser) antecedent(k int) Span {
	sp := p.span(k)
	for p.kindAt(k-1) == cPrep && p.kindAt(k-2) == cNP {
		w := p.lower(p.chunks[k-1].s)
		if w != "of" && w != "between" && w != "among" {
			break
		}
		k -= 2
		sp.Start = p.chunks[k].s
	}
	return sp
}

// subject returns the subject ending at noun phrase chunk k. A subject that ends inside
// a relative or participial clause is that clause's antecedent. A subject that opens its
// clause takes its whole phrase, prepositions and coordination included ("President
// Vladimir Putin and members of Russia's Security Council expressed …").
func (p *parser) subject(k int) Span {
	if r, ok := p.regionEnding(p.chunks[k].e); ok {
		return r
	}
	start, afterComma := k, -1
	for {
		switch {
		case p.kindAt(start-1) == cCC && p.kindAt(start-2) == cAdj:
			// "Russian and Ukrainian negotiators": the adjective shares the head.
			start -= 2
			continue
		case (p.kindAt(start-1) == cPrep || p.kindAt(start-1) == cCC) && p.kindAt(start-2) == cNP:
			if p.kindAt(start-1) == cPrep && p.isTime(p.chunks[start]) {
				return p.span(k)
			}
			start -= 2
			continue
		case p.kindAt(start-1) == cAdv && p.cue(p.chunks[start-1].s)&cueJoin != 0 && p.kindAt(start-2) == cNP:
			start -= 2
			continue
		case p.kindAt(start-1) == cComma && p.kindAt(start-2) == cNP && p.coordinatedAfter(start):
			afterComma = start
			start -= 2
			continue
		}
		break
	}
	// "Under the auspices of the African Union, Ethiopia and Eritrea signed …": a phrase
	// opening the sentence ends at its comma; it is no member of the list after it.
	if afterComma >= 0 && p.kindAt(start-1) == cPrep && p.opensClause(start-1) {
		start = afterComma
	}
	// After a verb or a noun phrase the chain is the end of something else ("said Friday
	// it …", "accused Baku of shelling the town the army …"): only its last phrase is the
	// subject.
	switch p.kindAt(start - 1) {
	case cVG, cNP:
		return p.antecedent(k)
	}
	return Span{p.chunks[start].s, p.chunks[k].e}
}

// coordinatedAfter reports whether a list of noun phrases starting at chunk k ends in
// "and"/"or" and a noun phrase: "Russia, the United States, and France".
func (p *parser) coordinatedAfter(k int) bool {
	for ; k < len(p.chunks); k++ {
		switch p.chunks[k].kind {
		case cNP, cComma:
			continue
		case cCC:
			return p.kindAt(k+1) == cNP
		}
		return false
	}
	return false
}

// endsRegion reports whether a relative or participial clause ends at token end: the verb
// after it is its antecedent's ("France, which holds the presidency, called on …").
func (p *parser) endsRegion(end int) bool {
	_, ok := p.regionEnding(end)
	return ok
}

// regionEnding returns the antecedent of the relative or participial clause ending at
// token end, if there is one.
func (p *parser) regionEnding(end int) (Span, bool) {
	for i := len(p.regions) - 1; i >= 0; i-- {
		if p.regions[i].end == end {
			return p.regions[i].antecedent, true
		}
	}
	return Span{}, false
}

// complexRight returns the noun phrase starting at chunk k with its "of"/"between"
// complements and coordinated phrases: "peace talks between ex-Soviet rivals Armenia and
// Azerbaijan", "Russia, the United States, and France".
func (p *parser) complexRight(k int) Span {
	sp := p.span(k)
	for {
		switch p.kindAt(k + 1) {
		case cPrep:
			w := p.lower(p.chunks[k+1].s)
			if (w == "of" || w == "between" || w == "among") && p.kindAt(k+2) == cNP {
				k += 2
				sp.End = p.chunks[k].e
				continue
			}
		case cComma, cCC:
			// One name or date written with a comma: "Salt Lake City , Utah", "December
			// 31 , 1963".
			if c := p.chunks[k+1]; c.kind == cComma && p.kindAt(k+2) == cNP && p.kindAt(k+3) != cCC &&
				(p.time[c.s] || p.properNP(k) && p.properNP(k+2) && p.kindAt(k+3) != cComma && p.kindAt(k+3) != cVG) {
				k += 2
				sp.End = p.chunks[k].e
				continue
			}
			// A list: NP, NP, (and|or) NP; a noun phrase followed by a verb opens a new
			// clause instead ("… overnight and that the situation remains calm").
			m := k + 1
			for p.kindAt(m) == cComma || (p.kindAt(m) == cNP && (p.kindAt(m+1) == cComma || p.kindAt(m+1) == cCC)) {
				if p.kindAt(m) == cNP && p.isTime(p.chunks[m]) {
					return sp
				}
				m++
			}
			// A list with commas is a list even when a verb follows it ("brokered by Egypt,
			// Qatar and the United States took hold").
			if p.kindAt(m) == cCC && p.kindAt(m+1) == cNP && (!p.finiteVG(m+2) || m > k+2) &&
				(p.kindAt(k+1) == cCC || m > k+2) && !p.isTime(p.chunks[m+1]) {
				k = m + 1
				sp.End = p.chunks[k].e
				continue
			}
		}
		return sp
	}
}

// properNP reports whether noun phrase chunk k is a bare proper name ("Utah").
func (p *parser) properNP(k int) bool {
	c := p.chunks[k]
	for i := c.s; i < c.e; i++ {
		if !strings.HasPrefix(p.s.Tokens[i].Tag, "NNP") {
			return false
		}
	}
	return true
}

// finiteVG reports whether chunk k is a verb group that can open a clause: not an
// infinitive ("called on Armenia and Azerbaijan to respect …").
func (p *parser) finiteVG(k int) bool {
	return p.kindAt(k) == cVG && p.cls[p.chunks[k].s] != wTo
}

// clauseEnd returns one past the last token of a clause's arguments.
func (p *parser) clauseEnd(cl Clause) int {
	end := cl.Verb + 1
	if vg := p.chunkAt(cl.Verb); vg >= 0 {
		end = p.chunks[vg].e
	}
	for _, sp := range append([]Span{cl.Arg2}, cl.Extra...) {
		if sp.End > end {
			end = sp.End
		}
	}
	return end
}

// appositions reads "Kremlin spokesman Dmitry Peskov" (a role before a name, in one noun
// phrase) and "Peskov, the Kremlin spokesman," (a role after a name, between commas) as
// "is" clauses: the name is Arg1, the role Arg2.
func (p *parser) appositions() {
	for k, c := range p.chunks {
		if c.kind != cNP {
			continue
		}
		// "Yaromir 's bride": the owner has the rest.
		for i := c.s + 1; i < c.e-1; i++ {
			if p.cls[i] == wPos && p.cls[i-1] == wNoun {
				owner := i - 1
				for owner > c.s && p.cls[owner-1] == wNoun {
					owner--
				}
				p.out = append(p.out, Clause{Kind: KindPossessive, Arg1: Span{owner, i}, Rel: "has", Predicate: "have",
					Verb: -1, Arg2: Span{i + 1, c.e}, Modality: Asserted})
				break
			}
		}
		// Role before the name: capitalised modifier(s), lowercase noun(s), proper name.
		i := c.e - 1
		for i > c.s && p.s.Tokens[i].Tag == "NNP" {
			i--
		}
		if name := (Span{i + 1, c.e}); name.End-name.Start >= 2 && p.s.Tokens[i].Tag == "NN" {
			j := i
			for j > c.s && p.s.Tokens[j-1].Tag == "NN" {
				j--
			}
			if j > c.s && isCapital(p.s.Tokens[j-1].Text) {
				p.out = append(p.out, Clause{Kind: KindApposition, Arg1: name, Rel: "is", Predicate: p.lemma(i) + "_of",
					Verb: -1, Arg2: Span{c.s, i + 1}, Modality: Asserted})
			}
		}
		// Role after the name: "NAME, the ROLE (of X),", "NAME, Italy's largest bank,".
		if p.kindAt(k+1) == cComma && p.kindAt(k+2) == cNP && p.s.Tokens[c.e-1].Tag == "NNP" &&
			(p.cls[p.chunks[k+2].s] == wDet || p.s.Tokens[p.chunks[k+2].s].Tag == "NN" || p.hasOwner(p.chunks[k+2])) {
			role := p.complexRight(k + 2)
			e := p.chunkAt(role.End-1) + 1
			// "Nancy Craig, advertising manager for the Red Cross,": prepositional phrases
			// after the role belong to it while the comma that closes it is still ahead.
			for p.kindAt(e) == cPrep && p.kindAt(e+1) == cNP {
				role.End = p.chunks[e+1].e
				e += 2
			}
			h := p.headOf(p.chunks[k+2])
			if p.s.Tokens[h].Tag == "NN" && (p.kindAt(e) == cComma || p.kindAt(e) == cEnd) {
				p.out = append(p.out, Clause{Kind: KindApposition, Arg1: p.span(k), Rel: "is", Predicate: p.lemma(h) + "_of",
					Verb: -1, Arg2: role, Modality: Asserted})
			}
		}
		// Name after the role: "his consulting partner, Stanley Canter,". The role is
		// determined (a determiner or an owner opens it) and its head is a common noun;
		// the name is closed by a comma or the sentence end and opens no list.
		if p.kindAt(k+1) == cComma && p.namedPlace(k+2) && (p.cls[c.s] == wDet || p.cls[c.s] == wPron || p.hasOwner(c)) &&
			strings.HasPrefix(p.s.Tokens[p.headOf(c)].Tag, "NN") && !strings.HasPrefix(p.s.Tokens[p.headOf(c)].Tag, "NNP") &&
			(p.kindAt(k+3) == cComma && !p.listAfter(k+3) || p.kindAt(k+3) == cEnd) {
			// "The leader of the separatists, Samvel Shahramanyan,": the role is the
			// phrase the "of" hangs on.
			// A role inside a prepositional phrase is no subject of its own ("The largest
			// town in the valley, Dilijan,").
			role := p.antecedent(k)
			if p.kindAt(p.chunkAt(role.Start)-1) == cPrep {
				continue
			}
			h := p.headOf(p.chunks[p.chunkAt(role.Start)])
			p.out = append(p.out, Clause{Kind: KindApposition, Arg1: p.span(k + 2), Rel: "is", Predicate: p.lemma(h) + "_of",
				Verb: -1, Arg2: role, Modality: Asserted})
		}
	}
}

// hasOwner reports whether noun phrase c holds an owner before "'s" ("Trek 's president").
func (p *parser) hasOwner(c chunk) bool {
	for i := c.s; i < c.e; i++ {
		if p.cls[i] == wPos {
			return true
		}
	}
	return false
}

// locatives reads where a named thing is, from two names: "the National Magnet Laboratory
// in Cambridge" (a name, "in", a name) and "Lancaster, Pa." (a place, a comma, the one-word
// region it lies in), each as an "is in" clause.
//
// What must hold: both phrases end in a proper noun and neither is a time ("Russia in
// March"); a region after a comma is no member of a list ("Usher Hall, Caird Hall,
// Perth Concert Hall").
func (p *parser) locatives() {
	for k, c := range p.chunks {
		if c.kind != cNP || !p.namedPlace(k) {
			continue
		}
		switch {
		case p.kindAt(k+1) == cPrep && p.lower(p.chunks[k+1].s) == "in" && p.namedPlace(k+2):
			p.out = append(p.out, Clause{Kind: KindLocative, Arg1: p.antecedent(k), Rel: "is in", Predicate: "be_in",
				Verb: -1, Arg2: p.complexRight(k + 2), Modality: Asserted})
		case p.kindAt(k+1) == cComma && p.namedPlace(k+2) && p.chunks[k+2].e-p.chunks[k+2].s == 1 &&
			!(p.kindAt(k-1) == cComma && p.kindAt(k-2) == cNP) && p.kindAt(k-1) != cCC &&
			p.kindAt(k+3) != cCC && p.kindAt(k+3) != cVG && p.kindAt(k+3) != cNP && !p.listAfter(k+3):
			p.out = append(p.out, Clause{Kind: KindLocative, Arg1: p.span(k), Rel: "is in", Predicate: "be_in",
				Verb: -1, Arg2: p.span(k + 2), Modality: Asserted})
		}
	}
}

// listAfter reports whether a list goes on at chunk k: ", and", ", NP ," or ", NP and".
func (p *parser) listAfter(k int) bool {
	if p.kindAt(k) != cComma {
		return false
	}
	return p.kindAt(k+1) == cCC || p.kindAt(k+1) == cNP && (p.kindAt(k+2) == cComma || p.kindAt(k+2) == cCC)
}

// namedPlace reports whether chunk k is a noun phrase ending in a proper noun that is no
// time expression.
func (p *parser) namedPlace(k int) bool {
	if p.kindAt(k) != cNP {
		return false
	}
	c := p.chunks[k]
	return strings.HasPrefix(p.s.Tokens[c.e-1].Tag, "NNP") && !p.time[c.e-1] && !p.isTime(c)
}

func isCapital(s string) bool { return s != "" && s[0] >= 'A' && s[0] <= 'Z' }

// particleEnds reports whether verb group k ends with a particle ("held over", "handed back").
func (p *parser) particleEnds(k int) bool {
	tag := p.s.Tokens[p.chunks[k].e-1].Tag
	return tag == "RP" || tag == "IN"
}

// pastParticiples maps the lemma of an irregular verb to how many of its inflected forms
// the lemma table lists: a verb with two ("took", "taken") has a past tense that is no
// participle; one with one ("held") uses the same form for both.
var pastParticiples = func() map[string]int {
	n := map[string]int{}
	for form, lemma := range irregular {
		if !strings.HasSuffix(form, "ing") && form != lemma+"s" {
			n[lemma]++
		}
	}
	return n
}()

// pastTenseOnly reports whether a verb form is a past tense that cannot be a participle.
func pastTenseOnly(form string) bool {
	lemma, ok := irregular[form]
	return ok && pastParticiples[lemma] > 1
}

// finiteTag reports whether a verb tag is a finite form: past or present tense.
func finiteTag(tag string) bool {
	return tag == "VBD" || tag == "VBZ" || tag == "VBP"
}
