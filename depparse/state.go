package depparse

// move is an arc-eager transition. Arcs are labelled separately (see
// labelFeatures), so the transition classifier chooses among these four.
type move uint8

const (
	shift    move = iota // push the buffer front onto the stack
	reduce               // pop the stack top, which already has a head
	leftArc              // the buffer front becomes the head of the stack top, which is popped
	rightArc             // the stack top becomes the head of the buffer front, which is pushed
	numMoves
)

const none = -1

// state is a parser configuration over words 1..n, with the artificial root
// at position 0. The root stays at the bottom of the stack and takes at most
// one dependent, so that a finished tree has one root word.
//
// Children are tracked as they are attached: a left arc always adds a new
// leftmost child (the stack holds words nearer the head first) and a right
// arc a new rightmost one, so the outermost child on each side is kept in
// O(1).
type state struct {
	n       int
	stack   []int32
	b       int32   // the buffer front; the buffer is b..n
	heads   []int32 // none until attached
	labels  []uint8 // label index of each attached word
	onStack []bool
	lc      []int32  // leftmost child
	rc      []int32  // rightmost child
	ls, rs  []uint64 // sets of left and right children's labels, one bit each
	leaf    []bool   // words whose tag never heads a word (punctuation): they take no dependent
}

// reset prepares the state for a sentence of n words, reusing its storage.
func (s *state) reset(n int) {
	s.n = n
	s.stack = append(s.stack[:0], 0)
	s.b = 1
	size := n + 1
	s.heads = resize(s.heads, size, none)
	s.lc = resize(s.lc, size, none)
	s.rc = resize(s.rc, size, none)
	s.labels = resize(s.labels, size, 0)
	s.ls = resize(s.ls, size, 0)
	s.rs = resize(s.rs, size, 0)
	s.onStack = resize(s.onStack, size, false)
	s.onStack[0] = true
	s.leaf = resize(s.leaf, size, false)
}

func resize[T any](v []T, n int, fill T) []T {
	if cap(v) < n {
		v = make([]T, n)
	}
	v = v[:n]
	for i := range v {
		v[i] = fill
	}
	return v
}

func (s *state) terminal() bool { return int(s.b) > s.n }

func (s *state) top() int32 { return s.stack[len(s.stack)-1] }

// valid reports whether m may be applied now.
func (s *state) valid(m move) bool {
	if s.terminal() {
		return false
	}
	s0 := s.top()
	switch m {
	case shift:
		return true
	case reduce:
		return s0 != 0 && s.heads[s0] != none
	case leftArc:
		return s0 != 0 && s.heads[s0] == none && !s.leaf[s.b]
	case rightArc:
		return (s0 != 0 || s.rc[0] == none) && !s.leaf[s0]
	}
	return false
}

// apply performs m, labelling a new arc with label. m must be valid.
func (s *state) apply(m move, label uint8) {
	s0 := s.top()
	switch m {
	case shift:
		s.push(s.b)
		s.b++
	case reduce:
		s.pop()
	case leftArc:
		s.attach(s.b, s0, label)
		s.pop()
	case rightArc:
		s.attach(s0, s.b, label)
		s.push(s.b)
		s.b++
	}
}

func (s *state) push(i int32) {
	s.stack = append(s.stack, i)
	s.onStack[i] = true
}

func (s *state) pop() {
	s.onStack[s.top()] = false
	s.stack = s.stack[:len(s.stack)-1]
}

func (s *state) attach(h, d int32, label uint8) {
	s.heads[d] = h
	s.labels[d] = label
	if d < h {
		s.lc[h] = d
		s.ls[h] |= 1 << (label & 63)
	} else {
		s.rc[h] = d
		s.rs[h] |= 1 << (label & 63)
	}
}

// arc returns the head and dependent an arc move would join.
func (s *state) arc(m move) (h, d int32) {
	if m == leftArc {
		return s.b, s.top()
	}
	return s.top(), s.b
}

// staticOracle returns the transition that keeps the state on the way to
// the gold tree gold (gold[i] is word i's head; gold[0] is unused). The tree
// must be projective and the state reachable from it.
func (s *state) staticOracle(gold []int32) move {
	s0, b := s.top(), s.b
	if s0 != 0 && gold[s0] == b {
		return leftArc
	}
	if gold[b] == s0 {
		return rightArc
	}
	// The buffer front belongs with a word below the stack top: the top is
	// finished and has to go.
	for _, k := range s.stack[:len(s.stack)-1] {
		if (k != 0 && gold[k] == b) || gold[b] == k {
			return reduce
		}
	}
	return shift
}

// cost returns how many gold arcs still reachable from the state m would
// make unreachable (Goldberg and Nivre 2012, arc-eager). m must be valid.
func (s *state) cost(m move, gold []int32) int {
	s0, b := s.top(), s.b
	c := 0
	switch m {
	case leftArc:
		// s0 leaves: its children in the buffer, and a head in the buffer
		// other than b, are lost.
		for k := b; int(k) <= s.n; k++ {
			if gold[k] == s0 {
				c++
			}
		}
		if g := gold[s0]; g > b {
			c++
		}
	case rightArc:
		// b takes s0 as head: any other head is lost, and b can no longer
		// take headless stack words as children.
		if g := gold[b]; g != s0 && (g > b || s.headOnStack(g)) {
			c++
		}
		c += s.headlessChildrenOnStack(b, gold)
	case reduce:
		for k := b; int(k) <= s.n; k++ {
			if gold[k] == s0 {
				c++
			}
		}
	case shift:
		// b goes onto the stack: it can no longer take a head or a child
		// from the stack.
		if s.headOnStack(gold[b]) {
			c++
		}
		c += s.headlessChildrenOnStack(b, gold)
	}
	return c
}

// headOnStack reports whether g is on the stack and may still take a
// dependent (the root takes only one).
func (s *state) headOnStack(g int32) bool {
	if !s.onStack[g] {
		return false
	}
	return g != 0 || s.rc[0] == none
}

func (s *state) headlessChildrenOnStack(h int32, gold []int32) int {
	c := 0
	for _, k := range s.stack {
		if k != 0 && s.heads[k] == none && gold[k] == h {
			c++
		}
	}
	return c
}
