package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	cquery "github.com/cayleygraph/cayley/query"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers gizmo
	_ "github.com/cayleygraph/cayley/query/graphql" // registers graphql
	_ "github.com/cayleygraph/cayley/query/mql"     // registers mql
	"github.com/spf13/cobra"
)

type queryOptions struct {
	global *globalOptions
	lang   string
	limit  int
	query  string // argument, file path, or "-" for stdin
	in     io.Reader
	out    io.Writer
}

func newQueryCmd(g *globalOptions) *cobra.Command {
	opts := &queryOptions{global: g}
	cmd := &cobra.Command{
		Use:   "query [QUERY | FILE | -]",
		Short: "Run a Gizmo, GraphQL or MQL query and print the results as JSON",
		Long: `Run a query against the graph and print its results as a JSON array. The query is the
argument itself, the contents of the file it names, or standard input when it is "-" or absent.
See the README's vocabulary section for the predicates to query.`,
		Example: `  $ newsgraph query 'g.V("<ent:armenia>").Out().All()'
  $ newsgraph query 'g.V().Has("<rdf:type>", "<ng:Person>").Out("<schema:name>").All()'
  $ newsgraph query --lang graphql '{ nodes(id: "<ent:russia>") { id, <schema:name> } }'
  $ echo 'g.V("<conflict:armenia--azerbaijan>").In("<ng:thread>").Out("<ng:date>").All()' | newsgraph query`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 {
				opts.query = args[0]
			}
			if cquery.GetLanguage(opts.lang) == nil {
				return usageErrorf("--lang: unknown language %q (want gizmo, graphql, mql)", opts.lang)
			}
			opts.in, opts.out = cmd.InOrStdin(), cmd.OutOrStdout()
			return runQuery(cmd, opts)
		},
	}
	cmd.Flags().StringVarP(&opts.lang, "lang", "l", "gizmo", "query language: gizmo, graphql or mql")
	cmd.Flags().IntVar(&opts.limit, "limit", 1000, "stop after this many results; 0 means no limit")
	return cmd
}

func runQuery(cmd *cobra.Command, opts *queryOptions) error {
	text, err := queryText(opts)
	if err != nil {
		return err
	}
	ctx := cmd.Context()
	store, err := openConfigured(cmd, opts.global, true)
	if err != nil {
		return err
	}
	defer store.Close()

	it, err := cquery.Execute(ctx, store.QuadStore(), opts.lang, text, cquery.Options{Collation: cquery.JSON, Limit: opts.limit})
	if err != nil {
		return fmt.Errorf("query: %w", err)
	}
	defer it.Close()
	results := []any{}
	for it.Next(ctx) {
		results = append(results, it.Result())
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("query: %w", err)
	}
	return writeJSON(opts.out, results)
}

// queryText takes the query from the argument, a file it names, or standard input.
func queryText(opts *queryOptions) (string, error) {
	switch {
	case opts.query == "" || opts.query == "-":
		b, err := io.ReadAll(opts.in)
		if err != nil {
			return "", fmt.Errorf("read query from stdin: %w", err)
		}
		if strings.TrimSpace(string(b)) == "" {
			return "", usageErrorf("no query: give it as an argument, a file, or on stdin")
		}
		return string(b), nil
	case !strings.ContainsAny(opts.query, "()\n{}"):
		if b, err := os.ReadFile(opts.query); err == nil {
			return string(b), nil
		}
	}
	return opts.query, nil
}
