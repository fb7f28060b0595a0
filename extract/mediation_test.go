package extract

import (
	"testing"
	"time"
)

// TestMediation covers the ways news tells who mediated, each in a short article of our
// own. The first paragraph, where a test has one, sets the pair in focus.
func TestMediation(t *testing.T) {
	// Saturday 2020-10-10.
	published := time.Date(2020, 10, 10, 0, 0, 0, 0, time.UTC)
	const pair = "Armenia and Azerbaijan fought over Nagorno-Karabakh. Armenia and Azerbaijan accused each other of shelling.\n\n"
	tests := []struct {
		name, text string
		want       []string // facts that must be extracted
		not        []string // prefixes of facts that must not be
	}{
		{
			name: "hosting talks between two named parties",
			text: "Russia hosted talks between Georgia and Abkhazia in Moscow on Friday.",
			want: []string{
				"ent:russia host topic:talks 2020-10-09/text asserted mediate",
				"ent:russia mediate conflict:abkhazia--georgia 2020-10-09/text asserted mediate",
			},
		},
		{
			name: "talks hosted by a third party",
			text: pair + "The ceasefire was agreed after talks hosted by Turkey.",
			want: []string{"ent:turkey host topic:talks 2020-10-10/published asserted mediate"},
		},
		{
			name: "a party hosting talks only takes part",
			text: pair + "Armenia hosted the talks in Yerevan.",
			want: []string{"ent:armenia host topic:talks 2020-10-10/published asserted consult"},
			not:  []string{"ent:armenia mediate"},
		},
		{
			name: "a leader of one of the parties hosting talks only takes part",
			text: "Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev met in Prague. Aliyev and Pashinyan agreed to meet again.\n\nAliyev hosted the next round of talks in Baku.",
			want: []string{"ent:ilham_aliyev host topic:talks 2020-10-10/published asserted consult"},
			not:  []string{"ent:ilham_aliyev mediate"},
		},
		{
			name: "facilitating talks between two sides",
			text: "Norway facilitated the talks between the government and the rebels.",
			want: []string{"ent:norway facilitate topic:talks 2020-10-10/published asserted mediate"},
		},
		{
			name: "talks led with someone make a participant",
			text: "Lavrov led talks with Kuleba in Antalya.",
			not:  []string{"ent:sergei_lavrov lead topic:talks 2020-10-10/published asserted mediate"},
		},
		{
			name: "hosting something other than a meeting is no mediation",
			text: pair + "Azerbaijan hosted the climate conference in Baku.",
			not:  []string{"ent:azerbaijan mediate", "ent:azerbaijan host topic:climate_conference 2020-10-10/published asserted mediate"},
		},
		{
			name: "under a state's mediation, the parties acting in the clause",
			text: "Under Russian mediation, Georgia and Abkhazia agreed to exchange prisoners on Friday.",
			want: []string{
				"ent:russia mediate conflict:abkhazia--georgia 2020-10-09/text asserted mediate",
				"ent:georgia exchange topic:prisoner 2020-10-09/text asserted cooperate",
			},
			not: []string{"topic:mediation"},
		},
		{
			name: "with the mediation of an organisation, the pair in focus",
			text: pair + "The two sides signed the deal with the mediation of the African Union.",
			want: []string{"ent:african_union mediate conflict:armenia--azerbaijan 2020-10-10/published asserted mediate"},
		},
		{
			name: "under the auspices of an organisation",
			text: pair + "The foreign ministers met in Vienna under the auspices of the OSCE.",
			want: []string{"ent:osce mediate conflict:armenia--azerbaijan 2020-10-10/published asserted mediate"},
		},
		{
			name: "a mediation phrase opening the sentence is no subject",
			text: "Under the auspices of the African Union, Ethiopia and Eritrea signed a peace deal.",
			want: []string{
				"ent:african_union mediate conflict:eritrea--ethiopia 2020-10-10/published asserted mediate",
				"ent:ethiopia sign topic:peace_deal 2020-10-10/published asserted agree",
			},
			not: []string{"topic:auspice"},
		},
		{
			name: "no conflict known: the agreement the mediation brought",
			text: "The ceasefire was reached through Egyptian and Qatari mediation.",
			want: []string{
				"ent:egypt mediate topic:ceasefire 2020-10-10/published asserted mediate",
				"ent:qatar mediate topic:ceasefire 2020-10-10/published asserted mediate",
			},
		},
		{
			name: "mediation rejected is no mediation",
			text: pair + "Azerbaijan rejected Turkish mediation.",
			not:  []string{"ent:turkey mediate"},
		},
		{
			name: "a participle after a state: the state brokered what it modifies",
			text: pair + "A Russian-brokered truce came into force at midnight.",
			want: []string{"ent:russia broker topic:ceasefire 2020-10-10/published asserted mediate"},
		},
		{
			name: "a participle of hosting before a meeting noun",
			text: "The Turkish-hosted talks ended without a deal.",
			want: []string{"ent:turkey host topic:talks 2020-10-10/published asserted mediate"},
		},
		{
			name: "a participle of something else is no mediation",
			text: "Russian-backed forces shelled the town.",
			not:  []string{"ent:russia back"},
		},
		{
			name: "a mediator's role between named parties",
			text: "Egypt acted as a go-between for Israel and Hamas. Qatar served as mediator between Israel and Hamas.",
			want: []string{"ent:qatar mediate conflict:hamas--israel 2020-10-10/published asserted mediate"},
		},
		{
			name: "a mediator's role with nothing known to mediate says nothing",
			text: "Switzerland acted as a go-between.",
			not:  []string{"ent:switzerland mediate"},
		},
		{
			name: "a truce is the ceasefire of the graph",
			text: "The truce was brokered by Qatar and Egypt.",
			want: []string{
				"ent:qatar broker topic:ceasefire 2020-10-10/published asserted mediate",
				"ent:egypt broker topic:ceasefire 2020-10-10/published asserted mediate",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { checkFacts(t, published, tt.text, tt.want, tt.not) })
	}
}
