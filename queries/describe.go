package queries

import (
	"context"
	"fmt"
	"sort"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// profileTop is how many predicates and neighbours a Profile lists.
const profileTop = 10

// Describe profiles an entity: its type, name and aliases, how many articles mention it and
// how many facts it is in, the first and last event dates of those facts, its most frequent
// predicates and neighbours, and the conflict threads it is a party of.
func Describe(ctx context.Context, qs cgraph.QuadStore, name string) (*Profile, error) {
	r := newReader(ctx, qs)
	e, err := r.resolve(name)
	if err != nil {
		return nil, fmt.Errorf("describe: %w", err)
	}
	if e.Aliases, err = r.aliases(e.ID); err != nil {
		return nil, fmt.Errorf("describe %s: %w", e.ID, err)
	}
	p := &Profile{Entity: e, Predicates: []Count{}, Neighbours: []Neighbour{}, Threads: []Entity{}}
	// Every article that mentions an entity types it in its own label.
	labels, err := r.nodes(quad.Label, filter{quad.Subject, quad.IRI(e.ID)}, filter{quad.Predicate, graph.RDFType})
	if err != nil {
		return nil, fmt.Errorf("describe %s: count articles: %w", e.ID, err)
	}
	p.Articles = len(labels)
	rs, err := r.involving(e.ID, "")
	if err != nil {
		return nil, fmt.Errorf("describe %s: %w", e.ID, err)
	}
	sts, err := r.statements(rs, false)
	if err != nil {
		return nil, fmt.Errorf("describe %s: %w", e.ID, err)
	}
	p.Facts = len(sts)
	preds, neigh := map[string]int{}, map[string]int{}
	for _, st := range sts {
		other := st.subject
		if st.subject == e.ID {
			p.AsSubject++
			other = st.object
		}
		preds[st.predicate]++
		neigh[other]++
		if st.date != "" {
			if p.FirstSeen == "" || st.date < p.FirstSeen {
				p.FirstSeen = st.date
			}
			if st.date > p.LastSeen {
				p.LastSeen = st.date
			}
		}
	}
	for _, c := range top(preds, profileTop) {
		p.Predicates = append(p.Predicates, c)
	}
	for _, c := range top(neigh, profileTop) {
		n, err := r.entity(c.Name)
		if err != nil {
			return nil, fmt.Errorf("describe %s: %w", e.ID, err)
		}
		p.Neighbours = append(p.Neighbours, Neighbour{Entity: n, Facts: c.Count})
	}
	threads, err := r.threadsOf(e.ID)
	if err != nil {
		return nil, fmt.Errorf("describe %s: %w", e.ID, err)
	}
	for _, t := range threads {
		c, err := r.entity(t)
		if err != nil {
			return nil, fmt.Errorf("describe %s: %w", e.ID, err)
		}
		p.Threads = append(p.Threads, c)
	}
	return p, nil
}

// top is the n most frequent names, ties by name.
func top(counts map[string]int, n int) []Count {
	out := make([]Count, 0, len(counts))
	for name, c := range counts {
		out = append(out, Count{Name: name, Count: c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Name < out[j].Name
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
