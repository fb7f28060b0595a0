package fileio

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// ReadFile opens path and reads it with read, which is given the path to
// name in its errors; what says what the file is in an error opening it.
func ReadFile[T any](path, what string, read func(r io.Reader, name string) (T, error)) (T, error) {
	f, err := os.Open(path)
	if err != nil {
		var zero T
		return zero, fmt.Errorf("open %s: %w", what, err)
	}
	defer f.Close()
	return read(f, path)
}

// WriteFile creates path, and the directories it is in, writes it with
// write and returns its size. A file write fails on is left as far as it
// got.
func WriteFile(path string, write func(io.Writer) error) (int64, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	f, err := os.Create(path)
	if err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	if err := write(f); err != nil {
		f.Close()
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	info, err := f.Stat()
	if err != nil {
		f.Close()
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return 0, fmt.Errorf("write %s: %w", path, err)
	}
	return info.Size(), nil
}
