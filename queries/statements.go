package queries

import (
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// statement is one stmt:… node read back from the graph.
type statement struct {
	iri                        string
	subject, predicate, object string
	date, precision            string
	class, modality            string
	attributed, source, thread string
	sentence                   string // empty when read without sentences
	offset                     int
	confidence                 float64
}

type stmtField int

const (
	fSubject stmtField = iota
	fPredicate
	fObject
	fDate
	fPrecision
	fClass
	fModality
	fAttributed
	fSentence
	fOffset
	fSource
	fConfidence
	fThread
)

var stmtPredicates = map[quad.IRI]stmtField{
	graph.NGSubject: fSubject, graph.NGPredicate: fPredicate, graph.NGObject: fObject,
	graph.NGDate: fDate, graph.NGPrecision: fPrecision, graph.NGClass: fClass,
	graph.NGModality: fModality, graph.NGAttributed: fAttributed, graph.NGSentence: fSentence,
	graph.NGOffset: fOffset, graph.NGSource: fSource, graph.NGConfidence: fConfidence,
	graph.NGThread: fThread,
}

// statementFields resolves the statement predicates once per reader.
func (r *reader) statementFields() (map[any]stmtField, error) {
	if r.fields != nil {
		return r.fields, nil
	}
	fields := map[any]stmtField{}
	for p, f := range stmtPredicates {
		ref, err := r.ref(p)
		if err != nil {
			return nil, err
		}
		if ref != nil {
			fields[refs.ToKey(ref)] = f
		}
	}
	r.fields = fields
	return fields, nil
}

// statements reads statement nodes: one subject-prefix scan each, then all their values in
// one batch. Without sentences it skips the largest values, for queries that only count.
func (r *reader) statements(rs []cgraph.Ref, sentences bool) ([]statement, error) {
	fields, err := r.statementFields()
	if err != nil {
		return nil, err
	}
	type cell struct {
		stmt  int
		field stmtField
	}
	out := make([]statement, len(rs))
	var todo []int
	var nodes []cgraph.Ref
	for i, s := range rs {
		if st, ok := r.stmts[refs.ToKey(s)]; ok {
			out[i] = st
			continue
		}
		todo, nodes = append(todo, i), append(nodes, s)
	}
	// found[j] holds the fields of statement todo[j].
	found, kinds, err := scanFields(r, nodes, fields, func(f stmtField) bool { return f != fSentence || sentences })
	if err != nil {
		return nil, fmt.Errorf("read statements: %w", err)
	}
	var objs []cgraph.Ref
	var cells []cell
	for j, i := range todo {
		objs, cells = append(objs, nodes[j]), append(cells, cell{i, -1})
		for k, o := range found[j] {
			objs, cells = append(objs, o), append(cells, cell{i, kinds[j][k]})
		}
	}
	vs, err := r.values(objs)
	if err != nil {
		return nil, fmt.Errorf("read %d statements: %w", len(todo), err)
	}
	for j, v := range vs {
		st := &out[cells[j].stmt]
		switch cells[j].field {
		case -1:
			st.iri = text(v)
		case fSubject:
			st.subject = text(v)
		case fPredicate:
			st.predicate = text(v)
		case fObject:
			st.object = text(v)
		case fDate:
			st.date = text(v)
		case fPrecision:
			st.precision = text(v)
		case fClass:
			st.class = text(v)
		case fModality:
			st.modality = text(v)
		case fAttributed:
			st.attributed = text(v)
		case fSentence:
			st.sentence = text(v)
		case fOffset:
			if n, ok := v.(quad.Int); ok {
				st.offset = int(n)
			}
		case fSource:
			st.source = text(v)
		case fConfidence:
			if f, ok := v.(quad.Float); ok {
				st.confidence = float64(f)
			}
		case fThread:
			st.thread = text(v)
		}
	}
	if sentences {
		for _, i := range todo {
			r.stmts[refs.ToKey(rs[i])] = out[i]
		}
	}
	return out, nil
}

// roleKey names the statements in which an entity (id) plays a part (ng:subject, ng:object).
type roleKey struct {
	role quad.IRI
	id   string
}

// ofRole lists the statements whose subject (graph.NGSubject) or object (graph.NGObject)
// is the entity, from the object+predicate index.
func (r *reader) ofRole(p quad.IRI, id string) ([]cgraph.Ref, error) {
	k := roleKey{p, id}
	if rs, ok := r.roles[k]; ok {
		return rs, nil
	}
	rs, err := r.nodes(quad.Subject, filter{quad.Predicate, p}, filter{quad.Object, quad.IRI(id)})
	if err != nil {
		return nil, fmt.Errorf("find statements of %s: %w", id, err)
	}
	r.roles[k] = rs
	return rs, nil
}

// involving lists the statements with the entity as subject or object, or, when other is
// not empty, those linking the two in either direction.
func (r *reader) involving(id, other string) ([]cgraph.Ref, error) {
	subj, err := r.ofRole(graph.NGSubject, id)
	if err != nil {
		return nil, err
	}
	obj, err := r.ofRole(graph.NGObject, id)
	if err != nil {
		return nil, err
	}
	if other == "" {
		return union(subj, obj), nil
	}
	osubj, err := r.ofRole(graph.NGSubject, other)
	if err != nil {
		return nil, err
	}
	oobj, err := r.ofRole(graph.NGObject, other)
	if err != nil {
		return nil, err
	}
	return union(intersect(subj, oobj), intersect(osubj, obj)), nil
}

func union(a, b []cgraph.Ref) []cgraph.Ref {
	seen := make(map[any]bool, len(a)+len(b))
	out := make([]cgraph.Ref, 0, len(a)+len(b))
	for _, s := range [][]cgraph.Ref{a, b} {
		for _, ref := range s {
			if k := refs.ToKey(ref); !seen[k] {
				seen[k] = true
				out = append(out, ref)
			}
		}
	}
	return out
}

func intersect(a, b []cgraph.Ref) []cgraph.Ref {
	if len(b) < len(a) {
		a, b = b, a
	}
	in := make(map[any]bool, len(a))
	for _, ref := range a {
		in[refs.ToKey(ref)] = true
	}
	var out []cgraph.Ref
	for _, ref := range b {
		if in[refs.ToKey(ref)] {
			out = append(out, ref)
		}
	}
	return out
}

// evidence is a statement as shown to the user, with its article's URL and headline.
func (r *reader) evidence(st statement) (Evidence, error) {
	a, err := r.article(st.source)
	if err != nil {
		return Evidence{}, err
	}
	return Evidence{
		Statement: st.iri, Sentence: st.sentence, Offset: st.offset,
		Article: st.source, URL: a.url, Headline: a.headline, Published: a.published,
		Date: st.date, Precision: st.precision, Class: st.class, Modality: st.modality,
		AttributedTo: st.attributed, Confidence: st.confidence,
	}, nil
}

// events merges statements that state the same fact (subject, predicate, object and date)
// into one event carrying all their evidence, in event-date order.
func (r *reader) events(sts []statement) ([]Event, error) {
	var ids, arts []string
	for _, st := range sts {
		ids, arts = append(ids, st.subject, st.object), append(arts, st.source)
	}
	if err := r.entities(ids); err != nil {
		return nil, err
	}
	if err := r.articles(arts); err != nil {
		return nil, err
	}
	type key struct{ s, p, o, date string }
	byKey := map[key]*Event{}
	var keys []key
	for _, st := range sts {
		k := key{st.subject, st.predicate, st.object, st.date}
		ev, ok := byKey[k]
		if !ok {
			subj, err := r.entity(st.subject)
			if err != nil {
				return nil, err
			}
			obj, err := r.entity(st.object)
			if err != nil {
				return nil, err
			}
			ev = &Event{Date: st.date, Precision: st.precision, Subject: subj, Predicate: st.predicate, Object: obj, Class: st.class}
			byKey[k] = ev
			keys = append(keys, k)
		}
		e, err := r.evidence(st)
		if err != nil {
			return nil, err
		}
		ev.Evidence = append(ev.Evidence, e)
		if len(ev.Evidence) == 1 || st.confidence > ev.Confidence {
			ev.Confidence, ev.Modality = st.confidence, st.modality
		}
	}
	out := make([]Event, 0, len(keys))
	for _, k := range keys {
		ev := byKey[k]
		sortEvidence(ev.Evidence)
		out = append(out, *ev)
	}
	sort.SliceStable(out, func(i, j int) bool { return eventLess(out[i], out[j]) })
	return out, nil
}

// eventLess orders events by date (undated last), then subject, predicate and object IDs.
func eventLess(a, b Event) bool {
	if (a.Date == "") != (b.Date == "") {
		return b.Date == ""
	}
	if a.Date != b.Date {
		return a.Date < b.Date
	}
	if a.Subject.ID != b.Subject.ID {
		return a.Subject.ID < b.Subject.ID
	}
	if a.Predicate != b.Predicate {
		return a.Predicate < b.Predicate
	}
	return a.Object.ID < b.Object.ID
}

// sortEvidence orders evidence by event date, then article publication, then statement.
func sortEvidence(ev []Evidence) {
	sort.Slice(ev, func(i, j int) bool {
		if ev[i].Date != ev[j].Date {
			return ev[i].Date < ev[j].Date
		}
		if ev[i].Published != ev[j].Published {
			return ev[i].Published < ev[j].Published
		}
		return ev[i].Statement < ev[j].Statement
	})
}
