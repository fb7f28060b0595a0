package graph

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
)

// Report counts what a load did. Counts cover committed articles only.
type Report struct {
	Added     int // articles not in the store before
	Replaced  int // articles whose content changed: their old quads were replaced
	Unchanged int // articles loaded again with the same content: nothing written
	// QuadsAdded and QuadsRemoved count quads written and deleted, load records included.
	QuadsAdded   int
	QuadsRemoved int
}

// Articles is the number of articles the report covers.
func (r Report) Articles() int { return r.Added + r.Replaced + r.Unchanged }

func (r *Report) add(o Report) {
	r.Added += o.Added
	r.Replaced += o.Replaced
	r.Unchanged += o.Unchanged
	r.QuadsAdded += o.QuadsAdded
	r.QuadsRemoved += o.QuadsRemoved
}

// Loader writes articles to a store in batches. It is the one write path shared by
// `load --facts` and `load ARTICLES…`: feed it results as they come and show Report() after
// each Add for progress. A Loader is not safe for concurrent use.
//
//	l, err := st.NewLoader()
//	for _, r := range results {
//		if err := l.Add(ctx, r); errors.Is(err, graph.ErrInvalidArticle) {
//			report it and go on
//		} else if err != nil {
//			return err
//		}
//	}
//	err = l.Flush(ctx)
//
// Articles are committed whole, several to a transaction (Options.BatchQuads); a crash loses at
// most the batches not yet committed, which the next run of the same input writes again.
//
// A full batch is committed in the background while Add goes on filling the next one, so the
// caller's work (reading, extracting) and the quad mapping overlap Cayley's commit, which is
// where a load spends most of its time. At most one batch is in flight, and batches commit in
// order, so a batch always sees the previous one's articles.
type Loader struct {
	s       *Store
	pending []pendingArticle
	ids     map[quad.IRI]bool // articles in pending, to keep two versions out of one batch
	quads   int               // quads in pending
	done    chan error        // result of the batch in flight; nil when none is

	mu  sync.Mutex // guards rep, which the committing goroutine updates
	rep Report
	err error // a failed commit: the loader's state no longer matches the store
}

// pendingArticle is an article ready to commit: its quads and their serialised record.
type pendingArticle struct {
	iri   quad.IRI
	quads []quad.Quad
	lines []string // quads[i] as an N-Triples line (the label is always iri)
	hash  string
}

// NewLoader returns a loader for the store, or ErrReadOnly.
func (s *Store) NewLoader() (*Loader, error) {
	if s.opts.ReadOnly {
		return nil, ErrReadOnly
	}
	return &Loader{s: s, ids: map[quad.IRI]bool{}}, nil
}

// Load writes results and commits them. Invalid articles are skipped and reported together in
// the returned error (each wrapping ErrInvalidArticle) while the others load; any other error
// stops the load, and the report then says what was committed.
func (s *Store) Load(ctx context.Context, results []extract.Result) (Report, error) {
	l, err := s.NewLoader()
	if err != nil {
		return Report{}, err
	}
	var invalid []error
	for _, r := range results {
		err := l.Add(ctx, r)
		if errors.Is(err, ErrInvalidArticle) {
			invalid = append(invalid, err)
		} else if err != nil {
			return l.Report(), err
		}
	}
	if err := l.Flush(ctx); err != nil {
		return l.Report(), err
	}
	return l.Report(), errors.Join(invalid...)
}

// Add queues one article and, once the queue holds Options.BatchQuads quads, starts committing
// it. An article that cannot be written returns an error wrapping ErrInvalidArticle and leaves
// the loader usable; any other error means the store could not be written, and the loader
// stops.
func (l *Loader) Add(ctx context.Context, r extract.Result) error {
	if err := l.failed(); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		l.wait() // the caller stops here: leave no commit running behind its back
		return err
	}
	if err := checkResult(r); err != nil {
		return err
	}
	iri := quad.IRI(r.Article.ID)
	if l.ids[iri] {
		// A second version of a queued article: its replacement must see the first committed.
		if err := l.Flush(ctx); err != nil {
			return err
		}
	}
	qs := ArticleQuads(r.Article, r.Facts)
	p := pendingArticle{iri: iri, quads: qs, lines: tripleLines(qs)}
	p.hash = linesHash(p.lines)
	l.pending = append(l.pending, p)
	l.ids[iri] = true
	l.quads += len(qs)
	if l.quads < l.s.opts.BatchQuads {
		return nil
	}
	if err := l.wait(); err != nil {
		return err
	}
	batch := l.take()
	l.done = make(chan error, 1)
	l.s.commits.Add(1)
	go func() {
		defer l.s.commits.Done()
		l.done <- l.commit(ctx, batch)
	}()
	return nil
}

// Report returns what the loader has committed so far.
func (l *Loader) Report() Report {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.rep
}

// Flush commits every queued article and returns when they are in the store.
func (l *Loader) Flush(ctx context.Context) error {
	if err := l.wait(); err != nil {
		return err
	}
	if len(l.pending) == 0 {
		return nil
	}
	if err := l.commit(ctx, l.take()); err != nil {
		l.err = err
		return err
	}
	return nil
}

// take empties the queue and returns what it held.
func (l *Loader) take() []pendingArticle {
	batch := l.pending
	l.pending = nil
	clear(l.ids)
	l.quads = 0
	return batch
}

// wait waits for the batch in flight, if any, and returns the loader's error.
func (l *Loader) wait() error {
	if l.done != nil {
		if err := <-l.done; err != nil && l.err == nil {
			l.err = err
		}
		l.done = nil
	}
	return l.err
}

// failed returns the loader's error, including that of a batch in flight that has already
// failed, without waiting for one still running.
func (l *Loader) failed() error {
	if l.done != nil {
		select {
		case err := <-l.done:
			l.done = nil
			if err != nil && l.err == nil {
				l.err = err
			}
		default:
		}
	}
	return l.err
}

// commit writes a batch in one transaction (two on bolt in the case kvLosesNodes describes).
func (l *Loader) commit(ctx context.Context, batch []pendingArticle) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	s := l.s
	s.write.Lock()
	defer s.write.Unlock()
	var (
		changed []change
		deltas  []graph.Delta
		rep     Report
	)
	for _, p := range batch {
		old, err := s.readRecord(ctx, p.iri)
		if err != nil {
			return err
		}
		switch {
		case old.found && old.hash == p.hash:
			rep.Unchanged++
			continue
		case old.found:
			rep.Replaced++
		default:
			rep.Added++
		}
		d, err := p.deltas(old)
		if err != nil {
			return err
		}
		deltas = append(deltas, d...)
		changed = append(changed, change{p, old})
	}
	commits := [][]graph.Delta{deltas}
	if s.kvLosesNodes(deltas) {
		var err error
		if commits, err = splitReplacements(changed); err != nil {
			return err
		}
	}
	for _, c := range commits {
		if len(c) == 0 {
			continue
		}
		if err := s.apply(c); err != nil {
			return fmt.Errorf("commit %d articles: %w", len(batch), err)
		}
		for _, d := range c {
			if d.Action == graph.Add {
				rep.QuadsAdded++
			} else {
				rep.QuadsRemoved++
			}
		}
	}
	l.mu.Lock()
	l.rep.add(rep)
	l.mu.Unlock()
	return nil
}

// change is an article about to be written over its previous version (old.found) or anew.
type change struct {
	p   pendingArticle
	old record
}

// kvLosesNodes reports whether Cayley's kv stores (bolt) would write deltas wrongly. Their
// ApplyDeltas resolves the nodes of added quads only among nodes whose reference count does
// not drop in the transaction: an added quad that mentions a node losing references overall
// (a statement renumbered when an earlier fact was dropped, or the article's own IRI, the label
// of all its quads, when the new version is smaller) is stored with that position empty.
// Memstore and the SQL backends have no such flaw; TestCayleyKVFlaw pins it.
func (s *Store) kvLosesNodes(deltas []graph.Delta) bool {
	if _, isKV := s.qs.(*kv.QuadStore); !isKV {
		return false
	}
	net := map[string]int{}
	for _, d := range deltas {
		n := 1
		if d.Action == graph.Delete {
			n = -1
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil {
				net[v.String()] += n
			}
		}
	}
	for _, d := range deltas {
		if d.Action != graph.Add {
			continue
		}
		for _, dir := range quad.Directions {
			if v := d.Quad.Get(dir); v != nil && net[v.String()] < 0 {
				return true
			}
		}
	}
	return false
}

// splitReplacements is the fallback for kvLosesNodes: one transaction removes every replaced
// article's old version whole, the next writes the new versions whole. Each transaction then
// only removes or only adds, which kv stores apply correctly; a crash between the two leaves
// those articles absent (never half of one), and running the load again writes them.
func splitReplacements(changed []change) ([][]graph.Delta, error) {
	var remove, add []graph.Delta
	for _, c := range changed {
		if c.old.found {
			d, err := removal(c.p.iri, c.old, nil)
			if err != nil {
				return nil, err
			}
			remove = append(remove, d...)
		}
		add = append(add, c.p.additions(nil)...)
	}
	return [][]graph.Delta{remove, add}, nil
}

// deltas turns the article's old record and new quads into the changes that take the store from
// one to the other: quads only in the old version go, quads only in the new one come, and the
// record and hash are swapped. Quads in both are left alone.
func (p pendingArticle) deltas(old record) ([]graph.Delta, error) {
	kept := make(map[string]bool, len(old.lines))
	for _, line := range old.lines {
		kept[line] = false
	}
	for _, line := range p.lines {
		if _, ok := kept[line]; ok {
			kept[line] = true
		}
	}
	rm, err := removal(p.iri, old, kept)
	if err != nil {
		return nil, err
	}
	return append(p.additions(kept), rm...), nil
}

// additions adds the article's quads, except those kept from its old version, and its record.
func (p pendingArticle) additions(kept map[string]bool) []graph.Delta {
	out := make([]graph.Delta, 0, len(p.quads)+2)
	for i, line := range p.lines {
		if !kept[line] {
			out = append(out, graph.Delta{Quad: p.quads[i], Action: graph.Add})
		}
	}
	return append(out,
		graph.Delta{Quad: quad.Quad{Subject: p.iri, Predicate: NGContentHash, Object: quad.String(p.hash), Label: p.iri}, Action: graph.Add},
		graph.Delta{Quad: quad.Quad{Subject: p.iri, Predicate: NGRecord, Object: quad.String(strings.Join(p.lines, "\n")), Label: p.iri}, Action: graph.Add},
	)
}

// removal deletes what an article's record lists, except the quads kept, and the record itself.
func removal(iri quad.IRI, old record, kept map[string]bool) ([]graph.Delta, error) {
	out := make([]graph.Delta, 0, len(old.lines)+len(old.meta))
	for _, line := range old.lines {
		if kept[line] {
			continue
		}
		q, err := parseTripleLine(line, iri)
		if err != nil {
			return nil, err
		}
		out = append(out, graph.Delta{Quad: q, Action: graph.Delete})
	}
	for _, q := range old.meta {
		out = append(out, graph.Delta{Quad: q, Action: graph.Delete})
	}
	return out, nil
}

// apply commits deltas in one Cayley transaction. The load record makes the deltas exact, so a
// quad already present or already gone can only come from writes outside the loader; tolerating
// them lets the loader repair such a store instead of refusing to touch it.
func (s *Store) apply(deltas []graph.Delta) error {
	return s.qs.ApplyDeltas(deltas, graph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true})
}

// Retract removes everything an article wrote, in one transaction. article is the article's IRI
// (art:…) or its URL; ErrNotFound if no loaded article has it.
func (s *Store) Retract(ctx context.Context, article string) error {
	if s.opts.ReadOnly {
		return ErrReadOnly
	}
	s.write.Lock()
	defer s.write.Unlock()
	iri, err := s.findArticle(ctx, article)
	if err != nil {
		return fmt.Errorf("retract %s: %w", article, err)
	}
	old, err := s.readRecord(ctx, iri)
	if err != nil {
		return fmt.Errorf("retract %s: %w", article, err)
	}
	deltas, err := removal(iri, old, nil)
	if err != nil {
		return fmt.Errorf("retract %s: %w", article, err)
	}
	if err := s.apply(deltas); err != nil {
		return fmt.Errorf("retract %s: %w", article, err)
	}
	return nil
}

// findArticle resolves an article IRI or URL to the IRI of a loaded article.
func (s *Store) findArticle(ctx context.Context, article string) (quad.IRI, error) {
	if rec, err := s.readRecord(ctx, quad.IRI(article)); err != nil {
		return "", err
	} else if rec.found {
		return quad.IRI(article), nil
	}
	ref, err := s.qs.ValueOf(quad.String(article))
	if err != nil || ref == nil {
		return "", orNotFound(err)
	}
	// Few quads have a given URL as their object: this walks those, not the store.
	it := s.qs.QuadIterator(quad.Object, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return "", err
		}
		if iri, ok := q.Subject.(quad.IRI); ok && q.Predicate == SchemaURL && q.Label == q.Subject {
			if rec, err := s.readRecord(ctx, iri); err != nil {
				return "", err
			} else if rec.found {
				return iri, nil
			}
		}
	}
	return "", orNotFound(it.Err())
}

func orNotFound(err error) error {
	if err != nil {
		return err
	}
	return ErrNotFound
}

// record is what the store holds about a loaded article's last version.
type record struct {
	found bool
	hash  string
	lines []string    // the N-Triples lines of the quads it wrote, label omitted
	meta  []quad.Quad // the ng:contentHash and ng:record quads themselves
}

// readRecord reads an article's load record. It walks only the quads whose subject is the
// article, a handful, never the whole store.
func (s *Store) readRecord(ctx context.Context, iri quad.IRI) (record, error) {
	var rec record
	ref, err := s.qs.ValueOf(iri)
	if err != nil || ref == nil {
		return rec, err
	}
	it := s.qs.QuadIterator(quad.Subject, ref).Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return rec, fmt.Errorf("read load record of %s: %w", iri, err)
		}
		if q.Label != iri {
			continue
		}
		switch q.Predicate {
		case NGContentHash:
			rec.hash = literal(q.Object)
			rec.meta = append(rec.meta, q)
		case NGRecord:
			if text := literal(q.Object); text != "" {
				rec.lines = strings.Split(text, "\n")
			}
			rec.meta = append(rec.meta, q)
		}
	}
	if err := it.Err(); err != nil {
		return rec, fmt.Errorf("read load record of %s: %w", iri, err)
	}
	rec.found = len(rec.meta) > 0
	return rec, nil
}

// literal is the text of a plain string literal, "" for any other value.
func literal(v quad.Value) string {
	s, _ := v.(quad.String)
	return string(s)
}

// tripleLine is a quad as one N-Triples line without its label; quad.String escapes line
// breaks, so a line never spans two. It writes what quad.Quad.NQuad does, without fmt.
func tripleLine(q quad.Quad) string {
	return q.Subject.String() + " " + q.Predicate.String() + " " + q.Object.String() + " ."
}

func tripleLines(qs []quad.Quad) []string {
	lines := make([]string, len(qs))
	for i, q := range qs {
		lines[i] = tripleLine(q)
	}
	return lines
}

func parseTripleLine(line string, label quad.IRI) (quad.Quad, error) {
	q, err := nquads.Parse(line)
	if err != nil {
		return q, fmt.Errorf("corrupt load record of %s: line %.100q: %w", label, line, err)
	}
	q.Label = label
	return q, nil
}

// checkResult rejects what the graph cannot hold faithfully: a missing article IRI, and
// identifiers or text that would not survive the load record's N-Triples round trip.
func checkResult(r extract.Result) error {
	a := r.Article
	name := a.ID
	if a.Source != "" {
		name = a.Source + " (" + a.ID + ")"
	}
	if a.ID == "" {
		return fmt.Errorf("%w %s: no article ID", ErrInvalidArticle, a.Source)
	}
	if err := checkIRI("article", a.ID); err != nil {
		return fmt.Errorf("%w %s: %v", ErrInvalidArticle, name, err)
	}
	for _, s := range []string{a.Title, a.URL, a.Publisher} {
		if !utf8.ValidString(s) {
			return fmt.Errorf("%w %s: metadata is not valid UTF-8", ErrInvalidArticle, name)
		}
	}
	for i, f := range r.Facts {
		if err := checkFact(f); err != nil {
			return fmt.Errorf("%w %s: fact %d: %v", ErrInvalidArticle, name, i+1, err)
		}
	}
	return nil
}

// checkFact reports the first problem that stops a fact becoming quads; ReadFacts and the
// loader share it so that both reject the same facts.
func checkFact(f extract.Fact) error {
	for _, c := range []struct{ field, value string }{
		{"subject.id", f.Subject.ID},
		{"predicate", f.Predicate},
		{"object.id", f.Object.ID},
	} {
		if c.value == "" {
			return fmt.Errorf("missing %s", c.field)
		}
		if err := checkIRI(c.field, c.value); err != nil {
			return err
		}
	}
	if f.AttributedTo != "" {
		if err := checkIRI("attributed_to", f.AttributedTo); err != nil {
			return err
		}
	}
	for _, e := range []struct {
		field string
		e     extract.Entity
	}{{"subject", f.Subject}, {"object", f.Object}} {
		if e.e.Type != "" && !slices.Contains(EntityTypes, e.e.Type) {
			return fmt.Errorf("%s.type: unknown value %q (want one of %s)", e.field, e.e.Type, strings.Join(EntityTypes, ", "))
		}
	}
	for _, s := range append([]string{f.Sentence, f.Subject.Name, f.Object.Name, f.Class, f.Modality, f.Date},
		append(f.Subject.Aliases, f.Object.Aliases...)...) {
		if !utf8.ValidString(s) {
			return errors.New("text is not valid UTF-8")
		}
	}
	return nil
}

// checkIRI rejects characters N-Triples does not allow inside <…>.
func checkIRI(field, s string) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s %q is not valid UTF-8", field, s)
	}
	if i := strings.IndexFunc(s, func(r rune) bool {
		return r <= ' ' || strings.ContainsRune("<>\"{}|^`\\", r)
	}); i >= 0 {
		return fmt.Errorf("%s %q: character %q is not allowed in an identifier", field, s, s[i])
	}
	return nil
}
