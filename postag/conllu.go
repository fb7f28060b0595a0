package postag

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one tokenised sentence with a Penn Treebank tag per word.
type Sentence struct {
	Words []string // the syntactic words, in order
	Tags  []string // Penn Treebank tags, one per word (the CoNLL-U XPOS column)
}

// ReadCoNLLU reads sentences from CoNLL-U text
// (https://universaldependencies.org/format.html), keeping each syntactic
// word's form and XPOS tag: multiword-token lines (1-2) and empty nodes
// (8.1) are skipped. Errors name the source and the line; name is used only
// in them.
func ReadCoNLLU(r io.Reader, name string) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		line++
		text := sc.Text()
		if strings.TrimSpace(text) == "" {
			if len(cur.Words) > 0 {
				out = append(out, cur)
				cur = Sentence{}
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
		if cols[4] == "" || cols[4] == "_" {
			return nil, fmt.Errorf("%s:%d: word %d has no XPOS tag", name, line, id)
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Tags = append(cur.Tags, cols[4])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if len(cur.Words) > 0 {
		out = append(out, cur)
	}
	return out, nil
}
