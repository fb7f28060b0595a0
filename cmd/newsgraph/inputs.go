package main

import (
	"context"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/extract"
)

// readFlags are the flags of every command that reads articles.
type readFlags struct {
	format        string
	date          string
	workers       int
	minConfidence float64
}

func (f *readFlags) register(cmd *cobra.Command) {
	fs := cmd.Flags()
	fs.StringVar(&f.format, "input-format", "auto", "input format: "+strings.Join(extract.InputFormats, ", "))
	fs.StringVar(&f.date, "date", "", "publication date (YYYY-MM-DD) for articles that give none (default: extract.date)")
	fs.IntVar(&f.workers, "workers", 0, "extraction workers; 0 means one per CPU (default: extract.workers)")
	fs.Float64Var(&f.minConfidence, "min-confidence", extract.DefaultMinConfidence, "drop facts less confident than this (0 keeps all)")
	config.BindFlag(fs.Lookup("date"), "extract.date")
	config.BindFlag(fs.Lookup("workers"), "extract.workers")
}

// options turns the flags into reader options; the date comes through the configuration,
// where the flag has already overridden file and environment.
func (f *readFlags) options(cfg *config.Config) (extract.ReadOptions, error) {
	opts := extract.ReadOptions{Format: f.format}
	if cfg.Extract.Date != "" {
		d, err := time.Parse("2006-01-02", cfg.Extract.Date)
		if err != nil {
			return opts, usageErrorf("--date: %q is not YYYY-MM-DD", cfg.Extract.Date)
		}
		opts.DefaultDate = d
	}
	if !slices.Contains(extract.InputFormats, f.format) {
		return opts, usageErrorf("--input-format: unknown value %q (want %s)", f.format, strings.Join(extract.InputFormats, ", "))
	}
	return opts, nil
}

// dateNote says which date an article was given when it carried none, so that users see it.
func dateNote(a extract.Article) string {
	if a.DateSource == "default" {
		return fmt.Sprintf("%s: no publication date in the article; used %s", a.Source, a.Published.Format("2006-01-02"))
	}
	return ""
}

// extractInputs reads the articles of inputs and extracts them on extract.workers goroutines,
// handing each result to add in input order. A bad input or article goes to reject
// and the rest carry on; only an error from add, or a cancelled ctx, stops the batch.
// Notes for the user (a date given to an undated article) go to errOut.
func (f *readFlags) extractInputs(ctx context.Context, cfg *config.Config, inputs []string, errOut io.Writer,
	reject func(error), add func(extract.Result) error) error {
	ropts, err := f.options(cfg)
	if err != nil {
		return err
	}
	arts, errs := extract.Read(ctx, inputs, ropts)
	for _, err := range errs {
		reject(err)
	}
	for _, a := range arts {
		if note := dateNote(a); note != "" {
			fmt.Fprintln(errOut, "newsgraph:", note)
		}
	}
	for _, o := range extract.ExtractAll(ctx, arts, cfg.Extract.Workers, extract.WithMinConfidence(f.minConfidence)) {
		if o.Err != nil {
			reject(o.Err)
			continue
		}
		if err := add(o.Result); err != nil {
			return err
		}
	}
	return ctx.Err()
}
