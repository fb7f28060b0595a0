package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/queries"
)

type entityOptions struct {
	global *globalOptions
	name   string
	format outputFlag
	out    io.Writer
}

func newEntityCmd(g *globalOptions) *cobra.Command {
	opts := &entityOptions{global: g}
	cmd := &cobra.Command{
		Use:   "entity NAME",
		Short: "Describe an entity: type, aliases, mentions, first and last seen, neighbours",
		Example: `  $ newsgraph entity Putin
  $ newsgraph entity ent:nagorno_karabakh --format json`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.name = args[0]
			if err := opts.format.check(); err != nil {
				return err
			}
			opts.out = cmd.OutOrStdout()
			return runEntity(cmd, opts)
		},
	}
	opts.format.register(cmd)
	return cmd
}

func runEntity(cmd *cobra.Command, opts *entityOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	p, err := queries.Describe(cmd.Context(), store.QuadStore(), opts.name)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, p)
	}
	w := opts.out
	fmt.Fprintf(w, "%s\n  id: %s\n  type: %s\n", p.Entity.Name, p.Entity.ID, p.Entity.Type)
	if len(p.Entity.Aliases) > 0 {
		fmt.Fprintf(w, "  aliases: %s\n", strings.Join(p.Entity.Aliases, "; "))
	}
	fmt.Fprintf(w, "  articles: %d, facts: %d (%d as subject)\n", p.Articles, p.Facts, p.AsSubject)
	if p.FirstSeen != "" {
		fmt.Fprintf(w, "  seen: %s to %s\n", p.FirstSeen, p.LastSeen)
	}
	if len(p.Predicates) > 0 {
		parts := make([]string, len(p.Predicates))
		for i, c := range p.Predicates {
			parts[i] = fmt.Sprintf("%s (%d)", c.Name, c.Count)
		}
		fmt.Fprintf(w, "  predicates: %s\n", strings.Join(parts, ", "))
	}
	if len(p.Neighbours) > 0 {
		parts := make([]string, len(p.Neighbours))
		for i, n := range p.Neighbours {
			parts[i] = fmt.Sprintf("%s (%d)", n.Entity.Name, n.Facts)
		}
		fmt.Fprintf(w, "  neighbours: %s\n", strings.Join(parts, ", "))
	}
	if len(p.Threads) > 0 {
		parts := make([]string, len(p.Threads))
		for i, t := range p.Threads {
			parts[i] = t.Name
		}
		fmt.Fprintf(w, "  conflict threads: %s\n", strings.Join(parts, ", "))
	}
	return nil
}
