package carb

import (
	"slices"
	"strings"
)

// pr is the precision and recall of one system tuple against one gold tuple.
type pr struct{ prec, rec float64 }

// less orders pairs as the official scorer's max over [precision, recall]
// lists does: precision first, then recall.
func (a pr) less(b pr) bool {
	return a.prec < b.prec || a.prec == b.prec && a.rec < b.rec
}

// saidRelations mark gold relations of reporting, whose arguments systems
// often give in the other order ("the minister said X" as X / said / the
// minister). They are matched as substrings, as the official scorer does.
var saidRelations = []string{"said", "told", "added", "adds", "says"}

// binaryLenientMatch compares a gold and a system tuple with the arguments
// after the first joined into the second, trying swapped system arguments
// for reporting relations (package documentation, step 2).
func binaryLenientMatch(gold, sys Extraction) pr {
	g := binarize(gold.Args)
	s := binarize(sys.Args)
	straight := lenientMatch(gold.Relation, g, sys.Relation, s)
	said := func(v string) bool { return strings.Contains(gold.Relation, v) }
	if !slices.ContainsFunc(saidRelations, said) {
		return straight
	}
	swapped := s
	if len(sys.Args) >= 2 {
		swapped = []string{strings.Join(sys.Args[1:], " "), sys.Args[0]}
	}
	if rev := lenientMatch(gold.Relation, g, sys.Relation, swapped); straight.less(rev) {
		return rev
	}
	return straight
}

// binarize joins all arguments after the first into the second.
func binarize(args []string) []string {
	if len(args) < 2 {
		return args
	}
	return []string{args[0], strings.Join(args[1:], " ")}
}

// formsOfBe are the gold relation words a system "be" matches.
var formsOfBe = []string{"be", "is", "am", "are", "was", "were", "been", "being"}

// lenientMatch scores a system tuple against a gold tuple word by word.
func lenientMatch(goldRel string, goldArgs []string, sysRel string, sysArgs []string) pr {
	gw := strings.Fields(goldRel)
	sw := strings.Fields(sysRel)
	precDen, recDen := len(sw), len(gw)
	matched, rest := matchWords(gw, sw)
	// A system "be" left over stands for any form of "be" in the gold relation.
	if slices.Contains(rest, "be") && slices.ContainsFunc(formsOfBe, func(f string) bool { return slices.Contains(gw, f) }) {
		matched++
	}
	if matched == 0 {
		return pr{}
	}
	precNum, recNum := matched, matched
	for i, ga := range goldArgs {
		gw := strings.Fields(ga)
		recDen += len(gw)
		if i >= len(sysArgs) {
			if i < 2 {
				return pr{} // the subject or object is missing
			}
			continue
		}
		sw := strings.Fields(sysArgs[i])
		precDen += len(sw)
		m, _ := matchWords(gw, sw)
		precNum += m
		recNum += m
	}
	var res pr
	if precDen > 0 {
		res.prec = float64(precNum) / float64(precDen)
	}
	if recDen > 0 {
		res.rec = float64(recNum) / float64(recDen)
	}
	return res
}

// matchWords counts the gold words found among the system words, each system
// word used once, and returns the system words left.
func matchWords(gold, sys []string) (int, []string) {
	rest := append([]string(nil), sys...)
	n := 0
	for _, w := range gold {
		if i := slices.Index(rest, w); i >= 0 {
			n++
			rest = append(rest[:i], rest[i+1:]...)
		}
	}
	return n, rest
}
