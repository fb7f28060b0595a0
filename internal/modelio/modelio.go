package modelio

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
)

// Format names one kind of model file.
type Format struct {
	Magic   string // written first; a file that does not open with it is not this kind of model
	Version uint64 // written second; a file of another version is refused
	ErrBad  error  // wrapped by every error Read returns
}

// maxMagic is the longest magic string Read accepts.
const maxMagic = 64

// Write writes a gzip'd model to w: the magic, the version, then what body
// encodes.
func (f Format) Write(w io.Writer, body func(*Encoder)) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	e := Encoder{w: bw}
	e.Bytes([]byte(f.Magic))
	e.Uvarint(f.Version)
	body(&e)
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	return nil
}

// Read reads a model written by Write with format f: it checks the magic
// and version, has decode decode the rest, and then checks that the data
// ends there. name is used in errors.
func Read[M any](f Format, r io.Reader, name string, decode func(*Decoder) (M, error)) (M, error) {
	var zero M
	zr, err := gzip.NewReader(r)
	if err != nil {
		return zero, fmt.Errorf("read model %s: %w: %w", name, f.ErrBad, err)
	}
	defer zr.Close()
	m, err := readAll(f, &Decoder{r: bufio.NewReader(zr)}, decode)
	if err != nil {
		return zero, fmt.Errorf("read model %s: %w", name, err)
	}
	return m, nil
}

// readAll reads the header, has decode decode the model, and checks the end
// of the data.
func readAll[M any](f Format, d *Decoder, decode func(*Decoder) (M, error)) (M, error) {
	var zero M
	if magic := d.Bytes(maxMagic); d.err != nil || string(magic) != f.Magic {
		return zero, f.ErrBad
	}
	if v := d.Uvarint(); d.err == nil && v != f.Version {
		return zero, fmt.Errorf("%w: version %d, want %d", f.ErrBad, v, f.Version)
	}
	m, err := decode(d)
	if err == nil {
		err = d.err
	}
	if err != nil {
		return zero, fmt.Errorf("%w: %w", f.ErrBad, err)
	}
	// Reading to the end makes gzip check its checksum and length.
	switch _, err := d.r.ReadByte(); err {
	case nil:
		return zero, fmt.Errorf("%w: data after the model", f.ErrBad)
	case io.EOF:
		return m, nil
	default:
		return zero, fmt.Errorf("%w: %w", f.ErrBad, eof(err))
	}
}

// Encoder writes varints and byte strings. It has no error of its own: it
// writes to a bufio.Writer, which remembers its first error for Write's
// Flush.
type Encoder struct {
	w   *bufio.Writer
	buf [binary.MaxVarintLen64]byte
}

// Uvarint writes v as an unsigned varint.
func (e *Encoder) Uvarint(v uint64) { e.w.Write(binary.AppendUvarint(e.buf[:0], v)) }

// Varint writes v as a zig-zag signed varint.
func (e *Encoder) Varint(v int64) { e.w.Write(binary.AppendVarint(e.buf[:0], v)) }

// Bytes writes b's length as a varint, then b.
func (e *Encoder) Bytes(b []byte) {
	e.Uvarint(uint64(len(b)))
	e.w.Write(b)
}

// Decoder reads what an Encoder wrote. Its error is sticky: after the first,
// reads return zero values and Err keeps the first.
type Decoder struct {
	r   *bufio.Reader
	err error
}

// Err is the first error the decoding met, or nil.
func (d *Decoder) Err() error { return d.err }

// Fail records err as the decoding's error unless one is recorded already;
// decoding functions use it for values that read fine but make no sense.
func (d *Decoder) Fail(err error) {
	if d.err == nil {
		d.err = err
	}
}

// Uvarint reads an unsigned varint.
func (d *Decoder) Uvarint() uint64 { return readVarint(d, binary.ReadUvarint) }

// Varint reads a signed varint.
func (d *Decoder) Varint() int64 { return readVarint(d, binary.ReadVarint) }

// readVarint reads a varint with read, unless d has failed already.
func readVarint[T uint64 | int64](d *Decoder, read func(io.ByteReader) (T, error)) T {
	if d.err != nil {
		return 0
	}
	v, err := read(d.r)
	d.Fail(eof(err))
	return v
}

// Below reads an unsigned varint that must be below n; what names the value
// in the error.
func (d *Decoder) Below(n uint64, what string) uint64 {
	v := d.Uvarint()
	if d.err == nil && v >= n {
		d.Fail(fmt.Errorf("%s %d of %d", what, v, n))
	}
	return v
}

// Bytes reads a byte string of at most limit bytes, so that a corrupt
// length fails cleanly instead of asking for gigabytes.
func (d *Decoder) Bytes(limit int) []byte {
	n := d.Uvarint()
	if d.err != nil {
		return nil
	}
	if n > uint64(limit) {
		d.Fail(fmt.Errorf("string of %d bytes", n))
		return nil
	}
	b := make([]byte, n)
	_, err := io.ReadFull(d.r, b)
	d.Fail(eof(err))
	return b
}

// eof turns io.EOF into io.ErrUnexpectedEOF: inside a model, the end of the
// data is always too early.
func eof(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}
