package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/newsgraph/newsgraph/queries"
)

// outputFlag is the --format flag of the query commands: a readable table, or JSON.
type outputFlag string

func (o *outputFlag) register(cmd *cobra.Command) {
	cmd.Flags().StringVar((*string)(o), "format", "table", "output format: table or json")
}

func (o outputFlag) check() error {
	if o != "table" && o != "json" {
		return usageErrorf("--format: unknown value %q (want table, json)", string(o))
	}
	return nil
}

// writeJSON prints v as indented JSON, leaving < and > alone: results quote IRIs such as
// <ent:russia>, which the default escaping would print as \u003cent:russia\u003e.
// count says how many of a noun there are: "1 hop", "3 hops".
func count(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}

// atLeastOne rejects a count flag below 1: the queries would take it for their default,
// which is not what the user typed.
func atLeastOne(flags map[string]int) error {
	for _, name := range slices.Sorted(maps.Keys(flags)) {
		if n := flags[name]; n < 1 {
			return usageErrorf("--%s: %d must be at least 1", name, n)
		}
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// entityLabel is how tables show an entity: its name and type, or its ID when it has no name.
func entityLabel(e queries.Entity) string {
	if e.Name == "" {
		return e.ID
	}
	return fmt.Sprintf("%s (%s)", e.Name, e.Type)
}

// evidenceLines prints where a fact comes from: the sentence, then the article.
func evidenceLines(w io.Writer, indent string, ev []queries.Evidence, max int) {
	for i, e := range ev {
		if i == max {
			fmt.Fprintf(w, "%s… and %d more\n", indent, len(ev)-max)
			break
		}
		src := e.URL
		if src == "" {
			src = e.Article
		}
		meta := []string{}
		if e.Modality != "" && e.Modality != "asserted" {
			m := e.Modality
			if e.AttributedTo != "" {
				m += " by " + e.AttributedTo
			}
			meta = append(meta, m)
		}
		meta = append(meta, fmt.Sprintf("confidence %.2f", e.Confidence))
		fmt.Fprintf(w, "%s“%s”\n%s  — %s, %s (%s)\n", indent, e.Sentence, indent, src, e.Published, strings.Join(meta, ", "))
	}
}
