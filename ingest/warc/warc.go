// Package warc reads web archives in the WARC format (ISO 28500, versions
// 1.0 and 1.1), plain or gzip-compressed record by record (.warc.gz).
//
// In: a stream. Out: records one at a time, each with its named header
// fields and its block, read lazily; for a response record, the archived
// HTTP response. A truncated or malformed record is an error that says
// which record and at what byte; records before it were already returned.
package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// ErrFormat marks input that is not a well-formed WARC record.
var ErrFormat = errors.New("malformed WARC")

// Record is one WARC record.
type Record struct {
	// Number counts records from 1.
	Number  int
	Version string // "WARC/1.0" or "WARC/1.1"
	Header  textproto.MIMEHeader
	// Block is the record's content, Content-Length bytes; read it before
	// the next call to Next, which skips what is left of it.
	Block io.Reader
}

// Type is the WARC-Type field ("response", "request", "warcinfo" …).
func (r *Record) Type() string { return r.Header.Get("WARC-Type") }

// TargetURI is the WARC-Target-URI field, without the angle brackets WARC
// 1.1 examples put around it.
func (r *Record) TargetURI() string {
	return strings.Trim(r.Header.Get("WARC-Target-URI"), "<>")
}

// Reader reads records in order.
type Reader struct {
	br     *bufio.Reader
	count  *countingReader
	block  *io.LimitedReader
	number int
}

type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// NewReader reads a WARC stream; a gzip stream (.warc.gz, one member per
// record or one for all) is decompressed.
func NewReader(r io.Reader) (*Reader, error) {
	br := bufio.NewReader(r)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("gzip: %w", err)
		}
		br = bufio.NewReader(zr)
	}
	c := &countingReader{r: br}
	return &Reader{br: bufio.NewReader(c), count: c}, nil
}

// offset is the byte offset (in the uncompressed stream) of what the next
// read returns.
func (r *Reader) offset() int64 { return r.count.n - int64(r.br.Buffered()) }

// Next returns the next record, or io.EOF after the last.
func (r *Reader) Next() (*Record, error) {
	if r.block != nil {
		if _, err := io.Copy(io.Discard, r.block); err != nil {
			return nil, r.fail("block", err)
		}
		if r.block.N > 0 {
			return nil, r.fail("block", io.ErrUnexpectedEOF)
		}
		r.block = nil
	}
	// Blank lines end the previous record (two CRLFs) and may pad.
	var line string
	for {
		l, err := r.br.ReadString('\n')
		if err == io.EOF && l == "" {
			return nil, io.EOF
		}
		if err != nil && err != io.EOF {
			return nil, r.fail("version line", err)
		}
		line = strings.TrimRight(l, "\r\n")
		if line != "" {
			break
		}
		if err == io.EOF {
			return nil, io.EOF
		}
	}
	r.number++
	start := r.offset()
	if !strings.HasPrefix(line, "WARC/") {
		return nil, fmt.Errorf("%w: record %d at byte %d: %q is not a WARC version line", ErrFormat, r.number, start, clip(line))
	}
	hdr, err := textproto.NewReader(r.br).ReadMIMEHeader()
	if err != nil {
		return nil, r.fail("header", err)
	}
	n, err := strconv.ParseInt(strings.TrimSpace(hdr.Get("Content-Length")), 10, 64)
	if err != nil || n < 0 {
		return nil, fmt.Errorf("%w: record %d at byte %d: Content-Length %q", ErrFormat, r.number, start, hdr.Get("Content-Length"))
	}
	r.block = &io.LimitedReader{R: r.br, N: n}
	return &Record{Number: r.number, Version: line, Header: hdr, Block: &strictBlock{r.block}}, nil
}

func (r *Reader) fail(what string, err error) error {
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	return fmt.Errorf("%w: record %d, %s at byte %d: truncated or unreadable: %v", ErrFormat, r.number, what, r.offset(), err)
}

// strictBlock reports a block cut short by the end of the stream as
// io.ErrUnexpectedEOF instead of a silent short read.
type strictBlock struct{ l *io.LimitedReader }

func (b *strictBlock) Read(p []byte) (int, error) {
	n, err := b.l.Read(p)
	if err == io.EOF && b.l.N > 0 {
		err = io.ErrUnexpectedEOF
	}
	return n, err
}

// Response is an archived HTTP response.
type Response struct {
	Status      int
	ContentType string
	Body        []byte
}

// ReadResponse parses a response record's block as an HTTP response and
// reads its body up to max bytes (more is an error). Chunked transfer
// coding is undone; a gzip Content-Encoding too, since an archive keeps
// what the server sent.
func ReadResponse(rec *Record, max int64) (*Response, error) {
	resp, err := http.ReadResponse(bufio.NewReader(rec.Block), nil)
	if err != nil {
		return nil, fmt.Errorf("record %d: HTTP response: %w", rec.Number, err)
	}
	defer resp.Body.Close()
	var body io.Reader = resp.Body
	if strings.EqualFold(resp.Header.Get("Content-Encoding"), "gzip") {
		zr, err := gzip.NewReader(resp.Body)
		if err != nil {
			return nil, fmt.Errorf("record %d: gzip body: %w", rec.Number, err)
		}
		body = zr
	}
	data, err := io.ReadAll(io.LimitReader(body, max+1))
	if err != nil {
		return nil, fmt.Errorf("record %d: body: %w", rec.Number, err)
	}
	if int64(len(data)) > max {
		return nil, fmt.Errorf("record %d: body over %d bytes", rec.Number, max)
	}
	return &Response{Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"), Body: data}, nil
}

func clip(s string) string {
	if len(s) > 40 {
		return s[:40] + "…"
	}
	return string(bytes.ToValidUTF8([]byte(s), []byte("?")))
}
