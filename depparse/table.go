package depparse

import "math"

// table maps feature hashes to rows of weights, one weight per class. It is
// an open-addressing hash table at most three-quarters full whose slots hold a
// 32-bit fingerprint of the key (its high half; the low bits choose the
// slot) and the row: 8 bytes a slot keeps the hot part of the parser's
// memory small. Two features that share both the fingerprint and the slot
// bits would share weights; with 51 bits that is negligible.
type table struct {
	mask  uint64
	slots []slot    // dropped by freeze when pk holds them
	keys  []uint64  // keys[r] is row r's full key, for writing the model
	width int       // classes per row
	w     []float32 // len(keys) rows of width weights; dropped by freeze when sp holds them
	sp    *sparse   // the nonzero weights of w, once final, if wider than numMoves
	pk    *packed   // w packed into the slots, once final, if numMoves wide
}

// packed is a finished transition table laid out for lookups: each slot
// holds the key's fingerprint and the row's weights as 16-bit integers (the
// precision the model file keeps anyway), so that finding a feature and
// reading its weights is one memory access, not two. It is at most half
// full (the weight table three-quarters), so a lookup rarely probes past its
// home slot: 12 MB more for the EWT model, 10% faster parsing.
type packed struct {
	mask  uint64
	slots []packedSlot
	scale float32 // weight = integer × scale
}

type packedSlot struct {
	fp uint32 // 0: empty
	w  [numMoves]int16
}

// sparse holds a finished table's nonzero weights row by row. A label row
// has a few nonzero weights among 51 (a perceptron only moves the gold and
// the predicted class), so adding them alone is several times faster.
type sparse struct {
	start []int32 // row r's weights are class[start[r]:start[r+1]]
	class []uint8
	w     []float32
}

// freeze builds the table's fast read-only form for scoring: packed slots
// for the transition table, the nonzero weights for wider ones. It then
// drops what scoring no longer reads (the transition table's index, the
// label table's dense rows), which halves a loaded model's memory. A frozen
// table is for scoring and writing only.
func (t *table) freeze() {
	if t.width == int(numMoves) {
		t.pack()
		t.slots = nil
		return
	}
	sp := &sparse{start: make([]int32, 1, len(t.keys)+1)}
	for r := range t.keys {
		for c, v := range t.w[r*t.width : (r+1)*t.width] {
			if v != 0 {
				sp.class = append(sp.class, uint8(c))
				sp.w = append(sp.w, v)
			}
		}
		sp.start = append(sp.start, int32(len(sp.w)))
	}
	t.sp = sp
	t.w = nil
}

// row copies row r's weights into dst (len width), from the dense rows or,
// once they are dropped, from the nonzero ones.
func (t *table) row(r int, dst []float32) {
	if t.w != nil {
		copy(dst, t.w[r*t.width:(r+1)*t.width])
		return
	}
	clear(dst)
	for i := t.sp.start[r]; i < t.sp.start[r+1]; i++ {
		dst[t.sp.class[i]] = t.sp.w[i]
	}
}

type slot struct {
	fp  uint32 // 0: empty
	row int32
}

func fingerprint(key uint64) uint32 { return uint32(key>>32) | 1 }

// newTable builds a table for the given distinct, nonzero keys; row i of w
// belongs to keys[i].
func newTable(keys []uint64, width int) *table {
	size := 16
	for size < len(keys)+len(keys)/3 {
		size *= 2
	}
	t := &table{mask: uint64(size - 1), slots: make([]slot, size), keys: keys, width: width, w: make([]float32, len(keys)*width)}
	for i, k := range keys {
		j := k & t.mask
		for t.slots[j].fp != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = slot{fp: fingerprint(k), row: int32(i)}
	}
	return t
}

// find returns the row of key, or -1.
func (t *table) find(key uint64) int32 {
	fp := fingerprint(key)
	for j := key & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.fp == fp {
			return s.row
		}
		if s.fp == 0 {
			return -1
		}
	}
}

func (t *table) pack() {
	maxAbs := float32(0)
	for _, v := range t.w {
		maxAbs = max(maxAbs, v, -v)
	}
	size := 16
	for size < 2*len(t.keys) {
		size *= 2
	}
	pk := &packed{mask: uint64(size - 1), slots: make([]packedSlot, size), scale: maxAbs / math.MaxInt16}
	if pk.scale == 0 {
		pk.scale = 1
	}
	for r, k := range t.keys {
		ps := packedSlot{fp: fingerprint(k)}
		for c := range ps.w {
			ps.w[c] = int16(math.Round(float64(t.w[r*4+c] / pk.scale)))
		}
		j := k & pk.mask
		for pk.slots[j].fp != 0 {
			j = (j + 1) & pk.mask
		}
		pk.slots[j] = ps
	}
	t.pk = pk
}

// score adds the rows of the given features to scores (len width). It runs
// for some 90 features per parser step, and cache misses on the table are
// most of the parser's time, so the work is split in passes whose loads do
// not wait on each other's branches: rows finds the rows, then they are
// added up.
func (t *table) score(scores []float32, feats []uint64) {
	if t.pk != nil {
		t.pk.score((*[numMoves]float32)(scores), feats)
		return
	}
	var buf [maxFeatures]int32
	rows := t.rows(&buf, feats)
	if t.width == int(numMoves) {
		var s0, s1, s2, s3 float32
		for _, r := range rows {
			row := (*[numMoves]float32)(t.w[int(r)*4:])
			s0 += row[0]
			s1 += row[1]
			s2 += row[2]
			s3 += row[3]
		}
		scores[0] += s0
		scores[1] += s1
		scores[2] += s2
		scores[3] += s3
		return
	}
	if sp := t.sp; sp != nil {
		for _, r := range rows {
			from, to := sp.start[r], sp.start[r+1]
			w := sp.w[from:to]
			for i, c := range sp.class[from:to:to][:len(w)] {
				scores[c] += w[i]
			}
		}
		return
	}
	for _, r := range rows {
		row := t.w[int(r)*t.width : int(r+1)*t.width]
		scores := scores[:len(row)]
		for c, v := range row {
			scores[c] += v
		}
	}
}

// rows returns the rows of the features the table has, in buf. It first
// copies each feature's home slot, with no branch between the loads, and
// only then compares, probing further on a collision.
func (t *table) rows(buf *[maxFeatures]int32, feats []uint64) []int32 {
	var home [maxFeatures]slot
	feats = feats[:min(len(feats), maxFeatures)]
	for i, f := range feats {
		home[i] = t.slots[f&t.mask]
	}
	n := 0
	for i, f := range feats {
		r := home[i].row
		switch fp := fingerprint(f); {
		case home[i].fp == fp:
		case home[i].fp == 0:
			continue
		default:
			if r = t.find(f); r < 0 {
				continue
			}
		}
		buf[n] = r
		n++
	}
	return buf[:n]
}

// maxFeatures bounds the features one step scores.
const maxFeatures = numTransFeatures + numLabelFeatures

// score is table.score for a packed table. It copies each feature's home
// slot first, with no branch between the loads so that their cache misses
// overlap, and probes further only on a collision.
func (p *packed) score(scores *[numMoves]float32, feats []uint64) {
	var home [maxFeatures]packedSlot
	feats = feats[:min(len(feats), maxFeatures)]
	for i, f := range feats {
		home[i] = p.slots[f&p.mask]
	}
	var s0, s1, s2, s3 int32
	for i, f := range feats {
		sl := &home[i]
		if fp := fingerprint(f); sl.fp != fp {
			if sl.fp == 0 {
				continue
			}
			if sl = p.find(f); sl == nil {
				continue
			}
		}
		s0 += int32(sl.w[0])
		s1 += int32(sl.w[1])
		s2 += int32(sl.w[2])
		s3 += int32(sl.w[3])
	}
	scores[0] += float32(s0) * p.scale
	scores[1] += float32(s1) * p.scale
	scores[2] += float32(s2) * p.scale
	scores[3] += float32(s3) * p.scale
}

func (p *packed) find(key uint64) *packedSlot {
	fp := fingerprint(key)
	for j := key & p.mask; ; j = (j + 1) & p.mask {
		s := &p.slots[j]
		if s.fp == fp {
			return s
		}
		if s.fp == 0 {
			return nil
		}
	}
}
