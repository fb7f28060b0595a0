package extract

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"

	"github.com/newsgraph/newsgraph/prosetag"
)

//go:embed data/tags.tsv
var tagsTSV string

// tagLexicon holds the words of data/tags.tsv that carry one tag in every sentence: the
// tagger takes their tag as given, and reads the words after them with it. tagChoices
// holds the words that may carry one of two tags ("VBD|VBN" for "taught", "JJ|RB" for
// "overnight"); fixTags corrects those only when the tagger gives them a third.
var tagLexicon, tagChoices = parseTags(tagsTSV)

// The tokenizer and tagger are safe for concurrent use and costly to build, so every
// Analyze call shares one of each.
var (
	tokenizer = tokenize.New()
	tagger    = sync.OnceValues(func() (*prosetag.Tagger, error) { return prosetag.New(tagLexicon) })
)

// parseTags splits the "word<TAB>tag" table into the tagger's lexicon and the words
// with a choice of two tags ("VBD|VBN", "JJ|RB").
func parseTags(data string) (tag.Lexicon, map[string]string) {
	lex, choices := tag.Lexicon{}, map[string]string{}
	for w, t := range parseTSV(data) {
		if strings.Contains(t, "|") {
			choices[w] = t
		} else {
			lex[w] = t
		}
	}
	return lex, choices
}

// Analyze splits an article's body into sentences of tagged, lemmatised tokens.
//
// Paragraph and line breaks always end a sentence: scraped news puts captions, list
// items and headlines on lines of their own, and a sentence never runs across them.
// Within a line, a sentence ends at a standalone ".", "!" or "?" token (with any closing
// quotes or brackets that follow it). The tokenizer keeps abbreviations such as "Mr." and
// "U.S." whole, so their periods never end a sentence.
func Analyze(a Article) (Document, error) {
	tg, err := tagger()
	if err != nil {
		return Document{}, err
	}
	d := Document{Article: a}
	paragraph, lineStart := 0, 0
	text := a.Text
	for lineStart <= len(text) {
		lineEnd := strings.IndexByte(text[lineStart:], '\n')
		if lineEnd < 0 {
			lineEnd = len(text)
		} else {
			lineEnd += lineStart
		}
		line := text[lineStart:lineEnd]
		if strings.TrimSpace(line) == "" {
			if len(d.Sentences) > 0 && d.Sentences[len(d.Sentences)-1].Paragraph == paragraph {
				paragraph++
			}
		} else {
			d.Sentences = appendSentences(d.Sentences, line, lineStart, paragraph, tg)
		}
		lineStart = lineEnd + 1
	}
	return d, nil
}

// tokens splits text into prose's tokens. The tokenizer splits at white space and
// then peels punctuation, brackets, quotes and clitics off each field; a field of
// letters and digits alone has none of those, and is one token whatever its context.
// Most fields are such words, and passing them by saves the tokenizer's tests (a
// regular expression among them), a fifth of the news pipeline's time.
func tokens(text string) []tokenize.Token {
	return appendTokens(make([]tokenize.Token, 0, len(text)/5+1), text, nil)
}

// appendTokens appends the tokens of text to toks, taking whole the fields of letters
// and digits and those keep (if not nil) holds.
func appendTokens(toks []tokenize.Token, text string, keep func(string) bool) []tokenize.Token {
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if unicode.IsSpace(r) {
			i += size
			continue
		}
		end := i + size
		for end < len(text) {
			r, size := utf8.DecodeRuneInString(text[end:])
			if unicode.IsSpace(r) {
				break
			}
			end += size
		}
		f := text[i:end]
		if alnum(f) || keep != nil && keep(f) {
			toks = append(toks, tokenize.Token{Text: f, Start: i})
		} else {
			for _, t := range tokenizer.Tokenize(f) {
				t.Start += i
				toks = append(toks, t)
			}
		}
		i = end
	}
	return toks
}

// alnum reports whether s holds letters and digits only.
func alnum(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// appendSentences splits one line into sentences and appends them, tagged.
func appendSentences(out []Sentence, line string, base, paragraph int, tg *prosetag.Tagger) []Sentence {
	toks := tokens(line)
	start := 0
	for i := 0; i < len(toks); i++ {
		if !isTerminal(toks[i].Text) {
			continue
		}
		end := i + 1
		for end < len(toks) && isCloser(toks[end].Text) {
			end++
		}
		if end < len(toks) && !startsSentence(toks[end].Text) {
			i = end - 1
			continue
		}
		out = append(out, makeSentence(line, base, paragraph, toks[start:end], tg))
		start, i = end, end-1
	}
	if start < len(toks) {
		out = append(out, makeSentence(line, base, paragraph, toks[start:], tg))
	}
	return out
}

// Tags returns the tags Analyze gives the words of one sentence: prose's tagger's,
// with the lexicon and fixes of this package, quotes tagged by the side they open or
// close and dashes ':'. They are the tags the CaRB path parses on, so the parser's
// training tool scores it on them (and can train on them).
func Tags(words []string) ([]string, error) {
	tg, err := tagger()
	if err != nil {
		return nil, err
	}
	if len(words) == 0 {
		return nil, nil
	}
	toks := make([]tokenize.Token, len(words))
	at := 0
	for i, w := range words {
		toks[i] = tokenize.Token{Text: w, Start: at}
		at += len(w) + 1
	}
	s := makeSentence(strings.Join(words, " "), 0, 0, toks, tg)
	tags := make([]string, len(words))
	for i, t := range s.Tokens {
		tags[i] = t.Tag
	}
	return tags, nil
}

func makeSentence(line string, base, paragraph int, toks []tokenize.Token, tg *prosetag.Tagger) Sentence {
	from, to := toks[0].Start, toks[len(toks)-1].End()
	s := Sentence{Text: line[from:to], Offset: base + from, Paragraph: paragraph, Tokens: make([]Token, len(toks))}
	// The tagger was trained on text whose quotes are `` and '': it mistags our straight and
	// curly quotes and, worse, the words beside them. Tag the words without the quotes.
	words := make([]tokenize.Token, 0, len(toks))
	for _, t := range toks {
		if !isQuote(t.Text) {
			words = append(words, t)
		}
	}
	tg.TagTokens(words)
	fixTags(words)
	w, quoted := 0, false
	for i, t := range toks {
		tok := Token{Text: t.Text, Start: t.Start - from}
		switch {
		case isQuote(t.Text):
			quoted = opensQuote(toks, i, quoted)
			tok.Tag = "''"
			if quoted {
				tok.Tag = "``"
			}
		case isDash(t.Text):
			tok.Tag = ":"
			w++
		default:
			tok.Tag = words[w].Tag
			w++
		}
		tok.Lemma = Lemma(tok.Text, tok.Tag)
		s.Tokens[i] = tok
	}
	return s
}

func isTerminal(s string) bool {
	return s == "." || s == "!" || s == "?" || s == "…"
}

func isCloser(s string) bool {
	return isQuote(s) || s == ")" || s == "]"
}

func isOpener(s string) bool {
	return s == "(" || s == "[" || isDash(s)
}

// opensQuote reports whether the quote toks[i] opens a quotation, given whether one
// is open before it. Penn's and curly quotes say which they are; a straight quote
// opens when it is spaced from the word before it and not from the word after it, and
// closes in the opposite case. Spaced on both sides, as in text already split into
// tokens, it closes the open quotation or opens one.
func opensQuote(toks []tokenize.Token, i int, open bool) bool {
	switch toks[i].Text {
	case "``", "“", "‘", "«":
		return true
	case "''", "”", "’", "»":
		return false
	}
	spacedBefore := i == 0 || toks[i-1].End() < toks[i].Start || isOpener(toks[i-1].Text)
	spacedAfter := i == len(toks)-1 || toks[i+1].Start > toks[i].End()
	if spacedBefore != spacedAfter {
		return spacedBefore
	}
	return !open
}

func isQuote(s string) bool {
	switch s {
	case `"`, "“", "”", "'", "‘", "’", "«", "»", "``", "''":
		return true
	}
	return false
}

func isDash(s string) bool {
	return s == "—" || s == "–" || s == "--"
}

// startsSentence reports whether a token can open a new sentence: a capital letter, a
// digit, or an opening quote or bracket. "e.g. the …" and "… 3 p.m. on" do not split.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || isQuote(s) || s == "(" || s == "["
}

// fixTags corrects the tagger's systematic errors in news text, in order, each from the
// tags around a word (quotes already left out):
//
//  1. An irregular past form that is always a verb ("taught", "fought") but was tagged
//     as something else is a participle after a form of "be", "have", "get" or "become"
//     and a past tense elsewhere. Capitalised inside a sentence it may be part of a name and is left.
//  2. Only the closed class of modals is MD: another word tagged MD, or a word that is
//     only ever an adjective or an adverb ("overnight") tagged as a verb or, opening the
//     sentence, as a name, is an adjective before a common noun and an adverb elsewhere.
//     A noun tag is left: the clause reader already reads such a noun as a time word.
//  3. The word after a modal (adverbs between) is its bare verb ("must hand back"),
//     unless it is capitalised or the tagger already made it a verb.
//  4. "… and accused/JJ Russia": an "-ed" adjective right after a conjunction, before
//     what opens a noun phrase, in a sentence that already has a finite verb, is a past
//     tense coordinated with that verb.
//  5. "the Israeli military/JJ struck": an adjective after a determiner, possessive,
//     name or adjective and right before a finite verb is the head noun of the subject.
//  6. "Norway/RB facilitated the talks": a capitalised adverb opening the sentence right
//     before a past or present verb is a name, unless it is an "-ly" adverb or one the
//     lexicon knows.
func fixTags(toks []tokenize.Token) {
	finite := false // a finite verb came before the current word
	for i := range toks {
		t := &toks[i]
		low := strings.ToLower(t.Text)
		prev, next, before := prevTag(toks, i), "", prevNonAdverb(toks, i)
		if i+1 < len(toks) {
			next = toks[i+1].Tag
		}
		switch {
		case tagChoices[low] == "VBD|VBN" && t.Tag != "VBD" && t.Tag != "VBN" && (i == 0 || low == t.Text):
			t.Tag = "VBD"
			if before >= 0 && beOrHave[strings.ToLower(toks[before].Text)] {
				t.Tag = "VBN"
			}
		case t.Tag == "MD" && !modals[low] || tagChoices[low] == "JJ|RB" && (isVerbTag(t.Tag) || i == 0 && t.Tag == "NNP"):
			t.Tag = "RB"
			if next == "NN" || next == "NNS" {
				t.Tag = "JJ"
			}
		}
		switch {
		case (t.Tag == "NN" || t.Tag == "VBP" || t.Tag == "VBD" || t.Tag == "JJ") && low == t.Text &&
			before >= 0 && toks[before].Tag == "MD":
			t.Tag = "VB"
		case t.Tag == "JJ" && finite && prev == "CC" && strings.HasSuffix(low, "ed") &&
			(next == "NNP" || next == "DT" || next == "PRP" || next == "PRP$"):
			t.Tag = "VBD"
		case t.Tag == "JJ" && (prev == "DT" || prev == "PRP$" || prev == "POS" || prev == "NNP" || prev == "JJ") &&
			(next == "VBD" || next == "VBZ" || next == "MD"):
			t.Tag = "NN"
		case i == 0 && t.Tag == "RB" && low != t.Text && !strings.HasSuffix(low, "ly") && tagLexicon[low] == "" &&
			tagChoices[low] == "" && (next == "VBD" || next == "VBZ"):
			t.Tag = "NNP"
		}
		finite = finite || t.Tag == "VBD" || t.Tag == "VBZ" || t.Tag == "VBP" || t.Tag == "MD"
	}
}

// prevTag returns the tag of the token before i, or "" at the start.
func prevTag(toks []tokenize.Token, i int) string {
	if i == 0 {
		return ""
	}
	return toks[i-1].Tag
}

// prevNonAdverb returns the index of the last token before i that is not an adverb
// ("has already fought", "must now hand"), or -1.
func prevNonAdverb(toks []tokenize.Token, i int) int {
	j := i - 1
	for j >= 0 && strings.HasPrefix(toks[j].Tag, "RB") {
		j--
	}
	return j
}

// modals are the words that may carry MD; beOrHave are the verbs a past participle
// follows (forms of "be", "have", "get" and "become"). Both are closed classes of
// English, not data to grow.
var (
	modals = map[string]bool{"can": true, "could": true, "may": true, "might": true, "must": true, "shall": true,
		"should": true, "will": true, "would": true, "ought": true, "'ll": true, "'d": true, "wo": true, "ca": true,
		"need": true, "dare": true}
	beOrHave = map[string]bool{"be": true, "is": true, "are": true, "was": true, "were": true, "been": true,
		"being": true, "am": true, "'s": true, "'re": true, "'m": true, "have": true, "has": true, "had": true,
		"having": true, "'ve": true, "get": true, "got": true, "gets": true, "getting": true, "become": true,
		"becomes": true, "became": true, "becoming": true}
)
