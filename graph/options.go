package graph

import (
	"errors"
	"fmt"
	"net/url"
	"strings"
	"time"
)

// Backends newsgraph can store its graph in.
const (
	BackendBolt      = "bolt"      // Cayley's bolt store: one directory on local disk
	BackendMemory    = "memory"    // Cayley's memstore: gone when the process exits
	BackendPostgres  = "postgres"  // Cayley's SQL backend on PostgreSQL
	BackendCockroach = "cockroach" // Cayley's SQL backend on CockroachDB
)

// Backends lists the valid values of Options.Backend, default first.
var Backends = []string{BackendBolt, BackendMemory, BackendPostgres, BackendCockroach}

// Defaults used by Options.EnsureDefaults.
const (
	DefaultBackend = BackendBolt
	// DefaultPath is relative to the working directory, so that a program using this package
	// without saying where gets a store beside it. The newsgraph command always gives a path
	// (store.path, by default in the user's data directory; see package config).
	DefaultPath = "newsgraph-data"
	// DefaultLockTimeout is long enough to ride out another process's short write, short
	// enough that a user who left a server running gets told so at once.
	DefaultLockTimeout = 2 * time.Second
	// DefaultBatchQuads: bolt commits cost an fsync each, so small batches are slow, while a
	// batch is held in memory and redone after a crash, so huge ones waste work. 20k quads is
	// around a hundred typical articles and well past the point where commits stop dominating.
	DefaultBatchQuads = 20000
)

// Options say which store to open and how to write to it. The zero value is valid and means a
// bolt store in ./newsgraph-data; every field documents what its zero value means.
// Error messages name fields by their configuration keys (store.backend, …).
type Options struct {
	// Backend is one of Backends. Zero means DefaultBackend (bolt).
	Backend string
	// Path is the bolt store's directory, created on first use. Zero means DefaultPath.
	// Ignored by the other backends.
	Path string
	// Address is the SQL backends' connection string, for example
	// postgres://user@127.0.0.1:5432/newsgraph?sslmode=disable. Required for postgres and
	// cockroach, ignored by the others.
	Address string
	// ReadOnly opens the store for reading only: Load and Retract return ErrReadOnly, and a bolt
	// store is opened with a shared lock, so several readers may hold it at once. A store that
	// does not exist yet is not created.
	ReadOnly bool
	// LockTimeout is how long Open waits for a bolt store another process holds before
	// returning ErrLocked. Zero means DefaultLockTimeout.
	LockTimeout time.Duration
	// BatchQuads is roughly how many quads the loader gathers before committing them in one
	// transaction; whole articles are never split. Zero means DefaultBatchQuads; 1 commits each
	// article on its own.
	BatchQuads int
}

// EnsureDefaults fills zero fields with their defaults and returns o.
func (o *Options) EnsureDefaults() *Options {
	if o.Backend == "" {
		o.Backend = DefaultBackend
	}
	if o.Path == "" && o.Backend == BackendBolt {
		o.Path = DefaultPath
	}
	if o.LockTimeout == 0 {
		o.LockTimeout = DefaultLockTimeout
	}
	if o.BatchQuads == 0 {
		o.BatchQuads = DefaultBatchQuads
	}
	return o
}

// Validate reports every problem with the options at once, one per line, naming each
// setting by its configuration key. Zero fields are valid: they stand for their defaults.
func (o Options) Validate() error {
	o.EnsureDefaults()
	var errs []error
	switch o.Backend {
	case BackendBolt, BackendMemory:
	case BackendPostgres, BackendCockroach:
		if o.Address == "" {
			errs = append(errs, fmt.Errorf("store.address: required for store.backend %s (for example postgres://user@127.0.0.1:5432/newsgraph?sslmode=disable)", o.Backend))
		} else if err := checkDSN(o.Address); err != nil {
			errs = append(errs, fmt.Errorf("store.address: %w", err))
		}
	default:
		errs = append(errs, fmt.Errorf("store.backend: unknown value %q (want %s)", o.Backend, strings.Join(Backends, ", ")))
	}
	if o.Backend == BackendMemory && o.ReadOnly {
		errs = append(errs, errors.New("store.read_only: a memory store starts empty, so it cannot be read-only"))
	}
	if o.LockTimeout < 0 {
		errs = append(errs, fmt.Errorf("store.lock_timeout (%s) must be >= 0", o.LockTimeout))
	}
	if o.BatchQuads < 0 {
		errs = append(errs, fmt.Errorf("store.batch_quads (%d) must be >= 0", o.BatchQuads))
	}
	return errors.Join(errs...)
}

// checkDSN accepts the two forms lib/pq does: a postgres:// URL and key=value pairs.
func checkDSN(dsn string) error {
	if strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://") {
		u, err := url.Parse(dsn)
		if err != nil {
			var ue *url.Error
			if errors.As(err, &ue) {
				err = ue.Err // url.Error repeats the URL, password and all
			}
			return fmt.Errorf("invalid URL: %v", err)
		}
		if u.Host == "" {
			return fmt.Errorf("URL %q names no host", redactDSN(dsn))
		}
		return nil
	}
	if strings.Contains(dsn, "=") {
		return nil
	}
	return fmt.Errorf("unrecognised connection string %q (want postgres://… or key=value pairs)", redactDSN(dsn))
}

// redactDSN hides a password in a connection URL so that it never reaches logs or terminals.
func redactDSN(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil || u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}
