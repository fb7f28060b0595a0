package queries

import (
	"fmt"
	"time"
)

// dateRange is a Since/Until pair as inclusive day bounds "YYYY-MM-DD"; an empty bound is open.
type dateRange struct {
	from, to string
}

// newDateRange checks since and until and turns them into day bounds: "2020" as since
// starts on 2020-01-01, as until ends on 2020-12-31.
func newDateRange(since, until string) (dateRange, error) {
	var dr dateRange
	if since != "" {
		if _, err := parseDate(since); err != nil {
			return dr, fmt.Errorf("since %q: %w", since, err)
		}
		dr.from = startOf(since)
	}
	if until != "" {
		if _, err := parseDate(until); err != nil {
			return dr, fmt.Errorf("until %q: %w", until, err)
		}
		dr.to = endOf(until)
	}
	if dr.from != "" && dr.to != "" && dr.from > dr.to {
		return dr, fmt.Errorf("since %s is after until %s: %w", since, until, ErrBadDate)
	}
	return dr, nil
}

func (dr dateRange) open() bool { return dr.from == "" && dr.to == "" }

// contains reports whether an event date overlaps the range. An undated event is only in an
// open range.
func (dr dateRange) contains(date string) bool {
	if dr.open() {
		return true
	}
	if _, err := parseDate(date); err != nil {
		return false
	}
	return (dr.from == "" || endOf(date) >= dr.from) && (dr.to == "" || startOf(date) <= dr.to)
}

var dateLayouts = map[int]string{4: "2006", 7: "2006-01", 10: "2006-01-02"}

// parseDate reads YYYY, YYYY-MM or YYYY-MM-DD as the first day it covers.
func parseDate(s string) (time.Time, error) {
	layout, ok := dateLayouts[len(s)]
	if !ok {
		return time.Time{}, ErrBadDate
	}
	t, err := time.Parse(layout, s)
	if err != nil {
		return time.Time{}, ErrBadDate
	}
	return t, nil
}

// startOf and endOf are the first and last day a valid date covers, as comparable strings
// ("-31" is a fine upper bound for any month when comparing).
func startOf(s string) string {
	switch len(s) {
	case 4:
		return s + "-01-01"
	case 7:
		return s + "-01"
	}
	return s
}

func endOf(s string) string {
	switch len(s) {
	case 4:
		return s + "-12-31"
	case 7:
		return s + "-31"
	}
	return s
}

// days are the day numbers of the first and last day a date covers, for measuring gaps;
// ok is false if the event is undated.
func days(s string) (lo, hi int, ok bool) {
	t, err := parseDate(s)
	if err != nil {
		return 0, 0, false
	}
	end := t
	switch len(s) {
	case 4:
		end = t.AddDate(1, 0, -1)
	case 7:
		end = t.AddDate(0, 1, -1)
	}
	return int(t.Unix() / 86400), int(end.Unix() / 86400), true
}
