package queries

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/cayley/query/shape"
	"github.com/cayleygraph/quad"
	hkv "github.com/hidal-go/hidalgo/kv"

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
	// roles caches the statements an entity is subject or object of.
	roles map[roleKey][]cgraph.Ref
	// threads caches the threads an entity is a party of, by ID.
	threads map[string][]string
}

func newReader(ctx context.Context, qs cgraph.QuadStore) *reader {
	return &reader{
		ctx: ctx, qs: qs,
		refs: map[quad.Value]cgraph.Ref{}, vals: map[any]quad.Value{},
		ents: map[string]Entity{}, arts: map[string]article{},
		stmts: map[any]statement{}, roles: map[roleKey][]cgraph.Ref{}, threads: map[string][]string{},
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

// values resolves refs to values, fetching those not seen before in one batch.
func (r *reader) values(rs []cgraph.Ref) ([]quad.Value, error) {
	var missing []cgraph.Ref
	asked := map[any]bool{}
	for _, ref := range rs {
		k := refs.ToKey(ref)
		if _, ok := r.vals[k]; !ok && ref != nil && !asked[k] {
			asked[k] = true
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
			if iri, ok := v.(quad.IRI); ok {
				r.refs[iri] = missing[i] // saves a ValueOf when the IRI is looked up next
			}
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
// filters; one filter must fix the subject or the object.
func (r *reader) nodes(result quad.Direction, filters ...filter) ([]cgraph.Ref, error) {
	return r.lookup(result, 0, filters)
}

// first is the first value found in direction result of the quads matching all filters,
// or nil: for a property that every article states alike, such as an entity's name.
func (r *reader) first(result quad.Direction, filters ...filter) (cgraph.Ref, error) {
	rs, err := r.lookup(result, 1, filters)
	if err != nil || len(rs) == 0 {
		return nil, err
	}
	return rs[0], nil
}

// lookup lists up to limit values (all if limit is 0). Subject+predicate and
// object+predicate pairs are answered from one index prefix where the store has one (see
// indexShape). Otherwise the quads are read by a prefix scan of the fixed subject or object
// and the other filters are checked on each.
func (r *reader) lookup(result quad.Direction, limit int, filters []filter) ([]cgraph.Ref, error) {
	anchor := -1
	want := make([]any, len(filters))
	fixed := make([]cgraph.Ref, len(filters))
	dirs := map[quad.Direction]cgraph.Ref{}
	for i, f := range filters {
		ref, err := r.ref(f.val)
		if err != nil {
			return nil, err
		}
		if ref == nil {
			return nil, nil
		}
		want[i], fixed[i], dirs[f.dir] = refs.ToKey(ref), ref, ref
		if anchor < 0 && (f.dir == quad.Subject || f.dir == quad.Object) {
			anchor = i
		}
	}
	if anchor < 0 {
		return nil, fmt.Errorf("read quads %v: no subject or object to start from", filters)
	}
	seen := map[any]bool{}
	var out []cgraph.Ref
	add := func(v cgraph.Ref) bool {
		if k := refs.ToKey(v); v != nil && !seen[k] {
			seen[k] = true
			out = append(out, v)
		}
		return limit == 0 || len(out) < limit
	}
	if quads, ok := r.indexShape(dirs); ok {
		it := shape.BuildIterator(r.ctx, r.qs, shape.NodesFrom{Dir: result, Quads: quads}).Iterate()
		defer it.Close()
		for it.Next(r.ctx) && add(it.Result()) {
		}
		if err := it.Err(); err != nil {
			return nil, fmt.Errorf("read %s of quads %v: %w", result, filters, err)
		}
		return out, r.ctx.Err()
	}
	err := r.scan(filters[anchor].dir, fixed[anchor], func(q cgraph.Ref) error {
		for i, f := range filters {
			if i == anchor {
				continue
			}
			v, err := r.qs.QuadDirection(q, f.dir)
			if err != nil {
				return err
			}
			if refs.ToKey(v) != want[i] {
				return nil
			}
		}
		v, err := r.qs.QuadDirection(q, result)
		if err != nil {
			return err
		}
		if !add(v) {
			return errStop
		}
		return nil
	})
	if err != nil && err != errStop {
		return nil, fmt.Errorf("read %s of quads %v: %w", result, filters, err)
	}
	return out, nil
}

// opsIndex is the object, predicate, subject index that Cayley's key-value stores keep by
// default (kv.DefaultQuadIndexes), and package graph creates its stores with.
var opsIndex = kv.QuadIndex{Dirs: []quad.Direction{quad.Object, quad.Predicate, quad.Subject}}

// indexShape is the quad shape that reads a subject+predicate or object+predicate pair from
// one index prefix. Cayley's own optimisers turn a subject+predicate shape into a prefix
// scan (key-value stores) or a query (SQL). The key-value stores' optimiser uses the object
// index only when object, predicate and subject are all fixed, so for an object+predicate
// pair the prefix scan is built here; without it the lookup would scan every quad of the
// predicate, the whole store.
func (r *reader) indexShape(dirs map[quad.Direction]cgraph.Ref) (shape.Shape, bool) {
	if len(dirs) != 2 || dirs[quad.Predicate] == nil {
		return nil, false
	}
	if s := dirs[quad.Subject]; s != nil {
		return shape.Quads{
			{Dir: quad.Subject, Values: shape.Fixed{s}},
			{Dir: quad.Predicate, Values: shape.Fixed{dirs[quad.Predicate]}},
		}, true
	}
	o, ok := dirs[quad.Object].(kv.Int64Value)
	p, ok2 := dirs[quad.Predicate].(kv.Int64Value)
	if _, isKV := cgraph.Unwrap(r.qs).(*kv.QuadStore); !ok || !ok2 || !isKV {
		return nil, false
	}
	return kv.IndexScan{Index: opsIndex, Values: []uint64{uint64(o), uint64(p)}}, true
}

// errStop ends a scan early; it never leaves the reader.
var errStop = errors.New("stop")

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

// scanFields reads the properties of nodes (statements, articles): for node j, objs[j] holds
// the objects of its quads whose predicate is one of fields (by ref key) and kinds[j] the
// field each fills. keep, if not nil, leaves out the fields it rejects without reading their
// objects. The subject prefixes are scanned concurrently over the CPUs the process may use
// (the stores serve concurrent reads); each goroutine writes only its own nodes' entries.
func scanFields[F any](r *reader, nodes []cgraph.Ref, fields map[any]F, keep func(F) bool) (objs [][]cgraph.Ref, kinds [][]F, err error) {
	objs, kinds = make([][]cgraph.Ref, len(nodes)), make([][]F, len(nodes))
	workers := min(runtime.GOMAXPROCS(0), 1+len(nodes)/minPerWorker)
	errs := make([]error, workers)
	var wg sync.WaitGroup
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := w; j < len(nodes) && errs[w] == nil; j += workers {
				errs[w] = r.scan(quad.Subject, nodes[j], func(q cgraph.Ref) error {
					p, err := r.qs.QuadDirection(q, quad.Predicate)
					if err != nil {
						return err
					}
					f, ok := fields[refs.ToKey(p)]
					if !ok || (keep != nil && !keep(f)) {
						return nil
					}
					o, err := r.qs.QuadDirection(q, quad.Object)
					if err != nil {
						return err
					}
					objs[j], kinds[j] = append(objs[j], o), append(kinds[j], f)
					return nil
				})
			}
		}()
	}
	wg.Wait()
	return objs, kinds, errors.Join(errs...)
}

// minPerWorker is the fewest nodes worth a goroutine of scanFields.
const minPerWorker = 64

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
	if err := r.entities([]string{id}); err != nil {
		return Entity{}, err
	}
	return r.ents[id], nil
}

// entities reads the names and types of nodes not read before: for each, the first name and
// type from the subject+predicate index (every article states them alike), then all values
// in one batch.
func (r *reader) entities(ids []string) error {
	var todo []string
	var names, types []cgraph.Ref
	queued := map[string]bool{}
	for _, id := range ids {
		if _, ok := r.ents[id]; ok || queued[id] {
			continue
		}
		queued[id] = true
		name, err := r.nameOf(id)
		if err != nil {
			return fmt.Errorf("read name of %s: %w", id, err)
		}
		typ, err := r.typeOf(id)
		if err != nil {
			return fmt.Errorf("read type of %s: %w", id, err)
		}
		todo, names, types = append(todo, id), append(names, name), append(types, typ)
	}
	nv, err := r.values(names)
	if err != nil {
		return err
	}
	tv, err := r.values(types)
	if err != nil {
		return err
	}
	for i, id := range todo {
		e := Entity{ID: id, Name: id, Type: strings.TrimPrefix(text(tv[i]), "ng:")}
		if n := text(nv[i]); n != "" {
			e.Name = n
		}
		r.ents[id] = e
	}
	return nil
}

// nameOf is the schema:name of a node. IDs are made from names ("ent:nagorno_karabakh" from
// "Nagorno-Karabakh"), so on a key-value store it first checks the likely names against the
// object index, which counts the quads of a full key without reading them; only a miss
// reads the name quads, up to a hundred of them (one per article) for the first.
func (r *reader) nameOf(id string) (cgraph.Ref, error) {
	if _, isKV := cgraph.Unwrap(r.qs).(*kv.QuadStore); isKV {
		_, local, _ := strings.Cut(id, ":")
		// "conflict:armenia--azerbaijan" is named "Armenia–Azerbaijan" (graph.ConflictName).
		local = strings.ReplaceAll(strings.ReplaceAll(local, "--", "–"), "_", " ")
		for _, guess := range []string{titleCase(local), local} {
			name, err := r.ref(quad.String(guess))
			if err != nil {
				return nil, err
			}
			if name == nil {
				continue
			}
			ok, err := r.has(name, graph.SchemaName, id)
			if err != nil || ok {
				return name, err
			}
		}
	}
	return r.first(quad.Object, filter{quad.Subject, quad.IRI(id)}, filter{quad.Predicate, graph.SchemaName})
}

// titleCase upper-cases the first letter of each word, after a space or a hyphen.
func titleCase(s string) string {
	rs := []rune(s)
	for i := range rs {
		if i == 0 || rs[i-1] == ' ' || rs[i-1] == '-' || rs[i-1] == '–' {
			rs[i] = unicode.ToUpper(rs[i])
		}
	}
	return string(rs)
}

// has reports whether a key-value store holds a quad <id> <pred> object, from the count
// the object index keeps for the full key.
func (r *reader) has(object cgraph.Ref, pred quad.IRI, id string) (bool, error) {
	node, err := r.ref(quad.IRI(id))
	if err != nil || node == nil {
		return false, err
	}
	p, err := r.ref(pred)
	if err != nil || p == nil {
		return false, err
	}
	o, ok1 := object.(kv.Int64Value)
	pv, ok2 := p.(kv.Int64Value)
	nv, ok3 := node.(kv.Int64Value)
	if !ok1 || !ok2 || !ok3 {
		return false, nil
	}
	scan := kv.IndexScan{Index: opsIndex, Values: []uint64{uint64(o), uint64(pv), uint64(nv)}}
	st, err := scan.BuildIterator(r.qs).Stats(r.ctx)
	if errors.Is(err, hkv.ErrNotFound) {
		return false, nil
	}
	return err == nil && st.Size.Value > 0, err
}

// typeOf is the rdf:type of a node. On a key-value store it probes the object index for
// each entity type, which counts the quads of a full key without reading them; reading the
// first type quad of an entity would read up to a hundred of them (one per article).
func (r *reader) typeOf(id string) (cgraph.Ref, error) {
	if _, isKV := cgraph.Unwrap(r.qs).(*kv.QuadStore); !isKV {
		return r.first(quad.Object, filter{quad.Subject, quad.IRI(id)}, filter{quad.Predicate, graph.RDFType})
	}
	for _, t := range graph.EntityTypes {
		typ, err := r.ref(graph.TypeIRI(t))
		if err != nil {
			return nil, err
		}
		if typ == nil {
			continue
		}
		ok, err := r.has(typ, graph.RDFType, id)
		if err != nil || ok {
			return typ, err
		}
	}
	return nil, nil
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
	if err := r.articles([]string{id}); err != nil {
		return article{}, err
	}
	return r.arts[id], nil
}

// articles reads the articles not read before: a subject scan each (an article has a
// handful of quads), then all values in one batch.
func (r *reader) articles(ids []string) error {
	fields := map[any]int{}
	for i, p := range []quad.IRI{graph.SchemaURL, graph.SchemaHeadline, graph.SchemaPublished} {
		ref, err := r.ref(p)
		if err != nil {
			return err
		}
		if ref != nil {
			fields[refs.ToKey(ref)] = i
		}
	}
	type cell struct {
		id    string
		field int
	}
	var objs []cgraph.Ref
	var cells []cell
	var todo []string
	var nodes []cgraph.Ref
	for _, id := range ids {
		if _, ok := r.arts[id]; ok {
			continue
		}
		r.arts[id] = article{}
		ref, err := r.ref(quad.IRI(id))
		if err != nil {
			return err
		}
		if ref != nil {
			todo, nodes = append(todo, id), append(nodes, ref)
		}
	}
	found, kinds, err := scanFields(r, nodes, fields, nil)
	if err != nil {
		return fmt.Errorf("read articles: %w", err)
	}
	for j, id := range todo {
		for k, o := range found[j] {
			objs, cells = append(objs, o), append(cells, cell{id, kinds[j][k]})
		}
	}
	vs, err := r.values(objs)
	if err != nil {
		return fmt.Errorf("read %d articles: %w", len(ids), err)
	}
	for i, v := range vs {
		a := r.arts[cells[i].id]
		switch cells[i].field {
		case 0:
			a.url = text(v)
		case 1:
			a.headline = text(v)
		case 2:
			a.published = text(v)
		}
		r.arts[cells[i].id] = a
	}
	return nil
}
