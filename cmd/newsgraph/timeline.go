package main

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/queries"
)

type timelineOptions struct {
	global *globalOptions
	entity string
	query  queries.TimelineOptions
	format outputFlag
	out    io.Writer
}

func newTimelineCmd(g *globalOptions) *cobra.Command {
	opts := &timelineOptions{global: g}
	cmd := &cobra.Command{
		Use:   "timeline ENTITY",
		Short: "List the facts involving an entity in event-date order, by month, with evidence",
		Long: `List what happened to or by an entity, ordered by when it happened (not when it was
reported or loaded), grouped by month. The same fact read from several articles is one event
with all its evidence.`,
		Example: `  $ newsgraph timeline Armenia
  $ newsgraph timeline Armenia --with Azerbaijan --since 1994
  $ newsgraph timeline Russia --class mediate,agree --since 2020 --until 2020-12
  $ newsgraph timeline Putin --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.entity = args[0]
			if err := opts.format.check(); err != nil {
				return err
			}
			for _, c := range opts.query.Classes {
				if !slices.Contains(extract.Classes, c) {
					return usageErrorf("--class: unknown class %q (want %s)", c, strings.Join(extract.Classes, ", "))
				}
			}
			opts.out = cmd.OutOrStdout()
			return runTimeline(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.query.With, "with", "", "only facts that link the entity with this one")
	f.StringSliceVar(&opts.query.Classes, "class", nil, "only these event classes: "+strings.Join(extract.Classes, ", "))
	f.StringVar(&opts.query.Since, "since", "", "only events on or after this (YYYY, YYYY-MM or YYYY-MM-DD)")
	f.StringVar(&opts.query.Until, "until", "", "only events on or before this")
	opts.format.register(cmd)
	return cmd
}

func runTimeline(cmd *cobra.Command, opts *timelineOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	tl, err := queries.TimelineOf(cmd.Context(), store.QuadStore(), opts.entity, opts.query)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, tl)
	}
	title := entityLabel(tl.Entity)
	if tl.With != nil {
		title += " with " + entityLabel(*tl.With)
	}
	fmt.Fprintf(opts.out, "%s: %s\n", title, count(tl.Events, "event"))
	for _, m := range tl.Months {
		month := m.Month
		if month == "" {
			month = "undated"
		}
		fmt.Fprintf(opts.out, "\n%s\n", month)
		for _, e := range m.Events {
			fmt.Fprintf(opts.out, "  %-10s %s —%s→ %s  [%s]\n", e.Date, e.Subject.Name, e.Predicate, e.Object.Name, e.Class)
			evidenceLines(opts.out, "             ", e.Evidence, 1)
		}
	}
	return nil
}
