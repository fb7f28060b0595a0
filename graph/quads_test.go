package graph

import (
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cayleygraph/quad"

	"github.com/newsgraph/newsgraph/extract"
)

var (
	armenia    = extract.Entity{Name: "Armenia", ID: "ent:armenia", Type: extract.TypeCountry}
	azerbaijan = extract.Entity{Name: "Azerbaijan", ID: "ent:azerbaijan", Type: extract.TypeCountry, Aliases: []string{"Baku"}}
	russia     = extract.Entity{Name: "Russia", ID: "ent:russia", Type: extract.TypeCountry}
	pashinyan  = extract.Entity{Name: "Nikol Pashinyan", ID: "ent:nikol_pashinyan", Type: extract.TypePerson}
	ceasefire  = extract.Entity{Name: "ceasefire", ID: "topic:ceasefire", Type: extract.TypeTopic}
	nkConflict = extract.Entity{Name: "Armenia–Azerbaijan", ID: "conflict:armenia--azerbaijan", Type: extract.TypeConflict}
)

const testArt = "art:0a1b2c3d4e5f"

func fact(s extract.Entity, pred string, o extract.Entity, class string) extract.Fact {
	return extract.Fact{Article: testArt, Subject: s, Predicate: pred, Object: o, Class: class,
		Date: "2020-10-10", DatePrecision: "day", DateSource: extract.DateFromPublished,
		Modality: extract.Asserted, Sentence: "A sentence we wrote for this test.", Confidence: 0.5}
}

// TestArticleQuads checks the fact→quad mapping: each case lists quads that must be among the
// output (want) and quads that must not (absent), in N-Quads with the label left out.
func TestArticleQuads(t *testing.T) {
	article := extract.Article{ID: testArt, URL: "https://example.org/a", Title: "Talks in Moscow",
		Publisher: "Example Wire", Published: time.Date(2020, 10, 10, 0, 0, 0, 0, time.UTC)}
	withAlias := func(e extract.Entity, aliases ...string) extract.Entity {
		e.Aliases = aliases
		return e
	}
	for _, c := range []struct {
		name   string
		facts  []extract.Fact
		want   []string
		absent []string
	}{{
		name:  "article metadata, no facts",
		facts: nil,
		want: []string{
			`<art:0a1b2c3d4e5f> <rdf:type> <schema:NewsArticle>`,
			`<art:0a1b2c3d4e5f> <schema:headline> "Talks in Moscow"`,
			`<art:0a1b2c3d4e5f> <schema:url> "https://example.org/a"`,
			`<art:0a1b2c3d4e5f> <schema:datePublished> "2020-10-10"`,
			`<art:0a1b2c3d4e5f> <schema:publisher> "Example Wire"`,
		},
	}, {
		name:  "direct edge and statement node",
		facts: []extract.Fact{fact(armenia, "agree_to", ceasefire, "agree")},
		want: []string{
			`<ent:armenia> <rel:agree_to> <topic:ceasefire>`,
			`<stmt:0a1b2c3d4e5f-0> <rdf:type> <ng:Statement>`,
			`<stmt:0a1b2c3d4e5f-0> <ng:subject> <ent:armenia>`,
			`<stmt:0a1b2c3d4e5f-0> <ng:predicate> "agree_to"`,
			`<stmt:0a1b2c3d4e5f-0> <ng:object> <topic:ceasefire>`,
			`<stmt:0a1b2c3d4e5f-0> <ng:date> "2020-10-10"`,
			`<stmt:0a1b2c3d4e5f-0> <ng:datePrecision> "day"`,
			`<stmt:0a1b2c3d4e5f-0> <ng:class> "agree"`,
			`<stmt:0a1b2c3d4e5f-0> <ng:source> <art:0a1b2c3d4e5f>`,
			`<stmt:0a1b2c3d4e5f-0> <ng:confidence> "5E-01"^^<xsd:double>`,
			`<ent:armenia> <rdf:type> <ng:Country>`,
			`<topic:ceasefire> <rdf:type> <ng:Topic>`,
			`<topic:ceasefire> <schema:name> "ceasefire"`,
		},
		// A country and a topic are no conflict thread.
		absent: []string{`<stmt:0a1b2c3d4e5f-0> <ng:thread> <conflict:armenia--topic>`},
	}, {
		name:  "hostile fact between countries joins their thread, in sorted order",
		facts: []extract.Fact{fact(azerbaijan, "accuse", armenia, "accuse")},
		want: []string{
			`<stmt:0a1b2c3d4e5f-0> <ng:thread> <conflict:armenia--azerbaijan>`,
			`<conflict:armenia--azerbaijan> <rdf:type> <ng:Conflict>`,
			`<conflict:armenia--azerbaijan> <schema:name> "Armenia–Azerbaijan"`,
			`<conflict:armenia--azerbaijan> <ng:party> <ent:armenia>`,
			`<conflict:armenia--azerbaijan> <ng:party> <ent:azerbaijan>`,
		},
	}, {
		name:  "fact about a conflict belongs to it",
		facts: []extract.Fact{fact(russia, "mediate", nkConflict, "mediate")},
		want: []string{
			`<ent:russia> <rel:mediate> <conflict:armenia--azerbaijan>`,
			`<stmt:0a1b2c3d4e5f-0> <ng:thread> <conflict:armenia--azerbaijan>`,
			`<conflict:armenia--azerbaijan> <ng:party> <ent:armenia>`,
			`<conflict:armenia--azerbaijan> <ng:party> <ent:azerbaijan>`,
		},
		absent: []string{`<stmt:0a1b2c3d4e5f-0> <ng:thread> <conflict:armenia--azerbaijan--russia>`},
	}, {
		name:   "cooperation between countries is no thread",
		facts:  []extract.Fact{fact(russia, "supply", armenia, "aid")},
		absent: []string{`<stmt:0a1b2c3d4e5f-0> <ng:thread> <conflict:armenia--russia>`, `<conflict:armenia--russia> <rdf:type> <ng:Conflict>`},
	}, {
		name:   "a person is no party",
		facts:  []extract.Fact{fact(pashinyan, "accuse", azerbaijan, "accuse")},
		absent: []string{`<stmt:0a1b2c3d4e5f-0> <ng:thread> <conflict:azerbaijan--nikol_pashinyan>`},
	}, {
		name: "aliases merged across facts, deduplicated, name left out",
		facts: []extract.Fact{
			fact(withAlias(azerbaijan, "Baku", "Azerbaijan"), "accuse", armenia, "accuse"),
			fact(withAlias(azerbaijan, "the Azerbaijani government", "Baku"), "attack", armenia, "attack"),
		},
		want: []string{
			`<ent:azerbaijan> <schema:alternateName> "Baku"`,
			`<ent:azerbaijan> <schema:alternateName> "the Azerbaijani government"`,
			`<stmt:0a1b2c3d4e5f-1> <ng:thread> <conflict:armenia--azerbaijan>`,
		},
		absent: []string{`<ent:azerbaijan> <schema:alternateName> "Azerbaijan"`},
	}, {
		name: "reported speech keeps its speaker",
		facts: []extract.Fact{func() extract.Fact {
			f := fact(azerbaijan, "attack", armenia, "attack")
			f.Modality, f.AttributedTo = extract.Reported, "ent:nikol_pashinyan"
			return f
		}()},
		want: []string{
			`<stmt:0a1b2c3d4e5f-0> <ng:modality> "reported"`,
			`<stmt:0a1b2c3d4e5f-0> <ng:attributedTo> <ent:nikol_pashinyan>`,
		},
	}, {
		name:   "entity without a type gets no rdf:type",
		facts:  []extract.Fact{fact(extract.Entity{ID: "ent:someone"}, "say", ceasefire, "statement")},
		want:   []string{`<ent:someone> <rel:say> <topic:ceasefire>`},
		absent: []string{`<ent:someone> <rdf:type> <ng:>`, `<ent:someone> <schema:name> ""`},
	}} {
		t.Run(c.name, func(t *testing.T) {
			qs := ArticleQuads(article, c.facts)
			got := map[string]bool{}
			for _, q := range qs {
				if q.Label != quad.IRI(testArt) {
					t.Errorf("quad %s is not labelled with the article", q.NQuad())
				}
				q.Label = nil
				got[strings.TrimSuffix(q.NQuad(), " .")] = true
			}
			if len(got) != len(qs) {
				t.Errorf("%d quads but only %d distinct", len(qs), len(got))
			}
			for _, w := range c.want {
				if !got[w] {
					t.Errorf("missing %s", w)
				}
			}
			for _, a := range c.absent {
				if got[a] {
					t.Errorf("unexpected %s", a)
				}
			}
		})
	}
}

// TestArticleQuadsDeterministic: the loader's idempotence rests on ArticleQuads returning the
// same quads in the same order for the same input, whatever Go's map order does.
func TestArticleQuadsDeterministic(t *testing.T) {
	rs := readFactsFile(t, "facts.jsonl")
	for _, r := range rs {
		first := ArticleQuads(r.Article, r.Facts)
		for range 20 {
			again := ArticleQuads(r.Article, r.Facts)
			if !slices.Equal(first, again) {
				t.Fatalf("%s: two calls gave different quads", r.Article.ID)
			}
			if linesHash(tripleLines(again)) != linesHash(tripleLines(first)) {
				t.Fatalf("%s: content hash changed", r.Article.ID)
			}
		}
	}
	changed := slices.Clone(rs[0].Facts)
	changed[0].Confidence += 0.01
	if linesHash(tripleLines(ArticleQuads(rs[0].Article, changed))) == linesHash(tripleLines(ArticleQuads(rs[0].Article, rs[0].Facts))) {
		t.Error("content hash did not change with the confidence")
	}
}

// TestRecordRoundTrip: replace and retract parse the load record back into quads, so every
// value a fact can carry must survive tripleLine → parseTripleLine unchanged.
func TestRecordRoundTrip(t *testing.T) {
	for _, sentence := range []string{
		`He said "no" twice.`,
		"Line one\nline two\r\nand a\ttab",
		`A backslash \ and a \n that is not a newline`,
		"Ереван и Баку — «переговоры» 😀",
		"",
	} {
		f := fact(azerbaijan, "accuse", armenia, "accuse")
		f.Sentence, f.Offset, f.Confidence = sentence, 1234567, 0.123456789
		for _, q := range ArticleQuads(extract.Article{ID: testArt, Title: sentence}, []extract.Fact{f}) {
			line := tripleLine(q)
			if strings.ContainsAny(line, "\n\r") {
				t.Fatalf("line break in record line %q", line)
			}
			back, err := parseTripleLine(line, quad.IRI(testArt))
			if err != nil {
				t.Fatalf("parse %q: %v", line, err)
			}
			if back != q {
				t.Errorf("round trip changed %#v into %#v", q, back)
			}
		}
	}
}

func TestThreads(t *testing.T) {
	stepanakert := extract.Entity{Name: "Stepanakert", ID: "ent:stepanakert", Type: extract.TypeLocation}
	ukraine := extract.Entity{Name: "Ukraine", ID: "ent:ukraine", Type: extract.TypeCountry}
	const aa = "conflict:armenia--azerbaijan"
	tests := []struct {
		name  string
		facts []extract.Fact
		want  []string
	}{
		{"a hostile act on a place joins the article's conflict",
			[]extract.Fact{fact(azerbaijan, "accuse", armenia, "accuse"), fact(azerbaijan, "shell", stepanakert, "attack")},
			[]string{aa, aa}},
		{"the conflict may come from a mediation",
			[]extract.Fact{fact(russia, "mediate", nkConflict, "mediate"), fact(azerbaijan, "shell", stepanakert, "attack")},
			[]string{aa, aa}},
		{"only hostile acts join",
			[]extract.Fact{fact(azerbaijan, "accuse", armenia, "accuse"), fact(azerbaijan, "visit", stepanakert, "consult")},
			[]string{aa, ""}},
		{"only acts involving one of the parties join",
			[]extract.Fact{fact(azerbaijan, "accuse", armenia, "accuse"), fact(russia, "shell", stepanakert, "attack")},
			[]string{aa, ""}},
		{"with no thread named, the two parties most involved in hostile facts",
			[]extract.Fact{fact(azerbaijan, "shell", stepanakert, "attack"), fact(pashinyan, "accuse", azerbaijan, "accuse"),
				fact(pashinyan, "accuse", armenia, "accuse")},
			[]string{aa, aa, aa}},
		{"parties signing a ceasefire mark the conflict as surely as fighting",
			[]extract.Fact{fact(armenia, "sign", ceasefire, "agree"), fact(azerbaijan, "sign", ceasefire, "agree"),
				fact(russia, "deploy", pashinyan, "threaten"), fact(russia, "broker", ceasefire, "mediate")},
			[]string{aa, aa, "", aa}},
		{"a third party's mediation joins the article's conflict",
			[]extract.Fact{fact(azerbaijan, "accuse", armenia, "accuse"), fact(russia, "broker", ceasefire, "mediate")},
			[]string{aa, aa}},
		{"no conflict in the article, no context",
			[]extract.Fact{fact(azerbaijan, "shell", stepanakert, "attack")},
			[]string{""}},
		{"the thread most facts belong to is the article's",
			[]extract.Fact{fact(russia, "attack", ukraine, "attack"), fact(ukraine, "accuse", russia, "accuse"),
				fact(azerbaijan, "accuse", armenia, "accuse"), fact(russia, "shell", stepanakert, "attack")},
			[]string{"conflict:russia--ukraine", "conflict:russia--ukraine", aa, "conflict:russia--ukraine"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Threads(tt.facts); !slices.Equal(got, tt.want) {
				t.Errorf("Threads = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestNameKey(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"Vladimir Putin", "vladimir putin"},
		{"  vladimir   PUTIN ", "vladimir putin"},
		{"Armenia–Azerbaijan", "armenia-azerbaijan"},
		{"armenia-azerbaijan", "armenia-azerbaijan"},
		{"Nagorno—Karabakh", "nagorno-karabakh"},
	} {
		if got := NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
