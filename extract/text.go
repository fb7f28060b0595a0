package extract

import (
	"regexp"
	"strings"
)

// headLines is how many non-blank lines at the top of a text article may hold its date
// line, banners, headline and byline.
const headLines = 6

// dateLineRE matches a line that opens with a date label: " date 2020-07-17 …" as the
// scraper writes it, or "Published: July 17, 2020".
var dateLineRE = regexp.MustCompile(`^(?i:published on|published|posted on|posted|updated on|updated|dated|date)\s*:?\s+(.*)$`)

// readText reads a plain-text article. Its head may hold a date line, banners, the
// headline and a byline; the headline is the longest heading-shaped paragraph before the
// first paragraph of prose. The rest of a date line is dropped: the scraper writes the
// page's top banner there ("Support The Moscow Times!"), never the headline. Everything
// else is cleaned as Clean does.
func readText(text string) draft {
	var d draft
	lines := strings.Split(normaliseSpace(text), "\n")
	for i, seen := 0, 0; i < len(lines) && seen < headLines; i++ {
		if lines[i] == "" {
			continue
		}
		seen++
		if m := dateLineRE.FindStringSubmatch(lines[i]); m != nil {
			if t, _, ok := leadingDate(m[1]); ok {
				d.published, lines[i] = t, ""
				break
			}
		}
	}
	units := splitUnits(strings.Join(lines, "\n"))
	title := -1
	for i, u := range units[:min(len(units), headLines)] {
		if u.kind == kindProse {
			break
		}
		if u.kind == kindHeading && (title < 0 || len(strings.Fields(u.text)) > len(strings.Fields(units[title].text))) {
			title = i
		}
	}
	if title >= 0 {
		d.title = units[title].text
	}
	d.text = cleanUnits(units)
	return d
}
