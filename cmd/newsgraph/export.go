package main

import (
	"bufio"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/graph"
)

type exportOptions struct {
	global *globalOptions
	format string
}

func newExportCmd(g *globalOptions) *cobra.Command {
	opts := &exportOptions{global: g}
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Stream the whole graph as N-Quads or JSON-LD",
		Long: `Write every quad of the graph to standard output. N-Quads keep the fourth field, the
article each quad came from; load them into any RDF store or 'cayley load'.`,
		Example: `  $ newsgraph export > graph.nq
  $ newsgraph export --format jsonld > graph.jsonld`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			// Checked here too, so that a typo fails before the store is opened.
			if opts.format != graph.FormatNQuads && opts.format != graph.FormatJSONLD {
				return usageErrorf("--format: unknown value %q (want %s, %s)", opts.format, graph.FormatNQuads, graph.FormatJSONLD)
			}
			return runExport(cmd, opts)
		},
	}
	cmd.Flags().StringVar(&opts.format, "format", graph.FormatNQuads, "output format: nquads or jsonld")
	return cmd
}

func runExport(cmd *cobra.Command, opts *exportOptions) error {
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()
	w := bufio.NewWriterSize(cmd.OutOrStdout(), 1<<16)
	if err := store.Export(cmd.Context(), w, opts.format); err != nil {
		return err
	}
	return w.Flush()
}
