package modelio

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"testing"
)

var errBad = errors.New("not a test model")

var testFormat = Format{Magic: "newsgraph-test", Version: 2, ErrBad: errBad}

// record is what the test body encodes: a count, signed values and strings.
type record struct {
	n    uint64
	vals []int64
	strs []string
}

func (r record) encode(e *Encoder) {
	e.Uvarint(r.n)
	e.Uvarint(uint64(len(r.vals)))
	for _, v := range r.vals {
		e.Varint(v)
	}
	e.Uvarint(uint64(len(r.strs)))
	for _, s := range r.strs {
		e.Bytes([]byte(s))
	}
}

func decodeRecord(d *Decoder) (record, error) {
	r := record{n: d.Below(1000, "count")}
	nv := d.Uvarint()
	if d.Err() == nil && nv > 100 {
		return record{}, fmt.Errorf("%d values", nv)
	}
	for i := uint64(0); d.Err() == nil && i < nv; i++ {
		r.vals = append(r.vals, d.Varint())
	}
	ns := d.Uvarint()
	for i := uint64(0); d.Err() == nil && i < ns; i++ {
		r.strs = append(r.strs, string(d.Bytes(8)))
	}
	return r, d.Err()
}

func write(t *testing.T, f Format, r record) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := f.Write(&b, r.encode); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func read(data []byte) (record, error) {
	return Read(testFormat, bytes.NewReader(data), "m.bin.gz", decodeRecord)
}

func TestRoundTrip(t *testing.T) {
	for _, r := range []record{
		{},
		{n: 999, vals: []int64{0, -1, 1, -1 << 63, 1<<63 - 1}, strs: []string{"", "root", "8 bytes!"}},
	} {
		got, err := read(write(t, testFormat, r))
		if err != nil {
			t.Fatalf("%+v: %v", r, err)
		}
		if got.n != r.n || !slices.Equal(got.vals, r.vals) || !slices.Equal(got.strs, r.strs) {
			t.Errorf("read %+v, want %+v", got, r)
		}
	}
}

// gz compresses data as Write would, for hand-made bad files.
func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadErrors(t *testing.T) {
	good := write(t, testFormat, record{n: 3, vals: []int64{5}, strs: []string{"a"}})
	zr, err := gzip.NewReader(bytes.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	header := append([]byte{byte(len(testFormat.Magic))}, testFormat.Magic...)
	for _, tc := range []struct {
		name string
		data []byte
		want string // the error after "read model m.bin.gz: not a test model"
	}{
		{"not gzip", []byte("not a gzip stream at all"), ": gzip: invalid header"},
		{"other magic", write(t, Format{Magic: "newsgraph-other", Version: 2}, record{}), ""},
		{"other version", write(t, Format{Magic: testFormat.Magic, Version: 1}, record{}), ": version 1, want 2"},
		{"body's check", gz(t, append(header, 2, 0, 101)), ": 101 values"},
		{"value too big", gz(t, append(header, 2, 0xe8, 0x07)), ": count 1000 of 1000"},
		{"string too long", gz(t, append(header, 2, 0, 0, 1, 9)), ": string of 9 bytes"},
		{"cut short", gz(t, raw[:len(raw)-1]), ": unexpected EOF"},
		{"data after", gz(t, append(raw, 0)), ": data after the model"},
		{"bad checksum", good[:len(good)-8], ": unexpected EOF"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := read(tc.data)
			want := "read model m.bin.gz: not a test model" + tc.want
			if err == nil || err.Error() != want || !errors.Is(err, errBad) {
				t.Errorf("error %v, want %q wrapping ErrBad", err, want)
			}
		})
	}
}

func TestWriteError(t *testing.T) {
	err := testFormat.Write(failWriter{}, record{strs: []string{strings.Repeat("x", 1<<16)}}.encode)
	if err == nil || !strings.HasPrefix(err.Error(), "write model: ") {
		t.Errorf("error %v, want a write model error", err)
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }
