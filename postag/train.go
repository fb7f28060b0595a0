package postag

import (
	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
)

// TrainOptions sets how Train learns. The zero value trains with the
// defaults below.
type TrainOptions struct {
	// Epochs is the number of passes over the training sentences for each
	// tagging pass; 0 means 10.
	Epochs int
	// MinCount drops features seen fewer times than this (on the words the
	// dictionary does not settle, with the gold tags before them) before
	// training starts, which bounds the model's size; 0 means 2.
	MinCount int
	// DictMinCount and DictShare choose the tag dictionary: words seen at
	// least DictMinCount times, with one tag at least DictShare of the time,
	// get that tag without scoring. 0 means 20 and 0.97.
	DictMinCount int
	DictShare    float64
	// LexMinCount and ClassShare choose the lexicon: words seen at least
	// LexMinCount times are known by their ambiguity class, the tags they
	// had at least ClassShare of the time; others are unknown. Leaving out
	// words seen once lets training learn what unknown words look like.
	// 0 means 2 and 0.05.
	LexMinCount int
	ClassShare  float64
	// OnePass trains a model that tags in one left-to-right pass. By default
	// a first pass tags right to left and a second left to right, seeing
	// the first pass's tags of the word and the two after it; the second is
	// trained on first-pass tags of the training sentences from models that
	// did not see them (Folds-fold jackknifing), so that it learns how far
	// to trust them.
	OnePass bool
	// Folds is the number of jackknifing folds; 0 means 10.
	Folds int
	// Seed seeds the shuffling, so runs repeat; 0 is a seed.
	Seed uint64
	// AfterEpoch, if set, is called after each epoch of the last pass
	// trained (the left-to-right one) with the averaged model so far (for example to score it on a
	// development set). An error stops training and is returned.
	AfterEpoch func(epoch int, m *Model) error
}

// orDefault sets an option left at zero (or set below it) to its default.
func orDefault[T int | float64](v *T, def T) {
	if *v <= 0 {
		*v = def
	}
}

// ErrNoTraining is returned by Train when no sentence has a tag for each
// word.
var ErrNoTraining = errors.New("postag: no sentence to train on (none has one tag per word)")

// Train learns a model from tagged sentences with an averaged perceptron
// (Collins 2002), tagging greedily left to right as Tagger does, with its own
// predicted tags as the history. Sentences without exactly one tag per word
// are left out. Training stops early when ctx is done.
func Train(ctx context.Context, sentences []Sentence, opts TrainOptions) (*Model, error) {
	orDefault(&opts.Epochs, 10)
	orDefault(&opts.MinCount, 2)
	orDefault(&opts.DictMinCount, 20)
	orDefault(&opts.DictShare, 0.97)
	orDefault(&opts.LexMinCount, 2)
	orDefault(&opts.ClassShare, 0.05)
	orDefault(&opts.Folds, 10)
	var data []Sentence
	for _, s := range sentences {
		if len(s.Words) > 0 && len(s.Tags) == len(s.Words) {
			data = append(data, s)
		}
	}
	if len(data) == 0 {
		return nil, ErrNoTraining
	}
	lx, index, err := buildLexicon(data, opts)
	if err != nil {
		return nil, err
	}
	gold := make([][]uint8, len(data))
	for i, s := range data {
		gold[i] = make([]uint8, len(s.Tags))
		for j, t := range s.Tags {
			gold[i][j] = index[t]
		}
	}
	if opts.OnePass {
		p, err := trainPass(ctx, lx, data, gold, nil, nil, opts, opts.AfterEpoch)
		if err != nil {
			return nil, err
		}
		return &Model{lx: lx, passes: []pass{p}}, nil
	}
	// The first pass tags right to left: it learns on the sentences
	// reversed.
	rev := make([]Sentence, len(data))
	revGold := make([][]uint8, len(data))
	for i, s := range data {
		rev[i].Words = slices.Clone(s.Words)
		slices.Reverse(rev[i].Words)
		revGold[i] = slices.Clone(gold[i])
		slices.Reverse(revGold[i])
	}
	first, err := trainPass(ctx, lx, rev, revGold, nil, nil, opts, nil)
	if err != nil {
		return nil, err
	}
	// Jackknifing: the first-pass tags of fold k come from a model trained
	// on the other folds.
	tagged := make([][]uint8, len(data))
	sc := newScratch(len(lx.tags))
	for k := range min(opts.Folds, len(data)) {
		var (
			rest     []Sentence
			restGold [][]uint8
		)
		for i := range data {
			if i%opts.Folds != k {
				rest = append(rest, rev[i])
				restGold = append(restGold, revGold[i])
			}
		}
		p := first
		if len(rest) > 0 {
			if p, err = trainPass(ctx, lx, rest, restGold, nil, nil, opts, nil); err != nil {
				return nil, err
			}
		}
		for i := k; i < len(data); i += opts.Folds {
			sc.load(lx, data[i].Words)
			sc.reverse()
			p.run(sc, sc.rev, nil, sc.first)
			tagged[i] = slices.Clone(sc.first)
			slices.Reverse(tagged[i])
		}
	}
	second, err := trainPass(ctx, lx, data, gold, tagged, &first, opts, opts.AfterEpoch)
	if err != nil {
		return nil, err
	}
	return &Model{lx: lx, passes: []pass{first, second}}, nil
}

// buildLexicon collects the tag set, records the ambiguity class of the
// words seen at least opts.LexMinCount times, and chooses the words the
// dictionary tags: frequent ones that nearly always have one tag. Training
// never scores them, as tagging does not. It returns the tags' indices too.
func buildLexicon(data []Sentence, opts TrainOptions) (*lexicon, map[string]uint8, error) {
	var tags []string
	seen := map[string]bool{}
	for _, s := range data {
		for _, t := range s.Tags {
			if !seen[t] {
				seen[t] = true
				tags = append(tags, t)
			}
		}
	}
	if len(tags) > maxTags {
		return nil, nil, fmt.Errorf("postag: train: %d tags, at most %d supported", len(tags), maxTags)
	}
	slices.Sort(tags)
	index := make(map[string]uint8, len(tags))
	for i, t := range tags {
		index[t] = uint8(i)
	}
	counts := map[string][]int{}
	for _, s := range data {
		for i, w := range s.Words {
			f := normalForm(w)
			c := counts[f]
			if c == nil {
				c = make([]int, len(tags))
				counts[f] = c
			}
			c[index[s.Tags[i]]]++
		}
	}
	forms := make([]string, 0, len(counts))
	for f := range counts {
		forms = append(forms, f)
	}
	slices.Sort(forms) // map order is random; sorted words make runs repeat
	var (
		classes  [][]uint8
		words    []lexEntry
		classIDs = map[string]uint32{}
	)
	for _, f := range forms {
		c := counts[f]
		total, best := 0, 0
		for t, n := range c {
			total += n
			if n > c[best] {
				best = t
			}
		}
		e := lexEntry{word: f}
		if total >= opts.DictMinCount && float64(c[best]) >= opts.DictShare*float64(total) {
			e.tag = uint8(best) + 1
		} else if total < opts.LexMinCount {
			continue
		}
		var class []uint8
		for t, n := range c {
			if n > 0 && (t == best || float64(n) >= opts.ClassShare*float64(total)) {
				class = append(class, uint8(t))
			}
		}
		id, ok := classIDs[string(class)]
		if !ok {
			id = uint32(len(classes))
			classIDs[string(class)] = id
			classes = append(classes, class)
		}
		e.class = id
		words = append(words, e)
	}
	return newLexicon(tags, classes, words), index, nil
}

// trainPass trains one tagging pass on the sentences, whose gold tag
// indices are gold. For a second pass, first holds the first pass's tags of
// each sentence and firstPass the first pass, for the models given to
// after.
func trainPass(ctx context.Context, lx *lexicon, data []Sentence, gold, first [][]uint8, firstPass *pass, opts TrainOptions, after func(int, *Model) error) (pass, error) {
	tr := &trainer{lx: lx, sc: newScratch(len(lx.tags))}
	tr.count(data, gold, first, opts.MinCount)
	seed := uint64(1)
	if first != nil {
		seed = 2
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x706f7374+seed))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, i := range order {
			if k%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return pass{}, fmt.Errorf("postag: train: %w", err)
				}
			}
			var f []uint8
			if first != nil {
				f = first[i]
			}
			tr.learn(data[i].Words, gold[i], f)
		}
		if after != nil {
			m := &Model{lx: lx, passes: []pass{tr.pass()}}
			if firstPass != nil {
				m.passes = []pass{*firstPass, m.passes[0]}
			}
			if err := after(epoch, m); err != nil {
				return pass{}, err
			}
		}
	}
	return tr.pass(), nil
}

// trainer holds one pass's weights being learnt, dense (a row of one weight
// per tag for each feature), with what averaging needs: each weight's
// running sum over time and when it last changed (the lazy averaging of
// Daumé III 2006).
type trainer struct {
	lx    *lexicon
	keys  []uint64 // ascending
	mask  uint64
	slots []tslot
	w     []int32
	total []int64
	stamp []int64
	now   int64 // words scored so far
	sc    *scratch
}

type tslot struct {
	key uint64 // 0: empty
	row int32
}

// count counts the features of the words the dictionary does not settle,
// with the gold tags before them, and sets up weights for those seen at
// least minCount times.
func (tr *trainer) count(data []Sentence, gold, first [][]uint8, minCount int) {
	counts := map[uint64]int32{}
	sc := tr.sc
	for i := range data {
		var f []uint8
		if first != nil {
			f = first[i]
		}
		sc.load(tr.lx, data[i].Words)
		t1, t2 := uint64(startTag1), uint64(startTag2)
		for j, g := range gold[i] {
			if sc.words[pad+j].tag == 0 {
				sc.features(sc.words, j, t1, t2, f)
				for _, f := range sc.feats {
					counts[f]++
				}
			}
			t1, t2 = uint64(g)+1, t1
		}
	}
	for k, c := range counts {
		if int(c) >= minCount {
			tr.keys = append(tr.keys, k)
		}
	}
	slices.Sort(tr.keys) // map order is random; sorted keys make runs repeat
	size := 16
	for size < 2*len(tr.keys) {
		size *= 2
	}
	tr.mask = uint64(size - 1)
	tr.slots = make([]tslot, size)
	for r, k := range tr.keys {
		j := k & tr.mask
		for tr.slots[j].key != 0 {
			j = (j + 1) & tr.mask
		}
		tr.slots[j] = tslot{key: k, row: int32(r)}
	}
	n := len(tr.keys) * len(tr.lx.tags)
	tr.w, tr.total, tr.stamp = make([]int32, n), make([]int64, n), make([]int64, n)
}

// row returns the row of key, or -1.
func (tr *trainer) row(key uint64) int {
	for j := key & tr.mask; ; j = (j + 1) & tr.mask {
		s := tr.slots[j]
		if s.key == key {
			return int(s.row)
		}
		if s.key == 0 {
			return -1
		}
	}
}

// learn tags one sentence as the tagger would, updating the weights at every
// mistake.
func (tr *trainer) learn(words []string, gold, first []uint8) {
	sc := tr.sc
	sc.load(tr.lx, words)
	nt := len(tr.lx.tags)
	t1, t2 := uint64(startTag1), uint64(startTag2)
	for i, g := range gold {
		k := sc.words[pad+i].tag - 1
		if sc.words[pad+i].tag == 0 {
			tr.now++
			sc.features(sc.words, i, t1, t2, first)
			clear(sc.scores)
			for _, f := range sc.feats {
				if r := tr.row(f); r >= 0 {
					for c, w := range tr.w[r*nt : (r+1)*nt] {
						sc.scores[c] += w
					}
				}
			}
			k = argmax(sc.scores)
			if k != g {
				tr.update(sc.feats, int(g), 1)
				tr.update(sc.feats, int(k), -1)
			}
		}
		t1, t2 = uint64(k)+1, t1
	}
}

// update adds delta to tag c's weight of every known feature in feats.
func (tr *trainer) update(feats []uint64, c int, delta int32) {
	for _, f := range feats {
		r := tr.row(f)
		if r < 0 {
			continue
		}
		i := r*len(tr.lx.tags) + c
		tr.total[i] += (tr.now - tr.stamp[i]) * int64(tr.w[i])
		tr.stamp[i] = tr.now
		tr.w[i] += delta
	}
}

// weightLevels is the integer the largest weight is stored as. Weights are
// int16, but on EWT dev a step of 1/1023 of the largest changes no more
// tags than one of 1/32767 does, and rounds more of them to zero: the model
// is 0.5 MB smaller.
const weightLevels = 1023

// average returns weight i averaged over all words scored.
func (tr *trainer) average(i int) float64 {
	total := tr.total[i] + (tr.now-tr.stamp[i])*int64(tr.w[i])
	return float64(total) / float64(max(tr.now, 1))
}

// pass returns the pass of the averaged weights, quantised (the largest
// becomes ±weightLevels) and with the weights that round to zero, and the
// features left with none, dropped.
func (tr *trainer) pass() pass {
	maxAbs := 0.0
	for i := range tr.w {
		maxAbs = max(maxAbs, math.Abs(tr.average(i)))
	}
	scale := maxAbs / weightLevels
	if scale == 0 {
		scale = 1
	}
	nt := len(tr.lx.tags)
	var (
		keys []uint64
		rows [][]entry
	)
	for r, k := range tr.keys {
		var row []entry
		for c := range nt {
			if q := math.Round(tr.average(r*nt+c) / scale); q != 0 {
				row = append(row, entry{tag: uint8(c), w: int16(q)})
			}
		}
		if row != nil {
			keys = append(keys, k)
			rows = append(rows, row)
		}
	}
	return newPass(keys, rows)
}
