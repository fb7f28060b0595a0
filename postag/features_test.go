package postag

import (
	"strings"
	"testing"
)

func TestNormalForm(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"-LRB-", "("}, {"-RRB-", ")"}, {"-LSB-", "["}, {"-RCB-", "}"},
		{"``", `"`}, {"''", `"`}, {"“", `"`}, {"”", `"`}, {"«", `"`},
		{"‘", "'"}, {"’", "'"}, {"`", "'"},
		{"n’t", "n't"}, {"’s", "'s"}, {"O’Brien", "O'Brien"},
		{"(", "("}, {"troops", "troops"}, {"-", "-"}, {"--", "--"},
	} {
		if got := normalForm(tc.in); got != tc.want {
			t.Errorf("normalForm(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func analyzed(s string) word {
	var w word
	w.analyze(s, nil)
	return w
}

// TestAnalyzeSameAndDifferent checks which words look alike to the model:
// escapes and the characters they stand for are the same word; words of one
// shape share it, and numbers share their digits' shape.
func TestAnalyzeSameAndDifferent(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		field string
		same  bool
	}{
		{"-LRB-", "(", "all", true},
		{"``", "“", "all", true},
		{"n't", "n’t", "all", true},
		{"''", "``", "all", true},
		{"Azerbaijan", "azerbaijan", "lower", true},
		{"Azerbaijan", "azerbaijan", "cased", false},
		{"Azerbaijan", "Armenians", "shape", true},
		{"Azerbaijan", "AZERBAIJAN", "shape", false},
		{"2020", "1994", "lower", true},
		{"2020", "20", "shape", false},
		{"seized", "squeezed", "suf3", true},
		{"seized", "seizes", "suf3", false},
		{"ceasefire", "ceasefires", "pre4", true},
	} {
		a, b := analyzed(tc.a), analyzed(tc.b)
		var same bool
		switch tc.field {
		case "all":
			same = a == b
		case "lower":
			same = a.lower == b.lower
		case "cased":
			same = a.cased == b.cased
		case "shape":
			same = a.shape == b.shape && a.flags == b.flags
		case "suf3":
			same = a.suf[2] == b.suf[2]
		case "pre4":
			same = a.pre[3] == b.pre[3]
		}
		if same != tc.same {
			t.Errorf("%q and %q: same %s = %v, want %v", tc.a, tc.b, tc.field, same, tc.same)
		}
	}
}

func TestQuotes(t *testing.T) {
	words := strings.Fields(`" We stay , " he said , " and fight . ''`)
	ws := make([]word, len(words))
	for i, w := range words {
		ws[i].analyze(w, nil)
	}
	quotes(ws)
	want := map[int]uint64{0: quoteOpen, 4: quoteClose, 8: quoteOpen, 12: quoteClose}
	for i := range ws {
		if ws[i].quote != want[i] {
			t.Errorf("word %d %q: quote %d, want %d", i, words[i], ws[i].quote, want[i])
		}
	}
}

func TestSentenceCase(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want uint64
	}{
		{"Troops seized the town on Tuesday .", sentPlain},
		{"Troops Seize Town After Heavy Fighting", sentTitle},
		{"TROOPS SEIZE TOWN AFTER HEAVY FIGHTING", sentCapitals},
		{"UN Says", sentPlain}, // too short to tell
	} {
		words := strings.Fields(tc.s)
		ws := make([]word, len(words)+2*pad)
		for i, w := range words {
			ws[pad+i].analyze(w, nil)
		}
		if got := sentenceCase(ws); got != tc.want {
			t.Errorf("sentenceCase(%q) = %d, want %d", tc.s, got, tc.want)
		}
	}
}
