package main

import (
	"context"

	"github.com/spf13/cobra"

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

// openConfigured loads the command's configuration and opens the store it names.
func openConfigured(cmd *cobra.Command, g *globalOptions, readOnly bool) (*graph.Store, error) {
	cfg, err := loadConfig(g, cmd)
	if err != nil {
		return nil, err
	}
	return openStore(cmd.Context(), cfg, readOnly)
}
