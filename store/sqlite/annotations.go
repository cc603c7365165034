package sqlite

import (
	"bytes"
	"compress/flate"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/binary"
	"encoding/gob"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/model"
)

var _ model.AnnotationStore = (*Store)(nil)

// annotationsSchema holds per-document annotations (migration to schema
// version 7). A row is keyed by the document's seq, so the 64-character
// ID is not stored again; input is a digest of the document as it was
// annotated, version names the annotators' rules and models.
const annotationsSchema = `
CREATE TABLE IF NOT EXISTS doc_annotations (
	doc     INTEGER PRIMARY KEY REFERENCES documents(seq) ON DELETE CASCADE,
	version TEXT NOT NULL,
	input   BLOB NOT NULL,
	data    BLOB NOT NULL -- DEFLATE of the packed sentences and tokens, then gob of the rest
);
`

// migrateSentenceParses adds the column that keeps the sentences comparison
// parsed of a document annotated without the full parse (schema version 8):
// DEFLATE of gob of [][]model.Word, one entry per sentence, nil where not
// parsed. A new annotation of the document empties it.
func migrateSentenceParses(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info('doc_annotations') WHERE name = 'parses'`).Scan(&n); err != nil {
		return fmt.Errorf("add sentence parses: %w", err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE doc_annotations ADD COLUMN parses BLOB`); err != nil {
		return fmt.Errorf("add sentence parses: %w", err)
	}
	return nil
}

// annotationBatch bounds the documents looked up in one query (SQLite's
// limit on bound parameters is 32,766).
const annotationBatch = 500

// PutAnnotations implements model.AnnotationStore. A document not stored
// is an error: annotations without their document would be orphans.
func (s *Store) PutAnnotations(ctx context.Context, version string, annotated []*model.Annotated) error {
	if len(annotated) == 0 {
		return nil
	}
	type row struct {
		id    string
		input []byte
		data  []byte
	}
	rows := make([]row, len(annotated))
	for i, a := range annotated {
		data, err := encodeAnnotation(a)
		if err != nil {
			return fmt.Errorf("put annotations of %s: %w", a.Doc.ID, err)
		}
		rows[i] = row{a.Doc.ID, annotationInput(a.Doc), data}
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("put annotations: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx,
		`INSERT INTO doc_annotations (doc, version, input, data)
		 SELECT seq, ?, ?, ? FROM documents WHERE id = ?
		 ON CONFLICT(doc) DO UPDATE SET version = excluded.version, input = excluded.input, data = excluded.data, parses = NULL`)
	if err != nil {
		return fmt.Errorf("put annotations: %w", err)
	}
	defer stmt.Close()
	for _, r := range rows {
		res, err := stmt.ExecContext(ctx, version, r.input, r.data, r.id)
		if err != nil {
			return fmt.Errorf("put annotations of %s: %w", r.id, err)
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return fmt.Errorf("put annotations of %s: %w", r.id, model.ErrNotFound)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put annotations: commit: %w", err)
	}
	return nil
}

// Annotations implements model.AnnotationStore.
func (s *Store) Annotations(ctx context.Context, version string, docs []*model.Document) (map[string]*model.Annotated, error) {
	out := make(map[string]*model.Annotated, len(docs))
	byID := make(map[string]*model.Document, len(docs))
	for _, d := range docs {
		byID[d.ID] = d
	}
	for start := 0; start < len(docs); start += annotationBatch {
		chunk := docs[start:min(start+annotationBatch, len(docs))]
		args := make([]any, 0, len(chunk)+1)
		args = append(args, version)
		for _, d := range chunk {
			args = append(args, d.ID)
		}
		rows, err := s.db.QueryContext(ctx,
			`SELECT d.id, a.input, a.data, a.parses FROM documents AS d JOIN doc_annotations AS a ON a.doc = d.seq
			 WHERE a.version = ? AND d.id IN (?`+strings.Repeat(",?", len(chunk)-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read annotations: %w", err)
		}
		for rows.Next() {
			var id string
			var input, data, parses []byte
			if err := rows.Scan(&id, &input, &data, &parses); err != nil {
				rows.Close()
				return nil, fmt.Errorf("read annotations: %w", err)
			}
			doc := byID[id]
			if doc == nil || !bytes.Equal(input, annotationInput(doc)) {
				continue // annotated as the document read before a correction
			}
			a, err := decodeAnnotation(data, doc)
			if err != nil {
				continue // unreadable: annotated again and replaced
			}
			if parses != nil && a.Syntax == nil {
				// Unreadable parses are parsed again when needed.
				if syn, err := decodeParses(parses, doc); err == nil && len(syn) == len(doc.Sentences) {
					a.Syntax = syn
				}
			}
			out[id] = a
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("read annotations: %w", err)
		}
	}
	return out, nil
}

// annotationInput digests what annotation reads of a document: everything
// but the raw bytes and what annotation and the cross-document stages
// write into it (sentences, duplicate-of).
func annotationInput(doc *model.Document) []byte {
	d := *doc
	d.Raw, d.Sentences, d.DuplicateOf, d.Removed = nil, nil, nil, nil
	js, _ := json.Marshal(&d) // a Document always encodes
	sum := sha256.Sum256(js)
	return sum[:16]
}

// packedAnnotation is what gob encodes of an annotation: every span without
// its document ID and text, which the document restores.
type packedAnnotation struct {
	Mentions   []model.Mention
	Timexes    []model.Timex
	Quantities []model.Quantity
	Quotes     []model.Quote
	Reference  model.Reference
	Syntax     [][]model.Word
}

var flateWriters = sync.Pool{New: func() any {
	w, _ := flate.NewWriter(nil, flate.DefaultCompression)
	return w
}}

// encodeAnnotation packs sentences and tokens as varints (each start as the
// gap after the previous end, each end as a length), then gob-encodes the
// rest with spans stripped, and compresses the whole.
func encodeAnnotation(a *model.Annotated) ([]byte, error) {
	var raw bytes.Buffer
	var tmp [binary.MaxVarintLen64]byte
	putUint := func(v int) {
		raw.Write(tmp[:binary.PutUvarint(tmp[:], uint64(v))])
	}
	putUint(len(a.Doc.Sentences))
	prev := 0
	for _, r := range a.Doc.Sentences {
		if r.Start < prev || r.End < r.Start {
			return nil, fmt.Errorf("sentence %d-%d out of order", r.Start, r.End)
		}
		putUint(r.Start - prev)
		putUint(r.End - r.Start)
		prev = r.End
	}
	putUint(len(a.Tokens))
	prev = 0
	text := a.Doc.Text
	for _, t := range a.Tokens {
		if t.Start < prev || t.End < t.Start || t.End > len(text) || t.Text != text[t.Start:t.End] {
			return nil, fmt.Errorf("token %d-%d %q is not the text there", t.Start, t.End, t.Text)
		}
		putUint(t.Start - prev)
		putUint(t.End - t.Start)
		raw.WriteByte(byte(t.Kind))
		prev = t.End
	}
	p := packedAnnotation{
		Mentions:   append([]model.Mention(nil), a.Mentions...),
		Timexes:    append([]model.Timex(nil), a.Timexes...),
		Quantities: append([]model.Quantity(nil), a.Quantities...),
		Quotes:     append([]model.Quote(nil), a.Quotes...),
		Reference:  a.Reference,
	}
	for i := range p.Mentions {
		stripSpan(&p.Mentions[i].Span, a.Doc)
	}
	for i := range p.Timexes {
		stripSpan(&p.Timexes[i].Span, a.Doc)
	}
	for i := range p.Quantities {
		stripSpan(&p.Quantities[i].Span, a.Doc)
	}
	for i := range p.Quotes {
		q := &p.Quotes[i]
		stripSpan(&q.Span, a.Doc)
		q.SpeakerSpan = strippedSpan(q.SpeakerSpan, a.Doc)
		q.SpeakerRef = strippedSpan(q.SpeakerRef, a.Doc)
		q.AddresseeSpan = strippedSpan(q.AddresseeSpan, a.Doc)
	}
	p.Syntax = strippedWords(a.Syntax, text)
	if err := gob.NewEncoder(&raw).Encode(&p); err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return deflate(raw.Bytes())
}

// deflate compresses b.
func deflate(b []byte) ([]byte, error) {
	var out bytes.Buffer
	zw := flateWriters.Get().(*flate.Writer)
	defer flateWriters.Put(zw)
	zw.Reset(&out)
	if _, err := zw.Write(b); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("compress: %w", err)
	}
	return out.Bytes(), nil
}

// deflateGob gob-encodes v and compresses the result.
func deflateGob(v any) ([]byte, error) {
	var raw bytes.Buffer
	if err := gob.NewEncoder(&raw).Encode(v); err != nil {
		return nil, fmt.Errorf("encode: %w", err)
	}
	return deflate(raw.Bytes())
}

// inflateGob reverses deflateGob into v.
func inflateGob(data []byte, v any) error {
	return gob.NewDecoder(flate.NewReader(bytes.NewReader(data))).Decode(v)
}

// strippedWords copies sentences' words without the text each repeats
// from the document; nil stays nil.
func strippedWords(syn [][]model.Word, text string) [][]model.Word {
	if syn == nil {
		return nil
	}
	out := make([][]model.Word, len(syn))
	for i, words := range syn {
		out[i] = append([]model.Word(nil), words...)
		for j := range out[i] {
			w := &out[i][j]
			if w.End <= len(text) && w.Start <= w.End && w.Text == text[w.Start:w.End] {
				w.Text = ""
			}
		}
	}
	return out
}

// restoreWords undoes strippedWords in place; a word outside the text is
// an error.
func restoreWords(syn [][]model.Word, text string) error {
	for _, words := range syn {
		for j := range words {
			w := &words[j]
			if w.Start < 0 || w.Start > w.End || w.End > len(text) {
				return errors.New("word outside the text")
			}
			if w.Text == "" {
				w.Text = text[w.Start:w.End]
			}
		}
	}
	return nil
}

// decodeAnnotation reverses encodeAnnotation for doc, whose Sentences it
// sets; a span outside the text is an error, never a panic.
func decodeAnnotation(data []byte, doc *model.Document) (*model.Annotated, error) {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(data)))
	if err != nil {
		return nil, fmt.Errorf("decompress: %w", err)
	}
	r := bytes.NewReader(raw)
	text := doc.Text
	var bad error
	getUint := func() int {
		v, err := binary.ReadUvarint(r)
		if err != nil || v > uint64(len(text)) {
			bad = errors.New("packed offsets: bad value")
			return 0
		}
		return int(v)
	}
	n := getUint()
	sents := make([]model.Range, 0, n)
	prev := 0
	for range n {
		start := prev + getUint()
		end := start + getUint()
		if bad != nil || end > len(text) {
			return nil, errors.New("sentence outside the text")
		}
		sents = append(sents, model.Range{Start: start, End: end})
		prev = end
	}
	n = getUint()
	toks := make([]model.Token, 0, n)
	prev = 0
	for range n {
		start := prev + getUint()
		end := start + getUint()
		kind, err := r.ReadByte()
		if bad != nil || err != nil || end > len(text) {
			return nil, errors.New("token outside the text")
		}
		toks = append(toks, model.Token{Start: start, End: end, Text: text[start:end], Kind: model.TokenKind(kind)})
		prev = end
	}
	var p packedAnnotation
	if err := gob.NewDecoder(r).Decode(&p); err != nil {
		return nil, fmt.Errorf("decode: %w", err)
	}
	for i := range p.Mentions {
		if err := restoreSpan(&p.Mentions[i].Span, doc); err != nil {
			return nil, err
		}
	}
	for i := range p.Timexes {
		if err := restoreSpan(&p.Timexes[i].Span, doc); err != nil {
			return nil, err
		}
	}
	for i := range p.Quantities {
		if err := restoreSpan(&p.Quantities[i].Span, doc); err != nil {
			return nil, err
		}
	}
	for i := range p.Quotes {
		q := &p.Quotes[i]
		for _, sp := range []*model.Span{&q.Span, q.SpeakerSpan, q.SpeakerRef, q.AddresseeSpan} {
			if sp == nil {
				continue
			}
			if err := restoreSpan(sp, doc); err != nil {
				return nil, err
			}
		}
	}
	if err := restoreWords(p.Syntax, text); err != nil {
		return nil, err
	}
	doc.Sentences = sents
	return &model.Annotated{Doc: doc, Tokens: toks, Mentions: nonNil(p.Mentions), Timexes: nonNil(p.Timexes),
		Quantities: nonNil(p.Quantities), Quotes: nonNil(p.Quotes), Reference: p.Reference, Syntax: p.Syntax}, nil
}

// nonNil keeps an empty list empty rather than nil, as the annotators
// return it (gob does not tell the two apart).
func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

// stripSpan drops what the document restores: its ID and, when it is the
// text at the span, the text.
func stripSpan(sp *model.Span, doc *model.Document) {
	if sp.Doc == doc.ID {
		sp.Doc = ""
	}
	if sp.Start >= 0 && sp.Start <= sp.End && sp.End <= len(doc.Text) && sp.Text == doc.Text[sp.Start:sp.End] {
		sp.Text = ""
	}
}

func strippedSpan(sp *model.Span, doc *model.Document) *model.Span {
	if sp == nil {
		return nil
	}
	c := *sp
	stripSpan(&c, doc)
	return &c
}

// restoreSpan undoes stripSpan.
func restoreSpan(sp *model.Span, doc *model.Document) error {
	if sp.Start < 0 || sp.Start > sp.End || sp.End > len(doc.Text) {
		return fmt.Errorf("span %d-%d outside the text", sp.Start, sp.End)
	}
	if sp.Doc == "" {
		sp.Doc = doc.ID
	}
	if sp.Text == "" {
		sp.Text = doc.Text[sp.Start:sp.End]
	}
	return nil
}

// PutSentenceParses keeps the sentences parsed of each annotation's
// document (Annotated.Syntax, nil for a sentence not parsed) with its
// stored annotation under version, replacing those kept before; a document
// without a current annotation under version is passed over, since its
// tokens may not be the ones parsed.
func (s *Store) PutSentenceParses(ctx context.Context, version string, annotated []*model.Annotated) error {
	if len(annotated) == 0 {
		return nil
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("put sentence parses: %w", err)
	}
	defer tx.Rollback()
	stmt, err := tx.PrepareContext(ctx,
		`UPDATE doc_annotations SET parses = ?
		 WHERE doc = (SELECT seq FROM documents WHERE id = ?) AND version = ? AND input = ?`)
	if err != nil {
		return fmt.Errorf("put sentence parses: %w", err)
	}
	defer stmt.Close()
	for _, a := range annotated {
		data, err := encodeParses(a.Syntax, a.Doc.Text)
		if err != nil {
			return fmt.Errorf("put sentence parses of %s: %w", a.Doc.ID, err)
		}
		if _, err := stmt.ExecContext(ctx, data, a.Doc.ID, version, annotationInput(a.Doc)); err != nil {
			return fmt.Errorf("put sentence parses of %s: %w", a.Doc.ID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put sentence parses: commit: %w", err)
	}
	return nil
}

// encodeParses is the stored form of a document's sentence parses: their
// words without the text, gob-encoded and compressed.
func encodeParses(syn [][]model.Word, text string) ([]byte, error) {
	return deflateGob(strippedWords(syn, text))
}

// decodeParses reverses encodeParses for doc.
func decodeParses(data []byte, doc *model.Document) ([][]model.Word, error) {
	var syn [][]model.Word
	if err := inflateGob(data, &syn); err != nil {
		return nil, fmt.Errorf("decode sentence parses: %w", err)
	}
	if err := restoreWords(syn, doc.Text); err != nil {
		return nil, err
	}
	return syn, nil
}

// AnnotationStats reports how many documents have stored annotations and
// their bytes (data, digest and version), for the size figures.
func (s *Store) AnnotationStats(ctx context.Context) (rows, size int64, err error) {
	err = s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(sum(length(data) + length(input) + length(version)), 0) FROM doc_annotations`).Scan(&rows, &size)
	return rows, size, err
}
