package depparse

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
)

// Model holds a trained parser's weights: the transition classifier's and
// the label classifier's, and the label names. A Model is read-only once
// built and safe for concurrent use.
type Model struct {
	labels []string
	root   uint8           // index of the "root" label
	leaves map[string]bool // tags that never head a word in training
	trans  *table
	label  *table
}

// Labels returns the relation labels the model assigns.
func (m *Model) Labels() []string { return slices.Clone(m.labels) }

// LeafTags returns the tags whose words the model never makes a head.
func (m *Model) LeafTags() []string { return slices.Sorted(maps.Keys(m.leaves)) }

// maxLabels is the most labels a model may have: label sets are 64-bit masks.
const maxLabels = 64

// RootLabel is the label of the word attached to the root.
const RootLabel = "root"

const (
	modelMagic   = "newsgraph-depparse"
	modelVersion = 3
)

// ErrBadModel is returned by ReadModel when the data is not a model of this
// version.
var ErrBadModel = errors.New("depparse: not a parser model")

// Write writes the model as gzip'd binary: the weights are quantised to 16
// bits per table and rows that round to zero are left out, with the feature
// keys sorted and delta-coded.
func (m *Model) Write(w io.Writer) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("depparse: write model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := encoder{w: bw}
	e.bytes([]byte(modelMagic))
	e.uvarint(modelVersion)
	e.uvarint(uint64(len(m.labels)))
	for _, l := range m.labels {
		e.bytes([]byte(l))
	}
	leaves := slices.Sorted(maps.Keys(m.leaves))
	e.uvarint(uint64(len(leaves)))
	for _, t := range leaves {
		e.bytes([]byte(t))
	}
	writeTable(&e, m.trans)
	writeTable(&e, m.label)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("depparse: write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("depparse: write model: %w", err)
	}
	return nil
}

func writeTable(e *encoder, t *table) {
	keys := t.keys
	row := make([]float32, t.width)
	maxAbs := float32(0)
	for r := range keys {
		t.row(r, row)
		for _, v := range row {
			maxAbs = max(maxAbs, v, -v)
		}
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	q := make([]int64, t.width)
	var rows []int32
	for _, r := range sortedRows(keys) {
		t.row(int(r), row)
		if quantise(q, row, scale) {
			rows = append(rows, r)
		}
	}
	e.uvarint(uint64(t.width))
	e.uvarint(math.Float64bits(float64(scale)))
	e.uvarint(uint64(len(rows)))
	prev := uint64(0)
	for _, r := range rows {
		e.uvarint(keys[r] - prev)
		prev = keys[r]
		t.row(int(r), row)
		quantise(q, row, scale)
		nz := 0
		for _, v := range q {
			if v != 0 {
				nz++
			}
		}
		e.uvarint(uint64(nz))
		for c, v := range q {
			if v != 0 {
				e.uvarint(uint64(c))
				e.varint(v)
			}
		}
	}
}

// sortedRows returns the row numbers ordered by key, for delta coding.
func sortedRows(keys []uint64) []int32 {
	rows := make([]int32, len(keys))
	for i := range rows {
		rows[i] = int32(i)
	}
	slices.SortFunc(rows, func(a, b int32) int { return cmp.Compare(keys[a], keys[b]) })
	return rows
}

// quantise rounds row/scale into q and reports whether any value is nonzero.
func quantise(q []int64, row []float32, scale float32) bool {
	any := false
	for c, v := range row {
		q[c] = int64(math.Round(float64(v / scale)))
		any = any || q[c] != 0
	}
	return any
}

type encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

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

func (d *decoder) model() (*Model, error) {
	if magic := d.bytes(64); d.err != nil || string(magic) != modelMagic {
		return nil, ErrBadModel
	}
	if v := d.uvarint(); d.err == nil && v != modelVersion {
		return nil, fmt.Errorf("%w: version %d, want %d", ErrBadModel, v, modelVersion)
	}
	n := d.uvarint()
	if d.err == nil && (n == 0 || n > maxLabels) {
		return nil, fmt.Errorf("%w: %d labels (want 1 to %d)", ErrBadModel, n, maxLabels)
	}
	m := &Model{}
	root := -1
	for i := 0; d.err == nil && i < int(n); i++ {
		l := string(d.bytes(256))
		if l == RootLabel {
			root = i
		}
		m.labels = append(m.labels, l)
	}
	if d.err == nil && root < 0 {
		return nil, fmt.Errorf("%w: no %q label", ErrBadModel, RootLabel)
	}
	m.root = uint8(root)
	n = d.uvarint()
	if d.err == nil && n > 1024 {
		return nil, fmt.Errorf("%w: %d leaf tags", ErrBadModel, n)
	}
	m.leaves = make(map[string]bool, n)
	for i := 0; d.err == nil && i < int(n); i++ {
		m.leaves[string(d.bytes(256))] = true
	}
	m.trans = d.table(int(numMoves))
	m.label = d.table(len(m.labels))
	if d.err != nil {
		return nil, fmt.Errorf("%w: %w", ErrBadModel, d.err)
	}
	return m, nil
}

func (d *decoder) table(width int) *table {
	if w := d.uvarint(); d.err == nil && int(w) != width {
		d.fail(fmt.Errorf("table of width %d, want %d", w, width))
	}
	scale := float32(math.Float64frombits(d.uvarint()))
	n := d.uvarint()
	if d.err != nil {
		return nil
	}
	if n > 1<<26 {
		d.fail(fmt.Errorf("table of %d rows", n))
		return nil
	}
	keys := make([]uint64, 0, n)
	var rows [][]float32
	key := uint64(0)
	for i := uint64(0); d.err == nil && i < n; i++ {
		delta := d.uvarint()
		if i > 0 && delta == 0 || key+delta < key {
			d.fail(errors.New("feature keys out of order"))
			break
		}
		key += delta
		keys = append(keys, key)
		row := make([]float32, width)
		nz := d.uvarint()
		for j := uint64(0); d.err == nil && j < nz; j++ {
			c := d.uvarint()
			v := d.varint()
			if c >= uint64(width) {
				d.fail(fmt.Errorf("class %d in a table of width %d", c, width))
				break
			}
			row[c] = float32(v) * scale
		}
		rows = append(rows, row)
	}
	if d.err != nil {
		return nil
	}
	if len(keys) > 0 && keys[0] == 0 {
		d.fail(errors.New("feature key 0"))
		return nil
	}
	t := newTable(keys, width)
	for i, row := range rows {
		copy(t.w[i*width:], row)
	}
	t.freeze()
	return t
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
