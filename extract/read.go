package extract

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Input formats accepted by ReadOptions.Format.
const (
	FormatAuto  = ""      // detect from the content, with the file extension as a hint
	FormatText  = "text"  // plain text, including the raw scraped form with a " date YYYY-MM-DD" line
	FormatJSON  = "json"  // one JSON record, an array of them, or {"articles": […]}
	FormatJSONL = "jsonl" // one JSON record per line
	FormatHTML  = "html"  // a web page
	FormatFeed  = "rss"   // an RSS 2.0, RSS 1.0 or Atom feed
)

// InputFormats lists the values ReadOptions.Format accepts besides "": "auto" is the
// same as "", and "atom" the same as "rss".
var InputFormats = []string{"auto", FormatText, FormatJSON, FormatJSONL, FormatHTML, FormatFeed, "atom"}

// DefaultMaxBytes is the input size limit when ReadOptions.MaxBytes is zero.
const DefaultMaxBytes = 32 << 20

// ReadOptions controls Read and ReadFrom. The zero value detects formats, gives articles
// without a date an error, and refuses inputs over DefaultMaxBytes.
type ReadOptions struct {
	// Format forces an input format (see InputFormats); "" or "auto" detects it.
	Format string
	// DefaultDate is the publication date of articles that give none (DateSource
	// "default"). When it is zero such articles are errors. An article whose own date
	// does not parse is an error even so: a wrong date misplaces every fact it dates.
	DefaultDate time.Time
	// MaxBytes is the largest input read, in bytes; zero means DefaultMaxBytes. Larger
	// inputs are errors, and no more than MaxBytes+1 bytes of them are read.
	MaxBytes int64
}

// The problems Read and ReadFrom report, each wrapped in an *InputError that names the
// input. They carry no "extract:" prefix because the file name always leads the message.
var (
	ErrEmpty       = errors.New("empty input")                             // nothing but white space
	ErrBinary      = errors.New("binary data, not text")                   // NUL or many control bytes
	ErrInvalidUTF8 = errors.New("invalid UTF-8")                           // bad byte sequence; the message gives its offset
	ErrTooLarge    = errors.New("input too large")                         // over ReadOptions.MaxBytes
	ErrInvalidJSON = errors.New("invalid JSON")                            // syntax error; InputError.Line says where
	ErrInvalidXML  = errors.New("invalid XML")                             // a feed that does not parse
	ErrNoDate      = errors.New("no publication date; pass --date")        // and ReadOptions.DefaultDate is zero
	ErrBadDate     = errors.New("unrecognised publication date")           // a date field that does not parse
	ErrNoText      = errors.New("empty article body")                      // nothing left after cleaning
	ErrNoArticles  = errors.New("no articles")                             // a JSON array or feed with no records
	ErrFormat      = errors.New("unknown input format")                    // ReadOptions.Format is not in InputFormats
	ErrNotArticle  = errors.New("JSON record is not an object")            // an array element that is not an object
	ErrXMLNotFeed  = errors.New("XML document is not an RSS or Atom feed") // some other XML
)

// InputError is a problem with one input or one record of it. The other inputs and
// records are read regardless.
type InputError struct {
	Source string // file path, "-" for stdin, with "#n" for the n-th record of a multi-record file
	Line   int    // 1-based line of the problem or of the record's start; 0 when unknown
	Err    error
}

func (e *InputError) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s: line %d: %v", e.Source, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Source, e.Err)
}

func (e *InputError) Unwrap() error { return e.Err }

// Read reads articles from files, directories (recursively, skipping hidden entries) and
// "-" for standard input, in the order given and, within a directory, in lexical order.
// Each article's Published keeps the time and offset its input gave, so that
// Published.Format("2006-01-02") is the publisher's calendar day, which weekday names in
// the text count from.
// Every problem is one error in the second result, and never stops the other inputs; only
// a cancelled ctx ends the reading early, with ctx.Err() as the last error.
func Read(ctx context.Context, paths []string, opts ReadOptions) ([]Article, []error) {
	if err := opts.check(); err != nil {
		return nil, []error{err}
	}
	var arts []Article
	var errs []error
	add := func(a []Article, e []error) {
		arts = append(arts, a...)
		errs = append(errs, e...)
	}
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return arts, append(errs, err)
		}
		if p == "-" {
			add(ReadFrom(os.Stdin, "-", opts))
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			errs = append(errs, &InputError{Source: p, Err: pathErr(err)})
			continue
		}
		if !info.IsDir() {
			add(readFile(p, info, opts))
			continue
		}
		walkErr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, &InputError{Source: path, Err: pathErr(err)})
				return nil
			}
			if path != p && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() {
				return nil
			}
			if err := ctx.Err(); err != nil {
				return err
			}
			info, err := d.Info()
			if err != nil {
				errs = append(errs, &InputError{Source: path, Err: pathErr(err)})
				return nil
			}
			add(readFile(path, info, opts))
			return nil
		})
		if walkErr != nil {
			return arts, append(errs, walkErr)
		}
	}
	return arts, errs
}

// pathErr drops the path from an *fs.PathError, since InputError names it already.
func pathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %w", pe.Op, pe.Err)
	}
	return err
}

// readFile reads one regular file, refusing it unread when its size is over the limit.
func readFile(path string, info fs.FileInfo, opts ReadOptions) ([]Article, []error) {
	if limit := opts.maxBytes(); info.Size() > limit {
		return nil, []error{&InputError{Source: path, Err: tooLarge(limit)}}
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, []error{&InputError{Source: path, Err: pathErr(err)}}
	}
	defer f.Close()
	return ReadFrom(f, path, opts)
}

func tooLarge(limit int64) error {
	return fmt.Errorf("%w: over %d bytes", ErrTooLarge, limit)
}

// ReadFrom reads the articles of one input called name (a path, or "-" for stdin). It
// reads at most opts.MaxBytes+1 bytes of r.
func ReadFrom(r io.Reader, name string, opts ReadOptions) ([]Article, []error) {
	if err := opts.check(); err != nil {
		return nil, []error{err}
	}
	limit := opts.maxBytes()
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, []error{&InputError{Source: name, Err: fmt.Errorf("read: %w", err)}}
	}
	if int64(len(data)) > limit {
		return nil, []error{&InputError{Source: name, Err: tooLarge(limit)}}
	}
	text, line, err := checkText(data)
	if err != nil {
		return nil, []error{&InputError{Source: name, Line: line, Err: err}}
	}
	format := opts.Format
	if format == FormatAuto || format == "auto" {
		format = detectFormat(text, name)
	}
	var drafts []draft
	switch format {
	case FormatText:
		drafts = []draft{readText(text)}
	case FormatJSON:
		drafts, err = readJSON(text)
	case FormatJSONL:
		drafts = readJSONL(text)
	case FormatHTML:
		drafts = []draft{readHTML(text)}
	case FormatFeed, "atom":
		drafts, err = readFeed(text)
	}
	if err != nil {
		// A reader that knows the line of a whole-input error returns an *InputError
		// without the source, which only ReadFrom knows.
		var ie *InputError
		if errors.As(err, &ie) {
			ie.Source = name
			return nil, []error{ie}
		}
		return nil, []error{&InputError{Source: name, Err: err}}
	}
	var arts []Article
	var errs []error
	for _, d := range drafts {
		src := name
		if d.record > 0 {
			src = name + "#" + strconv.Itoa(d.record)
		}
		a, err := d.finish(src, opts)
		if err != nil {
			errs = append(errs, &InputError{Source: src, Line: d.line, Err: err})
			continue
		}
		arts = append(arts, a)
	}
	return arts, errs
}

func (o ReadOptions) check() error {
	if o.Format == FormatAuto || slices.Contains(InputFormats, o.Format) {
		return nil
	}
	return fmt.Errorf("%w %q (want one of %s)", ErrFormat, o.Format, strings.Join(InputFormats, ", "))
}

func (o ReadOptions) maxBytes() int64 {
	if o.MaxBytes <= 0 {
		return DefaultMaxBytes
	}
	return o.MaxBytes
}

// checkText turns data into text, or says why it is not text: empty, binary (a NUL byte,
// a UTF-16 byte order mark, or more than one control byte in ten), or invalid UTF-8 (with
// the byte offset and line of the first bad sequence). A UTF-8 byte order mark is dropped.
func checkText(data []byte) (text string, line int, err error) {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	if len(bytes.TrimSpace(data)) == 0 {
		return "", 0, ErrEmpty
	}
	if bytes.HasPrefix(data, []byte("\xff\xfe")) || bytes.HasPrefix(data, []byte("\xfe\xff")) {
		return "", 0, fmt.Errorf("%w: UTF-16 text; convert it to UTF-8", ErrBinary)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", lineAt(data, i), fmt.Errorf("%w: NUL byte at offset %d", ErrBinary, i)
	}
	head := data[:min(len(data), 8192)]
	control := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' || c == 0x7f {
			control++
		}
	}
	if control*10 > len(head) {
		return "", 0, fmt.Errorf("%w: %d control bytes in the first %d", ErrBinary, control, len(head))
	}
	if !utf8.Valid(data) {
		off := 0
		for off < len(data) {
			r, n := utf8.DecodeRune(data[off:])
			if r == utf8.RuneError && n <= 1 {
				break
			}
			off += n
		}
		return "", lineAt(data, off), fmt.Errorf("%w at byte offset %d", ErrInvalidUTF8, off)
	}
	return string(data), 0, nil
}

// lineAt is the 1-based line of byte offset off.
func lineAt(data []byte, off int) int {
	return bytes.Count(data[:off], []byte("\n")) + 1
}

// detectFormat tells the format from the first non-space bytes, using the extension only
// where the content leaves a choice (a JSON object per line, or XML).
func detectFormat(text, name string) string {
	ext := strings.ToLower(filepath.Ext(name))
	t := strings.TrimLeft(text, " \t\r\n")
	switch {
	case strings.HasPrefix(t, "["):
		return FormatJSON
	case strings.HasPrefix(t, "{"):
		if ext == ".jsonl" || ext == ".ndjson" {
			return FormatJSONL
		}
		if ext != ".json" && isJSONLines(t) {
			return FormatJSONL
		}
		return FormatJSON
	case strings.HasPrefix(t, "<"):
		head := strings.ToLower(skipXMLProlog(t[:min(len(t), 4096)]))
		for _, root := range []string{"<rss", "<feed", "<rdf:rdf", "<rdf "} {
			if strings.HasPrefix(head, root) {
				return FormatFeed
			}
		}
		return FormatHTML
	}
	return FormatText
}

// skipXMLProlog skips an XML declaration, comments, doctypes and processing instructions
// before the root element.
func skipXMLProlog(s string) string {
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		var end string
		switch {
		case strings.HasPrefix(s, "<?"):
			end = "?>"
		case strings.HasPrefix(s, "<!--"):
			end = "-->"
		case strings.HasPrefix(s, "<!"):
			end = ">"
		default:
			return s
		}
		i := strings.Index(s, end)
		if i < 0 {
			return s
		}
		s = s[i+len(end):]
	}
}

// draft is what a reader found for one article, before finish checks it and fills in
// the defaults.
type draft struct {
	url, title, publisher string
	published             time.Time
	err                   error  // what is wrong with this record: bad JSON on its line, a date that does not parse
	text                  string // the body after Clean
	record                int    // 1-based index in a multi-record input; 0 for a single article
	line                  int    // line where the record starts, for error messages; 0 if unknown
}

// finish makes the Article: the ID, the default date, and the checks that every article
// has a body and a date.
func (d draft) finish(source string, opts ReadOptions) (Article, error) {
	a := Article{
		URL:        strings.TrimSpace(d.url),
		Title:      strings.TrimSpace(d.title),
		Publisher:  strings.TrimSpace(d.publisher),
		Published:  d.published,
		DateSource: "article",
		Source:     source,
		Text:       dropTitleRepeat(d.text, strings.TrimSpace(d.title)),
	}
	if d.err != nil {
		return Article{}, d.err
	}
	if a.Text == "" {
		return Article{}, ErrNoText
	}
	if a.Published.IsZero() {
		if opts.DefaultDate.IsZero() {
			return Article{}, ErrNoDate
		}
		a.Published, a.DateSource = opts.DefaultDate, "default"
	}
	key := a.URL
	if key == "" {
		key = a.Text
	}
	sum := sha256.Sum256([]byte(key))
	a.ID = "art:" + hex.EncodeToString(sum[:])[:12]
	return a, nil
}

// dropTitleRepeat drops a first paragraph that only repeats the headline.
func dropTitleRepeat(text, title string) string {
	first, rest, _ := strings.Cut(text, "\n\n")
	if title != "" && repeatKey(first) == repeatKey(title) {
		return rest
	}
	return text
}

// dateLayouts are the date forms found in scraped records, feeds and page metadata.
// Forms without a zone are read as UTC; a bare day is UTC midnight.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05.999999999Z0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04:05",
	"2006-01-02T15:04:05.999999999",
	"2006-01-02T15:04",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02 15:04:05 MST",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	"2006-01-02",
	"2006/01/02",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	"Mon, 2 Jan 2006 15:04 -0700",
	"Mon, 2 Jan 2006 15:04 MST",
	"Mon, 2 Jan 06 15:04:05 -0700",
	"Mon, 2 Jan 06 15:04:05 MST",
	"2 Jan 2006 15:04:05 -0700",
	"2 Jan 2006 15:04:05 MST",
	time.RubyDate,
	time.UnixDate,
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
	"January 2, 2006 15:04",
	"January 2, 2006",
	"Jan 2, 2006",
	"Jan. 2, 2006",
	"January 2 2006",
	"Jan 2 2006",
	"2 January 2006",
	"2 Jan 2006",
	"02.01.2006",
}

// parseDate reads a publication date in any of dateLayouts, or as Unix seconds or
// milliseconds.
func parseDate(s string) (time.Time, error) {
	s = strings.Join(strings.Fields(s), " ")
	for _, l := range dateLayouts {
		if t, err := time.Parse(l, s); err == nil {
			return t, nil
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 1e8 {
		if n > 1e11 {
			return time.UnixMilli(n).UTC(), nil
		}
		return time.Unix(n, 0).UTC(), nil
	}
	return time.Time{}, fmt.Errorf("%w %q", ErrBadDate, s)
}

// leadingDateRE matches a date at the start of a line of text: ISO (with an optional
// time), "July 17, 2020", "17 July 2020", each perhaps after a weekday ("Friday, …").
// The first group is the date without the weekday.
var leadingDateRE = regexp.MustCompile(`^(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?,?\s+)?` +
	`(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?` +
	`|(?:` + monthRE + `)\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:` + monthRE + `)\.?,?\s+\d{4})\b`)

const monthRE = `Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?`

// leadingDate reads a date at the start of s and returns what follows it.
func leadingDate(s string) (t time.Time, rest string, ok bool) {
	m := leadingDateRE.FindStringSubmatchIndex(s)
	if m == nil {
		return time.Time{}, s, false
	}
	d := s[m[2]:m[3]]
	t, err := parseDate(d)
	if err != nil {
		// "Sept. 5 2020", "Aug 5 2020": no layout has every abbreviation and comma.
		t, err = parseDate(monthFixer.Replace(strings.NewReplacer(".", "", ",", "").Replace(d)))
	}
	if err != nil {
		return time.Time{}, s, false
	}
	return t, strings.TrimSpace(s[m[1]:]), true
}

var monthFixer = strings.NewReplacer("Sept ", "Sep ", "June ", "Jun ", "July ", "Jul ")
