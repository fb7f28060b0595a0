package postag

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
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

const (
	modelMagic   = "newsgraph-postag"
	modelVersion = 1
)

// ErrBadModel is returned by ReadModel when the data is not a tagger model
// of this version.
var ErrBadModel = errors.New("postag: not a tagger model")

// Write writes the model as gzip'd binary: the tags, the ambiguity classes,
// the lexicon, then for each pass the features' keys (ascending,
// delta-coded) with their nonzero 16-bit weights.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("postag: write model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	e.uvarint(uint64(len(m.lx.tags)))
	for _, t := range m.lx.tags {
		e.bytes([]byte(t))
	}
	e.uvarint(uint64(len(m.lx.classes)))
	for _, c := range m.lx.classes {
		e.bytes(c)
	}
	e.uvarint(uint64(len(m.lx.words)))
	for _, le := range m.lx.words {
		e.bytes([]byte(le.word))
		e.uvarint(uint64(le.class))
		e.uvarint(uint64(le.tag))
	}
	e.uvarint(uint64(len(m.passes)))
	for _, p := range m.passes {
		e.uvarint(uint64(len(p.keys)))
		prev, off := uint64(0), 0
		for i, k := range p.keys {
			e.uvarint(k - prev)
			prev = k
			n := int(p.counts[i])
			e.uvarint(uint64(n))
			for _, en := range p.w.entries[off : off+n] {
				e.uvarint(uint64(en.tag))
				e.varint(int64(en.w))
			}
			off += n
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("postag: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("postag: write model: %w", err)
	}
	return nil
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

// Writes go to a bufio.Writer, which remembers its first error for Flush.
func (e *encoder) uvarint(v uint64) { e.w.Write(binary.AppendUvarint(e.buf[:0], v)) }
func (e *encoder) varint(v int64)   { e.w.Write(binary.AppendVarint(e.buf[:0], v)) }
func (e *encoder) bytes(b []byte) {
	e.uvarint(uint64(len(b)))
	e.w.Write(b)
}

// ReadModel reads a model written by Write. name is used in errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w: %w", name, ErrBadModel, err)
	}
	defer zr.Close()
	d := decoder{r: bufio.NewReader(zr)}
	m, err := d.model()
	if err == nil {
		// Reading to the end makes gzip check its checksum and length.
		if _, err = d.r.ReadByte(); err == nil {
			err = fmt.Errorf("%w: data after the model", ErrBadModel)
		} else if err == io.EOF {
			err = nil
		} else {
			err = fmt.Errorf("%w: %w", ErrBadModel, eof(err))
		}
	}
	if err != nil {
		return nil, fmt.Errorf("read model %s: %w", name, err)
	}
	return m, nil
}

type decoder struct {
	r   *bufio.Reader
	err error
}

// Limits on what a model may hold, so that a corrupt file fails cleanly
// instead of asking for gigabytes.
const (
	maxLex    = 1 << 20
	maxKeys   = 1 << 24
	maxPasses = 2
)

func (d *decoder) model() (*Model, error) {
	if magic := d.bytes(64); d.err != nil || string(magic) != modelMagic {
		return nil, ErrBadModel
	}
	if v := d.uvarint(); d.err == nil && v != modelVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrBadModel, v, modelVersion)
	}
	nt := d.uvarint()
	if d.err == nil && (nt == 0 || nt > maxTags) {
		return nil, fmt.Errorf("%w: %d tags (want 1 to %d)", ErrBadModel, nt, maxTags)
	}
	var tags []string
	for i := 0; d.err == nil && i < int(nt); i++ {
		tags = append(tags, string(d.bytes(64)))
	}
	nc := d.uvarint()
	if d.err == nil && nc > maxLex {
		return nil, fmt.Errorf("%w: %d ambiguity classes", ErrBadModel, nc)
	}
	var classes [][]uint8
	for i := 0; d.err == nil && i < int(nc); i++ {
		c := d.bytes(int(nt))
		for _, t := range c {
			if uint64(t) >= nt {
				d.fail(fmt.Errorf("tag %d of %d in a class", t, nt))
			}
		}
		classes = append(classes, c)
	}
	n := d.uvarint()
	if d.err == nil && n > maxLex {
		return nil, fmt.Errorf("%w: %d lexicon words", ErrBadModel, n)
	}
	var words []lexEntry
	for i := 0; d.err == nil && i < int(n); i++ {
		e := lexEntry{word: string(d.bytes(256))}
		e.class = uint32(d.below(nc, "class"))
		e.tag = uint8(d.below(nt+1, "dictionary tag"))
		words = append(words, e)
	}
	np := d.uvarint()
	if d.err == nil && (np == 0 || np > maxPasses) {
		return nil, fmt.Errorf("%w: %d passes (want 1 to %d)", ErrBadModel, np, maxPasses)
	}
	m := &Model{}
	for p := 0; d.err == nil && p < int(np); p++ {
		m.passes = append(m.passes, d.pass(nt))
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, d.err)
	}
	m.lx = newLexicon(tags, classes, words)
	return m, nil
}

func (d *decoder) pass(nt uint64) pass {
	n := d.uvarint()
	if d.err == nil && n > maxKeys {
		d.fail(fmt.Errorf("%d features", n))
	}
	var (
		keys    []uint64
		rows    [][]entry
		key     uint64
		entries int
	)
	for i := uint64(0); d.err == nil && i < n; i++ {
		delta := d.uvarint()
		if delta == 0 || key+delta < key {
			d.fail(errors.New("feature keys out of order"))
			break
		}
		key += delta
		nz := d.uvarint()
		if nz > nt {
			d.fail(fmt.Errorf("feature with %d weights for %d tags", nz, nt))
			break
		}
		if entries += int(nz); entries > maxEntries {
			d.fail(fmt.Errorf("more than %d weights", maxEntries))
			break
		}
		row := make([]entry, 0, nz)
		for j := uint64(0); d.err == nil && j < nz; j++ {
			t := d.below(nt, "tag")
			v := d.varint()
			if v < math.MinInt16 || v > math.MaxInt16 {
				d.fail(fmt.Errorf("weight %d out of range", v))
			}
			row = append(row, entry{tag: uint8(t), w: int16(v)})
		}
		keys = append(keys, key)
		rows = append(rows, row)
	}
	if d.err != nil {
		return pass{}
	}
	return newPass(keys, rows)
}

// below reads a number below n; what names it in the error.
func (d *decoder) below(n uint64, what string) uint64 {
	v := d.uvarint()
	if d.err == nil && v >= n {
		d.fail(fmt.Errorf("%s %d of %d", what, v, n))
	}
	return v
}

func (d *decoder) fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadUvarint(d.r)
	d.fail(eof(err))
	return v
}

func (d *decoder) varint() int64 {
	if d.err != nil {
		return 0
	}
	v, err := binary.ReadVarint(d.r)
	d.fail(eof(err))
	return v
}

func (d *decoder) bytes(limit int) []byte {
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(limit) {
		d.fail(fmt.Errorf("string of %d bytes", n))
		return nil
	}
	b := make([]byte, n)
	_, err := io.ReadFull(d.r, b)
	d.fail(eof(err))
	return b
}

func eof(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
