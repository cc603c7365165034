package compare

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// Aligning argument statements (arguments.go) into facts. Two statements
// meet when they give the same frame (or, outside the frames, the same
// predicate) and role, their values are the
// same entity or have the same head lemma, and their anchors (the
// predicate's other core argument) do not name different things. A group
// that two or more independent sources give is agreed. The same value
// asserted by one source and negated by another is shown as related: a
// parse cannot tell a denial from a negation of a different clause with
// the confidence a "disputed" flag needs. Values that differ are not
// compared at all: different agents of "found" may be different findings,
// and a false dispute costs more than a missed one.

// argumentFacts extracts, aligns and types the argument facts of a story.
func argumentFacts(ctx context.Context, docs []*model.Annotated, opts Options, canon map[string]string, names map[string]string) ([]model.Fact, error) {
	stmts := argumentStatements(docs, opts, canon)
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("compare arguments: %w", err)
	}
	return alignArguments(stmts, canon, names), nil
}

// alignArguments groups statements into facts (see the file comment).
func alignArguments(stmts []argStatement, canon map[string]string, names map[string]string) []model.Fact {
	// Buckets of one predicate, role and value, in first-seen order.
	buckets := map[string][]int{}
	var order []string
	for i, st := range stmts {
		k := st.group + "\x00" + st.role + "\x00" + st.key
		if _, ok := buckets[k]; !ok {
			order = append(order, k)
		}
		buckets[k] = append(buckets[k], i)
	}
	var facts []model.Fact
	for _, k := range order {
		for _, g := range splitByAnchor(stmts, buckets[k]) {
			if f, ok := argumentFact(stmts, g, canon, names); ok {
				facts = append(facts, f)
			}
		}
	}
	return facts
}

// splitByAnchor splits a bucket by anchor: statements with different
// anchors are about different events ("found the bomb" / "found the
// device" may be one, but nothing here can say so). Statements without an
// anchor join the anchored group most documents give.
func splitByAnchor(stmts []argStatement, idx []int) [][]int {
	byAnchor := map[string][]int{}
	var anchors []string
	for _, i := range idx {
		a := stmts[i].anchor
		if _, ok := byAnchor[a]; !ok {
			anchors = append(anchors, a)
		}
		byAnchor[a] = append(byAnchor[a], i)
	}
	if loose, ok := byAnchor[""]; ok && len(anchors) > 1 {
		best := ""
		for _, a := range anchors {
			if a != "" && (best == "" || len(byAnchor[a]) > len(byAnchor[best])) {
				best = a
			}
		}
		byAnchor[best] = append(byAnchor[best], loose...)
		sort.Ints(byAnchor[best])
		delete(byAnchor, "")
	}
	var out [][]int
	for _, a := range anchors {
		if g, ok := byAnchor[a]; ok {
			out = append(out, g)
		}
	}
	return out
}

// argumentFact makes the fact of one group of statements, one value per
// independent source, when two or more sources give it.
func argumentFact(stmts []argStatement, g []int, canon map[string]string, names map[string]string) (model.Fact, bool) {
	seen := map[string]bool{}
	var kept []int
	pos, neg := map[string]bool{}, map[string]bool{}
	for _, i := range g {
		st := stmts[i]
		src := canonOf(canon, st.Doc) + "\x00" + fmt.Sprint(st.negated)
		if seen[src] {
			continue
		}
		seen[src] = true
		kept = append(kept, i)
		if st.negated {
			neg[canonOf(canon, st.Doc)] = true
		} else {
			pos[canonOf(canon, st.Doc)] = true
		}
	}
	sources := map[string]bool{}
	for d := range pos {
		sources[d] = true
	}
	for d := range neg {
		sources[d] = true
	}
	if len(sources) < 2 {
		return model.Fact{}, false
	}
	first := stmts[kept[0]]
	f := model.Fact{
		Frame:       first.frame,
		Event:       "story",
		Role:        model.Role(first.role),
		Subject:     first.anchorEntity,
		SubjectName: first.anchorName,
		Attribute:   first.group + "/" + first.role,
	}
	if f.Subject != "" && names[f.Subject] != "" {
		f.SubjectName = names[f.Subject]
	}
	if f.SubjectName != "" {
		f.Attribute += " (" + f.SubjectName + ")"
	}
	for _, i := range kept {
		v := stmts[i].FactValue
		v.Modality = modalityOf(v)
		f.Values = append(f.Values, v)
	}
	what := strings.TrimPrefix(strings.TrimPrefix(first.key, "lem:"), "ent:")
	if first.Value.Entity != "" && names[first.Value.Entity] != "" {
		what = names[first.Value.Entity]
	}
	if len(pos) > 0 && len(neg) > 0 {
		// One source says it, another that it did not: the reversal
		// rules (statements.go) and the verdicts judge accounts with
		// their speakers and dates; a bare pair of polarities here
		// would only duplicate them with less to go on.
		return model.Fact{}, false
	}
	f.Status = model.Agreed
	f.Reason = fmt.Sprintf("%d sources give %q as the %s of %q", len(sources), what, first.role, first.group)
	if len(neg) > 0 {
		f.Reason = fmt.Sprintf("%d sources say %q was not the %s of %q", len(sources), what, first.role, first.group)
	}
	f.ID = factID(strings.Join([]string{string(f.Frame), f.Event, string(f.Role), first.anchor, first.key}, "\x00"))
	return f, true
}
