package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"mime"
	"os"
	"strings"

	"github.com/parallaxnews/parallax/ingest/warc"
)

// isWARC reports a web archive by its name: .warc or .warc.gz.
func isWARC(path string) bool {
	lower := strings.ToLower(path)
	return strings.HasSuffix(lower, ".warc") || strings.HasSuffix(lower, ".warc.gz")
}

// readWARC reads a web archive as it streams: each archived 2xx response
// whose content type is HTML or plain text becomes one input named
// "path#URL", its payload unchanged, the size limit applying to each.
// Other records (requests, metadata, redirects, images) are not articles
// and are passed over. A truncated or malformed record is reported with
// the archive's name; the records before it still go through.
func readWARC(ctx context.Context, path string, f *os.File, opts Options, fn func(Input) error, onErr func(*Error)) error {
	r, err := warc.NewReader(f)
	if err != nil {
		onErr(&Error{Source: path, Err: err})
		return nil
	}
	articles := 0
	// A response that fails to parse is reported once the next record is
	// read: if the archive is cut short there, that one error says so.
	var pending *Error
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		rec, err := r.Next()
		if err != nil && !errors.Is(err, io.EOF) {
			onErr(&Error{Source: path, Err: err})
			return nil
		}
		if pending != nil {
			onErr(pending)
			pending = nil
		}
		if errors.Is(err, io.EOF) {
			break
		}
		if rec.Type() != "response" {
			continue
		}
		src := path + "#" + rec.TargetURI()
		resp, err := warc.ReadResponse(rec, opts.maxBytes())
		if err != nil {
			pending = &Error{Source: src, Err: err}
			continue
		}
		format := archivedFormat(resp.ContentType)
		if resp.Status < 200 || resp.Status > 299 || format == "" {
			continue
		}
		articles++
		if err := emit(ctx, src, format, resp.Body, fn, onErr); err != nil {
			return err
		}
	}
	if articles == 0 {
		onErr(&Error{Source: path, Err: fmt.Errorf("%w: no HTML or text page in the archive", ErrEmpty)})
	}
	return nil
}

// archivedFormat maps an archived response's content type to an input
// format; "" for what is not an article page.
func archivedFormat(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	switch {
	case strings.Contains(mt, "html"):
		return FormatHTML
	case mt == "text/plain":
		return FormatText
	}
	return ""
}
