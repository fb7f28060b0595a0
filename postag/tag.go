package postag

import (
	"slices"
	"strings"
	"sync"
)

// Tagger tags sentences with one model. It is safe for concurrent use.
type Tagger struct {
	m    *Model
	pool sync.Pool // *scratch
}

// scratch is one call's working memory, reused across calls.
type scratch struct {
	words  []word // the sentence's words with pad boundary words each side
	rev    []word // the same, words in reverse order
	runes  []rune
	feats  []uint64
	scores []int32
	first  []uint8 // the first pass's tags
	sent   uint64  // the sentence's case
	tags   []uint8
}

// NewTagger returns a tagger using m.
func NewTagger(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any { return newScratch(len(m.lx.tags)) }
	return t
}

func newScratch(tags int) *scratch {
	return &scratch{feats: make([]uint64, 0, numFeatures), scores: make([]int32, tags)}
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// Tag returns the Penn Treebank tag of each word of one tokenised sentence.
// Words may be written raw or Penn-escaped ("(" or "-LRB-", a plain double
// quote or the Penn opening quote): both get the same tag. Any string is accepted, invalid UTF-8 included.
func (t *Tagger) Tag(words []string) []string {
	return t.TagInto(nil, words)
}

// TagInto is Tag writing into dst, which it returns resliced to
// len(words): when dst has the capacity it does not allocate.
func (t *Tagger) TagInto(dst []string, words []string) []string {
	if cap(dst) < len(words) {
		dst = make([]string, len(words))
	}
	dst = dst[:len(words)]
	if len(words) == 0 {
		return dst
	}
	sc := t.pool.Get().(*scratch)
	defer t.pool.Put(sc)
	t.m.tag(sc, words)
	for i, k := range sc.tags {
		dst[i] = t.m.lx.tags[k]
	}
	return dst
}

// load computes the feature values of the words, with what the lexicon
// knows of them.
func (sc *scratch) load(lx *lexicon, words []string) {
	n := len(words) + 2*pad
	if cap(sc.words) < n {
		sc.words = make([]word, n)
	}
	sc.words = sc.words[:n]
	copy(sc.words, startWords[:])
	copy(sc.words[pad+len(words):], endWords[:])
	for i, w := range words {
		x := &sc.words[pad+i]
		sc.runes = x.analyze(w, sc.runes)
		l := lx.lt.lookup(x.cased)
		x.class, x.tag = l.class, l.tag
	}
	quotes(sc.words[pad : pad+len(words)])
	sc.sent = sentenceCase(sc.words)
	sc.first = resize(sc.first, len(words))
	sc.tags = resize(sc.tags, len(words))
}

func resize(s []uint8, n int) []uint8 {
	if cap(s) < n {
		return make([]uint8, n)
	}
	return s[:n]
}

// tag tags the words, leaving the tags in sc.tags. A one-pass model tags
// left to right. A two-pass model first tags right to left, then left to
// right again with the first pass's tags of the word and the two after it
// as features: each pass sees one side's tags, the second both.
func (m *Model) tag(sc *scratch, words []string) {
	sc.load(m.lx, words)
	if len(m.passes) == 1 {
		m.passes[0].run(sc, sc.words, nil, sc.tags)
		return
	}
	sc.reverse()
	m.passes[0].run(sc, sc.rev, nil, sc.first)
	slices.Reverse(sc.first)
	m.passes[1].run(sc, sc.words, sc.first, sc.tags)
}

// reverse sets sc.rev to the loaded sentence read backwards, as load would
// set sc.words for the words in reverse order.
func (sc *scratch) reverse() {
	n := len(sc.words)
	if cap(sc.rev) < n {
		sc.rev = make([]word, n)
	}
	sc.rev = sc.rev[:n]
	copy(sc.rev, startWords[:])
	copy(sc.rev[n-pad:], endWords[:])
	for i := pad; i < n-pad; i++ {
		sc.rev[i] = sc.words[n-1-i]
	}
}

// run tags the words ws (padded, as in scratch) left to right into out: a
// word in the dictionary gets its tag there, any other the best-scoring tag
// given its features and the tags already chosen, and the first pass's
// tags if first is set.
func (p *pass) run(sc *scratch, ws []word, first, out []uint8) {
	t1, t2 := uint64(startTag1), uint64(startTag2)
	for i := range out {
		k := ws[pad+i].tag - 1
		if ws[pad+i].tag == 0 {
			sc.features(ws, i, t1, t2, first)
			clear(sc.scores)
			p.w.score(sc.scores, sc.feats)
			k = argmax(sc.scores)
		}
		out[i] = k
		t1, t2 = uint64(k)+1, t1
	}
}

// features sets sc.feats to the features of word i of ws given the tag
// values of the two words before it and, in the second pass, the first
// pass's tags.
func (sc *scratch) features(ws []word, i int, t1, t2 uint64, first []uint8) {
	sc.feats = features(sc.feats[:0], ws, i, t1, t2, sc.sent)
	if first == nil {
		return
	}
	r0 := uint64(first[i]) + 1
	r1, r2 := uint64(endTag1), uint64(endTag2)
	if i+1 < len(first) {
		r1 = uint64(first[i+1]) + 1
	}
	if i+2 < len(first) {
		r2 = uint64(first[i+2]) + 1
	}
	sc.feats = rightFeatures(sc.feats, ws, i, t1, r0, r1, r2)
}

// argmax returns the index of the highest score, the first on ties.
func argmax(scores []int32) uint8 {
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return uint8(best)
}

// normalForm returns the form of a word the tag dictionary and the
// features see: brackets and quotes unescaped, apostrophes ASCII.
func normalForm(s string) string {
	return strings.Map(foldRune, normalize(s))
}
