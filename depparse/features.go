package depparse

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/fhash"
)

// Feature values are 64-bit hashes: of a word (lower-cased, digits folded to
// 0), of a tag string, or small numbers (labels, distances, counts). The
// value 0 means "no such word"; the root has its own word and tag values.
// A feature is the hash of a template number and its values, so the model
// needs no vocabulary: a feature never seen in training simply has no weight.

// wordValue hashes a word form (FNV-1a over its lower-cased runes, digits
// folded to '0', so numbers share their shape).
func wordValue(w string) uint64 {
	h := uint64(fhash.Offset)
	for i := 0; i < len(w); {
		r := rune(w[i])
		size := 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w[i:])
			r = unicode.ToLower(r)
		} else if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		if '0' <= r && r <= '9' {
			r = '0'
		}
		i += size
		h = fhash.FNV(h, r)
	}
	return h | 1
}

// tagValue hashes a tag; unlike words, tags keep their case and digits.
func tagValue(t string) uint64 {
	h := uint64(fhash.Offset)
	for i := 0; i < len(t); i++ {
		h = fhash.FNV(h, rune(t[i]))
	}
	return h | 1
}

var (
	rootWord = wordValue("<root>") ^ 0x5bd1e995
	rootTag  = tagValue("<ROOT>") ^ 0x5bd1e995
)

// feat1 to feat4 hash a template and its values, one function per number
// of values so that each is straight-line code (with one function looping
// over a variadic list the parser was 15% slower). The values are hashes already, so one
// multiplication per value chains them and a final mix spreads every bit
// into the low bits (which choose a table slot) and the high ones (the
// slot's fingerprint).
func feat1(t, a uint64) uint64          { return mix(chain(start(t), a)) }
func feat2(t, a, b uint64) uint64       { return mix(chain(chain(start(t), a), b)) }
func feat3(t, a, b, c uint64) uint64    { return mix(chain(chain(chain(start(t), a), b), c)) }
func feat4(t, a, b, c, d uint64) uint64 { return mix(chain(chain(chain(chain(start(t), a), b), c), d)) }

func start(template uint64) uint64 { return (template + 1) * 0x94d049bb133111eb }
func chain(h, v uint64) uint64     { return (h ^ v) * 0xbf58476d1ce4e5b9 }

func mix(h uint64) uint64 {
	h ^= h >> 29
	h *= 0x94d049bb133111eb
	h ^= h >> 32
	if h == 0 { // 0 marks an empty slot in the weight table
		h = 1
	}
	return h
}

// bias is the feature every state has (template 0, no values).
var bias = mix(start(0))

// suffixValue hashes a word's last three letters, lower-cased, and its
// shape (capitalised, all capitals, digits, hyphen): what still tells a verb
// from a noun, or a name from a common word, when the tagger got it wrong.
func suffixValue(w string) uint64 {
	start := len(w)
	for n := 0; n < 3 && start > 0; n++ {
		_, size := utf8.DecodeLastRuneInString(w[:start])
		start -= size
	}
	shape := uint64(0)
	for i, r := range w {
		switch {
		case unicode.IsUpper(r) && i == 0:
			shape |= 1
		case unicode.IsUpper(r):
			shape |= 2
		case unicode.IsDigit(r):
			shape |= 4
		case r == '-':
			shape |= 8
		}
	}
	return fhash.Mix(wordValue(w[start:]), shape)
}

// sentence holds the per-word feature values of the sentence being parsed,
// position 0 being the root.
type sentence struct {
	w, t, c, sfx []uint64 // word, tag, coarse tag, suffix and shape
}

func (x *sentence) reset(words, tags []string) {
	n := len(words) + 1
	x.w = resize(x.w, n, 0)
	x.t = resize(x.t, n, 0)
	x.c = resize(x.c, n, 0)
	x.sfx = resize(x.sfx, n, 0)
	x.w[0], x.t[0], x.c[0], x.sfx[0] = rootWord, rootTag, rootTag, rootWord
	for i := range words {
		x.w[i+1] = wordValue(words[i])
		x.t[i+1] = tagValue(tags[i])
		x.c[i+1] = coarseValue(tags[i])
		x.sfx[i+1] = suffixValue(words[i])
	}
}

// coarseValue hashes a tag's first two letters, which the Penn tags of one
// word class share (NN NNS NNP NNPS, VB VBD VBN …): the tagger's commonest
// mistakes stay within a class, and coarse features survive them.
func coarseValue(t string) uint64 {
	if len(t) > 2 {
		t = t[:2]
	}
	return tagValue(t) ^ 0xc0a5e
}

func (x *sentence) coarse(i int32) uint64 {
	if i < 0 || int(i) >= len(x.c) {
		return 0
	}
	return x.c[i]
}

func (x *sentence) suffix(i int32) uint64 {
	if i < 0 || int(i) >= len(x.sfx) {
		return 0
	}
	return x.sfx[i]
}

func (x *sentence) word(i int32) uint64 {
	if i < 0 || int(i) >= len(x.w) {
		return 0
	}
	return x.w[i]
}

func (x *sentence) tag(i int32) uint64 {
	if i < 0 || int(i) >= len(x.t) {
		return 0
	}
	return x.t[i]
}

// distance buckets a distance in words.
func distance(d int32) uint64 {
	switch {
	case d <= 4:
		return uint64(d)
	case d <= 6:
		return 5
	case d <= 10:
		return 6
	}
	return 7
}

func (s *state) label(i int32) uint64 {
	if i <= 0 || s.heads[i] == none {
		return 0
	}
	return uint64(s.labels[i]) + 1
}

func (s *state) head(i int32) int32 {
	if i < 0 {
		return none
	}
	return s.heads[i]
}

func at(v []int32, i int32) int32 {
	if i < 0 {
		return none
	}
	return v[i]
}

// numTransFeatures is how many features transFeatures returns.
const numTransFeatures = 43

// transFeatures appends the transition classifier's features of the state:
// from the templates of Zhang and Nivre (2011), Table 1, a bias, the words
// and tags of the stack top and the first three buffer words, tag trigrams,
// the heads' and children's words, tags and labels, and the sets of child
// labels with tags; and suffix, shape and coarse-tag features that back up
// the tags. Each feature costs about one per cent of the parse's time (most
// of it a cache miss), and the CaRB path, not LAS, decides which ones pay:
// left out, since dropping them cost CaRB dev nothing measurable (see
// doc.go), are the pairs of the stack top's and the buffer front's words,
// distance, the third-order templates (second children, the head's head),
// the tags of the second stack word and the fourth buffer word, and the
// label sets with words; earlier, valency, a word alone where the word with
// its tag is a feature, and a word with the distance. Template numbers are
// part of the model: a removed template's number is not reused.
func transFeatures(dst []uint64, s *state, x *sentence) []uint64 {
	s0, n0 := s.top(), s.b
	n1, n2 := n0+1, n0+2
	if int(n1) > s.n {
		n1 = none
	}
	if int(n2) > s.n {
		n2 = none
	}
	s0h := s.head(s0)
	s0l, s0r, n0l := s.lc[s0], s.rc[s0], s.lc[n0]

	s0w, s0p := x.word(s0), x.tag(s0)
	n0w, n0p := x.word(n0), x.tag(n0)
	n1w, n1p := x.word(n1), x.tag(n1)
	n2w, n2p := x.word(n2), x.tag(n2)
	s0c, n0c, n1c := x.coarse(s0), x.coarse(n0), x.coarse(n1)
	s0hw, s0hp := x.word(s0h), x.tag(s0h)
	s0lw, s0lp := x.word(s0l), x.tag(s0l)
	s0rw, s0rp := x.word(s0r), x.tag(s0r)
	n0lw, n0lp := x.word(n0l), x.tag(n0l)

	return append(dst,
		bias,
		// single words
		feat2(1, s0w, s0p), feat1(3, s0p),
		feat2(4, n0w, n0p), feat1(6, n0p),
		feat2(7, n1w, n1p), feat1(9, n1p),
		feat2(10, n2w, n2p), feat1(12, n2p),
		// three words
		feat3(21, n0p, n1p, n2p), feat3(22, s0p, n0p, n1p), feat3(23, s0hp, s0p, n0p),
		feat3(24, s0p, s0lp, n0p), feat3(25, s0p, s0rp, n0p), feat3(26, s0p, n0p, n0lp),
		// unigrams of heads and children
		feat1(39, s0hw), feat1(40, s0hp), feat1(41, s.label(s0)),
		feat1(42, s0lw), feat1(43, s0lp), feat1(44, s.label(s0l)),
		feat1(45, s0rw), feat1(46, s0rp), feat1(47, s.label(s0r)),
		feat1(48, n0lw), feat1(49, n0lp), feat1(50, s.label(n0l)),
		// label sets
		feat2(68, s0p, s.rs[s0]), feat2(70, s0p, s.ls[s0]), feat2(72, n0p, s.ls[n0]),
		// suffixes and shapes
		feat1(73, x.suffix(s0)), feat1(74, x.suffix(n0)), feat1(75, x.suffix(n1)),
		feat2(76, x.suffix(s0), x.suffix(n0)), feat2(77, x.suffix(s0), n0p), feat2(78, s0p, x.suffix(n0)),
		// coarse tags
		feat1(79, s0c), feat1(80, n0c), feat1(81, n1c), feat2(82, s0c, n0c), feat3(83, s0c, n0c, n1c),
		feat2(84, s0w, n0c), feat2(85, s0c, n0w),
	)
}

// numLabelFeatures is how many features labelFeatures returns.
const numLabelFeatures = 20

// labelFeatures appends the label classifier's features for the arc h → d
// about to be built in state s: the two words, the direction and distance,
// the children each already has (a case marker under d, a subject already
// under h) and the words around d. Each word is seen with its tag or the
// other word's: features of words alone or of two words cost more time
// than their 0.2 points of LAS were worth.
func labelFeatures(dst []uint64, s *state, x *sentence, h, d int32) []uint64 {
	dir := uint64(1)
	dist := distance(d - h)
	if d < h {
		dir = 2
		dist = distance(h - d)
	}
	hw, hp := x.word(h), x.tag(h)
	dw, dp := x.word(d), x.tag(d)
	dl := s.lc[d]
	dlw, dlp := x.word(dl), x.tag(dl)
	dr := at(s.rc, d)
	return append(dst,
		feat1(100, dir),
		feat2(102, hp, dir), feat2(104, dp, dir),
		feat3(105, hw, hp, dir), feat3(106, dw, dp, dir),
		feat3(107, hp, dp, dir), feat3(108, hw, dp, dir), feat3(109, hp, dw, dir),
		feat3(111, dp, dist, dir), feat4(112, hp, dp, dist, dir),
		feat3(113, dp, s.label(dl), dir), feat4(115, hp, dp, dlw, dir),
		feat3(116, dp, s.ls[d], dir), feat3(117, hp, s.ls[h], dir), feat3(118, hp, s.rs[h], dir),
		feat3(119, s.label(h), dp, dir),
		feat4(120, hp, dp, x.tag(d+1), dir), feat4(121, hp, dp, x.tag(d-1), dir),
		feat4(122, dp, dlp, x.tag(dr), dir),
		feat2(124, x.suffix(d), dir),
	)
}
