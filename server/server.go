package server

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	cgraph "github.com/cayleygraph/cayley/graph"
	_ "github.com/cayleygraph/cayley/query/gizmo"   // registers the gizmo query language
	_ "github.com/cayleygraph/cayley/query/graphql" // registers the graphql query language
	_ "github.com/cayleygraph/cayley/query/mql"     // registers the mql query language
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	_ "github.com/cayleygraph/quad/jsonld" // registers the JSON-LD quad format
	_ "github.com/cayleygraph/quad/nquads" // registers the N-Quads quad format
)

// server holds what the handlers share.
type server struct {
	qs     cgraph.QuadStore
	q      Querier
	opts   Options
	cayley *cayleyhttp.APIv2 // Cayley's own read and formats handlers
	ui     *webUI
}

// New returns the HTTP handler serving qs: the Cayley web UI at "/", Cayley's API v2
// under /api/v2/, newsgraph's queries under /api/newsgraph/ and /health.
// A nil q answers the newsgraph endpoints with package queries over qs.
// opts are completed with EnsureDefaults and must pass Validate.
func New(qs cgraph.QuadStore, q Querier, opts Options) (http.Handler, error) {
	if qs == nil {
		return nil, errors.New("server: nil quad store")
	}
	opts.EnsureDefaults()
	if err := opts.Validate(); err != nil {
		return nil, fmt.Errorf("server: invalid options:\n%w", err)
	}
	ui, err := loadWebUI()
	if err != nil {
		return nil, fmt.Errorf("server: %w", err)
	}
	if q == nil {
		q = storeQuerier{qs: qs}
	}
	s := &server{qs: qs, q: q, opts: opts, ui: ui}
	s.cayley = cayleyhttp.NewAPIv2(&cgraph.Handle{QuadStore: qs})
	// Only read and formats are routed to Cayley's handlers (see routes); read-only is a
	// second lock on its write handlers.
	s.cayley.SetReadOnly(true)
	return s.routes(), nil
}

func (s *server) routes() http.Handler {
	mux := http.NewServeMux()
	mux.Handle("/health", methods(s.handleHealth, http.MethodGet, http.MethodHead))
	mux.Handle("/api/v2/query", methods(s.handleQuery, http.MethodGet, http.MethodPost))
	mux.Handle("/api/v2/read", methods(reissueErrors(s.cayley), http.MethodGet, http.MethodPost))
	mux.Handle("/api/v2/formats", methods(reissueErrors(s.cayley), http.MethodGet))
	mux.Handle("/api/v2/write", methods(s.handleWrite, http.MethodPost))
	mux.Handle("/api/v2/delete", methods(s.handleWrite, http.MethodPost))
	for name, h := range s.newsgraphHandlers() {
		mux.Handle("/api/newsgraph/"+name, methods(h, http.MethodGet))
	}
	mux.Handle("/api/", http.HandlerFunc(notFound))
	mux.Handle("/", methods(s.ui.ServeHTTP, http.MethodGet, http.MethodHead))
	return s.checkHost(s.limitBody(mux))
}

// checkHost refuses, on a server bound to loopback, requests whose Host header names
// anything but a loopback address: a web page whose own domain was made to resolve to
// 127.0.0.1 (DNS rebinding) could otherwise read the graph through the user's browser.
func (s *server) checkHost(h http.Handler) http.Handler {
	if !isLoopback(s.opts.Host) {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		host := r.Host
		if hp, _, err := net.SplitHostPort(r.Host); err == nil {
			host = hp
		}
		if !isLoopback(strings.Trim(host, "[]")) {
			writeError(w, fmt.Errorf("%w: %q", ErrForeignHost, r.Host))
			return
		}
		h.ServeHTTP(w, r)
	})
}

func isLoopback(host string) bool {
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// limitBody caps every request body at MaxRequestBytes; reading past it fails with
// *http.MaxBytesError, which writeError answers with 413.
func (s *server) limitBody(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxRequestBytes)
		h.ServeHTTP(w, r)
	})
}

// methods restricts h to the given methods, answering others with a JSON 405.
func methods(h http.HandlerFunc, allowed ...string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		for _, m := range allowed {
			if r.Method == m {
				h(w, r)
				return
			}
		}
		w.Header().Set("Allow", strings.Join(allowed, ", "))
		writeError(w, fmt.Errorf("%w: %s %s (allowed: %s)", ErrMethodNotAllowed, r.Method, r.URL.Path, strings.Join(allowed, ", ")))
	})
}

func notFound(w http.ResponseWriter, r *http.Request) {
	writeError(w, fmt.Errorf("%w: %s", ErrNotFound, r.URL.Path))
}

// Serve serves h on ln until ctx is done, then shuts down gracefully: it stops accepting
// connections and waits up to ShutdownGrace for running requests. It returns nil after a
// clean shutdown.
func Serve(ctx context.Context, ln net.Listener, h http.Handler) error {
	srv := &http.Server{
		Handler: h,
		// Slow or stalled clients must not hold connections forever; queries have their
		// own timeout, so there is no WriteTimeout to cut a long answer short.
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       time.Minute,
		IdleTimeout:       2 * time.Minute,
	}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), ShutdownGrace)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}

// ShutdownGrace is how long Serve waits for running requests after ctx is done.
const ShutdownGrace = 10 * time.Second
