package queries_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	cgraph "github.com/cayleygraph/cayley/graph"

	"github.com/newsgraph/newsgraph/queries"
)

// TestQueries runs the data-driven cases in testdata/*.txt against a graph of the facts in
// testdata/facts.jsonl, in memstore and in bolt. A case is a command line with key=value
// arguments, "----", and the expected output up to a blank line; errors are part of the
// output. `go test ./queries -rewrite` rewrites the expected output.
func TestQueries(t *testing.T) {
	files, err := filepath.Glob("testdata/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test files: %v", err)
	}
	stores := testStores(t, "testdata/facts.jsonl")
	for _, name := range []string{"memstore", "bolt"} {
		qs := stores[name].QuadStore()
		t.Run(name, func(t *testing.T) {
			for _, file := range files {
				t.Run(filepath.Base(file), func(t *testing.T) {
					runFile(t, file, func(c *testCase) string { return run(qs, c) }, *rewrite && name == "memstore")
				})
			}
		})
	}
}

type testCase struct {
	line     int
	cmd      string
	raw      string // the command line as written
	args     map[string]string
	expected string
}

func (c *testCase) arg(k string) string { return c.args[k] }

func (c *testCase) list(k string) []string {
	if c.args[k] == "" {
		return nil
	}
	return strings.Split(c.args[k], ",")
}

func (c *testCase) int(k string) int {
	n, _ := strconv.Atoi(c.args[k])
	return n
}

// parseFile reads the cases of a file; comment lines (#) and blank lines between cases are
// kept in order so that a rewrite preserves them.
func parseFile(t *testing.T, path string) (cases []*testCase, chunks []any) {
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		if strings.TrimSpace(l) == "" || strings.HasPrefix(l, "#") {
			chunks = append(chunks, l)
			continue
		}
		c := &testCase{line: i + 1, raw: l}
		if err := c.parseCommand(l); err != nil {
			t.Fatalf("%s:%d: %v", path, i+1, err)
		}
		if i+1 >= len(lines) || lines[i+1] != "----" {
			t.Fatalf("%s:%d: want ---- after the command", path, i+1)
		}
		i += 2
		var out []string
		for ; i < len(lines) && lines[i] != ""; i++ {
			out = append(out, lines[i])
		}
		c.expected = strings.Join(out, "\n")
		cases = append(cases, c)
		chunks = append(chunks, c)
		if i < len(lines) {
			chunks = append(chunks, "")
		}
	}
	return cases, chunks
}

// parseCommand splits `cmd k=v k="v w"` into the command and its arguments.
func (c *testCase) parseCommand(l string) error {
	c.args = map[string]string{}
	var fields []string
	var cur strings.Builder
	quoted := false
	for _, r := range l {
		switch {
		case r == '"':
			quoted = !quoted
		case r == ' ' && !quoted:
			if cur.Len() > 0 {
				fields = append(fields, cur.String())
				cur.Reset()
			}
		default:
			cur.WriteRune(r)
		}
	}
	if quoted {
		return fmt.Errorf("unclosed quote")
	}
	if cur.Len() > 0 {
		fields = append(fields, cur.String())
	}
	c.cmd = fields[0]
	for _, f := range fields[1:] {
		k, v, ok := strings.Cut(f, "=")
		if !ok {
			return fmt.Errorf("argument %q is not key=value", f)
		}
		c.args[k] = v
	}
	return nil
}

func runFile(t *testing.T, path string, run func(*testCase) string, rewrite bool) {
	cases, chunks := parseFile(t, path)
	for _, c := range cases {
		got := strings.TrimRight(run(c), "\n")
		if rewrite {
			c.expected = got
			continue
		}
		if got != c.expected {
			t.Errorf("%s:%d: %s\n--- got:\n%s\n--- want:\n%s", path, c.line, c.raw, got, c.expected)
		}
	}
	if !rewrite {
		return
	}
	var b strings.Builder
	for _, ch := range chunks {
		switch ch := ch.(type) {
		case string:
			b.WriteString(ch + "\n")
		case *testCase:
			fmt.Fprintf(&b, "%s\n----\n%s\n", ch.raw, ch.expected)
		}
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}

// run executes one case and renders its result or error as text.
func run(qs cgraph.QuadStore, c *testCase) string {
	ctx := context.Background()
	var b strings.Builder
	var err error
	switch c.cmd {
	case "resolve":
		var e queries.Entity
		if e, err = queries.Resolve(ctx, qs, c.arg("name")); err == nil {
			fmt.Fprintln(&b, entity(e))
		}
	case "search":
		var es []queries.Entity
		if es, err = queries.Search(ctx, qs, c.arg("text"), c.int("limit")); err == nil {
			for _, e := range es {
				fmt.Fprintln(&b, entity(e))
			}
		}
	case "path", "gizmo":
		var ps []queries.Path
		ps, err = queries.Paths(ctx, qs, c.arg("from"), c.arg("to"), queries.PathOptions{
			MaxHops: c.int("max-hops"), Via: c.list("via"), Since: c.arg("since"), Until: c.arg("until"),
			K: c.int("k"), MaxVisited: c.int("max-visited"), Topics: c.arg("topics") == "true",
		})
		if err == nil && len(ps) == 0 {
			fmt.Fprintln(&b, "no path")
		}
		for i, p := range ps {
			if c.cmd == "gizmo" {
				b.WriteString(queries.PathGizmo(p))
				continue
			}
			fmt.Fprintf(&b, "path %d: %s\n", i+1, names(p.Nodes))
			for _, h := range p.Hops {
				dir := ""
				if h.Reversed {
					dir = " (walked backwards)"
				}
				fmt.Fprintf(&b, "  %s -%s-> %s %s%s\n", h.Subject.Name, h.Predicate, h.Object.Name, h.Date, dir)
				for _, l := range h.Also {
					fmt.Fprintf(&b, "    also %s -%s-> %s\n", l.Subject, l.Predicate, l.Object)
				}
				for _, ev := range h.Evidence {
					fmt.Fprintf(&b, "    %s\n", evidence(ev))
				}
			}
		}
	case "timeline":
		var tl *queries.Timeline
		tl, err = queries.TimelineOf(ctx, qs, c.arg("entity"), queries.TimelineOptions{
			With: c.arg("with"), Classes: c.list("class"), Since: c.arg("since"), Until: c.arg("until"),
		})
		if err == nil {
			fmt.Fprintf(&b, "%s: %d events\n", entity(tl.Entity), tl.Events)
			for _, m := range tl.Months {
				fmt.Fprintf(&b, "%s\n", m.Month)
				for _, ev := range m.Events {
					fmt.Fprintf(&b, "  %s\n", event(ev))
					for _, e := range ev.Evidence {
						fmt.Fprintf(&b, "    %s\n", evidence(e))
					}
				}
			}
		}
	case "related":
		var rel *queries.Related
		rel, err = queries.RelatedTo(ctx, qs, c.arg("name"), queries.RelatedOptions{GapDays: c.int("gap"), MainFacts: c.int("main"), Linked: c.int("linked")})
		if err == nil {
			fmt.Fprintf(&b, "%s\n", entity(rel.Entity))
			for _, th := range rel.Threads {
				fmt.Fprintf(&b, "thread %s: parties %s; %d statements, %d hostile, %s…%s; mediators %s\n",
					entity(th.Conflict), names(th.Parties), th.Statements, th.Hostile, th.First, th.Last, mediators(th.Mediators))
				for _, ep := range th.Episodes {
					fmt.Fprintf(&b, "  episode %s…%s: %d hostile of %d events; mediators %s\n", ep.Start, ep.End, ep.Hostile, ep.Events, mediators(ep.Mediators))
					for _, ev := range ep.Main {
						fmt.Fprintf(&b, "    %s\n", event(ev))
					}
				}
			}
			for _, l := range rel.Linked {
				fmt.Fprintf(&b, "linked %s from %s via %s %s\n", l.Conflict.ID, l.From, l.Via, l.Shared.Name)
			}
			if rel.MoreLinked > 0 {
				fmt.Fprintf(&b, "and %d more links\n", rel.MoreLinked)
			}
		}
	case "describe":
		var p *queries.Profile
		if p, err = queries.Describe(ctx, qs, c.arg("name")); err == nil {
			fmt.Fprintf(&b, "%s aliases %s\n", entity(p.Entity), strings.Join(p.Entity.Aliases, "; "))
			fmt.Fprintf(&b, "articles %d, facts %d (%d as subject), seen %s…%s\n", p.Articles, p.Facts, p.AsSubject, p.FirstSeen, p.LastSeen)
			var ps []string
			for _, c := range p.Predicates {
				ps = append(ps, fmt.Sprintf("%s %d", c.Name, c.Count))
			}
			fmt.Fprintf(&b, "predicates: %s\n", strings.Join(ps, ", "))
			var ns []string
			for _, n := range p.Neighbours {
				ns = append(ns, fmt.Sprintf("%s %d", n.Entity.Name, n.Facts))
			}
			fmt.Fprintf(&b, "neighbours: %s\n", strings.Join(ns, ", "))
			fmt.Fprintf(&b, "threads: %s\n", names(p.Threads))
		}
	default:
		return fmt.Sprintf("unknown command %q", c.cmd)
	}
	if err != nil {
		fmt.Fprintf(&b, "error: %v\n", err)
	}
	return b.String()
}

func entity(e queries.Entity) string { return fmt.Sprintf("%s (%s, %s)", e.Name, e.ID, e.Type) }

func names(es []queries.Entity) string {
	var ns []string
	for _, e := range es {
		ns = append(ns, e.Name)
	}
	return strings.Join(ns, " – ")
}

func event(ev queries.Event) string {
	arts := map[string]bool{}
	for _, e := range ev.Evidence {
		arts[e.Article] = true
	}
	return fmt.Sprintf("%s %s -%s-> %s [%s, %s, %.2f, %d statements from %d articles]",
		ev.Date, ev.Subject.Name, ev.Predicate, ev.Object.Name, ev.Class, ev.Modality, ev.Confidence, len(ev.Evidence), len(arts))
}

func evidence(e queries.Evidence) string {
	att := ""
	if e.AttributedTo != "" {
		att = " by " + e.AttributedTo
	}
	return fmt.Sprintf("%s %s%s %s @%d %s %q", e.Statement, e.Modality, att, e.URL, e.Offset, e.Published, e.Sentence)
}

func mediators(ms []queries.Mediator) string {
	if len(ms) == 0 {
		return "none"
	}
	var out []string
	for _, m := range ms {
		out = append(out, fmt.Sprintf("%s %d", m.Entity.Name, m.Statements))
	}
	return strings.Join(out, ", ")
}
