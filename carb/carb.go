package carb

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Extraction is one tuple of a gold or system file.
type Extraction struct {
	Sentence   string   // as written in the file
	Confidence float64  // system confidence; 1 for gold tuples
	Relation   string   // relation phrase
	Args       []string // arguments, the subject first
}

// Result is the score of a system against the gold set.
type Result struct {
	AUC       float64 `json:"auc"`             // area under the precision–recall curve, with (recall 0, precision 1) added
	Precision float64 `json:"precision"`       // at Threshold
	Recall    float64 `json:"recall"`          // at Threshold
	F1        float64 `json:"f1"`              // the best F1 over all thresholds
	Threshold float64 `json:"threshold"`       // the confidence threshold of the best F1
	Curve     []Point `json:"curve,omitempty"` // the precision–recall curve, thresholds ascending
}

// Point is one threshold of the precision–recall curve.
type Point struct {
	Threshold float64 `json:"threshold"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
}

// Errors of reading the input files.
var (
	// ErrNoGold is returned by Score and ReadGold when the gold file holds no tuple.
	ErrNoGold = errors.New("carb: gold file has no extractions")
)

// maxLineErrors caps how many bad lines one error lists.
const maxLineErrors = 10

// Score reads a gold file and a system file and scores the system (see the
// package documentation). Errors name the file ("gold" or "system") and the
// line; the caller adds the path.
func Score(gold, system io.Reader) (Result, error) {
	g, err := ReadGold(gold)
	if err != nil {
		return Result{}, err
	}
	s, err := ReadSystem(system)
	if err != nil {
		return Result{}, err
	}
	return Evaluate(g, s), nil
}

// ReadGold reads gold tuples: "sentence \t relation \t arg1 [\t arg2 …]" per
// line. Arguments containing "C: " are context and are dropped. Blank lines
// are skipped.
func ReadGold(r io.Reader) ([]Extraction, error) {
	var out []Extraction
	err := readLines(r, "gold", func(f []string) error {
		if len(f) < 2 {
			return fmt.Errorf("want at least sentence and relation, got %d tab-separated fields", len(f))
		}
		e := Extraction{Sentence: strings.TrimSpace(f[0]), Confidence: 1, Relation: strings.TrimSpace(f[1])}
		for _, a := range f[2:] {
			if strings.Contains(a, "C: ") {
				continue
			}
			e.Args = append(e.Args, strings.TrimSpace(a))
		}
		out = append(out, e)
		return nil
	})
	if err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return nil, ErrNoGold
	}
	return out, nil
}

// Sentences returns the sentences of the tuples, each once, in the order they
// first appear: the input to give a system when the gold file is all there is.
func Sentences(es []Extraction) []string {
	var out []string
	seen := map[string]bool{}
	for _, e := range es {
		if !seen[e.Sentence] {
			seen[e.Sentence] = true
			out = append(out, e.Sentence)
		}
	}
	return out
}

// ReadSystem reads system tuples: "sentence \t confidence \t relation [\t
// arg1 …]" per line. Blank lines are skipped. An empty file is no error: it
// scores zero.
func ReadSystem(r io.Reader) ([]Extraction, error) {
	var out []Extraction
	err := readLines(r, "system", func(f []string) error {
		if len(f) < 3 {
			return fmt.Errorf("want at least sentence, confidence and relation, got %d tab-separated fields", len(f))
		}
		c, err := strconv.ParseFloat(strings.TrimSpace(f[1]), 64)
		if err != nil || c != c { // c != c: NaN cannot be ordered into thresholds
			return fmt.Errorf("confidence %q is not a number", f[1])
		}
		out = append(out, Extraction{Sentence: f[0], Confidence: c, Relation: f[2], Args: f[3:]})
		return nil
	})
	return out, err
}

// readLines calls parse with the tab-separated fields of every non-blank
// line (trimmed at both ends, as the official readers do) and collects the
// errors of up to maxLineErrors lines.
func readLines(r io.Reader, what string, parse func([]string) error) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 16*1024*1024)
	var problems []string
	bad := 0
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			continue
		}
		if err := parse(strings.Split(line, "\t")); err != nil {
			bad++
			if bad <= maxLineErrors {
				problems = append(problems, fmt.Sprintf("%s line %d: %v", what, n, err))
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("read %s: %w", what, err)
	}
	if bad > maxLineErrors {
		problems = append(problems, fmt.Sprintf("… and %d more bad %s lines", bad-maxLineErrors, what))
	}
	if len(problems) > 0 {
		return errors.New(strings.Join(problems, "\n"))
	}
	return nil
}

// Evaluate scores system tuples against gold tuples.
func Evaluate(gold, system []Extraction) Result {
	goldBy := groupBySentence(gold)
	sysBy := groupBySentence(system)

	// Every distinct system confidence is a threshold, whether or not its
	// sentence is in the gold set.
	var thresholds []float64
	for _, e := range system {
		thresholds = append(thresholds, e.Confidence)
	}
	slices.Sort(thresholds)
	thresholds = slices.Compact(thresholds)
	if len(thresholds) == 0 {
		return Result{}
	}

	// Numerators and denominators of precision and recall per threshold.
	p := make([]float64, len(thresholds))
	pl := make([]float64, len(thresholds))
	r := make([]float64, len(thresholds))
	rl := make([]float64, len(thresholds))

	for key, golds := range goldBy {
		preds := sysBy[key]
		scores := make([][]pr, len(golds))
		for i, g := range golds {
			scores[i] = make([]pr, len(preds))
			for j, s := range preds {
				scores[i][j] = binaryLenientMatch(g, s)
			}
		}
		confs := make([]float64, len(preds))
		for j, s := range preds {
			confs[j] = s.Confidence
		}
		slices.Sort(confs)
		confs = slices.Compact(confs)

		// Thresholds from prev up to this sentence's confidence c see the
		// same tuples of this sentence: those at or above c.
		prev := 0
		for _, c := range confs {
			ci := sort.SearchFloat64s(thresholds, c)
			var active []int
			for j, s := range preds {
				if s.Confidence >= c {
					active = append(active, j)
				}
			}
			precNum, recNum := sentenceNumerators(scores, active)
			for k := prev; k <= ci; k++ {
				p[k] += precNum
				pl[k] += float64(len(active))
				r[k] += recNum
				rl[k] += float64(len(golds))
			}
			prev = ci + 1
		}
		// Above the sentence's highest confidence none of its tuples count,
		// but its gold tuples still need finding.
		for k := prev; k < len(thresholds); k++ {
			rl[k] += float64(len(golds))
		}
	}

	res := Result{Curve: make([]Point, len(thresholds))}
	best := -1.0
	for k, t := range thresholds {
		prec, rec := 1.0, 0.0
		if pl[k] > 0 {
			prec = p[k] / pl[k]
		}
		if rl[k] > 0 {
			rec = r[k] / rl[k]
		}
		res.Curve[k] = Point{Threshold: t, Precision: prec, Recall: rec}
		f1 := 0.0
		if prec+rec > 0 {
			f1 = 2 * prec * rec / (prec + rec)
		}
		if f1 > best {
			best = f1
			res.Precision, res.Recall, res.F1, res.Threshold = prec, rec, f1, t
		}
	}
	res.AUC = auc(res.Curve)
	return res
}

// sentenceNumerators returns one sentence's precision and recall numerators
// for the active system tuples: recall is each gold tuple's best recall;
// precision pairs tuples greedily, highest precision first, each gold and
// each system tuple used once, ties going to the earlier gold then the
// earlier system tuple.
func sentenceNumerators(scores [][]pr, active []int) (precNum, recNum float64) {
	for _, row := range scores {
		best := 0.0
		for _, j := range active {
			best = max(best, row[j].rec)
		}
		recNum += best
	}
	usedRow := make([]bool, len(scores))
	usedCol := make(map[int]bool, len(active))
	for range min(len(scores), len(active)) {
		bi, bj, bp := -1, -1, -1.0
		for i, row := range scores {
			if usedRow[i] {
				continue
			}
			for _, j := range active {
				if !usedCol[j] && row[j].prec > bp {
					bi, bj, bp = i, j, row[j].prec
				}
			}
		}
		usedRow[bi], usedCol[bj] = true, true
		precNum += bp
	}
	return precNum, recNum
}

// auc is the trapezoid area under precision over recall, thresholds
// ascending (recall falling), with (recall 0, precision 1) appended.
func auc(curve []Point) float64 {
	pts := append(slices.Clone(curve), Point{Precision: 1, Recall: 0})
	area := 0.0
	for k := 1; k < len(pts); k++ {
		area += (pts[k-1].Recall - pts[k].Recall) * (pts[k-1].Precision + pts[k].Precision) / 2
	}
	return area
}

// groupBySentence groups tuples by normalised sentence. Like the official
// scorer, when two differently written sentences normalise alike the tuples
// of the one written last (by first appearance) are kept.
func groupBySentence(es []Extraction) map[string][]Extraction {
	var order []string
	raw := map[string][]Extraction{}
	for _, e := range es {
		if _, ok := raw[e.Sentence]; !ok {
			order = append(order, e.Sentence)
		}
		raw[e.Sentence] = append(raw[e.Sentence], e)
	}
	out := make(map[string][]Extraction, len(raw))
	for _, s := range order {
		out[normalizeSentence(s)] = raw[s]
	}
	return out
}

// ptbEscapes are the Penn Treebank bracket escapes undone before matching
// sentences.
var ptbEscapes = strings.NewReplacer("-LRB-", "(", "-RRB-", ")", "-LSB-", "[", "-RSB-", "]", "-LCB-", "{", "-RCB-", "}")

// normalizeSentence is the key sentences are matched by: no spaces, bracket
// escapes undone, no ASCII punctuation.
func normalizeSentence(s string) string {
	s = ptbEscapes.Replace(strings.ReplaceAll(s, " ", ""))
	return strings.Map(func(r rune) rune {
		if r < 0x80 && isASCIIPunct(byte(r)) {
			return -1
		}
		return r
	}, s)
}

// isASCIIPunct reports whether c is one of !"#$%&'()*+,-./:;<=>?@[\]^_`{|}~.
func isASCIIPunct(c byte) bool {
	return c >= '!' && c <= '/' || c >= ':' && c <= '@' || c >= '[' && c <= '`' || c >= '{' && c <= '~'
}
