package postag

import (
	"unicode"
	"unicode/utf8"

	"github.com/newsgraph/newsgraph/internal/fhash"
)

// Feature values are 64-bit hashes: of a word's lower-cased form (digits
// folded to 0), of its form as written, of its prefixes, suffixes and shape,
// or small numbers (tag indices, flags). A feature is the hash of a template
// number and its values, so the model needs no vocabulary: a feature never
// seen in training simply has no weight.

// normalize maps the Penn Treebank escapes and the typographic variants of
// brackets and quotes to one plain form, so that "-LRB-" and "(", or the
// Penn opening quote (two backquotes) and a curly one, look the same to
// the model: EWT writes them raw, CaRB and the PTB escape them. It returns
// w itself when nothing changes (no allocation); apostrophes inside words
// are folded by foldRune as the word is hashed.
func normalize(w string) string {
	switch w {
	case "-LRB-", "-lrb-":
		return "("
	case "-RRB-", "-rrb-":
		return ")"
	case "-LSB-", "-lsb-":
		return "["
	case "-RSB-", "-rsb-":
		return "]"
	case "-LCB-", "-lcb-":
		return "{"
	case "-RCB-", "-rcb-":
		return "}"
	case "``", "''", "“", "”", "„", "‟", "«", "»", "\"\"":
		return `"`
	case "`", "‘", "’", "‚", "‛":
		return "'"
	}
	return w
}

// foldRune maps typographic apostrophes to ASCII, so that "n’t" and "’s" are
// "n't" and "'s".
func foldRune(r rune) rune {
	switch r {
	case '’', '‘', 'ʼ', '′':
		return '\''
	}
	return r
}

// hashRunes hashes runes with FNV-1a; the result is never 0, which means
// "no value".
func hashRunes(rs []rune) uint64 {
	h := uint64(fhash.Offset)
	for _, r := range rs {
		h = fhash.FNV(h, r)
	}
	return h | 1
}

// Word flags (the flags value of a word).
const (
	flagUpper   = 1 << iota // has an upper-case letter
	flagAllCaps             // has letters, all upper case
	flagTitle               // starts with an upper-case letter
	flagDigit               // has a digit
	flagHyphen              // has a hyphen
	flagLetter              // has a letter
)

// maxShapeRun is how many runes of one class a shape keeps in a row:
// "Azerbaijan" is "Xxxx", "2020" is "dddd", "12" is "dd".
const maxShapeRun = 4

// word holds the feature values of one word.
type word struct {
	lower uint64    // lower-cased form, digits folded to 0
	cased uint64    // form as written (normalised): the tag dictionary's key
	pre   [4]uint64 // lower-cased prefixes of 1 to 4 runes
	suf   [4]uint64 // lower-cased suffixes of 1 to 4 runes
	shape uint64    // X for upper, x for lower, d for digits, other runes kept
	flags uint64
	class uint64 // the lexicon's ambiguity class (the tags seen on the word)
	quote uint64 // for a double quote, quoteOpen or quoteClose; else 0
	tag   uint8  // the tag dictionary's tag plus one; 0 if the word is scored
}

// Quote values: a double quote after an even number of them in the
// sentence likely opens a quotation, after an odd number closes one. The
// quote's own form says so in the Penn escapes (two backquotes, two
// apostrophes), but not raw.
const (
	quoteOpen = 1 + iota
	quoteClose
)

// analyze fills w with the values of s, using buf as scratch for the
// lower-cased runes; it returns buf for reuse. Invalid UTF-8 decodes to
// utf8.RuneError, which is hashed like any rune.
func (w *word) analyze(s string, buf []rune) []rune {
	s = normalize(s)
	w.quote = 0
	if s == `"` {
		w.quote = quoteOpen // set to quoteOpen or quoteClose by quotes
	}
	buf = buf[:0]
	cased, shape := uint64(fhash.Offset), uint64(fhash.Offset)
	var flags uint64
	var last rune
	run, letters, uppers := 0, 0, 0
	for i, r := range s {
		r = foldRune(r)
		cased = fhash.FNV(cased, r)
		class := r
		switch {
		case r < utf8.RuneSelf && 'a' <= r && r <= 'z':
			class = 'x'
			letters++
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			class = 'X'
			letters++
			uppers++
			r += 'a' - 'A'
		case '0' <= r && r <= '9':
			class = 'd'
			flags |= flagDigit
			r = '0'
		case r == '-':
			flags |= flagHyphen
		case r >= utf8.RuneSelf && unicode.IsUpper(r):
			class = 'X'
			letters++
			uppers++
			r = unicode.ToLower(r)
		case r >= utf8.RuneSelf && unicode.IsLetter(r):
			class = 'x'
			letters++
		case r >= utf8.RuneSelf && unicode.IsDigit(r):
			class = 'd'
			flags |= flagDigit
		}
		if i == 0 && class == 'X' {
			flags |= flagTitle
		}
		if class == last {
			run++
		} else {
			last, run = class, 1
		}
		if run <= maxShapeRun {
			shape = fhash.FNV(shape, class)
		}
		buf = append(buf, r)
	}
	if uppers > 0 {
		flags |= flagUpper
	}
	if letters > 0 {
		flags |= flagLetter
		if uppers == letters {
			flags |= flagAllCaps
		}
	}
	w.lower = hashRunes(buf)
	w.cased = cased | 1
	w.shape = shape | 1
	w.flags = flags
	n := len(buf)
	for k := range 4 {
		m := min(k+1, n)
		w.pre[k] = hashRunes(buf[:m])
		w.suf[k] = hashRunes(buf[n-m:])
	}
	return buf
}

// quotes sets each double quote's quote value from the number of double
// quotes before it in the words.
func quotes(ws []word) {
	open := true
	for i := range ws {
		if ws[i].quote != 0 {
			ws[i].quote = quoteClose
			if open {
				ws[i].quote = quoteOpen
			}
			open = !open
		}
	}
}

// caseKey returns the tag dictionary's key for a word: the hash of its
// normalised form as written, as word.analyze computes it.
func caseKey(s string) uint64 {
	var w word
	w.analyze(s, nil)
	return w.cased
}

// pad is how many boundary words a sentence has on each side, for the
// features that look two words back or ahead.
const pad = 2

// boundary words: two before the sentence and two after it.
var (
	startWords = [pad]word{boundaryWord(1), boundaryWord(2)}
	endWords   = [pad]word{boundaryWord(3), boundaryWord(4)}
)

func boundaryWord(n uint64) word {
	v := fhash.Mix(0x5bd1e995, n)
	w := word{lower: v, cased: v, shape: v, flags: v, class: v}
	for k := range 4 {
		w.pre[k], w.suf[k] = v, v
	}
	return w
}

// classValue is the feature value of ambiguity class i; unknownClass that
// of a word the lexicon lacks.
func classValue(i int) uint64 { return fhash.Mix(0xc1a55, uint64(i)+1) }

var unknownClass = fhash.Mix(0xc1a55, 0)

// Tag values in features: a tag's index plus one, or these past the
// sentence's ends.
const (
	startTag1 = 1000 // the tag before the first word
	startTag2 = 1001 // the tag two before the first word
	endTag1   = 1002 // the tag after the last word
	endTag2   = 1003 // the tag two after the last word
)

func feat(template uint64, vals ...uint64) uint64 {
	h := (template + 1) * 0x94d049bb133111eb
	for _, v := range vals {
		h = fhash.Mix(h, v)
	}
	if h == 0 { // 0 marks an empty slot in the weight table
		h = 1
	}
	return h
}

// numFeatures1 is how many features the first pass scores, numFeatures how
// many the second.
const (
	numFeatures1 = 33
	numFeatures  = numFeatures1 + 13
)

// features appends the first pass's features of word i of the padded sentence ws (the
// sentence's words with pad boundary words on each side; i counts from the
// first real word) given the tag values of the two words before it.
func features(dst []uint64, ws []word, i int, t1, t2, sent uint64) []uint64 {
	j := i + pad
	w, p1, p2, n1, n2 := &ws[j], &ws[j-1], &ws[j-2], &ws[j+1], &ws[j+2]
	first := uint64(0)
	if i == 0 {
		first = 1
	}
	return append(dst,
		feat(0),
		feat(1, w.lower), feat(2, w.cased),
		feat(3, w.pre[0]), feat(4, w.pre[1]), feat(5, w.pre[2]), feat(6, w.pre[3]),
		feat(7, w.suf[0]), feat(8, w.suf[1]), feat(9, w.suf[2]), feat(10, w.suf[3]),
		feat(11, w.shape), feat(12, w.flags, first),
		feat(13, t1), feat(14, t2), feat(15, t1, t2),
		feat(16, t1, w.lower), feat(17, t1, w.suf[2]),
		feat(18, p1.lower), feat(19, p2.lower), feat(20, n1.lower), feat(21, n2.lower),
		feat(22, p1.suf[2]), feat(23, n1.suf[2]), feat(24, n1.shape),
		feat(25, p1.lower, w.lower), feat(26, w.lower, n1.lower),
		feat(27, n1.class), feat(28, n2.class), feat(29, w.lower, n1.class),
		feat(30, sent, w.flags), feat(31, sent, w.lower), feat(32, w.quote),
	)
}

// rightFeatures appends the second pass's own features of word i of the
// padded sentence ws: the tags the first pass gave the word and the next
// two (r0, r1, r2), alone and with the tag before and the word itself.
func rightFeatures(dst []uint64, ws []word, i int, t1, r0, r1, r2 uint64) []uint64 {
	w := &ws[i+pad]
	return append(dst,
		feat(40, r0), feat(41, r0, t1), feat(42, r0, r1), feat(43, r0, w.lower),
		feat(44, r1), feat(45, r2), feat(46, r1, r2), feat(47, t1, r1),
		feat(48, w.lower, r1), feat(49, w.suf[2], r1),
		feat(50, r0, w.suf[2]), feat(51, r0, ws[i+pad+1].lower), feat(52, r0, ws[i+pad-1].lower),
	)
}

// Sentence cases (the sent value of features): whether the sentence is
// written like a title or in capitals, where a capital says little about a
// word being a name.
const (
	sentPlain    = 1 + iota
	sentTitle    // most words capitalised
	sentCapitals // most words in capitals
)

// sentenceCase returns the case of the padded sentence ws.
func sentenceCase(ws []word) uint64 {
	words, title, caps := 0, 0, 0
	for _, w := range ws[pad : len(ws)-pad] {
		if w.flags&flagLetter == 0 {
			continue
		}
		words++
		if w.flags&flagTitle != 0 {
			title++
		}
		if w.flags&flagAllCaps != 0 {
			caps++
		}
	}
	switch {
	case words < 3:
		return sentPlain
	case 10*caps >= 7*words:
		return sentCapitals
	case 10*title >= 6*words:
		return sentTitle
	}
	return sentPlain
}
