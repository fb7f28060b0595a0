package prosetag

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
)

// model is prose's flat perceptron model, indexed by feature hash.
type model struct {
	classes []string
	table   []slot // open addressing, a power of two long, at most two-thirds full
	shift   uint   // 64 - log2(len(table)): a hash's top bits choose its slot
	pairs   []pair // each feature's nonzero weights, in the file's order
	known   map[string]uint8
}

// slot is one feature: its hash (0: empty) and its pairs.
type slot struct {
	h      uint64
	lo, hi uint32
}

type pair struct {
	w     float32
	class uint8
}

// magic and version are prose's flat format's header (prose/v3/internal/flat).
const (
	magic   = "PROSETAG"
	version = 1
)

// decoder reads the little-endian fields of the flat format; the first
// error sticks.
type decoder struct {
	b   []byte
	err error
}

func (d *decoder) bytes(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.b) {
		d.err = fmt.Errorf("truncated: wanted %d bytes, have %d", n, len(d.b))
		return nil
	}
	out := d.b[:n]
	d.b = d.b[n:]
	return out
}

func (d *decoder) u32() uint32 {
	if b := d.bytes(4); b != nil {
		return binary.LittleEndian.Uint32(b)
	}
	return 0
}

func (d *decoder) str16() string {
	b := d.bytes(2)
	if b == nil {
		return ""
	}
	return string(d.bytes(int(binary.LittleEndian.Uint16(b))))
}

// u32s reads n uint32s; n comes from the file, so it is checked against
// what is left before anything is allocated.
func (d *decoder) u32s(n int) []uint32 {
	b := d.bytes(n * 4)
	if b == nil {
		return nil
	}
	out := make([]uint32, n)
	for i := range out {
		out[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return out
}

// decode reads a model in prose's flat format: a header, the class names, the
// feature strings (one sorted blob and its offsets), each feature's slice of
// the (class, weight) pairs, and the words with one possible tag.
func decode(data []byte) (*model, error) {
	d := &decoder{b: data}
	if string(d.bytes(len(magic))) != magic {
		return nil, errors.New("not a prose tagger model")
	}
	if v := d.u32(); v != version {
		return nil, fmt.Errorf("prose model format version %d, want %d", v, version)
	}
	m := &model{classes: make([]string, min(d.u32(), 256))}
	for i := range m.classes {
		m.classes[i] = d.str16()
	}
	nFeat, nPairs := d.u32(), d.u32()
	blob := d.bytes(int(d.u32()))
	featOff, pairOff := d.u32s(int(nFeat)+1), d.u32s(int(nFeat)+1)
	ids := d.bytes(int(nPairs))
	wts := d.u32s(int(nPairs))
	if d.err != nil {
		return nil, d.err
	}
	m.pairs = make([]pair, nPairs)
	for i := range m.pairs {
		if int(ids[i]) >= len(m.classes) {
			return nil, fmt.Errorf("weight %d is for class %d of %d", i, ids[i], len(m.classes))
		}
		m.pairs[i] = pair{w: math.Float32frombits(wts[i]), class: ids[i]}
	}
	m.shift = 63
	for 1<<(64-m.shift) < 3*uint64(nFeat)/2 {
		m.shift--
	}
	m.table = make([]slot, 1<<(64-m.shift))
	for f := range nFeat {
		s, e, lo, hi := featOff[f], featOff[f+1], pairOff[f], pairOff[f+1]
		if s > e || int(e) > len(blob) || lo > hi || hi > nPairs {
			return nil, fmt.Errorf("feature %d: offsets out of range", f)
		}
		if err := m.insert(hash(offset, string(blob[s:e])), lo, hi); err != nil {
			return nil, fmt.Errorf("feature %q: %w", blob[s:e], err)
		}
	}
	n := d.u32()
	m.known = make(map[string]uint8, min(n, 1<<20))
	for range n {
		w, id := d.str16(), d.bytes(1)
		if d.err != nil {
			return nil, d.err
		}
		if int(id[0]) >= len(m.classes) {
			return nil, fmt.Errorf("word %q has class %d of %d", w, id[0], len(m.classes))
		}
		m.known[w] = id[0]
	}
	return m, nil
}

// insert adds a feature. Two features with one hash would share weights and
// break the promise of prose's tags, so that is an error, not a silent merge.
func (m *model) insert(h uint64, lo, hi uint32) error {
	if h == 0 {
		return errors.New("hashes to zero")
	}
	mask := uint64(len(m.table) - 1)
	for i := m.home(h); ; i = (i + 1) & mask {
		switch m.table[i].h {
		case 0:
			m.table[i] = slot{h: h, lo: lo, hi: hi}
			return nil
		case h:
			return errors.New("shares its hash with another feature")
		}
	}
}

// add adds the weights of the feature with hash h, if the model has it, to
// scores. A feature the model lacks could match a known one's hash by chance;
// with 75,000 features in 2^64 hashes that is about one lookup in 10^14.
func (m *model) add(h uint64, scores []float32) {
	mask := uint64(len(m.table) - 1)
	for i := m.home(h); ; i = (i + 1) & mask {
		s := &m.table[i]
		if s.h == h {
			for _, p := range m.pairs[s.lo:s.hi] {
				scores[p.class] += p.w
			}
			return
		}
		if s.h == 0 {
			return
		}
	}
}

// home is the slot a hash starts probing from. FNV-1a's low bits mix poorly
// (keys that differ in their last byte differ little there), so the slot is
// chosen by the top bits of the hash times the golden ratio.
func (m *model) home(h uint64) uint64 { return (h * 0x9e3779b97f4a7c15) >> m.shift }

// offset and prime are FNV-1a's (64-bit).
const (
	offset = 14695981039346656037
	prime  = 1099511628211
)

// hash continues the FNV-1a hash h over the bytes of s, so that a feature's
// key can be hashed in parts without being built.
func hash(h uint64, s string) uint64 {
	for i := 0; i < len(s); i++ {
		h ^= uint64(s[i])
		h *= prime
	}
	return h
}
