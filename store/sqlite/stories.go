package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/parallaxnews/parallax/resolve/stories"
)

var _ stories.Store = (*Store)(nil)

// storiesSchema holds story clustering (migration to schema version 4;
// the topic column came with version 6): each clustered story's members,
// summed profile and topic (the group of related stories it is in), each
// document's profile, the document frequencies of profile features (channel -1 holds
// the document count), and users' merges and splits, only ever added.
const storiesSchema = `
CREATE TABLE IF NOT EXISTS story_clusters (
	story   TEXT PRIMARY KEY,
	docs    TEXT NOT NULL, -- JSON list of document IDs
	profile TEXT NOT NULL, -- JSON of stories.Profile
	topic   TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS doc_profiles (
	doc     TEXT PRIMARY KEY,
	profile TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_df (
	channel INTEGER NOT NULL,
	feature TEXT NOT NULL,
	df      INTEGER NOT NULL,
	PRIMARY KEY (channel, feature)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS story_version (
	id      INTEGER PRIMARY KEY CHECK (id = 0),
	version INTEGER NOT NULL
);
INSERT OR IGNORE INTO story_version (id, version) VALUES (0, 0);
CREATE TABLE IF NOT EXISTS story_decisions (
	id       INTEGER PRIMARY KEY AUTOINCREMENT,
	decision TEXT NOT NULL -- JSON of stories.Decision
);
`

// migrateStoryTopics adds the topic column to the story_clusters of a
// store from before schema version 6; its stories get a topic of their own
// the next time they are loaded (an empty topic), since none was decided
// for them. The column is looked up, not inferred from the version, since
// storiesSchema creates it in a store new to clustering.
func migrateStoryTopics(ctx context.Context, tx *sql.Tx) error {
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM pragma_table_info('story_clusters') WHERE name = 'topic'`).Scan(&n); err != nil {
		return fmt.Errorf("add story topics: %w", err)
	}
	if n > 0 {
		return nil
	}
	if _, err := tx.ExecContext(ctx, `ALTER TABLE story_clusters ADD COLUMN topic TEXT NOT NULL DEFAULT ''`); err != nil {
		return fmt.Errorf("add story topics: %w", err)
	}
	return nil
}

// StoryTopics returns each clustered story's topic (the story's own ID
// for a story stored before topics were kept), without loading profiles.
func (s *Store) StoryTopics(ctx context.Context) (map[string]string, error) {
	out, err := s.stringMap(ctx, `SELECT story, topic FROM story_clusters`)
	if err != nil {
		return nil, fmt.Errorf("story topics: %w", err)
	}
	for id, topic := range out {
		if topic == "" {
			out[id] = id
		}
	}
	return out, nil
}

// ClusterState implements stories.Store.
func (s *Store) ClusterState(ctx context.Context) (*stories.State, error) {
	// One transaction, so the stories, frequencies and version read are
	// one writer's state, not parts of two.
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("load story clusters: %w", err)
	}
	defer tx.Rollback()
	st := &stories.State{}
	if err := tx.QueryRowContext(ctx, `SELECT version FROM story_version WHERE id = 0`).Scan(&st.Version); err != nil {
		return nil, fmt.Errorf("load story clustering version: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT story, topic, docs, profile FROM story_clusters ORDER BY story`)
	if err != nil {
		return nil, fmt.Errorf("load story clusters: %w", err)
	}
	for rows.Next() {
		var id, topic, docs, prof string
		if err := rows.Scan(&id, &topic, &docs, &prof); err != nil {
			rows.Close()
			return nil, fmt.Errorf("load story clusters: %w", err)
		}
		c := stories.Stored{ID: id, Topic: topic, Profile: stories.NewProfile()}
		if err := json.Unmarshal([]byte(docs), &c.Docs); err != nil {
			rows.Close()
			return nil, fmt.Errorf("story cluster %s: decode: %w", id, err)
		}
		if err := json.Unmarshal([]byte(prof), c.Profile); err != nil {
			rows.Close()
			return nil, fmt.Errorf("story cluster %s: decode profile: %w", id, err)
		}
		st.Stories = append(st.Stories, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("load story clusters: %w", err)
	}
	rows, err = tx.QueryContext(ctx, `SELECT channel, feature, df FROM story_df`)
	if err != nil {
		return nil, fmt.Errorf("load feature frequencies: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var ch, df int
		var f string
		if err := rows.Scan(&ch, &f, &df); err != nil {
			return nil, fmt.Errorf("load feature frequencies: %w", err)
		}
		if ch < 0 {
			st.Frequencies.Docs = df
			continue
		}
		if ch < len(st.Frequencies.DF) {
			if st.Frequencies.DF[ch] == nil {
				st.Frequencies.DF[ch] = map[string]int{}
			}
			st.Frequencies.DF[ch][f] = df
		}
	}
	return st, rows.Err()
}

// PutAssignment implements stories.Store. A document already profiled is
// not counted twice.
func (s *Store) PutAssignment(ctx context.Context, a stories.Assignment) error {
	prof, err := json.Marshal(a.Profile)
	if err != nil {
		return fmt.Errorf("assign %s: encode: %w", a.Doc, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("assign %s: %w", a.Doc, err)
	}
	defer tx.Rollback()
	if err := claimVersion(ctx, tx, a.Base); err != nil {
		return fmt.Errorf("assign %s: %w", a.Doc, err)
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO doc_profiles (doc, profile) VALUES (?, ?) ON CONFLICT(doc) DO NOTHING`, a.Doc, string(prof))
	if err != nil {
		return fmt.Errorf("assign %s: %w", a.Doc, err)
	}
	if n, _ := res.RowsAffected(); n == 1 {
		count := `INSERT INTO story_df (channel, feature, df) VALUES (?, ?, 1)
			ON CONFLICT(channel, feature) DO UPDATE SET df = df + 1`
		if _, err := tx.ExecContext(ctx, count, -1, ""); err != nil {
			return fmt.Errorf("assign %s: count: %w", a.Doc, err)
		}
		for ch, feats := range a.Profile.Features {
			for f := range feats {
				if _, err := tx.ExecContext(ctx, count, ch, f); err != nil {
					return fmt.Errorf("assign %s: count: %w", a.Doc, err)
				}
			}
		}
	}
	if err := putCluster(ctx, tx, a.Story); err != nil {
		return fmt.Errorf("assign %s: %w", a.Doc, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("assign %s: commit: %w", a.Doc, err)
	}
	return nil
}

// claimVersion moves the clustering version on from base, the version
// the writer read, or refuses with stories.ErrStale when another writer
// has moved it since. It runs first in its transaction, which holds the
// write lock (_txlock=immediate), so the check and the write that follows
// are one step.
func claimVersion(ctx context.Context, tx *sql.Tx, base int64) error {
	res, err := tx.ExecContext(ctx, `UPDATE story_version SET version = version + 1 WHERE id = 0 AND version = ?`, base)
	if err != nil {
		return fmt.Errorf("clustering version: %w", err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("%w (read at version %d)", stories.ErrStale, base)
	}
	return nil
}

func putCluster(ctx context.Context, tx *sql.Tx, c stories.Stored) error {
	docs, err := json.Marshal(c.Docs)
	if err != nil {
		return fmt.Errorf("story %s: encode: %w", c.ID, err)
	}
	prof, err := json.Marshal(c.Profile)
	if err != nil {
		return fmt.Errorf("story %s: encode profile: %w", c.ID, err)
	}
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO story_clusters (story, docs, profile, topic) VALUES (?, ?, ?, ?)
		 ON CONFLICT(story) DO UPDATE SET docs = excluded.docs, profile = excluded.profile, topic = excluded.topic`,
		c.ID, string(docs), string(prof), c.Topic); err != nil {
		return fmt.Errorf("story %s: %w", c.ID, err)
	}
	return nil
}

// DocProfiles implements stories.Store.
func (s *Store) DocProfiles(ctx context.Context, ids []string) (map[string]*stories.Profile, error) {
	out := make(map[string]*stories.Profile, len(ids))
	for _, id := range ids {
		var js string
		err := s.db.QueryRowContext(ctx, `SELECT profile FROM doc_profiles WHERE doc = ?`, id).Scan(&js)
		if err == sql.ErrNoRows {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("document profile %s: %w", id, err)
		}
		p := stories.NewProfile()
		if err := json.Unmarshal([]byte(js), p); err != nil {
			return nil, fmt.Errorf("document profile %s: decode: %w", id, err)
		}
		out[id] = p
	}
	return out, nil
}

// PutChange implements stories.Store. The stored story rows follow the
// change in the same transaction: a story's document list is set to its
// new members (so re-analysing it is not refused as stale), and a story
// the change emptied loses its dossier and its index entries.
func (s *Store) PutChange(ctx context.Context, c stories.Change) error {
	if c.Decision.At == "" {
		c.Decision.At = time.Now().UTC().Format(time.RFC3339)
	}
	dec, err := json.Marshal(c.Decision)
	if err != nil {
		return fmt.Errorf("%s: encode: %w", c.Decision.Kind, err)
	}
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", c.Decision.Kind, err)
	}
	defer tx.Rollback()
	if len(c.Put) > 0 || len(c.Delete) > 0 {
		if err := claimVersion(ctx, tx, c.Base); err != nil {
			return fmt.Errorf("%s: %w", c.Decision.Kind, err)
		}
	}
	for _, st := range c.Put {
		if err := putCluster(ctx, tx, st); err != nil {
			return fmt.Errorf("%s: %w", c.Decision.Kind, err)
		}
		docs, _ := json.Marshal(st.Docs)
		// updated_at moves too: it is part of StoryVersion, which readers
		// cache the story's dossier (documents included) by.
		if _, err := tx.ExecContext(ctx, `UPDATE stories SET story = json_set(story, '$.documents', json(?)), updated_at = ? WHERE id = ?`,
			string(docs), time.Now().UTC().Format(time.RFC3339Nano), st.ID); err != nil {
			return fmt.Errorf("%s: story %s: %w", c.Decision.Kind, st.ID, err)
		}
	}
	for _, id := range c.Delete {
		for _, q := range []string{
			`DELETE FROM story_clusters WHERE story = ?`,
			`DELETE FROM stories WHERE id = ?`,
			`DELETE FROM story_dossiers WHERE story = ?`,
			`DELETE FROM entities_fts WHERE story = ?`,
			`DELETE FROM entity_terms_fts WHERE story = ?`,
		} {
			if _, err := tx.ExecContext(ctx, q, id); err != nil {
				return fmt.Errorf("%s: drop story %s: %w", c.Decision.Kind, id, err)
			}
		}
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO story_decisions (decision) VALUES (?)`, string(dec)); err != nil {
		return fmt.Errorf("%s: record: %w", c.Decision.Kind, err)
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("%s: commit: %w", c.Decision.Kind, err)
	}
	return nil
}

// StoryDecisions implements stories.Store.
func (s *Store) StoryDecisions(ctx context.Context) ([]stories.Decision, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT decision FROM story_decisions ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("story decisions: %w", err)
	}
	defer rows.Close()
	var out []stories.Decision
	for rows.Next() {
		var js string
		if err := rows.Scan(&js); err != nil {
			return nil, fmt.Errorf("story decisions: %w", err)
		}
		var d stories.Decision
		if err := json.Unmarshal([]byte(js), &d); err != nil {
			return nil, fmt.Errorf("story decisions: decode: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// ClusteredElsewhere returns the documents of docIDs that the clustering
// places in a story other than storyID, in the order given.
func (s *Store) ClusteredElsewhere(ctx context.Context, storyID string, docIDs []string) ([]string, error) {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("clustered stories of %s: %w", storyID, err)
	}
	defer tx.Rollback()
	return clusteredElsewhere(ctx, tx, storyID, docIDs)
}

// clusteredElsewhere is ClusteredElsewhere inside tx. Only documents
// missing from the story's own record are looked up in the others (a
// scan of the clustering), so a story that agrees with its record costs
// one read by key.
func clusteredElsewhere(ctx context.Context, tx *sql.Tx, storyID string, docIDs []string) ([]string, error) {
	own := map[string]bool{}
	var js string
	switch err := tx.QueryRowContext(ctx, `SELECT docs FROM story_clusters WHERE story = ?`, storyID).Scan(&js); {
	case errors.Is(err, sql.ErrNoRows):
	case err != nil:
		return nil, fmt.Errorf("clustered stories of %s: %w", storyID, err)
	default:
		var ids []string
		if err := json.Unmarshal([]byte(js), &ids); err != nil {
			return nil, fmt.Errorf("clustered stories of %s: decode: %w", storyID, err)
		}
		for _, id := range ids {
			own[id] = true
		}
	}
	var out []string
	for _, id := range docIDs {
		if own[id] {
			continue
		}
		var other string
		err := tx.QueryRowContext(ctx,
			`SELECT c.story FROM story_clusters AS c, json_each(c.docs) AS j WHERE j.value = ? AND c.story != ? LIMIT 1`,
			id, storyID).Scan(&other)
		if errors.Is(err, sql.ErrNoRows) {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("clustered stories of %s: document %s: %w", storyID, id, err)
		}
		out = append(out, id)
	}
	return out, nil
}
