package queries

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/graph"
)

// Paths finds up to opts.K shortest connections between two entities, given by name, alias
// or ID, walking fact edges in both directions. Paths are distinct in their sequence of
// nodes; each hop shows the best-attested fact edge between its two nodes with its
// evidence, and lists the other edges between them. No path within MaxHops gives an empty
// result and no error. See the package documentation for the search.
func Paths(ctx context.Context, qs cgraph.QuadStore, from, to string, opts PathOptions) ([]Path, error) {
	opts = opts.withDefaults()
	dr, err := newDateRange(opts.Since, opts.Until)
	if err != nil {
		return nil, fmt.Errorf("path: %w", err)
	}
	r := newReader(ctx, qs)
	a, err := r.resolve(from)
	if err != nil {
		return nil, fmt.Errorf("path from: %w", err)
	}
	b, err := r.resolve(to)
	if err != nil {
		return nil, fmt.Errorf("path to: %w", err)
	}
	if a.ID == b.ID {
		return nil, fmt.Errorf("path: %q and %q are the same entity (%s)", from, to, a.ID)
	}
	s := &search{r: r, opts: opts, dates: dr, via: viaSet(opts.Via), src: a.ID, dst: b.ID,
		refOf: map[string]cgraph.Ref{}, adj: map[string][]edge{}, preds: map[any]string{}}
	routes, searchErr := s.run()
	if searchErr != nil && !errors.Is(searchErr, ErrSearchLimit) {
		return nil, fmt.Errorf("path %s → %s: %w", a.ID, b.ID, searchErr)
	}
	if len(routes) == 0 && searchErr != nil {
		return nil, fmt.Errorf("path %s → %s: %w", a.ID, b.ID, searchErr)
	}
	paths := make([]scoredPath, 0, len(routes))
	for _, route := range routes {
		p, err := s.path(route)
		if err != nil {
			return nil, fmt.Errorf("path %s → %s: %w", a.ID, b.ID, err)
		}
		paths = append(paths, p)
	}
	sort.Slice(paths, func(i, j int) bool { return paths[i].less(paths[j]) })
	out := make([]Path, 0, opts.K)
	for _, p := range paths {
		if len(out) == opts.K {
			break
		}
		out = append(out, p.Path)
	}
	return out, nil
}

func (o PathOptions) withDefaults() PathOptions {
	if o.MaxHops <= 0 {
		o.MaxHops = DefaultMaxHops
	}
	if o.K <= 0 {
		o.K = 1
	}
	if o.MaxVisited <= 0 {
		o.MaxVisited = DefaultMaxVisited
	}
	return o
}

// viaSet is the allowed predicates without the rel: prefix; nil allows all.
func viaSet(via []string) map[string]bool {
	if len(via) == 0 {
		return nil
	}
	set := map[string]bool{}
	for _, p := range via {
		set[strings.TrimPrefix(strings.TrimSpace(p), "rel:")] = true
	}
	return set
}

// edge is a fact edge seen from one of its nodes: forward when that node is the subject.
type edge struct {
	to      string
	pred    string
	forward bool
}

// search is one bidirectional breadth-first search.
type search struct {
	r        *reader
	opts     PathOptions
	dates    dateRange
	via      map[string]bool
	src, dst string
	refOf    map[string]cgraph.Ref
	adj      map[string][]edge
	preds    map[any]string // predicate ref key → fact predicate, "" if not a fact edge or not allowed
	visited  int
}

// side is the state of one direction of the search.
type side struct {
	root     string
	dist     map[string]int
	parents  map[string][]string // node → its neighbours one step nearer the root
	frontier []string
	depth    int
}

func newSide(root string) *side {
	return &side{root: root, dist: map[string]int{root: 0}, parents: map[string][]string{}, frontier: []string{root}}
}

// maxCandidates bounds how many routes are ranked by evidence: the K best of at least this
// many shortest routes are returned.
const maxCandidates = 16

// run returns candidate routes (node IDs from src to dst), shortest first.
func (s *search) run() ([][]string, error) {
	fwd, bwd := newSide(s.src), newSide(s.dst)
	s.visited = 2
	want := max(maxCandidates, 4*s.opts.K)
	var routes [][]string
	seen := map[string]bool{}
	for fwd.depth+bwd.depth < s.opts.MaxHops && len(fwd.frontier) > 0 && len(bwd.frontier) > 0 {
		x, y := fwd, bwd
		if len(bwd.frontier) < len(fwd.frontier) {
			x, y = bwd, fwd
		}
		met, err := s.expand(x, y)
		for _, m := range met {
			for _, left := range chains(fwd, m, want) {
				for _, right := range chains(bwd, m, want) {
					if len(routes) >= want {
						break
					}
					route := join(left, right)
					k := strings.Join(route, " ")
					if route != nil && !seen[k] {
						seen[k] = true
						routes = append(routes, route)
					}
				}
			}
		}
		if err != nil {
			return routes, err
		}
		if len(routes) >= s.opts.K {
			break
		}
	}
	return routes, nil
}

// expand moves side x one level on and returns the new nodes that side y has reached.
func (s *search) expand(x, y *side) ([]string, error) {
	var next, met []string
	for _, u := range x.frontier {
		if err := s.r.ctx.Err(); err != nil {
			return met, err
		}
		es, err := s.neighbours(u)
		if err != nil {
			return met, err
		}
		for _, e := range es {
			d, ok := x.dist[e.to]
			if !ok {
				if s.visited >= s.opts.MaxVisited {
					return met, fmt.Errorf("%w: %d nodes visited within %d hops", ErrSearchLimit, s.visited, x.depth+y.depth+1)
				}
				d = x.depth + 1
				x.dist[e.to] = d
				s.visited++
				next = append(next, e.to)
				if _, ok := y.dist[e.to]; ok {
					met = append(met, e.to)
				}
			}
			if d == x.depth+1 && !slices.Contains(x.parents[e.to], u) {
				x.parents[e.to] = append(x.parents[e.to], u)
			}
		}
	}
	x.frontier, x.depth = next, x.depth+1
	return met, nil
}

// chains lists up to limit routes from the side's root to node through the parents.
func chains(sd *side, node string, limit int) [][]string {
	if node == sd.root {
		return [][]string{{node}}
	}
	var out [][]string
	for _, p := range sd.parents[node] {
		for _, c := range chains(sd, p, limit-len(out)) {
			out = append(out, append(c[:len(c):len(c)], node))
			if len(out) >= limit {
				return out
			}
		}
	}
	return out
}

// join makes src…m…dst from src…m and dst…m, or nil if a node would repeat.
func join(left, right []string) []string {
	route := append([]string(nil), left...)
	seen := map[string]bool{}
	for _, n := range left {
		seen[n] = true
	}
	for i := len(right) - 2; i >= 0; i-- {
		if seen[right[i]] {
			return nil
		}
		seen[right[i]] = true
		route = append(route, right[i])
	}
	return route
}

// neighbours lists the allowed fact edges of a node: from the direct edges, or, when the
// search is bounded by dates, from the node's statements.
func (s *search) neighbours(id string) ([]edge, error) {
	if es, ok := s.adj[id]; ok {
		return es, nil
	}
	var es []edge
	var err error
	if s.dates.open() {
		es, err = s.directEdges(id)
	} else {
		es, err = s.datedEdges(id)
	}
	if err != nil {
		return nil, fmt.Errorf("expand %s: %w", id, err)
	}
	out := es[:0]
	seen := map[edge]bool{}
	for _, e := range es {
		if e.to == id || seen[e] {
			continue
		}
		if !s.opts.Topics && strings.HasPrefix(e.to, "topic:") && e.to != s.src && e.to != s.dst {
			continue
		}
		seen[e] = true
		out = append(out, e)
	}
	s.adj[id] = out
	return out, nil
}

// directEdges reads the <a> <rel:p> <b> quads of a node in both directions.
func (s *search) directEdges(id string) ([]edge, error) {
	ref, ok := s.refOf[id]
	if !ok {
		var err error
		if ref, err = s.r.ref(quad.IRI(id)); err != nil {
			return nil, err
		}
	}
	if ref == nil {
		return nil, nil
	}
	var others []cgraph.Ref
	var es []edge
	for _, dir := range []quad.Direction{quad.Subject, quad.Object} {
		otherDir := quad.Object
		if dir == quad.Object {
			otherDir = quad.Subject
		}
		err := s.r.scan(dir, ref, func(q cgraph.Ref) error {
			p, err := s.r.qs.QuadDirection(q, quad.Predicate)
			if err != nil {
				return err
			}
			pred, err := s.predicate(p)
			if err != nil || pred == "" {
				return err
			}
			o, err := s.r.qs.QuadDirection(q, otherDir)
			if err != nil {
				return err
			}
			others = append(others, o)
			es = append(es, edge{pred: pred, forward: dir == quad.Subject})
			return nil
		})
		if err != nil {
			return nil, err
		}
	}
	vals, err := s.r.values(others)
	if err != nil {
		return nil, err
	}
	for i, v := range vals {
		es[i].to = text(v)
		s.refOf[es[i].to] = others[i]
	}
	return es, nil
}

// predicate is the fact predicate of a quad predicate, or "" if it is not a fact edge or not
// one the search may walk.
func (s *search) predicate(p cgraph.Ref) (string, error) {
	k := refs.ToKey(p)
	if name, ok := s.preds[k]; ok {
		return name, nil
	}
	vs, err := s.r.values([]cgraph.Ref{p})
	if err != nil {
		return "", err
	}
	name, isFact := strings.CutPrefix(text(vs[0]), string(graph.RelIRI("")))
	if !isFact || !s.allowed(name) {
		name = ""
	}
	s.preds[k] = name
	return name, nil
}

func (s *search) allowed(pred string) bool {
	return pred != "" && (s.via == nil || s.via[pred])
}

// datedEdges reads a node's statements and keeps the edges of those dated in range.
func (s *search) datedEdges(id string) ([]edge, error) {
	rs, err := s.r.involving(id, "")
	if err != nil {
		return nil, err
	}
	sts, err := s.r.statements(rs, false)
	if err != nil {
		return nil, err
	}
	var es []edge
	for _, st := range sts {
		if !s.allowed(st.predicate) || !s.dates.contains(st.date) {
			continue
		}
		if st.subject == id {
			es = append(es, edge{to: st.object, pred: st.predicate, forward: true})
		} else {
			es = append(es, edge{to: st.subject, pred: st.predicate})
		}
	}
	return es, nil
}

// scoredPath ranks paths: shorter first, then by the evidence of their weakest hop, then
// by all their evidence, then by node IDs so that the order is stable.
type scoredPath struct {
	Path
	weakest, total int
	key            string
}

func (p scoredPath) less(q scoredPath) bool {
	if len(p.Hops) != len(q.Hops) {
		return len(p.Hops) < len(q.Hops)
	}
	if p.weakest != q.weakest {
		return p.weakest > q.weakest
	}
	if p.total != q.total {
		return p.total > q.total
	}
	return p.key < q.key
}

// path turns a route of node IDs into a Path with evidence.
func (s *search) path(route []string) (scoredPath, error) {
	sp := scoredPath{key: strings.Join(route, " "), weakest: -1}
	for _, id := range route {
		e, err := s.r.entity(id)
		if err != nil {
			return sp, err
		}
		sp.Nodes = append(sp.Nodes, e)
	}
	for i := 1; i < len(route); i++ {
		h, err := s.hop(route[i-1], route[i])
		if err != nil {
			return sp, err
		}
		n := len(h.Evidence)
		if sp.weakest < 0 || n < sp.weakest {
			sp.weakest = n
		}
		sp.total += n
		sp.Hops = append(sp.Hops, h)
	}
	return sp, nil
}

// hop is the best-attested allowed fact edge between two consecutive nodes of a path.
func (s *search) hop(from, to string) (Hop, error) {
	rs, err := s.r.involving(from, to)
	if err != nil {
		return Hop{}, err
	}
	sts, err := s.r.statements(rs, true)
	if err != nil {
		return Hop{}, err
	}
	groups := map[Link][]statement{}
	for _, st := range sts {
		if s.allowed(st.predicate) && s.dates.contains(st.date) {
			l := Link{st.subject, st.predicate, st.object}
			groups[l] = append(groups[l], st)
		}
	}
	links := make([]Link, 0, len(groups))
	for l := range groups {
		links = append(links, l)
	}
	if len(links) == 0 {
		// A direct edge without a statement: show the edge the search walked.
		for _, e := range s.adj[from] {
			if e.to == to {
				l := Link{from, e.pred, to}
				if !e.forward {
					l = Link{to, e.pred, from}
				}
				links = append(links, l)
				break
			}
		}
		if len(links) == 0 {
			return Hop{}, fmt.Errorf("no fact edge between %s and %s", from, to)
		}
	}
	earliest := func(l Link) string {
		d := ""
		for _, st := range groups[l] {
			if st.date != "" && (d == "" || st.date < d) {
				d = st.date
			}
		}
		return d
	}
	sort.Slice(links, func(i, j int) bool {
		a, b := links[i], links[j]
		if len(groups[a]) != len(groups[b]) {
			return len(groups[a]) > len(groups[b])
		}
		if da, db := earliest(a), earliest(b); da != db {
			return da < db
		}
		return a.Predicate+a.Subject < b.Predicate+b.Subject
	})
	best := links[0]
	subj, err := s.r.entity(best.Subject)
	if err != nil {
		return Hop{}, err
	}
	obj, err := s.r.entity(best.Object)
	if err != nil {
		return Hop{}, err
	}
	h := Hop{Subject: subj, Predicate: best.Predicate, Object: obj, Reversed: best.Subject != from,
		Date: earliest(best), Evidence: []Evidence{}, Also: links[1:]}
	if len(h.Also) == 0 {
		h.Also = nil
	}
	for _, st := range groups[best] {
		ev, err := s.r.evidence(st)
		if err != nil {
			return Hop{}, err
		}
		h.Evidence = append(h.Evidence, ev)
	}
	sortEvidence(h.Evidence)
	return h, nil
}

// PathGizmo is a Gizmo query that reproduces a path, one result row per hop tagged
// "source" (the fact's subject) and "target" (its object), which the web UI's Visualize
// page draws as the path's edges.
func PathGizmo(p Path) string {
	var b strings.Builder
	names := make([]string, len(p.Nodes))
	for i, n := range p.Nodes {
		names[i] = n.Name
	}
	fmt.Fprintf(&b, "// %s\n", strings.Join(names, " – "))
	for _, h := range p.Hops {
		fmt.Fprintf(&b, "g.V(%s).Tag(\"source\").Out(%s).Is(%s).Tag(\"target\").Unique().All()\n",
			strconv.Quote(quad.IRI(h.Subject.ID).String()),
			strconv.Quote(graph.RelIRI(h.Predicate).String()),
			strconv.Quote(quad.IRI(h.Object.ID).String()))
	}
	return b.String()
}
