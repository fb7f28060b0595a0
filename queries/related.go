package queries

import (
	"context"
	"fmt"
	"slices"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

// RelatedTo shows the conflict threads an entity takes part in (or the one conflict it names)
// as episodes over time, each with its mediators and main facts, and the other threads that
// share a party or a mediator with them. See the package documentation for how threads and
// episodes live in the graph.
func RelatedTo(ctx context.Context, qs cgraph.QuadStore, name string, opts RelatedOptions) (*Related, error) {
	opts = opts.withDefaults()
	r := newReader(ctx, qs)
	e, err := r.resolve(name)
	if err != nil {
		return nil, fmt.Errorf("related: %w", err)
	}
	ids := []string{e.ID}
	if e.Type != extract.TypeConflict {
		if ids, err = r.involvedIn(e.ID); err != nil {
			return nil, fmt.Errorf("related %s: %w", e.ID, err)
		}
	}
	rel := &Related{Entity: e, Threads: []Thread{}, Linked: []LinkedThread{}}
	own := map[string]bool{}
	for _, id := range ids {
		own[id] = true
	}
	// Collect the links by ID first: a country in a hundred threads links to thousands of
	// others, and only the best-linked are shown.
	type link struct {
		conflict, from, via string
		shared              Entity
	}
	var links []link
	seen := map[[4]string]bool{}
	perConflict := map[string]int{}
	add := func(from, via string, shared Entity, to []string) {
		for _, t := range to {
			k := [4]string{t, from, via, shared.ID}
			if !own[t] && !seen[k] {
				seen[k] = true
				links = append(links, link{t, from, via, shared})
				perConflict[t]++
			}
		}
	}
	for _, id := range ids {
		th, err := r.thread(id, opts)
		if err != nil {
			return nil, fmt.Errorf("related %s: thread %s: %w", e.ID, id, err)
		}
		rel.Threads = append(rel.Threads, th)
		for _, p := range th.Parties {
			to, err := r.threadsOf(p.ID)
			if err != nil {
				return nil, fmt.Errorf("related %s: %w", e.ID, err)
			}
			add(id, "party", p, to)
		}
		for _, m := range th.Mediators {
			to, err := r.involvedIn(m.Entity.ID)
			if err != nil {
				return nil, fmt.Errorf("related %s: %w", e.ID, err)
			}
			add(id, "mediator", m.Entity, to)
		}
	}
	sort.SliceStable(links, func(i, j int) bool {
		a, b := links[i], links[j]
		if perConflict[a.conflict] != perConflict[b.conflict] {
			return perConflict[a.conflict] > perConflict[b.conflict]
		}
		if a.conflict != b.conflict {
			return a.conflict < b.conflict
		}
		if a.via != b.via {
			return a.via > b.via // party before mediator
		}
		if a.shared.ID != b.shared.ID {
			return a.shared.ID < b.shared.ID
		}
		return a.from < b.from
	})
	if len(links) > opts.Linked {
		rel.MoreLinked = len(links) - opts.Linked
		links = links[:opts.Linked]
	}
	for _, l := range links {
		c, err := r.entity(l.conflict)
		if err != nil {
			return nil, fmt.Errorf("related %s: %w", e.ID, err)
		}
		rel.Linked = append(rel.Linked, LinkedThread{Conflict: c, From: l.from, Via: l.via, Shared: l.shared})
	}
	return rel, nil
}

func (o RelatedOptions) withDefaults() RelatedOptions {
	if o.GapDays <= 0 {
		o.GapDays = DefaultGapDays
	}
	if o.MainFacts <= 0 {
		o.MainFacts = DefaultMainFacts
	}
	if o.Linked <= 0 {
		o.Linked = DefaultLinked
	}
	return o
}

// threadsOf lists the conflict threads an entity is a party of.
func (r *reader) threadsOf(id string) ([]string, error) {
	if ts, ok := r.threads[id]; ok {
		return ts, nil
	}
	ts, err := r.strings(quad.Subject, filter{quad.Predicate, graph.NGParty}, filter{quad.Object, quad.IRI(id)})
	if err != nil {
		return nil, fmt.Errorf("threads of %s: %w", id, err)
	}
	r.threads[id] = ts
	return ts, nil
}

// involvedIn lists the threads an entity is a party of or mediates, sorted.
func (r *reader) involvedIn(id string) ([]string, error) {
	parties, err := r.threadsOf(id)
	if err != nil {
		return nil, err
	}
	mediated, err := r.mediatedBy(id)
	if err != nil {
		return nil, err
	}
	all := append(parties[:len(parties):len(parties)], mediated...)
	sort.Strings(all)
	return all, nil
}

// mediatedBy lists the threads in which an entity mediates: the threads of its
// mediate-class statements and of statements whose object is the conflict itself, where it
// is not a party.
func (r *reader) mediatedBy(id string) ([]string, error) {
	rs, err := r.ofRole(graph.NGSubject, id)
	if err != nil {
		return nil, err
	}
	sts, err := r.statements(rs, false)
	if err != nil {
		return nil, fmt.Errorf("threads mediated by %s: %w", id, err)
	}
	set := map[string]bool{}
	for _, st := range sts {
		if st.thread != "" && (st.class == extract.ClassMediate || st.object == st.thread) {
			set[st.thread] = true
		}
	}
	var out []string
	for t := range set {
		parties, err := r.strings(quad.Object, filter{quad.Subject, quad.IRI(t)}, filter{quad.Predicate, graph.NGParty})
		if err != nil {
			return nil, fmt.Errorf("threads mediated by %s: %w", id, err)
		}
		if !slices.Contains(parties, id) {
			out = append(out, t)
		}
	}
	sort.Strings(out)
	return out, nil
}

// mediatorTypes are the entity types that can mediate. "The ceasefire ended the conflict"
// names no mediator, and a topic taken for one would link every thread it is mentioned in.
var mediatorTypes = []string{extract.TypePerson, extract.TypeCountry, extract.TypeOrganization}

// thread reads one conflict thread and splits it into episodes.
func (r *reader) thread(id string, opts RelatedOptions) (Thread, error) {
	c, err := r.entity(id)
	if err != nil {
		return Thread{}, err
	}
	th := Thread{Conflict: c, Parties: []Entity{}, Episodes: []Episode{}, Mediators: []Mediator{}}
	pids, err := r.strings(quad.Object, filter{quad.Subject, quad.IRI(id)}, filter{quad.Predicate, graph.NGParty})
	if err != nil {
		return th, fmt.Errorf("read parties: %w", err)
	}
	parties := map[string]bool{}
	for _, p := range pids {
		e, err := r.entity(p)
		if err != nil {
			return th, err
		}
		th.Parties = append(th.Parties, e)
		parties[p] = true
	}
	rs, err := r.nodes(quad.Subject, filter{quad.Predicate, graph.NGThread}, filter{quad.Object, quad.IRI(id)})
	if err != nil {
		return th, fmt.Errorf("read statements: %w", err)
	}
	sts, err := r.statements(rs, true)
	if err != nil {
		return th, err
	}
	th.Statements = len(sts)
	for _, st := range sts {
		if graph.IsHostile(st.class) {
			th.Hostile++
		}
	}
	events, err := r.events(sts)
	if err != nil {
		return th, err
	}
	mediation := func(ev Event) bool {
		return (ev.Class == extract.ClassMediate || ev.Object.ID == id) && !parties[ev.Subject.ID] && ev.Subject.ID != id &&
			slices.Contains(mediatorTypes, ev.Subject.Type)
	}
	for _, ev := range events {
		if ev.Date != "" {
			if th.First == "" {
				th.First = ev.Date
			}
			th.Last = ev.Date
		}
	}
	th.Mediators = mediators(events, mediation)
	for _, sp := range episodes(events, opts.GapDays) {
		ep := Episode{Start: sp.start, End: sp.end, Hostile: sp.hostile, Events: len(sp.events),
			Mediators: mediators(sp.events, mediation), Main: mainEvents(sp.events, opts.MainFacts)}
		th.Episodes = append(th.Episodes, ep)
	}
	return th, nil
}

// span is an episode being built: the days its hostile events cover, and every event in
// or near it.
type span struct {
	first, last int
	start, end  string
	hostile     int
	events      []Event
}

// episodes groups hostile events (already in date order) into spans separated by quiet gaps
// of more than gap days. Hostile events known to the day or month make the spans; one known
// only to the year joins the first span within its year, or else becomes a span of its own,
// so that "clashes in 2020" does not merge July 2020 with the autumn war. Every other dated
// event joins the nearest span within gap days of it.
func episodes(events []Event, gap int) []*span {
	var spans []*span
	var yearOnly, rest []Event
	for _, ev := range events {
		lo, hi, ok := days(ev.Date)
		switch {
		case !ok:
		case !graph.IsHostile(ev.Class):
			rest = append(rest, ev)
		case len(ev.Date) == 4:
			yearOnly = append(yearOnly, ev)
		default:
			n := len(spans)
			if n == 0 || lo-spans[n-1].last > gap {
				spans = append(spans, &span{first: lo, last: hi, start: ev.Date, end: ev.Date})
				n++
			}
			sp := spans[n-1]
			if hi > sp.last {
				sp.last, sp.end = hi, ev.Date
			}
			sp.hostile++
			sp.events = append(sp.events, ev)
		}
	}
	for _, ev := range yearOnly {
		lo, hi, _ := days(ev.Date)
		var in *span
		for _, sp := range spans {
			if sp.first <= hi && sp.last >= lo {
				in = sp
				break
			}
		}
		if in == nil {
			in = &span{first: lo, last: hi, start: ev.Date, end: ev.Date}
			spans = append(spans, in)
			sort.SliceStable(spans, func(i, j int) bool { return spans[i].first < spans[j].first })
		}
		in.hostile++
		in.events = append(in.events, ev)
	}
	for _, ev := range rest {
		lo, hi, _ := days(ev.Date)
		var best *span
		bestDist := gap + 1
		for _, sp := range spans {
			dist := 0 // the intervals overlap
			if hi < sp.first {
				dist = sp.first - hi
			} else if lo > sp.last {
				dist = lo - sp.last
			}
			if dist < bestDist {
				best, bestDist = sp, dist
			}
		}
		if best != nil {
			best.events = append(best.events, ev)
		}
	}
	for _, sp := range spans {
		sort.SliceStable(sp.events, func(i, j int) bool { return eventLess(sp.events[i], sp.events[j]) })
	}
	return spans
}

// mediators counts, per entity, the statements of the events that are mediation.
func mediators(events []Event, mediation func(Event) bool) []Mediator {
	counts := map[string]*Mediator{}
	var out []Mediator
	for _, ev := range events {
		if !mediation(ev) {
			continue
		}
		m, ok := counts[ev.Subject.ID]
		if !ok {
			m = &Mediator{Entity: ev.Subject}
			counts[ev.Subject.ID] = m
		}
		m.Statements += len(ev.Evidence)
	}
	for _, m := range counts {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Statements != out[j].Statements {
			return out[i].Statements > out[j].Statements
		}
		return out[i].Entity.ID < out[j].Entity.ID
	})
	if out == nil {
		out = []Mediator{}
	}
	return out
}

// mainEvents picks the n best-attested events, hostile ones first on a tie, in date order.
func mainEvents(events []Event, n int) []Event {
	ranked := append([]Event(nil), events...)
	sort.SliceStable(ranked, func(i, j int) bool {
		a, b := ranked[i], ranked[j]
		if len(a.Evidence) != len(b.Evidence) {
			return len(a.Evidence) > len(b.Evidence)
		}
		return graph.IsHostile(a.Class) && !graph.IsHostile(b.Class)
	})
	if len(ranked) > n {
		ranked = ranked[:n]
	}
	sort.SliceStable(ranked, func(i, j int) bool { return eventLess(ranked[i], ranked[j]) })
	return ranked
}
