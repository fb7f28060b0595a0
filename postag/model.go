package postag

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/internal/modelio"
)

// Model holds a trained tagger: its tag set, its lexicon (the tag
// dictionary among it) and the feature weights of its one or two passes.
// A Model is read-only once built and safe for concurrent use.
type Model struct {
	lx     *lexicon
	passes []pass
}

// lexicon is what training saw of the words: the tag set, and for each
// frequent word its ambiguity class (the tags it had) and, if it nearly
// always had one tag, that tag (the tag dictionary).
type lexicon struct {
	tags    []string
	classes [][]uint8  // ambiguity classes: sets of tag indices, ascending
	words   []lexEntry // sorted by word
	lt      *lexTable
}

// lexEntry is what training saw of one frequent word.
type lexEntry struct {
	word  string // normalised form (normalForm)
	class uint32 // index into classes
	tag   uint8  // the dictionary's tag plus one; 0 if the word is scored
}

func newLexicon(tags []string, classes [][]uint8, words []lexEntry) *lexicon {
	lx := &lexicon{tags: tags, classes: classes, words: words}
	keys := make([]uint64, len(words))
	vals := make([]lexSlot, len(words))
	for i, e := range words {
		keys[i] = caseKey(e.word)
		vals[i] = lexSlot{class: classValue(int(e.class)), tag: e.tag}
	}
	lx.lt = newLexTable(keys, vals)
	return lx
}

// pass is one tagging pass's weights.
type pass struct {
	keys   []uint64 // feature keys, ascending; row i has counts[i] entries
	counts []uint8
	w      *weights
}

// newPass builds a pass from feature keys, ascending, and their rows of
// nonzero weights.
func newPass(keys []uint64, rows [][]entry) pass {
	p := pass{keys: keys, counts: make([]uint8, len(rows)), w: newWeights(keys, rows)}
	for i, r := range rows {
		p.counts[i] = uint8(len(r))
	}
	return p
}

// Tags returns the tags the model assigns, sorted.
func (m *Model) Tags() []string { return slices.Clone(m.lx.tags) }

// DictSize is how many words the tag dictionary tags without scoring.
func (m *Model) DictSize() int {
	n := 0
	for _, e := range m.lx.words {
		if e.tag > 0 {
			n++
		}
	}
	return n
}

// LexiconSize is how many words the model knows the ambiguity class of.
func (m *Model) LexiconSize() int { return len(m.lx.words) }

// Passes is how many passes the model tags in (1 or 2).
func (m *Model) Passes() int { return len(m.passes) }

// Features is how many features have weights, over all passes.
func (m *Model) Features() int {
	n := 0
	for _, p := range m.passes {
		n += len(p.keys)
	}
	return n
}

// maxTags is the most tags a model may have: tags are bytes.
const maxTags = 255

// ErrBadModel is returned by ReadModel when the data is not a tagger model
// of this version.
var ErrBadModel = errors.New("postag: not a tagger model")

// format is the tagger's model file.
var format = modelio.Format{Magic: "newsgraph-postag", Version: 1, ErrBad: ErrBadModel}

// Write writes the model as gzip'd binary: the tags, the ambiguity classes,
// the lexicon, then for each pass the features' keys (ascending,
// delta-coded) with their nonzero 16-bit weights.
func (m *Model) Write(w io.Writer) error {
	err := format.Write(w, func(e *modelio.Encoder) {
		e.Uvarint(uint64(len(m.lx.tags)))
		for _, t := range m.lx.tags {
			e.Bytes([]byte(t))
		}
		e.Uvarint(uint64(len(m.lx.classes)))
		for _, c := range m.lx.classes {
			e.Bytes(c)
		}
		e.Uvarint(uint64(len(m.lx.words)))
		for _, le := range m.lx.words {
			e.Bytes([]byte(le.word))
			e.Uvarint(uint64(le.class))
			e.Uvarint(uint64(le.tag))
		}
		e.Uvarint(uint64(len(m.passes)))
		for _, p := range m.passes {
			e.Uvarint(uint64(len(p.keys)))
			prev, off := uint64(0), 0
			for i, k := range p.keys {
				e.Uvarint(k - prev)
				prev = k
				n := int(p.counts[i])
				e.Uvarint(uint64(n))
				for _, en := range p.w.entries[off : off+n] {
					e.Uvarint(uint64(en.tag))
					e.Varint(int64(en.w))
				}
				off += n
			}
		}
	})
	if err != nil {
		return fmt.Errorf("postag: %w", err)
	}
	return nil
}

// ReadModel reads a model written by Write. name is used in errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	return modelio.Read(format, r, name, decodeModel)
}

// Limits on what a model may hold, so that a corrupt file fails cleanly
// instead of asking for gigabytes.
const (
	maxLex    = 1 << 20
	maxKeys   = 1 << 24
	maxPasses = 2
)

// decodeModel decodes what Write encoded after the header.
func decodeModel(d *modelio.Decoder) (*Model, error) {
	nt := d.Uvarint()
	if d.Err() == nil && (nt == 0 || nt > maxTags) {
		return nil, fmt.Errorf("%d tags (want 1 to %d)", nt, maxTags)
	}
	var tags []string
	for i := 0; d.Err() == nil && i < int(nt); i++ {
		tags = append(tags, string(d.Bytes(64)))
	}
	nc := d.Uvarint()
	if d.Err() == nil && nc > maxLex {
		return nil, fmt.Errorf("%d ambiguity classes", nc)
	}
	var classes [][]uint8
	for i := 0; d.Err() == nil && i < int(nc); i++ {
		c := d.Bytes(int(nt))
		for _, t := range c {
			if uint64(t) >= nt {
				d.Fail(fmt.Errorf("tag %d of %d in a class", t, nt))
			}
		}
		classes = append(classes, c)
	}
	n := d.Uvarint()
	if d.Err() == nil && n > maxLex {
		return nil, fmt.Errorf("%d lexicon words", n)
	}
	var words []lexEntry
	for i := 0; d.Err() == nil && i < int(n); i++ {
		e := lexEntry{word: string(d.Bytes(256))}
		e.class = uint32(d.Below(nc, "class"))
		e.tag = uint8(d.Below(nt+1, "dictionary tag"))
		words = append(words, e)
	}
	np := d.Uvarint()
	if d.Err() == nil && (np == 0 || np > maxPasses) {
		return nil, fmt.Errorf("%d passes (want 1 to %d)", np, maxPasses)
	}
	m := &Model{}
	for p := 0; d.Err() == nil && p < int(np); p++ {
		m.passes = append(m.passes, decodePass(d, nt))
	}
	if d.Err() != nil {
		return nil, d.Err()
	}
	m.lx = newLexicon(tags, classes, words)
	return m, nil
}

// decodePass decodes one pass of a model with nt tags.
func decodePass(d *modelio.Decoder, nt uint64) pass {
	n := d.Uvarint()
	if d.Err() == nil && n > maxKeys {
		d.Fail(fmt.Errorf("%d features", n))
	}
	var (
		keys    []uint64
		rows    [][]entry
		key     uint64
		entries int
	)
	for i := uint64(0); d.Err() == nil && i < n; i++ {
		delta := d.Uvarint()
		if delta == 0 || key+delta < key {
			d.Fail(errors.New("feature keys out of order"))
			break
		}
		key += delta
		nz := d.Uvarint()
		if nz > nt {
			d.Fail(fmt.Errorf("feature with %d weights for %d tags", nz, nt))
			break
		}
		if entries += int(nz); entries > maxEntries {
			d.Fail(fmt.Errorf("more than %d weights", maxEntries))
			break
		}
		row := make([]entry, 0, nz)
		for j := uint64(0); d.Err() == nil && j < nz; j++ {
			t := d.Below(nt, "tag")
			v := d.Varint()
			if v < math.MinInt16 || v > math.MaxInt16 {
				d.Fail(fmt.Errorf("weight %d out of range", v))
			}
			row = append(row, entry{tag: uint8(t), w: int16(v)})
		}
		keys = append(keys, key)
		rows = append(rows, row)
	}
	if d.Err() != nil {
		return pass{}
	}
	return newPass(keys, rows)
}
