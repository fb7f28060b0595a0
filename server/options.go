package server

import (
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"
)

// Defaults used by EnsureDefaults for zero fields.
const (
	// DefaultHost binds the loopback interface only: the graph is not reachable from
	// other machines unless the user asks for it.
	DefaultHost = "127.0.0.1"
	// DefaultPort is Cayley's own port, so that tools written for Cayley find the API.
	DefaultPort = 64210
	// DefaultQueryTimeout stops runaway queries (a Gizmo `while(true){}`) while leaving
	// room for multi-hop traversals over a large graph.
	DefaultQueryTimeout = 30 * time.Second
	// DefaultQueryLimit caps the rows of one query result: more than the UI can draw,
	// few enough to keep one response in the tens of megabytes at most.
	DefaultQueryLimit = 10000
	// DefaultMaxRequestBytes caps a request body (a query or quads to write).
	DefaultMaxRequestBytes = 1 << 20
	// MinTokenLength is the shortest write token Validate accepts.
	MinTokenLength = 16
)

// Options configures the server. The zero value is usable after EnsureDefaults:
// loopback, read-only, with a query timeout, a result limit and a request size limit.
type Options struct {
	// Host is the address to listen on. Empty means DefaultHost (loopback only).
	Host string
	// Port is the TCP port to listen on. Zero means DefaultPort.
	Port int
	// AllowWrites enables /api/v2/write and /api/v2/delete for requests carrying Token
	// as "Authorization: Bearer <token>". False (the default) makes the server read-only.
	AllowWrites bool
	// Token authorises writes. Required, at least MinTokenLength characters, when
	// AllowWrites is set; ignored otherwise.
	Token string
	// QueryTimeout bounds the run time of one query. Zero means DefaultQueryTimeout.
	QueryTimeout time.Duration
	// QueryLimit bounds the number of result rows of one query; a response that hit it
	// says "truncated": true. Zero means DefaultQueryLimit.
	QueryLimit int
	// MaxRequestBytes bounds the size of a request body. Zero means DefaultMaxRequestBytes.
	MaxRequestBytes int64
}

// EnsureDefaults fills zero fields with the defaults above and returns o. A nil o
// yields a fresh Options with every default.
func (o *Options) EnsureDefaults() *Options {
	if o == nil {
		o = &Options{}
	}
	if o.Host == "" {
		o.Host = DefaultHost
	}
	if o.Port == 0 {
		o.Port = DefaultPort
	}
	if o.QueryTimeout == 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.QueryLimit == 0 {
		o.QueryLimit = DefaultQueryLimit
	}
	if o.MaxRequestBytes == 0 {
		o.MaxRequestBytes = DefaultMaxRequestBytes
	}
	return o
}

// Validate reports every problem with o at once, one per line. Call it after
// EnsureDefaults: zero values are problems here.
func (o *Options) Validate() error {
	var errs []error
	if o.Host == "" {
		errs = append(errs, errors.New("host must not be empty"))
	}
	if o.Port < 1 || o.Port > 65535 {
		errs = append(errs, fmt.Errorf("port (%d) must be between 1 and 65535", o.Port))
	}
	if o.AllowWrites && o.Token == "" {
		errs = append(errs, errors.New("token must be set when writes are allowed"))
	} else if o.AllowWrites && len(o.Token) < MinTokenLength {
		errs = append(errs, fmt.Errorf("token length (%d) must be >= %d", len(o.Token), MinTokenLength))
	}
	if o.QueryTimeout <= 0 {
		errs = append(errs, fmt.Errorf("query timeout (%s) must be > 0", o.QueryTimeout))
	}
	if o.QueryLimit <= 0 {
		errs = append(errs, fmt.Errorf("query limit (%d) must be > 0", o.QueryLimit))
	}
	if o.MaxRequestBytes <= 0 {
		errs = append(errs, fmt.Errorf("max request bytes (%d) must be > 0", o.MaxRequestBytes))
	}
	return errors.Join(errs...)
}

// Addr is the listen address "host:port" for net.Listen.
func (o *Options) Addr() string {
	return net.JoinHostPort(o.Host, strconv.Itoa(o.Port))
}
