package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/graph"
)

// openStore opens the configured store; readOnly commands take a shared lock on bolt, so
// several of them can run beside each other (but not beside a loader or a writing server).
func openStore(ctx context.Context, cfg *config.Config, readOnly bool) (*graph.Store, error) {
	if readOnly && cfg.Store.Backend == graph.BackendMemory {
		// A memory store lives as long as one command: a command that only reads would
		// always read an empty graph.
		return nil, usageErrorf("--db memory: the memory store starts empty in every run, so this command would find nothing; load into a bolt store (--data-dir) or try 'newsgraph demo'")
	}
	st, err := graph.Open(ctx, graph.Options{
		Backend:  cfg.Store.Backend,
		Path:     cfg.Store.Path,
		Address:  cfg.Store.Address,
		ReadOnly: readOnly,
	})
	if errors.Is(err, graph.ErrNotInitialized) {
		return nil, fmt.Errorf("%w: nothing has been loaded there yet; run 'newsgraph load ARTICLES…' first", err)
	}
	return st, err
}

// openConfigured loads the command's configuration and opens the store it names.
func openConfigured(cmd *cobra.Command, g *globalOptions, readOnly bool) (*graph.Store, error) {
	cfg, err := loadConfig(g, cmd)
	if err != nil {
		return nil, err
	}
	return openStore(cmd.Context(), cfg, readOnly)
}
