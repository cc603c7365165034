package warc

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// record writes one WARC record.
func record(typ, uri, block string) string {
	return fmt.Sprintf("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2026-03-01T10:00:00Z\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		typ, uri, len(block), block)
}

func httpResponse(status int, ctype, body string) string {
	return fmt.Sprintf("HTTP/1.1 %d X\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s", status, ctype, len(body), body)
}

// Archive is a small archive: warcinfo, a request, two responses.
func archive() string {
	return record("warcinfo", "", "software: test\r\n") +
		record("request", "https://news.example/a", "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n") +
		record("response", "https://news.example/a", httpResponse(200, "text/html", "<p>Bridge reopens</p>")) +
		record("response", "<https://news.example/b>", httpResponse(404, "text/html", "missing"))
}

func readAll(t *testing.T, data []byte) ([]*Record, []*Response, error) {
	t.Helper()
	r, err := NewReader(bytes.NewReader(data))
	if err != nil {
		return nil, nil, err
	}
	var recs []*Record
	var resps []*Response
	for {
		rec, err := r.Next()
		if err == io.EOF {
			return recs, resps, nil
		}
		if err != nil {
			return recs, resps, err
		}
		recs = append(recs, rec)
		if rec.Type() == "response" {
			resp, err := ReadResponse(rec, 1<<20)
			if err != nil {
				return recs, resps, err
			}
			resps = append(resps, resp)
		}
	}
}

func TestRead(t *testing.T) {
	recs, resps, err := readAll(t, []byte(archive()))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 || recs[2].TargetURI() != "https://news.example/a" || recs[3].TargetURI() != "https://news.example/b" {
		t.Fatalf("records: %d", len(recs))
	}
	if string(resps[0].Body) != "<p>Bridge reopens</p>" || resps[0].Status != 200 || resps[1].Status != 404 {
		t.Errorf("responses: %+v", resps)
	}
}

// Each record gzipped on its own, as .warc.gz files are.
func TestReadGzipPerRecord(t *testing.T) {
	var buf bytes.Buffer
	for _, rec := range []string{record("warcinfo", "", "x"), record("response", "https://news.example/a", httpResponse(200, "text/html", "<p>hi</p>"))} {
		zw := gzip.NewWriter(&buf)
		zw.Write([]byte(rec))
		zw.Close()
	}
	recs, resps, err := readAll(t, buf.Bytes())
	if err != nil || len(recs) != 2 || len(resps) != 1 || string(resps[0].Body) != "<p>hi</p>" {
		t.Fatalf("%v: %d records", err, len(recs))
	}
}

func TestTruncatedRecord(t *testing.T) {
	full := archive()
	cut := full[:strings.Index(full, "Bridge")+3]
	recs, _, err := readAll(t, []byte(cut))
	if !errors.Is(err, ErrFormat) && !strings.Contains(fmt.Sprint(err), "unexpected EOF") {
		t.Fatalf("got %v, want a truncation error", err)
	}
	if len(recs) != 3 {
		t.Errorf("%d records before the cut, want 3", len(recs))
	}
	if _, _, err := readAll(t, []byte("<html>not an archive</html>")); !errors.Is(err, ErrFormat) {
		t.Errorf("HTML read as WARC: %v", err)
	}
}

func FuzzReader(f *testing.F) {
	f.Add([]byte(archive()))
	f.Add([]byte("WARC/1.0\r\nContent-Length: 5\r\n\r\nab"))
	f.Add([]byte("WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 3\r\n\r\nHTT"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := NewReader(bytes.NewReader(data))
		if err != nil {
			return
		}
		for i := 0; i < 1000; i++ {
			rec, err := r.Next()
			if err != nil {
				return
			}
			if rec.Type() == "response" {
				ReadResponse(rec, 1<<16)
			}
		}
	})
}
