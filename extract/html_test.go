package extract

import (
	"strings"
	"testing"
	"time"
)

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name, page                        string
		title, date, url, publisher, text string
	}{
		{"og:title before h1 before title",
			`<title>Page | Site</title><meta property="og:title" content="From OG"><h1>From H1</h1><p>The talks began on Monday.</p>`,
			"From OG", "", "", "", "The talks began on Monday."},
		{"h1 before title",
			`<title>Page | Site</title><h1>From H1</h1><p>The talks began on Monday.</p>`,
			"From H1", "", "", "", "The talks began on Monday."},
		{"title without the site name",
			`<title>Talks Resume in Vienna - Example News</title><meta property="og:site_name" content="Example News"><p>The talks began on Monday.</p>`,
			"Talks Resume in Vienna", "", "", "Example News", "The talks began on Monday."},
		{"the site name in the title is the publisher when nothing else names one",
			`<title>Talks Resume in Vienna | Example News</title><h1>Talks Resume in Vienna</h1><p>The talks began on Monday.</p>`,
			"Talks Resume in Vienna", "", "", "Example News", "The talks began on Monday."},
		{"og:url when there is no canonical link",
			`<meta property="og:url" content="https://example.com/a"><p>The talks began on Monday.</p>`,
			"", "", "https://example.com/a", "", "The talks began on Monday."},
		{"meta pubdate",
			`<meta name="pubdate" content="2020-07-17"><p>The talks began on Monday.</p>`,
			"", "2020-07-17", "", "", "The talks began on Monday."},
		{"itemprop datePublished on a time element",
			`<article><time itemprop="datePublished" datetime="2020-07-17T09:00:00Z">Friday</time><p>The talks began on Monday.</p></article>`,
			"", "2020-07-17", "", "", "The talks began on Monday."},
		{"the article's time, not the site header's clock",
			`<header><time datetime="2026-01-01">Today</time></header><article><time datetime="2020-07-17">July 17</time><p>The talks began on Monday.</p></article>`,
			"", "2020-07-17", "", "", "The talks began on Monday."},
		{"JSON-LD date, publisher and URL",
			`<script type="application/ld+json">[{"@type": "BreadcrumbList"}, {"@type": "ReportageNewsArticle", "datePublished": "2020-07-17", "url": "https://example.com/b", "publisher": {"name": "Example"}}]</script><p>The talks began on Monday.</p>`,
			"", "2020-07-17", "https://example.com/b", "Example", "The talks began on Monday."},
		{"JSON-LD body when the page has no paragraphs",
			`<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Talks", "articleBody": "The talks began on Monday. They ended on Tuesday."}</script><div id="app"></div>`,
			"Talks", "", "", "", "The talks began on Monday. They ended on Tuesday."},
		{"hidden and decorative parts dropped",
			`<article><p>The talks began on Monday.</p><p hidden>Hidden text here.</p><div aria-hidden="true">Icon text.</div><p style="display: none">Invisible text.</p><div class="social-share">Share on X.</div><p>They ended on Tuesday.</p></article>`,
			"", "", "", "", "The talks began on Monday.\n\nThey ended on Tuesday."},
		{"a list of links inside the article dropped, a list of facts kept",
			`<article><p>The talks began on Monday.</p><ul><li><a href="/a">Kremlin urges restraint after the clashes</a></li><li><a href="/b">Fighting widens along the border</a></li></ul><ul><li>Three villages were shelled on Sunday.</li></ul></article>`,
			"", "", "", "", "The talks began on Monday.\n\nThree villages were shelled on Sunday."},
		{"line breaks split paragraphs",
			`<div class="body"><p>The talks began on Monday.<br><br>They ended on Tuesday.</p></div>`,
			"", "", "", "", "The talks began on Monday.\n\nThey ended on Tuesday."},
		{"inline tags join text as a browser shows it",
			`<p>The talks began in <b>Vienna</b> on <i>Mon</i>day (<a href="/t">local time</a>).</p>`,
			"", "", "", "", "The talks began in Vienna on Monday (local time)."},
		{"the largest of several articles",
			`<article><h2>Teaser</h2><p>Short teaser text.</p></article><article><p>The talks began on Monday in the Austrian capital.</p><p>They ended on Tuesday without a deal.</p></article><article><p>Another teaser.</p></article>`,
			"", "", "", "", "The talks began on Monday in the Austrian capital.\n\nThey ended on Tuesday without a deal."},
		{"paragraphs wrapped one by one",
			`<div id="story"><div class="para"><p>The talks began on Monday in the Austrian capital.</p></div><div class="para"><p>They ended on Tuesday without a deal.</p></div><div class="para"><p>No date was set for a new round.</p></div></div>`,
			"", "", "", "", "The talks began on Monday in the Austrian capital.\n\nThey ended on Tuesday without a deal.\n\nNo date was set for a new round."},
		{"a teaser article beside a much longer story",
			`<article><p>Another story.</p></article><div id="story"><p>The talks began on Monday in the Austrian capital, officials said.</p><p>They ended on Tuesday without a deal, and no date was set for a new round.</p></div>`,
			"", "", "", "", "The talks began on Monday in the Austrian capital, officials said.\n\nThey ended on Tuesday without a deal, and no date was set for a new round."},
		{"the densest block of paragraphs",
			`<div id="teasers"><p>Short one.</p><p>Short two.</p><p>Short three.</p></div><div id="story"><p>The talks began on Monday in the Austrian capital, officials said.</p><p>They ended on Tuesday without a deal, and no date was set for a new round.</p></div>`,
			"", "", "", "", "The talks began on Monday in the Austrian capital, officials said.\n\nThey ended on Tuesday without a deal, and no date was set for a new round."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readHTML(tt.page)
			date := ""
			if !d.published.IsZero() {
				date = d.published.Format(time.DateOnly)
			}
			if d.title != tt.title || date != tt.date || d.url != tt.url || d.publisher != tt.publisher || d.text != tt.text || d.err != nil {
				t.Errorf("got title %q, date %q, url %q, publisher %q, err %v, text %q\nwant title %q, date %q, url %q, publisher %q, text %q",
					d.title, date, d.url, d.publisher, d.err, d.text, tt.title, tt.date, tt.url, tt.publisher, tt.text)
			}
		})
	}
}

func TestTrimSiteName(t *testing.T) {
	tests := []struct{ title, site, want string }{
		{"Talks Resume | Example News", "Example News", "Talks Resume"},
		{"Talks Resume in Vienna - Example News", "", "Talks Resume in Vienna"},
		{"Armenia - Azerbaijan Talks Resume", "Example News", "Armenia - Azerbaijan Talks Resume"},
		{"Talks Resume", "", "Talks Resume"},
	}
	for _, tt := range tests {
		if got := trimSiteName(tt.title, tt.site); got != tt.want {
			t.Errorf("trimSiteName(%q, %q) = %q, want %q", tt.title, tt.site, got, tt.want)
		}
	}
}

// TestReadHTMLDeep: a page nested far deeper than any real one is a clear error, not an
// exhausted stack.
func TestReadHTMLDeep(t *testing.T) {
	d := readHTML("<p>The talks began on Monday.</p>" + strings.Repeat("<div>", 100000))
	if d.err == nil || !strings.Contains(d.err.Error(), "parse HTML: html: open stack of elements exceeds 512 nodes") {
		t.Errorf("error %v", d.err)
	}
}
