package extract

import (
	"strings"
	"testing"
)

func TestAnalyzeSentences(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string // sentence texts
	}{
		{"two sentences", "Russia said it was ready. Armenia agreed.", []string{"Russia said it was ready.", "Armenia agreed."}},
		{"abbreviations do not split", "Mr. Putin met U.S. officials on Jan. 5 in Moscow.", []string{"Mr. Putin met U.S. officials on Jan. 5 in Moscow."}},
		{"closing quote stays with its sentence", `Peskov said "the situation is calm." Talks resumed.`, []string{`Peskov said "the situation is calm."`, "Talks resumed."}},
		{"line breaks end sentences", "Fighting Between Armenia and Azerbaijan Widens\nThe fighting broke out on July 12.", []string{"Fighting Between Armenia and Azerbaijan Widens", "The fighting broke out on July 12."}},
		{"lowercase after period does not split", "Talks resumed at 3 p.m. on Friday.", []string{"Talks resumed at 3 p.m. on Friday."}},
		{"question and exclamation", "Who fired first? Nobody knows! Both deny it.", []string{"Who fired first?", "Nobody knows!", "Both deny it."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Analyze(Article{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, s := range d.Sentences {
				got = append(got, s.Text)
				if tt.text[s.Offset:s.Offset+len(s.Text)] != s.Text {
					t.Errorf("offset %d does not point at %q", s.Offset, s.Text)
				}
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("sentences:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestAnalyzeParagraphsAndTokens(t *testing.T) {
	text := "Armenia accused Azerbaijan of shelling.\n\n\"We are ready to mediate,\" Peskov said — quoted by Interfax."
	d, err := Analyze(Article{Text: text})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Sentences) != 2 {
		t.Fatalf("got %d sentences, want 2", len(d.Sentences))
	}
	if d.Sentences[0].Paragraph != 0 || d.Sentences[1].Paragraph != 1 {
		t.Errorf("paragraphs = %d, %d; want 0, 1", d.Sentences[0].Paragraph, d.Sentences[1].Paragraph)
	}
	want := map[string]struct{ tag, lemma string }{
		"accused":  {"VBD", "accuse"},
		"shelling": {"VBG", "shell"},
		`"`:        {"``", `"`},
		"—":        {":", "—"},
		"mediate":  {"VB", "mediate"},
	}
	for _, s := range d.Sentences {
		for _, tok := range s.Tokens {
			if s.Text[tok.Start:tok.Start+len(tok.Text)] != tok.Text {
				t.Errorf("token %q: start %d is wrong", tok.Text, tok.Start)
			}
			w, ok := want[tok.Text]
			if !ok {
				continue
			}
			delete(want, tok.Text)
			if tok.Tag != w.tag || tok.Lemma != w.lemma {
				t.Errorf("%q: tag %s lemma %q, want %s %q", tok.Text, tok.Tag, tok.Lemma, w.tag, w.lemma)
			}
		}
	}
	for tok := range want {
		t.Errorf("token %q not found", tok)
	}
}

func BenchmarkAnalyze(b *testing.B) {
	text := strings.Repeat("Russia said Friday it is prepared to mediate peace talks between Armenia and Azerbaijan after fighting escalated along their shared border. ", 200)
	words := len(strings.Fields(text))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if _, err := Analyze(Article{Text: text}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}
