package server

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/newsgraph/newsgraph/queries"
)

// Sentinel errors. Each maps to one HTTP status in statusOf.
var (
	// ErrWritesDisabled is returned by write and delete when the server is read-only.
	ErrWritesDisabled = errors.New("server: writes are disabled: start the server with writes allowed and a token")
	// ErrUnauthorized is returned by write and delete when the request lacks the token.
	ErrUnauthorized = errors.New(`server: missing or wrong token: send "Authorization: Bearer <token>"`)
	// ErrNotFound is returned for unknown paths. A name that matches no entity keeps its
	// queries.ErrNotFound, which statusOf answers with 404 as well.
	ErrNotFound = errors.New("server: not found")
	// ErrForeignHost is returned when a server bound to loopback gets a request for
	// another host name (see checkHost).
	ErrForeignHost = errors.New("server: refused a request for another host: this server answers to localhost and loopback addresses only")
	// ErrMethodNotAllowed is returned when a path exists but not for the request's method.
	ErrMethodNotAllowed = errors.New("server: method not allowed")
)

// BadRequestError is a problem with what the client sent: a missing parameter, an
// unknown query language, a query that does not parse or fails while running.
type BadRequestError struct {
	What string // what was being done: "parse quads", "run gizmo query"
	Err  error
}

func (e *BadRequestError) Error() string { return e.What + ": " + e.Err.Error() }
func (e *BadRequestError) Unwrap() error { return e.Err }

// badRequest builds a *BadRequestError from a message.
func badRequest(what, format string, args ...any) error {
	return &BadRequestError{What: what, Err: fmt.Errorf(format, args...)}
}

// TimeoutError says a query ran out of its time budget and was stopped.
type TimeoutError struct {
	Limit string // the configured timeout, for the message
}

func (e *TimeoutError) Error() string {
	return "query stopped: it ran longer than the query timeout (" + e.Limit + "); narrow it (add .Limit(n), fewer hops) or raise the timeout"
}

// errorBody is the JSON of every error response. The field name matches Cayley's own
// API, which the web UI reads ("error" in result).
type errorBody struct {
	Error string `json:"error"`
}

// writeError is the one place where an error becomes an HTTP response: every handler
// of this package, and the Cayley handlers it wraps, report errors through it.
func writeError(w http.ResponseWriter, err error) {
	status := statusOf(err)
	if status == http.StatusUnauthorized {
		w.Header().Set("WWW-Authenticate", `Bearer realm="newsgraph"`)
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	writeJSON(w, status, "application/json", errorBody{Error: err.Error()})
}

// writeJSON is how every JSON body of the server is written. Bodies quote IRIs, which
// must read <ent:x>, not \u003cent:x\u003e. The status is already sent when encoding
// could fail, so an encoding error is left to the client's parser.
func writeJSON(w http.ResponseWriter, status int, contentType string, v any) {
	w.Header().Set("Content-Type", contentType)
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// statusOf maps an error to its HTTP status. Errors it does not know are server faults.
func statusOf(err error) int {
	var (
		bad       *BadRequestError
		timeout   *TimeoutError
		tooLarge  *http.MaxBytesError
		upstream  *upstreamError
		ambiguous *queries.AmbiguousError
	)
	switch {
	case errors.As(err, &tooLarge):
		return http.StatusRequestEntityTooLarge
	case errors.As(err, &timeout), errors.Is(err, context.DeadlineExceeded):
		return http.StatusGatewayTimeout
	case errors.Is(err, ErrWritesDisabled):
		return http.StatusForbidden
	case errors.Is(err, ErrUnauthorized):
		return http.StatusUnauthorized
	case errors.Is(err, ErrNotFound), errors.Is(err, queries.ErrNotFound), errors.Is(err, queries.ErrSearchLimit):
		return http.StatusNotFound
	case errors.Is(err, ErrForeignHost):
		return http.StatusMisdirectedRequest
	case errors.Is(err, ErrMethodNotAllowed):
		return http.StatusMethodNotAllowed
	case errors.As(err, &bad), errors.As(err, &ambiguous), errors.Is(err, queries.ErrBadDate):
		return http.StatusBadRequest
	case errors.As(err, &upstream):
		return upstream.Status
	}
	return http.StatusInternalServerError
}
