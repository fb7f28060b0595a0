package extract

import (
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

// recognize analyses text published on day and returns its mentions, each as
// "surface|id|Type", with "|mod" appended for modifiers.
func recognize(t testing.TB, text, day string) ([]string, Mentions, Document) {
	t.Helper()
	a := Article{Text: text}
	if day != "" {
		var err error
		if a.Published, err = time.Parse(time.DateOnly, day); err != nil {
			t.Fatal(err)
		}
	}
	d, err := Analyze(a)
	if err != nil {
		t.Fatal(err)
	}
	ms, err := Recognize(d)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range ms {
		s := spanText(d.Sentences[m.Sentence], m.Start, m.End) + "|" + m.Entity.ID + "|" + m.Entity.Type
		if m.Modifier {
			s += "|mod"
		}
		out = append(out, s)
	}
	return out, ms, d
}

func TestRecognize(t *testing.T) {
	tests := []struct {
		name string
		day  string // publication date, for offices
		text string
		want []string // every mention, in order: nothing else may be found
	}{{
		name: "country names and aliases",
		text: "The United States and Russia spoke. US and U.S. envoys met. America sanctioned the UK.",
		want: []string{
			"United States|ent:united_states|Country", "Russia|ent:russia|Country",
			"US|ent:united_states|Country", "U.S.|ent:united_states|Country|mod",
			"America|ent:united_states|Country", "UK|ent:united_kingdom|Country",
		},
	}, {
		name: "coordination gives one mention per conjunct",
		text: "Armenia and Azerbaijan both accuse the other of starting the shelling.",
		want: []string{"Armenia|ent:armenia|Country", "Azerbaijan|ent:azerbaijan|Country"},
	}, {
		name: "demonym modifying a title, and the titled person",
		text: "Armenian government spokesman Artsrun Hovhannisyan said fighting subsided overnight.",
		want: []string{"Armenian|ent:armenia|Country|mod", "Artsrun Hovhannisyan|ent:artsrun_hovhannisyan|Person"},
	}, {
		name: "demonym with head nouns is the state acting",
		text: "Azerbaijani forces shelled Armenian positions, senior Russian government officials said. Ukraine's military and the IDF agreed.",
		want: []string{
			"Azerbaijani forces|ent:azerbaijan|Country", "Armenian|ent:armenia|Country|mod",
			"Russian government officials|ent:russia|Country",
			"Ukraine's military|ent:ukraine|Country", "IDF|ent:israel|Country",
		},
	}, {
		name: "separatists are a group, not the state",
		text: "The region was seized by ethnic Armenian separatists. Pro-Russian separatists and Russian-backed rebels fought on.",
		want: []string{
			"ethnic Armenian separatists|ent:armenian_separatists|Organization",
			"Pro-Russian separatists|ent:pro_russian_separatists|Organization",
			"Russian-backed rebels|ent:russian_backed_rebels|Organization",
		},
	}, {
		name: "a definite group noun is the group last named with it",
		text: "The separatists had no name yet. Pro-Russian separatists seized the town.\n\nThe separatists denied it, and Kyiv blamed the rebels.",
		want: []string{
			"Pro-Russian separatists|ent:pro_russian_separatists|Organization",
			"separatists|ent:pro_russian_separatists|Organization", "Kyiv|ent:ukraine|Country",
		},
	}, {
		name: "the group's authorities and leaders named by its adjective are the group",
		text: "Separatist leaders met first. Ethnic Armenian separatists agreed, the separatist authorities said.\n\nSeparatist leaders and rebel commanders disagreed.",
		want: []string{
			"Ethnic Armenian separatists|ent:armenian_separatists|Organization",
			"separatist authorities|ent:armenian_separatists|Organization",
			"Separatist leaders|ent:armenian_separatists|Organization",
		},
	}, {
		name: "capitals and seats as actors, capitals after a preposition as places",
		text: "Baku accused Yerevan of provocations. The Kremlin and the White House disagreed. Talks were held in Moscow. Downing Street said Kiev agreed.",
		want: []string{
			"Baku|ent:azerbaijan|Country", "Yerevan|ent:armenia|Country",
			"Kremlin|ent:russia|Country", "White House|ent:united_states|Country",
			"Moscow|ent:moscow|Location",
			"Downing Street|ent:united_kingdom|Country", "Kiev|ent:ukraine|Country",
		},
	}, {
		name: "genitives: institutions of a state, possessors as modifiers",
		text: "Members of Russia's Security Council met. Azerbaijan's defense ministry said the Russian Defence Ministry lied about Azerbaijan's southwestern region, the Azerbaijani presidency said.",
		want: []string{
			"Russia's Security Council|ent:russia_security_council|Organization",
			"Azerbaijan's defense ministry|ent:azerbaijan_defense_ministry|Organization",
			"Russian Defence Ministry|ent:russia_defense_ministry|Organization",
			"Azerbaijan|ent:azerbaijan|Country|mod",
			"Azerbaijani presidency|ent:azerbaijan_presidency|Organization",
		},
	}, {
		name: "titles are stripped and later surnames resolve to the full name",
		text: "President Vladimir Putin and Kremlin spokesman Dmitry Peskov spoke.\n\nPutin was firm, Peskov said. Prime Minister Nikol Pashinyan disagreed.",
		want: []string{
			"Vladimir Putin|ent:vladimir_putin|Person", "Kremlin|ent:russia|Country|mod",
			"Dmitry Peskov|ent:dmitry_peskov|Person",
			"Putin|ent:vladimir_putin|Person", "Peskov|ent:dmitry_peskov|Person",
			"Nikol Pashinyan|ent:nikol_pashinyan|Person",
		},
	}, {
		name: "an unknown surname resolves to the full name given later in the article",
		text: "Hovhannisyan spoke first.\n\nGovernment spokesman Artsrun Hovhannisyan later denied it. Artsrun Hovhannisyan was calm.",
		want: []string{
			"Hovhannisyan|ent:artsrun_hovhannisyan|Person",
			"Artsrun Hovhannisyan|ent:artsrun_hovhannisyan|Person",
			"Artsrun Hovhannisyan|ent:artsrun_hovhannisyan|Person",
		},
	}, {
		name: "a surname of the tables yields to the full name in the article",
		text: "President Heydar Aliyev signed the ceasefire. Aliyev said it would hold.",
		want: []string{"Heydar Aliyev|ent:heydar_aliyev|Person", "Aliyev|ent:heydar_aliyev|Person"},
	}, {
		name: "unknown two-word names before a verb of speech are persons",
		text: "Marat Khusnullin told reporters the bridge was safe. Lilit Grigoryan said nothing.",
		want: []string{"Marat Khusnullin|ent:marat_khusnullin|Person", "Lilit Grigoryan|ent:lilit_grigoryan|Person"},
	}, {
		name: "offices resolve to the holder on the publication date",
		day:  "2020-07-17",
		text: "The Russian president called Azerbaijan's foreign minister and the president of Ukraine.",
		want: []string{
			"Russian president|ent:vladimir_putin|Person",
			"Azerbaijan's foreign minister|ent:jeyhun_bayramov|Person",
			"president of Ukraine|ent:volodymyr_zelensky|Person",
		},
	}, {
		name: "offices on an earlier date",
		day:  "2020-07-15",
		text: "The Russian president called Azerbaijan's foreign minister and the president of Ukraine.",
		want: []string{
			"Russian president|ent:vladimir_putin|Person",
			"Azerbaijan's foreign minister|ent:elmar_mammadyarov|Person",
			"president of Ukraine|ent:volodymyr_zelensky|Person",
		},
	}, {
		name: "offices a decade earlier",
		day:  "2010-06-01",
		text: "The Russian president met the UN secretary-general.",
		want: []string{"Russian president|ent:dmitry_medvedev|Person", "UN secretary-general|ent:ban_ki_moon|Person"},
	}, {
		name: "an office the table does not know at that date stays the state",
		day:  "1850-01-01",
		text: "The Russian president spoke.",
		want: []string{"Russian|ent:russia|Country|mod"},
	}, {
		name: "no publication date: no office is resolved",
		text: "The Russian president spoke.",
		want: []string{"Russian|ent:russia|Country|mod"},
	}, {
		name: "an office followed by a name is a title",
		day:  "2020-07-17",
		text: "Russian President Vladimir Putin spoke.",
		want: []string{"Russian|ent:russia|Country|mod", "Vladimir Putin|ent:vladimir_putin|Person"},
	}, {
		name: "organisations and armed groups",
		text: "Interfax, TASS, AFP and Reuters reported that NATO, the UN, the EU and the OSCE Minsk Group met Hamas, Hezbollah and the Houthis.",
		want: []string{
			"Interfax|ent:interfax|Organization", "TASS|ent:tass|Organization",
			"AFP|ent:agence_france_presse|Organization", "Reuters|ent:reuters|Organization",
			"NATO|ent:nato|Organization", "UN|ent:united_nations|Organization",
			"EU|ent:european_union|Organization", "OSCE Minsk Group|ent:osce_minsk_group|Organization",
			"Hamas|ent:hamas|Organization", "Hezbollah|ent:hezbollah|Organization",
			"Houthis|ent:houthis|Organization",
		},
	}, {
		name: "places and their aliases",
		text: "Shelling hit Nagorny Karabakh, Artsakh, Crimea, Donbass, Luhansk, Gaza, Tavush and the Lachin corridor.",
		want: []string{
			"Nagorny Karabakh|ent:nagorno_karabakh|Location", "Artsakh|ent:nagorno_karabakh|Location",
			"Crimea|ent:crimea|Location", "Donbass|ent:donbas|Location", "Luhansk|ent:luhansk|Location",
			"Gaza|ent:gaza|Location", "Tavush|ent:tavush|Location", "Lachin corridor|ent:lachin_corridor|Location",
		},
	}, {
		name: "named events",
		text: "Since the April War and the 44-day war, also called the Second Karabakh War, the Minsk agreements were forgotten.",
		want: []string{
			"April War|ent:april_war|Event", "44-day war|ent:second_nagorno_karabakh_war|Event",
			"Second Karabakh War|ent:second_nagorno_karabakh_war|Event", "Minsk agreements|ent:minsk_agreements|Event",
		},
	}, {
		name: "diacritics are stripped from IDs, not from names",
		text: "Erdoğan met Zelenskyy. Deputy Mirjana Ćirić said so.",
		want: []string{
			"Erdoğan|ent:recep_tayyip_erdogan|Person", "Zelenskyy|ent:volodymyr_zelensky|Person",
			"Mirjana Ćirić|ent:mirjana_ciric|Person",
		},
	}, {
		name: "lowercase particles inside names",
		text: "Egyptian President Abdel Fattah al-Sisi met Ursula von der Leyen.",
		want: []string{
			"Egyptian|ent:egypt|Country|mod", "Abdel Fattah al-Sisi|ent:abdel_fattah_al_sisi|Person",
			"Ursula von der Leyen|ent:ursula_von_der_leyen|Person",
		},
	}, {
		name: "a name joined to its particle continues a name whatever its tag",
		text: "Army chief Abdel Fattah al-Burhan rejected talks.",
		want: []string{"Abdel Fattah al-Burhan|ent:abdel_fattah_al_burhan|Person"},
	}, {
		name: "a name followed by a common noun is a modifier",
		text: "The Nagorno-Karabakh conflict and the South Caucasus countries worried NATO allies.",
		want: []string{
			"Nagorno-Karabakh|ent:nagorno_karabakh|Location|mod",
			"South Caucasus|ent:south_caucasus|Location|mod", "NATO|ent:nato|Organization|mod",
		},
	}, {
		name: "modifiers through adjectives and coordinated adjectives",
		text: "EU foreign policy chief Josep Borrell met the Azerbaijani and Armenian foreign ministers.",
		want: []string{
			"EU|ent:european_union|Organization|mod", "Josep Borrell|ent:josep_borrell|Person",
			"Azerbaijani|ent:azerbaijan|Country|mod", "Armenian|ent:armenia|Country|mod",
		},
	}, {
		name: "coordinated adjectives before a state head noun are both states",
		text: "Armenian and Azerbaijani parliamentarians signed the protocol.",
		want: []string{"Armenian|ent:armenia|Country", "Azerbaijani parliamentarians|ent:azerbaijan|Country"},
	}, {
		name: "abbreviated titles; a lone unknown surname after a title names no one",
		text: "Lt. Gen. Anna Ivanova Petrova arrived. Mr. Smith said the Pentagon and the State Department disagreed.",
		want: []string{
			"Anna Ivanova Petrova|ent:anna_ivanova_petrova|Person",
			"Pentagon|ent:united_states_defense_ministry|Organization",
			"State Department|ent:united_states_foreign_ministry|Organization",
		},
	}, {
		name: "particles inside unknown names; titles after capitalised words",
		text: "Qatari Prime Minister Mohammed bin Abdulrahman Al Thani met Ukrainian Infrastructure Minister Oleksandr Kubrakov.",
		want: []string{
			"Qatari|ent:qatar|Country|mod",
			"Mohammed bin Abdulrahman Al Thani|ent:mohammed_bin_abdulrahman_al_thani|Person",
			"Ukrainian|ent:ukraine|Country|mod", "Oleksandr Kubrakov|ent:oleksandr_kubrakov|Person",
		},
	}, {
		name: "nouns of time are not modified; a known surname inside a longer name is no mention",
		text: "Talks in Minsk last week failed. Trump said the road would be called the Trump Route. France holds the EU presidency.",
		want: []string{
			"Minsk|ent:minsk|Location", "Trump|ent:donald_trump|Person",
			"France|ent:france|Country", "EU|ent:european_union|Organization|mod",
		},
	}, {
		name: "a state's adjective before arms, strikes and peacekeepers is the state acting",
		text: "A Russian missile struck the town, and a Ukrainian attack damaged the bridge. Russian peacekeepers withdrew as Azerbaijani troops advanced under Armenian artillery fire.",
		want: []string{
			"Russian missile|ent:russia|Country", "Ukrainian attack|ent:ukraine|Country",
			"Russian peacekeepers|ent:russia|Country", "Azerbaijani troops|ent:azerbaijan|Country",
			"Armenian artillery fire|ent:armenia|Country",
		},
	}, {
		name: "a state's adjective reaches over a coordinated head noun, not over a group or other nouns",
		text: "Azerbaijani artillery and drones struck Goris. Russian troops and separatists fought Ukrainian soldiers and civilians.",
		want: []string{
			"Azerbaijani artillery|ent:azerbaijan|Country", "drones|ent:azerbaijan|Country", "Goris|ent:goris|Location",
			"Russian troops|ent:russia|Country", "Ukrainian soldiers|ent:ukraine|Country",
		},
	}, {
		name: "an official with no name after the title acts for the state; with a name it is a title",
		text: "A senior Russian official said the talks failed. Russian envoy Vladimir Kazimirov disagreed, and the Kremlin spokesman was silent.",
		want: []string{
			"Russian official|ent:russia|Country", "Russian|ent:russia|Country|mod",
			"Vladimir Kazimirov|ent:vladimir_kazimirov|Person", "Kremlin spokesman|ent:russia|Country",
		},
	}, {
		name: "plural peoples are groups of their own, named by the first adjective",
		text: "Ethnic Armenians fled as Azeris returned. Ukrainians and Russians voted. The Greeks' debt grew.",
		want: []string{
			"Ethnic Armenians|ent:armenians|Organization", "Azeris|ent:azerbaijanis|Organization",
			"Ukrainians|ent:ukrainians|Organization", "Russians|ent:russians|Organization",
			"Greeks|ent:greeks|Organization|mod",
		},
	}, {
		name: "a place with a people, an adjective or head nouns is a local group, not the state",
		text: "The Karabakh Armenians stayed. The Karabakh Armenian forces and Donetsk separatists fought on after a Gaza strike.",
		want: []string{
			"Karabakh Armenians|ent:karabakh_armenians|Organization",
			"Karabakh Armenian forces|ent:karabakh_armenian_forces|Organization",
			"Donetsk separatists|ent:donetsk_separatists|Organization", "Gaza|ent:gaza|Location|mod",
		},
	}, {
		name: "a state's name with another's people is a local group; a place's adjective names the place's groups and people",
		text: "Kosovo Serbs protested, and Kosovo police and Kosovo Serb police clashed. Abkhaz separatists and Transnistrian authorities met Chechens and Crimean Tatars.",
		want: []string{
			"Kosovo Serbs|ent:kosovo_serbs|Organization", "Kosovo police|ent:kosovo|Country",
			"Kosovo Serb police|ent:kosovo_serb_police|Organization",
			"Abkhaz separatists|ent:abkhaz_separatists|Organization",
			"Transnistrian authorities|ent:transnistrian_authorities|Organization",
			"Chechens|ent:chechens|Organization", "Crimean|ent:crimea|Location|mod",
		},
	}, {
		name: "a hyphenated pair before a conflict noun or alone is the pair's conflict; before other nouns nothing",
		text: "The Armenia-Azerbaijan clashes and the Russia–Ukraine war worried Moscow-backed rebels. Israel-Hamas talks resumed near the Azerbaijan-Armenia border. Envoys discussed Israel-Hezbollah.",
		want: []string{
			"Armenia-Azerbaijan clashes|conflict:armenia--azerbaijan|Conflict",
			"Russia–Ukraine war|conflict:russia--ukraine|Conflict",
			"Moscow-backed rebels|ent:moscow_backed_rebels|Organization",
			"Israel-Hezbollah|conflict:hezbollah--israel|Conflict",
		},
	}, {
		name: "a state or organisation before a participle modifies what it did",
		text: "A Russian-brokered ceasefire and UN-mediated talks held, but Kremlin-funded media and pro-Russian outlets and well-armed men did not.",
		want: []string{
			"Russian-brokered|ent:russia|Country|mod", "UN-mediated|ent:united_nations|Organization|mod",
			"Kremlin-funded|ent:russia|Country|mod",
		},
	}, {
		name: "a sponsor's participle before group or state head nouns makes a group of its own",
		text: "Russian-installed officials fled, the Hamas-led government said, and Iran-backed militias fired, but a Russian-backed attack failed.",
		want: []string{
			"Russian-installed officials|ent:russian_installed_officials|Organization",
			"Hamas-led government|ent:hamas_led_government|Organization",
			"Iran-backed militias|ent:iran_backed_militias|Organization", "Russian-backed|ent:russia|Country|mod",
		},
	}, {
		name: "a capital or place before a place noun is that place; before 'time' the city, not the state",
		text: "The truce began at midnight Moscow time, and shelling hit the Kyiv region. Moscow denied it. Troops took the Lele Tepe height and the Agdam and Terter districts. Moscow Mayor Sergei Sobyanin spoke.",
		want: []string{
			"Moscow|ent:moscow|Location|mod", "Kyiv region|ent:kyiv|Location", "Moscow|ent:russia|Country",
			"Lele Tepe height|ent:lele_tepe|Location", "Agdam|ent:agdam|Location", "Terter districts|ent:terter|Location",
			"Moscow|ent:moscow|Location|mod", "Sergei Sobyanin|ent:sergei_sobyanin|Person",
		},
	}, {
		name: "unknown names before a finite verb or after a preposition of people are persons",
		text: "Kylian Mbappe scored twice, and talks with Luka Modric ended. Croatia's captain Ivan Perisic was named the best player. Mbappe will play.",
		want: []string{
			"Kylian Mbappe|ent:kylian_mbappe|Person", "Luka Modric|ent:luka_modric|Person",
			"Croatia|ent:croatia|Country|mod", "Ivan Perisic|ent:ivan_perisic|Person",
			"Mbappe|ent:kylian_mbappe|Person",
		},
	}, {
		name: "capitalised runs that are no person: after a determiner or adjective, acronyms, place and organisation words; a place's people",
		text: "The Southern Gas Corridor opened. Crowds in Republic Square cheered the ruling Civic Union. Fans of Dynamo Kyiv sang. " +
			"KTX Holdings said profits rose. Moscow accused South Ossetians. A Malaysia Airlines jet crashed.",
		want: []string{"Moscow|ent:russia|Country", "South Ossetians|ent:south_ossetians|Organization", "Malaysia|ent:malaysia|Country|mod"},
	}, {
		name: "'its forces' is the state or organisation named last before it in the sentence",
		text: "Baku said its army attacked. Russia urged Ukraine to withdraw its troops. Azerbaijan's defence ministry said its troops advanced. Shusha said its forces held. Its army fled.",
		want: []string{
			"Baku|ent:azerbaijan|Country", "its army|ent:azerbaijan|Country",
			"Russia|ent:russia|Country", "Ukraine|ent:ukraine|Country", "its troops|ent:ukraine|Country",
			"Azerbaijan's defence ministry|ent:azerbaijan_defense_ministry|Organization", "its troops|ent:azerbaijan|Country",
			"Shusha|ent:shusha|Location",
		},
	}, {
		name: "'his army' is the state whose office the person last named held that day",
		day:  "2020-09-27",
		text: "Aliyev said his army advanced. Armenia said Pashinyan and his government would resist. Smith said his troops left.",
		want: []string{
			"Aliyev|ent:ilham_aliyev|Person", "his army|ent:azerbaijan|Country",
			"Armenia|ent:armenia|Country", "Pashinyan|ent:nikol_pashinyan|Person", "his government|ent:armenia|Country",
		},
	}, {
		name: "unknown places after 'the town of' or before 'district' are places, and so are their later mentions",
		text: "Shells hit the eastern town of Kupiansk and the village of Nova Ivanivka. Troops entered the Borova district. " +
			"The Turkish resort of Belek hosted talks, and Kupiansk was quiet. The Smith administration and the Sunday area did not. Rail lines reached the Charles City.",
		want: []string{
			"Kupiansk|ent:kupiansk|Location", "Nova Ivanivka|ent:nova_ivanivka|Location",
			"Borova district|ent:borova|Location", "Turkish|ent:turkey|Country|mod", "Belek|ent:belek|Location",
			"Kupiansk|ent:kupiansk|Location", "Charles City|ent:charles_city|Location",
		},
	}, {
		name: "the description of a disputed territory is the place last named before it",
		text: "Russian troops entered South Ossetia. Georgia tried to retake the breakaway region, and the mountain enclave of Karabakh stayed calm. The peninsula was quiet.",
		want: []string{
			"Russian troops|ent:russia|Country", "South Ossetia|ent:south_ossetia|Location",
			"Georgia|ent:georgia|Country", "breakaway region|ent:south_ossetia|Location",
			"Karabakh|ent:nagorno_karabakh|Location", "peninsula|ent:nagorno_karabakh|Location",
		},
	}, {
		name: "'the country' is the state last named before it",
		text: "The country was calm. Hamas attacked Israel on Saturday. It was the deadliest day since the country was founded, and the nation mourned. The other country did not.",
		want: []string{
			"Hamas|ent:hamas|Organization", "Israel|ent:israel|Country",
			"country|ent:israel|Country", "nation|ent:israel|Country",
		},
	}, {
		name: "sentence-initial capitalised words and lowercase lookalikes are not entities",
		text: "Negotiations failed. The talks resumed. Fighting subsided. Give us a chance, who knows. Chad said it was fine. Security improved.",
		want: []string{"Chad|ent:chad|Country"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _, _ := recognize(t, tt.text, tt.day)
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("mentions of %q:\n got: %q\nwant: %q", tt.text, got, tt.want)
			}
		})
	}
}

func ExampleRecognize() {
	a := Article{
		Text:      "Kremlin spokesman Dmitry Peskov said Russia was ready to mediate.\n\nPeskov named no date.",
		Published: time.Date(2020, 7, 17, 0, 0, 0, 0, time.UTC),
	}
	d, err := Analyze(a)
	if err != nil {
		fmt.Println(err)
		return
	}
	ms, err := Recognize(d)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, m := range ms {
		fmt.Println(m.Sentence, m.Start, m.End, m.Entity.ID, m.Entity.Type, m.Modifier)
	}
	// Output:
	// 0 0 1 ent:russia Country true
	// 0 2 4 ent:dmitry_peskov Person false
	// 0 5 6 ent:russia Country false
	// 1 0 1 ent:dmitry_peskov Person false
}

func TestRecognizeAliases(t *testing.T) {
	_, ms, _ := recognize(t, "President Vladimir Putin spoke.\n\nPutin, the Russian president, was firm. The Kremlin agreed.", "2020-07-17")
	want := map[string][]string{
		"ent:vladimir_putin": {"Putin", "Russian president"},
		"ent:russia":         {"Kremlin"},
	}
	for _, m := range ms {
		if w, ok := want[m.Entity.ID]; ok && strings.Join(m.Entity.Aliases, "|") != strings.Join(w, "|") {
			t.Errorf("%s aliases = %q, want %q", m.Entity.ID, m.Entity.Aliases, w)
		}
	}
	if got := len(ms.Entities()); got != 2 {
		t.Errorf("Entities() = %v, want 2 distinct", ms.Entities())
	}
}

func TestMentionsLookup(t *testing.T) {
	_, ms, d := recognize(t, "Russia and Armenia met.\n\nNo one came. Azerbaijan's defense ministry said Baku was ready.", "")
	// sentence 0: Russia [0,1) Armenia [2,3); sentence 1: none; sentence 2: ministry [0,4), Baku [5,6)
	tests := []struct {
		s, i, j int
		at      string // ID of the mention covering token i, "" for none
		within  int    // how many mentions lie inside [i, j)
	}{
		{0, 0, 3, "ent:russia", 2},
		{0, 1, 3, "", 1},
		{0, 2, 2, "ent:armenia", 0},
		{1, 0, 3, "", 0},
		{2, 2, 6, "ent:azerbaijan_defense_ministry", 1},
		{2, 0, 6, "ent:azerbaijan_defense_ministry", 2},
		{2, 5, 6, "ent:azerbaijan", 1},
		{3, 0, 1, "", 0},
	}
	if len(d.Sentences) != 3 {
		t.Fatalf("%d sentences, want 3", len(d.Sentences))
	}
	for _, tt := range tests {
		m, ok := ms.At(tt.s, tt.i)
		if got := map[bool]string{true: m.Entity.ID}[ok]; got != tt.at {
			t.Errorf("At(%d, %d) = %q, want %q", tt.s, tt.i, got, tt.at)
		}
		if got := len(ms.Within(tt.s, tt.i, tt.j)); got != tt.within {
			t.Errorf("Within(%d, %d, %d) has %d mentions, want %d", tt.s, tt.i, tt.j, got, tt.within)
		}
	}
	if n := len(ms.InSentence(2)); n != 2 {
		t.Errorf("InSentence(2) has %d mentions, want 2", n)
	}
}

func TestSlug(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Vladimir Putin", "vladimir_putin"},
		{"Nagorno-Karabakh", "nagorno_karabakh"},
		{"Recep Tayyip Erdoğan", "recep_tayyip_erdogan"},
		{"Kurdistan Workers' Party", "kurdistan_workers_party"},
		{"George H. W. Bush", "george_h_w_bush"},
		{"Łukasz Ørsted", "lukasz_orsted"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := Slug(tt.in); got != tt.want {
			t.Errorf("Slug(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestEmbeddedGazetteer checks the shipped tables: they load, and every UN member state is in.
func TestEmbeddedGazetteer(t *testing.T) {
	g, err := defaultGazetteer()
	if err != nil {
		t.Fatal(err)
	}
	states := 0
	for _, e := range g.ents {
		if e.Type == TypeCountry {
			states++
		}
	}
	if states < 193 {
		t.Errorf("%d states, want at least the 193 UN members", states)
	}
}

// TestLoadGazetteerErrors breaks copies of the shipped tables and checks that each problem
// is reported with its file and line.
func TestLoadGazetteerErrors(t *testing.T) {
	base := fstest.MapFS{}
	sub, err := fs.Sub(gazetteerData, "data")
	if err != nil {
		t.Fatal(err)
	}
	err = fs.WalkDir(sub, ".", func(path string, de fs.DirEntry, err error) error {
		if err != nil || de.IsDir() {
			return err
		}
		data, err := fs.ReadFile(sub, path)
		base[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, file, add, want string
	}{
		{"missing field", "places.tsv", "Nowhere\n", "places.tsv:%d: 1 fields, want 3"},
		{"name given to two entities", "places.tsv", "Somewhere\tArmenia\t\n", `places.tsv:%d: "Armenia" already names ent:armenia (countries.tsv:`},
		{"bad date", "offices.tsv", "president\tArmenia\tAnyone\t2020-13-01\t\n", `offices.tsv:%d: from "2020-13-01"`},
		{"overlapping terms", "offices.tsv", "president\tRussia\tAnyone\t2020-01-01\t2021-01-01\n", "offices.tsv:%d: president of Russia: Anyone overlaps the term of Vladimir Putin"},
		{"unknown office", "offices.tsv", "emperor\tRussia\tAnyone\t2020-01-01\t\n", `offices.tsv:%d: office "emperor"`},
		{"unknown head kind", "heads.tsv", "legions\tarmy\n", `heads.tsv:%d: kind "army"`},
		{"proper name of an unknown state", "institutions.tsv", "Navy\tnavy\tAtlantis:Fleet\n", `institutions.tsv:%d: "Atlantis:Fleet"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := fstest.MapFS{}
			for k, v := range base {
				fsys[k] = v
			}
			data := string(base[tt.file].Data)
			line := strings.Count(data, "\n") + 1
			fsys[tt.file] = &fstest.MapFile{Data: []byte(data + tt.add)}
			_, err := LoadGazetteer(fsys)
			if want := fmt.Sprintf(tt.want, line); err == nil || !strings.Contains(err.Error(), want) {
				t.Errorf("error %v, want one containing %q", err, want)
			}
		})
	}
}

// BenchmarkRecognize measures Recognize alone, in words (tokens) per second, over sentences
// written for these tests.
func BenchmarkRecognize(b *testing.B) {
	text := strings.Repeat(benchText, 20)
	d, err := Analyze(Article{Text: text, Published: time.Date(2020, 7, 17, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		b.Fatal(err)
	}
	g, err := defaultGazetteer()
	if err != nil {
		b.Fatal(err)
	}
	words := 0
	for _, s := range d.Sentences {
		words += len(s.Tokens)
	}
	b.ResetTimer()
	for b.Loop() {
		g.Recognize(d)
	}
	b.ReportMetric(float64(words)*float64(b.N)/b.Elapsed().Seconds(), "words/s")
}

const benchText = `Russia said on Friday that it was ready to mediate talks between Armenia and Azerbaijan after clashes on their border.
President Vladimir Putin discussed the fighting with members of Russia's Security Council, Kremlin spokesman Dmitry Peskov told reporters.
Putin urged both sides to respect the ceasefire, and Peskov said Moscow was in contact with Baku and Yerevan.

The conflict over Nagorno-Karabakh, a region of Azerbaijan held by ethnic Armenian separatists since a war in the 1990s, flared again in April 2016.
Negotiations led by the OSCE Minsk Group, co-chaired by Russia, the United States and France, have brought no lasting settlement.
Armenian government spokesman Artsrun Hovhannisyan said the night passed quietly, while Azerbaijan's defense ministry reported shelling near Tovuz.

In Kyiv, Ukrainian officials said pro-Russian separatists in Donetsk and Luhansk had broken the Minsk agreements again.
The Russian president and the German chancellor spoke by phone, and NATO Secretary-General Jens Stoltenberg called for restraint.

A Russian missile struck Kharkiv as Ukrainians sheltered, and the Russia-Ukraine war entered its third year, Moscow time.
Baku said its forces held the Lele Tepe height, while Karabakh Armenian forces and Abkhaz separatists withdrew with Kylian Mbappe.
`

// FuzzRecognize checks the invariants of Mentions on any text: ordered, not overlapping,
// inside their sentence, never empty, with IDs of the documented shape.
func FuzzRecognize(f *testing.F) {
	for _, s := range []string{
		benchText, "", "pro- -backed - 's ’s", "Mr. said. President. The Russian president",
		"ethnic Armenian", "Heydar Aliyev Aliyev Aliyev said", "U.S.-Russia talks, Kiev-backed",
		"\xff\xfe invalid \x00 bytes Baku", "Erdoğan’s Türkiye and NATO's Secretary-General",
		"Владимир Путин said so. President Си Цзиньпин agreed.",
	} {
		f.Add(s)
	}
	g, err := defaultGazetteer()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		d, err := Analyze(Article{Text: text, Published: time.Date(2020, 7, 17, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Skip()
		}
		ms := g.Recognize(d)
		for i, m := range ms {
			if m.Sentence < 0 || m.Sentence >= len(d.Sentences) || m.Start < 0 || m.End <= m.Start ||
				m.End > len(d.Sentences[m.Sentence].Tokens) {
				t.Fatalf("mention %d out of bounds: %+v", i, m)
			}
			if i > 0 && ms[i-1].Sentence == m.Sentence && ms[i-1].End > m.Start || i > 0 && ms[i-1].Sentence > m.Sentence {
				t.Fatalf("mentions %d and %d overlap or are out of order: %+v %+v", i-1, i, ms[i-1], m)
			}
			if id := m.Entity.ID; !strings.HasPrefix(id, "ent:") && !strings.HasPrefix(id, "conflict:") ||
				strings.HasSuffix(id, ":") || m.Entity.Type == "" {
				t.Fatalf("mention %d has a bad entity %+v", i, m.Entity)
			}
		}
	})
}
