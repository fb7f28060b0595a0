package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
)

// globalOptions are the flags every command accepts.
type globalOptions struct {
	configFile string
}

func newRootCmd() *cobra.Command {
	g := &globalOptions{}
	root := &cobra.Command{
		Use:   "newsgraph",
		Short: "Turn news articles into a knowledge graph you can question",
		Long: `newsgraph extracts who-did-what-to-whom facts from news articles (text, JSON, JSONL,
HTML, RSS/Atom), with entities resolved, event dates normalised and every fact tied to its
sentence and article, loads them into a Cayley graph, and answers questions over years of
news: paths between entities, timelines, and conflicts with their episodes and mediators.`,
		Example: `  $ newsgraph demo
  $ newsgraph load articles/
  $ newsgraph path Putin Azerbaijan
  $ newsgraph timeline Armenia --with Azerbaijan --since 2016
  $ newsgraph serve`,
		SilenceUsage:  true,
		SilenceErrors: true,
		// Runnable, so that an unknown command goes through Args and exits as a usage error;
		// cobra's own check for it happens before any hook could mark it.
		Args:                       unknownCommand,
		RunE:                       func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
		SuggestionsMinimumDistance: 2, // cobra's default, which SuggestionsFor does not apply
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return &flagError{err} })
	pf := root.PersistentFlags()
	pf.StringVar(&g.configFile, "config", "", "config file (default: newsgraph.yaml in the working directory or the user config directory)")
	pf.String("db", "bolt", "store backend: bolt, memory, postgres or cockroach")
	pf.String("data-dir", config.DefaultDataDir(), "directory of the bolt store")
	pf.String("store-address", "", "connection string for postgres or cockroach")
	config.BindFlag(pf.Lookup("db"), "store.backend")
	config.BindFlag(pf.Lookup("data-dir"), "store.path")
	config.BindFlag(pf.Lookup("store-address"), "store.address")

	root.AddCommand(
		newExtractCmd(g),
		newLoadCmd(g),
		newRetractCmd(g),
		newQueryCmd(g),
		newPathCmd(g),
		newTimelineCmd(g),
		newRelatedCmd(g),
		newEntityCmd(g),
		newSearchCmd(g),
		newStatsCmd(g),
		newExportCmd(g),
		newServeCmd(g),
		newDemoCmd(g),
		newEvalCmd(),
		newConfigCmd(g),
	)
	argsAreUsage(root)
	return root
}

// unknownCommand rejects arguments to a command that only holds subcommands, as cobra does
// for the root, suggestions included.
func unknownCommand(cmd *cobra.Command, args []string) error {
	if len(args) == 0 {
		return nil
	}
	msg := fmt.Sprintf("unknown command %q for %q", args[0], cmd.CommandPath())
	if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
		msg += "; did you mean " + strings.Join(s, " or ") + "?"
	}
	return errors.New(msg)
}

// argsAreUsage makes wrong positional arguments usage mistakes, like bad flags: cobra
// reports both as plain errors, and only flags have a hook (SetFlagErrorFunc).
func argsAreUsage(c *cobra.Command) {
	if check := c.Args; check != nil {
		c.Args = func(cmd *cobra.Command, args []string) error {
			if err := check(cmd, args); err != nil {
				return &flagError{err}
			}
			return nil
		}
	}
	for _, sub := range c.Commands() {
		argsAreUsage(sub)
	}
}

// loadConfig reads the configuration for a command, its flags included.
func loadConfig(g *globalOptions, cmd *cobra.Command) (*config.Config, error) {
	return config.Load(config.Options{File: g.configFile, Flags: cmd.Flags()})
}
