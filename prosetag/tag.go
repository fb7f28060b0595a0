package prosetag

import (
	"fmt"
	"math"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/jdkato/prose/v3/tag"
	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// Tagger assigns Penn Treebank tags as prose's perceptron tagger does. It is
// safe for concurrent use.
type Tagger struct {
	m       *model
	lexicon tag.Lexicon
	prose   *tag.Tagger // for sentences that may hold an emoticon
	pool    sync.Pool   // *scratch
}

type scratch struct {
	scores []float32
	ctx    []string
}

// New returns a tagger with prose's English model. The lexicon, as prose's
// tag.WithLexicon takes it, fixes the tag of the words it holds (as written,
// else lower-cased), ahead of the model; it is not copied and must not change
// while the tagger is in use.
func New(lexicon tag.Lexicon) (*Tagger, error) {
	m, err := englishModel()
	if err != nil {
		return nil, fmt.Errorf("read prose's English tagger model: %w", err)
	}
	prose, err := tag.New(tag.WithLexicon(lexicon))
	if err != nil {
		return nil, fmt.Errorf("load prose's tagger: %w", err)
	}
	t := &Tagger{m: m, lexicon: lexicon, prose: prose}
	t.pool.New = func() any { return &scratch{scores: make([]float32, len(m.classes))} }
	return t, nil
}

// englishModel is decoded once per process: it is the tagger's whole cost to
// build (about 20 ms).
var englishModel = sync.OnceValues(func() (*model, error) { return decode(aptagmodel.English) })

// TagTokens sets the Tag of each token from the Texts of all of them, which
// are one sentence.
func (t *Tagger) TagTokens(tokens []tag.Token) {
	if len(tokens) == 0 {
		return
	}
	for _, tk := range tokens {
		if mayBeEmoticon(tk.Text) {
			t.prose.TagTokens(tokens)
			return
		}
	}
	s := t.pool.Get().(*scratch)
	defer t.pool.Put(s)
	// The words, normalised, between two markers on each side, as prose
	// trained its model.
	s.ctx = append(s.ctx[:0], "-START-", "-START2-")
	for _, tk := range tokens {
		s.ctx = append(s.ctx, normalize(tk.Text))
	}
	s.ctx = append(s.ctx, "-END-", "-END2-")
	p1, p2 := "-START-", "-START2-"
	for i := range tokens {
		tokens[i].Tag = t.tagOne(s, i+2, tokens[i].Text, p1, p2)
		p2, p1 = p1, tokens[i].Tag
	}
}

// Tokens prose tags without its model, whatever their context: traces and
// the empty element "0" from the Penn Treebank, and its bracket escapes
// (-LRB-), which are their own tag.
var (
	traceRe   = regexp.MustCompile(`^(?:0|\*|\*[\w?]\*|\*-\d{1,3}|\*[A-Z]+\*-\d{1,3})$`)
	escapedRe = regexp.MustCompile(`^-[A-Z]{3}-$`)
)

// tagOne tags the word at ctx[i] given the two tags before it, with prose's
// special cases first, in prose's order.
func (t *Tagger) tagOne(s *scratch, i int, word, p1, p2 string) string {
	switch {
	case word == "-":
		return "-"
	case strings.HasPrefix(word, "@"):
		return "NN"
	case (word == "0" || strings.HasPrefix(word, "*")) && traceRe.MatchString(word):
		return "-NONE-"
	case len(word) == 5 && word[0] == '-' && escapedRe.MatchString(word):
		return word
	}
	if len(t.lexicon) > 0 {
		if tg, ok := t.lexicon[word]; ok {
			return tg
		}
		if lower := strings.ToLower(word); lower != word {
			if tg, ok := t.lexicon[lower]; ok {
				return tg
			}
		}
	}
	if id, ok := t.m.known[word]; ok {
		return t.m.classes[id]
	}
	return t.predict(s.scores, s.ctx, i, word, p1, p2)
}

// The features' names, hashed once; each key is its name followed by values.
var (
	hBias       = hash(offset, "bias")
	hSuffix     = hash(offset, "i suffix ")
	hPref1      = hash(offset, "i pref1 ")
	hTag1       = hash(offset, "i-1 tag ")
	hTag2       = hash(offset, "i-2 tag ")
	hTags       = hash(offset, "i tag+i-2 tag ")
	hWord       = hash(offset, "i word ")
	hTag1Word   = hash(offset, "i-1 tag+i word ")
	hPrevWord   = hash(offset, "i-1 word ")
	hPrevSuffix = hash(offset, "i-1 suffix ")
	hPrev2Word  = hash(offset, "i-2 word ")
	hNextWord   = hash(offset, "i+1 word ")
	hNextSuffix = hash(offset, "i+1 suffix ")
	hNext2Word  = hash(offset, "i+2 word ")
)

// predict scores the word's fourteen features, added in prose's order so that
// the float32 sums, and so the ties, come out the same, and returns the best
// tag, the first class on a tie.
func (t *Tagger) predict(scores []float32, ctx []string, i int, word, p1, p2 string) string {
	clear(scores)
	m := t.m
	m.add(hBias, scores)
	m.add(hash(hSuffix, suffix(word)), scores)
	m.add(hash(hPref1, word[:min(1, len(word))]), scores)
	m.add(hash(hTag1, p1), scores)
	m.add(hash(hTag2, p2), scores)
	m.add(hash(hash(hash(hTags, p1), " "), p2), scores)
	m.add(hash(hWord, ctx[i]), scores)
	m.add(hash(hash(hash(hTag1Word, p1), " "), ctx[i]), scores)
	m.add(hash(hPrevWord, ctx[i-1]), scores)
	m.add(hash(hPrevSuffix, suffix(ctx[i-1])), scores)
	m.add(hash(hPrev2Word, ctx[i-2]), scores)
	m.add(hash(hNextWord, ctx[i+1]), scores)
	m.add(hash(hNextSuffix, suffix(ctx[i+1])), scores)
	m.add(hash(hNext2Word, ctx[i+2]), scores)
	best, bestID := float32(math.Inf(-1)), 0
	for id, v := range scores {
		if v > best {
			best, bestID = v, id
		}
	}
	return m.classes[bestID]
}

// suffix is the last three bytes of w (bytes, not letters: the model's keys
// were made so).
func suffix(w string) string { return w[max(0, len(w)-3):] }

// normalize maps a word to the form prose's model was trained on: hyphenated
// words, four-digit numbers (years) and other numbers become classes, the
// rest is lower-cased.
func normalize(w string) string {
	switch {
	case w == "":
		return w
	case w[0] != '-' && strings.IndexByte(w, '-') >= 0:
		return "!HYPHEN"
	case len(w) == 4 && isInt(w):
		return "!YEAR"
	case w[0] >= '0' && w[0] <= '9':
		return "!DIGITS"
	}
	for i := 0; i < len(w); i++ {
		if c := w[i]; 'A' <= c && c <= 'Z' || c >= utf8.RuneSelf {
			return strings.ToLower(w)
		}
	}
	return w
}

// isInt reports whether w is a signed or unsigned decimal integer.
func isInt(w string) bool {
	if w[0] == '+' || w[0] == '-' {
		w = w[1:]
	}
	if w == "" {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return true
}

// mayBeEmoticon reports whether prose could take w for one of its emoticons,
// which it tags SYM: every one of them is two characters or more and holds
// one of these marks or is one of a few made of letters and digits. The test
// is wider than prose's list, which is not exported; a sentence it catches is
// tagged by prose itself.
func mayBeEmoticon(w string) bool {
	return len(w) > 1 && (strings.ContainsAny(w, ":;=()[]{}|/\\^_*<>¬~@") || len(w) <= 4 && letterEmoticonRe.MatchString(w))
}

var letterEmoticonRe = regexp.MustCompile(`^(?:8-?D|[xX]D+|[oO0]\.[oO0])$`)
