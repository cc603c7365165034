package sqlite

import (
	"context"
	"database/sql"
	"fmt"
)

// slicesVersion is the schema version that split out what pages read
// often from the big rows they used to share.
const slicesVersion = 5

// slicesSchema keeps each story's dossier blob out of the stories row and
// each document's outlet out of its JSON. A dossier is tens of megabytes
// for a big story; in the stories row, every story list and every
// StoryVersion (read on each page view) walked its overflow pages to reach
// the columns after it. The story list needs only documents' outlets, not
// their JSON (which holds the whole cleaned text).
const slicesSchema = `
CREATE TABLE IF NOT EXISTS story_dossiers (
	story   TEXT PRIMARY KEY,
	dossier TEXT NOT NULL -- JSON of model.Dossier with Documents left out
);
CREATE TABLE IF NOT EXISTS document_outlets (
	doc    TEXT PRIMARY KEY,
	outlet TEXT NOT NULL
) WITHOUT ROWID;
`

// migrateSlices creates the tables and, for a database made before them,
// moves the dossiers out of the stories rows and fills in the outlets.
func migrateSlices(ctx context.Context, tx *sql.Tx, fromVersion int) error {
	if _, err := tx.ExecContext(ctx, slicesSchema); err != nil {
		return fmt.Errorf("create story dossier and outlet tables: %w", err)
	}
	if fromVersion == 0 || fromVersion >= slicesVersion {
		return nil
	}
	var inRow int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM pragma_table_info('stories') WHERE name = 'dossier'`).Scan(&inRow); err != nil {
		return fmt.Errorf("read stories table: %w", err)
	}
	if inRow > 0 {
		for _, q := range []string{
			`INSERT INTO story_dossiers (story, dossier) SELECT id, dossier FROM stories WHERE true
			 ON CONFLICT(story) DO UPDATE SET dossier = excluded.dossier`,
			`ALTER TABLE stories DROP COLUMN dossier`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return fmt.Errorf("move story dossiers to their table: %w", err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO document_outlets (doc, outlet) SELECT id, coalesce(json_extract(doc, '$.outlet'), '') FROM documents WHERE true
		 ON CONFLICT(doc) DO NOTHING`); err != nil {
		return fmt.Errorf("fill document outlets: %w", err)
	}
	return nil
}
