// Package searcheval measures search on the ECB+ corpus: precision and
// recall of a set of written queries (inflections, irregular verbs, name
// spellings, prefixes), matching words as written ("before") and by stems
// and name keys ("after").
//
// In: the ECB+ docs folder and queries.json. Out: a Report with figures
// per query, per kind and overall, and speed.
package searcheval

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/store/sqlite"
)

//go:embed queries.json
var queriesJSON []byte

// Query is one written query and its relevance rule.
type Query struct {
	Q    string     `json:"q"`
	Kind string     `json:"kind"`
	All  [][]string `json:"all"`
}

// Queries returns the embedded query set.
func Queries() ([]Query, error) {
	var f struct {
		Queries []Query `json:"queries"`
	}
	if err := json.Unmarshal(queriesJSON, &f); err != nil {
		return nil, fmt.Errorf("queries.json: %w", err)
	}
	return f.Queries, nil
}

// Score is precision and recall over documents.
type Score struct {
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
	TP        int     `json:"tp"`
	Returned  int     `json:"returned"`
	Relevant  int     `json:"relevant"`
}

func score(tp, returned, relevant int) Score {
	p, r, f := metric.PRF(tp, returned, relevant)
	return Score{Precision: p, Recall: r, F1: f, TP: tp, Returned: returned, Relevant: relevant}
}

// QueryResult is one query's scores.
type QueryResult struct {
	Query  string `json:"query"`
	Kind   string `json:"kind"`
	Before Score  `json:"before"`
	After  Score  `json:"after"`
}

// Report is the evaluation.
type Report struct {
	Documents int           `json:"documents"`
	Queries   []QueryResult `json:"queries"`
	// Micro sums true positives, returned and relevant documents over all
	// queries; Macro averages each query's precision and recall (a query
	// returning nothing has precision 1).
	MicroBefore      Score               `json:"micro_before"`
	MicroAfter       Score               `json:"micro_after"`
	MacroBefore      Score               `json:"macro_before"`
	MacroAfter       Score               `json:"macro_after"`
	ByKind           map[string][2]Score `json:"by_kind"` // before, after (micro)
	IndexSeconds     float64             `json:"index_seconds"`
	QueriesPerSecond float64             `json:"queries_per_second"`
}

// Run indexes the corpus in a temporary store and runs every query both
// ways.
func Run(ctx context.Context, corpusDir string) (*Report, error) {
	queries, err := Queries()
	if err != nil {
		return nil, err
	}
	docs, err := corpus(corpusDir)
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "parallax-searcheval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	st, err := sqlite.Open(ctx, filepath.Join(dir, "search.db"))
	if err != nil {
		return nil, err
	}
	defer st.Close()
	start := time.Now()
	for _, d := range docs {
		if _, err := st.PutDocument(ctx, d); err != nil {
			return nil, err
		}
	}
	rep := &Report{Documents: len(docs), ByKind: map[string][2]Score{}, IndexSeconds: time.Since(start).Seconds()}
	type sums struct{ tp, ret, rel int }
	var before, after sums
	kinds := map[string]*[2]sums{}
	var pB, rB, pA, rA float64
	vocab := make([]map[string]bool, len(docs))
	for i, d := range docs {
		vocab[i] = wordSet(d)
	}
	var searching time.Duration
	for _, q := range queries {
		relevant := map[string]bool{}
		for i, d := range docs {
			if isRelevant(q, vocab[i]) {
				relevant[d.ID] = true
			}
		}
		res := QueryResult{Query: q.Q, Kind: q.Kind}
		for i, exact := range []bool{true, false} {
			t0 := time.Now()
			r, err := st.SearchWith(ctx, model.SearchQuery{Text: q.Q, Exact: exact, Limit: len(docs) + 1})
			searching += time.Since(t0)
			if err != nil {
				return nil, fmt.Errorf("query %q: %w", q.Q, err)
			}
			tp, ret := 0, 0
			for _, h := range r.Hits {
				if h.Kind != "document" {
					continue
				}
				ret++
				if relevant[h.ID] {
					tp++
				}
			}
			sc := score(tp, ret, len(relevant))
			if ret == 0 {
				sc.Precision = 1
			}
			if kinds[q.Kind] == nil {
				kinds[q.Kind] = &[2]sums{}
			}
			k := &kinds[q.Kind][i]
			k.tp, k.ret, k.rel = k.tp+tp, k.ret+ret, k.rel+len(relevant)
			if exact {
				res.Before = sc
				before = sums{before.tp + tp, before.ret + ret, before.rel + len(relevant)}
				pB, rB = pB+sc.Precision, rB+sc.Recall
			} else {
				res.After = sc
				after = sums{after.tp + tp, after.ret + ret, after.rel + len(relevant)}
				pA, rA = pA+sc.Precision, rA+sc.Recall
			}
		}
		rep.Queries = append(rep.Queries, res)
	}
	rep.QueriesPerSecond = float64(2*len(queries)) / searching.Seconds()
	n := float64(len(queries))
	rep.MicroBefore = score(before.tp, before.ret, before.rel)
	rep.MicroAfter = score(after.tp, after.ret, after.rel)
	rep.MacroBefore = Score{Precision: pB / n, Recall: rB / n, F1: metric.F1(pB/n, rB/n)}
	rep.MacroAfter = Score{Precision: pA / n, Recall: rA / n, F1: metric.F1(pA/n, rA/n)}
	for k, s := range kinds {
		rep.ByKind[k] = [2]Score{score(s[0].tp, s[0].ret, s[0].rel), score(s[1].tp, s[1].ret, s[1].rel)}
	}
	return rep, nil
}

// wordSet is the set of a document's lower-case words.
func wordSet(d *model.Document) map[string]bool {
	have := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(deref(d.Title)+"\n"+d.Text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		have[w] = true
	}
	return have
}

// isRelevant applies a query's relevance rule to a document's words.
func isRelevant(q Query, have map[string]bool) bool {
	for _, group := range q.All {
		ok := false
		for _, f := range group {
			ok = ok || have[f]
		}
		if !ok {
			return false
		}
	}
	return true
}

// corpus reads every ECB+ document as a plain-text document with the
// spacing of running text (ecbplus.Detokenized); the first sentence is the
// title.
func corpus(dir string) ([]*model.Document, error) {
	eds, err := ecbplus.ReadTopics(dir, nil)
	if err != nil {
		return nil, err
	}
	docs := make([]*model.Document, 0, len(eds))
	for _, ed := range eds {
		text, _, sents := ed.Detokenized()
		if len(sents) == 0 {
			continue
		}
		raw := []byte(ed.Name + "\n" + text)
		docs = append(docs, &model.Document{ID: model.DocumentID(raw), Source: ed.Name, Format: "text",
			Title: model.Str(text[sents[0].Start:sents[0].End]), Text: text, Raw: raw, Authors: []string{}, Removed: []model.Removed{}})
	}
	return docs, nil
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

// Print writes the figures for people.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "search on ECB+: %d documents, %d queries (indexed in %.1f s, %.0f queries/s)\n\n", r.Documents, len(r.Queries), r.IndexSeconds, r.QueriesPerSecond)
	fmt.Fprintf(w, "%-22s %-10s %21s   %21s\n", "query", "kind", "before P / R (n)", "after P / R (n)")
	for _, q := range r.Queries {
		fmt.Fprintf(w, "%-22s %-10s %6.3f / %5.3f (%4d)   %6.3f / %5.3f (%4d)   relevant %d\n", q.Query, q.Kind,
			q.Before.Precision, q.Before.Recall, q.Before.Returned, q.After.Precision, q.After.Recall, q.After.Returned, q.After.Relevant)
	}
	kinds := make([]string, 0, len(r.ByKind))
	for k := range r.ByKind {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	fmt.Fprintln(w)
	for _, k := range kinds {
		s := r.ByKind[k]
		fmt.Fprintf(w, "%-11s micro  before P %.3f R %.3f F1 %.3f   after P %.3f R %.3f F1 %.3f\n", k, s[0].Precision, s[0].Recall, s[0].F1, s[1].Precision, s[1].Recall, s[1].F1)
	}
	fmt.Fprintf(w, "%-11s micro  before P %.3f R %.3f F1 %.3f   after P %.3f R %.3f F1 %.3f\n", "all", r.MicroBefore.Precision, r.MicroBefore.Recall, r.MicroBefore.F1, r.MicroAfter.Precision, r.MicroAfter.Recall, r.MicroAfter.F1)
	fmt.Fprintf(w, "%-11s macro  before P %.3f R %.3f F1 %.3f   after P %.3f R %.3f F1 %.3f\n", "all", r.MacroBefore.Precision, r.MacroBefore.Recall, r.MacroBefore.F1, r.MacroAfter.Precision, r.MacroAfter.Recall, r.MacroAfter.F1)
}
