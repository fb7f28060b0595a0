package queries

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// DefaultSearchLimit is the number of matches Search returns when asked for zero.
const DefaultSearchLimit = 20

// Resolve finds the one entity a user means by name: its ID ("ent:russia"), its name or an
// alias, ignoring case and the kind of dash ("Armenia-Azerbaijan" finds Armenia–Azerbaijan).
// A name match beats an alias match. It returns an error wrapping ErrNotFound when nothing
// matches, and an *AmbiguousError listing the candidates when several match equally.
//
// Names are answered from the ng:key index, never by scanning.
func Resolve(ctx context.Context, qs cgraph.QuadStore, name string) (Entity, error) {
	return newReader(ctx, qs).resolve(name)
}

func (r *reader) resolve(name string) (Entity, error) {
	name = strings.TrimSpace(name)
	if name == "" {
		return Entity{}, fmt.Errorf("resolve: empty name: %w", ErrNotFound)
	}
	if strings.Contains(name, ":") {
		e, err := r.entity(name)
		if err != nil {
			return Entity{}, fmt.Errorf("resolve %q: %w", name, err)
		}
		if slices.Contains(graph.EntityTypes, e.Type) {
			return e, nil
		}
	}
	// Every name and alias is indexed under its graph.NameKey, so one index lookup finds all
	// the entities a name can mean, whatever its case or dashes.
	ids, err := r.strings(quad.Subject, filter{quad.Predicate, graph.NGKey}, filter{quad.Object, quad.String(graph.NameKey(name))})
	if err != nil {
		return Entity{}, fmt.Errorf("resolve %q: %w", name, err)
	}
	if len(ids) <= 1 {
		return r.pick(name, ids)
	}
	// A name match beats an alias match: "Aliyev" is Ilham Aliyev's alias and Heydar
	// Aliyev's too, but "Ilham Aliyev" is only one of them.
	var byName []string
	for _, id := range ids {
		e, err := r.entity(id)
		if err != nil {
			return Entity{}, fmt.Errorf("resolve %q: %w", name, err)
		}
		if graph.NameKey(e.Name) == graph.NameKey(name) {
			byName = append(byName, id)
		}
	}
	if len(byName) > 0 {
		return r.pick(name, byName)
	}
	return r.pick(name, ids)
}

// pick returns the only candidate or an *AmbiguousError.
func (r *reader) pick(name string, ids []string) (Entity, error) {
	var cands []Entity
	for _, id := range ids {
		e, err := r.entity(id)
		if err != nil {
			return Entity{}, err
		}
		if !slices.Contains(graph.EntityTypes, e.Type) {
			continue // not an entity: a statement or article that shares the string
		}
		cands = append(cands, e)
	}
	switch len(cands) {
	case 0:
		return Entity{}, fmt.Errorf("resolve %q: %w", name, ErrNotFound)
	case 1:
		return cands[0], nil
	}
	sort.Slice(cands, func(i, j int) bool { return cands[i].ID < cands[j].ID })
	return Entity{}, &AmbiguousError{Name: name, Candidates: cands}
}

// allEntities lists every entity of the entity types with its name, type and aliases:
// for each type the object+predicate index gives its members, then two index prefixes per
// member give names and aliases.
func (r *reader) allEntities() ([]Entity, error) {
	var out []Entity
	for _, t := range graph.EntityTypes {
		ids, err := r.strings(quad.Subject, filter{quad.Predicate, graph.RDFType}, filter{quad.Object, graph.TypeIRI(t)})
		if err != nil {
			return nil, fmt.Errorf("list %s entities: %w", t, err)
		}
		for _, id := range ids {
			if _, ok := r.ents[id]; !ok {
				name, err := r.nameOf(id)
				if err != nil {
					return nil, fmt.Errorf("read name of %s: %w", id, err)
				}
				vs, err := r.values([]cgraph.Ref{name})
				if err != nil {
					return nil, err
				}
				r.ents[id] = Entity{ID: id, Name: cmp.Or(text(vs[0]), id), Type: t} // the type is known
			}
			e := r.ents[id]
			var err error
			if e.Aliases, err = r.aliases(id); err != nil {
				return nil, err
			}
			out = append(out, e)
		}
	}
	return out, nil
}

// Search lists up to limit entities (DefaultSearchLimit when limit <= 0) whose name or
// alias contains text, ignoring case: exact names first, then exact aliases, then names
// and aliases that start with text or have a word that does, then any that contain it;
// shorter names first within a rank. It scans every entity's names.
func Search(ctx context.Context, qs cgraph.QuadStore, text string, limit int) ([]Entity, error) {
	if limit <= 0 {
		limit = DefaultSearchLimit
	}
	want := graph.NameKey(text)
	if want == "" {
		return nil, fmt.Errorf("search: empty text")
	}
	r := newReader(ctx, qs)
	all, err := r.allEntities()
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", text, err)
	}
	type hit struct {
		e    Entity
		rank int
	}
	var hits []hit
	for _, e := range all {
		rank := matchRank(graph.NameKey(e.Name), want, 0)
		for _, a := range e.Aliases {
			if ar := matchRank(graph.NameKey(a), want, 1); ar < rank {
				rank = ar
			}
		}
		if rank < noMatch {
			hits = append(hits, hit{e, rank})
		}
	}
	sort.Slice(hits, func(i, j int) bool {
		a, b := hits[i], hits[j]
		if a.rank != b.rank {
			return a.rank < b.rank
		}
		if len(a.e.Name) != len(b.e.Name) {
			return len(a.e.Name) < len(b.e.Name)
		}
		return a.e.ID < b.e.ID
	})
	out := make([]Entity, 0, min(limit, len(hits)))
	for _, h := range hits {
		if len(out) == limit {
			break
		}
		out = append(out, h.e)
	}
	return out, nil
}

const noMatch = 1 << 10

// matchRank ranks how well a folded name matches folded text: 0/1 equal (name/alias),
// 2 prefix or word prefix, 3 contains; noMatch otherwise.
func matchRank(name, text string, alias int) int {
	switch {
	case name == text:
		return alias
	case strings.HasPrefix(name, text) || strings.Contains(name, " "+text) || strings.Contains(name, "-"+text):
		return 2
	case strings.Contains(name, text):
		return 3
	}
	return noMatch
}
