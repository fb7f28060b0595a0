package graph

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

// hostileClasses are the event classes that make a statement between two parties
// part of their conflict thread and count towards its episodes.
var hostileClasses = map[string]bool{
	extract.ClassAccuse: true, extract.ClassThreaten: true, extract.ClassAttack: true,
	extract.ClassFight: true, extract.ClassSeize: true, extract.ClassSanction: true,
}

// threadClasses are the classes that join a statement between two parties to their
// thread without being hostile themselves: how the conflict is handled.
var threadClasses = map[string]bool{
	extract.ClassNegotiate: true, extract.ClassAgree: true, extract.ClassWithdraw: true, extract.ClassMediate: true,
}

// IsHostile reports whether an event class is a conflict event (as opposed to cooperation).
func IsHostile(class string) bool { return hostileClasses[class] }

// partyTypes are the entity types that can be parties to a conflict thread.
var partyTypes = map[string]bool{extract.TypeCountry: true, extract.TypeOrganization: true}

// ThreadID is the conflict IRI of two parties: "conflict:armenia--azerbaijan", parties sorted,
// so that both directions of a fact land in one thread.
func ThreadID(a, b string) string {
	x, y := localName(a), localName(b)
	if y < x {
		x, y = y, x
	}
	return "conflict:" + x + "--" + y
}

func localName(id string) string {
	if i := strings.IndexByte(id, ':'); i >= 0 {
		return id[i+1:]
	}
	return id
}

// Thread returns the conflict thread a fact belongs to, or "" if none: a fact whose object is
// a conflict belongs to it ("Russia mediates Armenia–Azerbaijan"); a hostile or thread-class fact
// between two parties (countries, organisations) belongs to theirs.
func Thread(f extract.Fact) string {
	if f.Object.Type == extract.TypeConflict {
		return f.Object.ID
	}
	if f.Subject.ID == f.Object.ID || !partyTypes[f.Subject.Type] || !partyTypes[f.Object.Type] {
		return ""
	}
	if hostileClasses[f.Class] || threadClasses[f.Class] {
		return ThreadID(f.Subject.ID, f.Object.ID)
	}
	return ""
}

// Threads returns the conflict thread of each of an article's facts ("" for none). A fact's
// own thread comes first (see Thread). Then the article's context: news about a conflict
// reports hostile acts whose other side is a place or a thing ("Azerbaijan shelled
// Stepanakert") and mediation by third parties ("Russia brokered a truce"), and those belong to
// the conflict the article is about. That is the thread most of its facts belong to or, when
// no fact names one, the two parties (countries, organisations) most involved in its hostile
// and conflict-handling facts. A hostile or conflict-handling fact joins it when one of its parties is the subject or
// the object; a mediation joins it whoever mediates.
func Threads(facts []extract.Fact) []string {
	threads := make([]string, len(facts))
	count := map[string]int{}
	for i, f := range facts {
		threads[i] = Thread(f)
		if threads[i] != "" {
			count[threads[i]]++
		}
	}
	main := mostCommon(count)
	if main == "" {
		involved := map[string]int{}
		for _, f := range facts {
			// Signing a ceasefire or withdrawing marks the parties as surely as fighting;
			// a mediator is not a party.
			if hostileClasses[f.Class] || (threadClasses[f.Class] && f.Class != extract.ClassMediate) {
				for _, e := range []extract.Entity{f.Subject, f.Object} {
					if partyTypes[e.Type] {
						involved[e.ID]++
					}
				}
			}
		}
		first := mostCommon(involved)
		delete(involved, first)
		if second := mostCommon(involved); second != "" {
			main = ThreadID(first, second)
		}
	}
	a, b, ok := parties(main)
	if !ok {
		return threads
	}
	for i, f := range facts {
		if threads[i] != "" || f.Subject.ID == f.Object.ID {
			continue
		}
		involves := f.Subject.ID == a || f.Subject.ID == b || f.Object.ID == a || f.Object.ID == b
		if f.Class == extract.ClassMediate || (involves && (hostileClasses[f.Class] || threadClasses[f.Class])) {
			threads[i] = main
		}
	}
	return threads
}

// parties are the entity IDs of a conflict thread's two parties: conflict:a--b → ent:a, ent:b.
func parties(conflict string) (a, b string, ok bool) {
	x, y, ok := strings.Cut(strings.TrimPrefix(conflict, "conflict:"), "--")
	return "ent:" + x, "ent:" + y, ok && strings.HasPrefix(conflict, "conflict:")
}

// mostCommon is the key with the highest count, the first in sorted order on a tie; "" if none.
func mostCommon(count map[string]int) string {
	best := ""
	for _, k := range slices.Sorted(maps.Keys(count)) {
		if count[k] > count[best] {
			best = k
		}
	}
	return best
}

// ArticleQuads maps one article and its facts to quads, all labelled with the article IRI, in a
// deterministic order: the same input always yields the same quads, which is what makes
// loading idempotent. It does not include the article's load record (see Store.Load).
//
// Per fact it writes the direct edge subject –rel:predicate→ object (what paths walk) and a
// statement node stmt:<article hash>-<n> carrying the fact's details and evidence.
func ArticleQuads(a extract.Article, facts []extract.Fact) []quad.Quad {
	label := quad.IRI(a.ID)
	var qs []quad.Quad
	add := func(s quad.Value, p quad.IRI, o quad.Value) {
		qs = append(qs, quad.Quad{Subject: s, Predicate: p, Object: o, Label: label})
	}
	art := quad.IRI(a.ID)
	add(art, RDFType, SchemaNewsArticle)
	if a.Title != "" {
		add(art, SchemaHeadline, quad.String(a.Title))
	}
	if a.URL != "" {
		add(art, SchemaURL, quad.String(a.URL))
	}
	if !a.Published.IsZero() {
		add(art, SchemaPublished, quad.String(a.Published.Format("2006-01-02")))
	}
	if a.Publisher != "" {
		add(art, SchemaPublisher, quad.String(a.Publisher))
	}

	entities := map[string]extract.Entity{}
	merge := func(e extract.Entity) {
		old, ok := entities[e.ID]
		if !ok {
			entities[e.ID] = extract.Entity{ID: e.ID, Name: e.Name, Type: e.Type, Aliases: append([]string(nil), e.Aliases...)}
			return
		}
		old.Aliases = append(old.Aliases, e.Aliases...)
		entities[e.ID] = old
	}
	threads := map[string]bool{}
	predicates := map[string]bool{}
	stmtPrefix := "stmt:" + localName(a.ID) + "-"
	factThreads := Threads(facts)
	for n, f := range facts {
		merge(f.Subject)
		merge(f.Object)
		s, o := quad.IRI(f.Subject.ID), quad.IRI(f.Object.ID)
		add(s, RelIRI(f.Predicate), o)
		predicates[f.Predicate] = true

		st := quad.IRI(fmt.Sprintf("%s%d", stmtPrefix, n))
		add(st, RDFType, Statement)
		add(st, NGSubject, s)
		add(st, NGPredicate, quad.String(f.Predicate))
		add(st, NGObject, o)
		if f.Date != "" {
			add(st, NGDate, quad.String(f.Date))
			add(st, NGPrecision, quad.String(f.DatePrecision))
			add(st, NGDateSource, quad.String(f.DateSource))
		}
		if f.Class != "" {
			add(st, NGClass, quad.String(f.Class))
		}
		if f.Modality != "" {
			add(st, NGModality, quad.String(f.Modality))
		}
		if f.AttributedTo != "" {
			add(st, NGAttributed, quad.IRI(f.AttributedTo))
		}
		add(st, NGSentence, quad.String(f.Sentence))
		add(st, NGOffset, quad.Int(f.Offset))
		add(st, NGSource, art)
		add(st, NGConfidence, quad.Float(f.Confidence))
		if t := factThreads[n]; t != "" {
			add(st, NGThread, quad.IRI(t))
			threads[t] = true
		}
	}

	for _, id := range slices.Sorted(maps.Keys(entities)) {
		e := entities[id]
		n := quad.IRI(id)
		if e.Type != "" { // facts from other extractors may leave the type out
			add(n, RDFType, TypeIRI(e.Type))
		}
		if e.Name != "" {
			add(n, SchemaName, quad.String(e.Name))
		}
		keys := map[string]bool{}
		if e.Name != "" {
			keys[NameKey(e.Name)] = true
		}
		for _, alias := range uniqueAliases(e) {
			add(n, SchemaAltName, quad.String(alias))
			keys[NameKey(alias)] = true
		}
		for _, k := range slices.Sorted(maps.Keys(keys)) {
			add(n, NGKey, quad.String(k))
		}
	}
	for _, p := range slices.Sorted(maps.Keys(predicates)) {
		add(RelIRI(p), RDFType, Relation)
	}
	tids := slices.Sorted(maps.Keys(threads))
	for _, t := range tids {
		if _, isEntity := entities[t]; isEntity {
			continue // already typed and named as the object of a fact
		}
		a, b, _ := parties(t)
		n := quad.IRI(t)
		add(n, RDFType, TypeIRI(extract.TypeConflict))
		add(n, SchemaName, quad.String(ConflictName(entities[a].Name, entities[b].Name)))
	}
	for _, t := range append(tids, conflictObjects(entities)...) {
		if a, b, ok := parties(t); ok {
			add(quad.IRI(t), NGParty, quad.IRI(a))
			add(quad.IRI(t), NGParty, quad.IRI(b))
		}
	}
	return dedupe(qs)
}

// ConflictName is the display name of the conflict between two parties: "Armenia–Azerbaijan".
func ConflictName(a, b string) string {
	if b < a {
		a, b = b, a
	}
	return a + "–" + b
}

func conflictObjects(entities map[string]extract.Entity) []string {
	var ids []string
	for id, e := range entities {
		if e.Type == extract.TypeConflict {
			ids = append(ids, id)
		}
	}
	sort.Strings(ids)
	return ids
}

func uniqueAliases(e extract.Entity) []string {
	seen := map[string]bool{e.Name: true}
	var out []string
	for _, a := range e.Aliases {
		if !seen[a] {
			seen[a] = true
			out = append(out, a)
		}
	}
	sort.Strings(out)
	return out
}

// dedupe drops repeated quads (the same edge stated twice in one article) keeping first order.
func dedupe(qs []quad.Quad) []quad.Quad {
	seen := make(map[quad.Quad]bool, len(qs))
	out := qs[:0]
	for _, q := range qs {
		if !seen[q] {
			seen[q] = true
			out = append(out, q)
		}
	}
	return out
}

// linesHash is the content hash of an article's quads, written as record lines
// (tripleLines): it identifies the exact set of quads the article writes, and re-loading an
// article whose hash is unchanged is a no-op. The label is left out: all of an article's
// quads carry its IRI, which the first quad names anyway.
func linesHash(lines []string) string {
	h := sha256.New()
	for _, l := range lines {
		io.WriteString(h, l)
		h.Write([]byte{'\n'})
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}
