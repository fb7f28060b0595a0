package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"

	"github.com/cayleygraph/cayley/query"
)

// queryResponse is the body of a successful /api/v2/query: Cayley's shape, which the web
// UI reads, plus Truncated when the result hit the query limit.
type queryResponse struct {
	Result    []any `json:"result"`
	Truncated bool  `json:"truncated,omitempty"`

	collation query.Collation // what the language produced: JSON-LD when asked and supported
}

// handleQuery runs a Gizmo, GraphQL or MQL query. It replaces Cayley's own handler to
// give every failure a clear message and status, to stop queries at the timeout with an
// error that says so, and to say when a result was cut at the limit.
//
// lang is a URL parameter; the query is the POST body or the "qu" parameter of a GET.
// "Accept: application/ld+json" returns nodes as JSON-LD ({"@id": …}), which the UI's
// Visualize page needs; languages without JSON-LD output fall back to plain JSON.
func (s *server) handleQuery(w http.ResponseWriter, r *http.Request) {
	lang := r.URL.Query().Get("lang")
	if lang == "" {
		writeError(w, badRequest("run query", "no query language: add ?lang=gizmo, graphql or mql"))
		return
	}
	if query.GetLanguage(lang) == nil {
		writeError(w, badRequest("run query", "unknown query language %q (want gizmo, graphql or mql)", lang))
		return
	}
	text := r.URL.Query().Get("qu")
	if r.Method == http.MethodPost {
		body, err := io.ReadAll(r.Body)
		if err != nil {
			writeError(w, fmt.Errorf("read query: %w", err))
			return
		}
		text = string(body)
	}
	if text == "" {
		writeError(w, badRequest("run query", "the query is empty"))
		return
	}
	col := query.JSON
	if accepts(r, "application/ld+json") {
		col = query.JSONLD
	}
	res, err := s.runQuery(r.Context(), lang, text, col)
	if err != nil {
		writeError(w, err)
		return
	}
	ctype := "application/json"
	if res.collation == query.JSONLD {
		ctype = "application/ld+json"
	}
	writeJSON(w, http.StatusOK, ctype, res)
}

// runQuery runs one query under the query timeout and limit. A query still running at
// the timeout is stopped: Cayley's Gizmo interrupts its JavaScript VM when the context
// passed to Next is done, which ends even a `while(true){}`.
func (s *server) runQuery(ctx context.Context, lang, text string, col query.Collation) (*queryResponse, error) {
	ctx, cancel := context.WithTimeout(ctx, s.opts.QueryTimeout)
	defer cancel()
	ses := query.NewSession(s.qs, lang)
	// One row more than the limit tells a result that fits from one that was cut.
	opt := query.Options{Collation: col, Limit: s.opts.QueryLimit + 1}
	it, err := ses.Execute(ctx, text, opt)
	var unsupported *query.ErrUnsupportedCollation
	if errors.As(err, &unsupported) && col == query.JSONLD {
		opt.Collation = query.JSON
		it, err = ses.Execute(ctx, text, opt)
	}
	if err != nil {
		return nil, s.queryError(ctx, lang, err)
	}
	defer it.Close()
	res := &queryResponse{Result: []any{}, collation: opt.Collation}
	for it.Next(ctx) {
		v := it.Result()
		if v == nil {
			continue // Gizmo's value of the script itself, not a result row
		}
		if len(res.Result) == s.opts.QueryLimit {
			res.Truncated = true
			break
		}
		res.Result = append(res.Result, v)
	}
	if err := it.Err(); err != nil {
		return nil, s.queryError(ctx, lang, err)
	}
	if err := ctx.Err(); err != nil && !res.Truncated {
		return nil, s.queryError(ctx, lang, err)
	}
	return res, nil
}

// queryError classifies a failed query: the timeout, the client going away, or a
// problem with the query itself (syntax, a runtime error in a Gizmo script).
func (s *server) queryError(ctx context.Context, lang string, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return &TimeoutError{Limit: s.opts.QueryTimeout.String()}
	}
	if ctx.Err() != nil {
		return fmt.Errorf("run %s query: %w", lang, ctx.Err())
	}
	return &BadRequestError{What: "run " + lang + " query", Err: err}
}
