package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

type loadOptions struct {
	global *globalOptions
	facts  []string // --facts files of extract JSONL
	inputs []string // article files and directories
	read   readFlags
	out    io.Writer
	errOut io.Writer
}

func newLoadCmd(g *globalOptions) *cobra.Command {
	opts := &loadOptions{global: g}
	cmd := &cobra.Command{
		Use:   "load [ARTICLES…] [--facts FILE.jsonl…]",
		Short: "Extract facts from articles (or read pre-extracted facts) and load them into the graph",
		Long: `Load articles into the graph: each article is extracted (see 'newsgraph extract') and its
facts written in one transaction, so a crash never leaves half an article. Loading is
idempotent: the same article again changes nothing, and a changed version of an article (same
URL or id, new content) replaces exactly that article's facts.

With --facts, load reads facts already extracted, one JSON object per line in the format of
'newsgraph extract --format jsonl' — the way pipelines and other extractors feed the graph.
Rejected lines are reported with their line number; the valid ones still load, and the exit
status is 1.

Articles are files (text, JSON, JSONL, HTML, RSS/Atom), directories (read recursively) or
"-" for standard input.`,
		Example: `  $ newsgraph load articles/
  $ newsgraph load --date 2020-07-17 story.txt
  $ newsgraph extract articles/ --format jsonl > facts.jsonl && newsgraph load --facts facts.jsonl
  $ newsgraph load --db postgres --store-address postgres://newsgraph@127.0.0.1/newsgraph feed.xml`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			if len(opts.inputs) == 0 && len(opts.facts) == 0 {
				return usageErrorf("nothing to load: give article files or directories, or --facts FILE")
			}
			opts.out, opts.errOut = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runLoad(cmd, opts)
		},
	}
	cmd.Flags().StringArrayVar(&opts.facts, "facts", nil, "load pre-extracted facts from this JSONL file (\"-\" for stdin); repeatable")
	opts.read.register(cmd)
	return cmd
}

func runLoad(cmd *cobra.Command, opts *loadOptions) error {
	cfg, err := loadConfig(opts.global, cmd)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	store, err := openStore(ctx, cfg, false)
	if err != nil {
		return err
	}
	defer store.Close()
	loader, err := store.NewLoader()
	if err != nil {
		return err
	}
	progress := newProgress(opts.errOut, "loaded")
	var rejected int
	reject := func(err error) {
		rejected++
		fmt.Fprintln(opts.errOut, "newsgraph:", err)
	}
	add := func(r extract.Result) error {
		if err := loader.Add(ctx, r); errors.Is(err, graph.ErrInvalidArticle) {
			reject(err) // that article only; the loader goes on with the rest
			return nil
		} else if err != nil {
			return err
		}
		progress.tick(loader.Report().Articles())
		return nil
	}

	for _, name := range opts.facts {
		// Each bad line is its own rejection; the lines read well still load.
		results, err := readFactsFile(cmd, name)
		if err != nil {
			for _, e := range unjoin(err) {
				reject(e)
			}
		}
		for _, r := range results {
			if err := add(r); err != nil {
				return err
			}
		}
	}
	if len(opts.inputs) > 0 {
		if err := opts.read.extractInputs(ctx, cfg, opts.inputs, opts.errOut, reject, add); err != nil {
			return err
		}
	}
	if err := loader.Flush(ctx); err != nil {
		return err
	}
	progress.done()
	rep := loader.Report()
	fmt.Fprintf(opts.out, "%d articles: %d added, %d replaced, %d unchanged; %d quads added, %d removed\n",
		rep.Articles(), rep.Added, rep.Replaced, rep.Unchanged, rep.QuadsAdded, rep.QuadsRemoved)
	if rejected > 0 {
		return fmt.Errorf("inputs or lines rejected: %d (see above); everything else was loaded", rejected)
	}
	return nil
}

func readFactsFile(cmd *cobra.Command, name string) ([]extract.Result, error) {
	if name == "-" {
		return graph.ReadFacts(cmd.InOrStdin(), "stdin")
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("read facts: %w", err)
	}
	defer f.Close()
	return graph.ReadFacts(f, name)
}

// unjoin lists the errors of an errors.Join, or err itself.
func unjoin(err error) []error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()
	}
	return []error{err}
}
