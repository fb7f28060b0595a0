package graph

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"time"

	"github.com/newsgraph/newsgraph/extract"
)

// MaxFactLine is the longest fact line ReadFacts accepts. A fact is a sentence plus a few
// names; a line this long is not one, and reading it whole would only waste memory.
const MaxFactLine = 1 << 20

// LineError is a rejected line of a fact file.
type LineError struct {
	Name string // the input's name, usually its path
	Line int    // 1-based line number
	Err  error  // what is wrong with it
}

func (e *LineError) Error() string { return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err) }
func (e *LineError) Unwrap() error { return e.Err }

// ReadFacts reads facts in the `extract --format jsonl` format (one extract.Fact as JSON per
// line) and groups them by article, in the order articles first appear; each article's metadata
// comes from the url, headline, publisher and published fields of its facts. name is used in
// error messages.
//
// A line that is not valid JSON, lacks article, subject.id, predicate or object.id, has a field
// of the wrong type, or names something the graph cannot hold is rejected with a *LineError;
// every other line is still returned. The error joins all rejections (errors.As finds the first
// *LineError) and any read error, so a caller loads what it got and then reports the error.
func ReadFacts(r io.Reader, name string) ([]extract.Result, error) {
	var (
		results []extract.Result
		index   = map[string]int{} // article ID → position in results
		errs    []error
		br      = bufio.NewReader(r)
	)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br)
		if err != nil && !errors.Is(err, io.EOF) {
			errs = append(errs, fmt.Errorf("read %s: line %d: %w", name, n, err))
			break
		}
		if tooLong {
			errs = append(errs, &LineError{name, n, fmt.Errorf("line longer than %d bytes", MaxFactLine)})
		} else if len(bytes.TrimSpace(line)) > 0 {
			f, perr := parseFact(line)
			if perr != nil {
				errs = append(errs, &LineError{name, n, perr})
			} else {
				i, ok := index[f.Article]
				if !ok {
					i = len(results)
					index[f.Article] = i
					results = append(results, extract.Result{Article: extract.Article{ID: f.Article, Source: name}})
				}
				mergeArticle(&results[i].Article, f)
				results[i].Facts = append(results[i].Facts, f)
			}
		}
		if errors.Is(err, io.EOF) {
			break
		}
	}
	return results, errors.Join(errs...)
}

// readLine reads one line without its end; a line over MaxFactLine is consumed and
// reported as too long rather than held in memory.
func readLine(br *bufio.Reader) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > MaxFactLine+2 { // +2: the line end
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil || (errors.Is(err, io.EOF) && len(line) > 0) {
			line = bytes.TrimRight(line, "\r\n")
		}
		return line, tooLong, err
	}
}

// parseFact decodes and checks one line.
func parseFact(line []byte) (extract.Fact, error) {
	var f extract.Fact
	if err := json.Unmarshal(line, &f); err != nil {
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &syn):
			return f, fmt.Errorf("invalid JSON at byte %d: %v", syn.Offset, syn)
		case errors.As(err, &typ) && typ.Field == "":
			return f, fmt.Errorf("got a JSON %s, want an object (one fact per line)", typ.Value)
		case errors.As(err, &typ):
			return f, fmt.Errorf("%s: wrong type: got JSON %s, want %s", typ.Field, typ.Value, jsonKind(typ.Type))
		default:
			return f, fmt.Errorf("invalid JSON: %v", err)
		}
	}
	if f.Article == "" {
		return f, errors.New("missing article")
	}
	if err := checkIRI("article", f.Article); err != nil {
		return f, err
	}
	if err := checkFact(f); err != nil {
		return f, err
	}
	if f.Published != "" {
		if _, err := time.Parse(time.DateOnly, f.Published); err != nil {
			return f, fmt.Errorf("published: %q is not a YYYY-MM-DD date", f.Published)
		}
	}
	if f.Date != "" && !isDate(f.Date) {
		return f, fmt.Errorf("date: %q is not YYYY-MM-DD, YYYY-MM or YYYY", f.Date)
	}
	return f, nil
}

func isDate(s string) bool {
	for _, layout := range []string{time.DateOnly, "2006-01", "2006"} {
		if _, err := time.Parse(layout, s); err == nil {
			return true
		}
	}
	return false
}

// jsonKind names a Go type the way a JSON author thinks of it.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "string"
	case reflect.Int, reflect.Int64, reflect.Int32:
		return "integer"
	case reflect.Float64, reflect.Float32:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Slice:
		return "array"
	case reflect.Struct, reflect.Map:
		return "object"
	}
	return t.String()
}

// mergeArticle fills the article's metadata from a fact; the first fact that states a field wins.
func mergeArticle(a *extract.Article, f extract.Fact) {
	if a.URL == "" {
		a.URL = f.URL
	}
	if a.Title == "" {
		a.Title = f.Headline
	}
	if a.Publisher == "" {
		a.Publisher = f.Publisher
	}
	if a.Published.IsZero() && f.Published != "" {
		a.Published, _ = time.Parse(time.DateOnly, f.Published) // checked by parseFact
		a.DateSource = "article"
	}
}
