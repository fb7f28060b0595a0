package graph

import (
	"errors"
	"io"
	"strings"
	"testing"
	"time"
)

// factLine is a minimal valid fact line for article art, with the given extra fields.
func factLine(art, extra string) string {
	return `{"article":"` + art + `","subject":{"name":"Armenia","id":"ent:armenia","type":"Country"},` +
		`"predicate":"accuse","object":{"name":"Azerbaijan","id":"ent:azerbaijan","type":"Country"}` + extra + `}`
}

func TestReadFactsGrouping(t *testing.T) {
	in := strings.Join([]string{
		factLine("art:aaaaaaaaaaaa", `,"url":"https://example.org/a","published":"2021-03-04"`),
		factLine("art:bbbbbbbbbbbb", ``),
		factLine("art:aaaaaaaaaaaa", `,"headline":"Second fact brings the headline","url":"https://example.org/other"`),
	}, "\r\n") // CRLF line ends, and no line end after the last line
	rs, err := ReadFacts(strings.NewReader(in), "mixed.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 2 || rs[0].Article.ID != "art:aaaaaaaaaaaa" || rs[1].Article.ID != "art:bbbbbbbbbbbb" {
		t.Fatalf("articles = %+v, want aaaa then bbbb", rs)
	}
	a := rs[0].Article
	if len(rs[0].Facts) != 2 || len(rs[1].Facts) != 1 {
		t.Errorf("facts per article = %d, %d; want 2, 1", len(rs[0].Facts), len(rs[1].Facts))
	}
	if a.URL != "https://example.org/a" || a.Title != "Second fact brings the headline" ||
		!a.Published.Equal(time.Date(2021, 3, 4, 0, 0, 0, 0, time.UTC)) || a.Source != "mixed.jsonl" {
		t.Errorf("article metadata = %+v", a)
	}
}

func TestReadFactsLongLine(t *testing.T) {
	long := factLine("art:aaaaaaaaaaaa", `,"sentence":"`+strings.Repeat("x", MaxFactLine)+`"`)
	in := factLine("art:aaaaaaaaaaaa", "") + "\n" + long + "\n" + factLine("art:bbbbbbbbbbbb", "") + "\n"
	rs, err := ReadFacts(strings.NewReader(in), "long.jsonl")
	var le *LineError
	if !errors.As(err, &le) || le.Line != 2 || !strings.Contains(le.Error(), "long.jsonl:2: line longer than") {
		t.Errorf("err = %v, want line 2 too long", err)
	}
	if len(rs) != 2 {
		t.Errorf("%d articles read around the long line, want 2", len(rs))
	}
}

// failingReader returns its data and then a read error.
type failingReader struct{ data io.Reader }

func (r failingReader) Read(p []byte) (int, error) {
	n, err := r.data.Read(p)
	if err == io.EOF {
		return n, errors.New("disk on fire")
	}
	return n, err
}

func TestReadFactsReadError(t *testing.T) {
	rs, err := ReadFacts(failingReader{strings.NewReader(factLine("art:aaaaaaaaaaaa", "") + "\n")}, "f.jsonl")
	if err == nil || !strings.Contains(err.Error(), "read f.jsonl: line 2: disk on fire") {
		t.Errorf("err = %v, want the read error with the line it stopped at", err)
	}
	if len(rs) != 1 {
		t.Errorf("lines before the error: %d articles, want 1", len(rs))
	}
}
