package main

import (
	"context"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
)

// openStore opens the configured store; readOnly commands take a shared lock on bolt, so
// several of them can run beside each other (but not beside a loader or a writing server).
func openStore(ctx context.Context, cfg *config.Config, readOnly bool) (*graph.Store, error) {
	return graph.Open(ctx, graph.Options{
		Backend:  cfg.Store.Backend,
		Path:     cfg.Store.Path,
		Address:  cfg.Store.Address,
		ReadOnly: readOnly,
	})
}
