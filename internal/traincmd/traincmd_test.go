package traincmd

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"strings"
	"testing"
)

func TestRunMain(t *testing.T) {
	errTrain := errors.New("treebank missing")
	for _, tc := range []struct {
		name     string
		args     []string
		runErr   error
		code     int
		ran      bool
		stderr   string // a part of what is printed to stderr
		wantFlag Flags
	}{
		{"defaults", nil, nil, ExitOK, true, "", Flags{Dir: DefaultDir, Out: "m.bin.gz", Epochs: 10, MinCount: 2, Seed: 1}},
		{"flags", []string{"-dir", "d", "-eval", "e", "-epochs", "3", "-min-count", "7", "-seed", "9"}, nil, ExitOK, true, "",
			Flags{Dir: "d", Out: "m.bin.gz", Eval: "e", Epochs: 3, MinCount: 7, Seed: 9}},
		{"run fails", nil, errTrain, ExitError, true, "tool: treebank missing", Flags{}},
		{"argument", []string{"x"}, nil, ExitUsage, false, "tool: bad arguments", Flags{}},
		{"no epochs", []string{"-epochs", "0"}, nil, ExitUsage, false, "tool: bad arguments", Flags{}},
		{"no cut-off", []string{"-min-count", "0"}, nil, ExitUsage, false, "tool: bad arguments", Flags{}},
		{"own check", []string{"-own", "bad"}, nil, ExitUsage, false, "-min-count", Flags{}},
		{"unknown flag", []string{"-nope"}, nil, ExitUsage, false, "flag provided but not defined", Flags{}},
		{"help", []string{"-h"}, nil, ExitOK, false, "-epochs", Flags{}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var (
				f      Flags
				stderr bytes.Buffer
				ran    bool
			)
			fs := flag.NewFlagSet("tool", flag.ContinueOnError)
			fs.SetOutput(&stderr)
			f.Register(fs, Defaults{Out: "m.bin.gz", Epochs: 10, MinCount: 2, MinCountUsage: "drop rare features"})
			own := fs.String("own", "good", "the command's own flag")
			code := runMain("tool", fs, tc.args, &f, func() bool { return *own == "good" }, func(ctx context.Context) error {
				ran = ctx.Err() == nil
				return tc.runErr
			}, &stderr)
			if code != tc.code || ran != tc.ran || !strings.Contains(stderr.String(), tc.stderr) {
				t.Errorf("exit %d, ran %v, stderr %q; want %d, %v, containing %q", code, ran, stderr.String(), tc.code, tc.ran, tc.stderr)
			}
			if tc.wantFlag != (Flags{}) && f != tc.wantFlag {
				t.Errorf("flags %+v, want %+v", f, tc.wantFlag)
			}
		})
	}
}

func TestPaths(t *testing.T) {
	f := Flags{Dir: "ud"}
	if f.Train() != "ud/en_ewt-ud-train.conllu" || f.Dev() != "ud/en_ewt-ud-dev.conllu" {
		t.Errorf("Train %q, Dev %q", f.Train(), f.Dev())
	}
}
