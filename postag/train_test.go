package postag

import (
	"bytes"
	"context"
	"errors"
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
		name   string
		opts   TrainOptions
		passes int
	}{
		{"one pass", TrainOptions{OnePass: true}, 1},
		{"two passes", TrainOptions{}, 2},
		{"two passes, dictionary", TrainOptions{DictMinCount: 5}, 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			m, data := trainSmall(t, tc.opts)
			if m.Passes() != tc.passes {
				t.Errorf("%d passes, want %d", m.Passes(), tc.passes)
			}
			sc, err := Evaluate(NewTagger(m), data, nil)
			if err != nil {
				t.Fatal(err)
			}
			// A perceptron with word features fits 16 short sentences;
			// less means the features, updates or averaging are wrong.
			if sc.Acc < 0.98 {
				t.Errorf("on its own training set: accuracy %.3f, want ≥ 0.98", sc.Acc)
			}
		})
	}
}

func TestTrainDictionary(t *testing.T) {
	// "the" is 7 times in the sentences, always DT: with a dictionary of
	// words seen 5 times, it is tagged DT wherever it stands.
	m, _ := trainSmall(t, TrainOptions{DictMinCount: 5})
	if m.DictSize() == 0 {
		t.Fatal("empty dictionary")
	}
	tags := NewTagger(m).Tag([]string{"the", "the", "."})
	if tags[0] != "DT" || tags[1] != "DT" {
		t.Errorf("dictionary word tagged %v, want DT", tags[:2])
	}
	if m2, _ := trainSmall(t, TrainOptions{DictMinCount: 1000}); m2.DictSize() != 0 {
		t.Errorf("dictionary of %d words with a minimum count of 1000", m2.DictSize())
	}
}

func TestTrainGeneralises(t *testing.T) {
	// Known words in a new order, and an unknown name in a known slot.
	m, _ := trainSmall(t, TrainOptions{})
	tg := NewTagger(m)
	for _, tc := range []struct{ words, want string }{
		{"The army seized the bridge .", "DT NN VBD DT NN ."},
		{"Troops crossed the border on Sunday .", "NNS VBD DT NN IN NNP ."},
	} {
		if got := strings.Join(tg.Tag(strings.Fields(tc.words)), " "); got != tc.want {
			t.Errorf("Tag(%q) = %s, want %s", tc.words, got, tc.want)
		}
	}
}

func TestTrainDeterministic(t *testing.T) {
	var out [2]bytes.Buffer
	for i := range out {
		m, _ := trainSmall(t, TrainOptions{Seed: 7})
		if err := m.Write(&out[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out[0].Bytes(), out[1].Bytes()) {
		t.Error("two trainings with the same options wrote different models")
	}
}

func TestTrainEpochsAndErrors(t *testing.T) {
	data := readTestdata(t)
	for _, onePass := range []bool{true, false} {
		var epochs []int
		_, err := Train(context.Background(), data, TrainOptions{Epochs: 4, OnePass: onePass, AfterEpoch: func(epoch int, m *Model) error {
			epochs = append(epochs, epoch)
			if want := 2; !onePass && m.Passes() != want {
				t.Errorf("AfterEpoch got a model of %d passes, want %d", m.Passes(), want)
			}
			return nil
		}})
		if err != nil || len(epochs) != 4 || epochs[3] != 4 {
			t.Errorf("one pass %v: epochs %v, error %v; want 1 to 4, none", onePass, epochs, err)
		}
	}
	stop := errors.New("stop")
	if _, err := Train(context.Background(), data, TrainOptions{AfterEpoch: func(int, *Model) error { return stop }}); !errors.Is(err, stop) {
		t.Errorf("AfterEpoch's error: got %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := Train(ctx, data, TrainOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("cancelled: got %v, want context.Canceled", err)
	}
	bad := []Sentence{{}, {Words: []string{"a", "b"}, Tags: []string{"DT"}}}
	if _, err := Train(context.Background(), bad, TrainOptions{}); !errors.Is(err, ErrNoTraining) {
		t.Errorf("no usable sentence: got %v, want ErrNoTraining", err)
	}
	many := Sentence{}
	for i := range 300 {
		many.Words = append(many.Words, "w")
		many.Tags = append(many.Tags, strings.Repeat("T", i+1))
	}
	if _, err := Train(context.Background(), []Sentence{many}, TrainOptions{}); err == nil || !strings.Contains(err.Error(), "300 tags") {
		t.Errorf("300 tags: got %v", err)
	}
}
