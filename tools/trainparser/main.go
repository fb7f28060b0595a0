// Command trainparser trains depparse's model on a CoNLL-U treebank and
// scores it on a development split, with the treebank's tags, with the tags
// newsgraph's extractor gives (extract.Tags, what it feeds the parser) and
// with tags from postag (a tagger trained on the same treebank).
//
// Usage:
//
//	$ go run ./tools/trainparser                  # trains on UD English EWT, writes depparse/model/en_ewt.bin.gz
//	$ go run ./tools/trainparser -eval depparse/model/en_ewt.bin.gz   # score a model only
//
// Training reads /work/shared/benchmarks/ud-english-ewt by default
// (CC BY-SA 4.0; the model shares that licence, see depparse/MODEL_LICENSE).
// The defaults are the settings of the embedded model, and training is
// deterministic: run from the repository root, the command rebuilds the
// model byte for byte (about a minute and a half on one idle core, a third
// of it training the ten one-pass taggers, like the embedded one, that give
// the training split postag's tags).
// Exit code 1 means a file could not be read or written, 2 a bad flag.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/newsgraph/newsgraph/depparse"
	"github.com/newsgraph/newsgraph/extract"
	"github.com/newsgraph/newsgraph/internal/fileio"
	"github.com/newsgraph/newsgraph/internal/traincmd"
	"github.com/newsgraph/newsgraph/postag"
)

type options struct {
	traincmd.Flags
	tags   string
	static bool
}

func main() { os.Exit(run()) }

func run() int {
	var o options
	o.Register(flag.CommandLine, traincmd.Defaults{
		Out: "depparse/model/en_ewt.bin.gz", Epochs: 12,
		MinCount: 30, MinCountUsage: "drop features seen fewer times in the gold derivations",
	})
	flag.StringVar(&o.tags, "train-tags", "gold+postag", "tags to train with, one copy of every sentence for each source joined by +: gold (the treebank's), extract (the extractor's: prose's tagger with newsgraph's lexicon and fixes), postag (postag's, jackknifed: 10 one-pass taggers trained on nine tenths each tag the tenth they did not see, about 30 seconds more)")
	flag.BoolVar(&o.static, "static", false, "train on the static oracle only (no exploration)")
	ok := func() bool {
		seen := map[string]bool{}
		for _, src := range strings.Split(o.tags, "+") {
			if src != "gold" && src != "extract" && src != "postag" || seen[src] {
				return false
			}
			seen[src] = true
		}
		return true
	}
	return traincmd.Main("trainparser", flag.CommandLine, os.Args[1:], &o.Flags, ok, func(ctx context.Context) error {
		return trainAndScore(ctx, o)
	})
}

func trainAndScore(ctx context.Context, o options) error {
	dev, err := fileio.ReadFile(o.Dev(), "treebank", depparse.ReadCoNLLU)
	if err != nil {
		return err
	}
	devExtract, err := retag(dev)
	if err != nil {
		return err
	}
	pt, err := postag.Default()
	if err != nil {
		return fmt.Errorf("load postag: %w", err)
	}
	devPostag := retagPostag(pt, dev)
	devs := []tagged{{"gold", dev}, {"extract", devExtract}, {"postag", devPostag}}
	if o.Eval != "" {
		m, err := fileio.ReadFile(o.Eval, "model", depparse.ReadModel)
		if err != nil {
			return err
		}
		return report("model", m, devs)
	}
	train, err := fileio.ReadFile(o.Train(), "treebank", depparse.ReadCoNLLU)
	if err != nil {
		return err
	}
	// Each source of tags named gives the parser one copy of every sentence.
	var copies []depparse.Sentence
	for _, src := range strings.Split(o.tags, "+") {
		var tagged []depparse.Sentence
		switch src {
		case "gold":
			tagged = train
		case "extract":
			tagged, err = retag(train)
		case "postag":
			tagged, err = jackknifePostag(ctx, train, 10)
		}
		if err != nil {
			return err
		}
		copies = append(copies, tagged...)
	}
	train = copies
	start := time.Now()
	m, err := depparse.Train(ctx, train, depparse.TrainOptions{
		Epochs:   o.Epochs,
		MinCount: o.MinCount,
		Static:   o.static,
		Seed:     o.Seed,
		AfterEpoch: func(epoch int, m *depparse.Model) error {
			return report(fmt.Sprintf("epoch %2d %6s", epoch, time.Since(start).Round(time.Second)), m, devs)
		},
	})
	if err != nil {
		return err
	}
	size, err := fileio.WriteFile(o.Out, m.Write)
	if err != nil {
		return err
	}
	fmt.Printf("wrote %s (%.1f MB); leaf tags %q\n", o.Out, float64(size)/1e6, m.LeafTags())
	// Score what was written: the file is quantised, so it can differ a little.
	written, err := fileio.ReadFile(o.Out, "written model", depparse.ReadModel)
	if err != nil {
		return err
	}
	return report("written model", written, devs)
}

// retag returns copies of the sentences with the tags newsgraph's extractor
// gives their words.
func retag(sentences []depparse.Sentence) ([]depparse.Sentence, error) {
	out := make([]depparse.Sentence, len(sentences))
	for i, s := range sentences {
		tags, err := extract.Tags(s.Words)
		if err != nil {
			return nil, fmt.Errorf("tag: %w", err)
		}
		s.Tags = tags
		out[i] = s
	}
	return out, nil
}

// retagPostag returns copies of the sentences with postag's tags.
func retagPostag(pt *postag.Tagger, sentences []depparse.Sentence) []depparse.Sentence {
	out := make([]depparse.Sentence, len(sentences))
	for i, s := range sentences {
		s.Tags = pt.Tag(s.Words)
		out[i] = s
	}
	return out
}

// jackknifePostag returns copies of the training sentences with the tags
// postag would give them had it not been trained on them: a tagger trained
// on the other folds tags each fold. (The embedded tagger was trained on
// these sentences and tags them nearly perfectly, which would teach the
// parser to trust tags more than it should.)
func jackknifePostag(ctx context.Context, sentences []depparse.Sentence, folds int) ([]depparse.Sentence, error) {
	out := make([]depparse.Sentence, len(sentences))
	for k := range folds {
		var rest []postag.Sentence
		for i, s := range sentences {
			if i%folds != k {
				rest = append(rest, postag.Sentence{Words: s.Words, Tags: s.Tags})
			}
		}
		m, err := postag.Train(ctx, rest, postag.TrainOptions{OnePass: true})
		if err != nil {
			return nil, fmt.Errorf("train postag on fold %d of %d: %w", k+1, folds, err)
		}
		pt := postag.NewTagger(m)
		for i := k; i < len(sentences); i += folds {
			s := sentences[i]
			s.Tags = pt.Tag(s.Words)
			out[i] = s
		}
		fmt.Printf("postag fold %d of %d tagged\n", k+1, folds)
	}
	return out, nil
}

// tagged is the dev split with one tagger's tags.
type tagged struct {
	name      string
	sentences []depparse.Sentence
}

// report prints UAS and LAS with each set of tags.
func report(what string, m *depparse.Model, devs []tagged) error {
	p := depparse.NewParser(m)
	line, words := what+"  dev", 0
	for _, d := range devs {
		sc, err := depparse.Evaluate(p, d.sentences)
		if err != nil {
			return err
		}
		line += fmt.Sprintf(" | %s tags UAS %.4f LAS %.4f", d.name, sc.UAS, sc.LAS)
		words = sc.Words
	}
	fmt.Printf("%s  (%d words)\n", line, words)
	return nil
}
