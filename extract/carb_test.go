package extract

import (
	"bytes"
	"strconv"
	"strings"
	"testing"
)

func TestWriteCarb(t *testing.T) {
	// Tokenised like the CaRB sentences: punctuation split off by spaces.
	sentences := []string{
		"The treaty was signed by Egypt and Israel in 1979 .",
		"Norway , which hosted the talks , said the deal would hold .",
		"Hello .",
	}
	var buf bytes.Buffer
	if err := WriteCarb(&buf, sentences); err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(buf.String(), "\n"), "\n")
	want := map[string]bool{
		"The treaty was signed by Egypt and Israel in 1979 .\twas signed by\tThe treaty\tEgypt and Israel\tin 1979": false,
		"Norway , which hosted the talks , said the deal would hold .\thosted\tNorway\tthe talks":                   false,
		"Norway , which hosted the talks , said the deal would hold .\tsaid\tNorway\tthe deal would hold":           false,
		"Norway , which hosted the talks , said the deal would hold .\twould hold\tthe deal\t":                      false,
	}
	for _, l := range lines {
		f := strings.Split(l, "\t")
		if len(f) < 5 {
			t.Errorf("line %q: %d fields, want sentence, confidence, relation, arg1, arg2…", l, len(f))
			continue
		}
		c, err := strconv.ParseFloat(f[1], 64)
		if err != nil || c <= 0 || c >= 1 {
			t.Errorf("line %q: confidence %q not in (0, 1)", l, f[1])
		}
		if f[0] == "Hello ." {
			t.Errorf("a sentence without a verb gave %q", l)
		}
		key := f[0] + "\t" + strings.Join(f[2:], "\t")
		if _, ok := want[key]; ok {
			want[key] = true
		}
	}
	for k, seen := range want {
		if !seen {
			t.Errorf("missing tuple %q in\n%s", k, buf.String())
		}
	}
}

func TestWriteCarbBadSentence(t *testing.T) {
	var buf bytes.Buffer
	err := WriteCarb(&buf, []string{"Egypt hosted talks .", "a\tb", "Qatar hosted talks ."})
	if err == nil || !strings.Contains(err.Error(), "sentence 2") {
		t.Fatalf("err = %v, want one naming sentence 2", err)
	}
	if n := strings.Count(buf.String(), "\thosted\t"); n != 2 {
		t.Errorf("the good sentences gave %d tuples with 'hosted', want 2:\n%s", n, buf.String())
	}
}

// TestClauseScoreOrder checks that the confidences rank constructions by how often they
// are right: each row names a clause (by relation and subject) that must score above
// another of the same sentence.
func TestClauseScoreOrder(t *testing.T) {
	tests := []struct {
		sentence      string
		higher, lower string // "rel|arg1"
	}{
		{"The envoy met the ministers in Baku , and flew home .", "met|The envoy", "flew|The envoy"},
		{"The envoy met the ministers in Baku , and the talks ended .", "met|The envoy", "ended|the talks"},
		{"The mayor signed the long agreement on river transport , and the deputy signed it .", "signed|The mayor", "signed|the deputy"},
		{"Monitors from the Red Cross in Geneva visited the camp .", "visited|Monitors from the Red Cross in Geneva", "is in|the Red Cross"},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			s := analyseOne(t, tt.sentence)
			score := map[string]float64{}
			var got []string
			for _, cl := range Clauses(s, nil) {
				k := cl.Rel + "|" + s.text(cl.Arg1)
				score[k] = ClauseScore(s, cl)
				got = append(got, k+" "+strconv.FormatFloat(score[k], 'f', 2, 64))
			}
			hi, okh := score[tt.higher]
			lo, okl := score[tt.lower]
			if !okh || !okl {
				t.Fatalf("want clauses %q and %q, got %v", tt.higher, tt.lower, got)
			}
			if hi <= lo {
				t.Errorf("%q scores %.2f, not above %q at %.2f", tt.higher, hi, tt.lower, lo)
			}
		})
	}
}

func TestLineTokens(t *testing.T) {
	tests := []struct{ line, want string }{
		{"He said `` no '' -LRB- twice -RRB- .", "He|said|``|no|''|-LRB-|twice|-RRB-|."},
		{"Gen. V. Petrov ca n't come .", "Gen.|V.|Petrov|ca|n't|come|."},
		{"Troops left Lachin.", "Troops|left|Lachin|."},
		{"Armenia's army didn't move", "Armenia|'s|army|did|n't|move"},
		{"  ", ""},
	}
	for _, tt := range tests {
		var got []string
		for _, tok := range lineTokens(tt.line) {
			if tt.line[tok.Start:tok.End()] != tok.Text {
				t.Errorf("%q: token %q at %d does not match the line", tt.line, tok.Text, tok.Start)
			}
			got = append(got, tok.Text)
		}
		if g := strings.Join(got, "|"); g != tt.want {
			t.Errorf("lineTokens(%q) = %s, want %s", tt.line, g, tt.want)
		}
	}
}

// TestCarbAgreement checks how the two readers combine: a clause both find is written
// once and is more confident than the same kind of clause only one of them finds.
func TestCarbAgreement(t *testing.T) {
	both := Clause{Kind: KindActive, Arg1: Span{0, 1}, Rel: "seized", Verb: 1, Arg2: Span{2, 3}}
	other := Clause{Kind: KindActive, Arg1: Span{4, 5}, Rel: "fled", Verb: 5}
	tests := []struct {
		a, b Clause
		want bool
	}{
		{both, both, true},
		{both, other, false},
		{both, Clause{Kind: KindActive, Arg1: Span{0, 2}, Verb: 1}, true},  // wider subject, same verb
		{both, Clause{Kind: KindActive, Arg1: Span{2, 3}, Verb: 1}, false}, // same verb, another subject
		{Clause{Kind: KindPossessive, Arg1: Span{0, 1}, Verb: -1, Arg2: Span{2, 4}}, Clause{Kind: KindPossessive, Arg1: Span{0, 1}, Verb: -1, Arg2: Span{3, 4}}, true},
		{Clause{Kind: KindPossessive, Arg1: Span{0, 1}, Verb: -1, Arg2: Span{2, 4}}, Clause{Kind: KindApposition, Arg1: Span{0, 1}, Verb: -1, Arg2: Span{2, 4}}, false},
		{Clause{Kind: KindPossessive, Arg1: Span{0, 1}, Verb: -1, Arg2: Span{2, 4}}, both, false},
	}
	for _, tt := range tests {
		if got := agree(tt.a, tt.b); got != tt.want {
			t.Errorf("agree(%+v, %+v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}

	s, tr := parsed(t, "Troops/NNS/2/nsubj seized/VBD/0/root Shusha/NNP/2/obj ././2/punct")
	out := carbClauses(s, s, tr)
	if len(out) != 1 || out[0].Rel != "seized" {
		t.Fatalf("got %v, want the one clause both readers find, once", out)
	}
	if want := ClauseScore(s, out[0].Clause) + bothReaders; out[0].score != want {
		t.Errorf("score %.2f, want %.2f (raised for agreement)", out[0].score, want)
	}
}
