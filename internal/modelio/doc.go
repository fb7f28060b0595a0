// Package modelio is the binary container the tagger's and the parser's
// model files share: a gzip'd stream that opens with a magic string and a
// format version, then holds varints and length-prefixed byte strings.
//
// A Format writes and reads one kind of model:
//
//	f := modelio.Format{Magic: "newsgraph-postag", Version: 1, ErrBad: ErrBadModel}
//	err := f.Write(w, func(e *modelio.Encoder) { e.Uvarint(n); e.Bytes(b) })
//	m, err := modelio.Read(f, r, name, func(d *modelio.Decoder) (*Model, error) { n := d.Uvarint(); … })
//
// The Decoder's error is sticky: after the first failure every read returns
// zero values, so a decoding function checks d.Err() where a bad value would
// make it go on wrongly (a huge count, say), not after every read.
//
// Read checks what must hold of every model file: the magic and version
// match, the data ends where the model does, and gzip's checksum and length
// agree. Every error it returns wraps the Format's ErrBad and names the file.
//
// modelio imports only the standard library, and never a newsgraph package:
// postag and depparse build on it.
package modelio
