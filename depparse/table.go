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

// packed is a finished transition table laid out for lookups: each 8-byte
// slot holds a 16-bit fingerprint of the key and the row's weights as 16-bit
// integers, so that finding a feature and reading its weights is one memory
// access and eight slots share a cache line. Only the differences from the
// shift weight are kept: adding one number to all of a row's weights adds it
// to every move's score alike and so never changes the best move. The
// table is at most two-thirds full: a lookup seldom probes past its home
// slot's cache line, and a smaller table misses the cache less.
type packed struct {
	mask  uint64
	slots []packedSlot
	scale float32 // weight = integer × scale
}

type packedSlot struct {
	fp uint16 // 0: empty
	w  [numMoves - 1]int16
}

// sparse holds a finished label table's nonzero weights, quantised to 16
// bits. A label row has a few nonzero weights among 51 (a perceptron only
// moves the gold and the predicted class), so adding them alone is several
// times faster. A slot points straight at its row in ent, where a count
// is followed by the row's entries (class<<16 | weight), so a lookup costs
// two memory accesses.
type sparse struct {
	mask  uint64
	slots []slot   // row = offset into ent
	ent   []uint32 // rows: count, then count entries
	start []uint32 // ent offset of row r, for writing the model
	scale float32
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
	maxAbs := float32(0)
	for _, v := range t.w {
		maxAbs = max(maxAbs, v, -v)
	}
	sp := &sparse{mask: t.mask, slots: t.slots, start: make([]uint32, len(t.keys)), scale: quantum(maxAbs)}
	for r := range t.keys {
		sp.start[r] = uint32(len(sp.ent))
		sp.ent = append(sp.ent, 0)
		for c, v := range t.w[r*t.width : (r+1)*t.width] {
			if q := int16(math.Round(float64(v / sp.scale))); q != 0 {
				sp.ent = append(sp.ent, uint32(c)<<16|uint32(uint16(q)))
			}
		}
		sp.ent[sp.start[r]] = uint32(len(sp.ent)) - sp.start[r] - 1
	}
	for i := range sp.slots {
		if sp.slots[i].fp != 0 {
			sp.slots[i].row = int32(sp.start[sp.slots[i].row])
		}
	}
	t.sp = sp
	t.slots = nil
	t.w = nil
}

// quantum is the scale that maps weights of at most maxAbs onto int16.
func quantum(maxAbs float32) float32 {
	if maxAbs == 0 {
		return 1
	}
	return maxAbs / math.MaxInt16
}

// row copies row r's weights into dst (len width), from the dense rows or,
// once they are dropped, from the nonzero ones.
func (t *table) row(r int, dst []float32) {
	if t.w != nil {
		copy(dst, t.w[r*t.width:(r+1)*t.width])
		return
	}
	clear(dst)
	off := t.sp.start[r]
	for _, e := range t.sp.ent[off+1 : off+1+t.sp.ent[off]] {
		dst[e>>16] = float32(int16(e)) * t.sp.scale
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
func (t *table) find(key uint64) int32 { return find(t.slots, t.mask, key) }

// find returns the row of key in slots, or -1.
func find(slots []slot, mask uint64, key uint64) int32 {
	fp := fingerprint(key)
	for j := key & mask; ; j = (j + 1) & mask {
		s := slots[j]
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
	for r := range t.keys {
		row := t.w[r*4 : r*4+4]
		for _, v := range row[1:] {
			maxAbs = max(maxAbs, v-row[0], row[0]-v)
		}
	}
	size := 16
	for size < 2*len(t.keys) {
		size *= 2
	}
	pk := &packed{mask: uint64(size - 1), slots: make([]packedSlot, size), scale: quantum(maxAbs)}
	for r, k := range t.keys {
		row := t.w[r*4 : r*4+4]
		ps := packedSlot{fp: fingerprint16(k)}
		for c := range ps.w {
			ps.w[c] = int16(math.Round(float64((row[c+1] - row[0]) / pk.scale)))
		}
		j := k & pk.mask
		for pk.slots[j].fp != 0 {
			j = (j + 1) & pk.mask
		}
		pk.slots[j] = ps
	}
	t.pk = pk
}

// fingerprint16 is a packed slot's fingerprint: the key's top bits, which
// the slot number (its low bits) does not use.
func fingerprint16(key uint64) uint16 { return uint16(key>>48) | 1 }

// score adds the rows of the given features to scores (len width). It runs
// for some 90 features per parser step, and cache misses on the table are
// most of the parser's time, so the work is split in passes whose loads do
// not wait on each other's branches: rows finds the rows, then they are
// added up.
func (t *table) score(scores []float32, feats []uint64) {
	switch {
	case t.pk != nil:
		t.pk.score((*[numMoves]float32)(scores), feats)
		return
	case t.sp != nil:
		t.sp.score(scores, feats)
		return
	}
	var buf [maxFeatures]int32
	rows := rows(&buf, t.slots, t.mask, feats)
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
	for _, r := range rows {
		row := t.w[int(r)*t.width : int(r+1)*t.width]
		scores := scores[:len(row)]
		for c, v := range row {
			scores[c] += v
		}
	}
}

// score is table.score for a frozen label table. It reads every row's
// count before adding any row up, so that the rows' cache misses overlap
// rather than wait on each other's loops.
func (sp *sparse) score(scores []float32, feats []uint64) {
	var buf [maxFeatures]int32
	var count [maxFeatures]uint32
	rows := rows(&buf, sp.slots, sp.mask, feats)
	for i, off := range rows {
		count[i] = sp.ent[off]
	}
	var sum [maxLabels]int32
	for i, off := range rows {
		from := uint32(off) + 1
		for _, e := range sp.ent[from : from+count[i]] {
			sum[e>>16&(maxLabels-1)] += int32(int16(e))
		}
	}
	for c := range scores[:min(len(scores), maxLabels)] {
		scores[c] += float32(sum[c]) * sp.scale
	}
}

// rows returns the rows of the features the slots hold, in buf. It first
// copies each feature's home slot, with no branch between the loads, and
// only then compares, probing further on a collision.
func rows(buf *[maxFeatures]int32, slots []slot, mask uint64, feats []uint64) []int32 {
	var home [maxFeatures]slot
	feats = feats[:min(len(feats), maxFeatures)]
	for i, f := range feats {
		home[i] = slots[f&mask]
	}
	n := 0
	for i, f := range feats {
		r := home[i].row
		switch fp := fingerprint(f); {
		case home[i].fp == fp:
		case home[i].fp == 0:
			continue
		default:
			if r = find(slots, mask, f); r < 0 {
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
	var s1, s2, s3 int32
	for i, f := range feats {
		sl := &home[i]
		if fp := fingerprint16(f); sl.fp != fp {
			if sl.fp == 0 {
				continue
			}
			if sl = p.find(f); sl == nil {
				continue
			}
		}
		s1 += int32(sl.w[0])
		s2 += int32(sl.w[1])
		s3 += int32(sl.w[2])
	}
	scores[1] += float32(s1) * p.scale
	scores[2] += float32(s2) * p.scale
	scores[3] += float32(s3) * p.scale
}

func (p *packed) find(key uint64) *packedSlot {
	fp := fingerprint16(key)
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
