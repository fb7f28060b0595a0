package graph

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"
)

// lockChildEnv, when set to a bolt directory, turns TestBoltLockedByAnotherProcess into the
// child process that holds that store open until its stdin closes.
const lockChildEnv = "NEWSGRAPH_TEST_LOCK_CHILD"

func TestBoltLockedByAnotherProcess(t *testing.T) {
	if dir := os.Getenv(lockChildEnv); dir != "" {
		lockChild(dir)
		return
	}
	if testing.Short() {
		t.Skip("spawns a process; skipped with -short")
	}
	ctx := context.Background()
	dir := t.TempDir() + "/store"
	cmd := exec.Command(os.Args[0], "-test.run=^TestBoltLockedByAnotherProcess$")
	cmd.Env = append(os.Environ(), lockChildEnv+"="+dir)
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	if line, _ := bufio.NewReader(stdout).ReadString('\n'); line != "holding\n" {
		t.Fatalf("child said %q, want holding", line)
	}

	for _, readOnly := range []bool{false, true} {
		start := time.Now()
		st, err := Open(ctx, Options{Path: dir, ReadOnly: readOnly, LockTimeout: 200 * time.Millisecond})
		if err == nil {
			st.Close()
			t.Fatalf("read-only %v: opened a store another process holds", readOnly)
		}
		if !errors.Is(err, ErrLocked) || !strings.Contains(err.Error(), dir) {
			t.Errorf("read-only %v: err = %v, want ErrLocked naming %s", readOnly, err, dir)
		}
		t.Logf("read-only %v: %v after %s", readOnly, err, time.Since(start).Round(time.Millisecond))
	}

	stdin.Close() // the child closes its store and exits
	if err := cmd.Wait(); err != nil {
		t.Fatalf("child: %v", err)
	}
	st, err := Open(ctx, Options{Path: dir, LockTimeout: 200 * time.Millisecond})
	if err != nil {
		t.Fatalf("open after the other process let go: %v", err)
	}
	st.Close()
}

func lockChild(dir string) {
	st, err := Open(context.Background(), Options{Path: dir})
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	fmt.Println("holding")
	io.Copy(io.Discard, os.Stdin)
	if err := st.Close(); err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		os.Exit(2)
	}
	os.Exit(0)
}
