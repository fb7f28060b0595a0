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

// Model holds a trained tagger: its tag set, its tag dictionary and its
// feature weights. A Model is read-only once built and safe for concurrent
// use.
type Model struct {
	tags      []string
	dictWords []string // normalised forms, sorted, for writing
	dictTags  []uint8
	dict      *dict
	keys      []uint64 // feature keys, ascending; row i has counts[i] entries
	counts    []uint8
	w         *weights
}

// Tags returns the tags the model assigns, sorted.
func (m *Model) Tags() []string { return slices.Clone(m.tags) }

// DictSize is how many words the tag dictionary tags without scoring.
func (m *Model) DictSize() int { return len(m.dictWords) }

// Features is how many features have weights.
func (m *Model) Features() int { return len(m.keys) }

// maxTags is the most tags a model may have: tags are bytes.
const maxTags = 255

const (
	modelMagic   = "newsgraph-postag"
	modelVersion = 1
)

// ErrBadModel is returned by ReadModel when the data is not a tagger model
// of this version.
var ErrBadModel = errors.New("postag: not a tagger model")

// newModel builds a model, its lookup tables included, from its parts:
// tags sorted, dictionary words sorted with their tag indices, feature keys
// ascending with their rows of nonzero weights.
func newModel(tags, dictWords []string, dictTags []uint8, keys []uint64, rows [][]entry) *Model {
	m := &Model{tags: tags, dictWords: dictWords, dictTags: dictTags, keys: keys, counts: make([]uint8, len(rows))}
	dk := make([]uint64, len(dictWords))
	for i, w := range dictWords {
		dk[i] = caseKey(w)
	}
	m.dict = newDict(dk, dictTags)
	for i, r := range rows {
		m.counts[i] = uint8(len(r))
	}
	m.w = newWeights(keys, rows)
	return m
}

// Write writes the model as gzip'd binary: the tags, the dictionary, then
// the features' keys (ascending, delta-coded) with their nonzero 16-bit
// weights.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("postag: write model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	e.uvarint(uint64(len(m.tags)))
	for _, t := range m.tags {
		e.bytes([]byte(t))
	}
	e.uvarint(uint64(len(m.dictWords)))
	for i, dw := range m.dictWords {
		e.bytes([]byte(dw))
		e.uvarint(uint64(m.dictTags[i]))
	}
	e.uvarint(uint64(len(m.keys)))
	prev, off := uint64(0), 0
	for i, k := range m.keys {
		e.uvarint(k - prev)
		prev = k
		n := int(m.counts[i])
		e.uvarint(uint64(n))
		for _, en := range m.w.entries[off : off+n] {
			e.uvarint(uint64(en.tag))
			e.varint(int64(en.w))
		}
		off += n
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
	maxDict     = 1 << 20
	maxKeys     = 1 << 24
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
	n := d.uvarint()
	if d.err == nil && n > maxDict {
		return nil, fmt.Errorf("%w: %d dictionary words", ErrBadModel, n)
	}
	var (
		dictWords []string
		dictTags  []uint8
	)
	for i := 0; d.err == nil && i < int(n); i++ {
		dictWords = append(dictWords, string(d.bytes(256)))
		dictTags = append(dictTags, d.tag(nt))
	}
	n = d.uvarint()
	if d.err == nil && n > maxKeys {
		return nil, fmt.Errorf("%w: %d features", ErrBadModel, n)
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
			t := d.tag(nt)
			v := d.varint()
			if v < math.MinInt16 || v > math.MaxInt16 {
				d.fail(fmt.Errorf("weight %d out of range", v))
			}
			row = append(row, entry{tag: t, w: int16(v)})
		}
		keys = append(keys, key)
		rows = append(rows, row)
	}
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, d.err)
	}
	return newModel(tags, dictWords, dictTags, keys, rows), nil
}

// tag reads a tag index below n.
func (d *decoder) tag(n uint64) uint8 {
	t := d.uvarint()
	if d.err == nil && t >= n {
		d.fail(fmt.Errorf("tag %d of %d", t, n))
	}
	return uint8(t)
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
