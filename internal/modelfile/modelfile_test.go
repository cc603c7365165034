package modelfile

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func TestRoundTripAndRefusals(t *testing.T) {
	var buf bytes.Buffer
	w, err := Create(&buf, "MAGIC1")
	if err != nil {
		t.Fatal(err)
	}
	w.WriteString("payload")
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	br, err := Open(bytes.NewReader(buf.Bytes()), "MAGIC1")
	if err != nil {
		t.Fatal(err)
	}
	if rest, _ := io.ReadAll(br); string(rest) != "payload" {
		t.Fatalf("payload = %q", rest)
	}
	if _, err := Open(bytes.NewReader(buf.Bytes()), "MAGIC2"); !errors.Is(err, ErrMagic) {
		t.Fatalf("other version: err = %v, want ErrMagic", err)
	}
	if _, err := Open(bytes.NewReader([]byte("plain text")), "MAGIC1"); err == nil || errors.Is(err, ErrMagic) {
		t.Fatalf("not gzip: err = %v, want gzip's error", err)
	}
	var short bytes.Buffer
	w, _ = Create(&short, "MA")
	w.Close()
	if _, err := Open(bytes.NewReader(short.Bytes()), "MAGIC1"); !errors.Is(err, ErrMagic) {
		t.Fatalf("short stream: err = %v, want ErrMagic", err)
	}
}
