package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"

	"github.com/newsgraph/newsgraph/carb"
	"github.com/newsgraph/newsgraph/extract"
)

// Settings of the confidence fit: L2-regularised logistic regression on soft labels
// (each tuple's best match precision), by full-batch gradient descent from zero, so
// that the fit is deterministic.
const (
	fitSteps = 3000
	fitRate  = 0.5
	fitL2    = 1e-3
)

// fit learns confidence weights from the tuples of sentences scored against gold,
// prints what they give when each half of the sentences is scored with weights fitted
// on the other half (the honest figure) and on all of them (in sample), and writes
// the weights fitted on all to path.
func fit(sentences []string, gold []carb.Extraction, path string) error {
	tuples, err := extract.CarbTuples(sentences)
	if err != nil {
		return fmt.Errorf("extract: %w", err)
	}
	// Through the system file format, so that the tuples are read as the scorer reads
	// WriteCarb's output (a tuple with neither a second argument nor more loses the
	// empty one).
	var text bytes.Buffer
	if err := extract.WriteCarbTuples(&text, tuples, make([]float64, len(extract.CarbFeatures))); err != nil {
		return err
	}
	system, err := carb.ReadSystem(&text)
	if err != nil || len(system) != len(tuples) {
		return fmt.Errorf("read back %d tuples: got %d, %v", len(tuples), len(system), err)
	}
	labels := carb.Precisions(gold, system)
	index := make(map[string]int, len(sentences))
	for i, s := range sentences {
		index[s] = i
	}
	half := make([]int, len(tuples))
	for i, t := range tuples {
		half[i] = index[t.Sentence] % 2
	}
	// Each half scored with the weights of the other.
	for h := range 2 {
		w := logistic(tuples, labels, func(i int) bool { return half[i] != h })
		for i, t := range tuples {
			if half[i] == h {
				system[i].Confidence = extract.CarbConfidence(t.Features, w)
			}
		}
	}
	cv := carb.Evaluate(gold, system)
	w := logistic(tuples, labels, func(int) bool { return true })
	for i, t := range tuples {
		system[i].Confidence = extract.CarbConfidence(t.Features, w)
	}
	all := carb.Evaluate(gold, system)
	fmt.Printf("confidence fitted on the other half: AUC %.3f  P %.3f  R %.3f  F1 %.3f\n", cv.AUC, cv.Precision, cv.Recall, cv.F1)
	fmt.Printf("confidence fitted on all (in sample): AUC %.3f  P %.3f  R %.3f  F1 %.3f\n", all.AUC, all.Precision, all.Recall, all.F1)
	var b strings.Builder
	b.WriteString("# Confidence weights of CaRB tuples (extract.CarbFeatures), logistic, fitted on the CaRB\n")
	b.WriteString("# development half by: go run ./tools/carbeval -fit extract/data/carb_confidence.tsv\n")
	fmt.Fprintf(&b, "# Each half of the sentences scored with weights fitted on the other: AUC %.3f, F1 %.3f.\n", cv.AUC, cv.F1)
	for i, f := range extract.CarbFeatures {
		fmt.Fprintf(&b, "%s\t%s\n", f, strconv.FormatFloat(w[i], 'f', 4, 64))
	}
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		return fmt.Errorf("write weights: %w", err)
	}
	fmt.Printf("wrote %s\n", path)
	return nil
}

// logistic fits weights to the tuples that use selects.
func logistic(tuples []extract.CarbTuple, labels []float64, use func(int) bool) []float64 {
	w := make([]float64, len(extract.CarbFeatures))
	grad := make([]float64, len(w))
	n := 0
	for i := range tuples {
		if use(i) {
			n++
		}
	}
	for range fitSteps {
		clear(grad)
		for i, t := range tuples {
			if !use(i) {
				continue
			}
			d := extract.CarbConfidence(t.Features, w) - labels[i]
			for k, x := range t.Features {
				grad[k] += d * x
			}
		}
		for k := range w {
			w[k] -= fitRate * (grad[k]/float64(n) + fitL2*w[k])
		}
	}
	for k := range w {
		if math.IsNaN(w[k]) {
			w[k] = 0
		}
	}
	return w
}
