package main

import (
	"fmt"

	"github.com/spf13/cobra"
)

func newRetractCmd(g *globalOptions) *cobra.Command {
	return &cobra.Command{
		Use:   "retract ARTICLE…",
		Short: "Remove articles and every fact they contributed",
		Long: `Remove each article, given by its IRI (art:…) or URL, with every quad it wrote. Facts the
same entities have from other articles stay. Uses the article's load record, so it does not scan
the store.`,
		Example: `  $ newsgraph retract art:5d41402abc4b
  $ newsgraph retract https://example.com/news/2020/07/17/ceasefire`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			store, err := openConfigured(cmd, g, false)
			if err != nil {
				return err
			}
			defer store.Close()
			for _, a := range args {
				if err := store.Retract(cmd.Context(), a); err != nil {
					return err // it names the article
				}
				fmt.Fprintln(cmd.OutOrStdout(), "retracted", a)
			}
			return nil
		},
	}
}
