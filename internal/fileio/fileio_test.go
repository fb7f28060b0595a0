package fileio

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// readAll is a reader in the shape ReadFile takes: it returns the text and
// fails on text that says "bad", naming the file.
func readAll(r io.Reader, name string) (string, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return "", err
	}
	if strings.Contains(string(b), "bad") {
		return "", errors.New(name + ": bad text")
	}
	return string(b), nil
}

func TestWriteThenRead(t *testing.T) {
	path := filepath.Join(t.TempDir(), "model", "m.bin")
	size, err := WriteFile(path, func(w io.Writer) error {
		_, err := io.WriteString(w, "weights")
		return err
	})
	if err != nil || size != 7 {
		t.Fatalf("WriteFile = %d, %v; want 7, nil", size, err)
	}
	got, err := ReadFile(path, "model", readAll)
	if err != nil || got != "weights" {
		t.Errorf("ReadFile = %q, %v; want \"weights\", nil", got, err)
	}
}

func TestErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.txt")
	if err := os.WriteFile(bad, []byte("bad"), 0o644); err != nil {
		t.Fatal(err)
	}
	errWrite := errors.New("disk full")
	for _, tc := range []struct {
		name string
		do   func() error
		want string
		is   error
	}{
		{"missing", func() error { _, err := ReadFile(filepath.Join(dir, "none"), "treebank", readAll); return err },
			"open treebank: open " + filepath.Join(dir, "none") + ": no such file or directory", fs.ErrNotExist},
		{"reader's error", func() error { _, err := ReadFile(bad, "treebank", readAll); return err },
			bad + ": bad text", nil},
		{"write fails", func() error {
			_, err := WriteFile(filepath.Join(dir, "w.bin"), func(io.Writer) error { return errWrite })
			return err
		}, "write " + filepath.Join(dir, "w.bin") + ": disk full", errWrite},
		{"directory in the way", func() error {
			_, err := WriteFile(filepath.Join(bad, "m.bin"), func(io.Writer) error { return nil })
			return err
		}, "write " + filepath.Join(bad, "m.bin") + ": mkdir " + bad + ": not a directory", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.do()
			if err == nil || err.Error() != tc.want || tc.is != nil && !errors.Is(err, tc.is) {
				t.Errorf("error %v, want %q", err, tc.want)
			}
		})
	}
}
