package extract

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Mentions are the entity mentions of one document, ordered by sentence and then by first
// token. Mentions never overlap, so at most one covers a token.
//
// Modifier mentions ("Armenian" in "Armenian government spokesman", "Russia" in "Russia's
// stance") stand for their entity only as a modifier or possessor of the noun after them:
// they are never the subject or object of a clause themselves.
type Mentions []Mention

// InSentence returns the mentions of sentence s.
func (ms Mentions) InSentence(s int) Mentions {
	lo := sort.Search(len(ms), func(i int) bool { return ms[i].Sentence >= s })
	hi := lo + sort.Search(len(ms)-lo, func(i int) bool { return ms[lo+i].Sentence > s })
	return ms[lo:hi]
}

// At returns the mention of sentence s that covers token tok.
func (ms Mentions) At(s, tok int) (Mention, bool) {
	in := ms.InSentence(s)
	i := sort.Search(len(in), func(i int) bool { return in[i].End > tok })
	if i < len(in) && in[i].Start <= tok {
		return in[i], true
	}
	return Mention{}, false
}

// Within returns the mentions of sentence s that lie wholly inside tokens [start, end).
func (ms Mentions) Within(s, start, end int) Mentions {
	in := ms.InSentence(s)
	lo := sort.Search(len(in), func(i int) bool { return in[i].Start >= start })
	hi := lo
	for hi < len(in) && in[hi].End <= end {
		hi++
	}
	return in[lo:hi]
}

// Entities returns each entity mentioned once, in the order of first mention.
func (ms Mentions) Entities() []Entity {
	seen := map[string]bool{}
	var out []Entity
	for _, m := range ms {
		if !seen[m.Entity.ID] {
			seen[m.Entity.ID] = true
			out = append(out, m.Entity)
		}
	}
	return out
}

// Recognize finds the entity mentions of a document with the embedded gazetteer and
// resolves each to its canonical entity. The error is only ever about the embedded tables.
func Recognize(d Document) (Mentions, error) {
	g, err := defaultGazetteer()
	if err != nil {
		return nil, err
	}
	return g.Recognize(d), nil
}

// Recognize finds and resolves the entity mentions of a document. Only d.Sentences are read:
// headlines and boilerplate never reach it. Rules, in the order they are tried at a token:
//
//  1. The longest name of the tables starting there (case-checked: "US" is not "us").
//     A state or organisation name is then read with what follows it: an institution
//     ("Russia's Security Council" → ent:russia_security_council), an office with no name
//     after it ("the Russian president" → the holder on the publication date, when the
//     offices table knows one), head nouns ("the Armenian government", "a Russian missile",
//     "a Russian official" → the state; "ethnic Armenian separatists" → the group
//     ent:armenian_separatists), or any other noun or a possessive, which makes it a
//     Modifier. A capital after "in", "to"… or before "time", "region"… is a Location,
//     otherwise the state it is the capital of ("Baku said" → Azerbaijan). A place that is
//     no state, followed by a people or by head nouns, is a local group ("Karabakh
//     Armenians", "Karabakh Armenian forces", "Donetsk separatists"). A hyphenated pair of
//     states or organisations is their conflict ("the Armenia-Azerbaijan clashes" →
//     conflict:armenia--azerbaijan; see pair).
//  2. A title ("President", "Kremlin spokesman"): the capitalised name after it is a person
//     with the title stripped; "the president of Russia" resolves like "the Russian president".
//  3. Capitalised words the tables do not know are a person's name right before a verb of
//     speech ("Marat Khusnullin told"), or, two or three of them standing alone, before a
//     finite verb or after "with", "by"… ("Kylian Mbappe scored"; see standsAlone).
//  4. Capitalised words the tables do not know are a place after "the town of", "the
//     village of"… or before "district", "region"… ("the Kupiansk district"; see place).
//
// Then, across the article, a bare surname is the person of that surname named in full
// elsewhere in it (see corefer), "the separatists" is the group last named so (see
// definiteGroups), "the breakaway region" the place last named (see definiteTerritories),
// "its forces" the state named last before it (see ownForces), and each
// entity gathers the surface forms it was seen in as
// Aliases (shared by all its mentions: do not modify them).
//
// Decisions the graph depends on:
//   - A state's institution is an organisation of its own, "Azerbaijan Defense Ministry"
//     (ent:azerbaijan_defense_ministry), not the state: what a ministry says is not what the
//     president says, and analysts weigh sources by who spoke.
//   - Separatists, rebels and militants named by a state's adjective are a group of their own
//     (ent:armenian_separatists, with or without "ethnic"), never the state: Armenian
//     separatists seizing Karabakh is not Armenia seizing it. Forces, troops and governments
//     are the state.
//   - A people ("Armenians", "ethnic Armenians", "Azeris" → ent:azerbaijanis) is a group of
//     its own, typed Organization like the other groups (the contract has no type for
//     peoples), never the state: Armenians fleeing Karabakh is not Armenia acting. A people
//     is the plural of a state's adjective in "s"; others ("the French") are not read.
//   - A hyphenated pair is one token: it names the pair's conflict, not either state.
func (g *Gazetteer) Recognize(d Document) Mentions {
	r := recognizer{g: g, day: d.Article.Published, buf: make([]byte, 0, 64)}
	for si := range d.Sentences {
		r.sent = d.Sentences[si]
		r.sentence(si, r.sent.Tokens)
	}
	r.corefer(d)
	r.learntPlaces(d)
	r.definiteGroups(d)
	r.definiteTerritories(d)
	r.ownForces(d)
	r.aliases(d)
	return r.out
}

// recognizer holds the state of one Recognize call.
type recognizer struct {
	g   *Gazetteer
	day time.Time // publication date, for offices
	buf []byte    // fold buffer: keeps lookups free of allocation
	out Mentions
	// the sentence being read
	sent Sentence
	// single capitalised words after a title ("President Sargsyan"), kept until the whole
	// article is read: a full name later in it resolves them
	pending []Mention
	// groups named so far, by their folded head nouns, for "the separatists" (see corefer)
	groups []groupMention
	// places the tables do not know, learnt from "the town of …", by their folded names
	places map[string]Entity
}

type groupMention struct {
	sentence, start int
	head            string // folded head nouns, "separatists"
	entity          Entity
}

func (r *recognizer) emit(si, start, end int, e Entity, modifier bool) {
	r.out = append(r.out, Mention{Sentence: si, Start: start, End: end, Entity: e, Modifier: modifier})
}

func (r *recognizer) sentence(si int, toks []Token) {
	for i := 0; i < len(toks); {
		if end := r.name(si, toks, i); end > i {
			i = end
			continue
		}
		if end := r.titled(si, toks, i); end > i {
			i = end
			continue
		}
		if end := r.place(si, toks, i); end > i {
			i = end
			continue
		}
		if end := r.speaker(si, toks, i); end > i {
			i = end
			continue
		}
		i++
	}
}

// match returns the value and end of the longest name of t starting at token i whose case
// the text honours, or -1.
func (r *recognizer) match(t *trie, toks []Token, i int) (value int32, end int) {
	value, end = -1, i
	n := t
	for k := i; k < len(toks); k++ {
		r.buf = foldInto(r.buf, toks[k].Text)
		if n = n.next[string(r.buf)]; n == nil {
			break
		}
		if n.rules != nil && casesHold(n.rules, toks[i:k+1]) {
			value, end = n.value, k+1
		}
	}
	return value, end
}

// casesHold reports whether the words meet one of the written forms' case rules.
func casesHold(forms [][]caseRule, toks []Token) bool {
	for _, rules := range forms {
		ok := true
		for j, rule := range rules {
			if !satisfies(toks[j].Text, rule) {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// name reads a name of the tables at token i with what follows it (rule 1 of Recognize) and
// returns the end of what it consumed, or i.
func (r *recognizer) name(si int, toks []Token, i int) int {
	v, end := r.match(r.g.names, toks, i)
	if v < 0 {
		return r.hyphenated(si, toks, i)
	}
	e := r.g.nameEntries[v]
	ent := r.g.ents[e.ent]
	if (e.kind == kindState || e.kind == kindCity) && r.endsName(si, toks, i) {
		return end
	}
	if (e.kind == kindCity || e.kind == kindPlain && ent.Type == TypeLocation) && r.headIs(toks, end, headPlace, headTerritory) {
		// "the Terter district", "the Kyiv region": the place itself
		place := e.place
		if e.kind == kindPlain {
			place = e.ent
		}
		_, pEnd := r.match(r.g.heads, toks, end)
		r.emit(si, i, pEnd, r.g.ents[place], r.modifies(toks, pEnd))
		return pEnd
	}
	if e.kind == kindCity && (i > 0 && r.isWord(r.g.locatives, toks[i-1].Text) || r.headIs(toks, end, headLocal)) {
		r.emit(si, i, end, r.g.ents[e.place], r.modifies(toks, end))
		return end
	}
	if e.kind == kindPeople {
		from := i
		if i > 0 && r.is(toks[i-1].Text, "ethnic") {
			from--
		}
		r.emit(si, from, end, ent, r.modifies(toks, end))
		return end
	}
	switch {
	case e.kind == kindPlain && ent.Type == TypeLocation, e.kind == kindState:
		// "Karabakh Armenians", "Donetsk separatists"; of a state only with another's
		// people or adjective: "Kosovo Serbs", but "Kosovo police" is Kosovo's
		if gEnd := r.localGroup(si, toks, i, end, e.kind == kindState); gEnd > end {
			return gEnd
		}
	case e.kind == kindPlaceAdjectival:
		// "Abkhaz separatists"; alone, a place's adjective only modifies ("Crimean Tatars")
		if gEnd := r.localGroup(si, toks, i, end, false); gEnd > end {
			return gEnd
		}
		r.emit(si, i, end, ent, true)
		return end
	}
	if ent.Type == TypePerson {
		if end-i == 1 && r.runsOn(toks, end) {
			return r.speaker(si, toks, i)
		}
		r.emit(si, i, end, ent, r.personModifies(toks, end))
		return end
	}
	if e.kind == kindPlain && ent.Type != TypeOrganization {
		r.emit(si, i, end, ent, r.modifies(toks, end))
		return end
	}
	return r.actor(si, toks, i, end, e.ent, e.kind == kindAdjectival)
}

// actor reads what follows a state or organisation named at [start, end).
func (r *recognizer) actor(si int, toks []Token, start, end int, ent int32, adjective bool) int {
	g := r.g
	k := end
	if k < len(toks) && isPossessive(toks[k].Text) {
		k++
	}
	if g.ents[ent].Type == TypeCountry {
		if inst, iEnd := r.match(g.insts, toks, k); inst >= 0 {
			r.emit(si, start, iEnd, g.ents[g.instEnts[[2]int32{ent, inst}]], r.modifies(toks, iEnd))
			return iEnd
		}
	}
	if t, tEnd := r.match(g.titles, toks, k); t >= 0 {
		named := r.startsName(toks, tEnd)
		if office := g.titleEntries[t].office; office != "" && !named {
			if h, ok := g.holder(office, ent, r.day); ok {
				r.emit(si, start, tEnd, g.ents[h], r.personModifies(toks, tEnd))
				return tEnd
			}
		}
		// "a Russian official said": a title that is also an acting head, with no name
		// after it, is read as a head below
		if named || !r.headIs(toks, k, headState, headArm) {
			r.emit(si, start, end, g.ents[ent], true)
			return end
		}
	}
	if adjective {
		if next, ok := r.adjectiveFollows(toks, end); ok {
			// "the Azerbaijani and Armenian foreign ministers": both modify the noun;
			// "Armenian and Azerbaijani parliamentarians": both states act
			r.emit(si, start, end, g.ents[ent], next)
			return end
		}
	}
	if h, hEnd := r.match(g.heads, toks, k); h >= 0 && (g.headKinds[h].acting() || g.headKinds[h] == headGroup) {
		if k == end {
			return r.headed(si, toks, start, end, hEnd, ent, g.headKinds[h], adjective)
		}
		if g.headKinds[h].acting() && !r.modifies(toks, hEnd) {
			// "Ukraine's military said": the state acting
			r.emit(si, start, hEnd, g.ents[ent], false)
			return hEnd
		}
	}
	r.emit(si, start, end, g.ents[ent], r.modifies(toks, end))
	return end
}

// headed reads a state or organisation followed by head nouns ("Azerbaijani forces",
// "ethnic Armenian separatists", "Hamas fighters").
func (r *recognizer) headed(si int, toks []Token, start, end, hEnd int, ent int32, kind headKind, adjective bool) int {
	g := r.g
	ethnic := start > 0 && r.is(toks[start-1].Text, "ethnic")
	if g.ents[ent].Type == TypeCountry && (kind == headGroup || ethnic) {
		if kind != headGroup {
			// "ethnic Armenian leaders": a people, not the state, and no group we name
			r.emit(si, start, end, g.ents[ent], true)
			return end
		}
		from := start
		if ethnic {
			from--
		}
		adj := g.adjectival[ent]
		if adj == "" || adjective {
			adj = spanText(r.sent, start, end)
		}
		r.emitGroup(si, from, hEnd, group(adj, toks, end, hEnd), toks[end:hEnd], r.modifies(toks, hEnd))
		return hEnd
	}
	hEnd = r.moreHeads(toks, hEnd)
	if r.modifies(toks, hEnd) {
		r.emit(si, start, end, g.ents[ent], true)
		return end
	}
	r.emit(si, start, hEnd, g.ents[ent], false)
	// "Azerbaijani artillery and drones": the state reaches over a coordinated head noun
	if hEnd+1 < len(toks) && (r.is(toks[hEnd].Text, "and") || r.is(toks[hEnd].Text, "or")) && r.headIs(toks, hEnd+1, headState, headArm) {
		_, next := r.match(g.heads, toks, hEnd+1)
		if next = r.moreHeads(toks, next); !r.modifies(toks, next) {
			r.emit(si, hEnd+1, next, g.ents[ent], false)
			return next
		}
	}
	return hEnd
}

// adjectiveFollows reports whether "and" or "or" and a state's adjective follow token i and,
// if so, whether that adjective is a modifier (else a state head noun follows it).
func (r *recognizer) adjectiveFollows(toks []Token, i int) (modifier, ok bool) {
	if i+1 >= len(toks) || (!r.is(toks[i].Text, "and") && !r.is(toks[i].Text, "or")) {
		return false, false
	}
	v, end := r.match(r.g.names, toks, i+1)
	if v < 0 || r.g.nameEntries[v].kind != kindAdjectival {
		return false, false
	}
	if r.headIs(toks, end, headState, headArm) {
		return false, true
	}
	return r.modifies(toks, end), r.modifies(toks, end)
}

// moreHeads extends head nouns ending at token i over further acting head nouns
// ("government officials", "armed forces units"), stopping before a title that a name
// follows ("the Armenian government spokesman Artsrun Hovhannisyan").
func (r *recognizer) moreHeads(toks []Token, i int) int {
	for i < len(toks) {
		h, next := r.match(r.g.heads, toks, i)
		if h < 0 || !r.g.headKinds[h].acting() {
			break
		}
		if t, tEnd := r.match(r.g.titles, toks, i); t >= 0 && r.startsName(toks, tEnd) {
			break
		}
		i = next
	}
	return i
}

// headIs reports whether head nouns of one of the kinds start at token i.
func (r *recognizer) headIs(toks []Token, i int, kinds ...headKind) bool {
	h, _ := r.match(r.g.heads, toks, i)
	return h >= 0 && slices.Contains(kinds, r.g.headKinds[h])
}

// localGroup reads a place (or a place's adjective) followed by a people, or by a state's
// adjective or nothing and then head nouns of a state or a group: "Karabakh Armenians", "the
// Karabakh Armenian forces", "Donetsk separatists", "Abkhaz separatists". Such a phrase is a
// group of its own, named as written (ent:karabakh_armenian_forces), never the state whose
// adjective or territory it is: the Karabakh Armenian forces fought for the separatists,
// not for Armenia. With people set, only a people or an adjective may follow ("Kosovo
// Serbs"). It returns end when no such phrase follows the name at [start, end).
func (r *recognizer) localGroup(si int, toks []Token, start, end int, people bool) int {
	g := r.g
	k := end
	if v, vEnd := r.match(g.names, toks, k); v >= 0 {
		switch g.nameEntries[v].kind {
		case kindPeople:
			name := spanText(r.sent, start, vEnd)
			r.emit(si, start, vEnd, Entity{Name: name, ID: "ent:" + Slug(name), Type: TypeOrganization}, r.modifies(toks, vEnd))
			return vEnd
		case kindAdjectival:
			k = vEnd
		default:
			return end
		}
	}
	if k == end && people || !r.headIs(toks, k, headState, headGroup) {
		return end
	}
	_, hEnd := r.match(g.heads, toks, k)
	hEnd = r.moreHeads(toks, hEnd)
	r.emitGroup(si, start, hEnd, group(spanText(r.sent, start, k), toks, k, hEnd), toks[k:hEnd], r.modifies(toks, hEnd))
	return hEnd
}

// emitGroup emits a group's mention and remembers its head nouns.
func (r *recognizer) emitGroup(si, start, end int, e Entity, head []Token, modifier bool) {
	r.emit(si, start, end, e, modifier)
	r.groups = append(r.groups, groupMention{sentence: si, start: start, head: foldWords(head), entity: e})
}

// foldWords is the fold of tokens joined by single spaces.
func foldWords(toks []Token) string {
	var b []byte
	for i, t := range toks {
		if i > 0 {
			b = append(b, ' ')
		}
		b = appendFold(b, t.Text)
	}
	return string(b)
}

// group is the entity of a group named by an adjective and head nouns: "Armenian separatists".
func group(adj string, toks []Token, hStart, hEnd int) Entity {
	name := adj
	for _, t := range toks[hStart:hEnd] {
		name += " " + lowerWord(t.Text)
	}
	return Entity{Name: name, ID: "ent:" + Slug(name), Type: TypeOrganization}
}

// hyphenated reads "pro-Russian separatists" and "Russian-backed rebels" as groups, a
// pair of states or organisations ("Armenia-Azerbaijan", "Russia–Ukraine") as their
// conflict (see pair), and a state or organisation before a participle ("Russian-brokered")
// as a modifier. Another hyphenated word, or a group's without a head noun after it,
// names no entity.
func (r *recognizer) hyphenated(si int, toks []Token, i int) int {
	w := toks[i].Text
	left, right, ok := cutDash(w)
	if !ok {
		return i
	}
	var part string
	switch {
	case r.is(left, "pro"):
		part = right
	case r.isWord(r.g.backers, right):
		part = left
	default:
		if end := r.pair(si, toks, i, left, right); end > i {
			return end
		}
		// "a Russian-brokered ceasefire", "the UN-mediated talks": the state or organisation
		// modifies what it did
		if a, ok := r.party(left); ok && strings.HasSuffix(right, "ed") {
			r.emit(si, i, i+1, a, true)
			return i + 1
		}
		return i
	}
	a, ok := r.party(part)
	if !ok {
		return i
	}
	if r.headIs(toks, i+1, headState, headGroup) {
		_, hEnd := r.match(r.g.heads, toks, i+1)
		r.emitGroup(si, i, hEnd, group(w, toks, i+1, hEnd), toks[i+1:hEnd], r.modifies(toks, hEnd))
		return hEnd
	}
	if part == left { // "Kremlin-funded media": the sponsor modifies what it funds
		r.emit(si, i, i+1, a, true)
		return i + 1
	}
	return i
}

// cutDash splits a word at its first hyphen or dash: "Armenia-Azerbaijan", "Russia–Ukraine".
func cutDash(w string) (left, right string, ok bool) {
	for j, c := range w {
		if c == '-' || c == '–' || c == '—' {
			left, right = w[:j], w[j+utf8.RuneLen(c):]
			return left, right, left != "" && right != ""
		}
	}
	return "", "", false
}

// pair reads a hyphenated pair of states or organisations as their conflict, the node
// relations and the graph give "mediate between A and B" (conflict:armenia--azerbaijan,
// parties sorted): with a conflict noun after it ("the Armenia-Azerbaijan clashes", "the
// Russian–Ukrainian war", "the Israel-Hezbollah war") the whole phrase is the conflict, and
// so is a pair standing alone. Before any other noun ("Armenia-Azerbaijan border",
// "U.S.-Russia talks", "an Uzbek-Italian venture") it names nothing: the pair there is not
// necessarily at war. The two states are not exposed on their own: the token names the
// pair, not either state.
func (r *recognizer) pair(si int, toks []Token, i int, left, right string) int {
	a, okA := r.party(left)
	b, okB := r.party(right)
	if !okA || !okB || a.ID == b.ID {
		return i
	}
	end := i + 1
	if r.headIs(toks, end, headConflict) {
		_, end = r.match(r.g.heads, toks, end)
	} else if r.modifies(toks, end) {
		return i
	}
	r.emit(si, i, end, conflictOf(a, b), r.modifies(toks, end))
	return end
}

// party returns the state or organisation a one-word name of the tables stands for
// ("Armenia", "Russian", "Moscow", "Hamas"), when the word's case honours the name's.
func (r *recognizer) party(w string) (Entity, bool) {
	n, _ := lookupFolded(r, r.g.names.next, w)
	if n == nil || n.value < 0 || n.rules == nil || !casesHold(n.rules, []Token{{Text: w}}) {
		return Entity{}, false
	}
	e := r.g.nameEntries[n.value]
	ent := r.g.ents[e.ent]
	return ent, e.kind != kindPeople && (ent.Type == TypeCountry || ent.Type == TypeOrganization)
}

// titled reads a title and the person named after it (rule 2 of Recognize).
func (r *recognizer) titled(si int, toks []Token, i int) int {
	g := r.g
	t, tEnd := r.match(g.titles, toks, i)
	if t < 0 {
		return i
	}
	// "the president of Russia", "the secretary-general of the United Nations"
	if office := g.titleEntries[t].office; office != "" && tEnd < len(toks) && r.is(toks[tEnd].Text, "of") {
		k := tEnd + 1
		if k < len(toks) && r.is(toks[k].Text, "the") {
			k++
		}
		if v, end := r.match(g.names, toks, k); v >= 0 {
			if e := g.nameEntries[v]; e.kind != kindPlain || g.ents[e.ent].Type == TypeOrganization {
				if h, ok := g.holder(office, e.ent, r.day); ok {
					r.emit(si, i, end, g.ents[h], r.personModifies(toks, end))
					return end
				}
			}
		}
	}
	if v, end := r.match(g.names, toks, tEnd); v >= 0 {
		if e := g.ents[g.nameEntries[v].ent]; e.Type == TypePerson {
			r.emit(si, tEnd, end, e, r.personModifies(toks, end))
			return end
		}
		return tEnd
	}
	switch n := r.nameRun(toks, tEnd); {
	case n >= 2:
		if p, ok := r.person(tEnd, tEnd+n); ok {
			r.emit(si, tEnd, tEnd+n, p, r.personModifies(toks, tEnd+n))
		}
		return tEnd + n
	case n == 1:
		r.pending = append(r.pending, Mention{Sentence: si, Start: tEnd, End: tEnd + 1})
		return tEnd + 1
	}
	return tEnd
}

// speaker reads capitalised words the tables do not know as a person's name (rule 3).
func (r *recognizer) speaker(si int, toks []Token, i int) int {
	n := r.nameRun(toks, i)
	if n < 2 || !r.speaks(toks, i+n) && !r.standsAlone(toks, i, n) {
		return i
	}
	p, ok := r.person(i, i+n)
	if !ok {
		return i
	}
	r.emit(si, i, i+n, p, r.personModifies(toks, i+n))
	return i + n
}

// speaks reports whether a verb of speech is token i ("Marat Khusnullin told reporters").
func (r *recognizer) speaks(toks []Token, i int) bool {
	return i < len(toks) && clauseCues[toks[i].Lemma]&cueSay != 0 && isVerbTag(toks[i].Tag)
}

// standsAlone reports whether the name run at [i, i+n), of two or three words, stands
// where a person's name does (the second half of rule 3): it begins the run of capitalised
// words, follows no determiner, possessive or adjective ("the Southern Gas Corridor", "the
// ruling Republican Party"), each word has lowercase letters ("TPLF" is no name), and it comes
// before a finite verb ("Kylian Mbappe scored") or after a preposition of people ("with
// Luka Modric") with no noun after it. Words of place and organisation names
// (namewords.txt: "Square", "Airlines", "Party") end a run before it gets here.
func (r *recognizer) standsAlone(toks []Token, i, n int) bool {
	if n > 3 {
		return false
	}
	for _, t := range toks[i : i+n] {
		if !hasLower(t.Text) || t.Tag == "NNPS" { // "South Ossetians" are a people
			return false
		}
	}
	after := false
	if i > 0 {
		prev := toks[i-1]
		switch prev.Tag {
		case "DT", "PDT", "PRP$", "POS", "JJ", "JJR", "JJS", "CD", "NNP", "NNPS":
			return false
		}
		after = r.isWord(r.g.personPreps, prev.Text)
	}
	if i+n == len(toks) {
		return after
	}
	switch next := toks[i+n]; next.Tag {
	case "VBD", "VBZ", "VBP", "MD":
		return true
	case "POS", "NN", "NNS", "NNP", "NNPS":
		return false
	}
	return after
}

func hasLower(w string) bool {
	for _, c := range w {
		if unicode.IsLower(c) {
			return true
		}
	}
	return false
}

// place reads a place the tables do not know from the words around it (rule 4): one to three
// capitalised words after a place noun and "of" ("the eastern town of Kostiantynivka",
// "the village of Novoprokopivka"), or before a place noun after "the" or a preposition of
// place ("the Kupiansk district", the mention taking the noun as the tables' "Tovuz
// district" does; a capitalised noun is part of the name: "Charles City"). Each place is
// remembered, so that the article's later bare mentions of it are that place too (see
// learntPlaces).
func (r *recognizer) place(si int, toks []Token, i int) int {
	if r.headIs(toks, i, headPlace, headTerritory) {
		_, of := r.match(r.g.heads, toks, i)
		if of+1 >= len(toks) || !r.is(toks[of].Text, "of") {
			return i
		}
		start := of + 1
		n := r.nameRun(toks, start)
		if n < 1 || n > 3 || r.runsOn(toks, start+n) {
			return i
		}
		if e, ok := r.newPlace(start, start+n); ok {
			r.emit(si, start, start+n, e, r.modifies(toks, start+n))
			return start + n
		}
		return i
	}
	if i == 0 || toks[i-1].Tag != "DT" && !r.isWord(r.g.locatives, toks[i-1].Text) {
		return i
	}
	n := r.nameRun(toks, i)
	if n < 1 || n > 3 || !r.headIs(toks, i+n, headPlace, headTerritory) {
		return i
	}
	_, end := r.match(r.g.heads, toks, i+n)
	nameEnd := i + n
	if startsUpper(toks[i+n].Text) { // "Charles City", "the Walloon Region": part of the name
		nameEnd = end
	}
	if e, ok := r.newPlace(i, nameEnd); ok {
		r.emit(si, i, end, e, r.modifies(toks, end))
		return end
	}
	return i
}

// newPlace is the Location of a place named at tokens [start, end) that the tables do not
// know, remembered for the rest of the article.
func (r *recognizer) newPlace(start, end int) (Entity, bool) {
	name := spanText(r.sent, start, end)
	slug := Slug(name)
	if slug == "" {
		return Entity{}, false
	}
	e := Entity{Name: name, ID: "ent:" + slug, Type: TypeLocation}
	if r.places == nil {
		r.places = map[string]Entity{}
	}
	r.places[foldWords(r.sent.Tokens[start:end])] = e
	return e, true
}

// person is the entity of a person first met under a name the tables do not know. A name
// with no Latin spelling ("Си Цзиньпин") would have an empty ID: it names no entity.
func (r *recognizer) person(start, end int) (Entity, bool) {
	name := spanText(r.sent, start, end)
	slug := Slug(name)
	return Entity{Name: name, ID: "ent:" + slug, Type: TypePerson}, slug != ""
}

// nameRun returns how many tokens from token i can be a person's name: up to four
// capitalised proper nouns that are not weekdays, pronouns or the like (notnames.txt) nor
// words of organisation and place names (namewords.txt) and start no name of the tables,
// with lowercase particles between them ("Mohammed bin Abdulrahman Al Thani").
func (r *recognizer) nameRun(toks []Token, i int) int {
	n, words := 0, 0
	for k := i; k < len(toks) && words < 4; k++ {
		t := toks[k]
		if words > 0 && k+1 < len(toks) && r.isWord(r.g.particles, t.Text) && !startsUpper(t.Text) {
			continue
		}
		// The tagger often calls an unknown first name that begins a sentence an adjective
		// ("Kylian/JJ Mbappe/NNP scored").
		first := k == 0 && t.Tag == "JJ" && k+1 < len(toks) && isNameWord(toks[k+1]) && isNameWord(Token{Text: t.Text, Tag: "NNP"})
		if !isNameWord(t) && !first && !(words > 0 && r.particleName(t.Text)) ||
			r.isWord(r.g.notNames, t.Text) || r.isWord(r.g.nameWords, t.Text) {
			break
		}
		if v, _ := r.match(r.g.names, toks, k); v >= 0 {
			break
		}
		if k > i && r.isTitle(toks, k) { // "Former President Olusegun Obasanjo"
			break
		}
		words++
		n = k - i + 1
	}
	return n
}

// particleName reports whether w is a name joined to its particle, whatever its tag:
// "al-Burhan", "el-Sisi", "bin-Zayed".
func (r *recognizer) particleName(w string) bool {
	left, right, ok := cutDash(w)
	return ok && !startsUpper(left) && r.isWord(r.g.particles, left) && isNameWord(Token{Text: right, Tag: "NNP"})
}

// runsOn reports whether a capitalised name word follows token i, making a one-word name
// before it part of a longer name the tables do not know ("the Trump Route").
func (r *recognizer) runsOn(toks []Token, i int) bool {
	if i >= len(toks) || !isNameWord(toks[i]) || r.isWord(r.g.notNames, toks[i].Text) {
		return false
	}
	v, _ := r.match(r.g.names, toks, i)
	return v < 0
}

// endsName reports whether the state or city name at token i ends a longer name the tables
// do not know, which names no state: "Real Madrid won". The word before it is a capitalised
// name word that no mention, title or common function word (notnames.txt) accounts for.
func (r *recognizer) endsName(si int, toks []Token, i int) bool {
	if i == 0 {
		return false
	}
	prev := toks[i-1]
	if prev.Tag != "NNP" || !isNameWord(prev) || !hasLower(prev.Text) || r.isWord(r.g.notNames, prev.Text) ||
		r.isWord(r.g.nameWords, prev.Text) || r.isTitle(toks, i-1) {
		return false
	}
	last := len(r.out) - 1
	return last < 0 || r.out[last].Sentence != si || r.out[last].End < i
}

// startsName reports whether a capitalised name begins at token i ("the Russian president
// Vladimir Putin" is no office phrase: the name after the title says who).
func (r *recognizer) startsName(toks []Token, i int) bool {
	if i >= len(toks) || !isNameWord(toks[i]) || r.isWord(r.g.notNames, toks[i].Text) {
		return false
	}
	return true
}

// modifies reports whether what follows token i makes the name ending before it a
// modifier: a possessive, a title, or a common noun after at most two adjectives
// ("Russia's", "Kremlin spokesman", "EU foreign policy chief", "the Karabakh conflict").
func (r *recognizer) modifies(toks []Token, i int) bool {
	if i < len(toks) && isPossessive(toks[i].Text) {
		return true
	}
	proper := false // a capitalised word came first: only a title makes a modifier now
	for k := i; k < len(toks) && k < i+3; k++ {
		t := toks[k]
		if r.isTitle(toks, k) {
			return true
		}
		switch {
		case (t.Tag == "NN" || t.Tag == "NNS") && !startsUpper(t.Text):
			// The tagger calls verbs it has not seen nouns ("the White House disagreed/NN"):
			// a word in -ed is taken for a verb.
			return !proper && !strings.HasSuffix(t.Text, "ed") && !r.isWord(r.g.timeNouns, t.Lemma)
		case (t.Tag == "NNP" || t.Tag == "NNPS") && startsUpper(t.Text):
			if k == i && r.runsOn(toks, k) && hasLower(t.Text) {
				// a longer name the tables do not know: "Malaysia Airlines", "the Russian
				// Orthodox Church", "Kocharyan's Armenia Alliance"
				return true
			}
			// "Ukrainian Infrastructure Minister": a title may start later
			proper = true
		case t.Tag != "JJ":
			return false
		}
	}
	return false
}

// isTitle reports whether a title starts at token k, singular or plural (the tagger may
// call plural titles verbs: "U.S. envoys/VBZ met").
func (r *recognizer) isTitle(toks []Token, k int) bool {
	if v, _ := r.match(r.g.titles, toks, k); v >= 0 {
		return true
	}
	n := r.g.titles.next[toks[k].Lemma]
	return n != nil && n.rules != nil
}

// personModifies is modifies for people: only a possessive or a title ("Putin's",
// "Putin ally"), as the tagger often takes the verb after an unfamiliar name for a noun.
func (r *recognizer) personModifies(toks []Token, i int) bool {
	return i < len(toks) && (isPossessive(toks[i].Text) || r.isTitle(toks, i))
}

// is reports whether w folds to the given folded word, without allocating.
func (r *recognizer) is(w, folded string) bool {
	r.buf = foldInto(r.buf, w)
	return string(r.buf) == folded
}

// isWord reports whether w is in a folded word set, without allocating.
func (r *recognizer) isWord(set map[string]bool, w string) bool {
	in, _ := lookupFolded(r, set, w)
	return in
}

// lookupFolded looks w up by its fold, without allocating.
func lookupFolded[V any](r *recognizer, m map[string]V, w string) (V, bool) {
	r.buf = foldInto(r.buf, w)
	v, ok := m[string(r.buf)]
	return v, ok
}

func isPossessive(w string) bool {
	return w == "'s" || w == "’s" || w == "'" || w == "’"
}

// isNameWord reports whether a token can be part of a person's name: a capitalised
// proper noun of letters, with inner hyphens and apostrophes ("Ter-Petrosyan", "O'Brien").
func isNameWord(t Token) bool {
	if t.Tag != "NNP" && t.Tag != "NNPS" || !startsUpper(t.Text) {
		return false
	}
	for _, c := range t.Text {
		if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c)
}

// lowerWord lowercases a common word written with a capital at a sentence's start.
func lowerWord(w string) string {
	c, n := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(c) {
		return w
	}
	return string(unicode.ToLower(c)) + w[n:]
}
