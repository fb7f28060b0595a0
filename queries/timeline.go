package queries

import (
	"context"
	"fmt"

	cgraph "github.com/cayleygraph/cayley/graph"
)

// TimelineOf lists the facts involving an entity (as subject or object; with opts.With only
// those linking the two) in event-date order, not load order, grouped by month. The same
// fact read from several articles is one event with all their evidence.
func TimelineOf(ctx context.Context, qs cgraph.QuadStore, entity string, opts TimelineOptions) (*Timeline, error) {
	dr, err := newDateRange(opts.Since, opts.Until)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	r := newReader(ctx, qs)
	e, err := r.resolve(entity)
	if err != nil {
		return nil, fmt.Errorf("timeline: %w", err)
	}
	tl := &Timeline{Entity: e, Months: []Month{}}
	other := ""
	if opts.With != "" {
		w, err := r.resolve(opts.With)
		if err != nil {
			return nil, fmt.Errorf("timeline with: %w", err)
		}
		tl.With, other = &w, w.ID
	}
	rs, err := r.involving(e.ID, other)
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", e.ID, err)
	}
	all, err := r.statements(rs, true)
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", e.ID, err)
	}
	classes := map[string]bool{}
	for _, c := range opts.Classes {
		classes[c] = true
	}
	sts := all[:0]
	for _, st := range all {
		if (len(classes) == 0 || classes[st.class]) && dr.contains(st.date) {
			sts = append(sts, st)
		}
	}
	events, err := r.events(sts)
	if err != nil {
		return nil, fmt.Errorf("timeline of %s: %w", e.ID, err)
	}
	tl.Events = len(events)
	for _, ev := range events {
		m := monthOf(ev.Date)
		if n := len(tl.Months); n == 0 || tl.Months[n-1].Month != m {
			tl.Months = append(tl.Months, Month{Month: m})
		}
		last := &tl.Months[len(tl.Months)-1]
		last.Events = append(last.Events, ev)
	}
	return tl, nil
}

// monthOf is the group of a date: "YYYY-MM", or "YYYY" when only the year is known.
func monthOf(date string) string {
	if len(date) >= 7 {
		return date[:7]
	}
	return date
}
