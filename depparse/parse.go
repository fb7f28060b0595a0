package depparse

import (
	"errors"
	"fmt"
	"sync"
)

// Tree is a parse: for word i (0-based), Heads[i] is the 1-based position of
// its head (0 for the root word) and Labels[i] its relation to that head.
type Tree struct {
	Heads  []int
	Labels []string
}

// ErrLengths is returned by Parse when words and tags differ in number.
var ErrLengths = errors.New("depparse: words and tags differ in number")

// Parser parses sentences with one model. It is safe for concurrent use.
type Parser struct {
	m    *Model
	pool sync.Pool // *scratch
}

// scratch is one parse's working memory, reused across calls.
type scratch struct {
	st      state
	x       sentence
	feats   []uint64
	scores  [numMoves]float32
	lscores []float32
}

// NewParser returns a parser using m.
func NewParser(m *Model) *Parser {
	p := &Parser{m: m}
	p.pool.New = func() any {
		return &scratch{
			feats:   make([]uint64, 0, numTransFeatures+numLabelFeatures),
			lscores: make([]float32, len(m.labels)),
		}
	}
	return p
}

// Parse parses one sentence given its words and their Penn Treebank tags.
func (p *Parser) Parse(words, tags []string) (Tree, error) {
	var t Tree
	err := p.ParseInto(&t, words, tags)
	return t, err
}

// ParseInto is Parse writing into t, reusing its slices: with slices large
// enough it does not allocate.
func (p *Parser) ParseInto(t *Tree, words, tags []string) error {
	if len(words) != len(tags) {
		return fmt.Errorf("%w: %d words, %d tags", ErrLengths, len(words), len(tags))
	}
	sc := p.pool.Get().(*scratch)
	defer p.pool.Put(sc)
	p.m.parse(sc, words, tags)
	t.Heads = resize(t.Heads, len(words), 0)
	t.Labels = resize(t.Labels, len(words), "")
	for i := range words {
		t.Heads[i] = int(sc.st.heads[i+1])
		t.Labels[i] = p.m.labels[sc.st.labels[i+1]]
	}
	return nil
}

// parse runs the greedy parser, leaving the tree in sc.st.
func (m *Model) parse(sc *scratch, words, tags []string) {
	s := &sc.st
	s.reset(len(words))
	sc.x.reset(words, tags)
	m.markLeaves(s, tags)
	for !s.terminal() {
		sc.feats = transFeatures(sc.feats[:0], s, &sc.x)
		mv := m.bestMove(s, sc.feats, &sc.scores)
		var l uint8
		if mv == leftArc || mv == rightArc {
			h, d := s.arc(mv)
			l = m.bestLabel(sc, h, d)
		}
		s.apply(mv, l)
	}
	m.finish(sc)
}

// markLeaves marks the words whose tags the model never saw take a
// dependent, so that no arc makes them a head.
func (m *Model) markLeaves(s *state, tags []string) {
	for i, t := range tags {
		s.leaf[i+1] = m.leaves[t]
	}
}

// bestMove returns the highest-scoring valid move.
func (m *Model) bestMove(s *state, feats []uint64, scores *[numMoves]float32) move {
	*scores = [numMoves]float32{}
	m.trans.score(scores[:], feats)
	best, bestScore := shift, float32(0)
	found := false
	for mv := range numMoves {
		if s.valid(mv) && (!found || scores[mv] > bestScore) {
			best, bestScore, found = mv, scores[mv], true
		}
	}
	return best
}

// bestLabel returns the label of the arc h → d: "root" under the root and
// the best other label elsewhere.
func (m *Model) bestLabel(sc *scratch, h, d int32) uint8 {
	if h == 0 {
		return m.root
	}
	sc.feats = labelFeatures(sc.feats[:0], &sc.st, &sc.x, h, d)
	clear(sc.lscores)
	m.label.score(sc.lscores, sc.feats)
	return argmaxLabel(sc.lscores, m.root)
}

func argmaxLabel(scores []float32, skip uint8) uint8 {
	best, found := uint8(0), false
	for l, v := range scores {
		if uint8(l) != skip && (!found || v > scores[best]) {
			best, found = uint8(l), true
		}
	}
	return best
}

// finish gives every word left without a head one: the first becomes the
// root word if the root has none, and the rest attach to the root word.
// Headless words are all still on the stack, in order, which keeps the tree
// projective.
func (m *Model) finish(sc *scratch) {
	s := &sc.st
	r := s.rc[0]
	for _, k := range s.stack[1:] {
		if s.heads[k] != none {
			continue
		}
		if r == none {
			r = k
			s.attach(0, k, m.root)
			continue
		}
		s.attach(r, k, m.bestLabel(sc, r, k))
	}
}
