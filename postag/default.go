package postag

import (
	"bytes"
	_ "embed"
	"sync"
)

// enEWT is the English model trained on UD_English-EWT (CC BY-SA 4.0, see
// MODEL_LICENSE).
//
//go:embed model/en_ewt.bin.gz
var enEWT []byte

var defaultTagger = sync.OnceValues(func() (*Tagger, error) {
	m, err := ReadModel(bytes.NewReader(enEWT), "model/en_ewt.bin.gz")
	if err != nil {
		return nil, err
	}
	return NewTagger(m), nil
})

// Default returns the tagger with the embedded English model, loading it on
// first use. The error is only ever about a broken build.
func Default() (*Tagger, error) { return defaultTagger() }
