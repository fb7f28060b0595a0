package corpus

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestCorpusConsistent checks the corpus invariants: every article file has expectations,
// every expectation names an existing file, and every ID is a listed entity.
func TestCorpusConsistent(t *testing.T) {
	want, err := Expected()
	if err != nil {
		t.Fatal(err)
	}
	abs, err := Absences()
	if err != nil {
		t.Fatal(err)
	}
	ents, err := Entities()
	if err != nil {
		t.Fatal(err)
	}
	files, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	listed := map[string]bool{}
	for _, e := range ents {
		listed[e.ID] = true
	}
	hasFacts := map[string]bool{}
	records := map[string]map[int]bool{}
	for _, w := range want {
		file, n := splitRecord(w.Source)
		hasFacts[file] = true
		if records[file] == nil {
			records[file] = map[int]bool{}
		}
		records[file][n] = true
		for _, id := range append(append([]string(nil), w.Subject...), w.Object...) {
			if !listed[id] {
				t.Errorf("expected.tsv:%d: %s is not in entities.tsv", w.Line, id)
			}
		}
	}
	for _, a := range abs {
		if _, err := fs.Stat(FS, path.Join(Root, a.Source)); err != nil {
			t.Errorf("expected.tsv:%d: %v", a.Line, err)
		}
	}
	onDisk := map[string]bool{}
	for _, f := range files {
		onDisk[f] = true
		if !hasFacts[f] {
			t.Errorf("%s: no expected facts", f)
		}
	}
	for file, ns := range records {
		if !onDisk[file] {
			t.Errorf("expected.tsv names %s, which is not under %s/", file, Root)
		}
		// Records are numbered 1…n without gaps; a file is either one article or numbered records.
		if ns[-1] {
			if len(ns) > 1 {
				t.Errorf("%s: mixes whole-file and per-record expectations", file)
			}
			continue
		}
		for i := 1; i <= len(ns); i++ {
			if !ns[i] {
				t.Errorf("%s: record #%d has no expected facts", file, i)
			}
		}
	}
	if n := countArticles(records); n < 36 {
		t.Errorf("corpus has %d articles, want at least 36", n)
	}
}

func countArticles(records map[string]map[int]bool) int {
	n := 0
	for _, ns := range records {
		n += len(ns)
	}
	return n
}

// tagRe and wordRe count the words of a text file, markup aside.
var (
	tagRe  = regexp.MustCompile(`<[^>]*>|&lt;[^&]*&gt;`)
	wordRe = regexp.MustCompile(`[\p{L}\d][\p{L}\d'’.,-]*`)
)

// TestArticleFilesAreSmall keeps the corpus what the brief asks: small files of short
// articles, valid UTF-8, each text file opening with its date line unless it is one of the
// undated ones.
func TestArticleFilesAreSmall(t *testing.T) {
	files, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		b, err := fs.ReadFile(FS, path.Join(Root, f))
		if err != nil {
			t.Fatal(err)
		}
		if !utf8.Valid(b) {
			t.Errorf("%s: not UTF-8", f)
		}
		if len(b) > 8<<10 {
			t.Errorf("%s: %d bytes, keep article files under 8 KiB", f, len(b))
		}
		if strings.HasSuffix(f, ".txt") {
			dated := strings.HasPrefix(string(b), " date ")
			if undated := strings.Contains(f, "nodate"); dated == undated {
				t.Errorf("%s: date line present = %v, but the name says undated = %v", f, dated, undated)
			}
			words := len(wordRe.FindAllString(tagRe.ReplaceAllString(string(b), " "), -1))
			if words < 80 || words > 400 {
				t.Errorf("%s: %d words, want a short article", f, words)
			}
		}
	}
}

func TestParseExpectedErrors(t *testing.T) {
	tests := []struct {
		name, in string
		want     []string // substrings of the error, one per bad line
	}{
		{"good", "# c\n\na.txt ent:x agree|sign agree topic:y 2020-01-02 asserted\n!absent a.txt ent:z\n", nil},
		{"few fields", "a.txt ent:x agree agree\n", []string{"expected.tsv:1: want 5 to 7 fields"}},
		{"bad id", "a.txt Putin agree agree topic:y\n", []string{`expected.tsv:1: bad entity ID "Putin"`}},
		{"bad alternative", "a.txt ent:x agree agree topic:y|Kyiv\n", []string{`bad entity ID "Kyiv"`}},
		{"bad class", "a.txt ent:x agree agreement topic:y\n", []string{`unknown class "agreement"`}},
		{"bad date", "a.txt ent:x agree agree topic:y 12/01/2020\n", []string{`bad date "12/01/2020"`}},
		{"bad modality", "a.txt ent:x agree agree topic:y - maybe\n", []string{`unknown modality "maybe"`}},
		{"bad absent", "!absent a.txt\n", []string{"expected.tsv:1: !absent needs"}},
		{"all reported", "a.txt ent:x agree agree\n\nb.txt X agree agree topic:y\n", []string{"expected.tsv:1:", "expected.tsv:3:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := ParseExpected([]byte(tt.in))
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q does not contain %q", err, w)
				}
			}
		})
	}
}

func TestParseExpectedFields(t *testing.T) {
	facts, abs, err := ParseExpected([]byte(
		"x.jsonl#2  ent:a|ent:b  *  fight  ent:c\n" +
			"y.txt  ent:a  say|tell  statement  topic:d  2020  reported\n" +
			"!absent y.txt ent:e ent:f\n"))
	if err != nil {
		t.Fatal(err)
	}
	if len(facts) != 2 || len(abs) != 1 {
		t.Fatalf("got %d facts and %d absences, want 2 and 1", len(facts), len(abs))
	}
	f := facts[0]
	if f.Source != "x.jsonl#2" || len(f.Subject) != 2 || f.Predicates != nil || f.Class != "fight" || f.Date != "" || f.Line != 1 {
		t.Errorf("first fact parsed as %+v", f)
	}
	f = facts[1]
	if strings.Join(f.Predicates, ",") != "say,tell" || f.Date != "2020" || f.Modality != "reported" || f.Line != 2 {
		t.Errorf("second fact parsed as %+v", f)
	}
	if strings.Join(abs[0].IDs, ",") != "ent:e,ent:f" || abs[0].Line != 3 {
		t.Errorf("absence parsed as %+v", abs[0])
	}
}

func TestParseEntitiesErrors(t *testing.T) {
	_, err := ParseEntities([]byte("ent:a Person A\nent:a Person A again\nent:b Fish B\nBad Country C\nent:c Country\n"))
	if err == nil {
		t.Fatal("no error")
	}
	for _, w := range []string{
		"entities.tsv:2: ent:a already listed on line 1",
		`entities.tsv:3: unknown type "Fish"`,
		`entities.tsv:4: bad entity ID "Bad"`,
		"entities.tsv:5: want ID TYPE NAME",
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q does not contain %q", err, w)
		}
	}
}
