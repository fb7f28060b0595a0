package prosetag

import (
	"encoding/binary"
	"strconv"
	"testing"

	"github.com/jdkato/prose/v3/tag/aptagmodel"
)

// TestDecodeBadModels feeds decode cut and damaged copies of the model: each must
// give an error or a model, never a panic.
func TestDecodeBadModels(t *testing.T) {
	good := aptagmodel.English
	if _, err := decode(good); err != nil {
		t.Fatalf("decode the English model: %v", err)
	}
	cases := map[string][]byte{
		"empty":       nil,
		"magic only":  []byte(magic),
		"not a model": []byte("PROSETAX\x01\x00\x00\x00"),
		"version 2":   append([]byte(magic), 2, 0, 0, 0),
	}
	for _, n := range []int{9, 12, 100, 1000, len(good) / 2, len(good) - 1} {
		cases["cut to "+strconv.Itoa(n)] = good[:n]
	}
	for _, at := range []int{12, 16, 20, 24, 28} {
		b := append([]byte(nil), good...)
		b[at], b[at+1], b[at+2], b[at+3] = 0xff, 0xff, 0xff, 0x7f // a huge count
		cases["huge count at "+strconv.Itoa(at)] = b
	}
	// Every count after the class names, set to the largest uint32 (one more wraps).
	at := 12
	n := int(binary.LittleEndian.Uint32(good[at:]))
	at += 4
	for range n {
		at += 2 + int(binary.LittleEndian.Uint16(good[at:]))
	}
	for i, field := range []string{"features", "pairs", "blob length"} {
		b := append([]byte(nil), good...)
		binary.LittleEndian.PutUint32(b[at+4*i:], 0xffffffff)
		cases["largest count of "+field] = b
	}
	for name, b := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := decode(b); err == nil && len(b) < len(good) {
				t.Errorf("decode accepted %d bytes of %d", len(b), len(good))
			}
		})
	}
}
