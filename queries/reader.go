package queries

import (
	"context"
	"fmt"
	"sort"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// reader reads the store for one query, caching what it resolves so that a node, value,
// entity or article is looked up once per query. It is not safe for concurrent use.
type reader struct {
	ctx  context.Context
	qs   cgraph.QuadStore
	refs map[quad.Value]cgraph.Ref // ValueOf; a nil Ref means absent from the store
	vals map[any]quad.Value        // NameOf, by refs.ToKey
	ents map[string]Entity
	arts map[string]article
	// fields maps the ref key of each statement predicate to the field it fills.
	fields map[any]stmtField
	// stmts caches statements read in full, by ref key.
	stmts map[any]statement
	// roles caches the statements an entity is subject or object of, by role and ref key.
	roles map[roleKey][]cgraph.Ref
}

func newReader(ctx context.Context, qs cgraph.QuadStore) *reader {
	return &reader{
		ctx: ctx, qs: qs,
		refs: map[quad.Value]cgraph.Ref{}, vals: map[any]quad.Value{},
		ents: map[string]Entity{}, arts: map[string]article{},
		stmts: map[any]statement{}, roles: map[roleKey][]cgraph.Ref{},
	}
}

// ref is the store's reference of a value, or nil if the store does not hold it.
func (r *reader) ref(v quad.Value) (cgraph.Ref, error) {
	if ref, ok := r.refs[v]; ok {
		return ref, nil
	}
	ref, err := r.qs.ValueOf(v)
	if err != nil {
		return nil, fmt.Errorf("look up %s: %w", v, err)
	}
	r.refs[v] = ref
	if ref != nil {
		r.vals[refs.ToKey(ref)] = v
	}
	return ref, nil
}

// values resolves refs to values in one batch for those not seen before.
func (r *reader) values(rs []cgraph.Ref) ([]quad.Value, error) {
	var missing []cgraph.Ref
	for _, ref := range rs {
		if _, ok := r.vals[refs.ToKey(ref)]; !ok && ref != nil {
			missing = append(missing, ref)
		}
	}
	if len(missing) > 0 {
		vs, err := cgraph.ValuesOf(r.ctx, r.qs, missing)
		if err != nil {
			return nil, fmt.Errorf("read %d values: %w", len(missing), err)
		}
		for i, v := range vs {
			r.vals[refs.ToKey(missing[i])] = v
		}
	}
	out := make([]quad.Value, len(rs))
	for i, ref := range rs {
		if ref != nil {
			out[i] = r.vals[refs.ToKey(ref)]
		}
	}
	return out, nil
}

// filter fixes one direction of a quad to a value.
type filter struct {
	dir quad.Direction
	val quad.Value
}

// nodes lists, without repeats, the values in direction result of the quads matching all
// filters. Cayley's key-value stores answer a subject+predicate or object+predicate pair
// from one index prefix.
func (r *reader) nodes(result quad.Direction, filters ...filter) ([]cgraph.Ref, error) {
	q := make(shape.Quads, 0, len(filters))
	for _, f := range filters {
		ref, err := r.ref(f.val)
		if err != nil {
			return nil, err
		}
		if ref == nil {
			return nil, nil
		}
		q = append(q, shape.QuadFilter{Dir: f.dir, Values: shape.Fixed{ref}})
	}
	it := shape.BuildIterator(r.ctx, r.qs, shape.NodesFrom{Dir: result, Quads: q}).Iterate()
	defer it.Close()
	seen := map[any]bool{}
	var out []cgraph.Ref
	for it.Next(r.ctx) {
		ref := it.Result()
		if k := refs.ToKey(ref); !seen[k] {
			seen[k] = true
			out = append(out, ref)
		}
	}
	if err := it.Err(); err != nil {
		return nil, fmt.Errorf("read %s of quads %v: %w", result, filters, err)
	}
	return out, nil
}

// strings is nodes resolved to sorted strings (IRIs without brackets).
func (r *reader) strings(result quad.Direction, filters ...filter) ([]string, error) {
	rs, err := r.nodes(result, filters...)
	if err != nil {
		return nil, err
	}
	vs, err := r.values(rs)
	if err != nil {
		return nil, err
	}
	out := make([]string, 0, len(vs))
	for _, v := range vs {
		if v != nil {
			out = append(out, text(v))
		}
	}
	sort.Strings(out)
	return out, nil
}

// scan calls fn with every quad that has node in direction dir.
func (r *reader) scan(dir quad.Direction, node cgraph.Ref, fn func(q cgraph.Ref) error) error {
	it := r.qs.QuadIterator(dir, node).Iterate()
	defer it.Close()
	for it.Next(r.ctx) {
		if err := fn(it.Result()); err != nil {
			return err
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("scan quads by %s: %w", dir, err)
	}
	return r.ctx.Err()
}

// text is the plain string of a value: an IRI without brackets, a literal without quotes.
func text(v quad.Value) string {
	switch v := v.(type) {
	case quad.IRI:
		return string(v)
	case quad.String:
		return string(v)
	case nil:
		return ""
	}
	return fmt.Sprint(quad.NativeOf(v))
}

// entity is the ID, name and type of a node. A node without a name is named by its ID.
func (r *reader) entity(id string) (Entity, error) {
	if e, ok := r.ents[id]; ok {
		return e, nil
	}
	names, err := r.strings(quad.Object, filter{quad.Subject, quad.IRI(id)}, filter{quad.Predicate, graph.SchemaName})
	if err != nil {
		return Entity{}, fmt.Errorf("read name of %s: %w", id, err)
	}
	types, err := r.strings(quad.Object, filter{quad.Subject, quad.IRI(id)}, filter{quad.Predicate, graph.RDFType})
	if err != nil {
		return Entity{}, fmt.Errorf("read type of %s: %w", id, err)
	}
	e := Entity{ID: id, Name: id}
	if len(names) > 0 {
		e.Name = names[0] // canonical names agree across articles; the first keeps it stable
	}
	if len(types) > 0 {
		e.Type = strings.TrimPrefix(types[0], "ng:")
	}
	r.ents[id] = e
	return e, nil
}

// aliases are every alternate name the graph holds for an entity, sorted.
func (r *reader) aliases(id string) ([]string, error) {
	a, err := r.strings(quad.Object, filter{quad.Subject, quad.IRI(id)}, filter{quad.Predicate, graph.SchemaAltName})
	if err != nil {
		return nil, fmt.Errorf("read aliases of %s: %w", id, err)
	}
	return a, nil
}

// article is what evidence shows of an article.
type article struct {
	url, headline, published string
}

// article reads an article's URL, headline and publication date.
func (r *reader) article(id string) (article, error) {
	if a, ok := r.arts[id]; ok {
		return a, nil
	}
	var a article
	ref, err := r.ref(quad.IRI(id))
	if err != nil || ref == nil {
		return a, err
	}
	want := map[quad.IRI]*string{graph.SchemaURL: &a.url, graph.SchemaHeadline: &a.headline, graph.SchemaPublished: &a.published}
	byKey := map[any]*string{}
	for p, dst := range want {
		pref, err := r.ref(p)
		if err != nil {
			return a, err
		}
		if pref != nil {
			byKey[refs.ToKey(pref)] = dst
		}
	}
	var objs []cgraph.Ref
	var dsts []*string
	err = r.scan(quad.Subject, ref, func(q cgraph.Ref) error {
		p, err := r.qs.QuadDirection(q, quad.Predicate)
		if err != nil {
			return err
		}
		if dst, ok := byKey[refs.ToKey(p)]; ok {
			o, err := r.qs.QuadDirection(q, quad.Object)
			if err != nil {
				return err
			}
			objs, dsts = append(objs, o), append(dsts, dst)
		}
		return nil
	})
	if err != nil {
		return a, fmt.Errorf("read article %s: %w", id, err)
	}
	vs, err := r.values(objs)
	if err != nil {
		return a, fmt.Errorf("read article %s: %w", id, err)
	}
	for i, v := range vs {
		*dsts[i] = text(v)
	}
	r.arts[id] = a
	return a, nil
}
