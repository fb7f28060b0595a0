package carb

import "testing"

func TestPrecisions(t *testing.T) {
	gold := []Extraction{
		{Sentence: "Russia mediated the talks .", Relation: "mediated", Args: []string{"Russia", "the talks"}},
		{Sentence: "Troops left Lachin .", Relation: "left", Args: []string{"Troops", "Lachin"}},
	}
	system := []Extraction{
		{Sentence: "Russia mediated the talks .", Relation: "mediated", Args: []string{"Russia", "the talks"}},
		{Sentence: "Russia mediated the talks .", Relation: "mediated", Args: []string{"Russia", "talks in Baku"}}, // 3 of 5 words
		{Sentence: "Russia mediated the talks .", Relation: "held", Args: []string{"Russia", "the talks"}},         // relation shares no word
		{Sentence: "Troops  left Lachin", Relation: "left", Args: []string{"Troops", "Lachin"}},                    // matched after normalising
		{Sentence: "Nobody knows this one .", Relation: "knows", Args: []string{"Nobody", "this"}},                 // no gold
	}
	want := []float64{1, 3.0 / 5, 0, 1, 0}
	got := Precisions(gold, system)
	for i := range want {
		if diff := got[i] - want[i]; diff > 1e-9 || diff < -1e-9 {
			t.Errorf("tuple %d: precision %.3f, want %.3f", i, got[i], want[i])
		}
	}
}
