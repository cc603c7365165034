package progress

import (
	"bytes"
	"os"
	"testing"
	"time"
)

func TestQuietWhenNotATerminal(t *testing.T) {
	var buf bytes.Buffer
	l := New(&buf)
	l.Update("annotating", 1, 10)
	l.Clear()
	if l != nil || buf.Len() != 0 {
		t.Errorf("printed %q to a buffer", buf.String())
	}
	f, err := os.CreateTemp(t.TempDir(), "out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if IsTerminal(f) {
		t.Error("a regular file taken for a terminal")
	}
}

func TestDrawsOnATerminal(t *testing.T) {
	var buf bytes.Buffer
	l := &Line{w: &buf, every: time.Hour}
	l.Update("annotating", 0, 4)
	l.Update("annotating", 2, 4) // throttled
	l.Update("annotating", 4, 4) // the last is always drawn
	l.Clear()
	out := buf.String()
	if !bytes.Contains(buf.Bytes(), []byte("annotating 4/4 documents")) || bytes.Contains(buf.Bytes(), []byte("2/4")) {
		t.Errorf("drawn: %q", out)
	}
}

func TestFormat(t *testing.T) {
	got := Format("annotating", 100, 1000, 10*time.Second)
	if got != "annotating 100/1000 documents, 10.0/s, 1m30s left" {
		t.Errorf("got %q", got)
	}
}
