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
var dateLineRE = regexp.MustCompile(`^(?i:date|dated|published|published on|posted|posted on|updated|updated on)\s*:?\s+(.*)$`)

// readText reads a plain-text article. Its head may hold a date line, banners, the
// headline and a byline; the headline is the longest heading-shaped line before the first
// paragraph of prose. The rest of a date line is dropped: the scraper writes the page's
// top banner there ("Support The Moscow Times!"), never the headline. Everything else
// goes through Clean.
func readText(text string) draft {
	var d draft
	lines := strings.Split(normaliseSpace(text), "\n")
	title := -1
	for i, seen := 0, 0; i < len(lines) && seen < headLines; i++ {
		l := lines[i]
		if l == "" {
			continue
		}
		seen++
		if d.published.IsZero() {
			if m := dateLineRE.FindStringSubmatch(l); m != nil {
				if t, _, ok := leadingDate(m[1]); ok {
					d.published, lines[i] = t, ""
					continue
				}
			}
		}
		// A photo caption ends the head; its credit makes it look like a heading.
		if caption, credited := cutCredit(l); credited {
			if classify(caption) == kindProse {
				break
			}
			continue
		}
		k := classify(l)
		if k == kindProse {
			break
		}
		if k == kindHeading && (title < 0 || len(strings.Fields(l)) > len(strings.Fields(lines[title]))) {
			title = i
		}
	}
	if title >= 0 {
		d.title = lines[title]
		lines[title] = ""
	}
	d.text = Clean(strings.Join(lines, "\n"))
	return d
}
