package extract

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
)

// feedDoc holds the parts of RSS 2.0, RSS 1.0 (RDF) and Atom that make articles. The
// three share one struct because their element names do not collide.
type feedDoc struct {
	XMLName xml.Name
	Channel struct {
		Title string     `xml:"title"`
		Items []feedItem `xml:"item"` // RSS 2.0
	} `xml:"channel"`
	Items   []feedItem `xml:"item"`  // RSS 1.0: items are siblings of the channel
	Entries []feedItem `xml:"entry"` // Atom
	Title   string     `xml:"title"` // Atom feed title
}

type feedItem struct {
	Title       feedText   `xml:"title"`
	Links       []feedLink `xml:"link"`
	GUID        string     `xml:"guid"`
	PubDate     string     `xml:"pubDate"`
	Published   string     `xml:"published"`
	Updated     string     `xml:"updated"`
	DCDate      string     `xml:"http://purl.org/dc/elements/1.1/ date"`
	Description feedText   `xml:"description"`
	Encoded     string     `xml:"http://purl.org/rss/1.0/modules/content/ encoded"`
	Summary     feedText   `xml:"summary"`
	Content     feedText   `xml:"content"`
}

// feedText is an element that may hold text, escaped HTML, or (Atom type="xhtml") markup.
type feedText struct {
	Type  string `xml:"type,attr"`
	Text  string `xml:",chardata"`
	Inner string `xml:",innerxml"`
}

// html returns the element's content as HTML or plain text, as its type says.
func (t feedText) html() string {
	if t.Type == "xhtml" {
		return t.Inner
	}
	return t.Text
}

type feedLink struct {
	Href string `xml:"href,attr"` // Atom
	Rel  string `xml:"rel,attr"`
	Text string `xml:",chardata"` // RSS
}

// readFeed reads an RSS 2.0, RSS 1.0 or Atom feed: one draft per item or entry, with the
// feed's title as publisher. The body is content:encoded or Atom content when present,
// else the description or summary, HTML stripped. A feed that does not parse is one error
// with its line.
func readFeed(text string) ([]draft, error) {
	dec := xml.NewDecoder(strings.NewReader(text))
	// Feeds in the wild use HTML entities such as &nbsp; undeclared. (No HTML auto-closing:
	// it would close RSS's <link> before its text.) The input is already known to be
	// UTF-8, whatever the declaration says.
	dec.Strict = false
	dec.Entity = xml.HTMLEntity
	dec.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var doc feedDoc
	if err := dec.Decode(&doc); err != nil {
		ie := &InputError{Err: fmt.Errorf("%w: %w", ErrInvalidXML, err)}
		var se *xml.SyntaxError
		if errors.As(err, &se) {
			ie.Line = se.Line
		}
		return nil, ie
	}
	var items []feedItem
	publisher := doc.Channel.Title
	switch strings.ToLower(doc.XMLName.Local) {
	case "rss":
		items = doc.Channel.Items
	case "rdf":
		items = doc.Items
	case "feed":
		items, publisher = doc.Entries, doc.Title
	default:
		return nil, fmt.Errorf("%w (root element <%s>)", ErrXMLNotFeed, doc.XMLName.Local)
	}
	if len(items) == 0 {
		return nil, ErrNoArticles
	}
	drafts := make([]draft, len(items))
	for i, it := range items {
		d := draft{
			url:       it.link(),
			title:     plainText(it.Title.html()),
			publisher: strings.TrimSpace(publisher),
			record:    i + 1,
		}
		if ds := firstOf(it.PubDate, it.Published, it.DCDate, it.Updated); ds != "" {
			d.published, d.err = parseDate(ds)
		}
		d.text = bodyText(firstOf(it.Encoded, it.Content.html(), it.Description.html(), it.Summary.html()))
		drafts[i] = d
	}
	return drafts, nil
}

// link is the item's page: the Atom link with rel="alternate" (or no rel), the RSS link,
// or a GUID that is a URL.
func (it feedItem) link() string {
	for _, l := range it.Links {
		if l.Href != "" && (l.Rel == "" || l.Rel == "alternate") {
			return strings.TrimSpace(l.Href)
		}
		if l.Href == "" && strings.TrimSpace(l.Text) != "" {
			return strings.TrimSpace(l.Text)
		}
	}
	if g := strings.TrimSpace(it.GUID); strings.HasPrefix(g, "http://") || strings.HasPrefix(g, "https://") {
		return g
	}
	return ""
}

// plainText strips markup from a short HTML string such as a title.
func plainText(s string) string {
	if !looksLikeHTML(s) {
		return strings.TrimSpace(s)
	}
	return strings.Join(fragmentBlocks(s), " ")
}
