package depparse

import (
	"strings"
	"testing"
)

// The scorers read at most maxFeatures features, so the counts the
// constants promise must be the counts the templates give.
func TestFeatureCounts(t *testing.T) {
	words := strings.Fields("The envoy said that both sides wanted peace .")
	tags := strings.Fields("DT NN VBD IN DT NNS VBD NN .")
	var s state
	var x sentence
	s.reset(len(words))
	x.reset(words, tags)
	for _, mv := range []move{shift, leftArc, shift, rightArc} {
		if got := len(transFeatures(nil, &s, &x)); got != numTransFeatures {
			t.Fatalf("transFeatures gives %d features, numTransFeatures is %d", got, numTransFeatures)
		}
		h, d := s.arc(rightArc)
		if got := len(labelFeatures(nil, &s, &x, h, d)); got != numLabelFeatures {
			t.Fatalf("labelFeatures gives %d features, numLabelFeatures is %d", got, numLabelFeatures)
		}
		s.apply(mv, 0)
	}
}

func TestWordValue(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		same bool
	}{
		{"Russia", "russia", true},
		{"ÉTAT", "état", true},
		{"1994", "2023", true}, // digits share one shape
		{"talks", "talk", false},
		{"", "a", false},
	} {
		if got := wordValue(tc.a) == wordValue(tc.b); got != tc.same {
			t.Errorf("wordValue(%q) == wordValue(%q) is %v, want %v", tc.a, tc.b, got, tc.same)
		}
	}
	if suffixValue("Talks") == suffixValue("talks") {
		t.Error("suffixValue ignores capitalisation, which it should keep as shape")
	}
	if suffixValue("stalks") != suffixValue("talks") {
		t.Error("suffixValue should see only the last three letters")
	}
	if coarseValue("NNS") != coarseValue("NNP") || coarseValue("NN") == coarseValue("VB") {
		t.Error("coarseValue should join tags by their first two letters")
	}
}
