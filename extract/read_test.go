package extract_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// wantArticle is what a test expects of one Article. Text is checked by its paragraph
// count and its first and last paragraphs.
type wantArticle struct {
	source, title, url, publisher, date, dateSource string
	paras                                           int
	first, last                                     string // prefix of the first paragraph, suffix of the last
}

// wantErr is one expected *InputError.
type wantErr struct {
	source string
	line   int
	is     error
}

var dir = filepath.Join("testdata", "read")

func fixture(name string) string { return filepath.Join(dir, name) }

func TestReadFixtures(t *testing.T) {
	defaultDate := time.Date(2016, 4, 6, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		file   string
		opts   extract.ReadOptions
		want   []wantArticle
		errs   []wantErr
		absent []string // furniture that must not reach any Article.Text
	}{{
		file: "scraped.txt",
		want: []wantArticle{{
			source: fixture("scraped.txt"), title: "Russia Brokers Deal to Halt the War in Nagorno-Karabakh",
			date: "2020-11-10", dateSource: "article", paras: 6,
			first: "Armenia, Azerbaijan and Russia signed a statement overnight",
			last:  "took the town of Shusha on Sunday.",
		}},
		absent: []string{"date", "Smoke rose", "Stepanakert", "Caspian Ledger", "Become a member", "By Reuters", "Harutyunyan", "AFP", "TASS",
			"Read more", "caucasus", "Yerevan Crowds", "parliament building", "Ankara", "Ulyanovsk",
			"Help us", "newsroom", "If you value", "Russia Brokers Deal"},
	}, {
		file: "simple.txt",
		errs: []wantErr{{source: fixture("simple.txt"), is: extract.ErrNoDate}},
	}, {
		file: "simple.txt",
		opts: extract.ReadOptions{DefaultDate: defaultDate},
		want: []wantArticle{{
			source: fixture("simple.txt"), title: "Four Days of Fighting Shake Nagorno-Karabakh",
			date: "2016-04-06", dateSource: "default", paras: 3,
			first: "Heavy fighting broke out along the line of contact around Nagorno-Karabakh on the night of April 1,",
			last:  "agreed in Moscow on April 5 to stop the fighting.",
		}},
	}, {
		file: "published-line.txt",
		opts: extract.ReadOptions{DefaultDate: defaultDate}, // the article's own date wins
		want: []wantArticle{{
			source: fixture("published-line.txt"), title: "Moscow Talks End Four Days of Clashes",
			date: "2016-04-05", dateSource: "article", paras: 2,
			first: "The military chiefs of Armenia and Azerbaijan met in Moscow",
			last:  "since 1994.",
		}},
		absent: []string{"Published", "18:40"},
	}, {
		file: "article.json",
		want: []wantArticle{{
			source: fixture("article.json"), url: "https://example.org/world/2015/02/12/minsk-deal",
			title:     "Leaders Agree on Ukraine Ceasefire After All-Night Talks in Minsk",
			publisher: "Example World Desk", date: "2015-02-12", dateSource: "article", paras: 3,
			first: "The leaders of Russia, Ukraine, Germany and France agreed on Thursday",
			last:  `Merkel said there was "a glimmer of hope" but warned that big obstacles remained.`,
		}},
		absent: []string{"<", "&quot;", "&nbsp;", "\u00a0", "Independence Palace", "Read more", "Ukraine crisis"},
	}, {
		file: "articles.json",
		want: []wantArticle{{
			source: fixture("articles.json") + "#1", url: "https://example.com/2014/03/18/crimea-treaty",
			title: "Russia Signs Treaty Absorbing Crimea", publisher: "Example Wire",
			date: "2014-03-18", dateSource: "article", paras: 2,
			first: "President Vladimir Putin signed a treaty on Tuesday", last: "never accept the annexation.",
		}, {
			source: fixture("articles.json") + "#2", url: "https://example.com/2022/02/24/invasion",
			title: "Russia Launches Full-Scale Invasion of Ukraine", publisher: "Example Wire",
			date: "2022-02-24", dateSource: "article", paras: 2,
			first: "Russian forces attacked Ukraine", last: "cut diplomatic ties with Moscow.",
		}},
		errs: []wantErr{
			{source: fixture("articles.json") + "#3", line: 18, is: extract.ErrNoText},
			{source: fixture("articles.json") + "#4", line: 24, is: extract.ErrBadDate},
		},
	}, {
		file: "array.json",
		want: []wantArticle{{
			source: fixture("array.json") + "#1", url: "https://example.net/2022/09/14/border",
			title: "Armenia and Azerbaijan Agree Ceasefire After Border Clashes",
			date:  "2022-09-14", dateSource: "article", paras: 2,
			first: "Armenia and Azerbaijan agreed on a ceasefire on Wednesday evening", last: "responded to provocations.",
		}, {
			source: fixture("array.json") + "#2", url: "https://example.net/2021/01/30/monitoring",
			title: "Russia and Turkey Open Joint Ceasefire Monitoring Centre",
			date:  "2021-01-30", dateSource: "article", paras: 1,
			first: "Russia and Turkey opened a joint centre", last: "ceasefire in Nagorno-Karabakh.",
		}},
		errs: []wantErr{{source: fixture("array.json") + "#3", line: 14, is: extract.ErrNotArticle}},
	}, {
		file: "articles.jsonl",
		want: []wantArticle{{
			source: fixture("articles.jsonl") + "#1", url: "https://example.org/2023/09/20/karabakh",
			title:     "Karabakh Separatists Agree to Disarm After Azerbaijani Offensive",
			publisher: "Example Daily", date: "2023-09-20", dateSource: "article", paras: 2,
			first: "Ethnic Armenian forces in Nagorno-Karabakh agreed on Wednesday", last: "the separatist authorities said.",
		}, {
			source: fixture("articles.jsonl") + "#3", url: "https://example.org/2023/10/01/exodus",
			title: "Over 100,000 Refugees Reach Armenia", publisher: "Example Daily",
			date: "2023-10-01", dateSource: "article", paras: 1, // Unix seconds
			first: "More than 100,000 people", last: "Armenian officials said.",
		}},
		errs: []wantErr{
			{source: fixture("articles.jsonl") + "#2", line: 2, is: extract.ErrInvalidJSON},
			{source: fixture("articles.jsonl") + "#4", line: 5, is: extract.ErrNotArticle},
		},
	}, {
		file: "bad.json",
		errs: []wantErr{{source: fixture("bad.json"), line: 5, is: extract.ErrInvalidJSON}},
	}, {
		file: "page.html",
		want: []wantArticle{{
			source: fixture("page.html"), url: "https://example.com/world/2022/07/22/grain-deal",
			title:     "Russia and Ukraine Sign Deals to Reopen Black Sea Grain Exports",
			publisher: "Example Times", date: "2022-07-22", dateSource: "article", paras: 5,
			first: "Russia and Ukraine signed agreements in Istanbul on Friday",
			last:  "A joint coordination centre in Istanbul will inspect ships for weapons.",
		}},
		absent: []string{"Subscribe", "Sign up", "Share", "Related", "Wheat", "Odesa", "Photo", "Delegations",
			"By Example Staff", "rights reserved", "dataLayer", "display", "Ships to be inspected", "World", "July 22"},
	}, {
		file: "dense.html",
		want: []wantArticle{{
			source: fixture("dense.html"), url: "https://example.org/2022/11/02/pretoria",
			title:     "Ethiopia and Tigray Forces Agree to End War",
			publisher: "Example Africa Report", date: "2022-11-02", dateSource: "article", paras: 3,
			first: "The Ethiopian government and the Tigray People's Liberation Front", last: "began in November 2020.",
		}},
		absent: []string{"Home", "Most read", "Drought"},
	}, {
		file: "broken.html",
		want: []wantArticle{{
			source: fixture("broken.html"), title: "Giant Container Ship Freed From Suez Canal",
			date: "2021-03-29", dateSource: "article", paras: 3,
			first: "Salvage teams freed the Ever Given on Monday", last: "to pass through the waterway",
		}},
		absent: []string{"More stories", "29 March"},
	}, {
		file: "empty.html",
		errs: []wantErr{{source: fixture("empty.html"), is: extract.ErrNoText}},
	}, {
		file: "feed.rss",
		want: []wantArticle{{
			source: fixture("feed.rss") + "#1", url: "https://example.net/2023/04/15/khartoum",
			title:     "Fighting Erupts in Khartoum Between Army and RSF",
			publisher: "Example Africa Wire", date: "2023-04-15", dateSource: "article", paras: 2,
			first: "Clashes broke out in Khartoum on Saturday", last: "including the presidential palace.",
		}, {
			source: fixture("feed.rss") + "#2", url: "https://example.net/2023/05/21/jeddah",
			title:     "Sudan's Warring Sides Sign a Week-Long Truce in Jeddah",
			publisher: "Example Africa Wire", date: "2023-05-21", dateSource: "article", paras: 1,
			first: "Representatives of Sudan's army", last: "Saudi Arabia and the United States said.",
		}},
		errs:   []wantErr{{source: fixture("feed.rss") + "#3", is: extract.ErrNoDate}},
		absent: []string{"A short summary", "Subscribe", "<p>"},
	}, {
		file: "feed.atom",
		want: []wantArticle{{
			source: fixture("feed.atom") + "#1", url: "https://example.org/2013/04/19/brussels",
			title:     "Serbia and Kosovo Reach Landmark Deal in Brussels",
			publisher: "Example Balkans Review", date: "2013-04-19", dateSource: "article", paras: 2,
			first: "Serbia and Kosovo initialled an agreement in Brussels", last: "a degree of autonomy.",
		}, {
			source: fixture("feed.atom") + "#2", url: "https://example.org/2020/09/04/washington",
			title:     "Serbia and Kosovo Sign Economic Commitments in Washington",
			publisher: "Example Balkans Review", date: "2020-09-04", dateSource: "article", paras: 1,
			first: "Serbia and Kosovo signed separate commitments", last: "normalise economic relations.",
		}},
	}}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			arts, errs := extract.Read(context.Background(), []string{fixture(tt.file)}, tt.opts)
			checkArticles(t, arts, tt.want)
			checkErrors(t, errs, tt.errs)
			for _, a := range arts {
				for _, s := range tt.absent {
					if strings.Contains(a.Text, s) {
						t.Errorf("%s: Text holds furniture %q:\n%s", a.Source, s, a.Text)
					}
				}
			}
		})
	}
}

func checkArticles(t *testing.T, arts []extract.Article, want []wantArticle) {
	t.Helper()
	if len(arts) != len(want) {
		t.Errorf("got %d articles, want %d", len(arts), len(want))
	}
	for i := range min(len(arts), len(want)) {
		a, w := arts[i], want[i]
		got := wantArticle{
			source: a.Source, title: a.Title, url: a.URL, publisher: a.Publisher,
			date: a.Published.Format("2006-01-02"), dateSource: a.DateSource,
			paras: len(strings.Split(a.Text, "\n\n")), first: w.first, last: w.last,
		}
		if got != w {
			t.Errorf("article %d:\n got %+v\nwant %+v", i, got, w)
		}
		paras := strings.Split(a.Text, "\n\n")
		if !strings.HasPrefix(paras[0], w.first) || !strings.HasSuffix(paras[len(paras)-1], w.last) {
			t.Errorf("%s: text does not run from %q to %q:\n%s", a.Source, w.first, w.last, a.Text)
		}
		key := a.URL
		if key == "" {
			key = a.Text
		}
		sum := sha256.Sum256([]byte(key))
		if wantID := "art:" + hex.EncodeToString(sum[:6]); a.ID != wantID {
			t.Errorf("%s: ID %q, want %q", a.Source, a.ID, wantID)
		}
		for _, p := range paras {
			if p == "" || strings.TrimSpace(p) != p || strings.Contains(p, "\n") || strings.Contains(p, "  ") {
				t.Errorf("%s: paragraph not normalised: %q", a.Source, p)
			}
		}
	}
}

func checkErrors(t *testing.T, errs []error, want []wantErr) {
	t.Helper()
	if len(errs) != len(want) {
		t.Errorf("got %d errors %v, want %d", len(errs), errs, len(want))
	}
	for i := range min(len(errs), len(want)) {
		var ie *extract.InputError
		if !errors.As(errs[i], &ie) {
			t.Errorf("error %d is %T, want *InputError: %v", i, errs[i], errs[i])
			continue
		}
		w := want[i]
		if ie.Source != w.source || ie.Line != w.line || !errors.Is(ie, w.is) {
			t.Errorf("error %d = %q (source %q, line %d), want source %q, line %d, wrapping %q",
				i, ie, ie.Source, ie.Line, w.source, w.line, w.is)
		}
		if !strings.HasPrefix(ie.Error(), w.source+": ") {
			t.Errorf("error %q does not start with its source", ie)
		}
	}
}

// TestReadBadInputs gives each kind of bad input its own clear error, naming the file.
func TestReadBadInputs(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	huge := filepath.Join(tmp, "huge.txt")
	f, err := os.Create(huge)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse 100 MB file: Read must refuse it without reading it.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	tests := []struct {
		name string
		path string
		opts extract.ReadOptions
		line int
		is   error
		msg  string
	}{
		{"empty", write("empty.txt", nil), extract.ReadOptions{}, 0, extract.ErrEmpty, "empty input"},
		{"blank", write("blank.txt", []byte("\n  \t\n")), extract.ReadOptions{}, 0, extract.ErrEmpty, "empty input"},
		{"nul", write("photo.jpg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00")), extract.ReadOptions{}, 1, extract.ErrBinary, "NUL byte at offset 4"},
		{"control bytes", write("ctl.bin", []byte("\x01\x02\x03\x04abc\x05\x06\x07")), extract.ReadOptions{}, 0, extract.ErrBinary, "control bytes"},
		{"utf16", write("utf16.txt", []byte("\xff\xfeA\x00")), extract.ReadOptions{}, 0, extract.ErrBinary, "UTF-16"},
		{"latin1", write("latin1.txt", []byte("Ceasefire talks\n\nThe caf\xe9 in Stepanakert reopened.")), extract.ReadOptions{}, 3, extract.ErrInvalidUTF8, "invalid UTF-8 at byte offset 24"},
		{"huge", huge, extract.ReadOptions{}, 0, extract.ErrTooLarge, "over 33554432 bytes"},
		{"over limit", write("small.txt", []byte("Headline\n\nA body of some length.")), extract.ReadOptions{MaxBytes: 10}, 0, extract.ErrTooLarge, "over 10 bytes"},
		{"malformed JSON", write("trunc.json", []byte("{\n\"title\": \"x\",\n\"text\": ")), extract.ReadOptions{}, 3, extract.ErrInvalidJSON, "invalid JSON: unexpected end of input"},
		{"JSON scalar", write("n.json", []byte("[3")), extract.ReadOptions{}, 1, extract.ErrInvalidJSON, "invalid JSON"},
		{"malformed feed", write("bad.rss", []byte("<rss><channel>\n<item><title>x</title>\n<description>cut off")), extract.ReadOptions{}, 3, extract.ErrInvalidXML, "invalid XML"},
		{"other XML", write("svg.xml", []byte(`<?xml version="1.0"?><rss-like/>`)), extract.ReadOptions{Format: "rss"}, 0, extract.ErrXMLNotFeed, "<rss-like>"},
		{"empty feed", write("empty.rss", []byte(`<rss><channel><title>T</title></channel></rss>`)), extract.ReadOptions{}, 0, extract.ErrNoArticles, "no articles"},
		{"empty array", write("empty.json", []byte(` [ ] `)), extract.ReadOptions{}, 0, extract.ErrNoArticles, "no articles"},
		{"no date", write("nodate.txt", []byte("Talks Resume\n\nDiplomats met again.")), extract.ReadOptions{}, 0, extract.ErrNoDate, "no publication date; pass --date"},
		{"furniture only", write("furn.txt", []byte(" date 2020-01-01\nSubscribe now\n\nRead more\n\nAdvertisement")), extract.ReadOptions{}, 0, extract.ErrNoText, "empty article body"},
		{"empty JSON body", write("nobody.json", []byte(`{"title": "x", "date": "2020-01-01", "text": "<p> </p>"}`)), extract.ReadOptions{}, 0, extract.ErrNoText, "empty article body"},
		{"missing", filepath.Join(tmp, "missing.txt"), extract.ReadOptions{}, 0, os.ErrNotExist, "no such file"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			arts, errs := extract.Read(context.Background(), []string{tt.path}, tt.opts)
			if len(arts) != 0 || len(errs) != 1 {
				t.Fatalf("got %d articles and errors %v, want one error", len(arts), errs)
			}
			checkErrors(t, errs, []wantErr{{source: tt.path, line: tt.line, is: tt.is}})
			if !strings.Contains(errs[0].Error(), tt.msg) {
				t.Errorf("error %q does not say %q", errs[0], tt.msg)
			}
		})
	}
}

// countingReader is an endless stream of text that counts what is read from it.
type countingReader struct{ n int64 }

func (r *countingReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	r.n += int64(len(p))
	return len(p), nil
}

// TestReadFromStopsAtLimit: an endless stdin is refused after MaxBytes+1 bytes.
func TestReadFromStopsAtLimit(t *testing.T) {
	for _, max := range []int64{1 << 10, 1 << 20} {
		r := &countingReader{}
		_, errs := extract.ReadFrom(r, "-", extract.ReadOptions{MaxBytes: max})
		if len(errs) != 1 || !errors.Is(errs[0], extract.ErrTooLarge) {
			t.Fatalf("MaxBytes %d: errors %v, want ErrTooLarge", max, errs)
		}
		if r.n > max+1 {
			t.Errorf("MaxBytes %d: read %d bytes", max, r.n)
		}
	}
}

// TestReadDirectory reads a tree mixing good and bad files: every good article comes
// back, with one error per bad file or record, and hidden entries are skipped.
func TestReadDirectory(t *testing.T) {
	tmp := t.TempDir()
	copyFixture := func(name, to string) {
		data, err := os.ReadFile(fixture(name))
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(tmp, to)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	copyFixture("scraped.txt", "a-scraped.txt")
	copyFixture("bad.json", "b-bad.json")
	copyFixture("feed.rss", "sub/c-feed.xml") // the extension says nothing: the content does
	copyFixture("page.html", "sub/d-page")
	copyFixture("article.json", ".hidden/e.json")
	copyFixture("articles.jsonl", ".f.jsonl")
	for name, data := range map[string]string{"c-empty.txt": "", "d-binary.dat": "GIF89a\x00\x01", "e-latin1.txt": "Caf\xe9"} {
		if err := os.WriteFile(filepath.Join(tmp, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	arts, errs := extract.Read(context.Background(), []string{tmp}, extract.ReadOptions{})
	var got []string
	for _, a := range arts {
		got = append(got, strings.TrimPrefix(a.Source, tmp+string(filepath.Separator)))
	}
	want := []string{"a-scraped.txt", "sub/c-feed.xml#1", "sub/c-feed.xml#2", "sub/d-page"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("articles from %v, want %v", got, want)
	}
	at := func(name string) string { return filepath.Join(tmp, name) }
	checkErrors(t, errs, []wantErr{
		{source: at("b-bad.json"), line: 5, is: extract.ErrInvalidJSON},
		{source: at("c-empty.txt"), is: extract.ErrEmpty},
		{source: at("d-binary.dat"), line: 1, is: extract.ErrBinary},
		{source: at("e-latin1.txt"), line: 1, is: extract.ErrInvalidUTF8},
		{source: at("sub/c-feed.xml") + "#3", is: extract.ErrNoDate},
	})
}

// TestReadStdin reads "-" from standard input, in the format the content shows.
func TestReadStdin(t *testing.T) {
	data, err := os.ReadFile(fixture("articles.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		w.Write(data)
		w.Close()
	}()
	stdin := os.Stdin
	os.Stdin = r
	defer func() { os.Stdin = stdin }()
	arts, errs := extract.Read(context.Background(), []string{"-"}, extract.ReadOptions{})
	if len(arts) != 2 || arts[0].Source != "-#1" || arts[1].Source != "-#3" {
		t.Errorf("got %d articles %v", len(arts), arts)
	}
	checkErrors(t, errs, []wantErr{
		{source: "-#2", line: 2, is: extract.ErrInvalidJSON},
		{source: "-#4", line: 5, is: extract.ErrNotArticle},
	})
}

// TestReadFormat: Format overrides detection, and an unknown format is one error before
// anything is read.
func TestReadFormat(t *testing.T) {
	opts := extract.ReadOptions{Format: "html", DefaultDate: time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)}
	arts, errs := extract.Read(context.Background(), []string{fixture("published-line.txt")}, opts)
	if len(errs) != 0 || len(arts) != 1 || arts[0].Title != "" || arts[0].DateSource != "default" ||
		!strings.HasPrefix(arts[0].Text, "Moscow Talks End Four Days of Clashes Published: 5 April 2016") {
		t.Errorf("text read as HTML: articles %+v, errors %v", arts, errs)
	}
	_, errs = extract.Read(context.Background(), []string{fixture("simple.txt")}, extract.ReadOptions{Format: "json"})
	checkErrors(t, errs, []wantErr{{source: fixture("simple.txt"), line: 1, is: extract.ErrInvalidJSON}})
	for _, f := range []string{"xml", "JSON", "csv"} {
		_, errs := extract.Read(context.Background(), []string{fixture("article.json")}, extract.ReadOptions{Format: f})
		if len(errs) != 1 || !errors.Is(errs[0], extract.ErrFormat) || !strings.Contains(errs[0].Error(), "want one of auto, text, json") {
			t.Errorf("format %q: errors %v", f, errs)
		}
	}
}

// TestReadCancelled stops at a cancelled context and says so.
func TestReadCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	arts, errs := extract.Read(ctx, []string{fixture("scraped.txt"), dir}, extract.ReadOptions{})
	if len(arts) != 0 || len(errs) != 1 || !errors.Is(errs[0], context.Canceled) {
		t.Errorf("got %d articles, errors %v", len(arts), errs)
	}
}

func ExampleReadFrom() {
	page := ` date 2020-07-17 Support our newsroom!

Russia Offers to Mediate Between Armenia and Azerbaijan

By AFP
Russia said on Friday it was ready to mediate between Armenia and Azerbaijan.

The Kremlin urged both sides to respect the ceasefire.

Read more

Caucasus

Fighting Flares on the Border

Shelling continued for a fifth day.
`
	arts, errs := extract.ReadFrom(strings.NewReader(page), "news.txt", extract.ReadOptions{})
	fmt.Println(len(errs), "errors")
	a := arts[0]
	fmt.Println(a.Published.Format("2006-01-02"), a.DateSource)
	fmt.Println(a.Title)
	fmt.Println(a.Text)
	// Output:
	// 0 errors
	// 2020-07-17 article
	// Russia Offers to Mediate Between Armenia and Azerbaijan
	// Russia said on Friday it was ready to mediate between Armenia and Azerbaijan.
	//
	// The Kremlin urged both sides to respect the ceasefire.
}

// BenchmarkReadFrom measures reading and cleaning each fixture format.
func BenchmarkReadFrom(b *testing.B) {
	for _, name := range []string{"scraped.txt", "articles.json", "page.html", "feed.rss"} {
		data, err := os.ReadFile(fixture(name))
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				extract.ReadFrom(strings.NewReader(string(data)), name, extract.ReadOptions{})
			}
		})
	}
}
