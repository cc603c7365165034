package sqlite

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
)

var _ model.DecisionStore = (*Store)(nil)

// decisionsSchema holds users' decisions (migration to schema version 2).
// Rows are only ever added: an undo is a decision of its own, so the table
// is the full history of who decided what and when.
const decisionsSchema = `
CREATE TABLE IF NOT EXISTS decisions (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	story    TEXT NOT NULL,
	kind     TEXT NOT NULL,
	user     TEXT NOT NULL,
	at       TEXT NOT NULL,
	decision TEXT NOT NULL -- JSON of model.Decision without id and state
);
CREATE INDEX IF NOT EXISTS decisions_story ON decisions (story, id);
`

// AddDecision implements model.DecisionStore. It does not check the
// decision against the story; curate.Record does.
func (s *Store) AddDecision(ctx context.Context, d model.Decision) (model.Decision, error) {
	if d.Story == "" || d.Kind == "" || d.User == "" {
		return d, fmt.Errorf("add decision: story, kind and user are required")
	}
	if d.At == "" {
		d.At = time.Now().UTC().Format(time.RFC3339)
	}
	d.ID, d.State, d.Reason = 0, "", ""
	js, err := json.Marshal(d)
	if err != nil {
		return d, fmt.Errorf("add decision: encode: %w", err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return d, fmt.Errorf("add decision: %w", err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, d.Story).Scan(&n); err != nil {
		return d, fmt.Errorf("add decision: %w", err)
	}
	if n == 0 {
		return d, fmt.Errorf("add decision: story %s: %w", d.Story, model.ErrNotFound)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO decisions (story, kind, user, at, decision) VALUES (?, ?, ?, ?, ?)`,
		d.Story, string(d.Kind), d.User, d.At, string(js))
	if err != nil {
		return d, fmt.Errorf("add decision: %w", err)
	}
	if d.ID, err = res.LastInsertId(); err != nil {
		return d, fmt.Errorf("add decision: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return d, fmt.Errorf("add decision: commit: %w", err)
	}
	return d, nil
}

// Decisions implements model.DecisionStore.
func (s *Store) Decisions(ctx context.Context, storyID string) ([]model.Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, decision FROM decisions WHERE story = ? ORDER BY id`, storyID)
	if err != nil {
		return nil, fmt.Errorf("story %s: decisions: %w", storyID, err)
	}
	defer rows.Close()
	out := []model.Decision{}
	for rows.Next() {
		var id int64
		var js string
		if err := rows.Scan(&id, &js); err != nil {
			return nil, fmt.Errorf("story %s: decisions: %w", storyID, err)
		}
		var d model.Decision
		if err := json.Unmarshal([]byte(js), &d); err != nil {
			return nil, fmt.Errorf("story %s: decision %d: decode: %w", storyID, id, err)
		}
		d.ID = id
		out = append(out, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story %s: decisions: %w", storyID, err)
	}
	return out, nil
}

// applyDecisions applies the story's decisions to a dossier just read.
func (s *Store) applyDecisions(ctx context.Context, storyID string, d *model.Dossier) error {
	ds, err := s.Decisions(ctx, storyID)
	if err != nil {
		return err
	}
	curate.Apply(d, ds)
	return nil
}
