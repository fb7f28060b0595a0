package main

import (
	"fmt"
	"io"
	"text/tabwriter"

	"github.com/spf13/cobra"
)

type configOptions struct {
	global *globalOptions
	format outputFlag
	out    io.Writer
}

func newConfigCmd(g *globalOptions) *cobra.Command {
	opts := &configOptions{global: g}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Print the effective configuration and where each value came from",
		Long: `Print every setting with its effective value and its source: the built-in default,
the config file, a NEWSGRAPH_* environment variable, or a flag. Precedence, lowest first:
default < file < environment < flag.`,
		Example: `  $ newsgraph config
  $ NEWSGRAPH_SERVER_PORT=8080 newsgraph config --db memory
  $ newsgraph config --config ./newsgraph.yaml --format json`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.format.check(); err != nil {
				return err
			}
			opts.out = cmd.OutOrStdout()
			return runConfig(cmd, opts)
		},
	}
	opts.format.register(cmd)
	return cmd
}

func runConfig(cmd *cobra.Command, opts *configOptions) error {
	cfg, err := loadConfig(opts.global, cmd)
	if err != nil {
		return err
	}
	if opts.format == "json" {
		return writeJSON(opts.out, cfg.Settings())
	}
	tw := tabwriter.NewWriter(opts.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "KEY\tVALUE\tSOURCE")
	for _, s := range cfg.Settings() {
		fmt.Fprintf(tw, "%s\t%v\t%s\n", s.Key, s.Value, s.Source)
	}
	return tw.Flush()
}
