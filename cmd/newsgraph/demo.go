package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
	"github.com/newsgraph/newsgraph/queries"
)

type demoOptions struct {
	global  *globalOptions
	noServe bool
	out     io.Writer
}

func newDemoCmd(g *globalOptions) *cobra.Command {
	opts := &demoOptions{global: g}
	cmd := &cobra.Command{
		Use:   "demo",
		Short: "Build a graph from the built-in example articles, answer a few questions, and serve the UI",
		Long: `Build a fresh in-memory graph from the example corpus embedded in newsgraph: short news
articles, written for this project from public facts, about Armenia and Azerbaijan (1994–2024),
Russia and Ukraine (2014–2023), Georgia, Israel and Hamas, Ethiopia and Tigray, and some news
that is not about conflict, in every input format newsgraph reads. Then print a few questions
with their answers, and serve the web UI on it until Ctrl+C. Nothing is written to disk.`,
		Example: `  $ newsgraph demo
  $ newsgraph demo --port 8080
  $ newsgraph demo --no-serve`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			opts.out = cmd.OutOrStdout()
			return runDemo(cmd, opts)
		},
	}
	f := cmd.Flags()
	f.BoolVar(&opts.noServe, "no-serve", false, "build the graph and answer the questions, then exit")
	f.String("host", "127.0.0.1", "address to listen on")
	f.IntP("port", "p", 64210, "port to listen on")
	config.BindFlag(f.Lookup("host"), "server.host")
	config.BindFlag(f.Lookup("port"), "server.port")
	return cmd
}

func runDemo(cmd *cobra.Command, opts *demoOptions) error {
	cfg, err := loadConfig(opts.global, cmd)
	if err != nil {
		return err
	}
	cfg.Server.AllowWrites = false // the demo graph is the built-in corpus, nothing else
	sopts, err := serverOptions(cfg)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	store, err := graph.Open(ctx, graph.Options{Backend: graph.BackendMemory})
	if err != nil {
		return err
	}
	defer store.Close()
	if err := buildDemo(ctx, opts.out, store); err != nil {
		return err
	}
	answerDemo(ctx, opts.out, store)
	if opts.noServe {
		return nil
	}
	return serveStore(ctx, opts.out, store, sopts)
}

// buildDemo extracts the embedded corpus and loads it.
func buildDemo(ctx context.Context, out io.Writer, store *graph.Store) error {
	start := time.Now()
	// No default date: an undated example article is reported, not given an invented date.
	arts, errs := corpus.Read(extract.ReadOptions{})
	var skipped []string
	for _, e := range errs {
		skipped = append(skipped, e.Error())
	}
	loader, err := store.NewLoader()
	if err != nil {
		return err
	}
	facts := 0
	for _, o := range extract.ExtractAll(ctx, arts, 0) {
		if o.Err != nil {
			skipped = append(skipped, o.Err.Error())
			continue
		}
		facts += len(o.Result.Facts)
		if err := loader.Add(ctx, o.Result); err != nil {
			return err
		}
	}
	if err := loader.Flush(ctx); err != nil {
		return err
	}
	st, err := store.Stats(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(out, "Built the demo graph from %d example articles in %s: %d facts, %d entities, %d conflict threads, %d quads.\n",
		st.Articles, time.Since(start).Round(time.Millisecond), st.Facts, sum(st.Entities), st.Threads, st.Quads)
	for _, s := range skipped {
		fmt.Fprintf(out, "  not loaded: %s\n", s)
	}
	return nil
}

func sum(m map[string]int64) int64 {
	var n int64
	for _, v := range m {
		n += v
	}
	return n
}

// answerDemo asks the questions users come with and prints short answers; a question the
// graph cannot answer says so rather than stopping the demo.
func answerDemo(ctx context.Context, out io.Writer, store *graph.Store) {
	qs := store.QuadStore()
	ask := func(question, command string, answer func() error) {
		fmt.Fprintf(out, "\n%s\n  $ newsgraph %s\n", question, command)
		if err := answer(); err != nil {
			fmt.Fprintf(out, "  (%v)\n", err)
		}
	}
	ask("How is Putin connected to Nagorno-Karabakh?", "path Putin Nagorno-Karabakh", func() error {
		paths, err := queries.Paths(ctx, qs, "Putin", "Nagorno-Karabakh", queries.PathOptions{})
		if len(paths) == 0 {
			return errors.Join(errors.New("no path"), err)
		}
		for _, h := range paths[0].Hops {
			fmt.Fprintf(out, "  %s —%s→ %s  [%s]\n", h.Subject.Name, h.Predicate, h.Object.Name, h.Date)
			evidenceLines(out, "      ", h.Evidence, 1)
		}
		return nil
	})
	ask("What happened between Armenia and Azerbaijan, episode by episode, and who mediated?", "related conflict:armenia--azerbaijan", func() error {
		rel, err := queries.RelatedTo(ctx, qs, "conflict:armenia--azerbaijan", queries.RelatedOptions{MainFacts: 2})
		if err != nil {
			return err
		}
		for _, t := range rel.Threads {
			for _, e := range t.Episodes {
				var ms []string
				for _, m := range e.Mediators {
					ms = append(ms, m.Entity.Name)
				}
				med := "no mediator recorded"
				if len(ms) > 0 {
					med = "mediated by " + strings.Join(ms, ", ")
				}
				fmt.Fprintf(out, "  %s to %s: %s, %s\n", e.Start, e.End, count(e.Hostile, "hostile event"), med)
			}
		}
		return nil
	})
	ask("Who did Russia mediate between, and when?", "timeline Russia --class mediate", func() error {
		tl, err := queries.TimelineOf(ctx, qs, "Russia", queries.TimelineOptions{Classes: []string{"mediate"}})
		if err != nil {
			return err
		}
		for _, m := range tl.Months {
			for _, e := range m.Events {
				fmt.Fprintf(out, "  %-10s %s —%s→ %s (%s)\n", e.Date, e.Subject.Name, e.Predicate, e.Object.Name, count(len(e.Evidence), "statement"))
			}
		}
		return nil
	})
}
