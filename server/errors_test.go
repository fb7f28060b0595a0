package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/newsgraph/newsgraph/queries"
)

// TestStatusOf pins the error-to-status mapping, errors wrapped as handlers wrap them.
func TestStatusOf(t *testing.T) {
	for _, c := range []struct {
		err    error
		status int
	}{
		{fmt.Errorf("read query: %w", &http.MaxBytesError{Limit: 10}), 413},
		{&TimeoutError{Limit: "30s"}, 504},
		{fmt.Errorf("read store stats: %w", context.DeadlineExceeded), 504},
		{ErrWritesDisabled, 403},
		{ErrUnauthorized, 401},
		{fmt.Errorf("%w: /x", ErrNotFound), 404},
		{fmt.Errorf("describe: %w", queries.ErrNotFound), 404},
		{fmt.Errorf("paths: %w", queries.ErrSearchLimit), 404},
		{fmt.Errorf("%w: %q", ErrForeignHost, "evil.example"), 421},
		{fmt.Errorf("%w: DELETE /", ErrMethodNotAllowed), 405},
		{badRequest("run query", "empty"), 400},
		{fmt.Errorf("resolve: %w", &queries.AmbiguousError{Name: "Aliyev"}), 400},
		{fmt.Errorf("timeline: %w", queries.ErrBadDate), 400},
		{&upstreamError{Status: 403, Msg: "database is read-only"}, 403},
		{errors.New("disk on fire"), 500},
	} {
		if got := statusOf(c.err); got != c.status {
			t.Errorf("statusOf(%v) = %d, want %d", c.err, got, c.status)
		}
	}
}

func TestWriteError(t *testing.T) {
	rec := httptest.NewRecorder()
	writeError(rec, fmt.Errorf("parse nquads: %w", ErrUnauthorized))
	if rec.Code != 401 || rec.Header().Get("WWW-Authenticate") == "" || rec.Header().Get("Content-Type") != "application/json" {
		t.Errorf("%d %v", rec.Code, rec.Header())
	}
	rec = httptest.NewRecorder()
	writeError(rec, badRequest("parse nquads", "bad IRI <a b>"))
	if got := rec.Body.String(); got != `{"error":"parse nquads: bad IRI <a b>"}`+"\n" {
		t.Errorf("body %q", got)
	}
}
