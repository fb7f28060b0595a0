package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/queries"
)

type pathOptions struct {
	global   *globalOptions
	from, to string
	query    queries.PathOptions
	gizmo    bool
	format   outputFlag
	out      io.Writer
}

func newPathCmd(g *globalOptions) *cobra.Command {
	opts := &pathOptions{global: g}
	cmd := &cobra.Command{
		Use:   "path FROM TO",
		Short: "Find the shortest connections between two entities, with evidence",
		Long: `Find the shortest chains of facts linking two entities, walking fact edges in both
directions. Entities are given by name, alias or ID, case-insensitively; an ambiguous name
lists its candidates. Each hop shows the fact, its date and the sentence and article it was
read from. The Gizmo query printed last reproduces the path in the web UI's Visualize page.`,
		Example: `  $ newsgraph path Putin Azerbaijan
  $ newsgraph path "Vladimir Putin" Nagorno-Karabakh --max-hops 3 --k 3
  $ newsgraph path Russia Armenia --via mediate --since 2020 --until 2020-12-31
  $ newsgraph path Macron Zelensky --format json`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.from, opts.to = args[0], args[1]
			if err := opts.format.check(); err != nil {
				return err
			}
			if err := atLeastOne(map[string]int{"max-hops": opts.query.MaxHops, "k": opts.query.K}); err != nil {
				return err
			}
			opts.out = cmd.OutOrStdout()
			return runPath(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.IntVar(&opts.query.MaxHops, "max-hops", queries.DefaultMaxHops, "longest path in hops")
	f.StringSliceVar(&opts.query.Via, "via", nil, "walk only these predicates (repeatable or comma-separated)")
	f.StringVar(&opts.query.Since, "since", "", "only facts dated on or after this (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&opts.query.Until, "until", "", "only facts dated on or before this")
	f.IntVar(&opts.query.K, "k", 1, "how many paths, shortest first")
	f.BoolVar(&opts.query.Topics, "through-topics", false, "also walk through topic nodes such as topic:ceasefire")
	f.BoolVar(&opts.gizmo, "gizmo", true, "print the Gizmo query that draws each path in the web UI")
	opts.format.register(cmd)
	return cmd
}

func runPath(cmd *cobra.Command, opts *pathOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	paths, err := queries.Paths(cmd.Context(), store.QuadStore(), opts.from, opts.to, opts.query)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, paths)
	}
	if len(paths) == 0 {
		fmt.Fprintf(opts.out, "no path between %q and %q within %d hops\n", opts.from, opts.to, opts.query.MaxHops)
		return nil
	}
	for i, p := range paths {
		fmt.Fprintf(opts.out, "path %d: %s\n", i+1, count(len(p.Hops), "hop"))
		for _, h := range p.Hops {
			date := h.Date
			if date == "" {
				date = "undated"
			}
			fmt.Fprintf(opts.out, "  %s —%s→ %s  [%s]\n", entityLabel(h.Subject), h.Predicate, entityLabel(h.Object), date)
			evidenceLines(opts.out, "      ", h.Evidence, 2)
		}
		if opts.gizmo {
			gizmo := strings.TrimSpace(queries.PathGizmo(p))
			fmt.Fprintf(opts.out, "  Gizmo (paste into the web UI's Visualize page):\n    %s\n", strings.ReplaceAll(gizmo, "\n", "\n    "))
		}
	}
	return nil
}
