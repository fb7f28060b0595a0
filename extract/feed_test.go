package extract

import (
	"errors"
	"testing"
	"time"
)

func TestReadFeed(t *testing.T) {
	type item struct{ url, title, publisher, date, text string }
	tests := []struct {
		name, feed string
		want       []item
		err        error
	}{
		{"RSS 1.0 with dc:date",
			`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel><title>Example Wire</title></channel>
<item><title>Talks Resume</title><link>https://example.com/a</link><dc:date>2020-07-17T10:00:00Z</dc:date><description>The talks began on Monday.</description></item>
</rdf:RDF>`,
			[]item{{"https://example.com/a", "Talks Resume", "Example Wire", "2020-07-17", "The talks began on Monday."}}, nil},
		{"Atom: alternate link, published before updated, summary when no content",
			`<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Review</title>
<entry><title>Talks Resume</title><link rel="self" href="https://example.com/self"/><link rel="alternate" href="https://example.com/a"/>
<published>2020-07-17T10:00:00Z</published><updated>2020-07-20T10:00:00Z</updated><summary>The talks began on Monday.</summary></entry></feed>`,
			[]item{{"https://example.com/a", "Talks Resume", "Example Review", "2020-07-17", "The talks began on Monday."}}, nil},
		{"RSS: entities and markup in the title, GUID that is not a URL",
			`<rss version="2.0"><channel><title>Example Wire</title>
<item><title>Talks Resume &amp; Stall</title><guid isPermaLink="false">item-7</guid><pubDate>Fri, 17 Jul 2020 10:00:00 +0000</pubDate><description>The talks began on Monday.&nbsp;They stalled on Tuesday.</description></item>
</channel></rss>`,
			[]item{{"", "Talks Resume & Stall", "Example Wire", "2020-07-17", "The talks began on Monday. They stalled on Tuesday."}}, nil},
		{"not a feed", `<html><body><p>x</p></body></html>`, nil, ErrXMLNotFeed},
		{"no items", `<rss><channel><title>Empty</title></channel></rss>`, nil, ErrNoArticles},
		{"broken XML", "<rss><channel>\n<item><title>x</title>\n<description>cut off", nil, ErrInvalidXML},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			drafts, err := readFeed(tt.feed)
			if !errors.Is(err, tt.err) {
				t.Fatalf("error %v, want %v", err, tt.err)
			}
			var got []item
			for _, d := range drafts {
				date := ""
				if !d.published.IsZero() {
					date = d.published.Format(time.DateOnly)
				}
				if d.err != nil {
					t.Errorf("record %d: %v", d.record, d.err)
				}
				got = append(got, item{d.url, d.title, d.publisher, date, d.text})
			}
			if len(got) != len(tt.want) {
				t.Fatalf("got %d items %+v, want %d", len(got), got, len(tt.want))
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Errorf("item %d:\n got %+v\nwant %+v", i, got[i], tt.want[i])
				}
			}
		})
	}
}
