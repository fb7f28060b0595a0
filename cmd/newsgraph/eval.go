package main

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/carb"
)

func newEvalCmd() *cobra.Command {
	cmd := &cobra.Command{
		Use:   "eval",
		Short: "Measure extraction quality against benchmarks",
		Example: `  $ newsgraph eval carb --gold gold.tsv system.tsv
  $ newsgraph extract --format carb < dev_sentences.txt > system.tsv && newsgraph eval carb --gold dev_gold.tsv system.tsv`,
		Args:                       unknownCommand, // as for the root: 'eval crab' is a usage error
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SuggestionsMinimumDistance: 2,
	}
	cmd.AddCommand(newEvalCarbCmd())
	return cmd
}

func newEvalCarbCmd() *cobra.Command {
	var gold string
	var format outputFlag
	cmd := &cobra.Command{
		Use:   "carb --gold GOLD.tsv SYSTEM.tsv",
		Short: "Score open-extraction tuples with the CaRB benchmark's scoring",
		Long: `Score a system file (sentence, confidence, relation, arguments; tab-separated, as
'newsgraph extract --format carb' writes) against CaRB gold tuples with the official binary
lenient matching, and print AUC and the precision, recall and F1 at the best threshold.`,
		Example: `  $ newsgraph eval carb --gold gold.tsv system.tsv
  $ newsgraph extract --format carb < sentences.txt | newsgraph eval carb --gold gold.tsv -`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if gold == "" {
				return usageErrorf("--gold is required")
			}
			if err := format.check(); err != nil {
				return err
			}
			g, err := os.Open(gold)
			if err != nil {
				return fmt.Errorf("eval carb: %w", err)
			}
			defer g.Close()
			sys := cmd.InOrStdin()
			if args[0] != "-" {
				f, err := os.Open(args[0])
				if err != nil {
					return fmt.Errorf("eval carb: %w", err)
				}
				defer f.Close()
				sys = f
			}
			res, err := carb.Score(g, sys)
			if err != nil {
				return fmt.Errorf("eval carb %s against %s: %w", args[0], gold, err)
			}
			if format == "json" {
				res.Curve = nil
				return writeJSON(cmd.OutOrStdout(), res)
			}
			fmt.Fprintf(cmd.OutOrStdout(), "AUC %.3f  P %.3f  R %.3f  F1 %.3f  (threshold %.3f)\n",
				res.AUC, res.Precision, res.Recall, res.F1, res.Threshold)
			return nil
		},
	}
	cmd.Flags().StringVar(&gold, "gold", "", "CaRB gold file")
	format.register(cmd)
	return cmd
}
