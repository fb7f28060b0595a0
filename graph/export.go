package graph

import (
	"context"
	"fmt"
	"io"

	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/jsonld"
	"github.com/cayleygraph/quad/nquads"
)

// Export formats.
const (
	FormatNQuads = "nquads" // one quad per line, streamed as it is read
	FormatJSONLD = "jsonld" // a JSON-LD document, built in memory by Cayley's writer
)

// Export writes the whole graph to w, load records included, so that the output loaded into
// an empty Cayley store reproduces this one (and its articles stay replaceable).
// format is FormatNQuads or FormatJSONLD; anything else is ErrUnknownFormat.
func (s *Store) Export(ctx context.Context, w io.Writer, format string) error {
	var qw quad.WriteCloser
	switch format {
	case FormatNQuads:
		qw = nquads.NewWriter(w)
	case FormatJSONLD:
		qw = jsonld.NewWriter(w)
	default:
		return fmt.Errorf("export: %w %q (want %s or %s)", ErrUnknownFormat, format, FormatNQuads, FormatJSONLD)
	}
	it := s.qs.QuadsAllIterator().Iterate()
	defer it.Close()
	for it.Next(ctx) {
		q, err := s.qs.Quad(it.Result())
		if err != nil {
			return fmt.Errorf("export %s: read quad: %w", format, err)
		}
		if err := qw.WriteQuad(q); err != nil {
			return fmt.Errorf("export %s: %w", format, err)
		}
	}
	if err := it.Err(); err != nil {
		return fmt.Errorf("export %s: read quads: %w", format, err)
	}
	if err := qw.Close(); err != nil {
		return fmt.Errorf("export %s: %w", format, err)
	}
	return nil
}
