package server

import (
	"context"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/queries"
)

// storeQuerier is the Querier of package queries over one quad store.
type storeQuerier struct {
	qs cgraph.QuadStore
}

func (q storeQuerier) Paths(ctx context.Context, from, to string, opts queries.PathOptions) ([]queries.Path, error) {
	return queries.Paths(ctx, q.qs, from, to, opts)
}

func (q storeQuerier) Timeline(ctx context.Context, entity string, opts queries.TimelineOptions) (*queries.Timeline, error) {
	return queries.TimelineOf(ctx, q.qs, entity, opts)
}

func (q storeQuerier) Related(ctx context.Context, entity string, opts queries.RelatedOptions) (*queries.Related, error) {
	return queries.RelatedTo(ctx, q.qs, entity, opts)
}

func (q storeQuerier) Describe(ctx context.Context, entity string) (*queries.Profile, error) {
	return queries.Describe(ctx, q.qs, entity)
}

func (q storeQuerier) Search(ctx context.Context, text string, limit int) ([]queries.Entity, error) {
	return queries.Search(ctx, q.qs, text, limit)
}
