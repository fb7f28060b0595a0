package extract

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// The gazetteer's data files, built by us from public facts. Each file's header says what its
// columns mean; gazetteerFiles lists them in the order they are read.
//
//go:embed data/countries.tsv data/people.tsv data/organizations.tsv data/places.tsv
//go:embed data/events.tsv data/institutions.tsv data/titles.tsv data/offices.tsv
//go:embed data/heads.tsv data/notnames.txt data/locatives.txt data/particles.txt data/personpreps.txt
//go:embed data/namewords.txt
var gazetteerData embed.FS

// defaultGazetteer is parsed from the embedded files on first use and shared: it is
// read-only after parsing, so any number of Recognize calls may use it at once.
var defaultGazetteer = sync.OnceValues(func() (*Gazetteer, error) {
	sub, err := fs.Sub(gazetteerData, "data")
	if err != nil {
		return nil, fmt.Errorf("open embedded gazetteer: %w", err)
	}
	return LoadGazetteer(sub)
})

// Gazetteer holds the names the entity recogniser knows: states with their aliases,
// adjectives, capitals and seats of power; people; organisations; places; named events;
// institutions of states; titles; offices and their holders. Build one with LoadGazetteer;
// it is safe for concurrent use.
type Gazetteer struct {
	ents []Entity // every entity the tables name; entries refer to them by index

	names  *trie // proper names and their variants → nameEntry
	titles *trie // titles before a name → titleEntry
	insts  *trie // institution forms after a state → index in instNames
	heads  *trie // head nouns after a state → headKind

	nameEntries  []nameEntry
	titleEntries []titleEntry
	instNames    []string         // canonical institution names, "Defense Ministry"
	instEnts     map[[2]int32]int // (state, institution) → entity index
	instState    map[string]int32 // institution entity ID → its state's entity index
	offices      map[officeKey][]officeTerm
	held         map[int32][]officeHeld // person → the offices they held, for "his army"
	adjectival   map[int32]string       // state → its first adjective ("Armenian"), for group names
	notNames     map[string]bool        // folded words that never start or continue a person's name
	locatives    map[string]bool        // folded prepositions after which a city is a place
	backers      map[string]bool        // folded second halves of "Russian-backed"
	timeNouns    map[string]bool        // folded nouns of time ("week"), which names do not modify
	particles    map[string]bool        // folded lowercase words inside names ("bin", "von")
	personPreps  map[string]bool        // folded prepositions after which an unknown name is a person ("with")
	nameWords    map[string]bool        // folded words of organisation and place names, never a person's ("Square")
	headKinds    []headKind
	entByID      map[string]int32
	actorByName  map[string]int32 // folded canonical state or organisation name → entity index
}

// nameKind says how a matched name behaves in context.
type nameKind uint8

const (
	kindPlain           nameKind = iota // a person, organisation, place or event: itself
	kindState                           // a state's name or alias: the state
	kindAdjectival                      // a state's adjective: modifies a head noun
	kindCity                            // a capital or seat city: the actor it stands for, or a Location after "in"
	kindSeat                            // a seat of power ("the Kremlin"): always the state
	kindPeople                          // a people ("Armenians"): a group of its own, not the state
	kindPlaceAdjectival                 // a place's adjective ("Abkhaz"): with head nouns a group of the place
)

type nameEntry struct {
	ent   int32 // entity the name stands for
	place int32 // for kindCity, the city as a Location; else -1
	kind  nameKind
}

type titleEntry struct {
	office string // office key for offices.tsv, "" when the title is no office
}

type headKind uint8

const (
	headState     headKind = iota // "the Armenian government" is Armenia; "Karabakh forces" a group
	headArm                       // "a Russian missile" is Russia; after a place, no group
	headGroup                     // "ethnic Armenian separatists" is a group of its own
	headConflict                  // "the Armenia-Azerbaijan clashes" is the pair's conflict
	headPlace                     // "the Terter district", "the Kyiv region" is the place
	headLocal                     // "Moscow time" is about the city, not the state
	headTerritory                 // "the breakaway region" is the place last named
	headCountry                   // "the country" is the state last named
)

// acting reports whether a head noun makes a state's name or adjective before it the state
// acting ("Azerbaijani forces", "a Russian missile").
func (k headKind) acting() bool { return k == headState || k == headArm }

type officeKey struct {
	office string
	of     int32 // entity index of the state or organisation
}

type officeTerm struct {
	holder   int32 // entity index of the person
	from, to time.Time
}

// officeHeld is a term seen from its holder.
type officeHeld struct {
	of   int32 // entity index of the state or organisation
	term officeTerm
}

// caseRule is what a name's word demands of the word in the text: lowercase words in the
// tables match any case; capitalised ones need a capital; all-capital ones ("US", "NATO")
// need all capitals, so that "us" and "who" are never countries or organisations.
type caseRule uint8

const (
	caseAny caseRule = iota
	caseInitial
	caseAll
)

// LoadGazetteer reads the gazetteer tables from fsys (the layout of extract/data). Every
// problem is reported with its file and line; a name that two tables give to different
// entities is an error, since the recogniser could not choose between them.
func LoadGazetteer(fsys fs.FS) (*Gazetteer, error) {
	g := &Gazetteer{
		names: newTrie(), titles: newTrie(), insts: newTrie(), heads: newTrie(),
		instEnts:    map[[2]int32]int{},
		instState:   map[string]int32{},
		offices:     map[officeKey][]officeTerm{},
		held:        map[int32][]officeHeld{},
		adjectival:  map[int32]string{},
		entByID:     map[string]int32{},
		actorByName: map[string]int32{},
	}
	l := loader{g: g, fsys: fsys}
	l.countries()
	l.plain("people.tsv", TypePerson)
	l.organizations()
	l.places()
	l.plain("events.tsv", TypeEvent)
	l.addPeoples()
	l.institutions()
	l.titlesFile()
	l.officesFile()
	l.headsFile()
	g.notNames = l.words("notnames.txt")
	g.locatives = l.words("locatives.txt")
	g.particles = l.words("particles.txt")
	g.personPreps = l.words("personpreps.txt")
	g.nameWords = l.words("namewords.txt")
	if len(l.errs) > 0 {
		return nil, fmt.Errorf("load gazetteer:\n%s", strings.Join(l.errs, "\n"))
	}
	return g, nil
}

// loader collects every problem in the tables instead of stopping at the first.
type loader struct {
	g    *Gazetteer
	fsys fs.FS
	errs []string
	// where each folded name was first defined, to report clashes with both places
	defined map[string]string
	// peoples derived from the states' adjectives, added once every table is read
	peoples []people
}

type people struct {
	r      row
	state  int32 // the state or place whose adjective it is
	plural string
}

// plural is the people an adjective of a state or place names, when English forms it with
// "s": "Armenian" → "Armenians", "Azerbaijani" → "Azerbaijanis", "Serb" → "Serbs". Other
// peoples ("the French", "Turks", "the Chinese") are not derived: no rule spells them.
func plural(adj string) (string, bool) {
	switch adj[len(adj)-1] {
	case 'n', 'i', 'k', 'b':
		return adj + "s", true
	}
	return "", false
}

// addPeoples adds the peoples of the states' adjectives, each a group named by the plural
// of its state's first adjective ("Azeris" are ent:azerbaijanis). A plural another table
// already names (an organisation, a place) is that name: the tables win over the rule.
func (l *loader) addPeoples() {
	groups := map[int32]int32{} // state → its people
	for _, p := range l.peoples {
		if words, _ := tokenizeName(p.plural); l.g.names.has(words) {
			continue
		}
		e, ok := groups[p.state]
		if !ok {
			e = l.entity(p.r, p.plural, TypeOrganization)
			groups[p.state] = e
		}
		l.addName(p.r, p.plural, nameEntry{ent: e, place: -1, kind: kindPeople})
	}
}

func (l *loader) errorf(file string, line int, format string, args ...any) {
	l.errs = append(l.errs, fmt.Sprintf("%s:%d: %s", file, line, fmt.Sprintf(format, args...)))
}

// rows returns the data rows of a table: tab-separated fields, without blank and "#" lines,
// each checked to have exactly n fields.
func (l *loader) rows(file string, n int) []row {
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.errs = append(l.errs, fmt.Sprintf("read %s: %v", file, err))
		return nil
	}
	if !utf8.Valid(data) {
		l.errs = append(l.errs, fmt.Sprintf("%s: not valid UTF-8", file))
		return nil
	}
	var out []row
	for i, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		if len(fields) != n {
			l.errorf(file, i+1, "%d fields, want %d (tab-separated)", len(fields), n)
			continue
		}
		for j := range fields {
			fields[j] = strings.TrimSpace(fields[j])
		}
		if fields[0] == "" {
			l.errorf(file, i+1, "empty first field")
			continue
		}
		out = append(out, row{file: file, line: i + 1, f: fields})
	}
	return out
}

type row struct {
	file string
	line int
	f    []string
}

// alts splits a "|"-separated field into its non-empty alternatives.
func alts(field string) []string {
	var out []string
	for _, a := range strings.Split(field, "|") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
}

// entity returns the index of the entity with this name and type, adding it when new.
// Two different entities whose names slug alike would be one node in the graph: an error.
func (l *loader) entity(r row, name, typ string) int32 {
	id := "ent:" + Slug(name)
	if id == "ent:" {
		l.errorf(r.file, r.line, "name %q has no letters or digits", name)
		return -1
	}
	if i, ok := l.g.entByID[id]; ok {
		if e := l.g.ents[i]; e.Name != name || e.Type != typ {
			l.errorf(r.file, r.line, "%s %q has the ID %s of %s %q", typ, name, id, e.Type, e.Name)
		}
		return i
	}
	i := int32(len(l.g.ents))
	l.g.ents = append(l.g.ents, Entity{Name: name, ID: id, Type: typ})
	l.g.entByID[id] = i
	return i
}

// addName puts one written form of a name into the names trie.
func (l *loader) addName(r row, form string, e nameEntry) {
	if e.ent < 0 {
		return
	}
	words, rules := tokenizeName(form)
	if len(words) == 0 {
		l.errorf(r.file, r.line, "name %q has no words", form)
		return
	}
	key := strings.Join(words, " ")
	idx, existed := l.g.names.lookupKey(words)
	if existed {
		if prev := l.g.nameEntries[idx]; prev != e {
			l.errorf(r.file, r.line, "%q already names %s (%s)", form, l.g.ents[prev.ent].ID, l.defined[key])
			return
		}
		l.g.names.addRule(words, rules)
		return
	}
	if l.defined == nil {
		l.defined = map[string]string{}
	}
	l.defined[key] = fmt.Sprintf("%s:%d", r.file, r.line)
	l.g.names.add(words, rules, int32(len(l.g.nameEntries)))
	l.g.nameEntries = append(l.g.nameEntries, nameEntry{ent: e.ent, place: e.place, kind: e.kind})
}

func (l *loader) countries() {
	for _, r := range l.rows("countries.tsv", 5) {
		name, aliases, adjs, capitals, seats := r.f[0], r.f[1], r.f[2], r.f[3], r.f[4]
		st := l.entity(r, name, TypeCountry)
		l.g.actorByName[fold(name)] = st
		for _, a := range append([]string{name}, alts(aliases)...) {
			l.addName(r, a, nameEntry{ent: st, place: -1, kind: kindState})
		}
		for i, a := range alts(adjs) {
			if i == 0 {
				l.g.adjectival[st] = a
			}
			l.addName(r, a, nameEntry{ent: st, place: -1, kind: kindAdjectival})
		}
		for _, a := range alts(adjs) {
			if p, ok := plural(a); ok {
				l.peoples = append(l.peoples, people{r, st, p})
			}
		}
		for _, city := range strings.Split(capitals, ";") {
			forms := alts(city)
			if len(forms) == 0 {
				continue
			}
			place := l.entity(r, forms[0], TypeLocation)
			for _, a := range forms {
				l.addName(r, a, nameEntry{ent: st, place: place, kind: kindCity})
			}
		}
		for _, a := range alts(seats) {
			l.addName(r, a, nameEntry{ent: st, place: -1, kind: kindSeat})
		}
	}
}

// plain reads a table of name ~ aliases rows of one entity type.
func (l *loader) plain(file, typ string) {
	for _, r := range l.rows(file, 2) {
		e := l.entity(r, r.f[0], typ)
		for _, a := range append([]string{r.f[0]}, alts(r.f[1])...) {
			l.addName(r, a, nameEntry{ent: e, place: -1, kind: kindPlain})
		}
	}
}

// places reads the places with their adjectives ("Abkhaz"), whose plurals are peoples.
func (l *loader) places() {
	for _, r := range l.rows("places.tsv", 3) {
		e := l.entity(r, r.f[0], TypeLocation)
		for _, a := range append([]string{r.f[0]}, alts(r.f[1])...) {
			l.addName(r, a, nameEntry{ent: e, place: -1, kind: kindPlain})
		}
		for _, a := range alts(r.f[2]) {
			l.addName(r, a, nameEntry{ent: e, place: -1, kind: kindPlaceAdjectival})
			if p, ok := plural(a); ok {
				l.peoples = append(l.peoples, people{r, e, p})
			}
		}
	}
}

func (l *loader) organizations() {
	for _, r := range l.rows("organizations.tsv", 3) {
		org := l.entity(r, r.f[0], TypeOrganization)
		l.g.actorByName[fold(r.f[0])] = org
		for _, a := range append([]string{r.f[0]}, alts(r.f[1])...) {
			l.addName(r, a, nameEntry{ent: org, place: -1, kind: kindPlain})
		}
		for _, city := range alts(r.f[2]) {
			place := l.entity(r, city, TypeLocation)
			l.addName(r, city, nameEntry{ent: org, place: place, kind: kindCity})
		}
	}
}

// institutions reads the institutions of states and makes one organisation per state and
// institution: "Azerbaijan Defense Ministry", ent:azerbaijan_defense_ministry.
func (l *loader) institutions() {
	var states []int32
	for _, i := range l.g.actorByName {
		if l.g.ents[i].Type == TypeCountry {
			states = append(states, i)
		}
	}
	for _, r := range l.rows("institutions.tsv", 3) {
		inst := int32(len(l.g.instNames))
		l.g.instNames = append(l.g.instNames, r.f[0])
		for _, form := range alts(r.f[1]) {
			words, rules := tokenizeName(form)
			if _, dup := l.g.insts.lookupKey(words); dup {
				l.errorf(r.file, r.line, "institution form %q listed twice", form)
				continue
			}
			l.g.insts.add(words, rules, inst)
		}
		for _, st := range states {
			l.instEntity(r, st, inst)
		}
		for _, proper := range alts(r.f[2]) {
			state, name, ok := strings.Cut(proper, ":")
			st, known := l.g.actorByName[fold(state)]
			if !ok || !known {
				l.errorf(r.file, r.line, "%q: want State:Name with a state of countries.tsv", proper)
				continue
			}
			l.addName(r, name, nameEntry{ent: l.instEntity(r, st, inst), place: -1, kind: kindPlain})
		}
	}
}

func (l *loader) instEntity(r row, st, inst int32) int32 {
	k := [2]int32{st, inst}
	if e, ok := l.g.instEnts[k]; ok {
		return int32(e)
	}
	stName := l.g.ents[st].Name
	e := Entity{
		Name: stName + " " + l.g.instNames[inst],
		ID:   "ent:" + Slug(stName) + "_" + Slug(l.g.instNames[inst]),
		Type: TypeOrganization,
	}
	if prev, clash := l.g.entByID[e.ID]; clash {
		l.errorf(r.file, r.line, "%s is both %q and %q", e.ID, e.Name, l.g.ents[prev].Name)
		return prev
	}
	i := int32(len(l.g.ents))
	l.g.ents = append(l.g.ents, e)
	l.g.entByID[e.ID] = i
	l.g.instEnts[k] = int(i)
	l.g.instState[e.ID] = st
	return i
}

func (l *loader) titlesFile() {
	for _, r := range l.rows("titles.tsv", 2) {
		for _, form := range alts(r.f[0]) {
			words, rules := tokenizeName(form)
			if idx, dup := l.g.titles.lookupKey(words); dup {
				if l.g.titleEntries[idx].office != r.f[1] {
					l.errorf(r.file, r.line, "title %q listed twice with different offices", form)
				}
				l.g.titles.addRule(words, rules)
				continue
			}
			l.g.titles.add(words, rules, int32(len(l.g.titleEntries)))
			l.g.titleEntries = append(l.g.titleEntries, titleEntry{office: r.f[1]})
		}
	}
}

func (l *loader) officesFile() {
	offices := map[string]bool{}
	for _, t := range l.g.titleEntries {
		offices[t.office] = true
	}
	for _, r := range l.rows("offices.tsv", 5) {
		office, of, holder, from, to := r.f[0], r.f[1], r.f[2], r.f[3], r.f[4]
		if !offices[office] || office == "" {
			l.errorf(r.file, r.line, "office %q is no office of titles.tsv", office)
			continue
		}
		st, ok := l.g.actorByName[fold(of)]
		if !ok {
			l.errorf(r.file, r.line, "%q is no state or organisation of countries.tsv or organizations.tsv", of)
			continue
		}
		t := officeTerm{holder: l.entity(r, holder, TypePerson)}
		var err error
		if t.from, err = time.Parse(time.DateOnly, from); err != nil {
			l.errorf(r.file, r.line, "from %q: want YYYY-MM-DD", from)
			continue
		}
		if to != "" {
			if t.to, err = time.Parse(time.DateOnly, to); err != nil || !t.to.After(t.from) {
				l.errorf(r.file, r.line, "to %q: want YYYY-MM-DD after from", to)
				continue
			}
		}
		k := officeKey{office, st}
		for _, prev := range l.g.offices[k] {
			if overlaps(prev, t) {
				l.errorf(r.file, r.line, "%s of %s: %s overlaps the term of %s", office, of,
					l.g.ents[t.holder].Name, l.g.ents[prev.holder].Name)
			}
		}
		l.g.offices[k] = append(l.g.offices[k], t)
		l.g.held[t.holder] = append(l.g.held[t.holder], officeHeld{st, t})
	}
}

func overlaps(a, b officeTerm) bool {
	aEnds := !a.to.IsZero()
	bEnds := !b.to.IsZero()
	return (!aEnds || b.from.Before(a.to)) && (!bEnds || a.from.Before(b.to))
}

func (l *loader) headsFile() {
	kinds := map[string]headKind{"state": headState, "arm": headArm, "group": headGroup, "conflict": headConflict, "place": headPlace, "local": headLocal, "territory": headTerritory, "country": headCountry}
	l.g.backers = map[string]bool{}
	l.g.timeNouns = map[string]bool{}
	for _, r := range l.rows("heads.tsv", 2) {
		if set := map[string]map[string]bool{"sponsor": l.g.backers, "time": l.g.timeNouns}[r.f[1]]; set != nil {
			for _, w := range alts(r.f[0]) {
				set[fold(w)] = true
			}
			continue
		}
		k, ok := kinds[r.f[1]]
		if !ok {
			l.errorf(r.file, r.line, "kind %q: want state, arm, group, conflict, place, local, territory, country, sponsor or time", r.f[1])
			continue
		}
		for _, form := range alts(r.f[0]) {
			words, rules := tokenizeName(form)
			if _, dup := l.g.heads.lookupKey(words); dup {
				l.errorf(r.file, r.line, "head %q listed twice", form)
				continue
			}
			l.g.heads.add(words, rules, int32(len(l.g.headKinds)))
			l.g.headKinds = append(l.g.headKinds, k)
		}
	}
}

// words reads a list of one word a line, without blank and "#" lines, as folded words.
func (l *loader) words(file string) map[string]bool {
	set := map[string]bool{}
	data, err := fs.ReadFile(l.fsys, file)
	if err != nil {
		l.errs = append(l.errs, fmt.Sprintf("read %s: %v", file, err))
		return set
	}
	for _, line := range strings.Split(string(data), "\n") {
		if w := strings.TrimSpace(line); w != "" && w[0] != '#' {
			set[fold(w)] = true
		}
	}
	return set
}

// holder returns the person holding an office of a state or organisation on a day, when
// the offices table knows it.
func (g *Gazetteer) holder(office string, of int32, day time.Time) (int32, bool) {
	if day.IsZero() {
		return -1, false
	}
	for _, t := range g.offices[officeKey{office, of}] {
		if !day.Before(t.from) && (t.to.IsZero() || day.Before(t.to)) {
			return t.holder, true
		}
	}
	return -1, false
}

// servedBy returns the state or organisation a person held an office of on a day, when the
// offices table knows it ("Ilham Aliyev" in 2020 → Azerbaijan).
func (g *Gazetteer) servedBy(person string, day time.Time) (int32, bool) {
	p, ok := g.entByID[person]
	if !ok || day.IsZero() {
		return -1, false
	}
	for _, h := range g.held[p] {
		if !day.Before(h.term.from) && (h.term.to.IsZero() || day.Before(h.term.to)) {
			return h.of, true
		}
	}
	return -1, false
}

// tokenizeName splits a name from the tables into folded words exactly as Analyze splits
// text ("Russia's" → "russia", "'s"), with the case rule of each word.
func tokenizeName(s string) ([]string, []caseRule) {
	toks := tokens(s)
	words := make([]string, len(toks))
	rules := make([]caseRule, len(toks))
	for i, t := range toks {
		words[i] = fold(t.Text)
		rules[i] = ruleOf(t.Text)
	}
	return words, rules
}

func ruleOf(w string) caseRule {
	upper, lower := 0, 0
	for _, r := range w {
		switch {
		case unicode.IsUpper(r):
			upper++
		case unicode.IsLower(r):
			lower++
		}
	}
	switch {
	case upper >= 2 && lower == 0:
		return caseAll
	case startsUpper(w):
		return caseInitial
	}
	// "al-Sisi", "von der Leyen": a lowercase particle matches either way
	return caseAny
}

// satisfies reports whether a word of the text meets a case rule.
func satisfies(w string, rule caseRule) bool {
	switch rule {
	case caseInitial:
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	case caseAll:
		for _, r := range w {
			if unicode.IsLower(r) {
				return false
			}
		}
	}
	return true
}

// trie maps sequences of folded words to values, so that the longest name starting at a
// token is found by walking forward one map lookup per word.
type trie struct {
	next  map[string]*trie
	value int32
	rules [][]caseRule // case rules of each written form ending here; nil when no name ends here
}

func newTrie() *trie { return &trie{next: map[string]*trie{}, value: -1} }

func (t *trie) node(words []string) *trie {
	n := t
	for _, w := range words {
		c := n.next[w]
		if c == nil {
			c = newTrie()
			n.next[w] = c
		}
		n = c
	}
	return n
}

func (t *trie) add(words []string, rules []caseRule, value int32) {
	n := t.node(words)
	n.value = value
	n.rules = append(n.rules, rules)
}

func (t *trie) addRule(words []string, rules []caseRule) {
	n := t.node(words)
	n.rules = append(n.rules, rules)
}

// has reports whether a name ends at words.
func (t *trie) has(words []string) bool {
	_, ok := t.lookupKey(words)
	return ok
}

func (t *trie) lookupKey(words []string) (int32, bool) {
	n := t
	for _, w := range words {
		if n = n.next[w]; n == nil {
			return -1, false
		}
	}
	return n.value, n.rules != nil
}

// foldInto puts the fold of w into buf[:0]; see appendFold.
func foldInto(buf []byte, w string) []byte { return appendFold(buf[:0], w) }

// appendFold appends the fold of w to buf. ASCII words, nearly all of news text, are
// lowercased without allocating; others take the general path through fold.
func appendFold(buf []byte, w string) []byte {
	n := len(buf)
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return append(buf[:n], fold(w)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf = append(buf, c)
	}
	return buf
}

// foldSpecial maps letters that carry no combining mark but have a plain-Latin spelling in
// English news, and the typographic apostrophe.
var foldSpecial = strings.NewReplacer("ı", "i", "ł", "l", "ø", "o", "đ", "d", "ß", "ss",
	"æ", "ae", "œ", "oe", "þ", "th", "’", "'", "‘", "'", "ʼ", "'")

// fold is the form names are compared in: lowercase, without diacritics, with straight
// apostrophes ("Erdoğan" and "Erdogan", "Russia’s" and "Russia's" meet).
func fold(s string) string {
	s = strings.ToLower(s)
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return s
	}
	s = foldSpecial.Replace(norm.NFD.String(s))
	var b strings.Builder
	for _, r := range s {
		if !unicode.Is(unicode.Mn, r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Slug turns a name into the local part of an ID: lowercase ASCII words joined by "_",
// diacritics stripped ("Nagorno-Karabakh" → "nagorno_karabakh", "Erdoğan" → "erdogan").
// Words without a Latin spelling are dropped; a name with none gives "".
func Slug(name string) string {
	var b strings.Builder
	pending := false
	for _, r := range fold(name) {
		if r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if pending && b.Len() > 0 {
				b.WriteByte('_')
			}
			pending = false
			b.WriteRune(r)
			continue
		}
		if r != '\'' {
			pending = true
		}
	}
	return b.String()
}
