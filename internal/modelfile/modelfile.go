// Package modelfile is the container of the trained models the project
// embeds (the parser's and the entity tagger's): a gzip stream that starts
// with a format magic, so a file of another kind or version is refused
// before any of it is decoded.
package modelfile

import (
	"bufio"
	"compress/gzip"
	"errors"
	"io"
)

// ErrMagic means the stream is gzip but not a model of the expected
// format and version.
var ErrMagic = errors.New("model file: wrong format or version")

// Open decompresses r and checks that it starts with magic; the returned
// reader is positioned after it. A stream that is not gzip gives gzip's
// error; one that is but lacks the magic gives ErrMagic.
func Open(r io.Reader, magic string) (*bufio.Reader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := bufio.NewReader(zr)
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return nil, ErrMagic
	}
	return br, nil
}

// Writer writes a model file: Create has written the magic; Close flushes
// the buffer and ends the gzip stream.
type Writer struct {
	*bufio.Writer
	zw *gzip.Writer
}

// Create starts a model file on w with the best compression.
func Create(w io.Writer, magic string) (*Writer, error) {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return nil, err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(magic)
	return &Writer{Writer: bw, zw: zw}, nil
}

// Close flushes what is buffered and closes the gzip stream (not w).
func (w *Writer) Close() error {
	if err := w.Flush(); err != nil {
		return err
	}
	return w.zw.Close()
}
