package main

import (
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/queries"
)

type searchOptions struct {
	global *globalOptions
	text   string
	limit  int
	format outputFlag
	out    io.Writer
}

func newSearchCmd(g *globalOptions) *cobra.Command {
	opts := &searchOptions{global: g}
	cmd := &cobra.Command{
		Use:   "search TEXT",
		Short: "Find entities whose name or alias contains TEXT",
		Example: `  $ newsgraph search karabakh
  $ newsgraph search "prime minister" --limit 5`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.text = args[0]
			if err := opts.format.check(); err != nil {
				return err
			}
			if err := atLeastOne(map[string]int{"limit": opts.limit}); err != nil {
				return err
			}
			opts.out = cmd.OutOrStdout()
			return runSearch(cmd, opts)
		},
	}
	cmd.Flags().IntVar(&opts.limit, "limit", queries.DefaultSearchLimit, "most entities to list")
	opts.format.register(cmd)
	return cmd
}

func runSearch(cmd *cobra.Command, opts *searchOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	found, err := queries.Search(cmd.Context(), store.QuadStore(), opts.text, opts.limit)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, found)
	}
	for _, e := range found {
		fmt.Fprintf(opts.out, "%-40s %-14s %s\n", e.ID, e.Type, e.Name)
	}
	return nil
}
