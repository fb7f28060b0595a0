package extract

import (
	"strings"
	"testing"
)

func TestDefaultLexicon(t *testing.T) {
	l, err := DefaultLexicon()
	if err != nil {
		t.Fatalf("embedded lexicon: %v", err)
	}
	if len(l.verbs) < 300 {
		t.Errorf("lexicon has %d verbs, want several hundred", len(l.verbs))
	}
	seen := map[string]bool{}
	for _, e := range l.verbs {
		seen[e.class] = true
	}
	for _, c := range Classes {
		if !seen[c] {
			t.Errorf("no verb of class %q", c)
		}
	}
}

func TestClassOf(t *testing.T) {
	tests := []struct {
		predicate string
		class     string
		minWeight float64
	}{
		{"mediate", ClassMediate, 0.9},
		{"broker", ClassMediate, 0.8},
		{"negotiate", ClassNegotiate, 0.9},
		{"meet", ClassConsult, 0.7},
		{"visit", ClassConsult, 0.5},
		{"discuss", ClassConsult, 0.7},
		{"talk", ClassConsult, 0.5},
		{"urge", ClassAppeal, 0.9},
		{"call_on", ClassAppeal, 0.9},
		{"ask", ClassAppeal, 0.5},
		{"demand", ClassAppeal, 0.8},
		{"sign", ClassAgree, 0.8},
		{"agree", ClassAgree, 0.9},
		{"approve", ClassAgree, 0.8},
		{"adhere_to", ClassAgree, 0.8},
		{"accuse", ClassAccuse, 0.9},
		{"blame", ClassAccuse, 0.8},
		{"condemn", ClassAccuse, 0.8},
		{"threaten", ClassThreaten, 0.9},
		{"shell", ClassAttack, 0.9},
		{"strike", ClassAttack, 0.7},
		{"bomb", ClassAttack, 0.9},
		{"invade", ClassAttack, 0.9},
		{"kill", ClassAttack, 0.8},
		{"shoot", ClassAttack, 0.8},
		{"clash", ClassFight, 0.9},
		{"fight", ClassFight, 0.9},
		{"battle", ClassFight, 0.9},
		{"capture", ClassSeize, 0.9},
		{"seize", ClassSeize, 0.9},
		{"annex", ClassSeize, 0.9},
		{"occupy", ClassSeize, 0.9},
		{"take_over", ClassSeize, 0.8},
		{"sanction", ClassSanction, 0.9},
		{"support", ClassAid, 0.7},
		{"supply", ClassAid, 0.8},
		{"send", ClassAid, 0.5},
		{"provide", ClassAid, 0.7},
		{"withdraw", ClassWithdraw, 0.9},
		{"retreat", ClassWithdraw, 0.8},
		{"pull_out", ClassWithdraw, 0.9},
		{"cooperate", ClassCooperate, 0.9},
		{"say", ClassStatement, 0.9},
		{"express", ClassStatement, 0.8},
		{"voice", ClassStatement, 0.8},
		{"emphasize", ClassStatement, 0.8},
		{"state", ClassStatement, 0.8},
		{"be", ClassOther, 0.8},
		// Case and surrounding space do not matter.
		{" Accuse ", ClassAccuse, 0.9},
		// Back-off drops trailing words but keeps particle verbs distinct.
		{"accuse_of_on", ClassAccuse, 0.8},
		{"meet_in", ClassConsult, 0.7},
		{"pull_out_of", ClassWithdraw, 0.8},
		{"call_on_for", ClassAppeal, 0.8},
	}
	for _, tt := range tests {
		t.Run(tt.predicate, func(t *testing.T) {
			class, w := ClassOf(tt.predicate)
			if class != tt.class || w < tt.minWeight || w > 1 {
				t.Errorf("ClassOf(%q) = %q, %.2f; want %q, >= %.2f", tt.predicate, class, w, tt.class, tt.minWeight)
			}
		})
	}
}

func TestClassOfUnknown(t *testing.T) {
	for _, p := range []string{"", "_", "frobnicate", "xyz_abc", "pull"} {
		if class, w := ClassOf(p); class != ClassOther || w != UnknownWeight {
			t.Errorf("ClassOf(%q) = %q, %.2f; want other, %.2f", p, class, w, UnknownWeight)
		}
	}
	// A back-off never scores above the exact form it falls back to.
	_, exact := ClassOf("accuse")
	if _, w := ClassOf("accuse_x"); w >= exact {
		t.Errorf("back-off weight %.2f not below exact %.2f", w, exact)
	}
}

func TestEventNoun(t *testing.T) {
	tests := []struct {
		lemma string
		class string
		ok    bool
	}{
		{"ceasefire", ClassAgree, true},
		{"talks", ClassNegotiate, true},
		{"war", ClassFight, true},
		{"clashes", ClassFight, true},
		{"offensive", ClassAttack, true},
		{"sanctions", ClassSanction, true},
		{"shelling", ClassAttack, true},
		{"invasion", ClassAttack, true},
		{"withdrawal", ClassWithdraw, true},
		{"mediation", ClassMediate, true},
		{"Ceasefire", ClassAgree, true},
		{"table", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		class, ok := EventNoun(tt.lemma)
		if class != tt.class || ok != tt.ok {
			t.Errorf("EventNoun(%q) = %q, %v; want %q, %v", tt.lemma, class, ok, tt.class, tt.ok)
		}
	}
}

func TestParseLexicon(t *testing.T) {
	tests := []struct {
		name, input string
		wantErr     []string // substrings of the error, in order; none for success
	}{
		{"ok", "# comment\n\nshell\tv\tattack\t0.9\nwar\tn\tfight\t1\n", nil},
		{"fields", "shell\tv\tattack\n", []string{"x.tsv:1:", "want 4 tab-separated fields"}},
		{"class", "shell\tv\tbombing\t0.9\n", []string{"x.tsv:1:", `unknown class "bombing"`}},
		{"weight", "shell\tv\tattack\t1.5\n", []string{"x.tsv:1:", `weight "1.5"`}},
		{"zero weight", "shell\tv\tattack\t0\n", []string{`weight "0"`}},
		{"pos", "shell\tadj\tattack\t0.5\n", []string{`part of speech "adj"`}},
		{"case", "Shell\tv\tattack\t0.5\n", []string{`lemma "Shell" must be lowercase`}},
		{"duplicate", "shell\tv\tattack\t0.5\nshell\tv\tattack\t0.6\n", []string{"x.tsv:2:", "listed twice"}},
		// Every problem is reported, not just the first.
		{"all", "a\tv\tx\t1\nb\tv\tattack\t2\n", []string{"x.tsv:1:", "x.tsv:2:"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := ParseLexicon(strings.NewReader(tt.input), "x.tsv")
			if len(tt.wantErr) == 0 {
				if err != nil {
					t.Fatalf("unexpected error: %v", err)
				}
				if c, w := l.ClassOf("shell"); c != ClassAttack || w != 0.9 {
					t.Errorf("ClassOf(shell) = %q, %v", c, w)
				}
				if c, w, ok := l.EventNoun("war"); c != ClassFight || w != 1 || !ok {
					t.Errorf("EventNoun(war) = %q, %v, %v", c, w, ok)
				}
				return
			}
			if err == nil {
				t.Fatalf("no error, want %q", tt.wantErr)
			}
			rest := err.Error()
			for _, s := range tt.wantErr {
				i := strings.Index(rest, s)
				if i < 0 {
					t.Fatalf("error %q lacks %q", err, s)
				}
				rest = rest[i+len(s):]
			}
		})
	}
}

func TestZeroLexicon(t *testing.T) {
	var l Lexicon
	if c, w := l.ClassOf("shell"); c != ClassOther || w != UnknownWeight {
		t.Errorf("zero Lexicon ClassOf = %q, %v", c, w)
	}
	if _, _, ok := l.EventNoun("war"); ok {
		t.Error("zero Lexicon knows a noun")
	}
}
