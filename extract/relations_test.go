package extract

import (
	"context"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// renderFact writes a fact as "subject predicate object date/source modality [@speaker]".
func renderFact(f Fact) string {
	s := fmt.Sprintf("%s %s %s %s/%s %s", f.Subject.ID, f.Predicate, f.Object.ID, f.Date, f.DateSource, f.Modality)
	if f.AttributedTo != "" {
		s += " @" + f.AttributedTo
	}
	return s
}

func TestFacts(t *testing.T) {
	// Friday 2023-09-22.
	published := time.Date(2023, 9, 22, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text string
		want       []string // facts that must be extracted
		not        []string // prefixes of facts that must not be
	}{
		{
			name: "mediation between two parties is about their conflict",
			text: "Turkey is ready to mediate between Russia and Ukraine, Erdogan said on Tuesday.",
			want: []string{"ent:turkey mediate conflict:russia--ukraine 2023-09-19/text intent @ent:recep_tayyip_erdogan"},
		},
		{
			name: "coordinated agents of a passive each act",
			text: "Peace talks mediated by Norway and Qatar resumed in 2021.",
			want: []string{
				"ent:norway mediate topic:peace_talks 2021/text asserted",
				"ent:qatar mediate topic:peace_talks 2021/text asserted",
			},
		},
		{
			name: "coordinated subjects each act",
			text: "Russia and Belarus signed an agreement on Monday.",
			want: []string{
				"ent:russia sign topic:agreement 2023-09-18/text asserted",
				"ent:belarus sign topic:agreement 2023-09-18/text asserted",
			},
		},
		{
			name: "the pair in focus and a reciprocal object",
			text: "Fighting between Armenia and Azerbaijan flared again.\n\nBoth sides accused the other of shelling civilian areas.",
			want: []string{
				"ent:armenia accuse ent:azerbaijan 2023-09-22/published asserted",
				"ent:azerbaijan accuse ent:armenia 2023-09-22/published asserted",
			},
		},
		{
			name: "the pair's leaders and their chiefs act for the pair; an unnamed ministry acts for nobody",
			text: "Fighting between Armenia and Azerbaijan flared again.\n\nThe two countries' leaders met in Prague on Thursday.\n\n" +
				"Armenia and Azerbaijan agreed a truce after their military chiefs met in Moscow.\n\nThe ministers agreed to begin negotiations.",
			want: []string{
				"ent:armenia meet ent:azerbaijan 2023-09-21/text asserted",
				"ent:armenia meet ent:azerbaijan 2023-09-22/published asserted",
			},
			not: []string{"topic:leader ", "topic:military_chief ", "topic:minister "},
		},
		{
			name: "fighting between two parties is each fighting the other",
			text: "Heavy fighting broke out between Armenia and Azerbaijan on Sunday.\n\nClashes between Israel and Hamas resumed on Friday.\n\n" +
				"Fighting between the villages of the valley resumed.",
			want: []string{
				"ent:armenia fight ent:azerbaijan 2023-09-17/text asserted",
				"ent:israel fight ent:hamas 2023-09-22/text asserted",
			},
		},
		{
			name: "an amount is no object; what it counts is",
			text: "Blinken announced more than $1 billion in new aid for Ukraine on Wednesday.",
			want: []string{"ent:antony_blinken announce topic:aid 2023-09-20/text asserted"},
		},
		{
			name: "a former role is no role now",
			text: "The deal was signed by former Ukrainian president Leonid Kuchma and OSCE envoy Heidi Tagliavini.",
			want: []string{"ent:heidi_tagliavini envoy_of ent:osce 2023-09-22/published asserted"},
			not:  []string{"ent:leonid_kuchma president_of"},
		},
		{
			name: "pair phrases resolve to nothing without a clear pair",
			text: "Both sides accused the other of shelling civilian areas.",
			not:  []string{"ent:"},
		},
		{
			name: "attribution names the speaker; the pronoun is the speaker",
			text: "Kazakhstan said it is willing to host talks on Syria.",
			want: []string{"ent:kazakhstan host topic:talks 2023-09-22/published intent @ent:kazakhstan"},
		},
		{
			name: "negation",
			text: "Moscow did not recognise the referendum.",
			want: []string{"ent:russia recognise topic:referendum 2023-09-22/published negated"},
		},
		{
			name: "relative clause with a passive and a named agent",
			text: "Azerbaijan regained the region of Nagorno-Karabakh, which was seized by Armenian forces in 1994.",
			want: []string{"ent:azerbaijan regain ent:nagorno_karabakh 2023-09-22/published asserted"},
		},
		{
			name: "role before a name",
			text: "Kremlin spokesman Dmitry Peskov declined to comment.",
			want: []string{"ent:dmitry_peskov spokesman_of ent:russia 2023-09-22/published asserted"},
		},
		{
			name: "urging a ceasefire",
			text: "Guterres stressed the need for both sides to respect the ceasefire.",
			want: []string{"ent:antonio_guterres urge topic:ceasefire 2023-09-22/published asserted"},
			not:  []string{"ent:antonio_guterres stress"},
		},
		{
			name: "light verb with a noun and a preposition",
			text: "France expressed concern over the blockade of the Lachin corridor.",
			want: []string{"ent:france express_concern_over topic:blockade 2023-09-22/published asserted"},
		},
		{
			name: "unresolvable pronoun subjects give no fact",
			text: "They attacked the base overnight.",
			not:  []string{""},
		},
		{
			name: "object control: the asked party is the fact, not what it was asked to do",
			text: "The EU called on Serbia and Kosovo to respect the agreement.",
			want: []string{
				"ent:european_union call_on ent:serbia 2023-09-22/published asserted",
				"ent:european_union call_on ent:kosovo 2023-09-22/published asserted",
			},
			not: []string{"ent:serbia respect", "ent:kosovo respect", "ent:european_union urge topic:agreement"},
		},
		{
			name: "the need for the parties to do something: the speaker urges it",
			text: "Fighting between Serbia and Kosovo flared. Serbia and Kosovo blamed each other.\n\nThe EU stressed the need for both sides to respect the agreement.",
			want: []string{"ent:european_union urge topic:agreement 2023-09-22/published asserted"},
		},
		{
			name: "the object of accuse acts in gerunds after of, and still in one after by",
			text: "Moscow accused Washington of prolonging the war by supplying weapons to Kyiv.",
			want: []string{
				"ent:russia accuse ent:united_states 2023-09-22/published asserted",
				"ent:united_states supply topic:weapon 2023-09-22/published asserted",
			},
		},
		{
			name: "coordinated subjects of a mutual verb meet each other",
			text: "Lavrov and Kuleba met in the Turkish resort of Antalya on Thursday.",
			want: []string{"ent:sergei_lavrov meet ent:dmytro_kuleba 2023-09-21/text asserted"},
		},
		{
			name: "an amount stands for its of-phrase; classifier adjectives stay in topics",
			text: "The army bought thousands of rockets. Zelensky declared martial law.",
			want: []string{
				"topic:army buy topic:rocket 2023-09-22/published asserted",
				"ent:volodymyr_zelensky declare topic:martial_law 2023-09-22/published asserted",
			},
		},
		{
			name: "a bare of-noun belongs to the topic; more than a number is one phrase",
			text: "The rebels agreed to a cessation of hostilities. The war killed more than 600 people.",
			want: []string{
				"topic:rebel agree_to topic:cessation_of_hostilities 2023-09-22/published asserted",
				"topic:war kill topic:people 2023-09-22/published asserted",
			},
			not: []string{"topic:war kill_than"},
		},
		{
			name: "him is the last person named who is not acting; it is the last state acting",
			text: "Blinken phoned Aliyev and urged him to stop the offensive. Russia has cut gas deliveries since it invaded Ukraine.",
			want: []string{
				"ent:antony_blinken urge ent:ilham_aliyev 2023-09-22/published asserted",
				"ent:russia invade ent:ukraine 2023-09-22/published asserted",
			},
		},
		{
			name: "a particle the tagger calls a preposition",
			text: "Russia said on Monday it was pulling out of the Black Sea Grain Initiative.",
			want: []string{"ent:russia pull_out_of ent:black_sea_grain_initiative 2023-09-18/text reported @ent:russia"},
		},
		{
			name: "a verb after a whose-clause belongs to the noun before it",
			text: "Sarkozy, whose country holds the EU presidency, met Medvedev in Moscow.",
			want: []string{"ent:nicolas_sarkozy meet ent:dmitry_medvedev 2023-09-22/published asserted"},
		},
		{
			name: "naming is no event; units of measure stand for what they measure",
			text: "Guterres called the agreement a beacon of hope. Azerbaijan will supply at least 20 billion cubic metres of gas to Europe.",
			want: []string{"ent:azerbaijan supply topic:gas 2023-09-22/published asserted"},
			not:  []string{"ent:antonio_guterres call", "ent:azerbaijan supply_at"},
		},
		{
			name: "the speaker's own army",
			text: "Baku said its army had launched a counteroffensive along the whole front.",
			want: []string{"ent:azerbaijan launch topic:counteroffensive 2023-09-22/published reported @ent:azerbaijan"},
		},
		{
			name: "talks held with someone are with them; asking gives one fact, not two",
			text: "Aliyev held talks with Macron in Prague. Armenia asked the court to act.",
			want: []string{
				"ent:ilham_aliyev hold_talk_with ent:emmanuel_macron 2023-09-22/published asserted",
				"ent:armenia ask topic:court 2023-09-22/published asserted",
			},
			not: []string{"ent:armenia urge"},
		},
		{
			name: "a light verb's modified noun with its of-phrase is the relation",
			text: "Azerbaijan took full control of Nagorno-Karabakh in September 2023.",
			want: []string{"ent:azerbaijan take_control_of ent:nagorno_karabakh 2023-09/text asserted"},
		},
		{
			name: "a definite bare noun is the topic named in full before",
			text: "Armenia and Azerbaijan finished a peace treaty on Thursday. Azerbaijan said it would sign the treaty.",
			want: []string{"ent:azerbaijan sign topic:peace_treaty 2023-09-22/published reported @ent:azerbaijan"},
		},
		{
			name: "a name after a title with prepositions is the head",
			text: "US Secretary of State Antony Blinken spoke to Aliyev on Tuesday.",
			want: []string{"ent:antony_blinken speak_to ent:ilham_aliyev 2023-09-19/text asserted"},
		},
		{
			name: "the receiver of a transfer and the target of a launched attack",
			text: "Germany supplied Leopard tanks to Ukraine. Azerbaijan launched an offensive in Nagorno-Karabakh on Tuesday.",
			want: []string{
				"ent:germany supply ent:ukraine 2023-09-22/published asserted",
				"ent:azerbaijan launch_offensive_in ent:nagorno_karabakh 2023-09-19/text asserted",
			},
		},
		{
			name: "talks with a third party are a meeting, talks between the pair a negotiation",
			text: "Fighting between Serbia and Kosovo flared. Serbia and Kosovo blamed each other.\n\nSerbia held talks with Kosovo. Serbia held talks with Hungary.",
			want: []string{
				"ent:serbia hold_talk_with ent:kosovo 2023-09-22/published asserted negotiate",
				"ent:serbia hold_talk_with ent:hungary 2023-09-22/published asserted consult",
			},
		},
		{
			name: "leaders named with their states' adjectives set the pair in focus",
			text: "Serbian President Aleksandar Vucic and Kosovan Prime Minister Albin Kurti met in Brussels.\n\nVucic and Kurti agreed to talk again. The EU, which mediated the conflict, welcomed the meeting.",
			want: []string{"ent:european_union mediate conflict:kosovo--serbia 2023-09-22/published asserted"},
		},
		{
			name: "merged topics: a truce is a ceasefire, a military offensive an offensive",
			text: "Ethiopia launched a military offensive. Both armies respected the truce.",
			want: []string{"ent:ethiopia launch topic:offensive 2023-09-22/published asserted"},
			not:  []string{"ent:ethiopia launch topic:military_offensive", "topic:army respect topic:truce"},
		},
		{
			name: "a hostile act on a bare plural names no target; on a named one it does",
			text: "Serbia shelled villages. Serbia attacked Kosovo.",
			want: []string{"ent:serbia attack ent:kosovo 2023-09-22/published asserted"},
			not:  []string{"ent:serbia shell topic:village"},
		},
		{
			name: "which after a comma stands for the whole claim a verb of saying is about",
			text: "Kyiv accused Moscow of orchestrating the unrest, which Russia denies.",
			want: []string{"ent:ukraine accuse ent:russia 2023-09-22/published asserted"},
			not:  []string{"ent:russia deny"},
		},
		{
			name: "a name holding a preposition is one head",
			text: "The International Court of Justice ordered Azerbaijan on Wednesday to ensure free movement.",
			want: []string{"ent:international_court_of_justice order ent:azerbaijan 2023-09-20/text asserted appeal"},
		},
		{
			name: "a verb of intent takes its event noun's class; a pledge has a receiver",
			text: "Turkey pledged full support to Azerbaijan. The EU prepared a new package of sanctions.",
			want: []string{
				"ent:turkey pledge ent:azerbaijan 2023-09-22/published asserted aid",
				"ent:european_union prepare topic:sanctions 2023-09-22/published asserted sanction",
			},
		},
		{
			name: "a year modifying a noun dates the thing, unless the thing is the object",
			text: "Armenia condemned the move as a violation of the 2020 ceasefire. Russia, which brokered the 2020 ceasefire, stayed silent.",
			want: []string{
				"ent:armenia condemn topic:move 2023-09-22/published asserted",
				"ent:russia broker topic:ceasefire 2020/text asserted",
			},
		},
		{
			name: "a hostile event noun with its target in the predicate is also launched itself",
			text: "Ukraine launched its long-awaited counteroffensive against Russian forces.",
			want: []string{
				"ent:ukraine launch_counteroffensive_against ent:russia 2023-09-22/published asserted attack",
				"ent:ukraine launch topic:counteroffensive 2023-09-22/published asserted attack",
			},
		},
		{
			name: "only hostile events begin the conflict in focus",
			text: "Fighting between Serbia and Kosovo flared. Serbia and Kosovo blamed each other.\n\nThe clashes began on Sunday. The truce is due to begin on Monday. The conflict began in 1998.",
			want: []string{"topic:clash begin conflict:kosovo--serbia 2023-09-17/text asserted"},
			not:  []string{"topic:ceasefire begin", "topic:conflict begin"},
		},
		{
			name: "the command of a force acts for its state",
			text: "The ceasefire was proposed by the command of the Russian peacekeeping contingent.",
			want: []string{"ent:russia propose topic:ceasefire 2023-09-22/published asserted negotiate"},
		},
		{
			name: "a leader and his counterpart of the other state count towards the pair",
			text: "Serbian Foreign Minister Ivica Dacic and his Kosovan counterpart Donika Gervalla met in Brussels. Serbia and Kosovo remain rivals.\n\nBoth sides accused the other of shelling villages.",
			want: []string{"ent:serbia accuse ent:kosovo 2023-09-22/published asserted"},
		},
		{
			name: "a preposition joins the predicate",
			text: "Ukraine called on its allies to send more air defence systems.",
			want: []string{"ent:ukraine call_on topic:ally 2023-09-22/published asserted"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFacts(t, published, tt.text, tt.want, tt.not) })
	}
}

// checkFacts extracts text (as published then, with no confidence floor:
// the constructions are under test, not the floor) and checks that every want is among the
// facts, rendered with or without their class, and that no fact starts with a not.
func checkFacts(t *testing.T, published time.Time, text string, want, not []string) {
	t.Helper()
	res, err := Extract(context.Background(), Article{ID: "art:test", Text: text, Published: published}, WithMinConfidence(0))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, f := range res.Facts {
		got = append(got, renderFact(f), renderFact(f)+" "+f.Class)
	}
	for _, w := range want {
		if !slices.Contains(got, w) {
			t.Errorf("missing %q\n got: %s", w, strings.Join(got, "\n      "))
		}
	}
	for _, n := range not {
		for _, g := range got {
			if strings.HasPrefix(g, n) {
				t.Errorf("unwanted %q", g)
			}
		}
	}
}

// idShape is the shape of every entity, topic and conflict ID in the graph.
var idShape = regexp.MustCompile(`^(ent|topic|conflict):[a-z0-9_]+(--[a-z0-9_]+)?$`)

// TestFactInvariants checks what every fact must hold, over several articles at once.
func TestFactInvariants(t *testing.T) {
	text := "Russia and Ukraine exchanged prisoners on Sunday, the Turkish foreign ministry said.\n\n" +
		"The exchange was brokered by Turkey and the United Arab Emirates.\n\n" +
		"Kyiv accused Moscow of shelling the city of Kharkiv, which was hit by missiles last week.\n\n" +
		"The flare-up in fighting began on Sunday, and the UN called for a de-escalation."
	a := Article{ID: "art:inv", URL: "https://example.org/a", Text: text, Published: time.Date(2024, 1, 5, 0, 0, 0, 0, time.UTC)}
	res, err := Extract(context.Background(), a)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Facts) == 0 {
		t.Fatal("no facts")
	}
	for _, f := range res.Facts {
		switch {
		case f.Article != a.ID || f.URL != a.URL || f.Published != "2024-01-05":
			t.Errorf("%s: provenance %q %q %q", renderFact(f), f.Article, f.URL, f.Published)
		case text[f.Offset:f.Offset+len(f.Sentence)] != f.Sentence:
			t.Errorf("%s: offset %d does not point at its sentence", renderFact(f), f.Offset)
		case f.Subject.ID == "" || f.Object.ID == "" || f.Subject.ID == f.Object.ID:
			t.Errorf("%s: bad arguments", renderFact(f))
		case f.Predicate == "" || strings.ToLower(f.Predicate) != f.Predicate || strings.Contains(f.Predicate, " "):
			t.Errorf("%s: predicate %q is not a lowercase lemma", renderFact(f), f.Predicate)
		case f.Confidence <= 0 || f.Confidence >= 1:
			t.Errorf("%s: confidence %v", renderFact(f), f.Confidence)
		case f.DateSource != DateFromText && f.DateSource != DateFromPublished:
			t.Errorf("%s: date source %q", renderFact(f), f.DateSource)
		case f.Class == "":
			t.Errorf("%s: no class", renderFact(f))
		case !idShape.MatchString(f.Subject.ID) || !idShape.MatchString(f.Object.ID):
			t.Errorf("%s: an ID is not prefix:[a-z0-9_]", renderFact(f))
		}
	}
}

func TestConflictOfSortsParties(t *testing.T) {
	ru := Entity{Name: "Russia", ID: "ent:russia", Type: TypeCountry}
	ua := Entity{Name: "Ukraine", ID: "ent:ukraine", Type: TypeCountry}
	for _, c := range []Entity{conflictOf(ru, ua), conflictOf(ua, ru)} {
		if c.ID != "conflict:russia--ukraine" || c.Name != "Russia–Ukraine" || c.Type != TypeConflict {
			t.Errorf("conflictOf = %+v", c)
		}
	}
}

// TestLightVerbEventClass checks that a light verb takes its class from its event noun
// ("launched an offensive" is what "offensive" is), and a light verb's prepositional
// object does not ("expressed concern over the fighting" is a statement).
func TestLightVerbEventClass(t *testing.T) {
	offensive, ok := EventNoun("offensive")
	if !ok {
		t.Skip("the lexicon has no event noun 'offensive'")
	}
	concern, _ := ClassOf("express")
	for text, want := range map[string]string{
		"Azerbaijan launched an offensive on Tuesday.":              offensive,
		"France expressed concern over the fighting in the region.": concern,
	} {
		res, err := Extract(context.Background(), Article{ID: "art:lv", Text: text, Published: time.Date(2023, 9, 22, 0, 0, 0, 0, time.UTC)}, WithMinConfidence(0))
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Facts) == 0 {
			t.Errorf("%q: no facts", text)
			continue
		}
		if got := res.Facts[0].Class; got != want {
			t.Errorf("%q: class %q, want %q", text, got, want)
		}
	}
}
