package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"github.com/parallaxnews/parallax/resolve/syndication"
)

// rewriteChecksSchema keeps, per story, the outcome of syndication's
// rewrite check for each pair of its documents it checked (schema version
// 8), so a story analysed again checks only the pairs a new document
// brings. version is the analysis version that made them.
const rewriteChecksSchema = `
CREATE TABLE IF NOT EXISTS rewrite_checks (
	story   TEXT PRIMARY KEY,
	version TEXT NOT NULL,
	data    BLOB NOT NULL -- DEFLATE of gob of packedChecks
);
`

// packedChecks names each document once: a pair is two indexes into IDs.
type packedChecks struct {
	IDs     []string
	Pairs   []uint32 // two per pair
	Rewrite []bool
}

// RewriteChecks returns the rewrite checks kept for story under version;
// none kept (or unreadable) is an empty record.
func (s *Store) RewriteChecks(ctx context.Context, story, version string) (*syndication.RewriteChecks, error) {
	out := syndication.NewRewriteChecks()
	var data []byte
	err := s.db.QueryRowContext(ctx, `SELECT data FROM rewrite_checks WHERE story = ? AND version = ?`, story, version).Scan(&data)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read rewrite checks of %s: %w", story, err)
	}
	var p packedChecks
	if err := inflateGob(data, &p); err != nil || len(p.Pairs) != 2*len(p.Rewrite) {
		return out, nil // unreadable: checked again and replaced
	}
	for i, ok := range p.Rewrite {
		a, b := p.Pairs[2*i], p.Pairs[2*i+1]
		if int(a) >= len(p.IDs) || int(b) >= len(p.IDs) {
			return syndication.NewRewriteChecks(), nil
		}
		out.Add(p.IDs[a], p.IDs[b], ok)
	}
	return out, nil
}

// PutRewriteChecks keeps the outcomes the last syndication.MarkWith of
// story consulted or made, replacing those kept before.
func (s *Store) PutRewriteChecks(ctx context.Context, story, version string, checks *syndication.RewriteChecks) error {
	var p packedChecks
	index := map[string]uint32{}
	at := func(id string) uint32 {
		i, ok := index[id]
		if !ok {
			i = uint32(len(p.IDs))
			index[id] = i
			p.IDs = append(p.IDs, id)
		}
		return i
	}
	checks.Each(func(a, b string, rewrite bool) {
		p.Pairs = append(p.Pairs, at(a), at(b))
		p.Rewrite = append(p.Rewrite, rewrite)
	})
	data, err := deflateGob(&p)
	if err != nil {
		return fmt.Errorf("put rewrite checks of %s: %w", story, err)
	}
	_, err = s.db.ExecContext(ctx,
		`INSERT INTO rewrite_checks (story, version, data) VALUES (?, ?, ?)
		 ON CONFLICT(story) DO UPDATE SET version = excluded.version, data = excluded.data`, story, version, data)
	if err != nil {
		return fmt.Errorf("put rewrite checks of %s: %w", story, err)
	}
	return nil
}
