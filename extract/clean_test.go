package extract

import (
	"strings"
	"testing"
)

func TestClean(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"empty", " \n\n \t", ""},
		{"whitespace",
			"  The  ceasefire\u00a0held\u200b on   Monday.  \r\n\r\n\tTalks resumed\u00ad in Moscow.\t",
			"The ceasefire held on Monday.\n\nTalks resumed in Moscow."},
		{"curly quotes kept",
			"Peskov said the situation was “calm” and ‘stable’.",
			"Peskov said the situation was “calm” and ‘stable’."},
		{"hard-wrapped paragraph rejoined",
			"Armenia and Azerbaijan agreed to stop the fighting along the\nline of contact on Tuesday, officials in Baku and Yerevan said\nafter talks in Moscow.",
			"Armenia and Azerbaijan agreed to stop the fighting along the line of contact on Tuesday, officials in Baku and Yerevan said after talks in Moscow."},
		{"hard-wrapped text: a full stop at the end of a line does not end the paragraph",
			"Heavy fighting broke out along the line of contact around the region.\nAzerbaijan said its troops had taken several heights, while\nArmenian officials accused Baku of a large offensive. Dozens of\nsoldiers were killed.\n\nThe chiefs of staff agreed in Moscow on April 5 to stop the\nfighting.",
			"Heavy fighting broke out along the line of contact around the region. Azerbaijan said its troops had taken several heights, while Armenian officials accused Baku of a large offensive. Dozens of soldiers were killed.\n\nThe chiefs of staff agreed in Moscow on April 5 to stop the fighting."},
		{"lines of a scraped page stay paragraphs",
			"The talks began on Monday.\nThe talks ended on Tuesday.",
			"The talks began on Monday.\n\nThe talks ended on Tuesday."},
		{"subheading dropped",
			"The talks began on Monday.\n\nTalks in Moscow\n\nThey ended on Tuesday.",
			"The talks began on Monday.\n\nThey ended on Tuesday."},
		{"title-case headline with a question mark dropped",
			"Will Moscow Broker a Lasting Peace in the Caucasus?\n\nThe talks began on Monday.",
			"The talks began on Monday."},
		{"byline dropped",
			"By Jane Doe and John Roe, Reuters\nThe talks began on Monday.",
			"The talks began on Monday."},
		{"caption with its credit dropped",
			"Soldiers near the border in October. Jane Doe / Reuters\n\nThe talks began on Monday.",
			"The talks began on Monday."},
		{"a poll named with a slash is prose",
			"Most voters backed the deal, a Reuters/Ipsos poll found.",
			"Most voters backed the deal, a Reuters/Ipsos poll found."},
		{"credit alone dropped",
			"AP / TASS\n\nThe talks began on Monday.",
			"The talks began on Monday."},
		{"slashes in prose are not credits",
			"The talks covered the rouble/dollar rate and/or gas prices.",
			"The talks covered the rouble/dollar rate and/or gas prices."},
		{"long line without its full stop is prose",
			"More than 400 ships had been waiting at both ends of the canal to pass through the waterway",
			"More than 400 ships had been waiting at both ends of the canal to pass through the waterway"},
		{"banner words inside a sentence are prose",
			"Support for the ceasefire grew on Friday among lawmakers in both countries.",
			"Support for the ceasefire grew on Friday among lawmakers in both countries."},
		{"banners dropped",
			"Advertisement\n\nSubscribe now\n\nThe talks began on Monday.\n\nShare this article",
			"The talks began on Monday."},
		{"related list dropped",
			"The talks began on Monday.\n\nRelated\n\nbalkans\n\nKosovo and Serbia Resume Talks\n\nThe EU hosted a new round in Brussels.\nmore news\n\nOil Prices Rise",
			"The talks began on Monday."},
		{"read-more link inside the body ends at the next paragraph",
			"The talks began on Monday.\n\nREAD MORE: Kremlin Urges Restraint\n\nThey ended on Tuesday without a deal.",
			"The talks began on Monday.\n\nThey ended on Tuesday without a deal."},
		{"appeal at the end dropped, with the paragraph between its parts",
			"The talks began on Monday.\n\nGood reporting is expensive. Please consider a gift.\n\nOur reporters work across the region every day.\n\nSubscribe to our newsletter for the full story.",
			"The talks began on Monday."},
		{"reader-addressed paragraph at the end dropped",
			"The talks began on Monday.\n\nIf you have a story for us, we want to hear from you.",
			"The talks began on Monday."},
		{"quoted first and second person at the end kept",
			"The talks began on Monday.\n\n“We will defend our land, and you will see it,” the president said.",
			"The talks began on Monday.\n\n“We will defend our land, and you will see it,” the president said."},
		{"appeal paragraph mid-article does not take the body with it",
			"The talks began on Monday.\n\nPlease consider a gift to our newsroom.\n\nThey ended on Tuesday.\n\nNo date was set for a new round.",
			"The talks began on Monday.\n\nThey ended on Tuesday.\n\nNo date was set for a new round."},
		{"repeated paragraph dropped",
			"The talks began on Monday.\n\nThey ended on Tuesday.\n\nThe talks began on Monday.",
			"The talks began on Monday.\n\nThey ended on Tuesday."},
		{"caption repeating a body sentence dropped",
			"Russia said it was ready to mediate.\n\nThe fighting flared on Sunday. Russia said it was ready to mediate.",
			"The fighting flared on Sunday. Russia said it was ready to mediate."},
		{"paragraph of symbols dropped",
			"The talks began on Monday.\n\n* * *\n\nThey ended on Tuesday.",
			"The talks began on Monday.\n\nThey ended on Tuesday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Clean(tt.in); got != tt.want {
				t.Errorf("Clean(%q)\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestParseBoilerplate(t *testing.T) {
	r, err := parseBoilerplate(boilerplateFile)
	if err != nil {
		t.Fatalf("data/boilerplate.txt: %v", err)
	}
	if len(r.line) == 0 || len(r.start) == 0 || len(r.any) == 0 || len(r.related) == 0 {
		t.Errorf("data/boilerplate.txt: a kind has no rules: %d line, %d start, %d any, %d related",
			len(r.line), len(r.start), len(r.any), len(r.related))
	}
	for _, tt := range []struct{ in, want string }{
		{"# rules\nline advertisement\nsometimes subscribe", `line 3: unknown kind "sometimes"`},
		{"start", `line 1: want "<kind> <phrase>", got "start"`},
	} {
		if _, err := parseBoilerplate(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("parseBoilerplate(%q) = %v, want an error saying %q", tt.in, err, tt.want)
		}
	}
}

func TestHasCredit(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"Both sides accuse each other. Aziz Karimov / AP / TASS", true},
		{"Smoke over Stepanakert in October. Lilit Harutyunyan / AFP / TASS", true},
		{"Reuters/Jane Doe", true},
		{"Crowds on a square in Sevastopol. Photo: Jane Doe for Example News", true},
		{"Crowds on a square in Sevastopol (Photo: AFP)", true},
		{"Photo by Jane Doe", true},
		{strings.Repeat("A long caption about the talks. ", 20) + "Jane Doe / AP", true},
		{"The rouble/dollar rate fell.", false},
		{"Talks on the Moscow/Kyiv line", false},
		{"Most voters backed the deal, a Reuters/Ipsos poll found.", false},
		{"He showed a photo: it was blurred.", false},
	}
	for _, tt := range tests {
		if got := hasCredit(tt.in); got != tt.want {
			t.Errorf("hasCredit(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}
