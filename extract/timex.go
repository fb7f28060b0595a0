package extract

import (
	"cmp"
	_ "embed"
	"slices"
	"strings"
	"time"
)

//go:embed data/timex_cues.tsv
var timexCuesTSV string

// Date precisions of a Timex (and of Fact.DatePrecision).
//
// PrecisionDecade is an addition to day, month and year: "the 1990s" is not a
// claim about 1990, so it keeps Date "1990" (the decade's first year, which
// still sorts correctly on a timeline) and says "decade" rather than
// pretending to a year it does not know.
const (
	PrecisionDay    = "day"
	PrecisionMonth  = "month"
	PrecisionYear   = "year"
	PrecisionDecade = "decade"
)

// Bounds of a four-digit number read as a year. Below minYear numbers are far
// more often counts ("1500 troops") than dates in news about modern conflicts.
const (
	minYear = 1800
	maxYear = 2199
)

// FindTimexes returns the time expressions of one sentence, resolved against
// the article's publication date the way news uses them, left to right and
// never overlapping.
//
// The resolution rules:
//
//  1. A weekday alone or with "on" is the latest such day on or before the
//     publication date: "on Sunday" in Friday 2020-07-17 is 2020-07-12, and
//     "Friday" that day is 2020-07-17. "last Friday" is 1–7 days back,
//     "next Friday" and "this Friday" 1–7 and 0–6 days ahead. A weekday right
//     after a capitalised word that is no date word ends a name ("Bloody
//     Sunday") and is no day.
//  2. A month without a year ("July 12", "in July", "on 10 November") takes the
//     publication year, or the year before when the month comes after the
//     publication month. "last July" is the latest July before the
//     publication month.
//  3. "yesterday", "today", "tomorrow", "last night" and "N days/weeks ago"
//     are days. "last week", "this week" and "next week" are months (the month
//     of the week's day seven days away from the publication date): a week
//     names no single day, and a day precision would claim one. "last/this/next
//     month", "earlier this month", "N months ago" are months; "last/this/next
//     year", "earlier this year", "N years ago" are years.
//  4. Four-digit numbers are years only where a year is expected: after "in",
//     "since", "during", "of", "by", "until", "from", "between", "before",
//     "after", "early", "late", "mid", "the", "'s", a season or a month, or after
//     "and"/"to"/a dash that follows a year. "17 lives", "30,000 lives" and
//     "1,000 troops" are never dates.
//  5. "the 1990s" is Date "1990" with PrecisionDecade.
//  6. The span includes a leading "on", "in", "during", "over" or "since";
//     "since" sets Since.
//  7. "two days later", "a week earlier", "a year later" count from the date
//     before them in the same sentence; "a day after" and "a day before" too,
//     but they date the event they introduce, so they count the other way
//     ("on Wednesday, a day after the offensive began" is Tuesday). Without
//     such a date they are left out.
//  8. A range is one expression dated by its start: "from April 2016 to March
//     2017" is 2016-04, "between 2014 and 2022" 2014, "April 2–5" April 2. Its
//     span holds the whole range, so that no fact takes its end for its date.
//  9. A four-digit number before a noun it counts (data/timex_cues.tsv:
//     "the 2000 soldiers") is no year.
//  10. Looking ahead. News looks back, so rules 1 and 2 do by default. A
//     weekday, or a month or day without a year, looks ahead instead when
//     the sentence does so at it: the tense cue nearest before it (up to a
//     comma, semicolon, colon or parenthesis), else the first after it,
//     decides. Future cues are "will", "would", "shall", "is due/expected/set
//     to", "plans/intends/aims to" …; past cues "said", "was", "had", "met" …
//     and any "-ed" word (all in data/timex_cues.tsv). Looking ahead, the
//     weekday is 0–6 days ahead and the date the first on or after the
//     publication date: "will meet on Monday" in Friday 2020-07-17 is
//     2020-07-20, "elections are due in June" 2021-06. A deadline ("by",
//     "until", "till", "before") with no cue (here "-ed" words do not count)
//     takes whichever of the past and the coming date is nearer: "dissolving
//     the institutions by January 1" in 2023-09-28 is 2024-01-01. "next week",
//     "next month" and "next year" look ahead whatever the sentence says. A
//     participle after "be" is no cue ("are due to be held on Thursday").
//  11. "early/late/mid" before a relative expression keep its date ("late
//     last month"). A season without a year ("in the summer") is a year: the
//     latest season of that name begun by the publication date, or looking
//     ahead the first not yet over. "over the weekend" is its Saturday, by
//     rule 1 or 10: a day precision one day off at most, unlike a week's.
//     "the night of 12 July" is the day named. Fixed holidays of
//     data/timex_cues.tsv ("New Year's Eve", "Christmas") are dates by rule 2
//     or 10 unless a year follows.
//
// With a zero published time only expressions that name their own year are
// returned. FindTimexes never fails: what it cannot read it leaves out.
func FindTimexes(sentence string, published time.Time) []Timex {
	if !mayHaveTimex(sentence) {
		return nil
	}
	var buf [64]ttok
	p := timexParser{s: sentence, toks: tokenizeTimex(sentence, buf[:0])}
	if !published.IsZero() {
		p.pubY, p.pubM, p.pubD = published.Date()
		p.pubWd = published.Weekday()
		p.hasPub = true
	}
	var out []Timex
	for i := 0; i < len(p.toks); {
		p.at = i
		end, r, ok := p.match(i)
		if !ok {
			i++
			continue
		}
		start := i
		// A preposition directly before belongs to the expression as written.
		if start > 0 && (len(out) == 0 || p.toks[start-1].start >= out[len(out)-1].End) {
			switch p.toks[start-1].kw.kind {
			case kwOn, kwIn, kwDuring, kwOver:
				start--
			case kwSince:
				start--
				r.since = true
			}
		}
		if rangeEnd, ok := p.rangeTo(start, end, r); ok {
			end = rangeEnd
			if start > 0 && p.isWord(start-1, "from", "between") {
				start--
			}
		}
		out = append(out, Timex{
			Start:     p.toks[start].start,
			End:       p.toks[end-1].end,
			Text:      sentence[p.toks[start].start:p.toks[end-1].end],
			Date:      r.format(),
			Precision: r.prec,
			Since:     r.since,
		})
		p.prevY, p.prevM, p.prevD = r.t.Date()
		p.prevPrec = r.prec
		i = end
	}
	return out
}

// rangeTo reads the end of a range whose first date r spans tokens start to end: "from
// April 2016 to March 2017", "between 2014 and 2022", "1991-1994", "April 2–5". It returns
// one past the range; the range keeps the first date (rule 8 of FindTimexes).
func (p *timexParser) rangeTo(start, end int, r resolved) (int, bool) {
	j := end
	switch {
	case p.isPunct(j, '-'):
	case p.isWord(j, "to", "until", "till", "through"):
		if !p.isWord(start-1, "from", "between") {
			return 0, false
		}
	case p.isWord(j, "and"):
		if !p.isWord(start-1, "between") {
			return 0, false
		}
	default:
		return 0, false
	}
	j++
	// "April 2–5": the second day shares the first's month.
	if d, ok := p.dayNum(j); ok && r.prec == PrecisionDay && d > r.t.Day() {
		if _, isMonth := p.month(j + 1); !isMonth {
			return j + 1, true
		}
	}
	if e, _, ok := p.match(j); ok {
		return e, true
	}
	return 0, false
}

// mayHaveTimex is the cheap pre-check: every expression FindTimexes reads
// contains a digit or a word whose first three letters are those of a month,
// a weekday, a season, a holiday or a relative word (yesterday, today, last,
// next, earlier, ago, weekend …; not "following" or "previous", which only
// count from another expression, nor "a day after", which does too),
// so most sentences without one are passed over in a single byte scan.
func mayHaveTimex(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '0' && c <= '9' {
			return true
		}
		if i+2 < len(s) && (i == 0 || !isWordByte(s[i-1])) && timexPrefixes[prefixKey(c, s[i+1], s[i+2])] {
			return true
		}
	}
	return false
}

// timexPrefixes marks the three-letter prefixes of the words that can anchor a
// time expression without a digit.
var timexPrefixes = buildTimexPrefixes()

func buildTimexPrefixes() *[26*26*26 + 1]bool {
	var t [26*26*26 + 1]bool
	for w, k := range timexKeywords {
		switch k.kind {
		case kwMonth, kwMonthAbbr, kwWeekday, kwYesterday, kwToday, kwTomorrow,
			kwLast, kwThis, kwNext, kwEarlier, kwLater, kwEdge, kwAgo, kwWeekend, kwHoliday, kwSeason:
			t[prefixKey(w[0], w[1], w[2])] = true
		}
	}
	return &t
}

// prefixKey maps three ASCII letters (either case) to an index of
// timexPrefixes, and anything else to the unused last slot.
func prefixKey(a, b, c byte) int {
	a, b, c = a|0x20, b|0x20, c|0x20
	if a < 'a' || a > 'z' || b < 'a' || b > 'z' || c < 'a' || c > 'z' {
		return 26 * 26 * 26
	}
	return (int(a-'a')*26+int(b-'a'))*26 + int(c-'a')
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// ttok is a token of the time-expression scanner: a word, a number or a single
// punctuation byte.
type ttok struct {
	start, end int
	kind       ttokKind
	kw         keyword   // for words; zero when the word plays no part in dates
	capital    bool      // a word starting with an upper-case letter
	num        int       // value of a plain number; -1 when it has separators or is too long
	digits     int       // number of digits of a plain number
	suffix     numSuffix // letters glued to a number
	punct      byte
}

type ttokKind uint8

// numSuffix classifies letters glued to a number. ttok holds no pointers, so
// the token buffer of FindTimexes stays on the stack.
type numSuffix uint8

const (
	sfxNone    numSuffix = iota
	sfxDecade            // "1990s"
	sfxOrdinal           // "12th", "1st", "2nd", "3rd"
	sfxOther             // "10km", "5pm"
)

const (
	tWord ttokKind = iota
	tNum
	tISO // YYYY-MM-DD
	tPunct
)

// tokenizeTimex splits s into ttoks, appending to dst.
func tokenizeTimex(s string, dst []ttok) []ttok {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0x93 || s[i+2] == 0x94):
			// An en or em dash joins like "-": "2014–2015", "April 2–5".
			dst = append(dst, ttok{start: i, end: i + 3, kind: tPunct, punct: '-'})
			i += 3
		case isWordByte(c):
			j := i + 1
			for j < len(s) && isWordByte(s[j]) {
				j++
			}
			dst = append(dst, ttok{start: i, end: j, kind: tWord, kw: lookupKeyword(s[i:j]), capital: c >= 'A' && c <= 'Z'})
			i = j
		case c >= '0' && c <= '9':
			dst = append(dst, scanNumber(s, i))
			i = dst[len(dst)-1].end
		default:
			dst = append(dst, ttok{start: i, end: i + 1, kind: tPunct, punct: c})
			i++
		}
	}
	return dst
}

// scanNumber reads the number starting at s[i]: digits with optional ","/"."
// groups (which make it a count, never a date), an ISO date, or digits with a
// glued suffix such as "1990s" or "12th".
func scanNumber(s string, i int) ttok {
	j := i
	for j < len(s) && isDigit(s[j]) {
		j++
	}
	t := ttok{start: i, end: j, kind: tNum, digits: j - i, num: -1}
	if t.digits <= 4 {
		t.num = atoi(s[i:j])
	}
	// ISO date: 4 digits, '-', 2 digits, '-', 2 digits, not followed by a digit.
	if t.digits == 4 && j+6 <= len(s) && s[j] == '-' && isDigit(s[j+1]) && isDigit(s[j+2]) &&
		s[j+3] == '-' && isDigit(s[j+4]) && isDigit(s[j+5]) && (j+6 == len(s) || !isDigit(s[j+6])) {
		t.kind, t.end = tISO, j+6
		return t
	}
	// Thousands separators and decimals: "30,000", "1.5".
	sep := false
	for j+1 < len(s) && (s[j] == ',' || s[j] == '.') && isDigit(s[j+1]) {
		sep = true
		j++
		for j < len(s) && isDigit(s[j]) {
			j++
		}
	}
	if sep {
		t.end, t.num, t.digits = j, -1, 0
		return t
	}
	k := j
	for k < len(s) && (s[k] >= 'a' && s[k] <= 'z') {
		k++
	}
	if k > j {
		t.end = k
		switch s[j:k] {
		case "s":
			t.suffix = sfxDecade
		case "st", "nd", "rd", "th":
			t.suffix = sfxOrdinal
		default:
			t.suffix = sfxOther
		}
	}
	return t
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

func atoi(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// keyword is what a word means to the time-expression grammar.
type keyword struct {
	val   int // month 1–12, weekday 0–6 (Sunday 0), season's first month, or the value of a number word
	kind  kwKind
	tense tenseCue // the word's tense cue (data/timex_cues.tsv), read in the same lookup
	count bool     // a noun a number before it counts
}

type kwKind uint8

const (
	kwNone kwKind = iota
	kwMonth
	kwMonthAbbr
	kwWeekday
	kwNumber // "a", "one" … "twelve": counts for "two days ago"
	kwYesterday
	kwToday // also "tonight"
	kwTomorrow
	kwLast
	kwThis
	kwNext
	kwEarlier   // "earlier this month", "two days earlier"
	kwLater     // "later this year", "two days later"
	kwFollowing // "the following day" (val 1), "the previous day" (val -1)
	kwWeekend
	kwOver    // "over the weekend"
	kwHoliday // first word of a holiday of data/timex_cues.tsv: "christmas", "new"
	kwEdge    // "early", "late", "mid": modifies a month or year without changing it
	kwAgo
	kwDay
	kwWeek
	kwMonthUnit
	kwYear
	kwNight   // "night"
	kwDayPart // "morning", "afternoon", "evening"
	kwSeason  // spring, summer, autumn, fall, winter
	kwOn
	kwIn
	kwSince
	kwDuring
	kwThe
	kwOf
	kwYearPrep // other words after which a four-digit number is a year: by, until, from, before …
	kwJoin     // "and", "to": a year after them is a year only when one precedes
)

// A tense cue says which way a sentence looks from the word it is read at (see direction).
type tenseCue uint8

const (
	cueNoTense tenseCue = iota
	cueFuture
	cueFutureBe
	cueFutureTo
	cuePast
	cueNotPast // an "-ed" word that is no past verb
)

// holiday is a fixed-date holiday: its lowercase name and its month and day.
type holiday struct {
	name       string
	month, day int
}

// timexCueSet is data/timex_cues.tsv parsed.
type timexCueSet struct {
	tense    map[string]tenseCue
	count    map[string]bool
	holidays []holiday // longest name first, so that "christmas eve" wins over "christmas"
}

var timexCues = parseTimexCues(timexCuesTSV)

// parseTimexCues reads the cue file; a line of an unknown kind is left out (the tests check
// that there is none).
func parseTimexCues(data string) timexCueSet {
	c := timexCueSet{tense: map[string]tenseCue{}, count: map[string]bool{}}
	tense := map[string]tenseCue{"future": cueFuture, "future-be": cueFutureBe, "future-to": cueFutureTo, "past": cuePast, "none": cueNotPast}
	for w, kind := range parseTSV(data) {
		if k, ok := tense[kind]; ok {
			c.tense[w] = k
			continue
		}
		if kind == "count" {
			c.count[w] = true
			continue
		}
		if m, d, ok := holidayDate(kind); ok {
			c.holidays = append(c.holidays, holiday{w, m, d})
		}
	}
	slices.SortFunc(c.holidays, func(a, b holiday) int { return cmp.Or(len(b.name)-len(a.name), strings.Compare(a.name, b.name)) })
	return c
}

// holidayDate reads "MM-DD".
func holidayDate(s string) (month, day int, ok bool) {
	if len(s) != 5 || s[2] != '-' || !isDigit(s[0]) || !isDigit(s[1]) || !isDigit(s[3]) || !isDigit(s[4]) {
		return 0, 0, false
	}
	month, day = atoi(s[:2]), atoi(s[3:])
	return month, day, month >= 1 && month <= 12 && day >= 1 && day <= 31
}

var timexKeywords = buildTimexKeywords()

func buildTimexKeywords() map[string]keyword {
	m := make(map[string]keyword, 96)
	for mo := time.January; mo <= time.December; mo++ {
		name := strings.ToLower(mo.String())
		m[name] = keyword{kind: kwMonth, val: int(mo)}
		if len(name) > 3 {
			m[name[:3]] = keyword{kind: kwMonthAbbr, val: int(mo)}
		}
	}
	m["may"] = keyword{kind: kwMonth, val: int(time.May)}
	m["sept"] = keyword{kind: kwMonthAbbr, val: int(time.September)}
	for wd := time.Sunday; wd <= time.Saturday; wd++ {
		m[strings.ToLower(wd.String())] = keyword{kind: kwWeekday, val: int(wd)}
	}
	for v, w := range []string{"", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"} {
		if w != "" {
			m[w] = keyword{kind: kwNumber, val: v}
		}
	}
	m["a"] = keyword{kind: kwNumber, val: 1}
	m["an"] = keyword{kind: kwNumber, val: 1}
	simple := map[kwKind][]string{
		kwYesterday: {"yesterday"},
		kwToday:     {"today", "tonight"},
		kwTomorrow:  {"tomorrow"},
		kwLast:      {"last"},
		kwThis:      {"this"},
		kwNext:      {"next", "coming"},
		kwEarlier:   {"earlier"},
		kwLater:     {"later"},
		kwWeekend:   {"weekend"},
		kwOver:      {"over"},
		kwEdge:      {"early", "late", "mid"},
		kwAgo:       {"ago"},
		kwDay:       {"day", "days"},
		kwWeek:      {"week", "weeks"},
		kwMonthUnit: {"month", "months"},
		kwYear:      {"year", "years"},
		kwNight:     {"night"},
		kwDayPart:   {"morning", "afternoon", "evening"},
		kwOn:        {"on"},
		kwIn:        {"in"},
		kwSince:     {"since"},
		kwDuring:    {"during"},
		kwThe:       {"the"},
		kwOf:        {"of"},
		kwYearPrep:  {"by", "until", "till", "from", "between", "before", "after", "through", "throughout", "around", "circa", "as"},
		kwJoin:      {"and", "to", "or"},
	}
	for k, words := range simple {
		for _, w := range words {
			m[w] = keyword{kind: k}
		}
	}
	// A season's value is the month it starts in.
	for w, start := range map[string]int{"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12} {
		m[w] = keyword{kind: kwSeason, val: start}
	}
	m["following"] = keyword{kind: kwFollowing, val: 1}
	m["previous"] = keyword{kind: kwFollowing, val: -1}
	for _, h := range timexCues.holidays {
		first, _, _ := strings.Cut(h.name, " ")
		m[first] = keyword{kind: kwHoliday}
	}
	for w, c := range timexCues.tense {
		k := m[w]
		k.tense = c
		m[w] = k
	}
	for w := range timexCues.count {
		k := m[w]
		k.count = true
		m[w] = k
	}
	return m
}

// lookupKeyword lower-cases w into a stack buffer so that the map lookup
// does not allocate.
func lookupKeyword(w string) keyword {
	if len(w) > 12 {
		return keyword{}
	}
	var b [12]byte
	return timexKeywords[string(lower(b[:0], w))]
}

// resolved is a date under construction.
type resolved struct {
	t     time.Time
	prec  string
	since bool
}

func (r resolved) format() string {
	switch r.prec {
	case PrecisionDay:
		return r.t.Format("2006-01-02")
	case PrecisionMonth:
		return r.t.Format("2006-01")
	default: // year, and decade, whose t is the decade's first year
		return r.t.Format("2006")
	}
}

type timexParser struct {
	s    string
	toks []ttok
	// The publication date, kept as numbers rather than a time.Time: a
	// Time's location pointer would make the token buffer escape to the heap.
	pubY   int
	pubM   time.Month
	pubD   int
	pubWd  time.Weekday
	hasPub bool
	// The date of the expression before, which "a day after" and "two days later" count from.
	// Numbers again; prevPrec is only compared, never passed on, or it too
	// would carry the buffer to the heap.
	prevY    int
	prevM    time.Month
	prevD    int
	prevPrec string // "" before the first expression
	at       int    // first token of the expression being read
}

// isWord reports whether token i is one of the lowercase words ws, in any case.
func (p *timexParser) isWord(i int, ws ...string) bool {
	t := p.tok(i)
	if t.kind != tWord {
		return false
	}
	for _, w := range ws {
		if strings.EqualFold(p.s[t.start:t.end], w) {
			return true
		}
	}
	return false
}

// dayOff is the publication date moved by off days.
func (p *timexParser) dayOff(off int) time.Time {
	return time.Date(p.pubY, p.pubM, p.pubD+off, 0, 0, 0, 0, time.UTC)
}

func (p *timexParser) tok(i int) ttok {
	if i < 0 || i >= len(p.toks) {
		return ttok{kind: tPunct}
	}
	return p.toks[i]
}

func (p *timexParser) isKw(i int, k kwKind) bool {
	t := p.tok(i)
	return t.kind == tWord && t.kw.kind == k
}

func (p *timexParser) isPunct(i int, c byte) bool {
	t := p.tok(i)
	return t.kind == tPunct && t.punct == c
}

// year reports whether token i is a plain four-digit number in the year range.
func (p *timexParser) year(i int) (int, bool) {
	t := p.tok(i)
	if t.kind == tNum && t.digits == 4 && t.suffix == sfxNone && t.num >= minYear && t.num <= maxYear {
		return t.num, true
	}
	return 0, false
}

// dayNum reports whether token i is a day of the month: "12", "12th".
func (p *timexParser) dayNum(i int) (int, bool) {
	t := p.tok(i)
	if t.kind != tNum || t.digits == 0 || t.digits > 2 || t.num < 1 || t.num > 31 {
		return 0, false
	}
	if t.suffix == sfxNone || t.suffix == sfxOrdinal {
		return t.num, true
	}
	return 0, false
}

// month reports whether token i is a month name written as one: capitalised,
// abbreviations only with a "." or a number after them.
func (p *timexParser) month(i int) (int, bool) {
	t := p.tok(i)
	if t.kind != tWord || !t.capital {
		return 0, false
	}
	switch t.kw.kind {
	case kwMonth:
		return t.kw.val, true
	case kwMonthAbbr:
		if p.isPunct(i+1, '.') || p.tok(i+1).kind == tNum {
			return t.kw.val, true
		}
	}
	return 0, false
}

// monthEnd is one past the month name at i, taking an abbreviation's dot.
func (p *timexParser) monthEnd(i int) int {
	if p.tok(i).kw.kind == kwMonthAbbr && p.isPunct(i+1, '.') {
		return i + 2
	}
	return i + 1
}

// day builds a calendar date, refusing what time.Date would normalise
// ("February 30", month 13).
func day(y int, m time.Month, d int) (time.Time, bool) {
	t := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return t, t.Day() == d && t.Month() == m && t.Year() == y
}

// yearOf is the year of a month, and of a day of it when d > 0, named without
// one (rules 2 and 10): looking back, the publication year unless the month
// lies after the publication month; looking ahead, the first such date on or
// after the publication date; towards a deadline without a cue, whichever of
// the two lies nearer.
func (p *timexParser) yearOf(m, d int) int {
	back := p.pubY
	if m > int(p.pubM) {
		back--
	}
	dir := p.direction()
	if dir < 0 {
		return back
	}
	fwd := p.pubY
	if m < int(p.pubM) || m == int(p.pubM) && d > 0 && d < p.pubD {
		fwd++
	}
	if dir > 0 || fwd == back {
		return fwd
	}
	pub, dd := p.dayOff(0), max(d, 1)
	if time.Date(fwd, time.Month(m), dd, 0, 0, 0, 0, time.UTC).Sub(pub) < pub.Sub(time.Date(back, time.Month(m), dd, 0, 0, 0, 0, time.UTC)) {
		return fwd
	}
	return back
}

// direction says which way the expression being read looks from the
// publication date (rule 10): 1 ahead, -1 back, 0 towards the nearer date.
func (p *timexParser) direction() int {
	deadline := p.isWord(p.at-1, "by", "until", "till", "before")
	if t := p.tense(deadline); t != 0 {
		return t
	}
	if deadline {
		return 0
	}
	return -1
}

// tense reads the tense cue nearest before the expression, up to a comma, a
// semicolon, a colon or a parenthesis; failing that the first one after it.
// It returns 1 for a future cue, -1 for a past one and 0 for none. strong
// leaves out the "-ed" words: a deadline is looked back on only with "was",
// "had" and their like ("signed a decree dissolving the institutions by
// January 1" sets a date to come).
func (p *timexParser) tense(strong bool) int {
	for j := p.at - 1; j >= 0; j-- {
		if t := p.toks[j]; t.kind == tPunct && (t.punct == ',' || t.punct == ';' || t.punct == ':' || t.punct == '(') {
			break
		}
		if c := p.tenseAt(j, strong); c != 0 {
			return c
		}
	}
	for j := p.at + 1; j < len(p.toks); j++ {
		if c := p.tenseAt(j, strong); c != 0 {
			return c
		}
	}
	return 0
}

// tenseAt is the tense cue of token i (data/timex_cues.tsv): 1, -1 or 0.
func (p *timexParser) tenseAt(i int, strong bool) int {
	t := p.toks[i]
	if t.kind != tWord {
		return 0
	}
	switch t.kw.tense {
	case cueFuture:
		return 1
	case cueFutureBe:
		if p.isWord(i-1, "is", "are", "was", "were", "be", "been") {
			return 1
		}
		return 0
	case cueFutureTo:
		if p.isWord(i+1, "to") {
			return 1
		}
		return 0
	case cueNotPast:
		return 0
	case cuePast:
	default:
		if w := p.s[t.start:t.end]; strong || t.capital || len(w) < 5 || !strings.HasSuffix(w, "ed") {
			return 0
		}
	}
	// A participle after "be" takes its tense from what comes before: "are due to be held".
	if p.isWord(i-1, "be", "been", "being") {
		return 0
	}
	return -1
}

// match tries every pattern at token i and returns one past its last token.
func (p *timexParser) match(i int) (int, resolved, bool) {
	if i >= len(p.toks) {
		return 0, resolved{}, false // the end of a range or a "night of" that never came
	}
	t := p.toks[i]
	switch t.kind {
	case tISO:
		s := p.s[t.start:t.end]
		if d, ok := day(atoi(s[:4]), time.Month(atoi(s[5:7])), atoi(s[8:10])); ok {
			return i + 1, resolved{t: d, prec: PrecisionDay}, true
		}
	case tNum:
		return p.matchNumber(i)
	case tWord:
		if t.kw.kind != kwNone {
			return p.matchWord(i)
		}
	}
	return 0, resolved{}, false
}

func (p *timexParser) matchNumber(i int) (int, resolved, bool) {
	// "12 July 2020", "10th of November", "on 10 November".
	if d, ok := p.dayNum(i); ok {
		j := i + 1
		if p.isKw(j, kwOf) {
			j++
		}
		if m, ok := p.month(j); ok {
			j = p.monthEnd(j)
			return p.dayMonth(j, d, m)
		}
	}
	// "the 1990s" without "the" ("1990s"); "the" is handled in matchWord.
	if end, r, ok := p.decade(i); ok {
		return end, r, true
	}
	// "2–5 April": a range of days in one month dates from its first.
	if d, ok := p.dayNum(i); ok && p.isPunct(i+1, '-') {
		if d2, ok := p.dayNum(i + 2); ok && d2 > d {
			if m, ok := p.month(i + 3); ok {
				return p.dayMonth(p.monthEnd(i+3), d, m)
			}
		}
	}
	// "3 days ago", "3 days later".
	if t := p.toks[i]; t.suffix == sfxNone && t.num > 0 && t.digits <= 3 {
		if end, r, ok := p.matchCount(i, t.num); ok {
			return end, r, true
		}
	}
	y, ok := p.year(i)
	if !ok || !p.yearContext(i) || p.counted(i+1) {
		return 0, resolved{}, false
	}
	return i + 1, resolved{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionYear}, true
}

// dayMonth finishes a date whose day and month are read and end before j,
// taking an optional ", YYYY" or "YYYY".
func (p *timexParser) dayMonth(j, d, m int) (int, resolved, bool) {
	k := j
	if p.isPunct(k, ',') {
		k++
	}
	if y, ok := p.year(k); ok {
		if t, ok := day(y, time.Month(m), d); ok {
			return k + 1, resolved{t: t, prec: PrecisionDay}, true
		}
		return 0, resolved{}, false
	}
	if !p.hasPub {
		return 0, resolved{}, false
	}
	if t, ok := day(p.yearOf(m, d), time.Month(m), d); ok {
		return j, resolved{t: t, prec: PrecisionDay}, true
	}
	return 0, resolved{}, false
}

// decade reads "1990s" at i.
func (p *timexParser) decade(i int) (int, resolved, bool) {
	t := p.tok(i)
	if t.kind == tNum && t.digits == 4 && t.suffix == sfxDecade && t.num%10 == 0 && t.num >= minYear && t.num <= maxYear {
		return i + 1, resolved{t: time.Date(t.num, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionDecade}, true
	}
	return 0, resolved{}, false
}

// yearContext reports whether the four-digit number at i stands where a
// year is expected (rule 4 of FindTimexes).
func (p *timexParser) yearContext(i int) bool {
	prev := p.tok(i - 1)
	if prev.kind == tPunct && (prev.punct == '-' || prev.punct == '(') {
		// "mid-2016", "2014-2015", "(2016)": a year when joined to another year or to "mid".
		if _, ok := p.year(i - 2); ok || p.isKw(i-2, kwEdge) || prev.punct == '(' {
			return true
		}
		return false
	}
	if prev.kind != tWord {
		return false
	}
	// "Ukraine's 2019 election", "Ukraine’s 2019 election".
	if w := p.s[prev.start:prev.end]; w == "s" && p.isPunct(i-2, '\'') || strings.HasSuffix(w, "’s") {
		return true
	}
	switch prev.kw.kind {
	case kwIn, kwSince, kwDuring, kwOf, kwYearPrep, kwEdge, kwSeason, kwThe, kwMonth, kwMonthAbbr:
		return true
	case kwJoin:
		_, ok := p.year(i - 2)
		return ok
	}
	return false
}

func (p *timexParser) matchWord(i int) (int, resolved, bool) {
	t := p.toks[i]
	switch t.kw.kind {
	case kwMonth, kwMonthAbbr:
		return p.matchMonth(i)
	case kwWeekday:
		return p.matchWeekday(i, 0)
	case kwThe:
		// "the 1990s", "the summer of 2016"; "the 2016 war" is read at the number.
		if end, r, ok := p.decade(i + 1); ok {
			return end, r, true
		}
		if p.isKw(i+1, kwSeason) {
			return p.matchSeason(i + 1)
		}
		// "the night of 12 July", "the morning of July 12".
		if (p.isKw(i+1, kwNight) || p.isKw(i+1, kwDayPart)) && p.isKw(i+2, kwOf) {
			if end, r, ok := p.match(i + 3); ok && r.prec == PrecisionDay {
				return end, r, true
			}
			return 0, resolved{}, false
		}
		if !p.hasPub {
			return 0, resolved{}, false
		}
		// "the weekend", "the following day", "the next day", "the previous day".
		switch n := p.tok(i + 1); {
		case n.kw.kind == kwWeekend:
			return i + 2, resolved{t: p.dayOff(p.weekdayOff(int(time.Saturday), 0)), prec: PrecisionDay}, true
		case (n.kw.kind == kwFollowing || n.kw.kind == kwNext) && p.isKw(i+2, kwDay):
			return p.fromPrev(i+3, kwDay, max(n.kw.val, 1))
		}
	case kwSeason:
		return p.matchSeason(i)
	case kwHoliday:
		return p.matchHoliday(i)
	case kwEdge:
		return p.matchEdge(i)
	case kwNumber:
		return p.matchCount(i, t.kw.val)
	}
	if !p.hasPub {
		return 0, resolved{}, false
	}
	return p.matchRelative(i)
}

// matchMonth reads "July 12[, 2020]", "July 2020", "July" at i.
func (p *timexParser) matchMonth(i int) (int, resolved, bool) {
	m, ok := p.month(i)
	if !ok {
		return 0, resolved{}, false
	}
	j := p.monthEnd(i)
	if d, ok := p.dayNum(j); ok {
		// "July 2020" has no day; "July 12" must not run into "July 12,000".
		return p.dayMonth(j+1, d, m)
	}
	if y, ok := p.year(j); ok {
		return j + 1, resolved{t: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}, true
	}
	if p.isPunct(j, ',') {
		if y, ok := p.year(j + 1); ok {
			return j + 2, resolved{t: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}, true
		}
	}
	if !p.hasPub {
		return 0, resolved{}, false
	}
	// A bare month. "May" and "March" are also a verb and a noun, and an
	// abbreviation alone is too weak: they need a date word before them.
	w := p.toks[i]
	if w.kw.kind == kwMonthAbbr || m == int(time.May) || m == int(time.March) {
		switch p.tok(i - 1).kw.kind {
		case kwIn, kwSince, kwDuring, kwOf, kwYearPrep:
		default:
			return 0, resolved{}, false
		}
	}
	return j, resolved{t: time.Date(p.yearOf(m, 0), time.Month(m), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}, true
}

// matchWeekday reads "Sunday" at i (rule 1). dir is -1 after "last", +1 after
// "next", 2 after "this", 0 alone. An explicit date right after it
// ("Sunday, July 12") wins over the weekday arithmetic.
func (p *timexParser) matchWeekday(i, dir int) (int, resolved, bool) {
	t := p.toks[i]
	if !t.capital {
		return 0, resolved{}, false
	}
	// "Bloody Sunday", "Black Friday": a name that ends in a weekday names no day.
	if prev := p.tok(i - 1); prev.kind == tWord && prev.capital && prev.kw.kind == kwNone {
		return 0, resolved{}, false
	}
	j := i + 1
	if p.isPunct(j, ',') {
		j++
	}
	if p.tok(j).kind == tWord {
		if end, r, ok := p.matchMonth(j); ok && r.prec == PrecisionDay {
			return end, r, true
		}
	} else if d, ok := p.dayNum(j); ok {
		if m, ok := p.month(j + 1); ok {
			if end, r, ok := p.dayMonth(p.monthEnd(j+1), d, m); ok {
				return end, r, true
			}
		}
	}
	if !p.hasPub {
		return 0, resolved{}, false
	}
	off := p.weekdayOff(t.kw.val, dir)
	end := i + 1
	if p.isKw(end, kwNight) || p.isKw(end, kwDayPart) {
		end++
	}
	return end, resolved{t: p.dayOff(off), prec: PrecisionDay}, true
}

// weekdayOff is the offset in days from the publication date of weekday wd:
// dir is -1 after "last", 1 after "next", 2 after "this", 0 alone (rules 1
// and 10).
func (p *timexParser) weekdayOff(wd, dir int) int {
	diff := (int(p.pubWd) - wd + 7) % 7 // days back to the latest such weekday
	ahead := (7 - diff) % 7
	switch dir {
	case -1:
		if diff == 0 {
			return -7
		}
		return -diff
	case 1:
		if ahead == 0 {
			return 7
		}
		return ahead
	case 2:
		return ahead
	}
	switch p.direction() {
	case 1:
		return ahead
	case 0:
		if ahead < diff {
			return ahead
		}
	}
	return -diff
}

// matchHoliday reads a fixed-date holiday of data/timex_cues.tsv at i,
// capitalised, with or without a year: "New Year's Eve", "Christmas 2019".
func (p *timexParser) matchHoliday(i int) (int, resolved, bool) {
	if !p.toks[i].capital {
		return 0, resolved{}, false
	}
	for _, h := range timexCues.holidays {
		n, ok := prefixFold(p.s[p.toks[i].start:], h.name)
		if !ok {
			continue
		}
		end := i
		for end < len(p.toks) && p.toks[end].end <= p.toks[i].start+n {
			end++
		}
		if end == i || p.toks[end-1].end != p.toks[i].start+n {
			continue // the name ends inside a word: "Christmastide"
		}
		return p.dayMonth(end, h.day, h.month)
	}
	return 0, resolved{}, false
}

// prefixFold reports whether s starts with name, ignoring ASCII case and
// reading an apostrophe of name as "'" or "’", and how many bytes of s it took.
func prefixFold(s, name string) (int, bool) {
	j := 0
	for i := 0; i < len(name); i++ {
		switch {
		case name[i] == '\'' && strings.HasPrefix(s[j:], "’"):
			j += len("’")
			continue
		case j >= len(s):
			return 0, false
		}
		c := s[j]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != name[i] {
			return 0, false
		}
		j++
	}
	return j, true
}

// matchSeason reads "summer 2016", "summer of 2016" at i, a year at the
// precision of a year (a season's months are as uncertain as its days). A
// season without a year needs "the", "in", "during", "over" or "since"
// before it and no "of" after it ("the fall of Shusha"), and is the latest that has begun by the publication date ("in the
// summer" of an article of March 2021 is 2020), or looking ahead the first
// not yet over (rule 10); a winter has the year it begins in.
func (p *timexParser) matchSeason(i int) (int, resolved, bool) {
	j := i + 1
	if p.isKw(j, kwOf) {
		j++
	}
	if y, ok := p.year(j); ok {
		return j + 1, resolved{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionYear}, true
	}
	// "the fall of Shusha" is no autumn.
	if j > i+1 {
		return 0, resolved{}, false
	}
	switch p.tok(i - 1).kw.kind {
	case kwThe, kwIn, kwDuring, kwOver, kwSince:
	default:
		return 0, resolved{}, false
	}
	if !p.hasPub {
		return 0, resolved{}, false
	}
	start, pub := p.toks[i].kw.val, int(p.pubM)
	y := p.pubY
	if p.direction() > 0 {
		// The first whose last month (start+2) is not yet past.
		switch {
		case (p.pubY-1)*12+start+2 >= p.pubY*12+pub:
			y--
		case start+2 < pub:
			y++
		}
	} else if start > pub {
		y--
	}
	return i + 1, resolved{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionYear}, true
}

// matchEdge reads "early 2016", "late July", "mid-2016", "late 1990s": the
// modifier belongs to the span but not to the date.
func (p *timexParser) matchEdge(i int) (int, resolved, bool) {
	j := i + 1
	if p.isPunct(j, '-') {
		j++
	}
	if end, r, ok := p.decade(j); ok {
		return end, r, true
	}
	if p.isKw(j, kwThe) {
		if end, r, ok := p.decade(j + 1); ok {
			return end, r, true
		}
	}
	if y, ok := p.year(j); ok {
		return j + 1, resolved{t: time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionYear}, true
	}
	if _, ok := p.month(j); ok {
		return p.matchMonth(j)
	}
	// "late last month", "early next year".
	if p.hasPub {
		switch p.tok(j).kw.kind {
		case kwLast, kwThis, kwNext:
			return p.matchRelative(j)
		}
	}
	return 0, resolved{}, false
}

// matchRelative reads expressions relative to the publication date (rule 3).
func (p *timexParser) matchRelative(i int) (int, resolved, bool) {
	dayAt := func(end, off int) (int, resolved, bool) {
		return end, resolved{t: p.dayOff(off), prec: PrecisionDay}, true
	}
	monthAt := func(end, off int) (int, resolved, bool) {
		return end, resolved{t: time.Date(p.pubY, p.pubM+time.Month(off), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}, true
	}
	yearAt := func(end, off int) (int, resolved, bool) {
		return end, resolved{t: time.Date(p.pubY+off, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionYear}, true
	}
	weekAt := func(end, off int) (int, resolved, bool) {
		d := p.dayOff(7 * off)
		return end, resolved{t: time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}, true
	}
	t := p.toks[i]
	switch t.kw.kind {
	case kwYesterday:
		return dayAt(i+1, -1)
	case kwToday:
		return dayAt(i+1, 0)
	case kwTomorrow:
		return dayAt(i+1, 1)
	case kwLast, kwThis, kwNext:
		dir := 0
		switch t.kw.kind {
		case kwLast:
			dir = -1
		case kwNext:
			dir = 1
		}
		n := p.tok(i + 1)
		if n.kind != tWord {
			return 0, resolved{}, false
		}
		switch n.kw.kind {
		case kwNight:
			if dir == -1 {
				return dayAt(i+2, -1)
			}
		case kwDayPart:
			if dir == 0 {
				return dayAt(i+2, 0)
			}
		case kwWeek:
			return weekAt(i+2, dir)
		case kwMonthUnit:
			return monthAt(i+2, dir)
		case kwYear:
			return yearAt(i+2, dir)
		case kwWeekday:
			if dir == 0 {
				return p.matchWeekday(i+1, 2)
			}
			return p.matchWeekday(i+1, dir)
		case kwWeekend:
			if dir == 0 {
				dir = 2
			}
			return dayAt(i+2, p.weekdayOff(int(time.Saturday), dir))
		case kwMonth:
			m, ok := p.month(i + 1)
			if !ok {
				return 0, resolved{}, false
			}
			y := p.pubY
			switch {
			case dir == -1 && m >= int(p.pubM):
				y--
			case dir == 1 && m <= int(p.pubM):
				y++
			}
			return i + 2, resolved{t: time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}, true
		}
	case kwEarlier, kwLater:
		// "earlier this month", "later this year".
		if p.isKw(i+1, kwThis) {
			switch {
			case p.isKw(i+2, kwMonthUnit):
				return monthAt(i+3, 0)
			case p.isKw(i+2, kwYear):
				return yearAt(i+3, 0)
			case p.isKw(i+2, kwWeek):
				return weekAt(i+3, 0)
			}
		}
	}
	return 0, resolved{}, false
}

// matchCount reads a count of days, weeks, months or years at i (its value n) and the word
// after it that says from when:
//
//   - "two days ago" counts back from the publication date;
//   - "two days later" and "two days earlier" count from the date before them in the sentence
//     (rule 7): the clause they end happened that much later or earlier;
//   - "a day after" and "a day before" also count from the date before them, and date the
//     event they introduce: in "on Wednesday, a day after Azerbaijan launched an offensive"
//     the offensive was on Tuesday, so "after" counts back and "before" forwards.
//
// Without a date before them the last four are left out: they say nothing on their own.
func (p *timexParser) matchCount(i, n int) (int, resolved, bool) {
	unit := p.tok(i + 1)
	if unit.kind != tWord {
		return 0, resolved{}, false
	}
	switch unit.kw.kind {
	case kwDay, kwWeek, kwMonthUnit, kwYear:
	default:
		return 0, resolved{}, false
	}
	if unit.kw.kind == kwWeek {
		n *= 7
	}
	w := i + 2
	switch {
	case p.isKw(w, kwAgo):
		if !p.hasPub {
			return 0, resolved{}, false
		}
		return w + 1, addUnits(p.dayOff(0), unit.kw.kind, -n), true
	case p.isKw(w, kwLater), p.isWord(w, "before"):
		return p.fromPrev(w+1, unit.kw.kind, n)
	case p.isKw(w, kwEarlier), p.isWord(w, "after"):
		return p.fromPrev(w+1, unit.kw.kind, -n)
	}
	return 0, resolved{}, false
}

// fromPrev moves the date before the expression by n units, when it is precise enough to
// count that unit from: days need a day, months a month.
func (p *timexParser) fromPrev(end int, unit kwKind, n int) (int, resolved, bool) {
	switch prec := p.prevPrec; {
	case prec == "" || prec == PrecisionDecade,
		(unit == kwDay || unit == kwWeek) && prec != PrecisionDay,
		unit == kwMonthUnit && prec == PrecisionYear:
		return 0, resolved{}, false
	}
	return end, addUnits(time.Date(p.prevY, p.prevM, p.prevD, 0, 0, 0, 0, time.UTC), unit, n), true
}

// addUnits moves t by n days (unit kwDay or kwWeek, n already in days), months or years, at
// the precision the unit allows: "a year later" than a day is a year.
func addUnits(t time.Time, unit kwKind, n int) resolved {
	switch unit {
	case kwMonthUnit:
		return resolved{t: time.Date(t.Year(), t.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC), prec: PrecisionMonth}
	case kwYear:
		return resolved{t: time.Date(t.Year()+n, 1, 1, 0, 0, 0, 0, time.UTC), prec: PrecisionYear}
	}
	return resolved{t: t.AddDate(0, 0, n), prec: PrecisionDay}
}

// counted reports whether token i is a noun a number before it counts ("the 2000 soldiers").
func (p *timexParser) counted(i int) bool {
	t := p.tok(i)
	return t.kind == tWord && t.kw.count
}

// lower appends the ASCII lower case of w to dst.
func lower(dst []byte, w string) []byte {
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst
}
