package graph

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"

	"github.com/cayleygraph/cayley/graph"
	"github.com/cayleygraph/cayley/graph/kv"
	"github.com/cayleygraph/cayley/graph/memstore"
	_ "github.com/cayleygraph/cayley/graph/sql/cockroach" // registers the "cockroach" quad store
	_ "github.com/cayleygraph/cayley/graph/sql/postgres"  // registers the "postgres" quad store
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
)

var (
	// ErrLocked is returned by Open when another process holds the bolt store for longer
	// than Options.LockTimeout.
	ErrLocked = errors.New("graph: store is locked by another process")
	// ErrNotInitialized is returned by Open with Options.ReadOnly when the store does not
	// exist yet (read-only opens never create one).
	ErrNotInitialized = errors.New("graph: store does not exist")
	// ErrReadOnly is returned by Load, NewLoader and Retract on a store opened read-only.
	ErrReadOnly = errors.New("graph: store is read-only")
	// ErrNotFound is returned by Retract when no loaded article has that IRI or URL.
	ErrNotFound = errors.New("graph: article not found")
	// ErrInvalidArticle is returned (wrapped, with the article and the problem) by
	// Loader.Add and Load for an article that cannot be written; the loader stays usable.
	ErrInvalidArticle = errors.New("graph: invalid article")
	// ErrUnknownFormat is returned by Export for a format it does not write.
	ErrUnknownFormat = errors.New("graph: unknown export format")
)

// boltFile is where Cayley's own bolt backend keeps its data inside the store directory;
// keeping its layout lets `cayley` tools open a newsgraph store.
const boltFile = "indexes.bolt"

// Store is an open Cayley quad store plus newsgraph's loader state. It is safe for concurrent
// use; writes through Load and Retract are serialised.
type Store struct {
	qs   graph.QuadStore
	opts Options
	// write serialises the read-record-then-apply step of loads and retracts in this process,
	// so that two loaders cannot both base a replacement on the same old record.
	write sync.Mutex
	// commits counts loader batches committing in the background; Close waits for them, so a
	// caller that gives up on a loader without Flush never closes the store under a commit.
	commits sync.WaitGroup
}

// Open opens the store opts describe, creating and initialising it on first use unless
// opts.ReadOnly. The options are validated first.
func Open(ctx context.Context, opts Options) (*Store, error) {
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("graph: open store:\n%w", err)
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	var (
		qs  graph.QuadStore
		err error
	)
	switch opts.Backend {
	case BackendBolt:
		qs, err = openBolt(opts)
	case BackendMemory:
		qs = memstore.New()
	case BackendPostgres, BackendCockroach:
		qs, err = openSQL(ctx, opts)
	}
	if err != nil {
		return nil, err
	}
	return &Store{qs: qs, opts: opts}, nil
}

// openBolt opens the bolt file itself rather than through Cayley's registry: Cayley's opener
// passes no lock timeout to bolt, which then waits forever for a store another process holds.
// It uses bbolt, the maintained fork of bolt with the same file format (so Cayley's "bolt"
// backend opens the same directory): the original fails Go's pointer checks under -race.
func openBolt(opts Options) (graph.QuadStore, error) {
	file := filepath.Join(opts.Path, boltFile)
	if opts.ReadOnly {
		if _, err := os.Stat(file); errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, ErrNotInitialized)
		}
	} else if err := os.MkdirAll(opts.Path, 0o700); err != nil {
		return nil, fmt.Errorf("create bolt store %s: %w", opts.Path, err)
	}
	db, err := hbolt.Open(file, &bolt.Options{Timeout: opts.LockTimeout, ReadOnly: opts.ReadOnly})
	if errors.Is(err, bolt.ErrTimeout) {
		return nil, fmt.Errorf("open bolt store %s: %w (gave up after %s; is a newsgraph server or load running?)", opts.Path, ErrLocked, opts.LockTimeout)
	} else if err != nil {
		return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, err)
	}
	if !opts.ReadOnly {
		if err := kv.Init(db, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			db.Close()
			return nil, fmt.Errorf("initialise bolt store %s: %w", opts.Path, err)
		}
	}
	qs, err := kv.New(db, nil)
	if errors.Is(err, graph.ErrNotInitialized) {
		db.Close()
		return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, ErrNotInitialized)
	} else if err != nil {
		db.Close()
		return nil, fmt.Errorf("open bolt store %s: %w", opts.Path, err)
	}
	return qs, nil
}

func openSQL(ctx context.Context, opts Options) (graph.QuadStore, error) {
	where := redactDSN(opts.Address)
	exists, err := sqlStoreExists(ctx, opts.Address)
	if err != nil {
		return nil, fmt.Errorf("open %s store %s: %w", opts.Backend, where, err)
	}
	if !exists && opts.ReadOnly {
		return nil, fmt.Errorf("open %s store %s: %w", opts.Backend, where, ErrNotInitialized)
	}
	if !exists {
		if err := graph.InitQuadStore(opts.Backend, opts.Address, nil); err != nil && !errors.Is(err, graph.ErrDatabaseExists) {
			return nil, fmt.Errorf("initialise %s store %s: %w", opts.Backend, where, err)
		}
	}
	qs, err := graph.NewQuadStore(opts.Backend, opts.Address, nil)
	if err != nil {
		return nil, fmt.Errorf("open %s store %s: %w", opts.Backend, where, err)
	}
	return qs, nil
}

// sqlStoreExists asks the database whether Cayley's tables are there. Asking first, rather than
// letting Cayley's Init fail on existing tables, keeps Cayley from logging that failure as an
// error on every open. PostgreSQL and CockroachDB both speak the protocol of the "postgres"
// driver and both have information_schema.
func sqlStoreExists(ctx context.Context, dsn string) (bool, error) {
	db, err := sql.Open("postgres", dsn)
	if err != nil {
		return false, err
	}
	defer db.Close()
	var n int
	err = db.QueryRowContext(ctx, `SELECT count(*) FROM information_schema.tables WHERE table_name IN ('quads', 'nodes')`).Scan(&n)
	if err != nil {
		return false, err
	}
	return n == 2, nil
}

// QuadStore returns the Cayley quad store, for queries and the HTTP server. Writes that
// bypass Load and Retract are not recorded and will not be replaced or retracted.
func (s *Store) QuadStore() graph.QuadStore { return s.qs }

// Options returns the options the store was opened with, defaults filled in.
func (s *Store) Options() Options { return s.opts }

// Close waits for loader batches still committing, then closes the quad store; for bolt it
// releases the file lock.
func (s *Store) Close() error {
	s.commits.Wait()
	if err := s.qs.Close(); err != nil {
		return fmt.Errorf("close %s store: %w", s.opts.Backend, err)
	}
	return nil
}
