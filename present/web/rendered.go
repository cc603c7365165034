package web

import (
	"bytes"
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"html/template"
	"net/http"
	"strings"
	"sync"
	"time"
)

// The story page and the story JSON of a big story cost tens of
// milliseconds of CPU to build even from a decoded dossier, and twenty
// readers of one story would build the same bytes twenty times. They are
// built once per story version and kept, so a reader costs a copy of the
// bytes. The story page has two per-reader values, the CSRF token and the
// reader's name in the review forms: the page is built with random
// placeholders for them ("holes"), which are cut out and filled in, escaped
// for the attribute they sit in, on every request.

// renderedBudget bounds the bytes of kept responses; a response larger
// than it is served but not kept.
const renderedBudget = 96 << 20

// buildWait bounds how long a reader waits for a response another
// request is building.
const buildWait = 30 * time.Second

// Hole indexes: the values a kept page is filled in with per request.
const (
	holeCSRF = iota
	holeUser
	holeCount
)

var errBusy = errors.New("busy")

// rendered is one kept response: parts[0] hole[0] parts[1] … parts[n].
type rendered struct {
	contentType string
	parts       [][]byte
	holes       []int
	size        int
}

type renderedEntry struct {
	key   string
	ready chan struct{} // closed when r and err are set
	r     *rendered
	err   error
	used  time.Time
}

// renderedCache keeps responses by key (path, query and story version),
// least recently used out first past renderedBudget.
type renderedCache struct {
	mu      sync.Mutex
	entries map[string]*renderedEntry
	bytes   int
	max     int
	holes   [holeCount]string // this server's placeholders
}

func newRenderedCache(max int) (*renderedCache, error) {
	c := &renderedCache{entries: map[string]*renderedEntry{}, max: max}
	for i := range c.holes {
		b := make([]byte, 16)
		if _, err := rand.Read(b); err != nil {
			return nil, err
		}
		// Letters and digits only: unchanged by every escaper, and
		// unguessable, so article text cannot contain one.
		c.holes[i] = "pxhole" + hex.EncodeToString(b)
	}
	return c, nil
}

// cachedResponse returns key's response, building it with build on a
// miss. Only the builder takes a render slot (waiting at most RenderWait,
// else errBusy); readers of a response being built hold nothing but their
// connection, so they wait for it, up to buildWait.
func (s *Server) cachedResponse(ctx context.Context, key, contentType string, build func(ctx context.Context, buf *bytes.Buffer) error) (*rendered, error) {
	c := s.rendered
	c.mu.Lock()
	e := c.entries[key]
	if e != nil {
		e.used = time.Now()
		c.mu.Unlock()
		t := time.NewTimer(buildWait)
		defer t.Stop()
		select {
		case <-e.ready:
			return e.r, e.err
		case <-t.C:
			return nil, errBusy
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	e = &renderedEntry{key: key, ready: make(chan struct{}), used: time.Now()}
	c.entries[key] = e
	c.mu.Unlock()

	e.r, e.err = s.buildRendered(ctx, contentType, build)
	close(e.ready)
	c.mu.Lock()
	defer c.mu.Unlock()
	if e.err != nil || e.r.size > c.max {
		if c.entries[key] == e {
			delete(c.entries, key)
		}
		return e.r, e.err
	}
	c.bytes += e.r.size
	c.evict()
	return e.r, nil
}

func (s *Server) buildRendered(ctx context.Context, contentType string, build func(ctx context.Context, buf *bytes.Buffer) error) (*rendered, error) {
	t := time.NewTimer(s.opts.RenderWait)
	defer t.Stop()
	select {
	case s.renders <- struct{}{}:
		defer func() { <-s.renders }()
	case <-t.C:
		return nil, errBusy
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	var buf bytes.Buffer
	// Not cancelled with this request: others may be waiting for it.
	if err := build(context.WithoutCancel(ctx), &buf); err != nil {
		return nil, err
	}
	return s.rendered.cut(contentType, buf.Bytes()), nil
}

// cut splits body at the placeholders.
func (c *renderedCache) cut(contentType string, body []byte) *rendered {
	r := &rendered{contentType: contentType, size: len(body)}
	for {
		at, hole := -1, -1
		for h, p := range c.holes {
			if i := bytes.Index(body, []byte(p)); i >= 0 && (at < 0 || i < at) {
				at, hole = i, h
			}
		}
		if at < 0 {
			r.parts = append(r.parts, body)
			return r
		}
		r.parts = append(r.parts, body[:at])
		r.holes = append(r.holes, hole)
		body = body[at+len(c.holes[hole]):]
	}
}

// evict drops the least recently used finished entries past the budget;
// c.mu is held.
func (c *renderedCache) evict() {
	for c.bytes > c.max {
		var oldest *renderedEntry
		for _, e := range c.entries {
			select {
			case <-e.ready:
			default:
				continue // being built
			}
			if e.r != nil && (oldest == nil || e.used.Before(oldest.used)) {
				oldest = e
			}
		}
		if oldest == nil {
			return
		}
		delete(c.entries, oldest.key)
		c.bytes -= oldest.r.size
	}
}

// attrValue escapes a value as html/template does in a quoted attribute,
// where the holes sit.
var attrValue = template.Must(template.New("attr").Parse(`<i v="{{.}}">`))

func escapeAttr(v string) string {
	var b strings.Builder
	attrValue.Execute(&b, v)
	out := b.String()
	return out[len(`<i v="`) : len(out)-len(`">`)]
}

// write sends r with the holes filled in from values.
func (r *rendered) write(w http.ResponseWriter, status int, values [holeCount]string) {
	w.Header().Set("Content-Type", r.contentType)
	var escaped [holeCount]string
	for i, v := range values {
		escaped[i] = escapeAttr(v)
	}
	w.WriteHeader(status)
	for i, p := range r.parts {
		w.Write(p)
		if i < len(r.holes) {
			w.Write([]byte(escaped[r.holes[i]]))
		}
	}
}
