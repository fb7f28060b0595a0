package extract

import (
	_ "embed"
	"strings"
)

//go:embed data/irregular.tsv
var irregularTSV string

// irregular maps inflected forms the suffix rules get wrong to their lemmas: irregular
// verbs ("said" → "say"), irregular plurals, and regular forms whose spelling misleads
// the rules ("developed", "targeted", "focused").
var irregular = parseTSV(irregularTSV)

// parseTSV reads "key<TAB>value" lines, skipping blank lines and "#" comments.
func parseTSV(data string) map[string]string {
	m := map[string]string{}
	for _, line := range strings.Split(data, "\n") {
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if ok {
			m[strings.TrimSpace(k)] = strings.TrimSpace(v)
		}
	}
	return m
}

// Lemma returns the lowercase dictionary form of a word given its Penn Treebank tag:
// verbs lose their inflection ("accused" → "accuse", "shelling" → "shell"), plural nouns
// become singular ("talks" → "talk", "parties" → "party"); other words are only lowercased.
func Lemma(word, tag string) string {
	w := strings.ToLower(word)
	// A base-form verb (VB) is already its lemma: "lay" as VB is not the past of "lie".
	if l, ok := irregular[w]; ok && ((isVerbTag(tag) && tag != "VB") || tag == "NNS" || tag == "NNPS") {
		return l
	}
	switch tag {
	case "VBD", "VBN":
		switch {
		case strings.HasSuffix(w, "ied") && len(w) > 4:
			return w[:len(w)-3] + "y"
		case strings.HasSuffix(w, "ed") && len(w) > 3:
			return verbStem(w[:len(w)-2])
		}
	case "VBG":
		if strings.HasSuffix(w, "ing") && len(w) > 4 {
			return verbStem(w[:len(w)-3])
		}
	case "VBZ":
		return singular(w, true)
	case "NNS", "NNPS":
		return singular(w, false)
	}
	return w
}

func isVerbTag(tag string) bool { return strings.HasPrefix(tag, "VB") }

// verbStem restores the base form of a verb from what precedes "-ed" or "-ing":
// a doubled final consonant is undone ("stopp" → "stop") and a silent final "e"
// is put back where English spelling drops it ("mediat" → "mediate", "seiz" → "seize").
func verbStem(s string) string {
	n := len(s)
	if n < 2 {
		return s
	}
	last, prev := s[n-1], s[n-2]
	if last == prev && strings.IndexByte("bdgmnprtz", last) >= 0 {
		return s[:n-1]
	}
	if needsE(s) {
		return s + "e"
	}
	return s
}

func needsE(s string) bool {
	n := len(s)
	last, prev := s[n-1], s[n-2]
	var before byte
	if n >= 3 {
		before = s[n-3]
	}
	single := isVowel(prev) && !isVowel(before) // one vowel before the last consonant
	switch last {
	case 'e':
		return prev != 'e' // "agre"+"ed" → "agree"; "see"+"ing" stays
	case 'u', 'v', 'c', 'z':
		return true
	case 's':
		return prev != 's'
	case 'g':
		return prev == 'r' || prev == 'l' || prev == 'd' || single ||
			(prev == 'n' && (before == 'a' || before == 'e'))
	case 'l':
		return (!isVowel(prev) && prev != 'l' && prev != 'r' && prev != 'w') || (single && prev != 'e')
	case 'd', 'b', 'k', 'm', 'p', 'r':
		return single && prev != 'e'
	case 't':
		if prev == 'a' { // "mediat", "negotiat", but not "defeat", "float"
			return before != 'e' && before != 'o' && before != 'a'
		}
		if prev == 'o' { // "quot", "vot", "promot", but not "shoot", "float"
			return before != 'o' && before != 'a'
		}
		return single && prev == 'u'

	case 'n':
		return single && prev == 'i'
	}
	return false
}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// singular turns a plural noun or a third-person verb into its base form.
func singular(w string, verb bool) string {
	n := len(w)
	switch {
	case n <= 3 || !strings.HasSuffix(w, "s") || strings.HasSuffix(w, "ss") ||
		(!verb && (strings.HasSuffix(w, "us") || strings.HasSuffix(w, "is"))):
		return w
	case strings.HasSuffix(w, "ies"):
		if n <= 4 { // "lies", "dies", "ties": the stem itself ends in -ie
			return w[:n-1]
		}
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses"), strings.HasSuffix(w, "xes"), strings.HasSuffix(w, "ches"),
		strings.HasSuffix(w, "shes"), strings.HasSuffix(w, "zzes"), strings.HasSuffix(w, "oes"):
		return w[:n-2]
	}
	return w[:n-1]
}
