package corpus

import (
	"bufio"
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/extract"
)

// FS holds the articles, under the directory "articles/".
//
//go:embed articles
var FS embed.FS

//go:embed expected.tsv entities.tsv
var data embed.FS

// Root is the directory of FS that holds the articles; expected sources are relative to it.
const Root = "articles"

// DefaultDate is the publication date given to the articles that carry none (the demo and the
// quality test pass it as --date). Expected facts in those articles never depend on it.
const DefaultDate = "2024-01-01"

// ExpectedFact is one fact a careful analyst would record from one article.
type ExpectedFact struct {
	Source     string   // article file under Root, with "#n" for the n-th record (from 1) of a multi-record file
	Article    string   // article ID; empty until Bind fills it
	Subject    []string // accepted entity IDs: the canonical one, rarely also a fair reading ("ent:kyiv", "ent:ukraine")
	Predicates []string // accepted verb lemmas; nil when only the class is expected
	Class      string   // expected event class
	Object     []string // accepted entity IDs
	Date       string   // YYYY-MM-DD, YYYY-MM or YYYY; empty when the article does not fix it
	Modality   string   // one of extract's modalities; empty when not checked
	Line       int      // line in expected.tsv, for messages
}

// Absence is a list of entities that must not appear in one article's facts: names from its
// byline, photo credit, related headlines or donation appeal.
type Absence struct {
	Source  string
	Article string // filled by BindAbsences
	IDs     []string
	Line    int
}

// Expected returns the expected facts of the whole corpus, in file order.
func Expected() ([]ExpectedFact, error) {
	facts, _, err := parseExpected()
	return facts, err
}

// Absences returns the per-article lists of entities that must not appear.
func Absences() ([]Absence, error) {
	_, abs, err := parseExpected()
	return abs, err
}

// Entities returns the canonical entities the expectations use: ID, type and display name.
func Entities() ([]extract.Entity, error) {
	b, err := data.ReadFile("entities.tsv")
	if err != nil {
		return nil, fmt.Errorf("read entities.tsv: %w", err)
	}
	return ParseEntities(b)
}

// Articles lists the article files of FS, relative to Root, in lexical order.
func Articles() ([]string, error) {
	var paths []string
	err := fs.WalkDir(FS, Root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			paths = append(paths, strings.TrimPrefix(p, Root+"/"))
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("list %s: %w", Root, err)
	}
	return paths, nil
}

// Read reads every article of the corpus with extract's readers, as a user's files would be
// read: each article's Source is its path in FS. Like extract.Read, a problem with one file
// is one error and the other files are read regardless; undated articles are errors unless
// opts.DefaultDate is set (the quality test passes DefaultDate).
func Read(opts extract.ReadOptions) ([]extract.Article, []error) {
	files, err := Articles()
	if err != nil {
		return nil, []error{err}
	}
	var arts []extract.Article
	var errs []error
	for _, f := range files {
		name := path.Join(Root, f)
		b, err := fs.ReadFile(FS, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		as, es := extract.ReadFrom(bytes.NewReader(b), name, opts)
		arts = append(arts, as...)
		errs = append(errs, es...)
	}
	return arts, errs
}

func parseExpected() ([]ExpectedFact, []Absence, error) {
	b, err := data.ReadFile("expected.tsv")
	if err != nil {
		return nil, nil, fmt.Errorf("read expected.tsv: %w", err)
	}
	return ParseExpected(b)
}

// idRe is the shape of an entity ID: a known prefix and a lowercase ASCII local name
// ("ent:nagorno_karabakh", "conflict:armenia--azerbaijan").
var idRe = regexp.MustCompile(`^(ent|topic|conflict):[a-z0-9_]+(--[a-z0-9_]+)?$`)

var dateRe = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?)?$`)

// Classes are the event classes expectations may name: those of the extractor's verb lexicon.
var Classes = []string{
	"mediate", "negotiate", "consult", "appeal", "agree", "accuse", "threaten", "attack", "fight",
	"seize", "sanction", "aid", "withdraw", "cooperate", "statement", "other",
}

var modalities = map[string]bool{
	extract.Asserted: true, extract.Intent: true, extract.Negated: true, extract.Reported: true,
}

// ParseExpected reads expectations in the format documented at the top of expected.tsv. It
// reports every bad line at once, each as "expected.tsv:LINE: problem".
func ParseExpected(b []byte) ([]ExpectedFact, []Absence, error) {
	var (
		facts []ExpectedFact
		abs   []Absence
		errs  []error
	)
	err := eachLine(b, "expected.tsv", func(n int, f []string) {
		bad := func(format string, args ...any) {
			errs = append(errs, fmt.Errorf("expected.tsv:%d: %s", n, fmt.Sprintf(format, args...)))
		}
		if f[0] == "!absent" {
			if len(f) < 3 {
				bad("!absent needs a source and at least one ID")
				return
			}
			for _, id := range f[2:] {
				if !idRe.MatchString(id) {
					bad("bad entity ID %q", id)
				}
			}
			abs = append(abs, Absence{Source: f[1], IDs: f[2:], Line: n})
			return
		}
		if len(f) < 5 || len(f) > 7 {
			bad("want 5 to 7 fields (source subject predicate class object [date] [modality]), have %d", len(f))
			return
		}
		e := ExpectedFact{
			Source: f[0], Subject: strings.Split(f[1], "|"), Class: f[3], Object: strings.Split(f[4], "|"), Line: n,
		}
		if f[2] != "*" {
			e.Predicates = strings.Split(f[2], "|")
		}
		if !slices.Contains(Classes, e.Class) {
			bad("unknown class %q (want one of %s)", e.Class, strings.Join(Classes, ", "))
		}
		for _, id := range append(slices.Clone(e.Subject), e.Object...) {
			if !idRe.MatchString(id) {
				bad("bad entity ID %q", id)
			}
		}
		if len(f) > 5 && f[5] != "-" {
			if !dateRe.MatchString(f[5]) {
				bad("bad date %q (want YYYY-MM-DD, YYYY-MM or YYYY)", f[5])
			}
			e.Date = f[5]
		}
		if len(f) > 6 && f[6] != "-" {
			if !modalities[f[6]] {
				bad("unknown modality %q (want asserted, intent, negated or reported)", f[6])
			}
			e.Modality = f[6]
		}
		facts = append(facts, e)
	})
	return facts, abs, errors.Join(append(errs, err)...)
}

// eachLine calls fn with the 1-based number and the white-space separated fields of
// every line of b that is neither blank nor a "#" comment. The error is the scanner's,
// naming file.
func eachLine(b []byte, file string, fn func(n int, f []string)) error {
	sc := bufio.NewScanner(bytes.NewReader(b))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fn(n, strings.Fields(line))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", file, err)
	}
	return nil
}

// ParseEntities reads lines "ID TYPE NAME…" (fields separated by white space, the name running
// to the end of the line); blank lines and lines starting with "#" are skipped.
func ParseEntities(b []byte) ([]extract.Entity, error) {
	types := map[string]bool{
		extract.TypePerson: true, extract.TypeCountry: true, extract.TypeOrganization: true,
		extract.TypeLocation: true, extract.TypeEvent: true, extract.TypeConflict: true, extract.TypeTopic: true,
	}
	var (
		ents []extract.Entity
		errs []error
	)
	seen := map[string]int{}
	err := eachLine(b, "entities.tsv", func(n int, f []string) {
		if len(f) < 3 {
			errs = append(errs, fmt.Errorf("entities.tsv:%d: want ID TYPE NAME", n))
			return
		}
		switch {
		case !idRe.MatchString(f[0]):
			errs = append(errs, fmt.Errorf("entities.tsv:%d: bad entity ID %q", n, f[0]))
		case !types[f[1]]:
			errs = append(errs, fmt.Errorf("entities.tsv:%d: unknown type %q", n, f[1]))
		case seen[f[0]] != 0:
			errs = append(errs, fmt.Errorf("entities.tsv:%d: %s already listed on line %d", n, f[0], seen[f[0]]))
		}
		seen[f[0]] = n
		ents = append(ents, extract.Entity{ID: f[0], Type: f[1], Name: strings.Join(f[2:], " ")})
	})
	return ents, errors.Join(append(errs, err)...)
}

// Bind returns a copy of want with each fact's Article set to the ID of the article its Source
// names, found among articles as extract's readers return them. A reader's Source may carry any
// directory prefix ("corpus/articles/raw/x.txt"); records of a multi-record file are counted in the
// order of their "#n" suffixes, whatever number the reader starts from. Every source that names
// no article is an error.
func Bind(want []ExpectedFact, articles []extract.Article) ([]ExpectedFact, error) {
	out := slices.Clone(want)
	err := newLocator(articles).bind(len(out), func(i int) (*string, string, int) {
		return &out[i].Article, out[i].Source, out[i].Line
	})
	return out, err
}

// BindAbsences is Bind for absence lists.
func BindAbsences(abs []Absence, articles []extract.Article) ([]Absence, error) {
	out := slices.Clone(abs)
	err := newLocator(articles).bind(len(out), func(i int) (*string, string, int) {
		return &out[i].Article, out[i].Source, out[i].Line
	})
	return out, err
}

// locator finds articles by corpus source.
type locator struct {
	byPath map[string][]record // reader path without "#n" → its records
}

type record struct {
	n  int // the reader's record number; -1 for a single-article file
	id string
}

func newLocator(articles []extract.Article) locator {
	l := locator{byPath: map[string][]record{}}
	for _, a := range articles {
		path, num := splitRecord(strings.ReplaceAll(a.Source, `\`, "/"))
		l.byPath[path] = append(l.byPath[path], record{n: num, id: a.ID})
	}
	for _, rs := range l.byPath {
		slices.SortFunc(rs, func(a, b record) int { return a.n - b.n })
	}
	return l
}

// splitRecord splits "path#n" into path and n; n is -1 when there is no numeric suffix.
func splitRecord(s string) (string, int) {
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil {
			return s[:i], n
		}
	}
	return s, -1
}

// bind sets the article ID of n items; item returns where to store it, the source and its line.
func (l locator) bind(n int, item func(i int) (*string, string, int)) error {
	var errs []error
	for i := range n {
		dst, source, line := item(i)
		id, err := l.id(source)
		if err != nil {
			errs = append(errs, fmt.Errorf("expected.tsv:%d: %w", line, err))
		}
		*dst = id
	}
	return errors.Join(errs...)
}

func (l locator) id(source string) (string, error) {
	path, ord := splitRecord(source)
	var recs []record
	matches := 0
	for p, rs := range l.byPath {
		if p == path || strings.HasSuffix(p, "/"+path) {
			recs = rs
			matches++
		}
	}
	switch {
	case matches == 0:
		return "", fmt.Errorf("%s: no article read from this file", source)
	case matches > 1:
		return "", fmt.Errorf("%s: several files end with this path", source)
	case ord < 0 && len(recs) != 1:
		return "", fmt.Errorf("%s: file has %d records, name one with #n", source, len(recs))
	case ord < 0:
		return recs[0].id, nil
	case ord < 1 || ord > len(recs):
		return "", fmt.Errorf("%s: file has %d records, no record %d", source, len(recs), ord)
	}
	return recs[ord-1].id, nil
}
