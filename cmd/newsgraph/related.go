package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/queries"
)

type relatedOptions struct {
	global *globalOptions
	name   string
	query  queries.RelatedOptions
	format outputFlag
	out    io.Writer
}

func newRelatedCmd(g *globalOptions) *cobra.Command {
	opts := &relatedOptions{global: g}
	cmd := &cobra.Command{
		Use:   "related ENTITY|CONFLICT",
		Short: "Show the conflict threads an entity takes part in, as episodes over time",
		Long: `Show the conflict threads (conflict:a--b) an entity is a party to, or one thread when given
a conflict. Each thread is split into episodes: bursts of hostile facts (accuse, attack, fight,
seize, threaten, sanction) separated by quiet gaps of more than --gap-days. Each episode lists
its mediators and main facts. Threads that share a party or a mediator are listed last.`,
		Example: `  $ newsgraph related Armenia
  $ newsgraph related conflict:armenia--azerbaijan --gap-days 90
  $ newsgraph related Russia --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			if err := opts.format.check(); err != nil {
				return err
			}
			if err := atLeastOne(map[string]int{"gap-days": opts.query.GapDays, "main": opts.query.MainFacts}); err != nil {
				return err
			}
			opts.out = cmd.OutOrStdout()
			return runRelated(cmd, opts)
		},
	}
	cmd.Flags().IntVar(&opts.query.GapDays, "gap-days", queries.DefaultGapDays, "a quiet gap longer than this ends an episode")
	cmd.Flags().IntVar(&opts.query.MainFacts, "main", queries.DefaultMainFacts, "main facts shown per episode")
	opts.format.register(cmd)
	return cmd
}

func runRelated(cmd *cobra.Command, opts *relatedOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	rel, err := queries.RelatedTo(cmd.Context(), store.QuadStore(), opts.name, opts.query)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, rel)
	}
	if len(rel.Threads) == 0 {
		fmt.Fprintf(opts.out, "%s takes part in no conflict thread\n", entityLabel(rel.Entity))
	}
	for _, t := range rel.Threads {
		fmt.Fprintf(opts.out, "%s (%s): %d statements, %d hostile, %s to %s\n",
			t.Conflict.Name, t.Conflict.ID, t.Statements, t.Hostile, t.First, t.Last)
		if len(t.Mediators) > 0 {
			fmt.Fprintf(opts.out, "  mediators: %s\n", mediatorList(t.Mediators))
		}
		for i, e := range t.Episodes {
			fmt.Fprintf(opts.out, "  episode %d: %s to %s, %d hostile of %d events\n", i+1, e.Start, e.End, e.Hostile, e.Events)
			if len(e.Mediators) > 0 {
				fmt.Fprintf(opts.out, "    mediated by %s\n", mediatorList(e.Mediators))
			}
			for _, ev := range e.Main {
				fmt.Fprintf(opts.out, "    %-10s %s —%s→ %s\n", ev.Date, ev.Subject.Name, ev.Predicate, ev.Object.Name)
			}
		}
	}
	if len(rel.Linked) > 0 {
		fmt.Fprintln(opts.out, "\nlinked threads:")
		for _, l := range rel.Linked {
			fmt.Fprintf(opts.out, "  %s — shares %s %s with %s\n", l.Conflict.Name, l.Via, l.Shared.Name, l.From)
		}
	}
	return nil
}

func mediatorList(ms []queries.Mediator) string {
	parts := make([]string, len(ms))
	for i, m := range ms {
		parts[i] = fmt.Sprintf("%s (%d)", m.Entity.Name, m.Statements)
	}
	return strings.Join(parts, ", ")
}
