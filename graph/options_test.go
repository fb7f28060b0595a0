package graph

import (
	"context"
	"strings"
	"testing"
	"time"
)

func TestOptionsDefaults(t *testing.T) {
	var o Options
	o.EnsureDefaults()
	want := Options{Backend: BackendBolt, Path: DefaultPath, LockTimeout: DefaultLockTimeout, BatchQuads: DefaultBatchQuads}
	if o != want {
		t.Errorf("defaults = %+v, want %+v", o, want)
	}
	mem := Options{Backend: BackendMemory}
	if mem.EnsureDefaults(); mem.Path != "" {
		t.Errorf("memory store got a path %q", mem.Path)
	}
}

func TestOptionsValidate(t *testing.T) {
	for _, c := range []struct {
		name string
		opts Options
		want []string // one line per problem; none means valid
	}{
		{name: "zero value", opts: Options{}},
		{name: "memory", opts: Options{Backend: BackendMemory}},
		{name: "postgres url", opts: Options{Backend: BackendPostgres, Address: "postgres://u@127.0.0.1:5432/db?sslmode=disable"}},
		{name: "postgres key=value", opts: Options{Backend: BackendPostgres, Address: "host=127.0.0.1 dbname=ng"}},
		{name: "cockroach", opts: Options{Backend: BackendCockroach, Address: "postgresql://root@127.0.0.1:26257/ng"}},
		{
			name: "unknown backend",
			opts: Options{Backend: "boltx"},
			want: []string{`store.backend: unknown value "boltx" (want bolt, memory, postgres, cockroach)`},
		},
		{
			name: "postgres without address",
			opts: Options{Backend: BackendPostgres},
			want: []string{"store.address: required for store.backend postgres"},
		},
		{
			name: "address that is no DSN",
			opts: Options{Backend: BackendPostgres, Address: "127.0.0.1:5432"},
			want: []string{`store.address: unrecognised connection string "127.0.0.1:5432"`},
		},
		{
			name: "URL without host",
			opts: Options{Backend: BackendCockroach, Address: "postgres:///db"},
			want: []string{"store.address: URL \"postgres:///db\" names no host"},
		},
		{
			name: "every problem at once",
			opts: Options{Backend: BackendMemory, ReadOnly: true, LockTimeout: -time.Second, BatchQuads: -1},
			want: []string{
				"store.read_only: a memory store starts empty",
				"store.lock_timeout (-1s) must be >= 0",
				"store.batch_quads (-1) must be >= 0",
			},
		},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := c.opts.Validate()
			if len(c.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", c.want)
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(c.want) {
				t.Fatalf("%d problems, want %d:\n%v", len(lines), len(c.want), err)
			}
			for i, w := range c.want {
				if !strings.HasPrefix(lines[i], w) {
					t.Errorf("problem %d = %q, want it to start %q", i+1, lines[i], w)
				}
			}
		})
	}
}

func TestRedactDSN(t *testing.T) {
	got := redactDSN("postgres://ng:s3cret@db.internal:5432/ng")
	if strings.Contains(got, "s3cret") || !strings.Contains(got, "ng:xxxxx@db.internal") {
		t.Errorf("redactDSN = %q", got)
	}
	err := Options{Backend: BackendPostgres, Address: "postgres://ng:s3cret@db internal/ng"}.Validate()
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Errorf("invalid URL error = %v; want an error without the password", err)
	}
}

func TestOpenRejectsInvalidOptions(t *testing.T) {
	_, err := Open(context.Background(), Options{Backend: "boltx"})
	if err == nil || !strings.Contains(err.Error(), `store.backend: unknown value "boltx"`) {
		t.Errorf("Open with a bad backend: %v", err)
	}
}
