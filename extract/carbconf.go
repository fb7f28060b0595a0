package extract

import (
	_ "embed"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// The features of a CaRB tuple that its confidence weighs. Each is 0 or 1 unless its
// name in CarbFeatures says otherwise. A tuple of an active clause the parse alone
// found, with a subject and a short object of its own, has only the bias, the length
// features and, when its subject ends in a name, "named subject".
const (
	featBias = iota
	featPassive
	featRelative
	featCoordinated
	featControlled
	featAttribution
	featApposition
	featPossessive
	featLocative
	featBothReaders
	featRulesOnly
	featNoArg2
	featOneWordArg2
	featLongArg2
	featExtra
	featPronounSubject
	featInherited
	featNegated
	featRelationWords
	featSentenceWords
	featSubjectWords
	featNamedSubject
	numFeatures
)

// CarbFeatures names the features, in the order of CarbTuple.Features.
var CarbFeatures = []string{
	featBias:           "bias",
	featPassive:        "kind passive",
	featRelative:       "kind relative",
	featCoordinated:    "kind coordinated",
	featControlled:     "kind controlled",
	featAttribution:    "kind attribution",
	featApposition:     "kind apposition",
	featPossessive:     "kind possessive",
	featLocative:       "kind locative",
	featBothReaders:    "both readers",       // the rules and the parse found it
	featRulesOnly:      "rules only",         // the rules found it, the parse did not
	featNoArg2:         "no second argument", // only phrases after the relation
	featOneWordArg2:    "one-word second argument",
	featLongArg2:       "long second argument", // over ten words
	featExtra:          "extra arguments",      // how many, up to 3, over 3
	featPronounSubject: "pronoun subject",
	featInherited:      "inherited subject", // taken from another clause: coordination, control, a relative
	featNegated:        "negated",
	featRelationWords:  "relation words", // up to 6, over 6
	featSentenceWords:  "sentence words", // up to 60, over 60
	featSubjectWords:   "subject words",  // up to 10, over 10
	featNamedSubject:   "named subject",  // the subject ends in a proper noun
}

// kindFeatures are the features of the clause kinds other than KindActive.
var kindFeatures = map[string]int{
	KindPassive: featPassive, KindRelative: featRelative, KindCoordinated: featCoordinated,
	KindControlled: featControlled, KindAttribution: featAttribution, KindApposition: featApposition,
	KindPossessive: featPossessive, KindLocative: featLocative,
}

//go:embed data/carb_confidence.tsv
var carbConfidenceTSV string

// carbWeights are the shipped confidence weights, fitted on the CaRB development half
// by `go run ./tools/carbeval -fit extract/data/carb_confidence.tsv`.
var carbWeights = mustParseWeights(carbConfidenceTSV)

// mustParseWeights parses the embedded weights. They ship in the binary and a test
// parses them, so an error here is a build mistake, not bad input.
func mustParseWeights(data string) []float64 {
	w, err := ParseCarbWeights(data)
	if err != nil {
		panic(err)
	}
	return w
}

// ParseCarbWeights reads "feature<TAB>weight" lines (blank lines and "#" comments
// skipped) into weights in CarbFeatures order. Every feature must have a weight, and
// no other name may appear.
func ParseCarbWeights(data string) ([]float64, error) {
	index := make(map[string]int, len(CarbFeatures))
	for i, f := range CarbFeatures {
		index[f] = i
	}
	w := make([]float64, len(CarbFeatures))
	seen := make([]bool, len(CarbFeatures))
	for n, line := range strings.Split(data, "\n") {
		if strings.TrimSpace(line) == "" || line[0] == '#' {
			continue
		}
		name, value, ok := strings.Cut(line, "\t")
		i, known := index[name]
		if !ok || !known {
			return nil, fmt.Errorf("carb weights line %d: want a feature of CarbFeatures, a tab and a weight, got %q", n+1, line)
		}
		v, err := strconv.ParseFloat(strings.TrimSpace(value), 64)
		if err != nil || math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("carb weights line %d: weight %q is not a number", n+1, value)
		}
		w[i], seen[i] = v, true
	}
	for i, ok := range seen {
		if !ok {
			return nil, fmt.Errorf("carb weights: no weight for %q", CarbFeatures[i])
		}
	}
	return w, nil
}

// CarbConfidence is the logistic confidence of a tuple's features under weights w,
// in (0, 1).
func CarbConfidence(features, w []float64) float64 {
	z := 0.0
	for i, x := range features {
		z += w[i] * x
	}
	return 1 / (1 + math.Exp(-z))
}

// carbFeatures computes a tuple's features, in CarbFeatures order.
func carbFeatures(s Sentence, c read) []float64 {
	f := make([]float64, numFeatures)
	f[featBias] = 1
	if k, ok := kindFeatures[c.Kind]; ok {
		f[k] = 1
	}
	switch {
	case c.rules && c.tree:
		f[featBothReaders] = 1
	case c.rules:
		f[featRulesOnly] = 1
	}
	switch n := c.Arg2.End - c.Arg2.Start; {
	case n <= 0:
		f[featNoArg2] = 1
	case n == 1:
		f[featOneWordArg2] = 1
	case n > 10:
		f[featLongArg2] = 1
	}
	f[featExtra] = float64(min(len(c.Extra), 3)) / 3
	if c.Arg1.End-c.Arg1.Start == 1 && strings.HasPrefix(s.Tokens[c.Arg1.Start].Tag, "PRP") {
		f[featPronounSubject] = 1
	}
	if c.Inherited {
		f[featInherited] = 1
	}
	if c.Negated {
		f[featNegated] = 1
	}
	f[featRelationWords] = float64(min(len(strings.Fields(c.Rel)), 6)) / 6
	f[featSentenceWords] = float64(min(len(s.Tokens), 60)) / 60
	f[featSubjectWords] = float64(min(c.Arg1.End-c.Arg1.Start, 10)) / 10
	if c.Arg1.End > c.Arg1.Start && strings.HasPrefix(s.Tokens[c.Arg1.End-1].Tag, "NNP") {
		f[featNamedSubject] = 1
	}
	return f
}
