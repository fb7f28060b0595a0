package depparse

import "slices"

// table maps feature hashes to rows of weights, one weight per class. It is
// an open-addressing hash table at most half full, so a lookup of a feature
// the model lacks (the common case) usually ends at the first empty slot.
type table struct {
	mask  uint64
	slots []slot
	width int       // classes per row
	w     []float32 // len(keys) rows of width weights
}

type slot struct {
	key uint64 // 0: empty
	row int32
}

// newTable builds a table for the given distinct, nonzero keys; row i of w
// belongs to keys[i].
func newTable(keys []uint64, width int) *table {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := &table{mask: uint64(size - 1), slots: make([]slot, size), width: width, w: make([]float32, len(keys)*width)}
	for i, k := range keys {
		j := k & t.mask
		for t.slots[j].key != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = slot{key: k, row: int32(i)}
	}
	return t
}

// find returns the row of key, or -1.
func (t *table) find(key uint64) int32 {
	for j := key & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.key == key {
			return s.row
		}
		if s.key == 0 {
			return -1
		}
	}
}

// score adds the rows of the given features to scores (len width).
func (t *table) score(scores []float32, feats []uint64) {
	for _, f := range feats {
		r := t.find(f)
		if r < 0 {
			continue
		}
		row := t.w[int(r)*t.width : int(r+1)*t.width]
		for c, v := range row {
			scores[c] += v
		}
	}
}

// keys returns the table's keys in row order.
func (t *table) keys() []uint64 {
	keys := make([]uint64, len(t.w)/max(t.width, 1))
	for _, s := range t.slots {
		if s.key != 0 {
			keys[s.row] = s.key
		}
	}
	return keys
}

// sortedRows returns the row numbers ordered by key, for a compact file.
func (t *table) sortedRows() []int32 {
	keys := t.keys()
	rows := make([]int32, len(keys))
	for i := range rows {
		rows[i] = int32(i)
	}
	slices.SortFunc(rows, func(a, b int32) int {
		switch {
		case keys[a] < keys[b]:
			return -1
		case keys[a] > keys[b]:
			return 1
		}
		return 0
	})
	return rows
}
