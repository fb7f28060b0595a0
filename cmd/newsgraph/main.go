// Command newsgraph turns news articles into a knowledge graph in Cayley and answers
// questions over it: paths between entities, timelines, related conflicts over time.
//
// It only wires flags to the library packages (config, extract, graph, queries, server)
// and formats their results; it holds no domain logic.
package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/newsgraph/newsgraph/config"
	"github.com/newsgraph/newsgraph/queries"
)

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // the command ran and failed, or rejected some input
	exitUsage   = 2 // bad flags, arguments or configuration
)

func main() { os.Exit(run()) }

func run() int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	root := newRootCmd()
	err := root.ExecuteContext(ctx)
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(os.Stderr, "newsgraph:", err)
	var flagErr *flagError
	if errors.As(err, &flagErr) {
		fmt.Fprintln(os.Stderr, "Run 'newsgraph --help' or 'newsgraph COMMAND --help' for usage.")
	}
	return exitCode(err)
}

// exitCode is the exit status for a command's error: usage and configuration mistakes are
// told apart from failures so that scripts can tell "fix the command" from "try again".
func exitCode(err error) int {
	var flagErr *flagError
	var cfgErr *config.Error
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &flagErr), errors.As(err, &cfgErr), errors.Is(err, queries.ErrBadDate):
		return exitUsage
	}
	return exitFailure
}

// flagError is a usage mistake: main prints a hint and exits with exitUsage.
type flagError struct{ err error }

func (e *flagError) Error() string { return e.err.Error() }
func (e *flagError) Unwrap() error { return e.err }

func usageErrorf(format string, args ...any) error {
	return &flagError{fmt.Errorf(format, args...)}
}
