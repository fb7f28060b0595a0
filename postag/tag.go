package postag

import (
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
	runes  []rune
	feats  []uint64
	scores []int32
	tags   []uint8
}

// NewTagger returns a tagger using m.
func NewTagger(m *Model) *Tagger {
	t := &Tagger{m: m}
	t.pool.New = func() any {
		return &scratch{
			feats:  make([]uint64, 0, numFeatures),
			scores: make([]int32, len(m.tags)),
		}
	}
	return t
}

// Model returns the tagger's model.
func (t *Tagger) Model() *Model { return t.m }

// Tag returns the Penn Treebank tag of each word of one tokenised sentence.
// Words may be written raw or Penn-escaped ("(" or "-LRB-", `"` or "``"):
// both get the same tag. Any string is accepted, invalid UTF-8 included.
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
	sc.load(words)
	t.m.tag(sc, len(words))
	for i, k := range sc.tags {
		dst[i] = t.m.tags[k]
	}
	return dst
}

// load computes the feature values of the words.
func (sc *scratch) load(words []string) {
	n := len(words) + 2*pad
	if cap(sc.words) < n {
		sc.words = make([]word, n)
	}
	sc.words = sc.words[:n]
	copy(sc.words, startWords[:])
	copy(sc.words[pad+len(words):], endWords[:])
	for i, w := range words {
		sc.runes = sc.words[pad+i].analyze(w, sc.runes)
	}
	if cap(sc.tags) < len(words) {
		sc.tags = make([]uint8, len(words))
	}
	sc.tags = sc.tags[:len(words)]
}

// tag tags the n words loaded into sc, left to right, leaving the tags in
// sc.tags: a word in the dictionary gets its tag there, any other the
// best-scoring tag given its features and the tags already chosen.
func (m *Model) tag(sc *scratch, n int) {
	t1, t2 := uint64(startTag1), uint64(startTag2)
	for i := range n {
		k, ok := m.dict.lookup(sc.words[pad+i].cased)
		if !ok {
			sc.feats = features(sc.feats[:0], sc.words, i, t1, t2)
			clear(sc.scores)
			m.w.score(sc.scores, sc.feats)
			k = argmax(sc.scores)
		}
		sc.tags[i] = k
		t1, t2 = uint64(k)+1, t1
	}
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
