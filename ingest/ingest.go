// Package ingest reads articles from files, folders, stdin and JSON Lines.
//
// In: paths given by the user ("-" is stdin). Out: one Input per article with
// its raw bytes untouched and its format detected, or an *Error naming the
// input and saying why it was rejected. Rejecting one input never stops the
// others.
package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"time"
	"unicode"
	"unicode/utf8"
)

// DefaultMaxBytes is the default size limit of one input file (10 MB).
const DefaultMaxBytes = 10 << 20

// Formats of input.
const (
	FormatText  = "text"
	FormatHTML  = "html"
	FormatJSONL = "jsonl"
	// formatJSON is a .json file: one record object or an array of them.
	formatJSON = "json"
)

// Reasons an input is rejected; callers can branch with errors.Is.
var (
	ErrEmpty       = errors.New("empty input")
	ErrTooLarge    = errors.New("input over the size limit")
	ErrBinary      = errors.New("binary input, not text")
	ErrInvalidUTF8 = errors.New("invalid UTF-8")
	ErrBadRecord   = errors.New("bad JSON Lines record")
	ErrNotRegular  = errors.New("not a regular file")
	ErrStalled     = errors.New("input stalled")
)

// Error is a rejected input: which one and why.
type Error struct {
	Source string // path, "-", or "path#line"
	Err    error
}

func (e *Error) Error() string { return Printable(e.Source) + ": " + e.Err.Error() }

// Printable escapes control characters, bidirectional overrides and
// invalid UTF-8 in a name (Go escapes such as \n, \x1b, \u202e), so a
// file name cannot move the cursor, recolour or rewrite a terminal line,
// or forge a second message line.
func Printable(name string) string {
	clean := true
	for _, r := range name {
		if needsEscape(r) {
			clean = false
			break
		}
	}
	if clean {
		return name
	}
	var b strings.Builder
	for i := 0; i < len(name); {
		r, w := utf8.DecodeRuneInString(name[i:])
		switch {
		case r == utf8.RuneError && w == 1:
			fmt.Fprintf(&b, `\x%02x`, name[i])
		case needsEscape(r):
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
		default:
			b.WriteString(name[i : i+w])
		}
		i += w
	}
	return b.String()
}

func needsEscape(r rune) bool {
	return r == utf8.RuneError || unicode.IsControl(r) || unicode.Is(unicode.Bidi_Control, r) || r == '\u2028' || r == '\u2029'
}
func (e *Error) Unwrap() error { return e.Err }

// Options controls reading. The zero value means the defaults.
type Options struct {
	// MaxBytes is the largest accepted file; 0 means DefaultMaxBytes.
	MaxBytes int64
	// Stdin is read for the path "-"; nil means no stdin is available.
	Stdin io.Reader
	// StallTimeout is how long reading one input may go without receiving
	// a byte before it is given up (default DefaultStallTimeout).
	StallTimeout time.Duration
}

// DefaultStallTimeout is how long an input may send nothing before it is
// given up.
const DefaultStallTimeout = 30 * time.Second

func (o Options) stallTimeout() time.Duration {
	if o.StallTimeout > 0 {
		return o.StallTimeout
	}
	return DefaultStallTimeout
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

// Input is one article as read, before cleaning.
type Input struct {
	// Source names the input: a path, "-", or "path#N" for line N of a
	// JSON Lines file.
	Source string
	// Format is FormatText or FormatHTML. (A JSON Lines line becomes one
	// Input whose Format says whether its record carried text or html.)
	Format string
	// Raw is the input exactly as read: the whole file, or one JSONL line.
	Raw []byte
	// Record holds the fields of a JSON Lines record; nil otherwise.
	Record *Record
}

// Record is one line of a JSON Lines file (or one object of a .json file).
// Other tools name the same fields differently (schema.org's `headline`
// and `datePublished`, news crawlers' `published_at`, `link`, `byline`):
// each field is read from the first of its accepted names present
// (recordFieldNames), matched without regard to case.
type Record struct {
	Text      string
	HTML      string
	URL       string
	Title     string
	Outlet    string
	Authors   json.RawMessage // a list of names, one string, or objects with a "name"
	Published string
	Language  string
	// Keys names the key each field was read from ("title" → "headline"),
	// for the evidence kept with the metadata.
	Keys map[string]string
}

// recordFieldNames are the names a record's fields go by, most specific
// first, as data: a new exporter's field name is an entry here.
var recordFieldNames = []struct {
	field string
	names []string
}{
	{"text", []string{"text", "articleBody", "article_body", "body", "content", "maintext", "plain_text", "raw_text"}},
	{"html", []string{"html", "raw_html", "content_html", "html_content", "body_html"}},
	{"url", []string{"url", "link", "canonical_url", "canonical", "og:url", "source_url", "article_url", "uri", "source"}},
	{"title", []string{"title", "headline", "og:title", "og_title", "dc:title", "name"}},
	{"outlet", []string{"outlet", "site_name", "og:site_name", "sitename", "publisher", "source_name", "source", "site", "newspaper"}},
	{"authors", []string{"authors", "author", "byline", "creator", "dc:creator", "author_name"}},
	{"published", []string{"published", "datePublished", "date_published", "published_at", "publishedAt", "published_time",
		"article:published_time", "pubDate", "pub_date", "publish_date", "date_publish", "date", "dateCreated"}},
	{"language", []string{"language", "lang", "inLanguage", "locale"}},
}

// UnmarshalJSON reads a record object under any of its fields' accepted
// names. A value of another shape than the field takes (a number as a
// title) is passed over; only a record that is not a JSON object is an
// error.
func (r *Record) UnmarshalJSON(data []byte) error {
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(data, &obj); err != nil {
		return err
	}
	if obj == nil {
		return errors.New("a record must be a JSON object")
	}
	byKey := make(map[string]string, len(obj)) // folded key → key as written
	for k := range obj {
		f := strings.ToLower(k)
		if prev, ok := byKey[f]; !ok || k < prev {
			byKey[f] = k // one spelling chosen the same way every time
		}
	}
	*r = Record{}
	for _, f := range recordFieldNames {
		for _, name := range f.names {
			key, ok := byKey[strings.ToLower(name)]
			if !ok {
				continue
			}
			raw := obj[key]
			if f.field == "authors" {
				if len(authorNames(raw)) == 0 {
					continue
				}
				r.Authors = raw
			} else {
				v := recordString(raw, f.field == "published")
				if f.field == "url" && v != "" && !isWebAddress(v) {
					continue // "source": a name, not the page's address
				}
				if f.field == "outlet" && isWebAddress(v) {
					continue // "source": the page's address (trafilatura's JSON)
				}
				if v == "" {
					continue
				}
				r.setField(f.field, v)
			}
			if r.Keys == nil {
				r.Keys = map[string]string{}
			}
			r.Keys[f.field] = key
			break
		}
	}
	if r.Keys["text"] != "" && r.Keys["text"] != "text" && r.HTML == "" && looksLikeMarkup(r.Text) {
		// "content" or "body" holding the page's HTML.
		r.HTML, r.Text = r.Text, ""
		r.Keys["html"] = r.Keys["text"]
		delete(r.Keys, "text")
	}
	return nil
}

func (r *Record) setField(field, v string) {
	switch field {
	case "text":
		r.Text = v
	case "html":
		r.HTML = v
	case "url":
		r.URL = v
	case "title":
		r.Title = v
	case "outlet":
		r.Outlet = v
	case "published":
		r.Published = v
	case "language":
		r.Language = v
	}
}

// recordString reads a field's value as text: a string, an object's
// "name" or "@value" (schema.org's publisher and author objects), the
// first item of a list; for a date, a Unix time in seconds or
// milliseconds becomes an RFC 3339 time.
func recordString(raw json.RawMessage, date bool) string {
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return strings.TrimSpace(s)
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) == nil {
		for _, k := range []string{"name", "@value", "value"} {
			if v, ok := obj[k]; ok {
				return recordString(v, date)
			}
		}
		return ""
	}
	var list []json.RawMessage
	if json.Unmarshal(raw, &list) == nil && len(list) > 0 {
		return recordString(list[0], date)
	}
	var n float64
	if date && json.Unmarshal(raw, &n) == nil {
		switch {
		case n >= 1e9 && n < 1e11:
			return time.Unix(int64(n), 0).UTC().Format(time.RFC3339)
		case n >= 1e12 && n < 1e14:
			return time.UnixMilli(int64(n)).UTC().Format(time.RFC3339)
		}
	}
	return ""
}

// isWebAddress reports an absolute http(s) address.
func isWebAddress(s string) bool {
	l := strings.ToLower(s)
	return (strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")) && !strings.ContainsAny(s, " \n")
}

// looksLikeMarkup reports text that is an HTML document or fragment.
func looksLikeMarkup(s string) bool {
	t := strings.TrimSpace(s)
	if !strings.HasPrefix(t, "<") {
		return false
	}
	l := strings.ToLower(t[:min(len(t), 4096)])
	for _, tag := range []string{"</p>", "</div>", "<html", "<body", "<article", "<br"} {
		if strings.Contains(l, tag) {
			return true
		}
	}
	return false
}

// AuthorList returns the record's authors whether given as a list or as one
// string.
func (r *Record) AuthorList() []string { return authorNames(r.Authors) }

// authorNames reads author names from a list of names, one string, an
// object with a "name", or a list of such objects.
func authorNames(raw json.RawMessage) []string {
	if len(raw) == 0 {
		return nil
	}
	var items []json.RawMessage
	if json.Unmarshal(raw, &items) != nil {
		items = []json.RawMessage{raw}
	}
	var names []string
	for _, it := range items {
		if n := recordString(it, false); n != "" {
			names = append(names, n)
		}
	}
	return names
}

// Walk reads every input under paths, calling fn for each article and onErr
// for each rejected input, in a stable order (folders are walked in lexical
// order). It stops early only when ctx is cancelled or fn returns an error.
func Walk(ctx context.Context, paths []string, opts Options, fn func(Input) error, onErr func(*Error)) error {
	for _, p := range paths {
		if err := ctx.Err(); err != nil {
			return err
		}
		if p == "-" {
			if opts.Stdin == nil {
				onErr(&Error{Source: "-", Err: errors.New("no standard input")})
				continue
			}
			data, err := readLimited(ctx, opts.Stdin, opts)
			if err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				onErr(&Error{Source: "-", Err: err})
				continue
			}
			if err := emit(ctx, "-", "", data, fn, onErr); err != nil {
				return err
			}
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			onErr(&Error{Source: p, Err: unwrapPathError(err)})
			continue
		}
		if !info.IsDir() {
			if err := readFile(ctx, p, opts, fn, onErr); err != nil {
				return err
			}
			continue
		}
		var files []string
		werr := filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				onErr(&Error{Source: path, Err: unwrapPathError(err)})
				if d != nil && d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			name := d.Name()
			if path != p && strings.HasPrefix(name, ".") {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil // hidden files such as .DS_Store are not articles
			}
			if !d.IsDir() && !skipInFolder(name) {
				// Named pipes, devices and sockets are refused by type, before
				// anything opens them: opening a FIFO blocks until a writer
				// comes. Symbolic links are checked where they point.
				if t := d.Type(); t&fs.ModeSymlink == 0 && !t.IsRegular() {
					onErr(&Error{Source: path, Err: notRegular(t)})
					return nil
				}
				files = append(files, path)
			}
			return nil
		})
		if werr != nil {
			return fmt.Errorf("walk %s: %w", p, werr)
		}
		sort.Strings(files)
		for _, f := range files {
			if err := readFile(ctx, f, opts, fn, onErr); err != nil {
				return err
			}
		}
	}
	return nil
}

// skipInFolder reports files inside a folder that are documentation of the
// corpus rather than articles (licences, READMEs, notices).
func skipInFolder(name string) bool {
	base := strings.ToUpper(strings.TrimSuffix(name, filepath.Ext(name)))
	switch base {
	case "README", "LICENSE", "LICENCE", "NOTICE", "COPYING":
		return true
	}
	return false
}

// notRegular names the kind of a special file in ErrNotRegular.
func notRegular(m fs.FileMode) error {
	kind := "special file"
	switch {
	case m&fs.ModeNamedPipe != 0:
		kind = "named pipe (FIFO)"
	case m&fs.ModeSocket != 0:
		kind = "socket"
	case m&fs.ModeCharDevice != 0:
		kind = "character device"
	case m&fs.ModeDevice != 0:
		kind = "device"
	case m&fs.ModeIrregular != 0:
		kind = "irregular file"
	}
	return fmt.Errorf("%w: a %s", ErrNotRegular, kind)
}

func readFile(ctx context.Context, path string, opts Options, fn func(Input) error, onErr func(*Error)) error {
	// Checked by type before opening (opening a FIFO blocks), then again on
	// the open file in case the path was swapped in between; the open is
	// non-blocking for the same reason.
	if info, err := os.Stat(path); err != nil {
		onErr(&Error{Source: path, Err: unwrapPathError(err)})
		return nil
	} else if !info.Mode().IsRegular() {
		onErr(&Error{Source: path, Err: notRegular(info.Mode())})
		return nil
	}
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		onErr(&Error{Source: path, Err: unwrapPathError(err)})
		return nil
	}
	defer f.Close()
	if info, err := f.Stat(); err != nil || !info.Mode().IsRegular() {
		if err == nil {
			err = notRegular(info.Mode())
		}
		onErr(&Error{Source: path, Err: err})
		return nil
	}
	if isWARC(path) {
		return readWARC(ctx, path, f, opts, fn, onErr)
	}
	data, err := readLimited(ctx, f, opts)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		onErr(&Error{Source: path, Err: err})
		return nil
	}
	return emit(ctx, path, formatFromName(path), data, fn, onErr)
}

// readLimited reads all of r, failing with ErrTooLarge past the size limit
// and with ErrStalled when no byte arrives for the stall timeout; it returns
// at once when ctx is cancelled. A read that never returns is left behind
// in its goroutine, which ends when the input does.
func readLimited(ctx context.Context, r io.Reader, opts Options) ([]byte, error) {
	max := opts.maxBytes()
	pr := &progressReader{r: r}
	pr.last.Store(time.Now().UnixNano())
	type result struct {
		data []byte
		err  error
	}
	done := make(chan result, 1)
	go func() {
		data, err := io.ReadAll(io.LimitReader(pr, max+1))
		done <- result{data, err}
	}()
	stall := opts.stallTimeout()
	tick := time.NewTicker(min(stall/4, time.Second))
	defer tick.Stop()
	for {
		select {
		case res := <-done:
			if res.err != nil {
				return nil, fmt.Errorf("read: %w", res.err)
			}
			if int64(len(res.data)) > max {
				return nil, fmt.Errorf("%w (%s; raise it with --max-size)", ErrTooLarge, humanBytes(max))
			}
			return res.data, nil
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-tick.C:
			if idle := time.Since(time.Unix(0, pr.last.Load())); idle > stall {
				return nil, fmt.Errorf("%w: nothing received for %s", ErrStalled, idle.Round(time.Second))
			}
		}
	}
}

// progressReader records when its reader last delivered bytes.
type progressReader struct {
	r    io.Reader
	last atomic.Int64 // unix nanoseconds
}

func (p *progressReader) Read(b []byte) (int, error) {
	n, err := p.r.Read(b)
	if n > 0 {
		p.last.Store(time.Now().UnixNano())
	}
	return n, err
}

// emit checks one file's bytes and hands its articles to fn.
func emit(ctx context.Context, source, format string, data []byte, fn func(Input) error, onErr func(*Error)) error {
	if err := checkText(data); err != nil {
		onErr(&Error{Source: source, Err: err})
		return nil
	}
	if format == "" {
		format = sniff(data)
	}
	switch format {
	case FormatJSONL:
		return emitJSONL(ctx, source, data, fn, onErr)
	case formatJSON:
		return emitJSON(ctx, source, data, fn, onErr)
	}
	return fn(Input{Source: source, Format: format, Raw: data})
}

func emitJSONL(ctx context.Context, source string, data []byte, fn func(Input) error, onErr func(*Error)) error {
	lineNo, articles := 0, 0
	for rest := data; len(rest) > 0; {
		lineNo++
		if err := ctx.Err(); err != nil {
			return err
		}
		line := rest
		if i := bytes.IndexByte(rest, '\n'); i >= 0 {
			line, rest = rest[:i], rest[i+1:]
		} else {
			rest = nil
		}
		line = bytes.TrimSuffix(line, []byte("\r"))
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		ok, err := emitRecord(fmt.Sprintf("%s#%d", source, lineNo), line, fn, onErr)
		if err != nil {
			return err
		}
		if ok {
			articles++
		}
	}
	if articles == 0 && lineNo == 0 {
		onErr(&Error{Source: source, Err: ErrEmpty})
	}
	return nil
}

// emitRecord reads one JSON record and hands it to fn with raw, its bytes
// exactly as they were in the input, which the document ID is the hash of.
// It reports whether the record was an article.
func emitRecord(source string, raw []byte, fn func(Input) error, onErr func(*Error)) (bool, error) {
	var rec Record
	if err := json.Unmarshal(raw, &rec); err != nil {
		onErr(&Error{Source: source, Err: fmt.Errorf("%w: %v", ErrBadRecord, err)})
		return false, nil
	}
	format := FormatText
	switch {
	case strings.TrimSpace(rec.Text) != "":
	case strings.TrimSpace(rec.HTML) != "":
		format = FormatHTML
	default:
		onErr(&Error{Source: source, Err: fmt.Errorf("%w: no \"text\" or \"html\" field (nor articleBody, body, content, …)", ErrBadRecord)})
		return false, nil
	}
	return true, fn(Input{Source: source, Format: format, Raw: bytes.Clone(raw), Record: &rec})
}

// emitJSON reads a .json file holding one record (whose raw bytes are the
// whole file) or an array of records (each keeping its own bytes exactly,
// named "path#N").
func emitJSON(ctx context.Context, source string, data []byte, fn func(Input) error, onErr func(*Error)) error {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 || trimmed[0] != '[' {
		_, err := emitRecord(source, data, fn, onErr)
		return err
	}
	var records []json.RawMessage
	if err := json.Unmarshal(trimmed, &records); err != nil {
		onErr(&Error{Source: source, Err: fmt.Errorf("%w: %v", ErrBadRecord, err)})
		return nil
	}
	for i, r := range records {
		if err := ctx.Err(); err != nil {
			return err
		}
		if _, err := emitRecord(fmt.Sprintf("%s#%d", source, i+1), r, fn, onErr); err != nil {
			return err
		}
	}
	if len(records) == 0 {
		onErr(&Error{Source: source, Err: ErrEmpty})
	}
	return nil
}

// checkText rejects empty, binary and non-UTF-8 input. Binary is judged
// over the whole input: a known binary signature at the start, a NUL
// anywhere, or control characters making up more than maxControlShare of
// it. One stray control character (a BEL pasted with a headline) is not
// binary.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	ct := http.DetectContentType(data[:min(len(data), 512)])
	if isBinaryType(ct) {
		return fmt.Errorf("%w (looks like %s)", ErrBinary, ct)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return fmt.Errorf("%w (NUL byte at %d)", ErrBinary, i)
	}
	controls := 0
	for _, b := range data {
		if b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != '\v' && b != 0x1b || b == 0x7f {
			controls++
		}
	}
	if float64(controls) > maxControlShare*float64(len(data)) {
		return fmt.Errorf("%w (%d control characters in %d bytes)", ErrBinary, controls, len(data))
	}
	if !utf8.Valid(data) {
		return fmt.Errorf("%w at byte %d", ErrInvalidUTF8, firstInvalid(data))
	}
	return nil
}

// maxControlShare is the share of control characters (besides tab, line
// breaks, form feed and escape) above which an input is binary.
const maxControlShare = 0.01

// isBinaryType reports content types of binary formats that
// http.DetectContentType recognises by signature. Its fallback,
// application/octet-stream, only says a control byte was seen in the first
// 512 bytes, which checkText judges itself.
func isBinaryType(ct string) bool {
	if strings.HasPrefix(ct, "text/") || ct == "application/octet-stream" {
		return false
	}
	return ct != "application/json" && !strings.HasPrefix(ct, "application/xml")
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, w := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && w == 1 {
			return i
		}
		i += w
	}
	return -1
}

// formatFromName maps a file extension to a format; "" means sniff.
func formatFromName(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown", ".text":
		return FormatText
	case ".html", ".htm", ".xhtml":
		return FormatHTML
	case ".jsonl", ".ndjson":
		return FormatJSONL
	case ".json":
		return formatJSON
	}
	return ""
}

// sniff guesses the format of input that came without a telling name.
func sniff(data []byte) string {
	trimmed := bytes.TrimSpace(data)
	if len(trimmed) > 0 && trimmed[0] == '{' {
		first := trimmed
		if i := bytes.IndexByte(first, '\n'); i >= 0 {
			first = first[:i]
		}
		if json.Valid(first) {
			return FormatJSONL
		}
	}
	lower := bytes.ToLower(trimmed[:min(len(trimmed), 1024)])
	if bytes.HasPrefix(lower, []byte("<!doctype html")) || bytes.Contains(lower, []byte("<html")) ||
		bytes.Contains(lower, []byte("<body")) || bytes.Contains(lower, []byte("<p>")) {
		return FormatHTML
	}
	return FormatText
}

// unwrapPathError drops the path from *fs.PathError, since Error names it.
func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("cannot read: %w", pe.Err)
	}
	return err
}

func humanBytes(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB limit", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB limit", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d byte limit", n)
}

// FromBytes checks one uploaded or pasted input and splits it into articles,
// exactly as Walk does for a file of that name. name decides the format by
// its extension ("" or an unknown extension means sniff the content).
func FromBytes(ctx context.Context, source, name string, data []byte, opts Options) ([]Input, []*Error) {
	var ins []Input
	var errs []*Error
	if int64(len(data)) > opts.maxBytes() {
		return nil, []*Error{{Source: source, Err: fmt.Errorf("%w (%s)", ErrTooLarge, humanBytes(opts.maxBytes()))}}
	}
	err := emit(ctx, source, formatFromName(name), data,
		func(in Input) error { ins = append(ins, in); return nil },
		func(e *Error) { errs = append(errs, e) })
	if err != nil {
		errs = append(errs, &Error{Source: source, Err: err})
	}
	return ins, errs
}
