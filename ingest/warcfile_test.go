package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
)

func warcRecord(typ, uri, block string) string {
	return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, len(block), block)
}

func warcResponse(status int, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

// A .warc.gz gives one input per archived page, named by the archive and
// the URL; a record cut short is reported naming the archive, and the
// pages before it still go through.
func TestWalkReadsWARC(t *testing.T) {
	page := "<html><body><p>The bridge over the Orlik reopened on Monday after repairs.</p></body></html>"
	recs := []string{
		warcRecord("warcinfo", "", "software: test"),
		warcRecord("response", "https://news.example/bridge", warcResponse(200, "text/html; charset=utf-8", page)),
		warcRecord("response", "https://news.example/logo.png", warcResponse(200, "image/png", "\x89PNG")),
		warcRecord("response", "https://news.example/old", warcResponse(301, "text/html", "moved")),
		warcRecord("response", "https://news.example/notes.txt", warcResponse(200, "text/plain", "Road closed near the bridge until Friday, officials said.")),
	}
	truncated := warcRecord("response", "https://news.example/cut", warcResponse(200, "text/html", page))
	recs = append(recs, truncated[:len(truncated)/2])
	var buf bytes.Buffer
	for _, r := range recs {
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(r))
		zw.Close()
	}
	path := filepath.Join(t.TempDir(), "crawl.warc.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var got []ingest.Input
	var errs []*ingest.Error
	err := ingest.Walk(context.Background(), []string{path}, ingest.Options{},
		func(in ingest.Input) error { got = append(got, in); return nil },
		func(e *ingest.Error) { errs = append(errs, e) })
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].Source != path+"#https://news.example/bridge" || string(got[0].Raw) != page || got[0].Format != ingest.FormatHTML {
		t.Fatalf("inputs: %+v", got)
	}
	if got[1].Format != ingest.FormatText {
		t.Errorf("text page format %q", got[1].Format)
	}
	if len(errs) != 1 || errs[0].Source != path || !strings.Contains(errs[0].Error(), "truncated") {
		t.Errorf("errors: %v", errs)
	}
}
