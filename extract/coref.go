package extract

import (
	"sort"
	"strings"
)

// definiteGroups resolves "the separatists" to the group last named with those head nouns
// before it in the article ("pro-Russian separatists … The separatists denied it"), and so
// the group's own authorities, forces and leaders named by its adjective ("the separatist
// authorities said", "Separatist leaders said", "rebel commanders"). A definite group noun
// with no such group before it names no entity.
func (r *recognizer) definiteGroups(d Document) {
	if len(r.groups) == 0 {
		return
	}
	// the group heads' singulars, which name the group's own ("separatist" authorities)
	stems := map[string]bool{}
	for _, g := range r.groups {
		if s, ok := strings.CutSuffix(g.head, "s"); ok && !strings.Contains(s, " ") {
			stems[s] = true
		}
	}
	var found Mentions
	for si, s := range d.Sentences {
		toks := s.Tokens
		for k := 0; k+1 < len(toks); k++ {
			r.buf = foldInto(r.buf, toks[k].Text)
			definite := string(r.buf) == "the"
			if !definite && !stems[string(r.buf)] {
				continue
			}
			if _, covered := r.out.At(si, k+1); covered {
				continue
			}
			var head string
			start, end := k+1, 0
			if definite {
				h, hEnd := r.match(r.g.heads, toks, k+1)
				if h < 0 || r.g.headKinds[h] != headGroup {
					continue
				}
				head, end = foldWords(toks[k+1:hEnd]), hEnd
			} else if end = r.ownedBy(toks, k); end > k+1 {
				if _, covered := r.out.At(si, k); covered {
					continue
				}
				// "separatist" names the group of "separatists"
				head, start = foldWords(toks[k:k+1])+"s", k
			} else {
				continue
			}
			for j := len(r.groups) - 1; j >= 0; j-- {
				g := r.groups[j]
				if g.head == head && (g.sentence < si || g.sentence == si && g.start < k) {
					found = append(found, Mention{Sentence: si, Start: start, End: end, Entity: g.entity, Modifier: r.modifies(toks, end)})
					break
				}
			}
		}
	}
	r.merge(found)
}

// ownForces resolves "its forces", "its army", "its troops" (a possessive "its" before
// acting head nouns) to the state or organisation named last before it in the sentence:
// "Baku said its army had launched a counteroffensive" is Azerbaijan launching it, and
// "Russia urged Ukraine to withdraw its troops" is Ukraine's troops. A state's institution
// stands for its state ("Azerbaijan's defence ministry said its troops…" → Azerbaijan).
// "his army", "her government" are the state of the person named last before it, when the
// offices table says whose office they held on the publication date ("Aliyev said his
// army…" in 2020 → Azerbaijan). With no such mention before it in the sentence, the
// possessive names no one.
func (r *recognizer) ownForces(d Document) {
	var found Mentions
	for si, s := range d.Sentences {
		toks := s.Tokens
		for k := 1; k+1 < len(toks); k++ {
			if toks[k].Tag != "PRP$" {
				continue
			}
			its := r.is(toks[k].Text, "its")
			if !its && !r.is(toks[k].Text, "his") && !r.is(toks[k].Text, "her") || !r.headIs(toks, k+1, headState, headArm) {
				continue
			}
			if _, covered := r.out.At(si, k+1); covered {
				continue
			}
			owner, ok := r.owner(si, k, its)
			if !ok {
				continue
			}
			_, end := r.match(r.g.heads, toks, k+1)
			end = r.moreHeads(toks, end)
			found = append(found, Mention{Sentence: si, Start: k, End: end, Entity: owner, Modifier: r.modifies(toks, end)})
		}
	}
	r.merge(found)
}

// owner returns the state or organisation last named before token k of sentence si, not as a
// modifier, with a state's institution standing for the state; or, for a person's
// possessive (its false), the state of the person last named before it.
func (r *recognizer) owner(si, k int, its bool) (Entity, bool) {
	in := r.out.InSentence(si)
	for j := len(in) - 1; j >= 0; j-- {
		m := in[j]
		if m.End > k || m.Modifier {
			continue
		}
		if !its {
			if m.Entity.Type != TypePerson {
				continue
			}
			st, ok := r.g.servedBy(m.Entity.ID, r.day)
			if !ok {
				return Entity{}, false
			}
			return r.g.ents[st], true
		}
		if st, ok := r.g.instState[m.Entity.ID]; ok {
			return r.g.ents[st], true
		}
		if t := m.Entity.Type; t == TypeCountry || t == TypeOrganization {
			return m.Entity, true
		}
		return Entity{}, false
	}
	return Entity{}, false
}

// ownedBy returns the end of acting head nouns or a title after the lowercase word at token k
// ("separatist authorities", "rebel leaders"), or k when none follows.
func (r *recognizer) ownedBy(toks []Token, k int) int {
	if startsUpper(toks[k].Text) && k > 0 || !strings.HasPrefix(toks[k].Tag, "JJ") && !strings.HasPrefix(toks[k].Tag, "NN") {
		return k
	}
	if h, end := r.match(r.g.heads, toks, k+1); h >= 0 && r.g.headKinds[h].acting() {
		return r.moreHeads(toks, end)
	}
	if t, end := r.match(r.g.titles, toks, k+1); t >= 0 {
		return end
	}
	if r.isTitle(toks, k+1) { // a plural title: "leaders"
		return k + 2
	}
	return k
}

// learntPlaces marks the later bare mentions of places learnt from their context ("the town
// of Yevlakh … talks in Yevlakh"), wherever no other mention covers them and the name is no
// part of a longer one.
func (r *recognizer) learntPlaces(d Document) {
	if len(r.places) == 0 {
		return
	}
	var found Mentions
	for si, s := range d.Sentences {
		toks := s.Tokens
		for k := 0; k < len(toks); k++ {
			if !isNameWord(toks[k]) || k > 0 && isNameWord(toks[k-1]) {
				continue
			}
			if m, ok := r.out.At(si, k); ok {
				k = m.End - 1
				continue
			}
			if n, e := r.longest(r.places, toks, k, 1); n > 0 && !r.runsOn(toks, k+n) {
				found = append(found, Mention{Sentence: si, Start: k, End: k + n, Entity: e, Modifier: r.modifies(toks, k+n)})
				k += n - 1
			}
		}
	}
	r.merge(found)
}

// definiteTerritories resolves the description of a disputed territory ("the breakaway
// region", "the mountain enclave", "the peninsula") to the place last named before it in the
// article: "Russian troops drove Georgian forces out of South Ossetia after Georgia tried to
// retake the breakaway region"; and "the country" to the state last named before it ("Hamas
// attacked Israel … the deadliest day since the country was founded"). A description
// followed by "of" names its place itself ("the enclave of Nagorno-Karabakh"), and one with
// nothing of its type named before it names no one.
func (r *recognizer) definiteTerritories(d Document) {
	var found Mentions
	last := -1 // index in r.out of the last Location before the token being read
	for si, s := range d.Sentences {
		toks := s.Tokens
		for k := 0; k+1 < len(toks); k++ {
			for last+1 < len(r.out) && before(r.out[last+1], Mention{Sentence: si, Start: k}) {
				last++
			}
			if !r.is(toks[k].Text, "the") {
				continue
			}
			start, end, typ := r.territory(toks, k+1)
			if start < 0 || end < len(toks) && r.is(toks[end].Text, "of") {
				continue
			}
			if _, covered := r.out.At(si, start); covered {
				continue
			}
			for j := last; j >= 0; j-- {
				if m := r.out[j]; m.Entity.Type == typ {
					found = append(found, Mention{Sentence: si, Start: start, End: end, Entity: m.Entity, Modifier: r.modifies(toks, end)})
					break
				}
			}
		}
	}
	r.merge(found)
}

// territory returns where the description of a territory starting at token i, or one or
// two words later, or of a country right at i, begins and ends, and the type of what it
// describes; start is -1 when there is none.
func (r *recognizer) territory(toks []Token, i int) (start, end int, typ string) {
	for j := i; j < i+3 && j < len(toks); j++ {
		if h, hEnd := r.match(r.g.heads, toks, j); h >= 0 {
			switch r.g.headKinds[h] {
			case headTerritory:
				return i, hEnd, TypeLocation
			case headCountry:
				if j == i { // "the other country", "the neighbouring country" are another
					return i, hEnd, TypeCountry
				}
			}
		}
		if t := toks[j].Tag; !strings.HasPrefix(t, "JJ") && t != "NN" && t != "VBN" {
			break
		}
	}
	return -1, -1, ""
}

// merge adds mentions found after the first reading and restores the order of r.out.
// Both are in that order already, so one pass merges them.
func (r *recognizer) merge(found Mentions) {
	if len(found) == 0 {
		return
	}
	sort.SliceStable(found, func(i, j int) bool { return before(found[i], found[j]) })
	out := make(Mentions, 0, len(r.out)+len(found))
	i, j := 0, 0
	for i < len(r.out) && j < len(found) {
		if before(found[j], r.out[i]) {
			out = append(out, found[j])
			j++
		} else {
			out = append(out, r.out[i])
			i++
		}
	}
	out = append(append(out, r.out[i:]...), found[j:]...)
	r.out = out
}

func before(a, b Mention) bool {
	return a.Sentence < b.Sentence || a.Sentence == b.Sentence && a.Start < b.Start
}

// corefer resolves people named only in part, once the whole article has been read:
//
//   - a bare surname ("Putin", "Hovhannisyan") is the person of that surname named in full
//     anywhere in the article, before or after;
//   - a surname the tables resolve on their own ("Aliyev" → Ilham Aliyev) yields to a full
//     name in the article ("Heydar Aliyev" in a 1994 story);
//   - a full name repeated without a title or a verb of speech is that person again.
//
// A surname shared by two people of the article stays unresolved: guessing would merge them.
func (r *recognizer) corefer(d Document) {
	full := map[string]Entity{}     // folded full name → person
	surnames := map[string]Entity{} // folded surname → person; ID "" when ambiguous
	for _, m := range r.out {
		// only names written in full count: "Aliyev" resolved by the tables names no one
		if m.Entity.Type != TypePerson || m.End-m.Start < 2 {
			continue
		}
		words := strings.Fields(m.Entity.Name)
		full[fold(m.Entity.Name)] = m.Entity
		key := fold(words[len(words)-1])
		if prev, ok := surnames[key]; ok && prev.ID != m.Entity.ID {
			surnames[key] = Entity{}
			continue
		}
		surnames[key] = m.Entity
	}
	if len(surnames) == 0 {
		return
	}
	for i, m := range r.out {
		if m.Entity.Type != TypePerson || m.End-m.Start != 1 {
			continue
		}
		tok := d.Sentences[m.Sentence].Tokens[m.Start].Text
		if e, ok := lookupFolded(r, surnames, tok); ok && e.ID != "" && e.ID != m.Entity.ID {
			r.out[i].Entity = e
		}
	}
	covered := r.out
	var found Mentions
	for _, p := range r.pending {
		tok := d.Sentences[p.Sentence].Tokens[p.Start].Text
		if e, ok := lookupFolded(r, surnames, tok); ok && e.ID != "" {
			p.Entity = e
			found = append(found, p)
		}
	}
	for si, s := range d.Sentences {
		for k := 0; k < len(s.Tokens); k++ {
			if !isNameWord(s.Tokens[k]) || r.pendingAt(si, k) {
				continue
			}
			if m, ok := covered.At(si, k); ok {
				k = m.End - 1
				continue
			}
			if n, e := r.fullName(full, s.Tokens, k); n > 0 {
				found = append(found, Mention{Sentence: si, Start: k, End: k + n, Entity: e, Modifier: r.personModifies(s.Tokens, k+n)})
				k += n - 1
				continue
			}
			if e, ok := lookupFolded(r, surnames, s.Tokens[k].Text); ok && e.ID != "" && !r.runsOn(s.Tokens, k+1) {
				found = append(found, Mention{Sentence: si, Start: k, End: k + 1, Entity: e, Modifier: r.personModifies(s.Tokens, k+1)})
			}
		}
	}
	r.merge(found)
}

// pendingAt reports whether token k of sentence si is a single word after a title, which
// the pending pass has already decided.
func (r *recognizer) pendingAt(si, k int) bool {
	for _, p := range r.pending {
		if p.Sentence == si && p.Start == k {
			return true
		}
	}
	return false
}

// fullName returns the length and person of a full name of the article written at token k.
func (r *recognizer) fullName(full map[string]Entity, toks []Token, k int) (int, Entity) {
	return r.longest(full, toks, k, 2)
}

// longest returns the length and entity of the longest run of up to three tokens from token
// k, and at least min, whose fold (words joined by single spaces) is a key of names.
func (r *recognizer) longest(names map[string]Entity, toks []Token, k, min int) (int, Entity) {
	for n := 3; n >= min; n-- {
		if k+n > len(toks) {
			continue
		}
		r.buf = r.buf[:0]
		for j := k; j < k+n; j++ {
			if j > k {
				r.buf = append(r.buf, ' ')
			}
			r.buf = appendFold(r.buf, toks[j].Text)
		}
		if e, ok := names[string(r.buf)]; ok {
			return n, e
		}
	}
	return 0, Entity{}
}

// aliases gives every mention's entity the other surface forms the article names it by.
func (r *recognizer) aliases(d Document) {
	seen := map[string][]string{}
	for _, m := range r.out {
		s := spanText(d.Sentences[m.Sentence], m.Start, m.End)
		if s == m.Entity.Name {
			continue
		}
		known := false
		for _, a := range seen[m.Entity.ID] {
			known = known || a == s
		}
		if !known {
			seen[m.Entity.ID] = append(seen[m.Entity.ID], s)
		}
	}
	for i := range r.out {
		r.out[i].Entity.Aliases = seen[r.out[i].Entity.ID]
	}
}

// spanText is the text of tokens [start, end) of a sentence as written.
func spanText(s Sentence, start, end int) string {
	last := s.Tokens[end-1]
	return s.Text[s.Tokens[start].Start : last.Start+len(last.Text)]
}
