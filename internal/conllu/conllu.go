package conllu

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Sentence is one sentence of a treebank. Heads and Labels are nil unless
// the read asked for the Tree.
type Sentence struct {
	Words  []string // the syntactic words, in order (the FORM column)
	Tags   []string // Penn Treebank tags, one per word (the XPOS column)
	Heads  []int    // 1-based index of each word's head; 0 is the root (HEAD)
	Labels []string // each word's relation to its head (DEPREL)
}

// Checks says what Read requires of the treebank beyond well-formed lines
// and word ids.
type Checks uint8

const (
	// Tags requires every word to have an XPOS tag.
	Tags Checks = 1 << iota
	// Tree reads heads and labels and requires each sentence's heads to
	// be numbers in range, no word its own head and exactly one root.
	Tree
)

// Read reads the sentences of CoNLL-U text, checking what checks asks for.
// name is used only in errors, which say the source and the line.
func Read(r io.Reader, name string, checks Checks) ([]Sentence, error) {
	var (
		out  []Sentence
		cur  Sentence
		line int
	)
	// flush ends the current sentence; line is then the line after it.
	flush := func() error {
		if len(cur.Words) == 0 {
			return nil
		}
		if checks&Tree != 0 {
			if err := checkTree(cur.Heads); err != nil {
				return fmt.Errorf("%s:%d: %w", name, line, err)
			}
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
		if checks&Tags != 0 && (cols[4] == "" || cols[4] == "_") {
			return nil, fmt.Errorf("%s:%d: word %d has no XPOS tag", name, line, id)
		}
		if checks&Tree != 0 {
			head, err := strconv.Atoi(cols[6])
			if err != nil {
				return nil, fmt.Errorf("%s:%d: head %q is not a number", name, line, cols[6])
			}
			cur.Heads = append(cur.Heads, head)
			cur.Labels = append(cur.Labels, cols[7])
		}
		cur.Words = append(cur.Words, cols[1])
		cur.Tags = append(cur.Tags, cols[4])
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", name, err)
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return out, nil
}

// checkTree checks that heads, 1-based with 0 the root, stay in the
// sentence, that no word heads itself and that exactly one word is the
// root's.
func checkTree(heads []int) error {
	roots := 0
	for i, h := range heads {
		if h < 0 || h > len(heads) || h == i+1 {
			return fmt.Errorf("word %d has head %d in a sentence of %d words", i+1, h, len(heads))
		}
		if h == 0 {
			roots++
		}
	}
	if roots != 1 {
		return fmt.Errorf("sentence has %d roots, want 1", roots)
	}
	return nil
}
