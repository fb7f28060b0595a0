// Package carb scores open information extraction output against the CaRB
// benchmark (Bhardwaj, Aggarwal and Mausam, EMNLP 2019) the way the
// benchmark's official scorer does with its default binary lenient match, so
// that figures from newsgraph's extractor compare with published ones.
//
// Usage:
//
//	gold, _ := os.Open("gold.tsv")     // sentence \t relation \t arg1 \t arg2 [\t arg3 …]
//	system, _ := os.Open("system.tsv") // sentence \t confidence \t relation \t arg1 \t arg2 …
//	res, err := carb.Score(gold, system)
//	fmt.Printf("AUC %.3f  P %.3f  R %.3f  F1 %.3f\n", res.AUC, res.Precision, res.Recall, res.F1)
//
// # Scoring
//
//  1. Sentences are matched after removing spaces, undoing the Penn Treebank
//     bracket escapes (-LRB- …) and removing ASCII punctuation. Gold arguments
//     containing "C: " (context) are dropped. System sentences that are not in
//     the gold set are not scored, but their confidences still become
//     thresholds.
//  2. A gold and a system tuple are compared with all arguments after the
//     first joined into the second. Words are whitespace-separated and
//     compared exactly, each gold word used once. The pair scores zero unless
//     the relations share a word (a system "be" matches any form of "be" in
//     the gold relation) and the system tuple has as many of the first two
//     arguments as the gold one. Otherwise its precision is the share of the
//     system words matched and its recall the share of the gold words matched.
//     For gold relations containing "said", "told", "added", "adds" or "says"
//     the system arguments are also tried swapped, and the better pair
//     (precision first) counts.
//  3. For every distinct system confidence as threshold, over the tuples at or
//     above it: recall sums, per gold tuple, its best recall; precision
//     matches system and gold tuples greedily by precision (each used once)
//     and divides by the number of system tuples.
//  4. F1 is the best point of that curve (the lowest threshold on ties); AUC
//     is the trapezoid area under precision over recall with the point
//     (recall 0, precision 1) added.
//
// Where the official scorer's arithmetic is undefined it is made explicit
// here: a threshold with precision and recall both 0 has F1 0 (the official
// scorer computes NaN there and may report it as the best point).
//
// The scorer is independent of the rest of newsgraph: it imports no other
// newsgraph package, and nothing in it knows about news or Cayley.
package carb
