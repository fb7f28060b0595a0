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
	// Epochs is the number of passes over the training sentences; 0 means 10.
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
	// Seed seeds the shuffling, so runs repeat; 0 is a seed.
	Seed uint64
	// AfterEpoch, if set, is called after each epoch with the averaged model
	// so far (for example to score it on a development set). An error stops
	// training and is returned.
	AfterEpoch func(epoch int, m *Model) error
}

// ErrNoTraining is returned by Train when no sentence has a tag for each
// word.
var ErrNoTraining = errors.New("postag: no sentence to train on (none has one tag per word)")

// Train learns a model from tagged sentences with an averaged perceptron
// (Collins 2002), tagging greedily left to right as Tagger does, with its own
// predicted tags as the history. Sentences without exactly one tag per word
// are left out. Training stops early when ctx is done.
func Train(ctx context.Context, sentences []Sentence, opts TrainOptions) (*Model, error) {
	if opts.Epochs <= 0 {
		opts.Epochs = 10
	}
	if opts.MinCount <= 0 {
		opts.MinCount = 2
	}
	if opts.DictMinCount <= 0 {
		opts.DictMinCount = 20
	}

	if opts.DictShare <= 0 {
		opts.DictShare = 0.97
	}
	var data []Sentence
	for _, s := range sentences {
		if len(s.Words) > 0 && len(s.Tags) == len(s.Words) {
			data = append(data, s)
		}
	}
	if len(data) == 0 {
		return nil, ErrNoTraining
	}
	tr, err := newTrainer(data, opts)
	if err != nil {
		return nil, err
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x706f7374))
	order := make([]int, len(data))
	for i := range order {
		order[i] = i
	}
	for epoch := 1; epoch <= opts.Epochs; epoch++ {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		for k, i := range order {
			if k%1024 == 0 {
				if err := ctx.Err(); err != nil {
					return nil, fmt.Errorf("postag: train: %w", err)
				}
			}
			tr.learn(&data[i])
		}
		if opts.AfterEpoch != nil {
			if err := opts.AfterEpoch(epoch, tr.model()); err != nil {
				return nil, err
			}
		}
	}
	return tr.model(), nil
}

// trainer holds the weights being learnt, dense (a row of one weight per
// tag for each feature), with what averaging needs: each weight's running
// sum over time and when it last changed (the lazy averaging of Daumé III
// 2006).
type trainer struct {
	tags      []string
	index     map[string]uint8
	dictWords []string
	dictTags  []uint8
	dict      *dict
	keys      []uint64 // ascending
	mask      uint64
	slots     []tslot
	w         []int32
	total     []int64
	stamp     []int64
	now       int64 // words scored so far
	sc        scratch
	gold      []uint8
}

type tslot struct {
	key uint64 // 0: empty
	row int32
}

func newTrainer(data []Sentence, opts TrainOptions) (*trainer, error) {
	tr := &trainer{index: map[string]uint8{}}
	for _, s := range data {
		for _, t := range s.Tags {
			if _, ok := tr.index[t]; !ok {
				tr.index[t] = 0
				tr.tags = append(tr.tags, t)
			}
		}
	}
	if len(tr.tags) > maxTags {
		return nil, fmt.Errorf("postag: train: %d tags, at most %d supported", len(tr.tags), maxTags)
	}
	slices.Sort(tr.tags)
	for i, t := range tr.tags {
		tr.index[t] = uint8(i)
	}
	tr.buildDict(data, opts.DictMinCount, opts.DictShare)
	tr.count(data, opts.MinCount)
	tr.sc.scores = make([]int32, len(tr.tags))
	return tr, nil
}

// buildDict chooses the words the dictionary tags: frequent ones that
// nearly always have one tag. Training never scores them, as tagging does
// not.
func (tr *trainer) buildDict(data []Sentence, minCount int, share float64) {
	counts := map[string][]int{}
	for _, s := range data {
		for i, w := range s.Words {
			f := normalForm(w)
			c := counts[f]
			if c == nil {
				c = make([]int, len(tr.tags))
				counts[f] = c
			}
			c[tr.index[s.Tags[i]]]++
		}
	}
	for f, c := range counts {
		total, best := 0, 0
		for t, n := range c {
			total += n
			if n > c[best] {
				best = t
			}
		}
		if total >= minCount && float64(c[best]) >= share*float64(total) {
			tr.dictWords = append(tr.dictWords, f)
		}
	}
	slices.Sort(tr.dictWords)
	keys := make([]uint64, len(tr.dictWords))
	for i, f := range tr.dictWords {
		c := counts[f]
		tr.dictTags = append(tr.dictTags, uint8(argmaxInt(c)))
		keys[i] = caseKey(f)
	}
	tr.dict = newDict(keys, tr.dictTags)
}

func argmaxInt(v []int) int {
	best := 0
	for i, x := range v {
		if x > v[best] {
			best = i
		}
	}
	return best
}

// count counts the features of the words the dictionary does not settle,
// with the gold tags before them, and sets up weights for those seen at
// least minCount times.
func (tr *trainer) count(data []Sentence, minCount int) {
	counts := map[uint64]int32{}
	sc := &tr.sc
	for i := range data {
		s := &data[i]
		sc.load(s.Words)
		t1, t2 := uint64(startTag1), uint64(startTag2)
		for j := range s.Words {
			if _, ok := tr.dict.lookup(sc.words[pad+j].cased); !ok {
				sc.feats = features(sc.feats[:0], sc.words, j, t1, t2)
				for _, f := range sc.feats {
					counts[f]++
				}
			}
			t1, t2 = uint64(tr.index[s.Tags[j]])+1, t1
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
	n := len(tr.keys) * len(tr.tags)
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
func (tr *trainer) learn(s *Sentence) {
	sc := &tr.sc
	sc.load(s.Words)
	tr.gold = tr.gold[:0]
	for _, t := range s.Tags {
		tr.gold = append(tr.gold, tr.index[t])
	}
	nt := len(tr.tags)
	t1, t2 := uint64(startTag1), uint64(startTag2)
	for i := range s.Words {
		k, ok := tr.dict.lookup(sc.words[pad+i].cased)
		if !ok {
			tr.now++
			sc.feats = features(sc.feats[:0], sc.words, i, t1, t2)
			clear(sc.scores)
			for _, f := range sc.feats {
				if r := tr.row(f); r >= 0 {
					for c, w := range tr.w[r*nt : (r+1)*nt] {
						sc.scores[c] += w
					}
				}
			}
			k = argmax(sc.scores)
			if g := tr.gold[i]; k != g {
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
		i := r*len(tr.tags) + c
		tr.total[i] += (tr.now - tr.stamp[i]) * int64(tr.w[i])
		tr.stamp[i] = tr.now
		tr.w[i] += delta
	}
}

// average returns weight i averaged over all words scored.
func (tr *trainer) average(i int) float64 {
	total := tr.total[i] + (tr.now-tr.stamp[i])*int64(tr.w[i])
	return float64(total) / float64(max(tr.now, 1))
}

// model returns the model of the averaged weights, quantised to 16 bits
// (the largest becomes ±32767) and with the weights that round to zero, and
// the features left with none, dropped.
func (tr *trainer) model() *Model {
	maxAbs := 0.0
	for i := range tr.w {
		maxAbs = max(maxAbs, math.Abs(tr.average(i)))
	}
	scale := maxAbs / math.MaxInt16
	if scale == 0 {
		scale = 1
	}
	nt := len(tr.tags)
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
	return newModel(tr.tags, tr.dictWords, tr.dictTags, keys, rows)
}
