package depparse

import (
	"slices"
	"testing"
)

// derive runs a full derivation of e, choosing each move with next, and
// returns the heads and label indices built (index 0 unused).
func derive(t *testing.T, e *example, next func(s *state) move) ([]int32, []uint8) {
	t.Helper()
	var s state
	s.reset(len(e.s.Words))
	for steps := 0; !s.terminal(); steps++ {
		if steps > 2*len(e.s.Words)+1 {
			t.Fatalf("%v: derivation does not end", e.s.Words)
		}
		mv := next(&s)
		if !s.valid(mv) {
			t.Fatalf("%v: move %d is not valid at stack %v, buffer %d", e.s.Words, mv, s.stack, s.b)
		}
		var l uint8
		if mv == leftArc || mv == rightArc {
			_, d := s.arc(mv)
			l = e.labels[d]
		}
		s.apply(mv, l)
	}
	return s.heads, s.labels
}

func testExamples(t *testing.T) []example {
	t.Helper()
	data, _, err := prepare(readTestdata(t))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestStaticOracleReproducesGold(t *testing.T) {
	data := testExamples(t)
	if len(data) < 10 {
		t.Fatalf("only %d projective test sentences", len(data))
	}
	for i := range data {
		e := &data[i]
		heads, labels := derive(t, e, func(s *state) move { return s.staticOracle(e.gold) })
		if !slices.Equal(heads[1:], e.gold[1:]) || !slices.Equal(labels[1:], e.labels[1:]) {
			t.Errorf("%v: heads %v labels %v, want %v %v", e.s.Words, heads[1:], labels[1:], e.gold[1:], e.labels[1:])
		}
	}
}

// The static oracle's move never costs an arc, and following any zero-cost
// move from the start also ends in the gold tree.
func TestDynamicOracleCosts(t *testing.T) {
	data := testExamples(t)
	for i := range data {
		e := &data[i]
		derive(t, e, func(s *state) move {
			mv := s.staticOracle(e.gold)
			if c := s.cost(mv, e.gold); c != 0 {
				t.Errorf("%v: static oracle move %d costs %d at stack %v, buffer %d", e.s.Words, mv, c, s.stack, s.b)
			}
			return mv
		})
		// Prefer the last zero-cost move, so the path differs from the
		// static oracle's where there is a choice.
		heads, _ := derive(t, e, func(s *state) move {
			best := numMoves
			for mv := range numMoves {
				if s.valid(mv) && s.cost(mv, e.gold) == 0 {
					best = mv
				}
			}
			if best == numMoves {
				t.Fatalf("%v: no zero-cost move at stack %v, buffer %d", e.s.Words, s.stack, s.b)
			}
			return best
		})
		if !slices.Equal(heads[1:], e.gold[1:]) {
			t.Errorf("%v: zero-cost path built %v, want %v", e.s.Words, heads[1:], e.gold[1:])
		}
	}
}

// Hand-checked costs on "Russia mediated the talks in Moscow ." (heads
// 2 0 4 2 6 2 2).
func TestCost(t *testing.T) {
	e := &testExamples(t)[0]
	if e.s.Words[1] != "mediated" {
		t.Fatalf("first test sentence is %v", e.s.Words)
	}
	var s state
	s.reset(len(e.s.Words))
	s.apply(shift, 0) // stack [root Russia], buffer mediated…
	for _, tc := range []struct {
		mv   move
		want int
	}{
		{leftArc, 0},  // Russia ← mediated is gold
		{rightArc, 2}, // Russia → mediated loses mediated's head (root) and Russia's head
		{shift, 2},    // Russia can no longer take mediated as head, nor mediated the root
	} {
		if got := s.cost(tc.mv, e.gold); got != tc.want {
			t.Errorf("cost(%d) = %d, want %d", tc.mv, got, tc.want)
		}
	}
	if s.valid(reduce) {
		t.Error("reduce is valid for a word without a head")
	}
	s.apply(leftArc, 0)
	s.apply(rightArc, 0) // root → mediated
	s.apply(shift, 0)    // the
	s.apply(leftArc, 0)
	if s.stack[len(s.stack)-1] != 2 || s.b != 4 {
		t.Fatalf("stack %v buffer %d", s.stack, s.b)
	}
	if got := s.cost(reduce, e.gold); got != 3 { // talks, Moscow and "." are mediated's
		t.Errorf("cost(reduce) = %d, want 3", got)
	}
}

func TestRootTakesOneDependent(t *testing.T) {
	var s state
	s.reset(3)
	s.apply(rightArc, 0) // root → 1
	s.apply(reduce, 0)
	if s.valid(rightArc) {
		t.Error("the root may take a second dependent")
	}
	if !s.valid(shift) || s.valid(reduce) || s.valid(leftArc) {
		t.Error("with only the root on the stack, only shift should be valid")
	}
}
