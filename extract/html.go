package extract

import (
	"encoding/json"
	"fmt"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// readHTML reads a web page: metadata from <meta>, <link rel=canonical>, <time>, JSON-LD
// and <title>/<h1>, and the body from the main element (see mainElement) with page
// furniture dropped. The parser repairs malformed markup as browsers do, so a broken page
// still gives what text it has; a page with none is ErrNoText. The parser refuses pages
// nested more than 512 elements deep, which keeps the recursive walks here safe.
func readHTML(text string) draft {
	doc, err := html.Parse(strings.NewReader(text))
	if err != nil {
		return draft{err: fmt.Errorf("parse HTML: %w", err)}
	}
	m := collectMeta(doc)
	main := mainElement(doc)
	d := draft{
		url:       firstOf(m.meta["canonical"], m.meta["og:url"], m.ld.url),
		publisher: firstOf(m.meta["og:site_name"], m.meta["application-name"], m.ld.publisher),
	}
	d.title = firstOf(m.meta["og:title"], m.meta["twitter:title"], m.ld.title, m.h1, trimSiteName(m.title, d.publisher))
	// "Headline | Site" names the publisher when nothing else does.
	if head := trimSiteName(m.title, ""); d.publisher == "" && head != m.title && strings.EqualFold(head, d.title) {
		d.publisher = strings.TrimLeft(strings.TrimPrefix(m.title, head), " |-—–:")
	}
	if ds := firstOf(m.meta["article:published_time"], m.meta["itemprop:datepublished"],
		m.meta["datepublished"], m.meta["pubdate"], m.meta["publishdate"], m.meta["publish-date"],
		m.meta["parsely-pub-date"], m.meta["sailthru.date"], m.meta["dc.date.issued"], m.meta["dc.date"],
		m.meta["date"], m.ld.date, timeIn(main), timeIn(doc)); ds != "" {
		d.published, d.err = parseDate(ds)
	}
	d.text = Clean(strings.Join(blocks(main, true), "\n\n"))
	if d.text == "" && m.ld.body != "" {
		d.text = bodyText(m.ld.body)
	}
	return d
}

// fragmentBlocks splits an HTML fragment (a JSON record's or a feed item's body) into
// text blocks, dropping the same furniture as a page.
func fragmentBlocks(s string) []string {
	nodes, err := html.ParseFragment(strings.NewReader(s), &html.Node{Type: html.ElementNode, Data: "body", DataAtom: atom.Body})
	if err != nil {
		return nil
	}
	var out []string
	for _, n := range nodes {
		out = append(out, blocks(n, true)...)
	}
	return out
}

// pageMeta is what a page says about itself outside its text.
type pageMeta struct {
	meta  map[string]string // <meta property|name|itemprop=… content=…>, lowercased keys, first wins; "canonical" for the link
	title string            // <title>
	h1    string            // the first <h1>
	ld    ldArticle         // the first JSON-LD object whose @type is an Article kind
}

func collectMeta(doc *html.Node) pageMeta {
	m := pageMeta{meta: make(map[string]string)}
	set := func(k, v string) {
		k, v = strings.ToLower(strings.TrimSpace(k)), strings.TrimSpace(v)
		if _, ok := m.meta[k]; k != "" && v != "" && !ok {
			m.meta[k] = v
		}
	}
	var ldDone bool
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.DataAtom {
			case atom.Meta:
				content := attr(n, "content")
				set(attr(n, "property"), content)
				set(attr(n, "name"), content)
				if ip := attr(n, "itemprop"); ip != "" {
					set("itemprop:"+ip, content)
				}
			case atom.Link:
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					set("canonical", attr(n, "href"))
				}
			case atom.Title:
				if m.title == "" {
					m.title = nodeText(n)
				}
			case atom.H1:
				if m.h1 == "" {
					m.h1 = nodeText(n)
				}
			case atom.Script:
				if !ldDone && strings.EqualFold(attr(n, "type"), "application/ld+json") {
					m.ld, ldDone = jsonLDArticle(nodeText(n))
				}
				return
			}
			if ip := attr(n, "itemprop"); strings.EqualFold(ip, "datePublished") {
				set("itemprop:datepublished", firstOf(attr(n, "content"), attr(n, "datetime")))
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// ldArticle is what a JSON-LD NewsArticle says; the date stays a string until readHTML
// has picked the date it trusts most.
type ldArticle struct{ url, title, publisher, date, body string }

// jsonLDArticle finds the first object in a JSON-LD script whose @type is an article
// kind (NewsArticle, ReportageNewsArticle, Article, BlogPosting), looking through arrays
// and "@graph".
func jsonLDArticle(src string) (ldArticle, bool) {
	var v any
	dec := json.NewDecoder(strings.NewReader(src))
	dec.UseNumber()
	if dec.Decode(&v) != nil {
		return ldArticle{}, false
	}
	var find func(any) (ldArticle, bool)
	find = func(v any) (ldArticle, bool) {
		switch v := v.(type) {
		case []any:
			for _, e := range v {
				if a, ok := find(e); ok {
					return a, true
				}
			}
		case map[string]any:
			if isArticleType(v["@type"]) {
				f := normaliseKeys(v)
				return ldArticle{
					url:       pick(f, urlKeys),
					title:     pick(f, []string{"headline", "name"}),
					publisher: pick(f, []string{"publisher"}),
					date:      pick(f, []string{"datepublished", "datecreated"}),
					body:      pick(f, []string{"articlebody"}),
				}, true
			}
			if g, ok := v["@graph"]; ok {
				return find(g)
			}
		}
		return ldArticle{}, false
	}
	return find(v)
}

func isArticleType(t any) bool {
	switch t := t.(type) {
	case string:
		return strings.HasSuffix(t, "Article") || t == "BlogPosting" || t == "Report"
	case []any:
		for _, e := range t {
			if isArticleType(e) {
				return true
			}
		}
	}
	return false
}

// mainElement picks the element that holds the article body: the <article> with the
// most paragraph text, unless some block holds more than twice as much; else the block
// with the most paragraph text, where a block scores the text of its <p> children and
// half that of its grandchildren (sites wrap each paragraph in a <div> of its own); else
// <body>. Furniture subtrees (see skip) take no part in the choice unless that leaves no
// paragraph at all.
func mainElement(doc *html.Node) *html.Node {
	for _, byClass := range []bool{true, false} {
		score := make(map[*html.Node]int)
		var scored []*html.Node // in the order they were first scored, for a stable choice
		add := func(n *html.Node, s int) {
			if _, ok := score[n]; !ok {
				scored = append(scored, n)
			}
			score[n] += s
		}
		var best, article *html.Node
		articleScore := 0
		var walk func(*html.Node)
		walk = func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			if skip(n, byClass) {
				return
			}
			if n.DataAtom == atom.P {
				l := len(nodeText(n))
				if p := n.Parent; p != nil {
					add(p, 2*l)
					if g := p.Parent; g != nil {
						add(g, l)
					}
				}
				return
			}
			if n.DataAtom == atom.Article {
				if s := paragraphText(n, byClass); s > articleScore {
					article, articleScore = n, s
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		for c := doc.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
		for _, n := range scored {
			if best == nil || score[n] > score[best] {
				best = n
			}
		}
		switch {
		case article != nil && 4*articleScore >= score[best]: // scores count direct text twice
			return article
		case best != nil:
			return best
		}
	}
	if b := findElement(doc, atom.Body); b != nil {
		return b
	}
	return doc
}

// paragraphText is the length of the text in the <p> elements under n.
func paragraphText(n *html.Node, byClass bool) int {
	total := 0
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || skip(c, byClass) {
				continue
			}
			if c.DataAtom == atom.P {
				total += len(nodeText(c))
				continue
			}
			walk(c)
		}
	}
	walk(n)
	return total
}

// skipTags never hold article text.
var skipTags = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Nav: true, atom.Header: true, atom.Footer: true, atom.Aside: true,
	atom.Form: true, atom.Figure: true, atom.Figcaption: true, atom.Iframe: true,
	atom.Svg: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Object: true, atom.Embed: true, atom.Canvas: true, atom.Video: true,
	atom.Audio: true, atom.Picture: true, atom.Input: true, atom.Label: true,
	atom.Dialog: true, atom.Menu: true, atom.Head: true, atom.Title: true,
}

// skipRoles are ARIA landmarks that are not the article.
var skipRoles = map[string]bool{
	"navigation": true, "banner": true, "contentinfo": true, "complementary": true,
	"search": true, "menu": true, "menubar": true, "dialog": true, "alert": true,
}

// furnitureWords in a class or id mark page furniture: related lists, sharing bars,
// newsletter boxes, captions, bylines, comments, advertising.
var furnitureWords = map[string]bool{
	"related": true, "share": true, "sharing": true, "social": true, "newsletter": true,
	"subscribe": true, "subscription": true, "promo": true, "promotion": true, "advert": true,
	"advertisement": true, "ad": true, "ads": true, "sponsor": true, "sponsored": true,
	"comment": true, "comments": true, "caption": true, "credit": true, "credits": true,
	"breadcrumb": true, "breadcrumbs": true, "byline": true, "author": true, "tags": true,
	"sidebar": true, "footer": true, "header": true, "nav": true, "navbar": true,
	"navigation": true, "menu": true, "popup": true, "modal": true, "cookie": true,
	"cookies": true, "donate": true, "donation": true, "recirc": true, "recommended": true,
	"outbrain": true, "taboola": true, "teaser": true, "teasers": true, "readmore": true,
	"trending": true, "paywall": true, "banner": true, "hidden": true, "toolbar": true,
}

// skip reports whether element n and everything under it is furniture: by tag, ARIA role,
// hidden state, or (when byClass) a furniture word in its class or id. The document's
// <html>, <body>, <main> and <article> are never skipped by class: sites put layout words
// such as "with-sidebar" on them.
func skip(n *html.Node, byClass bool) bool {
	if skipTags[n.DataAtom] || skipRoles[strings.ToLower(attr(n, "role"))] {
		return true
	}
	if hasAttr(n, "hidden") || strings.EqualFold(attr(n, "aria-hidden"), "true") ||
		strings.Contains(strings.ReplaceAll(strings.ToLower(attr(n, "style")), " ", ""), "display:none") {
		return true
	}
	if !byClass {
		return false
	}
	switch n.DataAtom {
	case atom.Html, atom.Body, atom.Main, atom.Article:
		return false
	}
	for _, w := range strings.FieldsFunc(strings.ToLower(attr(n, "class")+" "+attr(n, "id")), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	}) {
		if furnitureWords[w] {
			return true
		}
	}
	return false
}

// blockTags end a run of text: each becomes its own paragraph.
var blockTags = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Li: true, atom.Ul: true, atom.Ol: true, atom.Dl: true,
	atom.Dt: true, atom.Dd: true, atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true,
	atom.H5: true, atom.H6: true, atom.Blockquote: true, atom.Pre: true, atom.Table: true,
	atom.Tr: true, atom.Td: true, atom.Th: true, atom.Section: true, atom.Article: true,
	atom.Main: true, atom.Hr: true, atom.Address: true, atom.Details: true, atom.Summary: true,
	atom.Center: true,
}

// blocks returns the text of the blocks under root, in document order, skipping
// furniture. A block whose text is mostly link text (a list of links to other pages) is
// dropped too.
func blocks(root *html.Node, byClass bool) []string {
	var out []string
	var text strings.Builder
	linkChars := 0
	flush := func() {
		s := strings.Join(strings.Fields(text.String()), " ")
		if s != "" && linkChars*10 <= len(s)*6 {
			out = append(out, s)
		}
		text.Reset()
		linkChars = 0
	}
	var walk func(n *html.Node, inLink bool)
	walk = func(n *html.Node, inLink bool) {
		switch n.Type {
		case html.TextNode:
			text.WriteString(n.Data)
			if inLink {
				linkChars += len(strings.TrimSpace(n.Data))
			}
			return
		case html.ElementNode:
			if n != root && skip(n, byClass) {
				return
			}
			if n.DataAtom == atom.Br {
				flush()
				return
			}
			if blockTags[n.DataAtom] {
				flush()
				defer flush()
			}
			if n.DataAtom == atom.A {
				inLink = true
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inLink)
		}
	}
	walk(root, false)
	flush()
	return out
}

// nodeText is the text under n with white space collapsed.
func nodeText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return strings.Join(strings.Fields(b.String()), " ")
}

// timeIn is the datetime of the first <time datetime=…> under n outside furniture.
func timeIn(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Time {
		if dt := attr(n, "datetime"); dt != "" {
			return dt
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom != atom.Header && skip(c, false) {
			continue
		}
		if dt := timeIn(c); dt != "" {
			return dt
		}
	}
	return ""
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if f := findElement(c, a); f != nil {
			return f
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

// trimSiteName drops the site name from a <title> such as "Headline | Site" or
// "Headline - Site". Without a known site name it drops the last part when it is the
// shorter one.
func trimSiteName(title, site string) string {
	for _, sep := range []string{" | ", " - ", " — ", " – ", " :: "} {
		i := strings.LastIndex(title, sep)
		if i <= 0 {
			continue
		}
		head, tail := title[:i], title[i+len(sep):]
		if site != "" && strings.EqualFold(strings.TrimSpace(tail), site) || site == "" && len(tail) < len(head) {
			return strings.TrimSpace(head)
		}
	}
	return title
}

func firstOf(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}
