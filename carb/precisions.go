package carb

// Precisions returns, for each system tuple in order, its best precision against
// any gold tuple of its sentence under the binary lenient match (0 when none
// matches or its sentence has no gold). It is a per-tuple label for calibrating
// confidences; unlike Evaluate it pairs each system tuple with its best gold
// tuple independently, so two system tuples may both claim one gold tuple.
func Precisions(gold, system []Extraction) []float64 {
	goldBy := groupBySentence(gold)
	out := make([]float64, len(system))
	for j, s := range system {
		for _, g := range goldBy[normalizeSentence(s.Sentence)] {
			out[j] = max(out[j], binaryLenientMatch(g, s).prec)
		}
	}
	return out
}
