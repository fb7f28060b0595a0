// Package traincmd is what the two training commands, tools/traintagger and
// tools/trainparser, share: the flags both take (treebank directory, model
// path, -eval, epochs, feature count cut-off, seed), the UD English EWT file
// names, and the run of main with its exit codes.
//
//	func main() { os.Exit(run()) }
//
//	func run() int {
//		var f traincmd.Flags
//		f.Register(flag.CommandLine, traincmd.Defaults{Out: "postag/model/en_ewt.bin.gz", Epochs: 10, MinCount: 2, MinCountUsage: "…"})
//		onePass := flag.Bool("one-pass", false, "…") // the command's own flags
//		ok := func() bool { return true }          // checks of its own flags
//		return traincmd.Main("traintagger", flag.CommandLine, os.Args[1:], &f, ok, func(ctx context.Context) error {
//			train, err := fileio.ReadFile(f.Train(), "treebank", postag.ReadCoNLLU)
//			…
//		})
//	}
//
// What each command trains, scores and prints stays in the command.
//
// traincmd imports only the standard library, and never a newsgraph package.
package traincmd
