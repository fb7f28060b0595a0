package extract

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tokenize"
)

// The tokenizer and tagger are safe for concurrent use and costly to build, so every
// Analyze call shares one of each.
var (
	tokenizer = tokenize.New()
	tagger    = sync.OnceValues(func() (*tag.Tagger, error) { return tag.New() })
)

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

// appendSentences splits one line into sentences and appends them, tagged.
func appendSentences(out []Sentence, line string, base, paragraph int, tg *tag.Tagger) []Sentence {
	toks := tokenizer.Tokenize(line)
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

func makeSentence(line string, base, paragraph int, toks []tokenize.Token, tg *tag.Tagger) Sentence {
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
	w := 0
	for i, t := range toks {
		tok := Token{Text: t.Text, Start: t.Start - from}
		switch {
		case isQuote(t.Text):
			tok.Tag = "''"
			if i == 0 || toks[i-1].End() < t.Start || isOpener(toks[i-1].Text) {
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
