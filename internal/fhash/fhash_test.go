package fhash

import (
	"hash/fnv"
	"testing"
)

func hashString(s string) uint64 {
	h := uint64(Offset)
	for _, r := range s {
		h = FNV(h, r)
	}
	return h
}

// TestFNVIsFNV1a checks FNV against the standard library's FNV-1a, which
// hashes bytes: the same as runes for ASCII.
func TestFNVIsFNV1a(t *testing.T) {
	for _, s := range []string{"", "a", "NNP", "-LRB-", "Azerbaijan", "<ROOT>"} {
		ref := fnv.New64a()
		ref.Write([]byte(s))
		if got, want := hashString(s), ref.Sum64(); got != want {
			t.Errorf("FNV over %q = %#x, want %#x", s, got, want)
		}
	}
}

// TestPinned pins values the embedded models depend on (see the package
// doc): a change here means retraining both models.
func TestPinned(t *testing.T) {
	for _, tc := range []struct {
		name      string
		got, want uint64
	}{
		{"FNV over runes", hashString("Ärzte"), 0xde22ae6dfa1380d8},
		{"Mix", Mix(0x5bd1e995, 1), 0x11658ee97ab83226},
		{"Mix of zero", Mix(0xc1a55, 0), 0xd8ae26e52d5d5da4},
		{"Mix cancelling", Mix(1<<63, 1<<63), 0},
	} {
		if tc.got != tc.want {
			t.Errorf("%s = %#x, want %#x", tc.name, tc.got, tc.want)
		}
	}
}

// TestMixSpreads checks that flipping any one bit of the value changes the
// result (Mix is a bijection of v for each h), and a bit of the low half,
// where small values such as tag indices differ, many bits of it: what
// feature hashing relies on for few collisions in a table slot.
func TestMixSpreads(t *testing.T) {
	for _, h := range []uint64{0, 1, Offset} {
		base := Mix(h, 0x1234)
		for bit := range 64 {
			n := popcount(base ^ Mix(h, 0x1234^1<<bit))
			if n == 0 || bit < 32 && n < 8 {
				t.Errorf("Mix(%#x, ·) with bit %d flipped changes %d bits", h, bit, n)
			}
		}
	}
}

func popcount(x uint64) int {
	n := 0
	for ; x != 0; x &= x - 1 {
		n++
	}
	return n
}
