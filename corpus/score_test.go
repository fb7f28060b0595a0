package corpus

import (
	"math"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/extract"
)

func ent(id, typ string) extract.Entity { return extract.Entity{ID: id, Type: typ} }

// fact builds an extracted fact of article "art:1" unless art is given.
func fact(subj, pred, class, obj, date string, art ...string) extract.Fact {
	a := "art:1"
	if len(art) > 0 {
		a = art[0]
	}
	return extract.Fact{
		Article: a, Subject: ent(subj, extract.TypeCountry), Predicate: pred, Class: class,
		Object: ent(obj, extract.TypeCountry), Date: date, Modality: extract.Asserted,
	}
}

// want builds an expected fact of article "art:1" from the expected.tsv fields.
func want(subj, preds, class, obj, date string) ExpectedFact {
	w := ExpectedFact{Source: "a.txt", Article: "art:1", Subject: strings.Split(subj, "|"),
		Class: class, Object: strings.Split(obj, "|"), Date: date}
	if preds != "*" {
		w.Predicates = strings.Split(preds, "|")
	}
	return w
}

func TestScoreMatching(t *testing.T) {
	tests := []struct {
		name  string
		got   extract.Fact
		want  ExpectedFact
		match bool
	}{
		{"same predicate and class", fact("ent:a", "accuse", "accuse", "ent:b", ""), want("ent:a", "accuse", "accuse", "ent:b", ""), true},
		{"other predicate, same class", fact("ent:a", "blame", "accuse", "ent:b", ""), want("ent:a", "accuse", "accuse", "ent:b", ""), true},
		{"accepted predicate, other class", fact("ent:a", "blame", "statement", "ent:b", ""), want("ent:a", "accuse|blame", "accuse", "ent:b", ""), true},
		{"class only expected", fact("ent:a", "clash_with", "fight", "ent:b", ""), want("ent:a", "*", "fight", "ent:b", ""), true},
		{"predicate and class both wrong", fact("ent:a", "meet", "consult", "ent:b", ""), want("ent:a", "accuse", "accuse", "ent:b", ""), false},
		{"wrong object", fact("ent:a", "accuse", "accuse", "ent:c", ""), want("ent:a", "accuse", "accuse", "ent:b", ""), false},
		{"wrong subject", fact("ent:c", "accuse", "accuse", "ent:b", ""), want("ent:a", "accuse", "accuse", "ent:b", ""), false},
		{"swap refused for accuse", fact("ent:b", "accuse", "accuse", "ent:a", ""), want("ent:a", "accuse", "accuse", "ent:b", ""), false},
		{"swap allowed for fight", fact("ent:b", "fight", "fight", "ent:a", ""), want("ent:a", "fight", "fight", "ent:b", ""), true},
		{"swap allowed for negotiate", fact("ent:b", "negotiate", "negotiate", "ent:a", ""), want("ent:a", "*", "negotiate", "ent:b", ""), true},
		{"swap allowed for consult", fact("ent:b", "meet", "consult", "ent:a", ""), want("ent:a", "meet", "consult", "ent:b", ""), true},
		{"swap allowed for agree", fact("ent:b", "agree", "agree", "ent:a", ""), want("ent:a", "agree", "agree", "ent:b", ""), true},
		{"alternative object", fact("ent:a", "visit", "consult", "ent:kyiv", ""), want("ent:a", "visit", "consult", "ent:kyiv|ent:ukraine", ""), true},
		{"other article", fact("ent:a", "accuse", "accuse", "ent:b", "", "art:2"), want("ent:a", "accuse", "accuse", "ent:b", ""), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Score([]extract.Fact{tt.got}, []ExpectedFact{tt.want})
			found := r.Overall.Found == 1
			if found != tt.match {
				t.Fatalf("found = %v, want %v\n%s", found, tt.match, r)
			}
			if correct := r.Overall.Correct == 1; correct != tt.match {
				t.Errorf("correct = %v, want %v", correct, tt.match)
			}
			if tt.match && (len(r.Misses) != 0 || len(r.False) != 0) {
				t.Errorf("a match left misses %v and false facts %v", r.Misses, r.False)
			}
			if !tt.match && (len(r.Misses) != 1 || len(r.False) != 1) {
				t.Errorf("no match, yet misses %d and false facts %d", len(r.Misses), len(r.False))
			}
		})
	}
}

func TestScoreCounts(t *testing.T) {
	wants := []ExpectedFact{
		want("ent:a", "accuse", "accuse", "ent:b", "2020-07-12"),
		want("ent:b", "accuse", "accuse", "ent:a", "2020-07-12"),
		want("ent:ru", "mediate", "mediate", "conflict:a--b", "2020-07-17"),
		want("ent:c", "seize", "seize", "ent:d", ""),
	}
	wants[2].Modality = extract.Intent
	got := []extract.Fact{
		fact("ent:a", "accuse", "accuse", "ent:b", "2020-07-12"),
		// The same edge from a second sentence with another date: one distinct fact, and
		// the expectation's date counts as right because one of them has it.
		fact("ent:a", "accuse", "accuse", "ent:b", "2020-07-17"),
		fact("ent:ru", "mediate", "mediate", "conflict:a--b", "2020-07-16"),
		fact("ent:x", "say", "statement", "ent:y", "2020-07-17"),
	}
	got[2].Modality = extract.Intent
	r := Score(got, wants)

	if c := r.Overall; c != (Counts{Got: 3, Correct: 2, Want: 4, Found: 2}) {
		t.Fatalf("overall counts %+v\n%s", c, r)
	}
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	if p, rc, f := r.Overall.Precision(), r.Overall.Recall(), r.Overall.F1(); !near(p, 2.0/3) || !near(rc, 0.5) || !near(f, 4.0/7) {
		t.Errorf("precision %v recall %v F1 %v, want 2/3, 1/2, 4/7", p, rc, f)
	}
	if r.DatesChecked != 2 || r.DatesRight != 1 {
		t.Errorf("dates %d/%d, want 1/2 (the mediation is dated a day early)", r.DatesRight, r.DatesChecked)
	}
	if r.ModalityChecked != 1 || r.ModalityRight != 1 {
		t.Errorf("modality %d/%d, want 1/1", r.ModalityRight, r.ModalityChecked)
	}
	wantClasses := map[string]Counts{
		"accuse":    {Got: 1, Correct: 1, Want: 2, Found: 1},
		"mediate":   {Got: 1, Correct: 1, Want: 1, Found: 1},
		"seize":     {Want: 1},
		"statement": {Got: 1},
	}
	for k, c := range wantClasses {
		if r.ByClass[k] != c {
			t.Errorf("class %s: %+v, want %+v", k, r.ByClass[k], c)
		}
	}
	if len(r.ByClass) != len(wantClasses) {
		t.Errorf("classes %v, want %v", r.ByClass, wantClasses)
	}
	if len(r.Misses) != 2 || r.Misses[0].Subject[0] != "ent:b" || r.Misses[1].Subject[0] != "ent:c" {
		t.Errorf("misses %+v", r.Misses)
	}
	if len(r.False) != 1 || r.False[0].Subject.ID != "ent:x" {
		t.Errorf("false facts %+v", r.False)
	}
	if len(r.Matches) != 2 || r.Matches[0].Got.Date != "2020-07-12" {
		t.Errorf("matches %+v: the best match of the accusation is the correctly dated one", r.Matches)
	}
	s := r.String()
	for _, w := range []string{"precision 0.667 (2/3)", "recall 0.500 (2/4)", "miss  expected.tsv:0 a.txt: ent:c seize/seize ent:d", "false art:1: ent:x say/statement ent:y"} {
		if !strings.Contains(s, w) {
			t.Errorf("report lacks %q:\n%s", w, s)
		}
	}
}

func TestScoreEmpty(t *testing.T) {
	r := Score(nil, nil)
	if r.Overall.Precision() != 0 || r.Overall.Recall() != 0 || r.Overall.F1() != 0 || r.DateAccuracy() != 0 {
		t.Errorf("empty report is not all zero: %+v", r)
	}
	r = Score([]extract.Fact{fact("ent:a", "x", "", "ent:b", "")}, nil)
	if r.ByClass[NoClass].Got != 1 {
		t.Errorf("a fact without class is not counted under %s: %v", NoClass, r.ByClass)
	}
}

func TestBind(t *testing.T) {
	arts := []extract.Article{
		{ID: "art:t", Source: "corpus/articles/raw/a.txt"},
		// A reader that numbers records from 0, listed out of order.
		{ID: "art:f1", Source: "/tmp/x/articles/feeds/f.xml#1"},
		{ID: "art:f0", Source: "/tmp/x/articles/feeds/f.xml#0"},
		{ID: "art:s", Source: `C:\corpus\articles\json\s.json#1`},
	}
	wants := []ExpectedFact{
		{Source: "raw/a.txt", Line: 1},
		{Source: "feeds/f.xml#1", Line: 2},
		{Source: "feeds/f.xml#2", Line: 3},
		{Source: "json/s.json", Line: 4},
		{Source: "json/s.json#1", Line: 5},
	}
	got, err := Bind(wants, arts)
	if err != nil {
		t.Fatal(err)
	}
	for i, id := range []string{"art:t", "art:f0", "art:f1", "art:s", "art:s"} {
		if got[i].Article != id {
			t.Errorf("%s bound to %q, want %q", wants[i].Source, got[i].Article, id)
		}
	}
	if wants[0].Article != "" {
		t.Error("Bind changed its input")
	}

	_, err = Bind([]ExpectedFact{
		{Source: "raw/missing.txt", Line: 7},
		{Source: "feeds/f.xml#3", Line: 8},
		{Source: "feeds/f.xml", Line: 9},
		{Source: "a.txt", Line: 10},
	}, append(arts, extract.Article{ID: "art:u", Source: "other/a.txt"}))
	if err == nil {
		t.Fatal("no error for unknown sources")
	}
	for _, w := range []string{
		"expected.tsv:7: raw/missing.txt: no article read from this file",
		"expected.tsv:8: feeds/f.xml#3: file has 2 records, no record 3",
		"expected.tsv:9: feeds/f.xml: file has 2 records, name one with #n",
		"expected.tsv:10: a.txt: several files end with this path",
	} {
		if !strings.Contains(err.Error(), w) {
			t.Errorf("error %q lacks %q", err, w)
		}
	}
}

func TestForbidden(t *testing.T) {
	abs, err := BindAbsences([]Absence{{Source: "a.txt", IDs: []string{"ent:credit", "ent:paper"}}},
		[]extract.Article{{ID: "art:1", Source: "a.txt"}, {ID: "art:2", Source: "b.txt"}})
	if err != nil {
		t.Fatal(err)
	}
	quoted := fact("ent:a", "say", "statement", "ent:b", "")
	quoted.AttributedTo = "ent:paper"
	got := []extract.Fact{
		fact("ent:a", "accuse", "accuse", "ent:b", ""),
		fact("ent:credit", "take", "seize", "ent:b", ""),
		fact("ent:a", "thank", "cooperate", "ent:paper", ""),
		quoted,
		fact("ent:credit", "take", "seize", "ent:b", "", "art:2"), // allowed in another article
	}
	bad := Forbidden(got, abs)
	if len(bad) != 3 || bad[0].Subject.ID != "ent:credit" || bad[1].Object.ID != "ent:paper" || bad[2].AttributedTo != "ent:paper" {
		t.Errorf("forbidden facts %+v", bad)
	}
}
