package extract

import (
	"bufio"
	_ "embed"
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Clean reduces scraped article text to its body paragraphs, joined by "\n\n".
//
// It normalises whitespace (odd Unicode spaces become spaces, zero-width characters and
// control characters go, runs of spaces collapse; curly quotes are kept) and rejoins lines
// that were hard-wrapped inside a paragraph. It then drops the page furniture around the
// body, recognised by its shape rather than by any one site's wording:
//   - headlines, section labels and subheadings: short lines that do not end a sentence,
//     and title-case lines;
//   - bylines ("By AFP") and captions, known by the photo credit that ends them
//     ("… Aziz Karimov / AP / TASS", "… Photo: Jane Doe for Example News");
//   - lines matching data/boilerplate.txt: banners, sharing prompts, subscription and
//     donation appeals;
//   - the appeal that ends many pages: paragraphs that speak to the reader as "we" to
//     "you", and plain paragraphs caught between two appeal paragraphs;
//   - "Read more" lists: the opening line and the labels, headlines and teasers after it;
//   - lines that repeat an earlier paragraph, or a sentence of another paragraph.
//
// Every reader passes its body text through Clean, so Article.Text always has this form.
func Clean(text string) string {
	return cleanUnits(splitUnits(normaliseSpace(text)))
}

// cleanUnits drops the furniture among units and joins the rest as paragraphs.
func cleanUnits(units []unit) string {
	dropFurniture(units)
	var out []string
	for _, u := range units {
		if !u.drop {
			out = append(out, u.text)
		}
	}
	return strings.Join(out, "\n\n")
}

// unitKind is what a line of scraped text looks like.
type unitKind int

const (
	kindProse   unitKind = iota // a paragraph of the body, as far as its shape tells
	kindHeading                 // headline, section label or subheading
	kindByline                  // "By AFP", "By Jane Doe and John Roe"
	kindBoiler                  // a banner or prompt from data/boilerplate.txt, a caption, a line without letters
	kindAppeal                  // a subscription or donation appeal ("any" rules)
	kindRelated                 // "Read more", "Related": opens a list of other articles
)

// unit is one line (or rejoined hard-wrapped paragraph) of the text.
type unit struct {
	text string
	kind unitKind
	drop bool
}

// Line lengths, in words, that tell furniture from prose. Real headlines run to about 15
// words, so a longer line without a full stop is prose whose final punctuation the
// scraper lost, unless it is in title case.
const (
	shortWords   = 12 // the most words of a banner, label or "Read more" line
	headingWords = 15 // the most words of a heading not in title case
	titleWords   = 25 // the most words of a title-case headline
)

// normaliseSpace makes line breaks "\n", turns Unicode spaces and tabs into plain spaces,
// drops zero-width and control characters, collapses runs of spaces and trims each line.
func normaliseSpace(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
			space = false
			continue
		case r == '\u200b' || r == '\u200d' || r == '\u2060' || r == '\ufeff' || r == '\u00ad':
			continue // zero-width characters and soft hyphens carry nothing a reader sees
		case unicode.IsSpace(r):
			space = true
			continue
		case unicode.IsControl(r):
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	lines := strings.Split(b.String(), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return strings.Join(lines, "\n")
}

// splitUnits splits normalised text into classified units: one per line, except that
// lines hard-wrapped inside a paragraph are joined again. In text that is hard-wrapped
// throughout (see isHardWrapped), a line break between two lines of prose never ends a
// paragraph, even after a full stop.
func splitUnits(text string) []unit {
	lines := strings.Split(text, "\n")
	wrapped := isHardWrapped(lines)
	var units []unit
	adjacent := false // the previous line is the last unit and no blank line follows it
	prevOpen := false // the previous line is prose that did not end its sentence
	for _, line := range lines {
		if line == "" {
			adjacent, prevOpen = false, false
			continue
		}
		if adjacent {
			last := &units[len(units)-1]
			if prevOpen && wrapsOnto(last.text, line) ||
				wrapped && last.kind == kindProse && !hasCredit(line) && continuesProse(line) {
				last.text += " " + line
				last.kind = classify(last.text)
				prevOpen = last.kind == kindProse && !endsSentence(last.text)
				continue
			}
		}
		adjacent = true
		if hasCredit(line) {
			units = append(units, unit{text: line, kind: kindBoiler})
			prevOpen = false
			continue
		}
		u := unit{text: line, kind: classify(line)}
		units = append(units, u)
		prevOpen = u.kind != kindByline && u.kind != kindBoiler && !endsSentence(line)
	}
	return units
}

// isHardWrapped reports whether text was wrapped at a fixed width: it has at least three
// lines longer than 40 bytes, and nine in ten of them are at most 80 bytes long. Scraped
// pages put each paragraph on one line, and most paragraphs are longer than that.
func isHardWrapped(lines []string) bool {
	long, short := 0, 0
	for _, l := range lines {
		if len(l) <= 40 {
			continue
		}
		long++
		if len(l) <= 80 {
			short++
		}
	}
	return long >= 3 && short*10 >= long*9
}

// continuesProse reports whether line reads as more of a paragraph rather than a label or
// heading of its own.
func continuesProse(line string) bool {
	r, _ := utf8.DecodeRuneInString(line)
	return unicode.IsLower(r) || classify(line) == kindProse || len(line) > 40 && !isTitleCase(line)
}

// wrapsOnto reports whether next continues the paragraph prev was hard-wrapped from: prev
// breaks off mid-sentence and next starts in lower case, or prev is as long as a wrapped
// line of prose and is not a title-case heading.
func wrapsOnto(prev, next string) bool {
	r, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(r) {
		return true
	}
	return len(prev) >= 50 && !isTitleCase(prev)
}

// dropFurniture marks every unit that is not body text.
func dropFurniture(units []unit) {
	for i := range units {
		if units[i].kind != kindProse {
			units[i].drop = true
		}
	}
	dropRelatedLists(units)
	dropAppealTail(units)
	dropRepeats(units)
}

// dropRelatedLists drops each "Read more" list: the opening line, then labels, headlines
// and banners, and each prose teaser that directly follows a headline. The list ends at
// the first prose paragraph that no headline introduces: the body going on, or an appeal.
func dropRelatedLists(units []unit) {
	for i := 0; i < len(units); i++ {
		if units[i].kind != kindRelated {
			continue
		}
		afterHeading := false
		for ; i+1 < len(units); i++ {
			k := units[i+1].kind
			if k == kindProse {
				if !afterHeading {
					break
				}
				units[i+1].drop = true
			}
			afterHeading = k == kindHeading
		}
	}
}

// dropAppealTail drops the appeal that closes many pages. Scanning back from the end of
// the page, past furniture, it drops each plain paragraph that speaks to the reader as
// "we" to "you" outside any quotation (news prose reports in the third person), and each
// plain paragraph caught between two appeal paragraphs: appeals run over several
// paragraphs and only some of them use the words that mark them ("The … team has been
// first with the big stories" between "Independent journalism isn't dead" and "Please
// consider making a donation"). The first paragraph that is neither ends the appeal.
func dropAppealTail(units []unit) {
	for i := len(units) - 1; i >= 0; i-- {
		u := &units[i]
		if u.drop {
			continue
		}
		switch {
		case addressesReader(u.text):
			u.kind = kindAppeal
		case i > 0 && i+1 < len(units) && units[i-1].kind == kindAppeal && units[i+1].kind == kindAppeal:
		default:
			return
		}
		u.drop = true
	}
}

// addressesReader reports whether p uses both "you" and "we" (or "our", "us") and quotes
// no one.
func addressesReader(p string) bool {
	if strings.ContainsAny(p, "\"“”«»") {
		return false
	}
	you, we := false, false
	for _, w := range strings.FieldsFunc(foldForMatch(p), func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		switch w {
		case "you", "your", "you're", "you've", "yours":
			you = true
		case "we", "our", "us", "we're", "we've", "ours":
			we = true
		}
	}
	return you && we
}

// dropRepeats drops a kept unit that repeats an earlier kept unit, or that repeats one
// sentence of another kept unit (a caption restating the lead, a pull quote).
func dropRepeats(units []unit) {
	seen := make(map[string]bool)
	sentences := make(map[string]int) // sentence key → how many kept units hold it
	for _, u := range units {
		if u.drop {
			continue
		}
		if ss := splitSentences(u.text); len(ss) > 1 {
			for _, s := range ss {
				sentences[repeatKey(s)]++
			}
		}
	}
	for i := range units {
		u := &units[i]
		if u.drop {
			continue
		}
		k := repeatKey(u.text)
		if seen[k] || sentences[k] > 0 {
			u.drop = true
			continue
		}
		seen[k] = true
	}
}

// repeatKey is the form in which two lines count as the same: case, quote style and
// closing punctuation ignored.
func repeatKey(s string) string {
	return strings.TrimRight(foldForMatch(s), " .!?…\"')")
}

// splitSentences splits a paragraph after ".", "!" or "?" (and any closing quotes) that
// a space follows. It is only good enough to spot repeated sentences.
func splitSentences(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		if p[i] != '.' && p[i] != '!' && p[i] != '?' {
			continue
		}
		j := i + 1
		for j < len(p) {
			r, n := utf8.DecodeRuneInString(p[j:])
			if !isClosing(r) {
				break
			}
			j += n
		}
		if j < len(p) && p[j] == ' ' {
			out = append(out, p[start:j])
			start = j + 1
			i = j
		}
	}
	return append(out, p[start:])
}

// classify tells what a line is from its shape and data/boilerplate.txt.
func classify(s string) unitKind {
	if !hasLetter(s) {
		return kindBoiler
	}
	words := len(strings.Fields(s))
	folded := foldForMatch(s)
	rules := boilerplate
	sentence := endsSentence(s) && strings.HasSuffix(strings.TrimRightFunc(s, isClosing), ".")
	if words <= shortWords && (!sentence || words <= 3) {
		for _, p := range rules.related {
			if hasPrefixWord(folded, p) {
				return kindRelated
			}
		}
	}
	for _, p := range rules.any {
		if containsWord(folded, p) {
			return kindAppeal
		}
	}
	if rules.line[strings.TrimRight(folded, " .!?:;,-")] {
		return kindBoiler
	}
	if words <= shortWords && (!sentence || words <= 5) {
		for _, p := range rules.start {
			if hasPrefixWord(folded, p) {
				return kindBoiler
			}
		}
	}
	if isByline(s, words) {
		return kindByline
	}
	switch {
	case !endsSentence(s) && words <= headingWords:
		return kindHeading
	case isTitleCase(s) && words <= titleWords && !sentence:
		return kindHeading // "Armenia's New Leader Meets Putin, Seeks Deeper Ties With Russia"
	}
	return kindProse
}

// bylineRE matches "By AFP", "By Jane Doe, Reuters", "Written by …": the name after "by"
// is capitalised.
var bylineRE = regexp.MustCompile(`^(?i:by|written by|words by|text by)\s+\p{Lu}`)

func isByline(s string, words int) bool {
	return words <= 10 && !strings.HasSuffix(s, ".") && bylineRE.MatchString(s)
}

// creditRE matches a photo credit at the end of a line: two or more capitalised names of
// up to four words each, separated by slashes ("Aziz Karimov / AP / TASS",
// "Reuters/Jane Doe").
var creditRE = regexp.MustCompile(`(?:^|[\s.!?"'”’)])` + creditName + `(?:\s*/\s*` + creditName + `)+\s*$`)

// labelledCreditRE matches a credit that names itself at the end of a line: "Photo:
// Jane Doe for Example News", "(Photo: AFP)", "Image by Jane Doe".
var labelledCreditRE = regexp.MustCompile(`(?:^|[\s.!?"'”’])\(?(?:Photos?|Photograph|Image|Picture|Credit|Video)(?::| by)\s+[^.!?()]{1,80}\)?\s*$`)

// maxCredit is more bytes than any credit takes.
const maxCredit = 200

const creditName = `\p{Lu}[\p{L}\p{N}.'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}.'’&-]*){0,3}`

// hasCredit reports whether a line ends with a photo credit. The whole line is then a
// caption: the caption sentence restates the body or describes the picture, and neither
// is the article's own text.
func hasCredit(line string) bool {
	if strings.HasSuffix(line, ".") {
		return false // "…, a Reuters/Ipsos poll found." is prose
	}
	// A credit is a few names long: look only at the end of a long line.
	if len(line) > maxCredit {
		from := len(line) - maxCredit
		if sp := strings.IndexByte(line[from:], ' '); sp >= 0 {
			from += sp
		}
		line = line[from:]
	}
	// Most lines have no slash, and the slash regexp is slow.
	return labelledCreditRE.MatchString(line) || strings.Contains(line, "/") && creditRE.MatchString(line)
}

// endsSentence reports whether s ends like a sentence: ".", "!", "?", "…", ":" or ";",
// possibly followed by closing quotes or brackets.
func endsSentence(s string) bool {
	s = strings.TrimRightFunc(s, isClosing)
	r, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(".!?…:;", r)
}

func isClosing(r rune) bool {
	return strings.ContainsRune("\"'”’»)]", r)
}

// smallWords stay lower case in title-case headlines.
var smallWords = map[string]bool{
	"a": true, "an": true, "the": true, "and": true, "or": true, "but": true, "nor": true,
	"of": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true,
	"from": true, "with": true, "as": true, "into": true, "over": true, "vs": true, "via": true,
	"is": true, "are": true, "be": true, "after": true, "amid": true, "than": true,
}

// isTitleCase reports whether nearly every word that is not a small word starts with a
// capital letter or a digit.
func isTitleCase(s string) bool {
	words, upper := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || smallWords[strings.ToLower(w)] {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			upper++
		}
	}
	return words >= 2 && upper*10 >= words*8
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// foldForMatch lowercases s and folds curly quotes and apostrophes to straight ones.
func foldForMatch(s string) string {
	return quoteFolder.Replace(strings.ToLower(s))
}

var quoteFolder = strings.NewReplacer("’", "'", "‘", "'", "“", `"`, "”", `"`, "«", `"`, "»", `"`)

// hasPrefixWord reports whether s starts with phrase, ending at a word boundary.
func hasPrefixWord(s, phrase string) bool {
	return strings.HasPrefix(s, phrase) && boundaryAt(s, len(phrase), phrase)
}

// containsWord reports whether phrase occurs in s between word boundaries.
func containsWord(s, phrase string) bool {
	for off := 0; ; {
		i := strings.Index(s[off:], phrase)
		if i < 0 {
			return false
		}
		i += off
		before, _ := utf8.DecodeLastRuneInString(s[:i])
		if (i == 0 || !isWordRune(before) || !isWordRune(rune(phrase[0]))) && boundaryAt(s, i+len(phrase), phrase) {
			return true
		}
		off = i + 1
	}
}

// boundaryAt reports whether a phrase ending at s[end] ends at a word boundary.
func boundaryAt(s string, end int, phrase string) bool {
	if end >= len(s) {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(phrase)
	next, _ := utf8.DecodeRuneInString(s[end:])
	return !isWordRune(last) || !isWordRune(next)
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// boilerplateRules is data/boilerplate.txt parsed; its header describes the kinds.
type boilerplateRules struct {
	line    map[string]bool
	start   []string
	any     []string
	related []string
}

//go:embed data/boilerplate.txt
var boilerplateFile string

var boilerplate = mustParseBoilerplate(boilerplateFile)

// mustParseBoilerplate parses the embedded rules. They ship in the binary and a test
// parses them, so an error here is a build mistake, not bad input.
func mustParseBoilerplate(data string) boilerplateRules {
	r, err := parseBoilerplate(data)
	if err != nil {
		panic(err)
	}
	return r
}

func parseBoilerplate(data string) (boilerplateRules, error) {
	r := boilerplateRules{line: make(map[string]bool)}
	sc := bufio.NewScanner(strings.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		l := strings.TrimSpace(sc.Text())
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		kind, phrase, ok := strings.Cut(l, " ")
		phrase = foldForMatch(strings.TrimSpace(phrase))
		if !ok || phrase == "" {
			return r, fmt.Errorf("data/boilerplate.txt: line %d: want \"<kind> <phrase>\", got %q", n, l)
		}
		switch kind {
		case "line":
			r.line[phrase] = true
		case "start":
			r.start = append(r.start, phrase)
		case "any":
			r.any = append(r.any, phrase)
		case "related":
			r.related = append(r.related, phrase)
		default:
			return r, fmt.Errorf("data/boilerplate.txt: line %d: unknown kind %q (want line, start, any, related)", n, kind)
		}
	}
	return r, sc.Err()
}
