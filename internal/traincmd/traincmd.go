package traincmd

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
)

// Exit codes of Main.
const (
	ExitOK    = 0
	ExitError = 1 // a file could not be read or written, or training failed
	ExitUsage = 2 // a bad flag or argument
)

// DefaultDir is where the project's shared benchmark data keeps UD English
// EWT (CC BY-SA 4.0).
const DefaultDir = "/work/shared/benchmarks/ud-english-ewt"

// Flags are the flags both commands take.
type Flags struct {
	Dir      string // the directory holding the treebank's splits
	Out      string // where to write the trained model
	Eval     string // if set, only score this model file on the dev split
	Epochs   int
	MinCount int // drop features seen fewer times
	Seed     uint64
}

// Defaults are the command's own defaults for Register.
type Defaults struct {
	Out           string
	Epochs        int
	MinCount      int
	MinCountUsage string // what the cut-off counts, in the command's words
}

// Register defines the flags on fs.
func (f *Flags) Register(fs *flag.FlagSet, d Defaults) {
	fs.StringVar(&f.Dir, "dir", DefaultDir, "directory holding en_ewt-ud-train.conllu and en_ewt-ud-dev.conllu")
	fs.StringVar(&f.Out, "out", d.Out, "where to write the trained model")
	fs.StringVar(&f.Eval, "eval", "", "only score this model file on the dev split")
	fs.IntVar(&f.Epochs, "epochs", d.Epochs, "training epochs")
	fs.IntVar(&f.MinCount, "min-count", d.MinCount, d.MinCountUsage)
	fs.Uint64Var(&f.Seed, "seed", 1, "random seed")
}

// Train and Dev are the paths of the treebank's training and development
// splits.
func (f *Flags) Train() string { return filepath.Join(f.Dir, "en_ewt-ud-train.conllu") }
func (f *Flags) Dev() string   { return filepath.Join(f.Dir, "en_ewt-ud-dev.conllu") }

// Main parses args with fs into f (and the command's own flags), refuses
// positional arguments, nonpositive epochs or cut-off and whatever ok
// refuses (ExitUsage, after the usage), then runs run with a context an
// interrupt cancels. An error from run is printed after the command's name
// to stderr (ExitError).
func Main(name string, fs *flag.FlagSet, args []string, f *Flags, ok func() bool, run func(context.Context) error) int {
	return runMain(name, fs, args, f, ok, run, os.Stderr)
}

func runMain(name string, fs *flag.FlagSet, args []string, f *Flags, ok func() bool, run func(context.Context) error, stderr io.Writer) int {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return ExitOK
		}
		return ExitUsage // fs has printed the error and the usage
	}
	if fs.NArg() > 0 || f.Epochs < 1 || f.MinCount < 1 || !ok() {
		fmt.Fprintf(stderr, "%s: bad arguments\n", name)
		fs.SetOutput(stderr)
		fs.Usage()
		return ExitUsage
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	if err := run(ctx); err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", name, err)
		return ExitError
	}
	return ExitOK
}
