// Package sqlite is the embedded, single-file implementation of model.Store,
// on modernc.org/sqlite (pure Go, FTS5 built in).
//
// In: documents and story dossiers from the pipeline. Out: the same, read
// back, plus full-text search over documents and entities. Every write runs
// in one transaction, and the database is in WAL mode, so a crash or Ctrl-C
// leaves it consistent.
package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/model"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

// Store is a model.Store backed by one SQLite file.
type Store struct {
	db *sql.DB
}

var _ model.Store = (*Store)(nil)

// schemaVersion is kept in PRAGMA user_version; bump it with a migration.
const schemaVersion = 8

const schema = `
CREATE TABLE IF NOT EXISTS documents (
	seq      INTEGER PRIMARY KEY AUTOINCREMENT,
	id       TEXT NOT NULL UNIQUE,
	source   TEXT NOT NULL,
	format   TEXT NOT NULL,
	raw      BLOB NOT NULL,
	doc      TEXT NOT NULL, -- JSON of model.Document without Raw
	added_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(
	id UNINDEXED, title, text, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE IF NOT EXISTS stories (
	id         TEXT PRIMARY KEY,
	story      TEXT NOT NULL, -- JSON of model.Story
	updated_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE IF NOT EXISTS entities_fts USING fts5(
	story UNINDEXED, id UNINDEXED, name, variants, descriptions,
	tokenize = 'unicode61 remove_diacritics 2'
);
`

// Open opens (creating if needed) the database file at path.
func Open(ctx context.Context, path string) (*Store, error) {
	dsn := "file:" + uriPath(path) + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(wal)&_pragma=synchronous(normal)&_pragma=foreign_keys(1)&_txlock=immediate"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	s := &Store{db: db}
	if err := s.migrate(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("open database %s: %w", path, err)
	}
	return s, nil
}

// uriPath escapes a file path for a SQLite "file:" URI, where '?' starts
// the parameters, '#' a fragment and '%' an escape: unescaped, "--db a?b.db"
// would write to the file "a". filepath.Clean turns a leading "//" (a URI
// authority) into "/".
func uriPath(path string) string {
	return strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(filepath.Clean(path))
}

func (s *Store) migrate(ctx context.Context) error {
	var version int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&version); err != nil {
		return fmt.Errorf("read schema version: %w", err)
	}
	if version > schemaVersion {
		return fmt.Errorf("database schema version %d is newer than this program's %d", version, schemaVersion)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, schema); err != nil {
		return fmt.Errorf("create schema: %w", err)
	}
	if _, err := tx.ExecContext(ctx, decisionsSchema); err != nil {
		return fmt.Errorf("create decisions table: %w", err)
	}
	// Before the terms: indexing an old database's stories reads their
	// dossiers from story_dossiers.
	if err := migrateSlices(ctx, tx, version); err != nil {
		return err
	}
	if err := migrateTerms(ctx, tx, version); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, storiesSchema); err != nil {
		return fmt.Errorf("create story clustering tables: %w", err)
	}
	if err := migrateStoryTopics(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, annotationsSchema); err != nil {
		return fmt.Errorf("create annotations table: %w", err)
	}
	if err := migrateSentenceParses(ctx, tx); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, rewriteChecksSchema); err != nil {
		return fmt.Errorf("create rewrite checks table: %w", err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", schemaVersion)); err != nil {
		return fmt.Errorf("set schema version: %w", err)
	}
	return tx.Commit()
}

// Check runs SQLite's integrity check and fails unless it reports "ok".
func (s *Store) Check(ctx context.Context) error {
	var res string
	if err := s.db.QueryRowContext(ctx, "PRAGMA integrity_check").Scan(&res); err != nil {
		return fmt.Errorf("integrity check: %w", err)
	}
	if res != "ok" {
		return fmt.Errorf("integrity check: %s", res)
	}
	return nil
}

// Close closes the database.
func (s *Store) Close() error { return s.db.Close() }

// PutDocument implements model.Store.
func (s *Store) PutDocument(ctx context.Context, doc *model.Document) (bool, error) {
	put, err := s.PrepareDocument(doc)
	if err != nil {
		return false, err
	}
	return put(ctx)
}

// PrepareDocument does what storing doc computes outside the database (its
// JSON and its search terms) and returns the function that stores it as
// PutDocument does. Callers prepare documents in parallel and store them
// one transaction at a time, which SQLite serialises anyway.
func (s *Store) PrepareDocument(doc *model.Document) (put func(context.Context) (bool, error), err error) {
	if doc.ID == "" {
		return nil, errors.New("put document: empty id")
	}
	meta, err := json.Marshal(doc)
	if err != nil {
		return nil, fmt.Errorf("put document %s: encode: %w", doc.ID, err)
	}
	terms := documentTerms(doc)
	return func(ctx context.Context) (bool, error) { return s.putPrepared(ctx, doc, meta, terms) }, nil
}

// batchKey marks a context that carries the transaction of StoreBatch.
type batchKey struct{}

// StoreBatch runs store, which calls functions PrepareDocument returned,
// in one transaction: every document it stores is committed together, or
// none is when store fails or the context ends. One transaction per
// document made storing the serial part of intake (each commit also
// flushes the full-text indexes); a batch costs one.
func (s *Store) StoreBatch(ctx context.Context, store func(ctx context.Context) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("store documents: %w", err)
	}
	defer tx.Rollback()
	if err := store(context.WithValue(ctx, batchKey{}, tx)); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("store documents: commit: %w", err)
	}
	return nil
}

func (s *Store) putPrepared(ctx context.Context, doc *model.Document, meta []byte, terms docTerms) (bool, error) {
	tx, inBatch := ctx.Value(batchKey{}).(*sql.Tx)
	if !inBatch {
		var err error
		if tx, err = s.db.BeginTx(ctx, nil); err != nil {
			return false, fmt.Errorf("put document %s: %w", doc.ID, err)
		}
		defer tx.Rollback()
	}
	res, err := tx.ExecContext(ctx,
		`INSERT INTO documents (id, source, format, raw, doc, added_at) VALUES (?, ?, ?, ?, ?, ?)
		 ON CONFLICT(id) DO NOTHING`,
		doc.ID, doc.Source, doc.Format, doc.Raw, string(meta), time.Now().UTC().Format(time.RFC3339))
	if err != nil {
		return false, fmt.Errorf("put document %s: %w", doc.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO document_outlets (doc, outlet) VALUES (?, ?) ON CONFLICT(doc) DO NOTHING`,
		doc.ID, deref(doc.Outlet)); err != nil {
		return false, fmt.Errorf("put document %s: outlet: %w", doc.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO documents_fts (id, title, text) VALUES (?, ?, ?)`,
		doc.ID, deref(doc.Title), doc.Text); err != nil {
		return false, fmt.Errorf("put document %s: index: %w", doc.ID, err)
	}
	if err := insertDocTerms(ctx, tx, doc.ID, terms); err != nil {
		return false, fmt.Errorf("put document: %w", err)
	}
	if inBatch {
		return true, nil // committed with the batch
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("put document %s: commit: %w", doc.ID, err)
	}
	return true, nil
}

// Document implements model.Store.
func (s *Store) Document(ctx context.Context, id string) (*model.Document, error) {
	var raw []byte
	var meta string
	err := s.db.QueryRowContext(ctx, `SELECT raw, doc FROM documents WHERE id = ?`, id).Scan(&raw, &meta)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("document %s: %w", id, model.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("document %s: %w", id, err)
	}
	var doc model.Document
	if err := json.Unmarshal([]byte(meta), &doc); err != nil {
		return nil, fmt.Errorf("document %s: decode: %w", id, err)
	}
	doc.Raw = raw
	return &doc, nil
}

// Documents implements model.Store.
func (s *Store) Documents(ctx context.Context) ([]model.Document, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT doc FROM documents ORDER BY seq`)
	if err != nil {
		return nil, fmt.Errorf("list documents: %w", err)
	}
	defer rows.Close()
	var docs []model.Document
	for rows.Next() {
		var meta string
		if err := rows.Scan(&meta); err != nil {
			return nil, fmt.Errorf("list documents: %w", err)
		}
		var doc model.Document
		if err := json.Unmarshal([]byte(meta), &doc); err != nil {
			return nil, fmt.Errorf("list documents: decode: %w", err)
		}
		docs = append(docs, doc)
	}
	return docs, rows.Err()
}

// PutStory implements model.Store. The dossier's documents are not stored
// again: they are read back from the documents table.
func (s *Store) PutStory(ctx context.Context, story model.Story, d *model.Dossier) error {
	return s.putStory(ctx, story, d, false)
}

// PutClusteredStory is PutStory for a story whose documents come from
// story clustering: it also refuses (model.ErrStale) a story that lists a
// document the clustering now places in another story, which another
// run's re-clustering moved while this one analysed it; without the
// check the document stayed listed by both stories. A story forced with
// --story is stored with PutStory, before its documents join its record.
func (s *Store) PutClusteredStory(ctx context.Context, story model.Story, d *model.Dossier) error {
	return s.putStory(ctx, story, d, true)
}

func (s *Store) putStory(ctx context.Context, story model.Story, d *model.Dossier, clustered bool) error {
	storyJSON, err := json.Marshal(story)
	if err != nil {
		return fmt.Errorf("put story %s: encode: %w", story.ID, err)
	}
	slim := *d
	slim.Documents = []model.Document{}
	slim.Decisions = nil // kept in their own table and applied on every read
	dossierJSON, err := json.Marshal(&slim)
	if err != nil {
		return fmt.Errorf("put story %s: encode dossier: %w", story.ID, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("put story %s: %w", story.ID, err)
	}
	defer tx.Rollback()
	// The transaction holds the write lock (_txlock=immediate), so this
	// read and the write below are one step for every other writer.
	if err := checkNotStale(ctx, tx, story); err != nil {
		return err
	}
	if clustered {
		moved, err := clusteredElsewhere(ctx, tx, story.ID, story.Documents)
		if err != nil {
			return fmt.Errorf("put story %s: %w", story.ID, err)
		}
		if len(moved) > 0 {
			return fmt.Errorf("put story %s: document %s is clustered in another story: %w", story.ID, moved[0], model.ErrStale)
		}
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO stories (id, story, updated_at) VALUES (?, ?, ?)
		 ON CONFLICT(id) DO UPDATE SET story = excluded.story, updated_at = excluded.updated_at`,
		story.ID, string(storyJSON), time.Now().UTC().Format(time.RFC3339Nano)); err != nil {
		return fmt.Errorf("put story %s: %w", story.ID, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO story_dossiers (story, dossier) VALUES (?, ?)
		 ON CONFLICT(story) DO UPDATE SET dossier = excluded.dossier`,
		story.ID, string(dossierJSON)); err != nil {
		return fmt.Errorf("put story %s: dossier: %w", story.ID, err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM entities_fts WHERE story = ?`, story.ID); err != nil {
		return fmt.Errorf("put story %s: clear entity index: %w", story.ID, err)
	}
	for _, e := range d.Entities {
		variants := make([]string, 0, len(e.Variants))
		for _, v := range e.Variants {
			variants = append(variants, v.Text)
		}
		descs := make([]string, 0, len(e.Descriptions))
		for _, ds := range e.Descriptions {
			descs = append(descs, ds.Text)
		}
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO entities_fts (story, id, name, variants, descriptions) VALUES (?, ?, ?, ?, ?)`,
			story.ID, e.ID, e.Name, strings.Join(variants, " | "), strings.Join(descs, " | ")); err != nil {
			return fmt.Errorf("put story %s: index entity %s: %w", story.ID, e.ID, err)
		}
	}
	if err := indexEntities(ctx, tx, story.ID, d.Entities); err != nil {
		return fmt.Errorf("put story: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("put story %s: commit: %w", story.ID, err)
	}
	return nil
}

// checkNotStale fails with model.ErrStale when the stored story lists a
// document that story does not.
func checkNotStale(ctx context.Context, tx *sql.Tx, story model.Story) error {
	rows, err := tx.QueryContext(ctx,
		`SELECT j.value FROM stories AS s, json_each(s.story, '$.documents') AS j WHERE s.id = ?`, story.ID)
	if err != nil {
		return fmt.Errorf("put story %s: read members: %w", story.ID, err)
	}
	defer rows.Close()
	has := make(map[string]bool, len(story.Documents))
	for _, id := range story.Documents {
		has[id] = true
	}
	for rows.Next() {
		var id sql.NullString // NULL when the stored list is null
		if err := rows.Scan(&id); err != nil {
			return fmt.Errorf("put story %s: read members: %w", story.ID, err)
		}
		if id.Valid && !has[id.String] {
			return fmt.Errorf("put story %s: document %s: %w", story.ID, id.String, model.ErrStale)
		}
	}
	return rows.Err()
}

// Stories implements model.Store.
func (s *Store) Stories(ctx context.Context) ([]model.Story, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT story FROM stories ORDER BY updated_at DESC`)
	if err != nil {
		return nil, fmt.Errorf("list stories: %w", err)
	}
	defer rows.Close()
	var out []model.Story
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return nil, fmt.Errorf("list stories: %w", err)
		}
		var st model.Story
		if err := json.Unmarshal([]byte(js), &st); err != nil {
			return nil, fmt.Errorf("list stories: decode: %w", err)
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// StoryDossier implements model.Store. The documents are those the stored
// story lists, read as StoryDocuments reads them; the users' decisions on
// the story are applied (curate.Apply), so every reader sees them.
func (s *Store) StoryDossier(ctx context.Context, storyID string) (*model.Dossier, error) {
	var js string
	err := s.db.QueryRowContext(ctx, `SELECT dossier FROM story_dossiers WHERE story = ?`, storyID).Scan(&js)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("story %s: %w", storyID, model.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", storyID, err)
	}
	d := model.NewDossier()
	if err := json.Unmarshal([]byte(js), d); err != nil {
		return nil, fmt.Errorf("story %s: decode: %w", storyID, err)
	}
	if d.Documents, err = s.StoryDocuments(ctx, storyID); err != nil {
		return nil, err
	}
	if err := s.applyDecisions(ctx, storyID, d); err != nil {
		return nil, err
	}
	return d, nil
}

// DocumentOutlets maps every stored document's ID to its outlet ("" when
// unknown) from a table of the two, without reading the documents: the
// story list needs only that.
func (s *Store) DocumentOutlets(ctx context.Context) (map[string]string, error) {
	out, err := s.stringMap(ctx, `SELECT doc, outlet FROM document_outlets`)
	if err != nil {
		return nil, fmt.Errorf("list outlets: %w", err)
	}
	return out, nil
}

// stringMap runs a query of two text columns and maps the first to the
// second.
func (s *Store) stringMap(ctx context.Context, query string) (map[string]string, error) {
	rows, err := s.db.QueryContext(ctx, query)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := map[string]string{}
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// StoryVersion returns a value that changes whenever the story's stored
// dossier as StoryDossier returns it changes (a new analysis or a new
// decision), or model.ErrNotFound. Readers cache decoded dossiers by it.
func (s *Store) StoryVersion(ctx context.Context, storyID string) (string, error) {
	var v string
	err := s.db.QueryRowContext(ctx,
		`SELECT s.updated_at || '/' || coalesce((SELECT max(id) FROM decisions WHERE story = s.id), 0)
		 FROM stories AS s WHERE s.id = ?`, storyID).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("story %s: %w", storyID, model.ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("story %s: version: %w", storyID, err)
	}
	return v, nil
}

// StoryDocuments implements model.Store with one query: the story row's
// document IDs, in order, joined to the documents' JSON; the raw column is
// never read. The left joins keep one row for a story without documents,
// so no rows at all means no such story.
func (s *Store) StoryDocuments(ctx context.Context, storyID string) ([]model.Document, error) {
	rows, err := s.db.QueryContext(ctx,
		`SELECT j.value, d.doc
		 FROM stories AS s
		 LEFT JOIN json_each(s.story, '$.documents') AS j
		 LEFT JOIN documents AS d ON d.id = j.value
		 WHERE s.id = ?
		 ORDER BY j.key`, storyID)
	if err != nil {
		return nil, fmt.Errorf("story %s: documents: %w", storyID, err)
	}
	defer rows.Close()
	found := false
	docs := []model.Document{}
	var id sql.NullString
	var meta sql.RawBytes // reused between rows: only decoded, never kept
	for rows.Next() {
		found = true
		if err := rows.Scan(&id, &meta); err != nil {
			return nil, fmt.Errorf("story %s: documents: %w", storyID, err)
		}
		if !id.Valid {
			continue // the story lists no documents
		}
		if meta == nil {
			return nil, fmt.Errorf("story %s: document %s: %w", storyID, id.String, model.ErrNotFound)
		}
		var doc model.Document
		if err := json.Unmarshal(meta, &doc); err != nil {
			return nil, fmt.Errorf("story %s: document %s: decode: %w", storyID, id.String, err)
		}
		docs = append(docs, doc)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %s: documents: %w", storyID, err)
	}
	if !found {
		return nil, fmt.Errorf("story %s: %w", storyID, model.ErrNotFound)
	}
	return docs, nil
}

// exactSearch matches words as written (SearchQuery.Exact). The query is
// taken as plain words, all of which must match; FTS5 operators in it have
// no effect, so any user input is safe.
func (s *Store) exactSearch(ctx context.Context, query string, limit int) ([]model.SearchHit, error) {
	match := ftsQuery(query)
	if match == "" {
		return nil, nil
	}
	if limit <= 0 {
		limit = 50
	}
	var hits []model.SearchHit
	rows, err := s.db.QueryContext(ctx,
		`SELECT id, title, snippet(documents_fts, 2, char(1), char(2), '…', 24)
		 FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search documents: %w", err)
	}
	for rows.Next() {
		h := model.SearchHit{Kind: "document"}
		if err := rows.Scan(&h.ID, &h.Title, &h.Snippet); err != nil {
			rows.Close()
			return nil, fmt.Errorf("search documents: %w", err)
		}
		hits = append(hits, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("search documents: %w", err)
	}
	rows, err = s.db.QueryContext(ctx,
		`SELECT story, id, name, snippet(entities_fts, -1, char(1), char(2), '…', 16)
		 FROM entities_fts WHERE entities_fts MATCH ? ORDER BY rank LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("search entities: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		h := model.SearchHit{Kind: "entity"}
		if err := rows.Scan(&h.Story, &h.ID, &h.Title, &h.Snippet); err != nil {
			return nil, fmt.Errorf("search entities: %w", err)
		}
		hits = append(hits, h)
	}
	return hits, rows.Err()
}

// ftsQuery turns free text into an FTS5 query of quoted terms, so that
// characters such as quotes, colons or "NOT" in user input are just words.
func ftsQuery(q string) string {
	var terms []string
	// Control characters (a NUL ends an SQL string inside SQLite) separate
	// words like spaces do.
	q = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, q)
	for _, f := range strings.Fields(q) {
		f = strings.Trim(f, `"'«»“”.,;:!?()[]{}`)
		if f == "" {
			continue
		}
		terms = append(terms, `"`+strings.ReplaceAll(f, `"`, `""`)+`"`)
	}
	return strings.Join(terms, " ")
}
