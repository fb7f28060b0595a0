package extract

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
)

// Field names that scrapers (newspaper3k, news-please, trafilatura, NewsAPI, schema.org
// JSON-LD) use for each Article field, in order of preference. Keys are compared after
// lowercasing and dropping "_" and "-", so "published_at" and "publishedAt" are one key.
var (
	urlKeys       = []string{"url", "link", "canonicalurl", "sourceurl", "articleurl"}
	titleKeys     = []string{"title", "headline", "name"}
	dateKeys      = []string{"published", "publishedat", "datepublished", "publishdate", "datepublish", "pubdate", "publicationdate", "date", "created", "createdat"}
	textKeys      = []string{"text", "body", "content", "maintext", "articlebody", "articletext", "fulltext"}
	publisherKeys = []string{"publisher", "source", "sitename", "sourcename", "sourcedomain", "site", "outlet"}
	// listKeys hold the records of a wrapper object: {"articles": […]}.
	listKeys = []string{"articles", "items", "entries", "results", "data"}
)

// readJSON reads one record, an array of records, or an object that wraps the array
// under one of listKeys. A syntax error is one error for the whole input, with its line;
// a record that is not an object is an error for that record only.
func readJSON(text string) ([]draft, error) {
	var top any
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	if err := dec.Decode(&top); err != nil {
		return nil, jsonError(text, err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, &InputError{Line: lineAt([]byte(text), int(dec.InputOffset())),
			Err: fmt.Errorf("%w: data after the first value (JSON Lines holds one whole record per line)", ErrInvalidJSON)}
	}
	var list []any
	listKey := "" // the key of the wrapped array in the original spelling
	switch v := top.(type) {
	case []any:
		list = v
	case map[string]any:
		if pick(normaliseKeys(v), textKeys) == "" {
			list, listKey = wrappedList(v)
		}
		if list == nil {
			return []draft{recordDraft(v)}, nil
		}
	default:
		return nil, fmt.Errorf("%w: want an object or an array of objects, got %s", ErrInvalidJSON, jsonKind(top))
	}
	if len(list) == 0 {
		return nil, ErrNoArticles
	}
	starts := recordLines(text, listKey)
	drafts := make([]draft, len(list))
	for i, rec := range list {
		if obj, ok := rec.(map[string]any); ok {
			drafts[i] = recordDraft(obj)
		} else {
			drafts[i].err = fmt.Errorf("%w (got %s)", ErrNotArticle, jsonKind(rec))
		}
		drafts[i].record = i + 1
		if i < len(starts) {
			drafts[i].line = starts[i]
		}
	}
	return drafts, nil
}

// wrappedList finds the array of records in {"articles": […]} and the like.
func wrappedList(obj map[string]any) ([]any, string) {
	for _, want := range listKeys {
		for k, v := range obj {
			if l, ok := v.([]any); ok && keyFolder.Replace(strings.ToLower(k)) == want {
				return l, k
			}
		}
	}
	return nil, ""
}

// readJSONL reads one record per non-blank line. A bad line is an error for that record
// only.
func readJSONL(text string) []draft {
	var drafts []draft
	for i, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			continue
		}
		var d draft
		var v any
		dec := json.NewDecoder(strings.NewReader(line))
		dec.UseNumber()
		if err := dec.Decode(&v); err != nil {
			d.err = fmt.Errorf("%w: %w", ErrInvalidJSON, err)
		} else if _, err := dec.Token(); err != io.EOF {
			d.err = fmt.Errorf("%w: more than one value on the line", ErrInvalidJSON)
		} else if obj, ok := v.(map[string]any); ok {
			d = recordDraft(obj)
		} else {
			d.err = fmt.Errorf("%w (got %s)", ErrNotArticle, jsonKind(v))
		}
		d.record, d.line = len(drafts)+1, i+1
		drafts = append(drafts, d)
	}
	return drafts
}

// recordDraft maps one scraped record to a draft. A body that holds HTML is reduced to
// its text; a date that does not parse is the record's error.
func recordDraft(obj map[string]any) draft {
	f := normaliseKeys(obj)
	d := draft{url: pick(f, urlKeys), title: pick(f, titleKeys)}
	// trafilatura puts the page URL in "source", which elsewhere names the publisher.
	for _, k := range publisherKeys {
		switch s := scalar(f[k]); {
		case strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://"):
			if d.url == "" {
				d.url = s
			}
		case s != "" && d.publisher == "":
			d.publisher = s
		}
	}
	if ds := pick(f, dateKeys); ds != "" {
		t, err := parseDate(ds)
		if err != nil {
			d.err = err
		}
		d.published = t
	}
	d.text = bodyText(pick(f, textKeys))
	return d
}

// bodyText cleans a record's body, stripping HTML markup when there is any.
func bodyText(s string) string {
	if looksLikeHTML(s) {
		return Clean(strings.Join(fragmentBlocks(s), "\n\n"))
	}
	return Clean(s)
}

var keyFolder = strings.NewReplacer("_", "", "-", "")

// normaliseKeys lowercases the keys of obj and drops "_" and "-" from them.
func normaliseKeys(obj map[string]any) map[string]any {
	out := make(map[string]any, len(obj))
	for k, v := range obj {
		k = keyFolder.Replace(strings.ToLower(k))
		if _, dup := out[k]; !dup {
			out[k] = v
		}
	}
	return out
}

// pick returns the first non-empty value under keys as a string. Objects give their
// "name" or "@value" ({"publisher": {"name": "Reuters"}}), arrays their first usable
// element, numbers their decimal form (Unix time stamps).
func pick(fields map[string]any, keys []string) string {
	for _, k := range keys {
		if s := scalar(fields[k]); s != "" {
			return s
		}
	}
	return ""
}

func scalar(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	case map[string]any:
		return pick(normaliseKeys(v), []string{"name", "@value", "value", "href", "url"})
	case []any:
		for _, e := range v {
			if s := scalar(e); s != "" {
				return s
			}
		}
	}
	return ""
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "a boolean"
	case json.Number:
		return "a number"
	case string:
		return "a string"
	case []any:
		return "an array"
	}
	return "an object"
}

// jsonError turns a decoding error into an InputError with the line it happened on.
func jsonError(text string, err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	off := -1
	switch {
	case errors.As(err, &se):
		off = int(se.Offset)
	case errors.As(err, &te):
		off = int(te.Offset)
	case errors.Is(err, io.ErrUnexpectedEOF):
		off = len(text)
		err = errors.New("unexpected end of input")
	}
	ie := &InputError{Err: fmt.Errorf("%w: %w", ErrInvalidJSON, err)}
	if off >= 0 {
		ie.Line = lineAt([]byte(text), min(off, len(text)))
	}
	return ie
}

// recordLines returns the line on which each element of the top-level array starts, or
// of the array under key when the top level is an object; for errors about one record.
func recordLines(text, key string) []int {
	data := []byte(text)
	dec := json.NewDecoder(strings.NewReader(text))
	if tok, err := dec.Token(); err != nil || (key == "" && tok != json.Delim('[')) {
		return nil
	}
	for key != "" {
		tok, err := dec.Token()
		if err != nil {
			return nil
		}
		if tok == key {
			if tok, err := dec.Token(); err != nil || tok != json.Delim('[') {
				return nil
			}
			break
		}
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return nil
		}
	}
	var lines []int
	for dec.More() {
		off := int(dec.InputOffset())
		for off < len(data) && strings.IndexByte(" \t\r\n,", data[off]) >= 0 {
			off++
		}
		lines = append(lines, lineAt(data, off))
		var skip json.RawMessage
		if err := dec.Decode(&skip); err != nil {
			return lines
		}
	}
	return lines
}

// isJSONLines reports whether text holds several JSON values, one per line: its first
// non-blank line is a whole JSON object and more follows it, which one JSON document
// cannot do.
func isJSONLines(text string) bool {
	text = strings.TrimLeft(text, " \t\r\n")
	first, rest, _ := strings.Cut(text, "\n")
	return json.Valid([]byte(first)) && strings.TrimSpace(rest) != ""
}

// looksLikeHTML reports whether s holds HTML tags or entities.
func looksLikeHTML(s string) bool {
	for i := strings.IndexByte(s, '<'); i >= 0 && i+1 < len(s); {
		c := s[i+1]
		if c == '/' || c == '!' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' {
			if j := strings.IndexByte(s[i:], '>'); j > 0 {
				return true
			}
		}
		n := strings.IndexByte(s[i+1:], '<')
		if n < 0 {
			break
		}
		i += n + 1
	}
	return strings.Contains(s, "&amp;") || strings.Contains(s, "&quot;") || strings.Contains(s, "&#")
}
