package server

import (
	"bytes"
	"context"
	"crypto/subtle"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"

	cgraph "github.com/cayleygraph/cayley/graph"
	cayleyhttp "github.com/cayleygraph/cayley/server/http"
	"github.com/cayleygraph/quad"
)

// upstreamError is an error response of one of Cayley's own handlers, re-issued through
// writeError so that every error of the server has one form.
type upstreamError struct {
	Status int
	Msg    string
}

func (e *upstreamError) Error() string { return "cayley: " + e.Msg }

// reissueErrors serves h, one of Cayley's own handlers (read and formats), passing its
// answers through except errors, which it re-issues through writeError.
func reissueErrors(h http.Handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		cw := &errorCatcher{ResponseWriter: w}
		h.ServeHTTP(cw, r)
		if cw.status != 0 {
			msg := strings.TrimSpace(cw.body.String())
			var body errorBody
			if json.Unmarshal(cw.body.Bytes(), &body) == nil && body.Error != "" {
				msg = body.Error
			}
			writeError(w, &upstreamError{Status: cw.status, Msg: msg})
		}
	}
}

// errorCatcher passes a response through unless its status is an error; then it keeps
// the body for reissueErrors to re-issue.
type errorCatcher struct {
	http.ResponseWriter
	status int // set when the handler wrote an error status
	body   bytes.Buffer
	wrote  bool
}

func (c *errorCatcher) WriteHeader(code int) {
	if c.wrote {
		return
	}
	c.wrote = true
	if code >= 400 {
		c.status = code
		return
	}
	c.ResponseWriter.WriteHeader(code)
}

func (c *errorCatcher) Write(p []byte) (int, error) {
	if !c.wrote {
		c.WriteHeader(http.StatusOK)
	}
	if c.status != 0 {
		return c.body.Write(p)
	}
	return c.ResponseWriter.Write(p)
}

// Flush lets streamed reads reach the client as they are written.
func (c *errorCatcher) Flush() {
	if f, ok := c.ResponseWriter.(http.Flusher); ok && c.status == 0 {
		f.Flush()
	}
}

// writeResponse is the body of a successful write or delete, as Cayley answers it.
type writeResponse struct {
	Result string `json:"result"`
	Count  int    `json:"count"`
}

// handleWrite serves /api/v2/write and /api/v2/delete: quads in the body, in the format
// the Content-Type names (N-Quads when it names none that reads quads). The whole body is
// parsed before anything is written, so a bad line changes nothing.
func (s *server) handleWrite(w http.ResponseWriter, r *http.Request) {
	if err := s.authorizeWrite(r); err != nil {
		writeError(w, err)
		return
	}
	del := strings.HasSuffix(r.URL.Path, "/delete")
	format := quad.FormatByName("nquads")
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mime, _, _ := strings.Cut(ct, ";")
		if f := quad.FormatByMime(strings.TrimSpace(mime)); f != nil && f.Reader != nil {
			format = f
		}
	}
	// Read the body whole first: a body over the size limit must fail as too large, not
	// as a parse error at the point where it was cut.
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeError(w, fmt.Errorf("read quads: %w", err))
		return
	}
	qr := format.Reader(bytes.NewReader(body))
	defer qr.Close()
	qs, err := quad.ReadAll(qr)
	if err != nil {
		writeError(w, &BadRequestError{What: "parse " + format.Name, Err: err})
		return
	}
	deltas := make([]cgraph.Delta, len(qs))
	action, verb := cgraph.Add, "wrote"
	if del {
		action, verb = cgraph.Delete, "deleted"
	}
	for i, q := range qs {
		if !q.IsValid() {
			writeError(w, badRequest("parse "+format.Name, "quad %d (%s) lacks a subject, predicate or object", i+1, q))
			return
		}
		deltas[i] = cgraph.Delta{Quad: q, Action: action}
	}
	// Writing a quad that exists or deleting one that does not is no error: the request
	// states what the graph should hold. All deltas go in one call, atomic where the
	// store supports it (bolt, SQL).
	if err := s.qs.ApplyDeltas(deltas, cgraph.IgnoreOpts{IgnoreDup: true, IgnoreMissing: true}); err != nil {
		writeError(w, fmt.Errorf("apply %d quads: %w", len(deltas), err))
		return
	}
	writeJSON(w, http.StatusOK, "application/json", writeResponse{Result: fmt.Sprintf("Successfully %s %d quads.", verb, len(qs)), Count: len(qs)})
}

// authorizeWrite lets a write through only when writes are allowed and the request
// carries the token. The token travels in a header, which a cross-site form or a simple
// cross-origin fetch cannot set.
func (s *server) authorizeWrite(r *http.Request) error {
	if !s.opts.AllowWrites {
		return ErrWritesDisabled
	}
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(got), []byte(s.opts.Token)) != 1 {
		return ErrUnauthorized
	}
	return nil
}

// health is the body of /health.
type health struct {
	Status   string `json:"status"`
	ReadOnly bool   `json:"read_only"`
	Quads    int64  `json:"quads"`
	Nodes    int64  `json:"nodes"`
	Exact    bool   `json:"exact"` // false when the store gave estimates
}

// handleHealth answers whether the store can be read, with its size.
func (s *server) handleHealth(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout)
	defer cancel()
	st, err := s.qs.Stats(ctx, false)
	if err != nil {
		writeError(w, fmt.Errorf("read store stats: %w", err))
		return
	}
	writeJSON(w, http.StatusOK, "application/json", health{
		Status: "ok", ReadOnly: !s.opts.AllowWrites,
		Quads: st.Quads.Value, Nodes: st.Nodes.Value, Exact: st.Quads.Exact && st.Nodes.Exact,
	})
}

// accepts reports whether the first media type of the Accept header is mime, as Cayley
// reads it.
func accepts(r *http.Request, mime string) bool {
	specs := cayleyhttp.ParseAccept(r.Header, "Accept")
	return len(specs) != 0 && specs[0].Value == mime
}
