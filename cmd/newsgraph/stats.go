package main

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

type statsOptions struct {
	global *globalOptions
	format outputFlag
	out    io.Writer
}

func newStatsCmd(g *globalOptions) *cobra.Command {
	opts := &statsOptions{global: g}
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count entities by type, facts, articles, conflict threads and quads",
		Example: `  $ newsgraph stats
  $ newsgraph stats --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.format.check(); err != nil {
				return err
			}
			opts.out = cmd.OutOrStdout()
			return runStats(cmd, opts)
		},
	}
	opts.format.register(cmd)
	return cmd
}

func runStats(cmd *cobra.Command, opts *statsOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	st, err := store.Stats(cmd.Context())
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, st)
	}
	tw := tabwriter.NewWriter(opts.out, 0, 4, 2, ' ', 0)
	fmt.Fprintf(tw, "articles\t%d\nfacts\t%d\nconflict threads\t%d\nquads\t%d\n", st.Articles, st.Facts, st.Threads, st.Quads)
	types := make([]string, 0, len(st.Entities))
	for t := range st.Entities {
		types = append(types, t)
	}
	sort.Strings(types)
	for _, t := range types {
		fmt.Fprintf(tw, "entities: %s\t%d\n", t, st.Entities[t])
	}
	return tw.Flush()
}
