package extract

import (
	"testing"
	"time"
)

func TestReadText(t *testing.T) {
	tests := []struct {
		name, in          string
		title, date, text string
	}{
		{"scraped date line with banner",
			" date 2020-07-17 Support Our Newsroom!\nDonate today\n\nRussia Offers Mediation\n\nBy AFP\nRussia offered to mediate on Friday.",
			"Russia Offers Mediation", "2020-07-17", "Russia offered to mediate on Friday."},
		{"labelled date after the headline",
			"Russia Offers Mediation\nPublished: Friday, July 17, 2020 10:00\n\nRussia offered to mediate on Friday.",
			"Russia Offers Mediation", "2020-07-17", "Russia offered to mediate on Friday."},
		{"day-first date", "Date: 17 July 2020\n\nRussia Offers Mediation\n\nRussia offered to mediate on Friday.",
			"Russia Offers Mediation", "2020-07-17", "Russia offered to mediate on Friday."},
		{"abbreviated month", "Posted on Sept. 27, 2020\n\nWar Breaks Out\n\nFighting broke out on Sunday.",
			"War Breaks Out", "2020-09-27", "Fighting broke out on Sunday."},
		{"ISO time stamp", "Updated: 2020-07-17T10:00:00+03:00\n\nRussia Offers Mediation\n\nRussia offered to mediate on Friday.",
			"Russia Offers Mediation", "2020-07-17", "Russia offered to mediate on Friday."},
		{"no date", "Russia Offers Mediation\n\nRussia offered to mediate on Friday.",
			"Russia Offers Mediation", "", "Russia offered to mediate on Friday."},
		{"date label without a date is text", "Date night in Yerevan\n\nCafes reopened on Friday.",
			"Date night in Yerevan", "", "Cafes reopened on Friday."},
		{"a date deep in the body is not the publication date",
			"Talks Resume\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nPublished: 2020-07-17\n\nSix.",
			"Talks Resume", "", "One.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\nSix."},
		{"no headline when prose comes first", "Russia offered to mediate on Friday.\n\nTalks may begin next week.",
			"", "", "Russia offered to mediate on Friday.\n\nTalks may begin next week."},
		{"the headline is the longest heading before the prose",
			"world news\n\nRussia Offers to Mediate Between Armenia and Azerbaijan\n\nRussia offered to mediate on Friday.",
			"Russia Offers to Mediate Between Armenia and Azerbaijan", "", "Russia offered to mediate on Friday."},
		{"headline directly above the body", "Russia Offers Mediation\nRussia offered to mediate on Friday.",
			"Russia Offers Mediation", "", "Russia offered to mediate on Friday."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := readText(tt.in)
			date := ""
			if !d.published.IsZero() {
				date = d.published.Format(time.DateOnly)
			}
			if d.title != tt.title || date != tt.date || d.text != tt.text || d.err != nil {
				t.Errorf("readText(%q)\n got title %q, date %q, err %v, text %q\nwant title %q, date %q, text %q",
					tt.in, d.title, date, d.err, d.text, tt.title, tt.date, tt.text)
			}
		})
	}
}
