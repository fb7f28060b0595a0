package config

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"
	"github.com/spf13/viper"
)

// Config is the effective configuration.
type Config struct {
	Store   Store
	Server  Server
	Extract Extract

	settings []Setting
}

// Store says which Cayley store holds the graph.
type Store struct {
	Backend string // bolt (default), memory, postgres or cockroach
	Path    string // bolt data directory
	Address string // SQL connection string for postgres and cockroach
}

// Server holds the settings of `newsgraph serve`.
type Server struct {
	Host            string
	Port            int
	AllowWrites     bool
	Token           string // required by write requests when AllowWrites is set
	QueryTimeout    time.Duration
	QueryLimit      int
	MaxRequestBytes int64
}

// Extract holds the settings of extraction.
type Extract struct {
	Date    string // publication date (YYYY-MM-DD) for articles that carry none
	Workers int    // parallel extraction workers; 0 means one per CPU
}

// Setting is one effective value and where it came from.
type Setting struct {
	Key    string `json:"key"`
	Value  any    `json:"value"`
	Source string `json:"source"` // "default", "file <path>", "env NEWSGRAPH_…" or "flag --…"
}

// Settings lists every effective value with its source, sorted by key.
func (c *Config) Settings() []Setting { return c.settings }

// Backends are the store backends newsgraph can open.
var Backends = []string{"bolt", "memory", "postgres", "cockroach"}

// defaults are the built-in values; they also define which keys exist.
func defaults() map[string]any {
	return map[string]any{
		"store.backend":            "bolt",
		"store.path":               DefaultDataDir(),
		"store.address":            "",
		"server.host":              "127.0.0.1",
		"server.port":              64210,
		"server.allow_writes":      false,
		"server.token":             "",
		"server.query_timeout":     "30s",
		"server.query_limit":       10000,
		"server.max_request_bytes": 1 << 20,
		"extract.date":             "",
		"extract.workers":          0,
	}
}

// DefaultDataDir is where the bolt store lives unless configured otherwise:
// $XDG_DATA_HOME/newsgraph, or ~/.local/share/newsgraph.
func DefaultDataDir() string {
	if d := os.Getenv("XDG_DATA_HOME"); d != "" {
		return filepath.Join(d, "newsgraph")
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, ".local", "share", "newsgraph")
	}
	return "newsgraph-data"
}

// Options says where Load looks.
type Options struct {
	// File is the config file given with --config; it must exist. When empty, Load uses
	// newsgraph.yaml from the working directory or the user's config directory, if any.
	File string
	// Flags are the command's parsed flags. A flag overrides a key when the flag was set
	// on the command line and is annotated with the key (see BindFlag).
	Flags *pflag.FlagSet
	// LookupEnv reads the environment; nil means os.LookupEnv.
	LookupEnv func(string) (string, bool)
	// SearchDirs replaces the directories searched for newsgraph.yaml when File is empty.
	SearchDirs []string
}

const keyAnnotation = "newsgraph-config-key"

// BindFlag marks a flag as setting a config key, so that Load lets it override the key.
func BindFlag(f *pflag.Flag, key string) {
	if f.Annotations == nil {
		f.Annotations = map[string][]string{}
	}
	f.Annotations[keyAnnotation] = []string{key}
}

// EnvName is the environment variable that sets a key: store.backend → NEWSGRAPH_STORE_BACKEND.
func EnvName(key string) string {
	return "NEWSGRAPH_" + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// Load reads the configuration and validates it.
func Load(opts Options) (*Config, error) {
	lookup := opts.LookupEnv
	if lookup == nil {
		lookup = os.LookupEnv
	}
	defs := defaults()
	values := make(map[string]any, len(defs))
	sources := make(map[string]string, len(defs))
	for k, v := range defs {
		values[k], sources[k] = v, "default"
	}

	file, err := findFile(opts)
	if err != nil {
		return nil, &Error{Problems: []string{err.Error()}}
	}
	// Unknown keys are reported with the invalid values below, so that one run names them all.
	var unknown []string
	if file != "" {
		fv := viper.New()
		fv.SetConfigFile(file)
		if err := fv.ReadInConfig(); err != nil {
			return nil, &Error{Problems: []string{fmt.Sprintf("%s: %v", file, err)}}
		}
		for _, k := range fv.AllKeys() {
			if _, ok := defs[k]; !ok {
				unknown = append(unknown, fmt.Sprintf("%s: unknown key %q", file, k))
				continue
			}
			values[k], sources[k] = fv.Get(k), "file "+file
		}
	}
	for k := range defs {
		if v, ok := lookup(EnvName(k)); ok {
			values[k], sources[k] = v, "env "+EnvName(k)
		}
	}
	if opts.Flags != nil {
		opts.Flags.Visit(func(f *pflag.Flag) {
			if keys := f.Annotations[keyAnnotation]; len(keys) == 1 {
				values[keys[0]], sources[keys[0]] = f.Value.String(), "flag --"+f.Name
			}
		})
	}
	return build(values, sources, unknown)
}

func findFile(opts Options) (string, error) {
	if opts.File != "" {
		if _, err := os.Stat(opts.File); err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err // the path is said once, below
			}
			return "", fmt.Errorf("config file %s: %w", opts.File, err)
		}
		return opts.File, nil
	}
	dirs := opts.SearchDirs
	if dirs == nil {
		dirs = []string{"."}
		if d, err := os.UserConfigDir(); err == nil {
			dirs = append(dirs, filepath.Join(d, "newsgraph"))
		}
	}
	for _, d := range dirs {
		p := filepath.Join(d, "newsgraph.yaml")
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
	}
	return "", nil
}

// build converts and validates the raw values, collecting every problem after those
// already found.
func build(values map[string]any, sources map[string]string, problems []string) (*Config, error) {
	v := viper.New()
	for k, val := range values {
		v.Set(k, val)
	}
	bad := func(key, format string, args ...any) {
		problems = append(problems, fmt.Sprintf("%s: ", key)+fmt.Sprintf(format, args...)+fmt.Sprintf(" (from %s)", sources[key]))
	}
	str := func(key string) string {
		if t, ok := v.Get(key).(time.Time); ok { // YAML reads an unquoted 2020-07-17 as a timestamp
			return t.Format("2006-01-02")
		}
		return fmt.Sprint(v.Get(key))
	}
	// integer reports a malformed number itself; ok is false then, so range checks stay quiet.
	integer := func(key string) (n int64, ok bool) {
		n, err := strconv.ParseInt(strings.TrimSpace(str(key)), 10, 64)
		if err != nil {
			bad(key, "%q is not a whole number", str(key))
		}
		return n, err == nil
	}
	boolean := func(key string) bool {
		switch strings.ToLower(str(key)) {
		case "true", "1", "yes":
			return true
		case "false", "0", "no", "":
			return false
		}
		bad(key, "%q is not true or false", str(key))
		return false
	}

	c := &Config{}
	c.Store.Backend = strings.ToLower(str("store.backend"))
	c.Store.Path = str("store.path")
	c.Store.Address = str("store.address")
	if !slices.Contains(Backends, c.Store.Backend) {
		bad("store.backend", "unknown value %q (want %s)", c.Store.Backend, strings.Join(Backends, ", "))
	}
	if c.Store.Backend == "bolt" && c.Store.Path == "" {
		bad("store.path", "empty; the bolt store needs a data directory")
	}
	if (c.Store.Backend == "postgres" || c.Store.Backend == "cockroach") && c.Store.Address == "" {
		bad("store.address", "empty; store.backend %s needs a connection string such as postgres://user@127.0.0.1:5432/newsgraph?sslmode=disable", c.Store.Backend)
	}

	c.Server.Host = str("server.host")
	port, ok := integer("server.port")
	c.Server.Port = int(port)
	if ok && (port < 1 || port > 65535) {
		bad("server.port", "%s out of range (want 1–65535)", str("server.port"))
	}
	c.Server.AllowWrites = boolean("server.allow_writes")
	c.Server.Token = str("server.token")
	if c.Server.AllowWrites && c.Server.Token == "" {
		bad("server.token", "empty; server.allow_writes needs a token that write requests must carry")
	}
	d, err := time.ParseDuration(str("server.query_timeout"))
	if err != nil || d <= 0 {
		bad("server.query_timeout", "%q is not a positive duration such as 30s", str("server.query_timeout"))
	}
	c.Server.QueryTimeout = d
	limit, ok := integer("server.query_limit")
	c.Server.QueryLimit = int(limit)
	if ok && limit < 1 {
		bad("server.query_limit", "%s must be at least 1", str("server.query_limit"))
	}
	c.Server.MaxRequestBytes, ok = integer("server.max_request_bytes")
	if ok && c.Server.MaxRequestBytes < 1024 {
		bad("server.max_request_bytes", "%s must be at least 1024", str("server.max_request_bytes"))
	}

	c.Extract.Date = str("extract.date")
	if c.Extract.Date != "" {
		if _, err := time.Parse("2006-01-02", c.Extract.Date); err != nil {
			bad("extract.date", "%q is not a date in the form YYYY-MM-DD", c.Extract.Date)
		}
	}
	workers, ok := integer("extract.workers")
	c.Extract.Workers = int(workers)
	if ok && workers < 0 {
		bad("extract.workers", "%d must be 0 (one per CPU) or more", c.Extract.Workers)
	}

	if len(problems) > 0 {
		sort.Strings(problems)
		return nil, &Error{Problems: problems}
	}
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		var val any = str(k)
		if k == "server.token" && str(k) != "" {
			val = "(set)"
		}
		c.settings = append(c.settings, Setting{Key: k, Value: val, Source: sources[k]})
	}
	return c, nil
}

// Error lists every problem with the configuration, one per line: a config file that
// cannot be read, an unknown key, an invalid value. Load returns no other error.
type Error struct {
	Problems []string
}

func (e *Error) Error() string {
	return "invalid configuration:\n  " + strings.Join(e.Problems, "\n  ")
}
