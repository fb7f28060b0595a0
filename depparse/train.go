package depparse

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
)

// TrainOptions sets how Train learns. The zero value trains with the
// defaults below.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences; 0 means
	// 12 (on UD English EWT, accuracy with gold tags stops rising after about
	// 6, with the prose tagger's after about 12).
	Epochs int
	// MinCount drops features seen fewer times than this along the gold
	// derivations before training starts, which bounds the model's size;
	// 0 means 30, which keeps the EWT model near 1.4 MB. A higher cut-off
	// did not make the parser measurably faster (its time goes mostly on
	// cache misses in its weight tables, which a table half the size
	// still has): with the 79 templates of an earlier model and postag's
	// tags, 50 gave 0.8 points less LAS on EWT dev and 80 gave 1.3, at the
	// same speed.
	MinCount int
	// Static trains on the static oracle's path only. By default training
	// follows the dynamic oracle and, from the second epoch, explores: with
	// probability 0.9 it takes the model's own (possibly wrong) move.
	Static bool
	// Seed seeds the shuffling and exploration, so runs repeat; 0 is a seed.
	Seed uint64
	// AfterEpoch, if set, is called after each epoch with the averaged model
	// so far (for example to score it on a development set). An error stops
	// training and is returned.
	AfterEpoch func(epoch int, m *Model) error
}

// Training errors.
var (
	// ErrNoTraining is returned by Train when no sentence is annotated with
	// one tree.
	ErrNoTraining = errors.New("depparse: no sentence to train on (none is annotated with one tree)")
)

// explore is the probability of following the model's own move once
// exploration starts (Goldberg and Nivre 2012 found 0.9 works well).
const explore = 0.9

// Train learns a model from annotated sentences with an averaged perceptron.
// The arc-eager system builds projective trees only, so a crossing arc is
// lifted to its head's head until none crosses (Nivre and Nilsson 2005,
// without recording the lift in the label). Sentences that are not one tree
// (a tag, head or label missing, a head out of range, no root or two, a
// cycle) are left out. Training stops early when ctx is done.
func Train(ctx context.Context, sentences []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 12
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 30
	}
	data, labels, err := prepare(sentences)
	if err != nil {
		return nil, err
	}
	tr := &trainer{labels: labels, root: uint8(slices.Index(labels, RootLabel)), leaves: leafTags(data)}
	tr.count(data, opts.MinCount)
	rng := rand.New(rand.NewPCG(opts.Seed, 0x6e657773))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		exploring := !opts.Static && epoch > 1
		for k, i := range order {
			if k%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("depparse: train: %w", err)
				}
			}
			tr.learn(&data[i], exploring, rng)
		}
		if opts.AfterEpoch != nil {
			if err := opts.AfterEpoch(epoch, tr.model()); err != nil {
				return nil, err
			}
		}
	}
	return tr.model(), nil
}

// example is a training sentence with its gold tree in index form.
type example struct {
	s      Sentence
	gold   []int32 // gold[i] is word i's head; gold[0] unused
	labels []uint8 // labels[i] is word i's label index
}

// prepare keeps the usable sentences and collects the label set, sorted.
func prepare(sentences []Sentence) ([]example, []string, error) {
	seen := map[string]bool{RootLabel: true}
	var data []example
	for _, s := range sentences {
		if !s.tree() {
			continue
		}
		if !s.Projective() {
			s.Heads = lift(s.Heads)
		}
		for _, l := range s.Labels {
			seen[l] = true
		}
		data = append(data, example{s: s})
	}
	if len(data) == 0 {
		return nil, nil, ErrNoTraining
	}
	labels := make([]string, 0, len(seen))
	for l := range seen {
		labels = append(labels, l)
	}
	slices.Sort(labels)
	if len(labels) > maxLabels {
		return nil, nil, fmt.Errorf("depparse: train: %d labels, at most %d supported", len(labels), maxLabels)
	}
	index := make(map[string]uint8, len(labels))
	for i, l := range labels {
		index[l] = uint8(i)
	}
	for i := range data {
		e := &data[i]
		n := len(e.s.Words)
		e.gold = make([]int32, n+1)
		e.labels = make([]uint8, n+1)
		for j := range n {
			e.gold[j+1] = int32(e.s.Heads[j])
			e.labels[j+1] = index[e.s.Labels[j]]
		}
	}
	return data, labels, nil
}

// minLeafCount is how often a tag must occur, never heading a word, for the
// parser to treat its words as leaves.
const minLeafCount = 50

// leafTags returns the tags that occur at least minLeafCount times and never
// head a word: punctuation, possessive 's, existential "there". Forbidding
// arcs from them keeps the parser from hanging a subject on a comma.
func leafTags(data []example) map[string]bool {
	count := map[string]int{}
	heads := map[string]bool{}
	for _, e := range data {
		for i, t := range e.s.Tags {
			count[t]++
			if h := e.s.Heads[i]; h > 0 {
				heads[e.s.Tags[h-1]] = true
			}
		}
	}
	leaves := map[string]bool{}
	for t, c := range count {
		if c >= minLeafCount && !heads[t] {
			leaves[t] = true
		}
	}
	return leaves
}

// tree reports whether the sentence is annotated with one tree.
func (s Sentence) tree() bool {
	n := len(s.Words)
	if n == 0 || len(s.Tags) != n || len(s.Heads) != n || len(s.Labels) != n {
		return false
	}
	roots := 0
	for i, h := range s.Heads {
		if h < 0 || h > n || h == i+1 {
			return false
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return false
	}
	for i := range s.Heads { // every word reaches the root within n steps
		h := i + 1
		for steps := 0; h != 0; steps++ {
			if steps > n {
				return false
			}
			h = s.Heads[h-1]
		}
	}
	return true
}

// lift returns a copy of a tree's heads in which each arc that spans a word
// its head does not dominate is moved up to the head's head, shortest arcs
// first, until the tree is projective. heads must be one tree (see tree):
// each lift shortens a word's path to the root, so the loop ends.
func lift(heads []int) []int {
	h := slices.Clone(heads)
	dominates := func(a, w int) bool { // a is w or above it
		for steps := 0; w != 0 && steps <= len(h); steps++ {
			if w == a {
				return true
			}
			w = h[w-1]
		}
		return a == 0
	}
	for {
		worst, span := 0, len(h)+1
		for d := 1; d <= len(h); d++ {
			hd := h[d-1]
			if hd == 0 || abs(hd-d) >= span {
				continue
			}
			for w := min(hd, d) + 1; w < max(hd, d); w++ {
				if !dominates(hd, w) {
					worst, span = d, abs(hd-d)
					break
				}
			}
		}
		if worst == 0 {
			return h
		}
		h[worst-1] = h[h[worst-1]-1]
	}
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// trainer holds the weights being learnt, with what averaging needs: each
// weight's running sum over time and when it last changed (the lazy
// averaging of Daumé III 2006).
type trainer struct {
	labels []string
	root   uint8
	leaves map[string]bool
	trans  averaged
	label  averaged
	now    int64 // decisions made so far
	sc     scratch
}

type averaged struct {
	t     *table
	total []float64
	stamp []int64
}

func newAveraged(keys []uint64, width int) averaged {
	t := newTable(keys, width)
	return averaged{t: t, total: make([]float64, len(t.w)), stamp: make([]int64, len(t.w))}
}

// update adds delta to class c of every known feature in feats.
func (a *averaged) update(feats []uint64, c int, delta float32, now int64) {
	for _, f := range feats {
		r := a.t.find(f)
		if r < 0 {
			continue
		}
		i := int(r)*a.t.width + c
		a.total[i] += float64(now-a.stamp[i]) * float64(a.t.w[i])
		a.stamp[i] = now
		a.t.w[i] += delta
	}
}

// average returns a table of the weights averaged over all decisions.
func (a *averaged) average(now int64) *table {
	t := newTable(a.t.keys, a.t.width)
	for i, w := range a.t.w {
		total := a.total[i] + float64(now-a.stamp[i])*float64(w)
		t.w[i] = float32(total / float64(max(now, 1)))
	}
	return t
}

func (tr *trainer) model() *Model {
	trans, label := tr.trans.average(tr.now), tr.label.average(tr.now)
	trans.freeze()
	label.freeze()
	return &Model{labels: tr.labels, root: tr.root, leaves: tr.leaves, trans: trans, label: label}
}

// count walks every sentence's gold derivation, counting the features met,
// and sets up weight tables for those seen at least minCount times.
func (tr *trainer) count(data []example, minCount int) {
	transCount := map[uint64]int32{}
	labelCount := map[uint64]int32{}
	sc := &tr.sc
	for i := range data {
		e := &data[i]
		s := &sc.st
		s.reset(len(e.s.Words))
		sc.x.reset(e.s.Words, e.s.Tags)
		for !s.terminal() {
			sc.feats = transFeatures(sc.feats[:0], s, &sc.x)
			for _, f := range sc.feats {
				transCount[f]++
			}
			mv := s.staticOracle(e.gold)
			var l uint8
			if mv == leftArc || mv == rightArc {
				h, d := s.arc(mv)
				l = e.labels[d]
				if h != 0 {
					sc.feats = labelFeatures(sc.feats[:0], s, &sc.x, h, d)
					for _, f := range sc.feats {
						labelCount[f]++
					}
				}
			}
			s.apply(mv, l)
		}
	}
	tr.trans = newAveraged(frequent(transCount, minCount), int(numMoves))
	tr.label = newAveraged(frequent(labelCount, minCount), len(tr.labels))
	sc.lscores = make([]float32, len(tr.labels))
}

func frequent(counts map[uint64]int32, minCount int) []uint64 {
	var keys []uint64
	for k, c := range counts {
		if int(c) >= minCount {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys) // map order is random; sorted keys make runs repeat
	return keys
}

// learn parses one sentence, updating the weights at every mistake.
func (tr *trainer) learn(e *example, exploring bool, rng *rand.Rand) {
	sc := &tr.sc
	s := &sc.st
	s.reset(len(e.s.Words))
	sc.x.reset(e.s.Words, e.s.Tags)
	m := Model{labels: tr.labels, root: tr.root, leaves: tr.leaves, trans: tr.trans.t, label: tr.label.t}
	m.markLeaves(s, e.s.Tags)
	for !s.terminal() {
		tr.now++
		sc.feats = transFeatures(sc.feats[:0], s, &sc.x)
		pred := m.bestMove(s, sc.feats, &sc.scores)
		// The best-scoring move among those that lose no reachable gold arc.
		gold, found := shift, false
		for mv := range numMoves {
			if s.valid(mv) && s.cost(mv, e.gold) == 0 && (!found || sc.scores[mv] > sc.scores[gold]) {
				gold, found = mv, true
			}
		}
		if !found { // every move loses an arc: follow the model
			gold = pred
		}
		if pred != gold {
			tr.trans.update(sc.feats, int(gold), 1, tr.now)
			tr.trans.update(sc.feats, int(pred), -1, tr.now)
		}
		next := gold
		if exploring && rng.Float64() < explore {
			next = pred
		}
		var l uint8
		if next == leftArc || next == rightArc {
			l = tr.learnLabel(&m, e, next)
		}
		s.apply(next, l)
	}
}

// learnLabel predicts the label of the arc move mv would build, learns from
// it if the arc is gold, and returns the label to build it with.
func (tr *trainer) learnLabel(m *Model, e *example, mv move) uint8 {
	sc := &tr.sc
	h, d := sc.st.arc(mv)
	pred := m.bestLabel(sc, h, d) // leaves the label features in sc.feats
	if h == 0 || e.gold[d] != h {
		return pred
	}
	want := e.labels[d]
	if pred != want {
		tr.label.update(sc.feats, int(want), 1, tr.now)
		tr.label.update(sc.feats, int(pred), -1, tr.now)
	}
	return want
}
