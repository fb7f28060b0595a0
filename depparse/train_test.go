package depparse

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"slices"
	"strings"
	"testing"
)

// trainSmall trains on the hand-written sentences; it takes milliseconds.
func trainSmall(t *testing.T, opts TrainOptions) (*Model, []Sentence) {
	t.Helper()
	data := readTestdata(t)
	opts.MinCount = 1
	m, err := Train(context.Background(), data, opts)
	if err != nil {
		t.Fatal(err)
	}
	return m, data
}

func TestTrainLearnsTrainingSet(t *testing.T) {
	for _, tc := range []struct {
		name string
		opts TrainOptions
	}{
		{"dynamic", TrainOptions{Epochs: 10}},
		{"static", TrainOptions{Epochs: 10, Static: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, data := trainSmall(t, tc.opts)
			var projective []Sentence
			for _, s := range data {
				if s.Projective() {
					projective = append(projective, s)
				}
			}
			sc, err := Evaluate(NewParser(m), projective)
			if err != nil {
				t.Fatal(err)
			}
			// A perceptron with word features can fit 15 short sentences;
			// far less means the transitions, oracle or updates are wrong.
			if sc.UAS < 0.95 || sc.LAS < 0.9 {
				t.Errorf("on its own training set: UAS %.3f LAS %.3f, want ≥ 0.95 and ≥ 0.9", sc.UAS, sc.LAS)
			}
		})
	}
}

func TestTrainEpochsAndCancel(t *testing.T) {
	var epochs []int
	stop := errors.New("stop")
	_, err := Train(context.Background(), readTestdata(t), TrainOptions{Epochs: 5, AfterEpoch: func(epoch int, m *Model) error {
		epochs = append(epochs, epoch)
		if epoch == 3 {
			return stop
		}
		return nil
	}})
	if !errors.Is(err, stop) || !slices.Equal(epochs, []int{1, 2, 3}) {
		t.Errorf("epochs %v, error %v; want 1 2 3 and the callback's error", epochs, err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, readTestdata(t), TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled training: error %v", err)
	}
	four := func(heads ...int) Sentence {
		return Sentence{Words: []string{"a", "b", "c", "d"}, Tags: []string{"X", "X", "X", "X"}, Heads: heads, Labels: []string{"root", "dep", "dep", "dep"}}
	}
	for _, s := range []Sentence{
		four(0, 3, 2, 3), // a cycle
		four(0, 1, 0, 3), // two roots
		four(0, 1, 9, 3), // a head out of range
		four(0, 1, 2),    // a head missing
	} {
		if _, err := Train(context.Background(), []Sentence{s}, TrainOptions{}); !errors.Is(err, ErrNoTraining) {
			t.Errorf("training on heads %v only: error %v, want ErrNoTraining", s.Heads, err)
		}
	}
}

func TestLift(t *testing.T) {
	for _, tc := range []struct{ heads, want []int }{
		{[]int{2, 0, 2}, []int{2, 0, 2}},
		// "A hearing is scheduled on the issue today .": hearing → issue
		// spans "is" and "scheduled"; issue moves up to "scheduled".
		{[]int{2, 4, 4, 0, 7, 7, 2, 4, 4}, []int{2, 4, 4, 0, 7, 7, 4, 4, 4}},
		// 4 → 2 spans 3, which hangs from 1; 2 moves up to 1.
		{[]int{0, 4, 1, 1}, []int{0, 1, 1, 1}},
		// 5 → 2 spans 3 and 4, which hang from 1 (1 → 3 spans 2, but 2
		// is under 1); 2 moves up to 1.
		{[]int{0, 5, 1, 3, 1}, []int{0, 1, 1, 3, 1}},
	} {
		got := lift(tc.heads)
		if !slices.Equal(got, tc.want) || !(Sentence{Heads: got}).Projective() {
			t.Errorf("lift(%v) = %v, want %v (projective)", tc.heads, got, tc.want)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m, data := trainSmall(t, TrainOptions{Epochs: 5})
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(bytes.NewReader(buf.Bytes()), "small")
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(back.Labels(), m.Labels()) {
		t.Errorf("labels %v, want %v", back.Labels(), m.Labels())
	}
	p, q := NewParser(m), NewParser(back)
	for _, s := range data {
		a, _ := p.Parse(s.Words, s.Tags)
		b, _ := q.Parse(s.Words, s.Tags)
		if !slices.Equal(a.Heads, b.Heads) || !slices.Equal(a.Labels, b.Labels) {
			t.Errorf("%v: written model parses %v %v, trained one %v %v", s.Words, b.Heads, b.Labels, a.Heads, a.Labels)
		}
	}

	// Every truncation of the file is an error, never a panic.
	full := buf.Bytes()
	for _, n := range []int{0, 10, len(full) / 2, len(full) - 5} {
		if _, err := ReadModel(bytes.NewReader(full[:n]), "cut"); err == nil {
			t.Errorf("model cut to %d of %d bytes read without error", n, len(full))
		}
	}
}

// Reading the embedded model and writing it again gives the same data: the
// file format and the frozen tables lose nothing.
func TestEmbeddedModelRewrites(t *testing.T) {
	m, err := ReadModel(bytes.NewReader(enEWT), "embedded")
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := m.Write(&buf); err != nil {
		t.Fatal(err)
	}
	got, want := gunzip(t, buf.Bytes()), gunzip(t, enEWT)
	if !bytes.Equal(got, want) {
		t.Errorf("rewritten model differs: %d bytes, want %d", len(got), len(want))
	}
}

func gunzip(t *testing.T, data []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	out, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func TestReadModelErrors(t *testing.T) {
	var gz bytes.Buffer
	m, _ := trainSmall(t, TrainOptions{Epochs: 1})
	m.labels = slices.DeleteFunc(slices.Clone(m.labels), func(l string) bool { return l == RootLabel })
	if err := m.Write(&gz); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name string
		data []byte
		want string
	}{
		{"not gzip", []byte("hello"), "read model x: depparse: not a parser model"},
		{"no root label", gz.Bytes(), `no "root" label`},
	} {
		_, err := ReadModel(bytes.NewReader(tc.data), "x")
		if err == nil || !strings.Contains(err.Error(), tc.want) || !errors.Is(err, ErrBadModel) {
			t.Errorf("%s: error %v, want ErrBadModel mentioning %q", tc.name, err, tc.want)
		}
	}
}
