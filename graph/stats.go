package graph

import (
	"context"
	"fmt"

	"github.com/cayleygraph/cayley/query/path"
	"github.com/cayleygraph/quad"
)

// Stats counts what a store holds. Every count is of distinct nodes: an entity named by ten
// articles counts once.
type Stats struct {
	Entities map[string]int64 `json:"entities"` // by entity type ("Country" → 12); types with none are left out
	Facts    int64            `json:"facts"`    // statement nodes, one per extracted fact
	Articles int64            `json:"articles"`
	// Threads counts conflicts that at least one statement belongs to (ng:thread), which is
	// what "related conflicts" walks; Entities["Conflict"] also counts conflicts only named.
	Threads int64 `json:"threads"`
	Quads   int64 `json:"quads"` // all quads, load records included
}

// Stats counts entities by type, facts, articles, conflict threads and quads. Each count walks
// the quads of one predicate–object pair, not the whole store.
func (s *Store) Stats(ctx context.Context) (Stats, error) {
	st := Stats{Entities: map[string]int64{}}
	count := func(what string, p *path.Path) (int64, error) {
		n, err := p.Unique().Iterate(ctx).Count()
		if err != nil {
			return 0, fmt.Errorf("count %s: %w", what, err)
		}
		return n, nil
	}
	typed := func(class quad.IRI) *path.Path { return path.StartPath(s.qs).Has(RDFType, class) }
	for _, t := range EntityTypes {
		n, err := count(t+" entities", typed(TypeIRI(t)))
		if err != nil {
			return st, err
		}
		if n > 0 {
			st.Entities[t] = n
		}
	}
	var err error
	if st.Facts, err = count("facts", typed(Statement)); err != nil {
		return st, err
	}
	if st.Articles, err = count("articles", typed(SchemaNewsArticle)); err != nil {
		return st, err
	}
	if st.Threads, err = count("conflict threads", path.StartPath(s.qs).Out(NGThread)); err != nil {
		return st, err
	}
	qst, err := s.qs.Stats(ctx, false)
	if err == nil && !qst.Quads.Exact {
		qst, err = s.qs.Stats(ctx, true)
	}
	if err != nil {
		return st, fmt.Errorf("count quads: %w", err)
	}
	st.Quads = qst.Quads.Value
	return st, nil
}
