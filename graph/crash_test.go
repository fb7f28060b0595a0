package graph

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/nquads"

	"github.com/newsgraph/newsgraph/extract"
)

// crashChildEnv, when set to a bolt directory, turns TestCrashMidLoad into the child process
// that loads into that directory until it is killed.
const crashChildEnv = "NEWSGRAPH_TEST_CRASH_CHILD"

const (
	crashArticles = 300
	crashFacts    = 8
	crashKillAt   = 30 // articles committed before the parent kills the child
)

// crashInput is what the child loads: every synthetic article, a third of them replacing an
// earlier version the parent loaded first, so that the kill can land in a replacement too.
func crashInput() (before, after []extract.Result) {
	after = synthResults(crashArticles, crashFacts)
	for i := 0; i < len(after); i += 3 {
		r := after[i]
		r.Facts = r.Facts[1:] // an earlier version without the first fact: every statement renumbered
		before = append(before, r)
	}
	return before, after
}

// TestCrashMidLoad kills a loading process with SIGKILL and checks that the store opens, holds
// only whole articles, and that loading again ends with exactly the quads of a clean load.
func TestCrashMidLoad(t *testing.T) {
	if dir := os.Getenv(crashChildEnv); dir != "" {
		crashChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("spawns a loading process; skipped with -short")
	}
	ctx := context.Background()
	dir := t.TempDir()
	before, after := crashInput()
	st := openStore(t, Options{Path: dir})
	mustLoad(t, st, before)
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	cmd := exec.Command(os.Args[0], "-test.run=^TestCrashMidLoad$", "-test.v")
	cmd.Env = append(os.Environ(), crashChildEnv+"="+dir)
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	killed, done := false, false
	for sc.Scan() {
		line := sc.Text()
		if n, ok := strings.CutPrefix(line, "committed "); ok && !killed {
			if c, _ := strconv.Atoi(n); c >= crashKillAt {
				if err := cmd.Process.Kill(); err != nil { // SIGKILL: no deferred cleanup runs
					t.Fatal(err)
				}
				killed = true
			}
		}
		done = done || line == "done"
	}
	cmd.Wait()
	if !killed || done {
		t.Fatalf("the child was not killed mid-load (killed %v, finished %v)", killed, done)
	}

	st = openStore(t, Options{Path: dir})
	whole := checkWholeArticles(t, st)
	t.Logf("after the kill: %d of %d articles in the store", whole, crashArticles)
	if whole >= crashArticles {
		t.Errorf("all %d articles are in the store: the kill did not land mid-load", whole)
	}
	rep, err := st.Load(ctx, after)
	if err != nil {
		t.Fatalf("load again after the crash: %v", err)
	}
	t.Logf("re-run: %+v", rep)

	clean := openStore(t, Options{Backend: BackendMemory})
	mustLoad(t, clean, after)
	if got, want := snapshot(t, st), snapshot(t, clean); !slices.Equal(got, want) {
		t.Fatalf("after the re-run: %s", diff(got, want))
	}
}

// crashChild loads the crash input slowly enough to be killed in the middle, reporting each
// commit on stdout.
func crashChild(dir string) {
	ctx := context.Background()
	st, err := Open(ctx, Options{Path: dir, BatchQuads: 400}) // a few articles per transaction
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	l, err := st.NewLoader()
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	_, after := crashInput()
	last := 0
	for _, r := range after {
		if err := l.Add(ctx, r); err != nil {
			fmt.Fprintln(os.Stderr, "child:", err)
			os.Exit(2)
		}
		if n := l.Report().Articles(); n != last {
			fmt.Printf("committed %d\n", n)
			last = n
		}
	}
	if err := l.Flush(ctx); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	fmt.Println("done")
	os.Exit(0)
}

// checkWholeArticles fails the test if any article in the store is not exactly what its load
// record lists, and returns how many articles the store holds.
func checkWholeArticles(t *testing.T, st *Store) int {
	t.Helper()
	byLabel := map[quad.IRI][]string{}
	for _, line := range snapshot(t, st) {
		q, err := nquads.Parse(line)
		if err != nil {
			t.Fatal(err)
		}
		label, _ := q.Label.(quad.IRI)
		if q.Predicate == NGRecord || q.Predicate == NGContentHash {
			continue
		}
		q.Label = nil
		byLabel[label] = append(byLabel[label], q.NQuad())
	}
	for label, got := range byLabel {
		rec, err := st.readRecord(context.Background(), label)
		if err != nil {
			t.Fatal(err)
		}
		if !rec.found {
			t.Errorf("%s has %d quads but no load record: half an article", label, len(got))
			continue
		}
		want := slices.Clone(rec.lines)
		slices.Sort(want)
		if !slices.Equal(got, want) {
			t.Errorf("%s is not whole: %s", label, diff(got, want))
		}
	}
	return len(byLabel)
}
