package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/model"
)

var _ model.Searcher = (*Store)(nil)

// termsSchema is the stem and name-key index (schema version 3; see
// terms.go), one table for documents and one for entities (entity rows are
// replaced with their story; document rows are only added). body keeps an
// entity's names and descriptions for snippets.
const termsSchema = `
CREATE VIRTUAL TABLE IF NOT EXISTS doc_terms_fts USING fts5(
	id UNINDEXED, title UNINDEXED, stems, keys, words, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE IF NOT EXISTS entity_terms_fts USING fts5(
	story UNINDEXED, id UNINDEXED, etype UNINDEXED, title UNINDEXED, body UNINDEXED,
	stems, keys, words, tokenize = 'unicode61 remove_diacritics 2'
);
`

// maxCandidates bounds the matches read for filtering and facets.
const maxCandidates = 5000

// migrateTerms creates the terms index and, for a database made before
// it existed, indexes what is already stored.
func migrateTerms(ctx context.Context, tx *sql.Tx, fromVersion int) error {
	if _, err := tx.ExecContext(ctx, termsSchema); err != nil {
		return fmt.Errorf("create terms index: %w", err)
	}
	if fromVersion >= 3 || fromVersion == 0 {
		return nil
	}
	rows, err := tx.QueryContext(ctx, `SELECT doc FROM documents`)
	if err != nil {
		return fmt.Errorf("index terms of stored documents: %w", err)
	}
	var docs []model.Document
	for rows.Next() {
		var js string
		var d model.Document
		if err := rows.Scan(&js); err != nil || json.Unmarshal([]byte(js), &d) != nil {
			rows.Close()
			return fmt.Errorf("index terms of stored documents: %v", err)
		}
		docs = append(docs, d)
	}
	rows.Close()
	for i := range docs {
		if err := indexDocument(ctx, tx, &docs[i]); err != nil {
			return err
		}
	}
	srows, err := tx.QueryContext(ctx, `SELECT story, dossier FROM story_dossiers`)
	if err != nil {
		return fmt.Errorf("index terms of stored stories: %w", err)
	}
	type storyEntities struct {
		id   string
		ents []model.Entity
	}
	var stories []storyEntities
	for srows.Next() {
		var id, js string
		var d model.Dossier
		if err := srows.Scan(&id, &js); err != nil || json.Unmarshal([]byte(js), &d) != nil {
			srows.Close()
			return fmt.Errorf("index terms of stored stories: %v", err)
		}
		stories = append(stories, storyEntities{id, d.Entities})
	}
	srows.Close()
	for _, st := range stories {
		if err := indexEntities(ctx, tx, st.id, st.ents); err != nil {
			return err
		}
	}
	return nil
}

// docTerms is what the terms index holds of a document.
type docTerms struct{ title, stems, keys, lower string }

func documentTerms(doc *model.Document) docTerms {
	t := docTerms{title: deref(doc.Title)}
	t.stems, t.keys, t.lower = indexTerms(t.title + "\n" + doc.Text)
	return t
}

// indexDocument adds a document's terms (title and text).
func indexDocument(ctx context.Context, tx *sql.Tx, doc *model.Document) error {
	return insertDocTerms(ctx, tx, doc.ID, documentTerms(doc))
}

func insertDocTerms(ctx context.Context, tx *sql.Tx, id string, t docTerms) error {
	if _, err := tx.ExecContext(ctx,
		`INSERT INTO doc_terms_fts (id, title, stems, keys, words) VALUES (?, ?, ?, ?, ?)`,
		id, t.title, t.stems, t.keys, t.lower); err != nil {
		return fmt.Errorf("document %s: index terms: %w", id, err)
	}
	return nil
}

// indexEntities replaces a story's entity terms (names, spellings,
// descriptions).
func indexEntities(ctx context.Context, tx *sql.Tx, storyID string, ents []model.Entity) error {
	if _, err := tx.ExecContext(ctx, `DELETE FROM entity_terms_fts WHERE story = ?`, storyID); err != nil {
		return fmt.Errorf("story %s: clear entity terms: %w", storyID, err)
	}
	for _, e := range ents {
		parts := []string{e.Name}
		for _, v := range e.Variants {
			if v.Text != e.Name {
				parts = append(parts, v.Text)
			}
		}
		for _, d := range e.Descriptions {
			parts = append(parts, d.Text)
		}
		body := strings.Join(parts, " | ")
		stems, keys, lower := indexTerms(body)
		if _, err := tx.ExecContext(ctx,
			`INSERT INTO entity_terms_fts (id, story, etype, title, body, stems, keys, words) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
			e.ID, storyID, string(e.Type), e.Name, body, stems, keys, lower); err != nil {
			return fmt.Errorf("story %s: index entity %s: %w", storyID, e.ID, err)
		}
	}
	return nil
}

// Search implements model.Store with stems and name spellings (SearchWith).
func (s *Store) Search(ctx context.Context, query string, limit int) ([]model.SearchHit, error) {
	res, err := s.SearchWith(ctx, model.SearchQuery{Text: query, Limit: limit})
	if err != nil {
		return nil, err
	}
	return res.Hits, nil
}

// match is one candidate hit with what filters and facets need.
type match struct {
	hit     model.SearchHit
	typ     string // "document" or the entity type
	outlet  string
	date    string
	stories []string
}

// SearchWith implements model.Searcher: every word must match by its stem
// or, for names, by its spelling key (unless q.Exact); the filters narrow
// the matches; facets count all matches; Limit applies per kind.
func (s *Store) SearchWith(ctx context.Context, q model.SearchQuery) (*model.SearchResult, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	res := &model.SearchResult{Hits: []model.SearchHit{}, Facets: map[string][]model.FacetCount{}}
	var ms []match
	var err error
	terms := parseQuery(q.Text)
	if q.Exact {
		var hits []model.SearchHit
		if hits, err = s.exactSearch(ctx, q.Text, maxCandidates); err != nil {
			return nil, err
		}
		for _, h := range hits {
			ms = append(ms, match{hit: h})
		}
	} else if ms, err = s.termMatches(ctx, terms); err != nil {
		return nil, err
	}
	if len(ms) == 0 {
		return res, nil
	}
	if err := s.describeMatches(ctx, ms); err != nil {
		return nil, err
	}
	kept := ms[:0]
	for _, m := range ms {
		if keeps(q, m) {
			kept = append(kept, m)
		}
	}
	res.Total = len(kept)
	titles, err := s.storyTitles(ctx)
	if err != nil {
		return nil, err
	}
	res.Facets = facets(kept, titles)
	docs, ents := 0, 0
	for _, m := range kept {
		if m.hit.Kind == "entity" {
			if ents++; ents > limit {
				continue
			}
		} else if docs++; docs > limit {
			continue
		}
		res.Hits = append(res.Hits, m.hit)
	}
	if !q.Exact {
		if err := s.snippets(ctx, res.Hits, terms); err != nil {
			return nil, err
		}
	}
	return res, nil
}

// termMatches reads the matches of the stem and name-key index, best first.
func (s *Store) termMatches(ctx context.Context, terms []queryTerm) ([]match, error) {
	fts := termsQuery(terms)
	if fts == "" {
		return nil, nil
	}
	type ranked struct {
		m    match
		rank float64
	}
	var all []ranked
	for _, q := range []string{
		`SELECT 'document', id, '', '', title, rank FROM doc_terms_fts WHERE doc_terms_fts MATCH ? ORDER BY rank LIMIT ?`,
		`SELECT 'entity', id, story, etype, title, rank FROM entity_terms_fts WHERE entity_terms_fts MATCH ? ORDER BY rank LIMIT ?`,
	} {
		rows, err := s.db.QueryContext(ctx, q, fts, maxCandidates)
		if err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
		for rows.Next() {
			var r ranked
			if err := rows.Scan(&r.m.hit.Kind, &r.m.hit.ID, &r.m.hit.Story, &r.m.typ, &r.m.hit.Title, &r.rank); err != nil {
				rows.Close()
				return nil, fmt.Errorf("search: %w", err)
			}
			all = append(all, r)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("search: %w", err)
		}
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].rank < all[j].rank })
	ms := make([]match, len(all))
	for i, r := range all {
		ms[i] = r.m
	}
	return ms, nil
}

// describeMatches fills in each match's type, outlet, date and stories.
func (s *Store) describeMatches(ctx context.Context, ms []match) error {
	var ids []string
	for _, m := range ms {
		if m.hit.Kind == "document" {
			ids = append(ids, m.hit.ID)
		}
	}
	type meta struct{ outlet, date string }
	metas := map[string]meta{}
	inStories := map[string][]string{}
	if len(ids) > 0 {
		list, _ := json.Marshal(ids)
		rows, err := s.db.QueryContext(ctx,
			`SELECT id, coalesce(json_extract(doc, '$.outlet'), ''), coalesce(json_extract(doc, '$.published'), '')
			 FROM documents WHERE id IN (SELECT value FROM json_each(?))`, string(list))
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		for rows.Next() {
			var id string
			var m meta
			if err := rows.Scan(&id, &m.outlet, &m.date); err != nil {
				rows.Close()
				return fmt.Errorf("search: %w", err)
			}
			metas[id] = m
		}
		rows.Close()
		srows, err := s.db.QueryContext(ctx, `SELECT s.id, j.value FROM stories AS s, json_each(s.story, '$.documents') AS j WHERE j.value IS NOT NULL`)
		if err != nil {
			return fmt.Errorf("search: %w", err)
		}
		for srows.Next() {
			var story, doc string
			if err := srows.Scan(&story, &doc); err != nil {
				srows.Close()
				return fmt.Errorf("search: %w", err)
			}
			inStories[doc] = append(inStories[doc], story)
		}
		srows.Close()
	}
	for i := range ms {
		m := &ms[i]
		if m.hit.Kind == "document" {
			m.typ = "document"
			m.outlet, m.date = metas[m.hit.ID].outlet, metas[m.hit.ID].date
			m.stories = inStories[m.hit.ID]
		} else {
			m.stories = []string{m.hit.Story}
		}
	}
	return nil
}

// keeps applies the query's filters to one match.
func keeps(q model.SearchQuery, m match) bool {
	if q.Type != "" && m.typ != q.Type {
		return false
	}
	if q.Outlet != "" && !strings.EqualFold(m.outlet, q.Outlet) {
		return false
	}
	if q.From != "" && (m.date == "" || m.date[:min(len(m.date), len(q.From))] < q.From) {
		return false
	}
	if q.To != "" && (m.date == "" || m.date[:min(len(m.date), len(q.To))] > q.To) {
		return false
	}
	if q.Story != "" {
		found := false
		for _, st := range m.stories {
			found = found || st == q.Story
		}
		if !found {
			return false
		}
	}
	return true
}

func (s *Store) storyTitles(ctx context.Context) (map[string]string, error) {
	out, err := s.stringMap(ctx, `SELECT id, coalesce(json_extract(story, '$.title'), '') FROM stories`)
	if err != nil {
		return nil, fmt.Errorf("search: %w", err)
	}
	return out, nil
}

// facets counts matches by story, outlet, month and type, most first.
func facets(ms []match, storyTitles map[string]string) map[string][]model.FacetCount {
	counts := map[string]map[string]int{"story": {}, "outlet": {}, "date": {}, "type": {}}
	for _, m := range ms {
		for _, st := range m.stories {
			counts["story"][st]++
		}
		if m.outlet != "" {
			counts["outlet"][m.outlet]++
		}
		if len(m.date) >= 7 {
			counts["date"][m.date[:7]]++
		}
		counts["type"][m.typ]++
	}
	out := map[string][]model.FacetCount{}
	for name, c := range counts {
		fs := []model.FacetCount{}
		for v, n := range c {
			f := model.FacetCount{Value: v, Count: n}
			if name == "story" {
				f.Label = storyTitles[v]
			}
			fs = append(fs, f)
		}
		sort.Slice(fs, func(i, j int) bool {
			if name == "date" {
				return fs[i].Value < fs[j].Value
			}
			if fs[i].Count != fs[j].Count {
				return fs[i].Count > fs[j].Count
			}
			return fs[i].Value < fs[j].Value
		})
		out[name] = fs
	}
	return out
}

// snippets cuts, for each hit, a passage around its first matching word,
// with matching words between \x01 and \x02 as FTS5 marks them.
func (s *Store) snippets(ctx context.Context, hits []model.SearchHit, terms []queryTerm) error {
	var ids []string
	for _, h := range hits {
		if h.Kind == "document" {
			ids = append(ids, h.ID)
		}
	}
	texts := map[string]string{}
	if len(ids) > 0 {
		list, _ := json.Marshal(ids)
		rows, err := s.db.QueryContext(ctx,
			`SELECT id, coalesce(json_extract(doc, '$.text'), '') FROM documents WHERE id IN (SELECT value FROM json_each(?))`, string(list))
		if err != nil {
			return fmt.Errorf("search snippets: %w", err)
		}
		for rows.Next() {
			var id, text string
			if err := rows.Scan(&id, &text); err != nil {
				rows.Close()
				return fmt.Errorf("search snippets: %w", err)
			}
			texts[id] = text
		}
		rows.Close()
	}
	bodies := map[string]string{}
	rows, err := s.db.QueryContext(ctx, `SELECT story || char(0) || id, body FROM entity_terms_fts`)
	if err != nil {
		return fmt.Errorf("search snippets: %w", err)
	}
	for rows.Next() {
		var k, b string
		if err := rows.Scan(&k, &b); err != nil {
			rows.Close()
			return fmt.Errorf("search snippets: %w", err)
		}
		bodies[k] = b
	}
	rows.Close()
	matcher := newWordMatcher(terms)
	for i := range hits {
		h := &hits[i]
		if h.Kind == "document" {
			h.Snippet = cutSnippet(texts[h.ID], matcher, 24)
		} else {
			h.Snippet = cutSnippet(bodies[h.Story+"\x00"+h.ID], matcher, 16)
		}
	}
	return nil
}

// wordMatcher says whether a word of a text matches one of the query's
// words, by the same stems and name keys the index uses.
type wordMatcher struct {
	stems, keys map[string]bool
	prefixes    []string
}

func newWordMatcher(terms []queryTerm) *wordMatcher {
	m := &wordMatcher{stems: map[string]bool{}, keys: map[string]bool{}}
	for _, t := range terms {
		if t.prefix {
			m.prefixes = append(m.prefixes, strings.ToLower(t.word))
		} else {
			m.stems[lang.Fold(t.word)] = true
		}
		if len([]rune(t.word)) >= 4 && !t.prefix {
			for _, k := range nameKeys(t.word) {
				m.keys[k] = true
			}
		}
	}
	return m
}

func (m *wordMatcher) matches(w string) bool {
	if m.stems[lang.Fold(w)] {
		return true
	}
	lw := strings.ToLower(w)
	for _, p := range m.prefixes {
		if strings.HasPrefix(lang.Fold(w), p) || strings.HasPrefix(lw, p) || strings.HasPrefix(lw, lang.Fold(p)) {
			return true
		}
	}
	if len(m.keys) > 0 {
		for _, k := range nameKeys(w) {
			if m.keys[k] {
				return true
			}
		}
	}
	return false
}

// cutSnippet returns about width words of text around the first matching
// word, matches marked, with "…" where it was cut.
func cutSnippet(text string, m *wordMatcher, width int) string {
	type span struct{ start, end int }
	var spans []span
	first := -1
	inWord, start := false, 0
	flush := func(end int) {
		spans = append(spans, span{start, end})
		if first < 0 && m.matches(text[start:end]) {
			first = len(spans) - 1
		}
	}
	for i, r := range text {
		if first >= 0 && len(spans) >= first+width {
			break // enough words after the match
		}
		letter := isWordRune(r)
		if letter && !inWord {
			inWord, start = true, i
		} else if !letter && inWord {
			inWord = false
			flush(i)
		}
	}
	if inWord && (first < 0 || len(spans) < first+width) {
		flush(len(text))
	}
	if len(spans) == 0 {
		return ""
	}
	if first < 0 {
		first = 0
	}
	lo := max(0, first-width/3)
	hi := min(len(spans), lo+width)
	var b strings.Builder
	if lo > 0 {
		b.WriteString("…")
	}
	pos := spans[lo].start
	for _, sp := range spans[lo:hi] {
		b.WriteString(collapseSpace(text[pos:sp.start]))
		w := text[sp.start:sp.end]
		if m.matches(w) {
			b.WriteString("\x01" + w + "\x02")
		} else {
			b.WriteString(w)
		}
		pos = sp.end
	}
	if hi < len(spans) {
		b.WriteString("…")
	} else {
		b.WriteString(collapseSpace(text[pos:]))
	}
	return strings.TrimSpace(b.String())
}

// collapseSpace turns each run of white space into one space.
func collapseSpace(s string) string {
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}
