package depparse

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a treebank: its words with their Penn Treebank
// tags and, when annotated, their heads and relation labels.
type Sentence struct {
	Words  []string // the syntactic words, in order
	Tags   []string // Penn Treebank tags, one per word (the CoNLL-U XPOS column)
	Heads  []int    // 1-based index of each word's head; 0 is the root
	Labels []string // Universal Dependencies relation of each word to its head
}

// ReadCoNLLU reads sentences from CoNLL-U text
// (https://universaldependencies.org/format.html). It keeps the syntactic
// words: multiword-token lines (1-2) and empty nodes (8.1) are skipped.
// Errors name the source and the line; name is used only in them.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	flush := func() error {
		if len(cur.Words) == 0 {
			return nil
		}
		roots := 0
		for i, h := range cur.Heads {
			if h < 0 || h > len(cur.Words) || h == i+1 {
				return fmt.Errorf("%s:%d: word %d has head %d in a sentence of %d words", name, line, i+1, h, len(cur.Words))
			}
			if h == 0 {
				roots++
			}
		}
		if roots != 1 {
			return fmt.Errorf("%s:%d: sentence has %d roots, want 1", name, line, roots)
		}
		out = append(out, cur)
		cur = Sentence{}
		return nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			if err := flush(); err != nil {
				return nil, err
			}
			continue
		}
		if text[0] == '#' {
			continue
		}
		cols := strings.Split(text, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("%s:%d: %d columns, want 10", name, line, len(cols))
		}
		if strings.ContainsAny(cols[0], "-.") {
			continue // a multiword token or an empty node
		}
		id, err := strconv.Atoi(cols[0])
		if err != nil || id != len(cur.Words)+1 {
			return nil, fmt.Errorf("%s:%d: word id %q, want %d", name, line, cols[0], len(cur.Words)+1)
		}
		head, err := strconv.Atoi(cols[6])
		if err != nil {
			return nil, fmt.Errorf("%s:%d: head %q is not a number", name, line, cols[6])
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Tags = append(cur.Tags, cols[4])
		cur.Heads = append(cur.Heads, head)
		cur.Labels = append(cur.Labels, cols[7])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// Projective reports whether the sentence's tree has no crossing arcs (with
// the root's arc included), which is what the arc-eager oracle needs.
func (s Sentence) Projective() bool {
	for i, h := range s.Heads {
		d := i + 1
		lo, hi := min(d, h), max(d, h)
		for j, h2 := range s.Heads {
			d2 := j + 1
			if d2 == d {
				continue
			}
			lo2, hi2 := min(d2, h2), max(d2, h2)
			// Crossing: exactly one end of arc 2 lies strictly inside arc 1.
			in1 := lo < lo2 && lo2 < hi
			in2 := lo < hi2 && hi2 < hi
			if in1 != in2 && lo2 != lo && lo2 != hi && hi2 != lo && hi2 != hi {
				return false
			}
		}
	}
	return true
}
