package config

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/spf13/pflag"
)

func noEnv(string) (string, bool) { return "", false }

func TestBadFiles(t *testing.T) {
	expectedErrors := []struct {
		file string
		errs []string // substrings, all must appear
	}{
		{"backend.bad.yaml", []string{`store.backend: unknown value "boltx" (want bolt, memory, postgres, cockroach)`}},
		{"port.bad.yaml", []string{"server.port: 70000 out of range (want 1–65535)"}},
		{"unknownkey.bad.yaml", []string{`unknownkey.bad.yaml: unknown key "store.bakend"`}},
		{"notoken.bad.yaml", []string{"server.token: empty"}},
		{"noaddress.bad.yaml", []string{"store.address: empty; store.backend postgres needs a connection string"}},
		{"timeout.bad.yaml", []string{`server.query_timeout: "soon" is not a positive duration`}},
		{"date.bad.yaml", []string{`extract.date: "17/07/2020" is not a date`}},
		{"syntax.bad.yaml", []string{"syntax.bad.yaml"}},
		{"many.bad.yaml", []string{"server.port: 99999 out of range", "server.query_limit: 0 must be at least 1", `unknown key "server.querylimit"`}},
	}
	files, _ := filepath.Glob("testdata/*.bad.yaml")
	if len(files) != len(expectedErrors) {
		t.Errorf("%d bad fixtures but %d expected errors: every fixture needs a row", len(files), len(expectedErrors))
	}
	for _, ee := range expectedErrors {
		t.Run(ee.file, func(t *testing.T) {
			_, err := Load(Options{File: filepath.Join("testdata", ee.file), LookupEnv: noEnv})
			var cerr *Error
			if !errors.As(err, &cerr) {
				t.Fatalf("error %v is not a *config.Error (the command line exits 2 on those)", err)
			}
			for _, want := range ee.errs {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q\ndoes not contain %q", err, want)
				}
			}
		})
	}
}

func TestGoodFile(t *testing.T) {
	c, err := Load(Options{File: "testdata/full.good.yaml", LookupEnv: noEnv})
	if err != nil {
		t.Fatal(err)
	}
	if c.Store.Backend != "postgres" || c.Server.Port != 8080 || !c.Server.AllowWrites ||
		c.Server.QueryTimeout != 5*time.Second || c.Extract.Workers != 2 || c.Extract.Date != "2020-07-17" {
		t.Errorf("unexpected config: %+v", c)
	}
	if c.Server.QueryLimit != 10000 {
		t.Errorf("unset key lost its default: query_limit = %d", c.Server.QueryLimit)
	}
}

func TestPrecedence(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "newsgraph.yaml")
	if err := os.WriteFile(file, []byte("server:\n  port: 1111\n  host: 10.0.0.1\nstore:\n  path: /from/file\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	env := map[string]string{"NEWSGRAPH_SERVER_PORT": "2222", "NEWSGRAPH_STORE_PATH": "/from/env"}
	lookup := func(k string) (string, bool) { v, ok := env[k]; return v, ok }
	flags := pflag.NewFlagSet("test", pflag.ContinueOnError)
	flags.Int("port", 64210, "")
	flags.String("db", "bolt", "")
	BindFlag(flags.Lookup("port"), "server.port")
	BindFlag(flags.Lookup("db"), "store.backend")
	if err := flags.Parse([]string{"--port", "3333"}); err != nil {
		t.Fatal(err)
	}
	c, err := Load(Options{SearchDirs: []string{dir}, LookupEnv: lookup, Flags: flags})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		value  string
		source string
	}{
		"server.port":   {"3333", "flag --port"},                   // flag > env > file
		"store.path":    {"/from/env", "env NEWSGRAPH_STORE_PATH"}, // env > file
		"server.host":   {"10.0.0.1", "file " + file},              // file > default
		"store.backend": {"bolt", "default"},                       // an unset flag does not override
	}
	for _, s := range c.Settings() {
		w, ok := want[s.Key]
		if !ok {
			continue
		}
		if got := fmt.Sprint(s.Value); got != w.value || s.Source != w.source {
			t.Errorf("%s = %q from %q, want %q from %q", s.Key, got, s.Source, w.value, w.source)
		}
	}
	if c.Server.Port != 3333 || c.Store.Path != "/from/env" {
		t.Errorf("typed values: port %d path %q", c.Server.Port, c.Store.Path)
	}
}

func TestEnvInvalid(t *testing.T) {
	lookup := func(k string) (string, bool) {
		if k == "NEWSGRAPH_STORE_BACKEND" {
			return "mongo", true
		}
		return "", false
	}
	_, err := Load(Options{SearchDirs: []string{}, LookupEnv: lookup})
	if err == nil || !strings.Contains(err.Error(), `store.backend: unknown value "mongo"`) ||
		!strings.Contains(err.Error(), "env NEWSGRAPH_STORE_BACKEND") {
		t.Fatalf("err = %v", err)
	}
}

func TestMissingFile(t *testing.T) {
	_, err := Load(Options{File: "testdata/nope.yaml", LookupEnv: noEnv})
	var cerr *Error
	if !errors.As(err, &cerr) || !strings.Contains(err.Error(), "nope.yaml") {
		t.Fatalf("err = %v", err)
	}
}
