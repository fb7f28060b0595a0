package extract

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in   string
		want string // RFC 3339; "" for an error
	}{
		{"2020-07-17", "2020-07-17T00:00:00Z"},
		{"2020-07-17T10:30:00Z", "2020-07-17T10:30:00Z"},
		{"2020-07-17T10:30:00+03:00", "2020-07-17T10:30:00+03:00"},
		{"2020-07-17T10:30:00.123+0300", "2020-07-17T10:30:00.123+03:00"},
		{"2020-07-17T10:30:00", "2020-07-17T10:30:00Z"},
		{"2020-07-17 10:30:00", "2020-07-17T10:30:00Z"},
		{"2020/07/17", "2020-07-17T00:00:00Z"},
		{"Fri, 17 Jul 2020 10:30:00 GMT", "2020-07-17T10:30:00Z"},
		{"Fri, 17 Jul 2020 10:30:00 +0300", "2020-07-17T10:30:00+03:00"},
		{"Fri, 3 Jul 2020 10:30:00 +0300", "2020-07-03T10:30:00+03:00"},
		{"July 17, 2020", "2020-07-17T00:00:00Z"},
		{"Jul 17, 2020", "2020-07-17T00:00:00Z"},
		{"17 July 2020", "2020-07-17T00:00:00Z"},
		{"Friday, July 17, 2020", "2020-07-17T00:00:00Z"},
		{"  July   17,  2020 ", "2020-07-17T00:00:00Z"},
		{"1594981800", "2020-07-17T10:30:00Z"},
		{"1594981800000", "2020-07-17T10:30:00Z"},
		{"last Friday", ""},
		{"2020-13-45", ""},
		{"42", ""},
	}
	for _, tt := range tests {
		got, err := parseDate(tt.in)
		switch {
		case tt.want == "" && !errors.Is(err, ErrBadDate):
			t.Errorf("parseDate(%q) = %v, %v; want ErrBadDate", tt.in, got, err)
		case tt.want != "" && (err != nil || got.Format(time.RFC3339Nano) != tt.want):
			t.Errorf("parseDate(%q) = %v, %v; want %s", tt.in, got.Format(time.RFC3339Nano), err, tt.want)
		}
	}
}

// TestRecordDraft maps the record shapes of common scrapers.
func TestRecordDraft(t *testing.T) {
	tests := []struct {
		name, record                      string
		url, title, publisher, date, text string
	}{
		{"newspaper3k", `{"url": "https://example.com/a", "title": "T", "publish_date": "2020-07-17 10:00:00", "text": "Body."}`,
			"https://example.com/a", "T", "", "2020-07-17", "Body."},
		{"news-please", `{"url": "https://example.com/a", "title": "T", "date_publish": "2020-07-17 10:00:00", "maintext": "Body.", "source_domain": "example.com"}`,
			"https://example.com/a", "T", "example.com", "2020-07-17", "Body."},
		{"NewsAPI", `{"source": {"id": null, "name": "Example News"}, "url": "https://example.com/a", "title": "T", "publishedAt": "2020-07-17T10:00:00Z", "content": "Body."}`,
			"https://example.com/a", "T", "Example News", "2020-07-17", "Body."},
		{"trafilatura", `{"source": "https://example.com/a", "title": "T", "date": "2020-07-17", "text": "Body.", "sitename": "Example"}`,
			"https://example.com/a", "T", "Example", "2020-07-17", "Body."},
		{"schema.org", `{"@type": "NewsArticle", "headline": "T", "datePublished": "2020-07-17", "articleBody": "Body.", "publisher": {"@type": "Organization", "name": "Example"}}`,
			"", "T", "Example", "2020-07-17", "Body."},
		{"upper-case keys and HTML body", `{"URL": "https://example.com/a", "Headline": "T", "Published_At": "July 17, 2020", "Body": "<div><p>First &amp; second.</p><p>Third.</p></div>"}`,
			"https://example.com/a", "T", "", "2020-07-17", "First & second.\n\nThird."},
		{"empty fields", `{"title": "", "headline": "T", "text": null, "body": "Body.", "date": ""}`,
			"", "T", "", "", "Body."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var obj map[string]any
			dec := json.NewDecoder(strings.NewReader(tt.record))
			dec.UseNumber()
			if err := dec.Decode(&obj); err != nil {
				t.Fatal(err)
			}
			d := recordDraft(obj)
			date := ""
			if !d.published.IsZero() {
				date = d.published.Format(time.DateOnly)
			}
			if d.url != tt.url || d.title != tt.title || d.publisher != tt.publisher || date != tt.date || d.text != tt.text || d.err != nil {
				t.Errorf("got url %q, title %q, publisher %q, date %q, text %q, err %v\nwant url %q, title %q, publisher %q, date %q, text %q",
					d.url, d.title, d.publisher, date, d.text, d.err, tt.url, tt.title, tt.publisher, tt.date, tt.text)
			}
		})
	}
}

func TestDetectFormat(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a.txt", " date 2020-07-17 Banner\nHeadline", FormatText},
		{"a.json", `{"title": "x"}`, FormatJSON},
		{"a", "\n  {\n  \"title\": \"x\"\n}\n", FormatJSON},
		{"a", "[{\"title\": \"x\"}]", FormatJSON},
		{"a.jsonl", `{"title": "x"}`, FormatJSONL},
		{"a.ndjson", `{"title": "x"}`, FormatJSONL},
		{"a", "{\"title\": \"x\"}\n{\"title\": \"y\"}\n", FormatJSONL},
		{"a", "{\"title\": \"x\"}\n{broken\n", FormatJSONL},
		{"a.json", "{\"title\": \"x\"}\n{\"title\": \"y\"}\n", FormatJSON}, // the extension says one document: its error says so
		{"a", "<!DOCTYPE html><html><body><p>x</p></body></html>", FormatHTML},
		{"a", "<p>x</p>", FormatHTML},
		{"a", "<?xml version=\"1.0\"?>\n<!-- feed -->\n<rss version=\"2.0\"><channel/></rss>", FormatFeed},
		{"a.xml", "<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", FormatFeed},
		{"a", "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", FormatFeed},
		{"a.html", "Just some text about <b> tags.", FormatText},
	}
	for _, tt := range tests {
		if got := detectFormat(tt.text, tt.name); got != tt.want {
			t.Errorf("detectFormat(%q, %q) = %q, want %q", tt.text, tt.name, got, tt.want)
		}
	}
}

func TestLooksLikeHTML(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"<p>Body.</p>", true},
		{"Body.<br>More.", true},
		{"Tom &amp; Jerry", true},
		{"Casualties rose to < 20 and then > 30.", false},
		{"Plain body.", false},
	}
	for _, tt := range tests {
		if got := looksLikeHTML(tt.in); got != tt.want {
			t.Errorf("looksLikeHTML(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
