package server

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/queries"
)

// Querier answers newsgraph's own questions. storeQuerier implements it with package
// queries over the served store; New takes another to serve a different source.
type Querier interface {
	Paths(ctx context.Context, from, to string, opts queries.PathOptions) ([]queries.Path, error)
	Timeline(ctx context.Context, entity string, opts queries.TimelineOptions) (*queries.Timeline, error)
	Related(ctx context.Context, entity string, opts queries.RelatedOptions) (*queries.Related, error)
	Describe(ctx context.Context, entity string) (*queries.Profile, error)
	Search(ctx context.Context, text string, limit int) ([]queries.Entity, error)
}

// PathResponse is the body of /api/newsgraph/path.
type PathResponse struct {
	Paths []queries.Path `json:"paths"`
	// Gizmo holds, for each path, a query that draws it on the UI's Visualize page.
	Gizmo []string `json:"gizmo"`
}

// SearchResponse is the body of /api/newsgraph/search.
type SearchResponse struct {
	Entities []queries.Entity `json:"entities"`
}

// newsgraphHandlers are the /api/newsgraph/<name> endpoints. Each reads its parameters
// from the URL query, rejecting parameters it does not know (a misspelt filter would
// otherwise be silently ignored).
func (s *server) newsgraphHandlers() map[string]http.HandlerFunc {
	return map[string]http.HandlerFunc{
		"path": s.endpoint([]string{"from", "to", "k", "max_hops", "via", "since", "until", "topics"}, func(ctx context.Context, p *params) (any, error) {
			opts := queries.PathOptions{Via: p.list("via"), Since: p.get("since"), Until: p.get("until")}
			from, to := p.required("from"), p.required("to")
			opts.K = p.positive("k")
			opts.MaxHops = p.positive("max_hops")
			opts.Topics = p.boolean("topics")
			if err := p.err(); err != nil {
				return nil, err
			}
			paths, err := s.q.Paths(ctx, from, to, opts)
			if err != nil {
				return nil, err
			}
			if paths == nil {
				paths = []queries.Path{} // "paths": [] rather than null: no path is an answer
			}
			res := PathResponse{Paths: paths, Gizmo: make([]string, len(paths))}
			for i, path := range paths {
				res.Gizmo[i] = queries.PathGizmo(path)
			}
			return res, nil
		}),
		"timeline": s.endpoint([]string{"entity", "with", "class", "since", "until"}, func(ctx context.Context, p *params) (any, error) {
			entity := p.required("entity")
			opts := queries.TimelineOptions{With: p.get("with"), Classes: p.list("class"), Since: p.get("since"), Until: p.get("until")}
			if err := p.err(); err != nil {
				return nil, err
			}
			return s.q.Timeline(ctx, entity, opts)
		}),
		"related": s.endpoint([]string{"entity", "gap_days", "main_facts"}, func(ctx context.Context, p *params) (any, error) {
			entity := p.required("entity")
			opts := queries.RelatedOptions{GapDays: p.positive("gap_days"), MainFacts: p.positive("main_facts")}
			if err := p.err(); err != nil {
				return nil, err
			}
			return s.q.Related(ctx, entity, opts)
		}),
		"entity": s.endpoint([]string{"entity"}, func(ctx context.Context, p *params) (any, error) {
			entity := p.required("entity")
			if err := p.err(); err != nil {
				return nil, err
			}
			return s.q.Describe(ctx, entity)
		}),
		"search": s.endpoint([]string{"q", "limit"}, func(ctx context.Context, p *params) (any, error) {
			text := p.required("q")
			limit := p.positive("limit")
			if err := p.err(); err != nil {
				return nil, err
			}
			if limit == 0 {
				limit = queries.DefaultSearchLimit
			}
			limit = min(limit, s.opts.QueryLimit)
			found, err := s.q.Search(ctx, text, limit)
			if err != nil {
				return nil, err
			}
			if found == nil {
				found = []queries.Entity{}
			}
			return SearchResponse{Entities: found}, nil
		}),
	}
}

// endpoint turns a query function into a handler: parameters checked against known,
// the query timeout applied, the answer written as JSON or the error through writeError.
func (s *server) endpoint(known []string, run func(context.Context, *params) (any, error)) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		p := &params{values: r.URL.Query(), what: "query " + r.URL.Path}
		p.checkKnown(known)
		ctx, cancel := context.WithTimeout(r.Context(), s.opts.QueryTimeout)
		defer cancel()
		res, err := run(ctx, p)
		if err != nil {
			if ctx.Err() == context.DeadlineExceeded {
				err = &TimeoutError{Limit: s.opts.QueryTimeout.String()}
			}
			writeError(w, err)
			return
		}
		writeJSON(w, http.StatusOK, "application/json", res)
	}
}

// params reads URL parameters, collecting every problem so that one response names
// them all.
type params struct {
	values   url.Values
	what     string
	problems []string
}

func (p *params) problem(format string, args ...any) {
	p.problems = append(p.problems, fmt.Sprintf(format, args...))
}

func (p *params) checkKnown(known []string) {
	var unknown []string
	for name := range p.values {
		if !slices.Contains(known, name) {
			unknown = append(unknown, name)
		}
	}
	sort.Strings(unknown)
	for _, name := range unknown {
		p.problem("unknown parameter %q (known: %s)", name, strings.Join(known, ", "))
	}
}

func (p *params) get(name string) string { return strings.TrimSpace(p.values.Get(name)) }

func (p *params) required(name string) string {
	v := p.get(name)
	if v == "" {
		p.problem("missing parameter %q", name)
	}
	return v
}

// list reads a comma-separated or repeated parameter: via=mediate,attack or via=a&via=b.
func (p *params) list(name string) []string {
	var out []string
	for _, v := range p.values[name] {
		for _, item := range strings.Split(v, ",") {
			if item = strings.TrimSpace(item); item != "" {
				out = append(out, item)
			}
		}
	}
	return out
}

// positive reads an optional positive integer; absent is 0, meaning the default.
func (p *params) positive(name string) int {
	v := p.get(name)
	if v == "" {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		p.problem("parameter %q: want a positive integer, got %q", name, v)
		return 0
	}
	return n
}

func (p *params) boolean(name string) bool {
	v := p.get(name)
	if v == "" {
		return false
	}
	b, err := strconv.ParseBool(v)
	if err != nil {
		p.problem("parameter %q: want true or false, got %q", name, v)
	}
	return b
}

func (p *params) err() error {
	if len(p.problems) == 0 {
		return nil
	}
	return &BadRequestError{What: p.what, Err: errors.New(strings.Join(p.problems, "; "))}
}
