package extract

import (
	"strings"
	"testing"
	"time"
)

// timexDate parses a test fixture date.
func timexDate(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

// seedFriday is the publication date of the seed article: Friday 17 July 2020.
var seedFriday = timexDate("2020-07-17")

func TestFindTimexes(t *testing.T) {
	tests := []struct {
		sentence  string
		published time.Time
		want      []string // "text|date|precision", "+since" when Since is set
	}{
		// Weekdays resolve backwards, the publication day included.
		{"Fighting broke out on Sunday along the border.", seedFriday, []string{"on Sunday|2020-07-12|day"}},
		{"The Kremlin said Friday it was ready to help.", seedFriday, []string{"Friday|2020-07-17|day"}},
		{"Shelling resumed on Thursday night.", seedFriday, []string{"on Thursday night|2020-07-16|day"}},
		{"Talks were held last Friday.", seedFriday, []string{"last Friday|2020-07-10|day"}},
		{"Talks will resume next Monday.", seedFriday, []string{"next Monday|2020-07-20|day"}},
		{"He spoke on Sunday, July 12.", seedFriday, []string{"on Sunday, July 12|2020-07-12|day"}},
		{"Both sides met on Saturday, 11 July 2020.", timexDate("2020-07-20"), []string{"on Saturday, 11 July 2020|2020-07-11|day"}},
		// Relative days, weeks, months and years.
		{"Yesterday, the ministry denied it.", seedFriday, []string{"Yesterday|2020-07-16|day"}},
		{"The ministry denied it today.", seedFriday, []string{"today|2020-07-17|day"}},
		{"Two soldiers died last night.", seedFriday, []string{"last night|2020-07-16|day"}},
		{"Clashes flared last week.", seedFriday, []string{"last week|2020-07|month"}},
		{"Clashes flared last week.", timexDate("2020-07-03"), []string{"last week|2020-06|month"}},
		{"Prices rose last month.", timexDate("2020-01-15"), []string{"last month|2019-12|month"}},
		{"The deal was signed last year.", seedFriday, []string{"last year|2019|year"}},
		{"Elections are due this year.", seedFriday, []string{"this year|2020|year"}},
		{"The talks collapsed earlier this month.", seedFriday, []string{"earlier this month|2020-07|month"}},
		{"The envoy arrived two days ago.", seedFriday, []string{"two days ago|2020-07-15|day"}},
		{"The envoy arrived 3 days ago.", seedFriday, []string{"3 days ago|2020-07-14|day"}},
		{"The truce began a year ago.", seedFriday, []string{"a year ago|2019|year"}},
		{"The truce began six months ago.", seedFriday, []string{"six months ago|2020-01|month"}},
		// Looking ahead from a cue in the sentence (rule 10).
		{"The leaders will meet on Monday.", seedFriday, []string{"on Monday|2020-07-20|day"}},
		{"The leaders will meet on Friday.", seedFriday, []string{"on Friday|2020-07-17|day"}},
		{"On Monday, the two leaders will meet in Geneva.", seedFriday, []string{"On Monday|2020-07-20|day"}},
		{"On Monday, Russia said it would send troops.", seedFriday, []string{"On Monday|2020-07-13|day"}},
		{"Talks will resume on Friday, the Kremlin said on Tuesday.", timexDate("2020-07-15"),
			[]string{"on Friday|2020-07-17|day", "on Tuesday|2020-07-14|day"}},
		{"The ministers met on Monday and will meet again on Friday.", timexDate("2020-07-15"),
			[]string{"on Monday|2020-07-13|day", "on Friday|2020-07-17|day"}},
		{"Russia said on Sunday it would withdraw by December 1.", seedFriday,
			[]string{"on Sunday|2020-07-12|day", "December 1|2020-12-01|day"}},
		{"The talks, which are due to open on Monday, may fail.", seedFriday, []string{"on Monday|2020-07-20|day"}},
		{"Elections are due in June.", seedFriday, []string{"in June|2021-06|month"}},
		{"Talks are due to be held in Yevlakh on Thursday.", timexDate("2023-09-20"), []string{"on Thursday|2023-09-21|day"}},
		{"Talks were held in Yevlakh on Thursday.", timexDate("2023-09-20"), []string{"on Thursday|2023-09-14|day"}},
		{"Elections were held in June.", seedFriday, []string{"in June|2020-06|month"}},
		{"A vote is expected to take place in March.", seedFriday, []string{"in March|2021-03|month"}},
		{"The envoy plans to visit in August.", seedFriday, []string{"in August|2020-08|month"}},
		{"Talks will resume next month.", seedFriday, []string{"next month|2020-08|month"}},
		{"Talks will resume next week.", timexDate("2020-07-28"), []string{"next week|2020-08|month"}},
		{"Talks will resume next year.", seedFriday, []string{"next year|2021|year"}},
		// Deadlines without a cue take the nearer date; "-ed" words do not count.
		{"The road stays closed until Friday.", timexDate("2020-07-15"), []string{"Friday|2020-07-17|day"}},
		{"The road stays closed until Friday.", timexDate("2020-07-18"), []string{"Friday|2020-07-17|day"}},
		{"The road was closed until Friday.", timexDate("2020-07-15"), []string{"Friday|2020-07-10|day"}},
		{"He signed a decree on Thursday dissolving all institutions by January 1.", timexDate("2023-09-28"),
			[]string{"on Thursday|2023-09-28|day", "January 1|2024-01-01|day"}},
		{"Troops must leave before 1 December.", seedFriday, []string{"1 December|2020-12-01|day"}},
		{"Troops had left before 1 December.", timexDate("2021-01-10"), []string{"1 December|2020-12-01|day"}},
		// Months and days without a year take the publication year, or the
		// year before when the month is still to come.
		{"Fighting erupted on July 12.", seedFriday, []string{"on July 12|2020-07-12|day"}},
		{"The ceasefire was signed on 10 November.", timexDate("2021-01-05"), []string{"on 10 November|2020-11-10|day"}},
		{"Protests began in July.", seedFriday, []string{"in July|2020-07|month"}},
		{"Protests began in August.", seedFriday, []string{"in August|2019-08|month"}},
		{"Troops withdrew in early December.", timexDate("2021-02-01"), []string{"in early December|2020-12|month"}},
		{"Talks stalled in May.", seedFriday, []string{"in May|2020-05|month"}},
		{"Talks stalled last May.", seedFriday, []string{"last May|2020-05|month"}},
		{"Talks stalled last July.", seedFriday, []string{"last July|2019-07|month"}},
		{"The 12th of July was quiet.", seedFriday, []string{"12th of July|2020-07-12|day"}},
		// Explicit dates.
		{"Fighting erupted on July 12, 2020, near Tovuz.", timexDate("2023-01-01"), []string{"on July 12, 2020|2020-07-12|day"}},
		{"Fighting erupted on 12 July 2020.", time.Time{}, []string{"on 12 July 2020|2020-07-12|day"}},
		{"The war began in April 2016.", seedFriday, []string{"in April 2016|2016-04|month"}},
		{"The offensive of September 2023 ended it.", seedFriday, []string{"September 2023|2023-09|month"}},
		{"The report is dated 2020-07-12.", seedFriday, []string{"2020-07-12|2020-07-12|day"}},
		{"Sept. 27, 2020 was the first day.", seedFriday, []string{"Sept. 27, 2020|2020-09-27|day"}},
		// Years, decades, seasons.
		{"Russia annexed Crimea in 2014.", seedFriday, []string{"in 2014|2014|year"}},
		{"The line has held since 1994.", seedFriday, []string{"since 1994|1994|year|since"}},
		{"Refugees fled in the 1990s.", seedFriday, []string{"in the 1990s|1990|decade"}},
		{"Tensions have grown since the 1990s.", seedFriday, []string{"since the 1990s|1990|decade|since"}},
		{"The 2016 clashes killed 200 people.", seedFriday, []string{"2016|2016|year"}},
		// Ranges are one expression dated by their start.
		{"The war lasted from 1991 to 1994.", seedFriday, []string{"from 1991 to 1994|1991|year"}},
		{"Monitors served from April 2016 to March 2017.", seedFriday, []string{"from April 2016 to March 2017|2016-04|month"}},
		{"Clashes recurred between 2014 and 2022.", seedFriday, []string{"between 2014 and 2022|2014|year"}},
		{"The 2014–2015 winter was hard.", seedFriday, []string{"2014–2015|2014|year"}},
		{"Talks were held April 2–5 in Vienna.", seedFriday, []string{"April 2–5|2020-04-02|day"}},
		{"Talks were held 2-5 April 2019 in Vienna.", seedFriday, []string{"2-5 April 2019|2019-04-02|day"}},
		{"Talks ran from Monday to Wednesday.", seedFriday, []string{"from Monday to Wednesday|2020-07-13|day"}},
		{"Moscow sent 2000 troops to 2021 positions.", seedFriday, nil},
		// Counts from the date before them in the sentence.
		{"Separatists agreed to disarm on Wednesday, a day after Azerbaijan launched an offensive.", timexDate("2023-09-20"),
			[]string{"on Wednesday|2023-09-20|day", "a day after|2023-09-19|day"}},
		{"The truce was signed on 10 November, two days after Shusha fell.", timexDate("2020-11-20"),
			[]string{"on 10 November|2020-11-10|day", "two days after|2020-11-08|day"}},
		{"Talks opened on 3 May 2021 and collapsed two days later.", seedFriday, []string{"on 3 May 2021|2021-05-03|day", "two days later|2021-05-05|day"}},
		{"Talks opened on Monday, a day before the vote.", seedFriday, []string{"on Monday|2020-07-13|day", "a day before|2020-07-14|day"}},
		{"Talks opened on 3 May 2021; a week later they failed.", seedFriday, []string{"on 3 May 2021|2021-05-03|day", "a week later|2021-05-10|day"}},
		{"The war began in March 2019 and ended three months later.", seedFriday, []string{"in March 2019|2019-03|month", "three months later|2019-06|month"}},
		{"The war began in 2019 and ended a year later.", seedFriday, []string{"in 2019|2019|year", "a year later|2020|year"}},
		{"The war began in 2019 and ended two days later.", seedFriday, []string{"in 2019|2019|year"}},
		{"The talks collapsed two days later.", seedFriday, nil},
		{"It escalated in the summer of 2014.", seedFriday, []string{"in the summer of 2014|2014|year"}},
		{"It escalated in mid-2014.", seedFriday, []string{"in mid-2014|2014|year"}},
		{"Relations thawed in late 2016.", seedFriday, []string{"in late 2016|2016|year"}},
		{"Since July the fighting has not stopped.", seedFriday, []string{"Since July|2020-07|month|since"}},
		// Parts of weeks, months and years; seasons, weekends, nights and holidays.
		{"Clashes flared earlier this week.", seedFriday, []string{"earlier this week|2020-07|month"}},
		{"Clashes flared late last month.", seedFriday, []string{"late last month|2020-06|month"}},
		{"A vote is due early next year.", seedFriday, []string{"early next year|2021|year"}},
		{"Troops withdrew in mid-2021.", seedFriday, []string{"in mid-2021|2021|year"}},
		{"Troops withdrew in early 2022.", seedFriday, []string{"in early 2022|2022|year"}},
		{"It began in the spring of 2014.", seedFriday, []string{"in the spring of 2014|2014|year"}},
		{"Fighting flared in the summer.", seedFriday, []string{"in the summer|2020|year"}},
		{"Fighting flared in the summer.", timexDate("2021-03-10"), []string{"in the summer|2020|year"}},
		{"Talks will resume in the summer.", timexDate("2021-03-10"), []string{"in the summer|2021|year"}},
		{"Talks will resume in the summer.", timexDate("2021-10-10"), []string{"in the summer|2022|year"}},
		{"Snow fell during the winter.", timexDate("2021-01-10"), []string{"during the winter|2020|year"}},
		{"Talks will resume in the winter.", timexDate("2021-01-10"), []string{"in the winter|2020|year"}},
		{"Armenia marked the fall of Shusha.", seedFriday, nil},
		{"The Arab Spring began in Tunisia.", seedFriday, nil},
		{"Shelling went on over the weekend.", seedFriday, []string{"over the weekend|2020-07-11|day"}},
		{"Shelling went on over the weekend.", timexDate("2020-07-19"), []string{"over the weekend|2020-07-18|day"}},
		{"The leaders will meet over the weekend.", seedFriday, []string{"over the weekend|2020-07-18|day"}},
		{"They met last weekend.", timexDate("2020-07-20"), []string{"last weekend|2020-07-18|day"}},
		{"They meet this weekend.", seedFriday, []string{"this weekend|2020-07-18|day"}},
		{"Drones struck on the night of 12 July.", seedFriday, []string{"on the night of 12 July|2020-07-12|day"}},
		{"Drones struck on the morning of July 12, 2019.", seedFriday, []string{"on the morning of July 12, 2019|2019-07-12|day"}},
		{"The night of terror ended.", seedFriday, nil},
		{"Rockets fell on New Year's Eve.", timexDate("2021-01-03"), []string{"on New Year's Eve|2020-12-31|day"}},
		{"Rockets fell on New Year’s Eve.", timexDate("2021-01-03"), []string{"on New Year’s Eve|2020-12-31|day"}},
		{"A truce held over Christmas.", timexDate("2021-01-03"), []string{"over Christmas|2020-12-25|day"}},
		{"A truce held on Christmas Day 2016.", seedFriday, []string{"on Christmas Day 2016|2016-12-25|day"}},
		{"A truce will hold over Christmas.", seedFriday, []string{"over Christmas|2020-12-25|day"}},
		{"Christmastide was quiet; a new year began.", seedFriday, nil},
		// The day after or before a date named earlier.
		{"Talks opened on 3 May 2021 and ended the following day.", seedFriday, []string{"on 3 May 2021|2021-05-03|day", "the following day|2021-05-04|day"}},
		{"Talks opened on Monday; the next day they failed.", seedFriday, []string{"on Monday|2020-07-13|day", "the next day|2020-07-14|day"}},
		{"The next day they failed.", seedFriday, nil},
		// Numbers that are not dates.
		{"The war cost 17 lives.", seedFriday, nil},
		{"The war cost 30,000 lives.", seedFriday, nil},
		{"Moscow sent 1,000 troops.", seedFriday, nil},
		{"Moscow sent 2000 troops.", seedFriday, nil},
		{"Turnout was 1.5 percent.", seedFriday, nil},
		{"The dispute over 1,500 hectares continues.", seedFriday, nil},
		{"Forces may withdraw, officials said.", seedFriday, nil},
		{"The March on Washington drew crowds.", seedFriday, nil},
		{"Call 2020 for help.", seedFriday, nil},
		{"The 2000 soldiers left on Sunday.", seedFriday, []string{"on Sunday|2020-07-12|day"}},
		{"A force of 1500 troops stayed.", seedFriday, nil},
		{"Bloody Sunday is remembered every year.", seedFriday, nil},
		{"Marchers recalled Bloody Sunday on Monday.", seedFriday, []string{"on Monday|2020-07-13|day"}},
		// Years after a possessive.
		{"Ukraine's 2019 election brought Zelensky to power.", seedFriday, []string{"2019|2019|year"}},
		{"Ukraine’s 2019 election brought Zelensky to power.", seedFriday, []string{"2019|2019|year"}},
		// Nothing a date could come from.
		{"Russia urged both sides to show restraint.", seedFriday, nil},
		{"", seedFriday, nil},
		// No publication date: only what names its own year.
		{"Clashes broke out on Sunday in 2016.", time.Time{}, []string{"in 2016|2016|year"}},
		// Impossible dates are left out.
		{"Talks on February 30, 2020 failed.", seedFriday, nil},
		{"The file 2020-13-05 is corrupt.", seedFriday, nil},
	}
	for _, tt := range tests {
		t.Run(tt.sentence, func(t *testing.T) {
			got := FindTimexes(tt.sentence, tt.published)
			var gotS []string
			for _, tx := range got {
				if tt.sentence[tx.Start:tx.End] != tx.Text {
					t.Errorf("span %d:%d is %q, Text is %q", tx.Start, tx.End, tt.sentence[tx.Start:tx.End], tx.Text)
				}
				s := tx.Text + "|" + tx.Date + "|" + tx.Precision
				if tx.Since {
					s += "|since"
				}
				gotS = append(gotS, s)
			}
			if strings.Join(gotS, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("FindTimexes(%q, %s)\n got %q\nwant %q", tt.sentence, tt.published.Format("2006-01-02"), gotS, tt.want)
			}
		})
	}
}

// TestFindTimexesDateShape checks, over every weekday as publication day,
// that dates have the shape their precision says and never lie after the
// publication date for backward-looking words.
func TestFindTimexesDateShape(t *testing.T) {
	sentences := []string{
		"On Monday and on Tuesday, then Wednesday, Thursday, Friday, Saturday and Sunday, shelling went on.",
		"Yesterday and last week and last month and last year it was quiet.",
		"In January, February, April, June, July, August, September, October, November and December talks went on.",
	}
	shape := map[string]int{PrecisionDay: 10, PrecisionMonth: 7, PrecisionYear: 4, PrecisionDecade: 4}
	for d := 0; d < 7; d++ {
		pub := seedFriday.AddDate(0, 0, d)
		for _, s := range sentences {
			got := FindTimexes(s, pub)
			if len(got) == 0 {
				t.Fatalf("no timex in %q", s)
			}
			for _, tx := range got {
				if len(tx.Date) != shape[tx.Precision] {
					t.Errorf("%q: date %q does not fit precision %q", tx.Text, tx.Date, tx.Precision)
				}
				if tx.Date > pub.Format("2006-01-02") {
					t.Errorf("%q in an article of %s resolved to the future %s", tx.Text, pub.Format("2006-01-02"), tx.Date)
				}
			}
		}
	}
}

func BenchmarkFindTimexes(b *testing.B) {
	sentences := []string{
		"Armenia and Azerbaijan accused each other of shelling on Sunday, and fighting continued for a fifth day.",
		"Russia is prepared to mediate between the two former Soviet republics, Kremlin spokesman Dmitry Peskov said.",
		"The conflict over Nagorno-Karabakh has simmered since a war ended in 1994 with a ceasefire.",
		"At least 16 people have been killed, including an Azerbaijani general, officials said.",
		"The European Union urged both sides to show restraint and return to negotiations.",
	}
	words := 0
	for _, s := range sentences {
		words += len(strings.Fields(s))
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		for _, s := range sentences {
			FindTimexes(s, seedFriday)
		}
	}
	b.ReportMetric(float64(words*b.N)/b.Elapsed().Seconds(), "words/s")
}

// FuzzFindTimexes checks that any input gives well-formed, ordered,
// non-overlapping spans whose dates fit their precision.
func FuzzFindTimexes(f *testing.F) {
	for _, s := range []string{
		"on Sunday, July 12, 2020", "since the 1990s", "2020-07-12", "Sept. 31", "mid-", "the", "12th of",
		"last", "3 days ago", "July 12,000", "\xff\xfeMay 9", "in 2016-2017", "early the 1990s",
		"(2000-", "the night of", "from 1991 to", "April 2–", "New Year’", "a day after", "the summer",
	} {
		f.Add(s, int64(1594944000))
	}
	shape := map[string]int{PrecisionDay: 10, PrecisionMonth: 7, PrecisionYear: 4, PrecisionDecade: 4}
	f.Fuzz(func(t *testing.T, s string, unix int64) {
		pub := time.Unix(unix%(1<<34), 0).UTC()
		prevEnd := 0
		for _, tx := range FindTimexes(s, pub) {
			if tx.Start < prevEnd || tx.End <= tx.Start || tx.End > len(s) || s[tx.Start:tx.End] != tx.Text {
				t.Fatalf("bad span %d:%d after %d in %q", tx.Start, tx.End, prevEnd, s)
			}
			if n, ok := shape[tx.Precision]; !ok || len(tx.Date) != n {
				t.Fatalf("%q: date %q does not fit precision %q", tx.Text, tx.Date, tx.Precision)
			}
			prevEnd = tx.End
		}
	})
}

// TestTimexCues checks that every line of data/timex_cues.tsv has a kind the stage reads.
func TestTimexCues(t *testing.T) {
	read := len(timexCues.tense) + len(timexCues.count) + len(timexCues.holidays)
	if all := len(parseTSV(timexCuesTSV)); read != all {
		t.Errorf("timex_cues.tsv: %d of %d entries have a known kind", read, all)
	}
	if len(timexCues.holidays) == 0 || len(timexCues.count) == 0 || len(timexCues.tense) == 0 {
		t.Errorf("timex_cues.tsv: a kind has no entries: %d tense, %d count, %d holidays",
			len(timexCues.tense), len(timexCues.count), len(timexCues.holidays))
	}
}
