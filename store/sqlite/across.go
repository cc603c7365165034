package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

var _ model.EntityFinder = (*Store)(nil)

// SameEntities implements model.EntityFinder: candidates come from the
// entity terms index by the name keys of each spelling's words; each is
// kept when one of its spellings matches one of names by namematch.
func (s *Store) SameEntities(ctx context.Context, typ model.EntityType, names []string) ([]model.EntityRef, error) {
	titles, err := s.storyTitles(ctx)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var out []model.EntityRef
	for _, name := range names {
		fts := termsQuery(parseQuery(name))
		if fts == "" {
			continue
		}
		rows, err := s.db.QueryContext(ctx,
			`SELECT story, id, title, body FROM entity_terms_fts WHERE entity_terms_fts MATCH ? AND etype = ? LIMIT 500`, fts, string(typ))
		if err != nil {
			return nil, fmt.Errorf("entities named %q: %w", name, err)
		}
		for rows.Next() {
			var story, id, title, body string
			if err := rows.Scan(&story, &id, &title, &body); err != nil {
				rows.Close()
				return nil, fmt.Errorf("entities named %q: %w", name, err)
			}
			key := story + "\x00" + id
			if seen[key] || !anyMatch(name, spellings(body)) {
				continue
			}
			seen[key] = true
			out = append(out, model.EntityRef{Story: story, StoryTitle: titles[story], ID: id, Name: title, Type: typ})
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("entities named %q: %w", name, err)
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].StoryTitle != out[j].StoryTitle {
			return out[i].StoryTitle < out[j].StoryTitle
		}
		return out[i].ID < out[j].ID
	})
	return out, nil
}

// spellings reads the names of an entity terms row's body: the name and
// its variants come before the descriptions, which are not names; a body
// lists them all, so every part is tried.
func spellings(body string) []string { return strings.Split(body, " | ") }

func anyMatch(name string, candidates []string) bool {
	for _, c := range candidates {
		if strings.EqualFold(c, name) || namematch.Match(name, c) {
			return true
		}
	}
	return false
}
