package extract

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/newsgraph/newsgraph/depparse"
)

// parsed builds a sentence and its parse from "word/TAG/head/label" fields, heads
// 1-based as depparse gives them, so that TreeClauses is tested apart from the parser.
func parsed(t *testing.T, spec string) (Sentence, depparse.Tree) {
	t.Helper()
	var s Sentence
	var tr depparse.Tree
	for _, f := range strings.Fields(spec) {
		parts := strings.Split(f, "/")
		if len(parts) != 4 {
			t.Fatalf("bad token %q", f)
		}
		h, err := strconv.Atoi(parts[2])
		if err != nil {
			t.Fatalf("bad head in %q", f)
		}
		if s.Text != "" {
			s.Text += " "
		}
		s.Tokens = append(s.Tokens, Token{Text: parts[0], Tag: parts[1], Start: len(s.Text), Lemma: Lemma(parts[0], parts[1])})
		s.Text += parts[0]
		tr.Heads = append(tr.Heads, h)
		tr.Labels = append(tr.Labels, parts[3])
	}
	return s, tr
}

// tuple renders a clause as "kind: arg1 | rel | arg2 | extra…".
func tuple(s Sentence, cl Clause) string {
	f := []string{s.text(cl.Arg1), cl.Rel, s.text(cl.Arg2)}
	for _, e := range cl.Extra {
		f = append(f, s.text(e))
	}
	return cl.Kind + ": " + strings.Join(f, " | ")
}

// treeTest is a hand-built parse and the clauses TreeClauses must read from it, as
// tuple renders them, in order.
type treeTest struct {
	name, tree string
	want       []string
}

func checkTree(t *testing.T, tests []treeTest) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, tr := parsed(t, tt.tree)
			var got []string
			for _, cl := range TreeClauses(s, tr) {
				got = append(got, tuple(s, cl))
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Errorf("got\n  %s\nwant\n  %s", strings.Join(got, "\n  "), strings.Join(tt.want, "\n  "))
			}
		})
	}
}

func TestTreeClauses(t *testing.T) {
	tests := []treeTest{{
		name: "active with prepositional phrases before and after",
		tree: `In/IN/2/case 2020/CD/6/obl ,/,/6/punct Azerbaijani/JJ/5/amod forces/NNS/6/nsubj
			seized/VBD/0/root Shusha/NNP/6/obj from/IN/10/case Armenian/JJ/10/amod troops/NNS/6/obl ././6/punct`,
		want: []string{"active: Azerbaijani forces | seized | Shusha | In 2020 | from Armenian troops"},
	}, {
		name: "no object: the first phrase after the verb joins the relation",
		tree: `Lavrov/NNP/2/nsubj spoke/VBD/0/root with/IN/4/case Bayramov/NNP/2/obl in/IN/6/case Moscow/NNP/2/obl`,
		want: []string{"active: Lavrov | spoke with | Bayramov | in Moscow"},
	}, {
		name: "passive with agent, auxiliaries and negation in the relation",
		tree: `The/DT/2/det ceasefire/NN/6/nsubj:pass was/VBD/6/aux:pass not/RB/6/advmod
			fully/RB/6/advmod observed/VBN/0/root by/IN/9/case either/DT/9/det side/NN/6/obl:agent`,
		want: []string{"passive: The ceasefire | was not fully observed by | either side"},
	}, {
		name: "copula",
		tree: `Stepanakert/NNP/4/nsubj is/VBZ/4/cop the/DT/4/det capital/NN/0/root of/IN/6/case Karabakh/NNP/4/nmod`,
		want: []string{"active: Stepanakert | is | the capital of Karabakh"},
	}, {
		name: "relative clause: the antecedent is the subject, not the pronoun",
		tree: `Russia/NNP/2/nsubj sent/VBD/0/root peacekeepers/NNS/2/obj who/WP/5/nsubj
			patrol/VBP/3/acl:relcl the/DT/7/det corridor/NN/5/obj`,
		want: []string{"active: Russia | sent | peacekeepers", "active: peacekeepers | patrol | the corridor"},
	}, {
		name: "relative clause: the antecedent is the object",
		tree: `the/DT/2/det deal/NN/0/root that/WDT/5/obj Pashinyan/NNP/5/nsubj signed/VBD/2/acl:relcl`,
		want: []string{"active: Pashinyan | signed | the deal"},
	}, {
		name: "participle modifying a noun: passive from its head",
		tree: `talks/NNS/0/root mediated/VBN/1/acl by/IN/4/case Moscow/NNP/2/obl:agent`,
		want: []string{"passive: talks | mediated by | Moscow"},
	}, {
		name: "coordinated verb inherits the subject",
		tree: `Armenia/NNP/2/nsubj withdrew/VBD/0/root and/CC/4/cc signed/VBD/2/conj the/DT/6/det accord/NN/4/obj`,
		want: []string{"active: Armenia | withdrew | ", "coordinated: Armenia | signed | the accord"},
	}, {
		name: "control: 'agreed to sign' is one relation; the object of 'urged' talks",
		tree: `Baku/NNP/2/nsubj agreed/VBD/0/root to/TO/4/mark sign/VB/2/xcomp it/PRP/4/obj ;/:/2/punct
			Paris/NNP/8/nsubj urged/VBD/2/parataxis Yerevan/NNP/8/obj to/TO/11/mark talk/VB/8/xcomp`,
		want: []string{
			"active: Baku | agreed to sign | it",
			"active: Paris | urged | Yerevan | to talk",
			"controlled: Yerevan | talk | ",
		},
	}, {
		name: "that-clause: the complementiser joins the relation",
		tree: `Peskov/NNP/2/nsubj said/VBD/0/root that/IN/5/mark Moscow/NNP/5/nsubj mediated/VBD/2/ccomp`,
		want: []string{"active: Peskov | said that | Moscow mediated", "active: Moscow | mediated | "},
	}, {
		name: "particle and adverbial clause with its conjunction kept",
		tree: `Troops/NNS/2/nsubj pulled/VBD/0/root out/RP/2/compound:prt after/IN/6/mark talks/NNS/6/nsubj
			ended/VBD/2/advcl`,
		want: []string{"active: Troops | pulled out |  | after talks ended", "active: talks | ended | "},
	}, {
		name: "a gerund after a preposition tells what the object did",
		tree: `Yerevan/NNP/2/nsubj accused/VBD/0/root Baku/NNP/2/obj of/IN/5/mark blocking/VBG/2/advcl roads/NNS/5/obj`,
		want: []string{"active: Yerevan | accused | Baku | of blocking roads", "controlled: Baku | blocking | roads"},
	}, {
		name: "a list of objects gives one clause each",
		tree: `Turkey/NNP/2/nsubj armed/VBD/0/root Baku/NNP/2/obj ,/,/5/punct Kyiv/NNP/3/conj and/CC/7/cc Doha/NNP/3/conj`,
		want: []string{"active: Turkey | armed | Baku", "active: Turkey | armed | Kyiv", "active: Turkey | armed | Doha"},
	}, {
		name: "a clause with no subject gives nothing",
		tree: `Sign/VB/0/root the/DT/3/det treaty/NN/1/obj`,
		want: nil,
	}}
	checkTree(t, tests)
}

func TestTreeClausesMismatchedTree(t *testing.T) {
	s, tr := parsed(t, `Troops/NNS/2/nsubj left/VBD/0/root`)
	tr.Heads = tr.Heads[:1]
	if got := TreeClauses(s, tr); got != nil {
		t.Errorf("a tree of another length gave %v", got)
	}
}

func TestTreeNounRelations(t *testing.T) {
	tests := []treeTest{{
		name: "owner has what it owns; a pronoun owner gives nothing",
		tree: `Russia/NNP/3/nmod:poss 's/POS/1/case envoy/NN/4/nsubj met/VBD/0/root his/PRP$/6/nmod:poss counterpart/NN/4/obj`,
		want: []string{"active: Russia 's envoy | met | his counterpart", "possessive: Russia | has | envoy"},
	}, {
		name: "apposition after a name, and the role before one",
		tree: `Kremlin/NNP/3/compound spokesman/NN/3/compound Peskov/NNP/0/root ,/,/6/punct the/DT/6/det aide/NN/3/appos`,
		want: []string{"apposition: Peskov | is | Kremlin spokesman", "apposition: Kremlin spokesman Peskov | is | the aide"},
	}, {
		name: "the role's name runs to the end of its flat parts",
		tree: `president/NN/2/compound Uhuru/NNP/0/root Kenyatta/NNP/2/flat`,
		want: []string{"apposition: Uhuru Kenyatta | is | president"},
	}, {
		name: "a place in a place",
		tree: `Shusha/NNP/0/root in/IN/3/case Karabakh/NNP/1/nmod`,
		want: []string{"locative: Shusha | is in | Karabakh"},
	}, {
		name: "an owner after what it owns (a misparse) owns nothing",
		tree: `council/NN/0/root Russia/NNP/1/nmod:poss`,
		want: nil,
	}, {
		name: "an apposition that is a clause is no apposition",
		tree: `Baku/NNP/0/root ,/,/4/punct it/PRP/4/nsubj said/VBD/1/appos`,
		want: []string{"active: it | said | "},
	}}
	checkTree(t, tests)
}

// TestTreeClausesAnyParse reads clauses from the parser's trees of random word and
// tag sequences: whatever the parse, the reader must not panic, and every span it
// gives must lie inside the sentence.
func TestTreeClausesAnyParse(t *testing.T) {
	p, err := depparse.Default()
	if err != nil {
		t.Fatal(err)
	}
	vocab := strings.Fields("the troops of Russia 's army seized , and who which that to by in was were has said Baku talks . not")
	tags := strings.Fields("DT NN NNS NNP POS VBD VBN VBG VB VBZ IN TO WDT WP PRP , . CC RB JJ CD MD RP")
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		n := 1 + rng.IntN(25)
		s := Sentence{}
		words, tt := make([]string, n), make([]string, n)
		for i := range n {
			words[i], tt[i] = vocab[rng.IntN(len(vocab))], tags[rng.IntN(len(tags))]
			s.Tokens = append(s.Tokens, Token{Text: words[i], Tag: tt[i], Start: len(s.Text), Lemma: Lemma(words[i], tt[i])})
			s.Text += words[i] + " "
		}
		tree, err := p.Parse(words, tt)
		if err != nil {
			t.Fatal(err)
		}
		for _, cl := range TreeClauses(s, tree) {
			for _, sp := range append([]Span{cl.Arg1, cl.Arg2}, cl.Extra...) {
				if sp.Start < 0 || sp.End > n || sp.Start > sp.End {
					t.Fatalf("%q: span %v outside the sentence in %+v", words, sp, cl)
				}
			}
		}
	}
}
