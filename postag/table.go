package postag

// weights maps feature hashes to their nonzero weights, one per tag the
// feature speaks for. It is an open-addressing hash table at most half full,
// so that a lookup rarely probes past its home slot; a slot holds a 32-bit
// fingerprint of the key (its high half; the low bits choose the slot) and
// where its weights are. Two features that share both the fingerprint and
// the slot bits would share weights; with 50 bits that is negligible.
type weights struct {
	mask    uint64
	slots   []wslot
	entries []entry
}

type wslot struct {
	fp  uint32 // 0: empty
	row uint32 // offset of the row's entries << 8 | their number
}

// entry is one nonzero weight of a feature, as a 16-bit integer: scores are
// only compared, so the scale the model file records is not needed.
type entry struct {
	tag uint8
	w   int16
}

// maxEntries bounds a table's entries (a slot keeps their offset in 24 bits).
const maxEntries = 1 << 24

func fingerprint(key uint64) uint32 { return uint32(key>>32) | 1 }

// newWeights builds a table from distinct nonzero keys and each key's
// entries; the caller keeps len(entries) within maxEntries and each row
// within 255 entries.
func newWeights(keys []uint64, rows [][]entry) *weights {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := &weights{mask: uint64(size - 1), slots: make([]wslot, size)}
	for i, k := range keys {
		off := len(t.entries)
		t.entries = append(t.entries, rows[i]...)
		j := k & t.mask
		for t.slots[j].fp != 0 {
			j = (j + 1) & t.mask
		}
		t.slots[j] = wslot{fp: fingerprint(k), row: uint32(off)<<8 | uint32(len(rows[i]))}
	}
	return t
}

func (t *weights) find(key uint64) (wslot, bool) {
	fp := fingerprint(key)
	for j := key & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.fp == fp {
			return s, true
		}
		if s.fp == 0 {
			return s, false
		}
	}
}

// score adds the weights of feats to scores, which must have a place for
// every tag of the model. Cache misses on the table are most of the
// tagger's time, so it first copies each feature's home slot with no branch
// between the loads, letting the misses overlap, and only then compares and
// adds.
func (t *weights) score(scores []int32, feats []uint64) {
	var home [numFeatures]wslot
	feats = feats[:min(len(feats), numFeatures)]
	for i, f := range feats {
		home[i] = t.slots[f&t.mask]
	}
	for i, f := range feats {
		s := home[i]
		if s.fp != fingerprint(f) {
			if s.fp == 0 {
				continue
			}
			var ok bool
			if s, ok = t.find(f); !ok {
				continue
			}
		}
		off, n := s.row>>8, s.row&0xff
		for _, e := range t.entries[off : off+n] {
			scores[e.tag] += int32(e.w)
		}
	}
}

// lexTable maps a word (its caseKey) to what the lexicon knows of it: the
// feature value of its ambiguity class and, for a dictionary word, its tag.
// It is an open-addressing table at most half full.
type lexTable struct {
	mask  uint64
	slots []lexSlot
}

type lexSlot struct {
	key   uint64 // 0: empty
	class uint64 // the class's feature value
	tag   uint8  // the settled tag plus one; 0: the word is scored
}

func newLexTable(keys []uint64, vals []lexSlot) *lexTable {
	size := 16
	for size < 2*len(keys) {
		size *= 2
	}
	t := &lexTable{mask: uint64(size - 1), slots: make([]lexSlot, size)}
	for i, k := range keys {
		j := k & t.mask
		for t.slots[j].key != 0 && t.slots[j].key != k {
			j = (j + 1) & t.mask
		}
		t.slots[j] = vals[i]
		t.slots[j].key = k
	}
	return t
}

// lookup returns the word's slot; a word not in the lexicon gets the
// unknown class.
func (t *lexTable) lookup(key uint64) lexSlot {
	for j := key & t.mask; ; j = (j + 1) & t.mask {
		s := t.slots[j]
		if s.key == key {
			return s
		}
		if s.key == 0 {
			return lexSlot{class: unknownClass}
		}
	}
}
