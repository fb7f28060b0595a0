package corpus_test

import (
	"context"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/corpus"
	"github.com/newsgraph/newsgraph/extract"
)

// The quality bar of the extractor over the corpus. They are set a little below what the
// extractor measured when they were last raised (see the log of TestExtractorQuality), so
// that a regression fails and an improvement is a reason to raise them. Measured when set:
// precision 0.972 (350/360), recall 0.962 (350/364), date accuracy 0.971 (201/207).
// The extractor's confidence curve and floor were fitted on this corpus, so these figures are
// optimistic for unseen news; CaRB (issue 6) is the held-apart measure.
const (
	minPrecision    = 0.92
	minRecall       = 0.92
	minDateAccuracy = 0.94
)

// readCorpus reads every article of the embedded corpus as the quality bar measures it:
// undated articles take DefaultDate.
func readCorpus(t testing.TB) []extract.Article {
	t.Helper()
	def, err := time.Parse(time.DateOnly, corpus.DefaultDate)
	if err != nil {
		t.Fatal(err)
	}
	arts, errs := corpus.Read(extract.ReadOptions{DefaultDate: def})
	for _, err := range errs {
		t.Errorf("read %v", err)
	}
	return arts
}

var datedName = regexp.MustCompile(`/(\d{4}-\d{2}-\d{2})-[^/]*$`)

// TestReadCorpus checks what the readers make of the corpus: every record read, every
// article with expectations, and the publication date each single-article file is named by.
func TestReadCorpus(t *testing.T) {
	arts := readCorpus(t)
	want, err := corpus.Expected()
	if err != nil {
		t.Fatal(err)
	}
	want, err = corpus.Bind(want, arts)
	if err != nil {
		t.Fatal(err)
	}
	expected := map[string]bool{}
	for _, w := range want {
		expected[w.Article] = true
	}
	for _, a := range arts {
		if !expected[a.ID] {
			t.Errorf("%s: read as an article, but expected.tsv has no facts for it", a.Source)
		}
		if a.Text == "" {
			t.Errorf("%s: empty body", a.Source)
		}
		if strings.Contains(a.Source, "nodate") {
			if got := a.Published.Format(time.DateOnly); got != corpus.DefaultDate || a.DateSource != "default" {
				t.Errorf("%s: published %s (%s), want the default %s", a.Source, got, a.DateSource, corpus.DefaultDate)
			}
		}
		if m := datedName.FindStringSubmatch(a.Source); m != nil {
			if got := a.Published.Format(time.DateOnly); got != m[1] || a.DateSource != "article" {
				t.Errorf("%s: published %s (%s), want %s from the article", a.Source, got, a.DateSource, m[1])
			}
		}
	}
}

// TestExtractorQuality runs the real extractor over the whole corpus and scores it
// against the hand-written expectations.
func TestExtractorQuality(t *testing.T) {
	arts := readCorpus(t)
	want, err := corpus.Expected()
	if err != nil {
		t.Fatal(err)
	}
	if want, err = corpus.Bind(want, arts); err != nil {
		t.Fatal(err)
	}
	abs, err := corpus.Absences()
	if err != nil {
		t.Fatal(err)
	}
	if abs, err = corpus.BindAbsences(abs, arts); err != nil {
		t.Fatal(err)
	}

	var got []extract.Fact
	for _, o := range extract.ExtractAll(context.Background(), arts, 0) {
		if o.Err != nil {
			t.Errorf("extract: %v", o.Err)
			continue
		}
		got = append(got, o.Result.Facts...)
	}
	r := corpus.Score(got, want)
	t.Logf("%d articles, %d facts\n%s", len(arts), len(got), r)

	for _, f := range corpus.Forbidden(got, abs) {
		t.Errorf("boilerplate entity in a fact: %s %s %s (%q)", f.Subject.ID, f.Predicate, f.Object.ID, f.Sentence)
	}
	if p := r.Overall.Precision(); p < minPrecision {
		t.Errorf("precision %.3f, want at least %.2f", p, minPrecision)
	}
	if rc := r.Overall.Recall(); rc < minRecall {
		t.Errorf("recall %.3f, want at least %.2f", rc, minRecall)
	}
	if d := r.DateAccuracy(); d < minDateAccuracy {
		t.Errorf("date accuracy %.3f, want at least %.2f", d, minDateAccuracy)
	}
}
