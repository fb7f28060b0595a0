package depparse

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"

	"github.com/newsgraph/newsgraph/internal/modelio"
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

// ErrBadModel is returned by ReadModel when the data is not a model of this
// version.
var ErrBadModel = errors.New("depparse: not a parser model")

// format is the parser's model file.
var format = modelio.Format{Magic: "newsgraph-depparse", Version: 3, ErrBad: ErrBadModel}

// Write writes the model as gzip'd binary: the weights are quantised to 16
// bits per table and rows that round to zero are left out, with the feature
// keys sorted and delta-coded.
func (m *Model) Write(w io.Writer) error {
	err := format.Write(w, func(e *modelio.Encoder) {
		e.Uvarint(uint64(len(m.labels)))
		for _, l := range m.labels {
			e.Bytes([]byte(l))
		}
		leaves := slices.Sorted(maps.Keys(m.leaves))
		e.Uvarint(uint64(len(leaves)))
		for _, t := range leaves {
			e.Bytes([]byte(t))
		}
		writeTable(e, m.trans)
		writeTable(e, m.label)
	})
	if err != nil {
		return fmt.Errorf("depparse: %w", err)
	}
	return nil
}

func writeTable(e *modelio.Encoder, t *table) {
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
	e.Uvarint(uint64(t.width))
	e.Uvarint(math.Float64bits(float64(scale)))
	e.Uvarint(uint64(len(rows)))
	prev := uint64(0)
	for _, r := range rows {
		e.Uvarint(keys[r] - prev)
		prev = keys[r]
		t.row(int(r), row)
		quantise(q, row, scale)
		nz := 0
		for _, v := range q {
			if v != 0 {
				nz++
			}
		}
		e.Uvarint(uint64(nz))
		for c, v := range q {
			if v != 0 {
				e.Uvarint(uint64(c))
				e.Varint(v)
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

// ReadModel reads a model written by Write. name is used in errors.
func ReadModel(r io.Reader, name string) (*Model, error) {
	return modelio.Read(format, r, name, decodeModel)
}

// decodeModel decodes what Write encoded after the header.
func decodeModel(d *modelio.Decoder) (*Model, error) {
	n := d.Uvarint()
	if d.Err() == nil && (n == 0 || n > maxLabels) {
		return nil, fmt.Errorf("%d labels (want 1 to %d)", n, maxLabels)
	}
	m := &Model{}
	root := -1
	for i := 0; d.Err() == nil && i < int(n); i++ {
		l := string(d.Bytes(256))
		if l == RootLabel {
			root = i
		}
		m.labels = append(m.labels, l)
	}
	if d.Err() == nil && root < 0 {
		return nil, fmt.Errorf("no %q label", RootLabel)
	}
	m.root = uint8(root)
	n = d.Uvarint()
	if d.Err() == nil && n > 1024 {
		return nil, fmt.Errorf("%d leaf tags", n)
	}
	m.leaves = make(map[string]bool, n)
	for i := 0; d.Err() == nil && i < int(n); i++ {
		m.leaves[string(d.Bytes(256))] = true
	}
	m.trans = decodeTable(d, int(numMoves))
	m.label = decodeTable(d, len(m.labels))
	if d.Err() != nil {
		return nil, d.Err()
	}
	return m, nil
}

// decodeTable decodes a table written by writeTable, which must have width
// columns.
func decodeTable(d *modelio.Decoder, width int) *table {
	if w := d.Uvarint(); d.Err() == nil && int(w) != width {
		d.Fail(fmt.Errorf("table of width %d, want %d", w, width))
	}
	scale := float32(math.Float64frombits(d.Uvarint()))
	n := d.Uvarint()
	if d.Err() != nil {
		return nil
	}
	if n > 1<<26 {
		d.Fail(fmt.Errorf("table of %d rows", n))
		return nil
	}
	keys := make([]uint64, 0, n)
	var rows [][]float32
	key := uint64(0)
	for i := uint64(0); d.Err() == nil && i < n; i++ {
		delta := d.Uvarint()
		if i > 0 && delta == 0 || key+delta < key {
			d.Fail(errors.New("feature keys out of order"))
			break
		}
		key += delta
		keys = append(keys, key)
		row := make([]float32, width)
		nz := d.Uvarint()
		for j := uint64(0); d.Err() == nil && j < nz; j++ {
			c := d.Uvarint()
			v := d.Varint()
			if c >= uint64(width) {
				d.Fail(fmt.Errorf("class %d in a table of width %d", c, width))
				break
			}
			row[c] = float32(v) * scale
		}
		rows = append(rows, row)
	}
	if d.Err() != nil {
		return nil
	}
	if len(keys) > 0 && keys[0] == 0 {
		d.Fail(errors.New("feature key 0"))
		return nil
	}
	t := newTable(keys, width)
	for i, row := range rows {
		copy(t.w[i*width:], row)
	}
	t.freeze()
	return t
}
