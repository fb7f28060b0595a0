// Command traintagger trains postag's model on a CoNLL-U treebank's XPOS
// tags and scores it on a development split: accuracy over all words and
// over words the training split never has.
//
// Usage:
//
//	$ go run ./tools/traintagger                  # trains on UD English EWT, writes postag/model/en_ewt.bin.gz
//	$ go run ./tools/traintagger -eval postag/model/en_ewt.bin.gz   # score a model only
//
// Training reads /work/shared/benchmarks/ud-english-ewt by default
// (CC BY-SA 4.0; the model shares that licence, see postag/MODEL_LICENSE).
// The defaults are the settings of the embedded model, and training is
// deterministic: run from the repository root, the command rebuilds the
// model byte for byte, in about a minute on one idle core. It trains the
// right-to-left first pass and ten jackknife copies of it silently (some 50
// seconds), then prints the dev accuracy after each epoch of the second
// pass, and of the model as written and read back.
// Exit code 1 means a file could not be read or written, 2 a bad flag.
package main

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"time"

	"github.com/newsgraph/newsgraph/postag"
)

type options struct {
	dir      string
	out      string
	eval     string
	epochs   int
	minCount int
	onePass  bool
	dictMin  int
	dictShr  float64
	seed     uint64
}

func main() { os.Exit(run()) }

func run() int {
	var o options
	flag.StringVar(&o.dir, "dir", "/work/shared/benchmarks/ud-english-ewt", "directory holding en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	flag.StringVar(&o.out, "out", "postag/model/en_ewt.bin.gz", "where to write the trained model")
	flag.StringVar(&o.eval, "eval", "", "only score this model file on the dev split")
	flag.IntVar(&o.epochs, "epochs", 10, "training epochs")
	flag.IntVar(&o.minCount, "min-count", 2, "drop features seen fewer times in training")
	flag.BoolVar(&o.onePass, "one-pass", false, "train a one-pass model (faster to tag and train, less accurate)")
	flag.IntVar(&o.dictMin, "dict-min-count", 20, "words seen this often with one tag go in the tag dictionary ...")
	flag.Float64Var(&o.dictShr, "dict-share", 0.97, "... if they have that tag this share of the time")
	flag.Uint64Var(&o.seed, "seed", 1, "random seed")
	flag.Parse()
	if flag.NArg() > 0 || o.epochs < 1 || o.minCount < 1 || o.dictMin < 1 || o.dictShr <= 0 || o.dictShr > 1 {
		fmt.Fprintln(os.Stderr, "traintagger: bad arguments")
		flag.Usage()
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := trainAndScore(ctx, o); err != nil {
		fmt.Fprintln(os.Stderr, "traintagger:", err)
		return 1
	}
	return 0
}

func trainAndScore(ctx context.Context, o options) error {
	dev, err := readTreebank(filepath.Join(o.dir, "en_ewt-ud-dev.conllu"))
	if err != nil {
		return err
	}
	train, err := readTreebank(filepath.Join(o.dir, "en_ewt-ud-train.conllu"))
	if err != nil {
		return err
	}
	known := postag.Vocabulary(train)
	if o.eval != "" {
		f, err := os.Open(o.eval)
		if err != nil {
			return fmt.Errorf("open model: %w", err)
		}
		defer f.Close()
		m, err := postag.ReadModel(f, o.eval)
		if err != nil {
			return err
		}
		return report("model", m, dev, known)
	}
	start := time.Now()
	m, err := postag.Train(ctx, train, postag.TrainOptions{
		Epochs:       o.epochs,
		MinCount:     o.minCount,
		OnePass:      o.onePass,
		DictMinCount: o.dictMin,
		DictShare:    o.dictShr,
		Seed:         o.seed,
		AfterEpoch: func(epoch int, m *postag.Model) error {
			return report(fmt.Sprintf("epoch %2d %6s", epoch, time.Since(start).Round(time.Second)), m, dev, known)
		},
	})
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(o.out), 0o755); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	f, err := os.Create(o.out)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", o.out, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("write %s: %w", o.out, err)
	}
	info, err := os.Stat(o.out)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Printf("wrote %s (%.2f MB): %d tags, %d passes, %d dictionary words, %d lexicon words, %d features\n",
		o.out, float64(info.Size())/1e6, len(m.Tags()), m.Passes(), m.DictSize(), m.LexiconSize(), m.Features())
	// Score what was written, read back, to check the file.
	f, err = os.Open(o.out)
	if err != nil {
		return fmt.Errorf("reopen model: %w", err)
	}
	defer f.Close()
	written, err := postag.ReadModel(f, o.out)
	if err != nil {
		return err
	}
	return report("written model", written, dev, known)
}

func readTreebank(path string) ([]postag.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("open treebank: %w", err)
	}
	defer f.Close()
	return postag.ReadCoNLLU(f, path)
}

// report prints the model's dev accuracy, over all words and over words
// not in the training split.
func report(what string, m *postag.Model, dev []postag.Sentence, known map[string]bool) error {
	sc, err := postag.Evaluate(postag.NewTagger(m), dev, known)
	if err != nil {
		return err
	}
	fmt.Printf("%s  dev accuracy %.4f (%d words) | unknown words %.4f (%d)\n", what, sc.Acc, sc.Words, sc.AccUn, sc.Unknown)
	return nil
}
