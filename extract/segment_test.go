package extract

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/jdkato/prose/v3/tokenize"
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

// TestAnalyzeTags checks the lexicon and the corrections of fixTags: each sentence is one
// where the tagger alone gets the word wrong, or a control where a rule must not fire.
func TestAnalyzeTags(t *testing.T) {
	tests := []struct {
		name, text, word, want string
	}{
		{"modal tag on a time word", "The ministers met Bayramov overnight.", "overnight", "RB"},
		{"bare verb after a modal", "Armenia must hand back the districts.", "hand", "VB"},
		{"bare verb after a modal and an adverb", "Armenia must now hand back the districts.", "hand", "VB"},
		{"past tense coordinated after and", "Armenia rejected the plan and accused Russia of bias.", "accused", "VBD"},
		{"adjective heading a subject", "The Israeli military struck Gaza on Monday.", "military", "NN"},
		{"adjective before its noun stays", "The Israeli military said the strike hit a depot.", "Israeli", "NNP"},
		{"lexicon noun", "The U.S. envoy met Aliyev in Baku.", "envoy", "NN"},
		{"lexicon past tense", "Russia withdrew its troops from the region.", "withdrew", "VBD"},
		{"past form after have is a participle", "The two armies have fought over the valley since 1991.", "fought", "VBN"},
		{"modal kept", "The envoy would travel to Cairo.", "would", "MD"},
		{"time word at the end", "The Israeli military said it struck Hezbollah targets overnight.", "overnight", "RB"},
		{"sentence-initial name", "Norway facilitated the talks.", "Norway", "NNP"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Analyze(Article{Text: tt.text})
			if err != nil {
				t.Fatal(err)
			}
			for _, s := range d.Sentences {
				for _, tok := range s.Tokens {
					if tok.Text == tt.word {
						if tok.Tag != tt.want {
							t.Errorf("%q tagged %s, want %s", tok.Text, tok.Tag, tt.want)
						}
						return
					}
				}
			}
			t.Fatalf("token %q not found", tt.word)
		})
	}
}

// TestTagTable checks data/tags.tsv: every word is lower case (an entry covers every
// casing) and carries a tag the rules know, so a slip in the file fails here instead of
// silently fixing a wrong tag.
func TestTagTable(t *testing.T) {
	known := map[string]bool{"NN": true, "NNS": true, "VBD": true, "VBN": true, "RB": true, "JJ": true,
		"VBD|VBN": true, "JJ|RB": true}
	if len(tagLexicon) == 0 || len(tagChoices) == 0 {
		t.Fatalf("tags.tsv: %d single tags, %d choices; want both", len(tagLexicon), len(tagChoices))
	}
	for w, tg := range parseTSV(tagsTSV) {
		if w != strings.ToLower(w) || strings.ContainsAny(w, " \t") {
			t.Errorf("tags.tsv: word %q is not one lower-case word", w)
		}
		if !known[tg] {
			t.Errorf("tags.tsv: %q has tag %q (want one of %v)", w, tg, known)
		}
	}
}

// TestFixTags runs the corrections on hand-tagged tokens, so each rule is checked even
// where today's model happens to tag the sentence right.
func TestFixTags(t *testing.T) {
	tests := []struct {
		name string
		in   string // word/TAG ...
		want string
	}{
		{"past form tagged noun", "She/PRP taught/NN history/NN", "PRP VBD NN"},
		{"past form after be", "It/PRP was/VBD taught/NN in/IN schools/NNS", "PRP VBD VBN IN NNS"},
		{"capitalised past form inside a sentence is left", "the/DT Fought/NNP family/NN", "DT NNP NN"},
		{"modal tag on a non-modal before a noun", "an/DT overnight/MD raid/NN", "DT JJ NN"},
		{"noun after modal", "Armenia/NNP must/MD hand/NN back/RP", "NNP MD VB RP"},
		{"name after modal is left", "Can/MD Russia/NNP help/VB", "MD NNP VB"},
		{"-ed adjective after and with no verb before is left", "tired/JJ and/CC bored/JJ the/DT", "JJ CC JJ DT"},
		{"-ed adjective before a plural is left", "Russia/NNP fought/VBD and/CC armed/JJ groups/NNS", "NNP VBD CC JJ NNS"},
		{"adjective head before a modal", "the/DT military/JJ will/MD", "DT NN MD"},
		{"adjective after a noun is left", "the/DT town/NN quiet/JJ remained/VBD", "DT NN JJ VBD"},
		{"adverb-only word tagged verb", "struck/VBD targets/NNS overnight/VBD ./.", "VBD NNS RB ."},
		{"adverb-only word opening a sentence before a noun", "Overnight/NNP strikes/NNS hit/VBD", "JJ NNS VBD"},
		{"adverb-only word tagged noun is left", "Bayramov/NNP overnight/NN ./.", "NNP NN ."},
		{"past form after become", "it/PRP becomes/VBZ understood/JJ", "PRP VBZ VBN"},
		{"name the tagger calls an adverb", "Norway/RB facilitated/VBD the/DT talks/NNS", "NNP VBD DT NNS"},
		{"-ly adverb opening a sentence is left", "Quickly/RB spread/VBD the/DT news/NN", "RB VBD DT NN"},
		{"known adverb opening a sentence is left", "Then/RB came/VBD the/DT strikes/NNS", "RB VBD DT NNS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var toks []tokenize.Token
			for _, f := range strings.Fields(tt.in) {
				w, tg, _ := strings.Cut(f, "/")
				toks = append(toks, tokenize.Token{Text: w, Tag: tg})
			}
			fixTags(toks)
			var got []string
			for _, tok := range toks {
				got = append(got, tok.Tag)
			}
			if g := strings.Join(got, " "); g != tt.want {
				t.Errorf("got %s, want %s", g, tt.want)
			}
		})
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

// TestTokensSameAsTokenizer checks that passing fields of letters and digits by the
// tokenizer changes no token: on the corpus's raw article files' lines and on random strings of words,
// punctuation, clitics and white space of every kind.
func TestTokensSameAsTokenizer(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "corpus", "articles", "*", "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus articles: %v", err)
	}
	var lines []string
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, strings.Split(string(b), "\n")...)
	}
	parts := []string{"Armenia", "Nagorno-Karabakh", "1994", "3.5", "U.S.", "Mr.", "can't", "Russia's", "don’t",
		"(", ")", `"`, "“", "”", "‘", "'", "$5", "[2]", ",", ".", "...", ":)", "@user", "http://x.org", "a.b@c.org",
		"İstanbul", "日本", "\xff", "", " ", "  ", "\t", "\u00a0", "\u2003", "\r", "x\u200by", "9/11", "--", "``"}
	r := rand.New(rand.NewPCG(7, 11))
	for range 5000 {
		var b strings.Builder
		for range 1 + r.IntN(10) {
			b.WriteString(parts[r.IntN(len(parts))])
			if r.IntN(3) > 0 {
				b.WriteString(" ")
			}
		}
		lines = append(lines, b.String())
	}
	for _, l := range lines {
		if got, want := tokens(l), tokenizer.Tokenize(l); !slices.Equal(got, want) {
			t.Fatalf("tokens(%q) = %v, tokenizer gives %v", l, got, want)
		}
	}
}

// TestTags checks that Tags gives a sentence's words the tags Analyze gives them.
func TestTags(t *testing.T) {
	for _, text := range []string{
		"The ministers met Bayramov overnight.",
		`Peskov said "the situation is calm" — and left.`,
		"Armenia must now hand back the districts, the envoy said on Monday.",
		"‘We will not sign,’ he said.",
	} {
		d, err := Analyze(Article{Text: text})
		if err != nil || len(d.Sentences) != 1 {
			t.Fatalf("Analyze(%q) = %d sentences, %v", text, len(d.Sentences), err)
		}
		var words, want []string
		for _, tok := range d.Sentences[0].Tokens {
			words, want = append(words, tok.Text), append(want, tok.Tag)
		}
		got, err := Tags(words)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, want) {
			t.Errorf("Tags(%q) = %q, Analyze gives %q", words, got, want)
		}
	}
	if got, err := Tags(nil); got != nil || err != nil {
		t.Errorf("Tags(nil) = %q, %v", got, err)
	}
}
