package main

import (
	"fmt"
	"io"
	"os"
	"time"
)

// progress reports long work on a terminal, at most a few times a second, and stays silent
// when stderr is a file or a pipe so that logs and scripts see only results.
type progress struct {
	w     io.Writer
	verb  string
	on    bool
	last  time.Time
	start time.Time
	n     int
}

func newProgress(w io.Writer, verb string) *progress {
	p := &progress{w: w, verb: verb, start: time.Now()}
	if f, ok := w.(*os.File); ok {
		if fi, err := f.Stat(); err == nil && fi.Mode()&os.ModeCharDevice != 0 {
			p.on = true
		}
	}
	return p
}

func (p *progress) tick(n int) {
	p.n = n
	if !p.on || time.Since(p.last) < 200*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r%s %d articles (%.0f/s)", p.verb, n, float64(n)/time.Since(p.start).Seconds())
}

func (p *progress) done() {
	if p.on && !p.last.IsZero() {
		fmt.Fprintf(p.w, "\r%s %d articles in %s\n", p.verb, p.n, time.Since(p.start).Round(time.Millisecond))
	}
}
