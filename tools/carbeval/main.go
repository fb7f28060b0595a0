// Command carbeval runs newsgraph's open-extraction core over the CaRB
// development sentences and scores it against their gold tuples, in one step
// and without scripts (issue 6, item 2).
//
// Usage:
//
//	$ go run ./tools/carbeval                       # reads /work/shared/benchmarks/carb
//	$ go run ./tools/carbeval -dir DIR -out system.tsv
//	$ go run ./tools/carbeval -fit extract/data/carb_confidence.tsv
//	$ go run ./tools/carbeval -gold extract/testdata/carb/general.gold.tsv
//
// DIR holds sentences.txt (one tokenised sentence per line) and gold.tsv (the
// gold tuples), the development half of CaRB; the test half is kept apart and
// never read here. With -gold, the sentences are those of the gold file
// instead, as in the held-out sets of our own in extract/testdata/carb. The tool prints AUC, precision, recall and F1 at the best
// threshold, and the extractor's speed in words per second (the time of
// extract.WriteCarb alone, on one goroutine, models already loaded, over as many
// passes as fill a second).
//
// With -fit it instead fits the weights of the tuples' confidence
// (extract.CarbFeatures) on these sentences and writes them to the file. It
// first scores each half of the sentences (odd and even lines) with weights
// fitted on the other half and prints that: the figure to quote, since the
// weights fitted on all of them have seen the gold tuples they are scored on.
//
// Exit code 1 means a file could not be read or scored, 2 a bad flag.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/carb"
	"github.com/newsgraph/newsgraph/extract"
)

func main() { os.Exit(run()) }

func run() int {
	dir := flag.String("dir", "/work/shared/benchmarks/carb", "directory holding sentences.txt and gold.tsv (CaRB dev)")
	out := flag.String("out", "", "also write the system tuples to this file")
	fitPath := flag.String("fit", "", "fit the confidence weights on these sentences and write them to this file")
	goldPath := flag.String("gold", "", "score on the sentences of this gold file instead of DIR's")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintf(os.Stderr, "carbeval: unexpected arguments %q\n", flag.Args())
		flag.Usage()
		return 2
	}
	if err := eval(*dir, *goldPath, *out, *fitPath); err != nil {
		fmt.Fprintln(os.Stderr, "carbeval:", err)
		return 1
	}
	return 0
}

func eval(dir, goldPath, out, fitPath string) error {
	var sentences []string
	if goldPath == "" {
		goldPath = filepath.Join(dir, "gold.tsv")
		var err error
		if sentences, err = readSentences(filepath.Join(dir, "sentences.txt")); err != nil {
			return err
		}
	}
	gf, err := os.Open(goldPath)
	if err != nil {
		return fmt.Errorf("open gold: %w", err)
	}
	defer gf.Close()
	gold, err := carb.ReadGold(gf)
	if err != nil {
		return fmt.Errorf("read %s: %w", goldPath, err)
	}
	if sentences == nil {
		sentences = carb.Sentences(gold)
	}
	words := 0
	for _, s := range sentences {
		words += len(strings.Fields(s))
	}
	if fitPath != "" {
		return fit(sentences, gold, fitPath)
	}
	// Load the tagger and parser models first: their one-off cost is not speed.
	if err := extract.WriteCarb(io.Discard, nil); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	var system bytes.Buffer
	start := time.Now()
	if err := extract.WriteCarb(&system, sentences); err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	// One pass over dev takes a tenth of a second, too short to time steadily: the
	// speed is of as many passes as fill a second.
	runs := 1
	for ; time.Since(start) < time.Second; runs++ {
		if err := extract.WriteCarb(io.Discard, sentences); err != nil {
			return fmt.Errorf("extract: %w", err)
		}
	}
	elapsed := time.Since(start) / time.Duration(runs)
	if out != "" {
		if err := os.WriteFile(out, system.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write system tuples: %w", err)
		}
	}
	sys, err := carb.ReadSystem(bytes.NewReader(system.Bytes()))
	if err != nil {
		return fmt.Errorf("read system tuples: %w", err)
	}
	res := carb.Evaluate(gold, sys)
	tuples := bytes.Count(system.Bytes(), []byte{'\n'})
	fmt.Printf("sentences %d  words %d  tuples %d\n", len(sentences), words, tuples)
	fmt.Printf("AUC %.3f  P %.3f  R %.3f  F1 %.3f  (threshold %.3f)\n", res.AUC, res.Precision, res.Recall, res.F1, res.Threshold)
	fmt.Printf("extract %.0f words/s (%s a pass, mean of %d)\n", float64(words)/elapsed.Seconds(), elapsed.Round(time.Millisecond), runs)
	return nil
}

// readSentences reads one sentence per line, skipping blank lines.
func readSentences(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open sentences: %w", err)
	}
	defer f.Close()
	var sentences []string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		sentences = append(sentences, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(sentences) == 0 {
		return nil, fmt.Errorf("%s: no sentences", path)
	}
	return sentences, nil
}
