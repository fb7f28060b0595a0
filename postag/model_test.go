package postag

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

func TestModelRoundTrip(t *testing.T) {
	for _, onePass := range []bool{true, false} {
		m, data := trainSmall(t, TrainOptions{OnePass: onePass, DictMinCount: 5})
		var buf bytes.Buffer
		if err := m.Write(&buf); err != nil {
			t.Fatal(err)
		}
		written := slices.Clone(buf.Bytes())
		m2, err := ReadModel(&buf, "small")
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(m.Tags(), m2.Tags()) || m.DictSize() != m2.DictSize() ||
			m.LexiconSize() != m2.LexiconSize() || m.Features() != m2.Features() || m.Passes() != m2.Passes() {
			t.Errorf("read back a different model: tags %v/%v, dictionary %d/%d, lexicon %d/%d, features %d/%d, passes %d/%d",
				m.Tags(), m2.Tags(), m.DictSize(), m2.DictSize(), m.LexiconSize(), m2.LexiconSize(),
				m.Features(), m2.Features(), m.Passes(), m2.Passes())
		}
		t1, t2 := NewTagger(m), NewTagger(m2)
		for _, s := range data {
			if a, b := t1.Tag(s.Words), t2.Tag(s.Words); !slices.Equal(a, b) {
				t.Errorf("%v: tags %v before writing, %v after", s.Words, a, b)
			}
		}
		var again bytes.Buffer
		if err := m2.Write(&again); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(written, again.Bytes()) {
			t.Error("writing a model read back gives other bytes")
		}
	}
}

func TestReadModelErrors(t *testing.T) {
	m, _ := trainSmall(t, TrainOptions{DictMinCount: 5})
	var good bytes.Buffer
	if err := m.Write(&good); err != nil {
		t.Fatal(err)
	}
	raw := gunzip(t, good.Bytes())
	type badCase struct {
		name string
		data []byte
	}
	cases := []badCase{
		{"not gzip", []byte("newsgraph-postag")},
		{"empty", nil},
		{"other magic", gzipped(t, append([]byte{18}, "newsgraph-depparse"...))},
		{"trailing data", gzipped(t, append(slices.Clone(raw), 0))},
		{"truncated gzip", good.Bytes()[:good.Len()/2]},
		{"bad version", gzipped(t, append([]byte{16}, "newsgraph-postag\x07"...))},
		{"tag out of range", gzipped(t, append([]byte{16}, "newsgraph-postag\x01\x01\x02NN\x01\x01\x05"...))},
	}
	// Every cut of the model's bytes is an error, never a panic.
	for n := 0; n < len(raw); n += 1 + n/8 {
		cases = append(cases, badCase{fmt.Sprintf("cut at %d of %d", n, len(raw)), gzipped(t, raw[:n])})
	}
	for _, tc := range cases {
		_, err := ReadModel(bytes.NewReader(tc.data), "m.bin.gz")
		if !errors.Is(err, ErrBadModel) || !strings.Contains(err.Error(), "m.bin.gz") {
			t.Errorf("%s: error %v, want ErrBadModel naming the file", tc.name, err)
		}
	}
}

func gzipped(t *testing.T, b []byte) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	if _, err := zw.Write(b); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func gunzip(t *testing.T, b []byte) []byte {
	t.Helper()
	zr, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if _, err := out.ReadFrom(zr); err != nil {
		t.Fatal(err)
	}
	return out.Bytes()
}
