package fhash

// Offset is FNV-1a's 64-bit offset basis: the hash of nothing.
const Offset = 14695981039346656037

// prime is FNV-1a's 64-bit prime.
const prime = 1099511628211

// FNV adds rune r to the FNV-1a hash h (one step of FNV-1a, over runes
// rather than bytes; the same for ASCII).
func FNV(h uint64, r rune) uint64 {
	h ^= uint64(r)
	h *= prime
	return h
}

// Mix combines hash h with value v: one xor-multiply-shift round, as in
// SplitMix64's finaliser. For each h it is a bijection of v; the
// multiplication carries each bit into the bits above it and the shift folds
// the high half into the low, so values that differ in their low bits (tag
// indices, small counts) differ in many bits of the result.
func Mix(h, v uint64) uint64 {
	h ^= v
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 31
	return h
}
