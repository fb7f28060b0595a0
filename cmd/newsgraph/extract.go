package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"text/tabwriter"

	"github.com/cayleygraph/quad/nquads"
	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/graph"
)

type extractOptions struct {
	global *globalOptions
	inputs []string
	read   readFlags
	format string
	out    io.Writer
	errOut io.Writer
}

func newExtractCmd(g *globalOptions) *cobra.Command {
	opts := &extractOptions{global: g}
	cmd := &cobra.Command{
		Use:   "extract [FILE|DIR|-]…",
		Short: "Extract facts from news articles and print them",
		Long: `Read articles (plain text, JSON, JSONL, HTML, RSS/Atom; directories recursively; "-" or
nothing for standard input) and print the facts found in them: subject, predicate and object
with resolved entities, the event date, modality, event class, confidence, and the sentence
and article they come from. Nothing is stored; see 'newsgraph load'.

Formats:
  jsonl   one fact per line, the input of 'newsgraph load --facts' (the contract in DESIGN.md)
  table   a readable table
  nquads  the quads 'newsgraph load' would write
  carb    input is one sentence per line; output is the raw open-extraction tuples in the
          CaRB benchmark's system format (sentence, confidence, relation, arguments)`,
		Example: `  $ newsgraph extract story.txt
  $ newsgraph extract articles/ --format jsonl > facts.jsonl
  $ curl -s https://example.com/feed.xml | newsgraph extract --input-format rss -
  $ newsgraph extract --format carb < sentences.txt > system.tsv`,
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.inputs = args
			if len(opts.inputs) == 0 {
				opts.inputs = []string{"-"}
			}
			opts.out, opts.errOut = cmd.OutOrStdout(), cmd.ErrOrStderr()
			return runExtract(cmd, opts)
		},
	}
	opts.read.register(cmd)
	cmd.Flags().StringVarP(&opts.format, "format", "f", "table", "output format: table, jsonl, nquads or carb")
	return cmd
}

func runExtract(cmd *cobra.Command, opts *extractOptions) error {
	cfg, err := loadConfig(opts.global, cmd)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(opts.out, 1<<16)
	defer w.Flush()
	if opts.format == "carb" {
		return runCarb(cmd, opts, w)
	}
	emit, flush, err := factWriter(opts.format, w)
	if err != nil {
		return err
	}
	var rejected int
	reject := func(err error) {
		rejected++
		fmt.Fprintln(opts.errOut, "newsgraph:", err)
	}
	if err := opts.read.extractInputs(cmd.Context(), cfg, opts.inputs, opts.errOut, reject, emit); err != nil {
		return err
	}
	if err := flush(); err != nil {
		return err
	}
	if rejected > 0 {
		return fmt.Errorf("inputs or articles rejected: %d (see above)", rejected)
	}
	return nil
}

// factWriter returns the function that prints one article's facts in format, and the one
// that ends the output.
func factWriter(format string, w io.Writer) (emit func(extract.Result) error, flush func() error, err error) {
	switch format {
	case "jsonl":
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		return func(r extract.Result) error {
			for _, f := range r.Facts {
				if err := enc.Encode(f); err != nil {
					return err
				}
			}
			return nil
		}, func() error { return nil }, nil
	case "nquads":
		qw := nquads.NewWriter(w)
		return func(r extract.Result) error {
			_, err := qw.WriteQuads(graph.ArticleQuads(r.Article, r.Facts))
			return err
		}, qw.Close, nil
	case "table":
		tw := tabwriter.NewWriter(w, 0, 4, 1, ' ', 0)
		fmt.Fprintln(tw, "DATE\tSUBJECT\tPREDICATE\tOBJECT\tCLASS\tMODALITY\tCONF\tSOURCE")
		return func(r extract.Result) error {
			for _, f := range r.Facts {
				mod := f.Modality
				if f.AttributedTo != "" {
					mod += " (" + f.AttributedTo + ")"
				}
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%.2f\t%s@%d\n", f.Date, f.Subject.ID, f.Predicate, f.Object.ID,
					f.Class, mod, f.Confidence, r.Article.Source, f.Offset)
			}
			return nil
		}, tw.Flush, nil
	}
	return nil, nil, usageErrorf("--format: unknown value %q (want table, jsonl, nquads, carb)", format)
}

// runCarb reads one sentence per line and prints raw open-extraction tuples for CaRB.
func runCarb(cmd *cobra.Command, opts *extractOptions, w io.Writer) error {
	if len(opts.inputs) != 1 {
		return usageErrorf("--format carb reads one file of sentences (or stdin)")
	}
	var in io.Reader = cmd.InOrStdin()
	if opts.inputs[0] != "-" {
		f, err := os.Open(opts.inputs[0])
		if err != nil {
			return fmt.Errorf("read sentences: %w", err)
		}
		defer f.Close()
		in = f
	}
	var sentences []string
	sc := bufio.NewScanner(in)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		sentences = append(sentences, sc.Text())
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read sentences: %w", err)
	}
	return extract.WriteCarb(w, sentences)
}
