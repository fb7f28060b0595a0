package depparse

import (
	"math"
	"math/rand/v2"
	"testing"
)

// A frozen table scores as its dense rows do, up to the 16-bit rounding:
// the transition table keeps each move's score less shift's (which picks
// the same move), the label table every score. Features it lacks add
// nothing, whether their home slot is empty or taken by another key.
func TestFrozenTablesScoreAsDense(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, tc := range []struct {
		name  string
		width int
		keys  int
		// zeros is the share of weights left at zero, as in label rows,
		// where a perceptron moves only the gold and the predicted class.
		zeros float64
	}{
		{"transitions", int(numMoves), 3000, 0},
		{"labels", 40, 3000, 0.9},
		{"labels, few keys", 40, 5, 0.5},
	} {
		t.Run(tc.name, func(t *testing.T) {
			keys := make([]uint64, tc.keys)
			for i := range keys {
				keys[i] = rng.Uint64() | 1
			}
			dense := newTable(keys, tc.width)
			maxAbs := float32(0)
			for i := range dense.w {
				if rng.Float64() >= tc.zeros {
					dense.w[i] = float32(rng.NormFloat64())
					maxAbs = max(maxAbs, dense.w[i], -dense.w[i])
				}
			}
			frozen := newTable(keys, tc.width)
			copy(frozen.w, dense.w)
			frozen.freeze()
			// Each weight found is off by at most half a quantum; the
			// transition table keeps differences of two weights, which
			// may be twice the largest, so its quantum is up to twice the
			// label table's.
			quantum := float64(2*maxAbs) / math.MaxInt16
			want := make([]float32, tc.width)
			got := make([]float32, tc.width)
			for range 200 {
				feats := make([]uint64, 0, numTransFeatures)
				found := 0
				for range numTransFeatures {
					if rng.IntN(2) == 0 {
						feats = append(feats, keys[rng.IntN(len(keys))])
						found++
					} else {
						feats = append(feats, rng.Uint64()|1) // most are in no table
					}
				}
				clear(want)
				clear(got)
				dense.score(want, feats)
				frozen.score(got, feats)
				ref := 0 // the transition table's scores are shift's plus a constant
				if tc.width != int(numMoves) {
					ref = -1
				}
				tolerance := quantum * float64(found) / 2
				for c := range want {
					w, g := float64(want[c]), float64(got[c])
					if ref >= 0 {
						w -= float64(want[ref])
						g -= float64(got[ref])
					}
					if math.Abs(w-g) > tolerance {
						t.Fatalf("class %d scores %.4f frozen, %.4f dense (relative to shift: %v)", c, g, w, ref >= 0)
					}
				}
			}
		})
	}
}
