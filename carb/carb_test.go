package carb

import (
	"errors"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestScore scores the hand-built cases in testdata. Each want was worked out
// by hand from the rules in the package documentation; the comments give the
// arithmetic.
func TestScore(t *testing.T) {
	tests := []struct {
		name string
		want Result // Curve is checked separately
	}{
		// One tuple, words partly found: relation 1/1, subject 1 of 2, object
		// (joined with "on Sunday"; the context argument dropped) 2 of 6.
		// P = 4/4, R = 4/9, F1 = 8/13, AUC = 4/9 · (1+1)/2.
		{"partial", Result{AUC: 4.0 / 9, Precision: 1, Recall: 4.0 / 9, F1: 8.0 / 13, Threshold: 0.5}},
		// Thresholds 0.1 (from a sentence the gold lacks), 0.4, 0.9; one gold
		// sentence without predictions. At 0.4: P = 1/2, R = 1/3; at 0.9:
		// P = 1, R = 1/3, F1 = 1/2. AUC = 1/3 · (1+1)/2.
		{"curve", Result{AUC: 1.0 / 3, Precision: 1, Recall: 1.0 / 3, F1: 0.5, Threshold: 0.9}},
		// "said" tuples may swap their arguments, "accused" ones may not:
		// P = R = (1 + 1/3)/2 = 2/3. AUC = 2/3 · (2/3+1)/2.
		{"said", Result{AUC: 5.0 / 9, Precision: 2.0 / 3, Recall: 2.0 / 3, F1: 2.0 / 3, Threshold: 0.7}},
		// "be" matches "is"; a tuple without its object scores nothing:
		// at 0.6 P = 1/2, R = 1; at 0.8 P = R = 1. AUC = 1.
		{"be", Result{AUC: 1, Precision: 1, Recall: 1, F1: 1, Threshold: 0.8}},
		// Bracket escapes, spacing and punctuation do not keep a sentence
		// from matching; a system argument beyond the gold ones is not counted.
		{"escapes", Result{AUC: 1, Precision: 1, Recall: 1, F1: 1, Threshold: 0.5}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := scoreFiles(t, filepath.Join("testdata", tt.name+".gold.tsv"), filepath.Join("testdata", tt.name+".system.tsv"))
			checkResult(t, got, tt.want, 1e-9)
		})
	}
}

func TestCurve(t *testing.T) {
	got := scoreFiles(t, "testdata/curve.gold.tsv", "testdata/curve.system.tsv")
	want := []Point{{0.1, 0.5, 1.0 / 3}, {0.4, 0.5, 1.0 / 3}, {0.9, 1, 1.0 / 3}}
	if len(got.Curve) != len(want) {
		t.Fatalf("curve has %d points, want %d: %+v", len(got.Curve), len(want), got.Curve)
	}
	for i, p := range got.Curve {
		if p.Threshold != want[i].Threshold || !near(p.Precision, want[i].Precision, 1e-9) || !near(p.Recall, want[i].Recall, 1e-9) {
			t.Errorf("point %d = %+v, want %+v", i, p, want[i])
		}
	}
}

func TestScoreErrors(t *testing.T) {
	const gold = "Russia mediated .\tmediated\tRussia\ttalks\n"
	tests := []struct {
		name, gold, system string
		want               []string // substrings of the error
	}{
		{"system fields", gold, "Russia mediated .\t0.5\n", []string{"system line 1:", "want at least sentence, confidence and relation"}},
		{"confidence", gold, "\nRussia mediated .\thigh\tmediated\tRussia\n", []string{"system line 2:", `confidence "high" is not a number`}},
		{"nan", gold, "Russia mediated .\tNaN\tmediated\tRussia\n", []string{`confidence "NaN"`}},
		{"gold fields", gold + "just a sentence\n", "", []string{"gold line 2:", "want at least sentence and relation"}},
		{"every bad line", gold, "a\tb\nc\td\n", []string{"system line 1:", "system line 2:"}},
		{"no gold", "\n\n", "", []string{ErrNoGold.Error()}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Score(strings.NewReader(tt.gold), strings.NewReader(tt.system))
			if err == nil {
				t.Fatalf("no error, want %q", tt.want)
			}
			for _, s := range tt.want {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
		})
	}
	_, err := Score(strings.NewReader(""), strings.NewReader(""))
	if !errors.Is(err, ErrNoGold) {
		t.Errorf("empty gold: got %v, want ErrNoGold", err)
	}
}

// TestScoreEmptySystem: a system that extracts nothing scores zero, no error.
func TestScoreEmptySystem(t *testing.T) {
	got, err := Score(strings.NewReader("Russia mediated .\tmediated\tRussia\ttalks\n"), strings.NewReader(""))
	if err != nil {
		t.Fatal(err)
	}
	checkResult(t, got, Result{}, 0)
}

func TestNormalizeSentence(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Putin ( the Russian president ) spoke .", "PutintheRussianpresidentspoke"},
		{"Putin -LRB- the Russian president -RRB- spoke.", "PutintheRussianpresidentspoke"},
		{"`` Yes , '' he said -- twice !", "Yeshesaidtwice"},
		{"Nagorno–Karabakh", "Nagorno–Karabakh"}, // only ASCII punctuation goes
	}
	for _, tt := range tests {
		if got := normalizeSentence(tt.in); got != tt.want {
			t.Errorf("normalizeSentence(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestReferenceFigures checks the scorer against the figures the official
// scorer gives for the reference output of the CaRB development set. The data
// is not part of the repository: the test runs where it is present
// (NEWSGRAPH_CARB_DIR, default /work/shared/benchmarks/carb) and is skipped
// elsewhere.
func TestReferenceFigures(t *testing.T) {
	dir := os.Getenv("NEWSGRAPH_CARB_DIR")
	if dir == "" {
		dir = "/work/shared/benchmarks/carb"
	}
	gold := filepath.Join(dir, "gold.tsv")
	if _, err := os.Stat(gold); err != nil {
		t.Skipf("CaRB development data not available: %v", err)
	}
	got := scoreFiles(t, gold, filepath.Join(dir, "reference_output.tsv"))
	checkResult(t, got, Result{AUC: 0.192, Precision: 0.566, Recall: 0.245, F1: 0.342, Threshold: 1}, 0.005)
}

func scoreFiles(t *testing.T, goldPath, systemPath string) Result {
	t.Helper()
	g, err := os.Open(goldPath)
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	s, err := os.Open(systemPath)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	res, err := Score(g, s)
	if err != nil {
		t.Fatalf("score %s against %s: %v", systemPath, goldPath, err)
	}
	return res
}

func checkResult(t *testing.T, got, want Result, tol float64) {
	t.Helper()
	for _, f := range []struct {
		name      string
		got, want float64
	}{
		{"AUC", got.AUC, want.AUC}, {"Precision", got.Precision, want.Precision},
		{"Recall", got.Recall, want.Recall}, {"F1", got.F1, want.F1}, {"Threshold", got.Threshold, want.Threshold},
	} {
		if !near(f.got, f.want, tol) {
			t.Errorf("%s = %.6f, want %.6f (±%g)", f.name, f.got, f.want, tol)
		}
	}
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestSentences(t *testing.T) {
	gold := "A met B .\tmet\tA\tB\nC left .\tleft\tC\n\nA met B .\tmet in\tA\tB\tC\nD , a city , grew .\tis\tD\ta city\n"
	es, err := ReadGold(strings.NewReader(gold))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"A met B .", "C left .", "D , a city , grew ."}
	if got := Sentences(es); !slices.Equal(got, want) {
		t.Errorf("Sentences = %q, want %q", got, want)
	}
}
