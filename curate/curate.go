// Package curate is the journalist's desk: it checks a user's decision
// (confirm or dismiss a fact's verdict, merge or split entities, correct a
// document's metadata, mark a reprint, undo) against a story's current
// analysis, and applies recorded decisions to a dossier.
//
// In: a dossier and the story's decisions, oldest first. Out: the dossier
// with every decision that still has its target applied, and each decision
// marked applied, orphaned, superseded or undone (model.DecisionState).
//
// Decisions are applied on every analysis, so they survive re-analysis:
// corrections to the documents before analysis (CorrectDocuments), merges
// and splits to the resolved entities before comparison (MergeEntities), and
// everything to the dossier after comparison (Apply). When two decisions touch the same fact or the same metadata
// field, the later one wins and the earlier ones stay listed as superseded
// (a fact's Review lists them and says whether another user disagreed). A
// decision whose fact, entity or document is gone is kept as orphaned: it
// applies again if its target comes back.
package curate

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// Limits on what a user types.
const (
	MaxUser  = 100
	MaxNote  = 4000
	MaxValue = 1000
)

// Apply applies ds (oldest first) to d in place and sets d.Decisions to
// them, each with its State. It never fails: a decision that no longer fits
// the analysis is orphaned, with the reason.
func Apply(d *model.Dossier, ds []model.Decision) {
	out := make([]model.Decision, len(ds))
	copy(out, ds)
	sort.SliceStable(out, func(i, j int) bool { return out[i].ID < out[j].ID })
	undoneBy := map[int64]*model.Decision{}
	analysed := map[int64]bool{} // merges and splits the analysis applied
	for _, id := range d.EntityDecisions {
		analysed[id] = true
	}
	for i := range out {
		x := &out[i]
		x.State, x.Reason = "", ""
		if x.Kind == model.DecisionUndo {
			undoneBy[x.Target] = x
		}
	}
	for i := range d.Facts {
		d.Facts[i].Review = nil
	}
	live := make([]*model.Decision, 0, len(out))
	for i := range out {
		x := &out[i]
		if x.Kind == model.DecisionUndo {
			x.State = model.DecisionApplied
			continue
		}
		if by := undoneBy[x.ID]; by != nil {
			x.State, x.Reason = model.DecisionUndone, fmt.Sprintf("undone by %s (decision %d)", by.User, by.ID)
			if analysed[x.ID] {
				x.Reason += "; the entities and their facts stay as merged or split until the story is re-analysed"
			}
			continue
		}
		live = append(live, x)
	}
	applyDocuments(d, live)
	for _, x := range live {
		switch {
		case (x.Kind == model.DecisionMerge || x.Kind == model.DecisionSplit) && analysed[x.ID]:
			x.State = model.DecisionApplied // by the analysis, before comparison
		case x.Kind == model.DecisionMerge:
			applyMerge(d, x)
		case x.Kind == model.DecisionSplit:
			applySplit(d, x)
		}
	}
	applyFacts(d, live)
	for _, x := range live {
		if x.State == "" {
			x.State, x.Reason = model.DecisionOrphaned, "unknown kind of decision "+strconv.Quote(string(x.Kind))
		}
	}
	d.Decisions = out
}

// CorrectDocuments applies the document corrections and reprint links of ds
// to docs before analysis, so that a corrected date is the reference for the
// document's relative dates ("yesterday"). Apply does the same again on the
// dossier; both are idempotent.
func CorrectDocuments(docs []*model.Document, ds []model.Decision) {
	d := &model.Dossier{Documents: make([]model.Document, len(docs))}
	for i, doc := range docs {
		d.Documents[i] = *doc
	}
	Apply(d, ds)
	for i := range docs {
		raw := docs[i].Raw
		*docs[i] = d.Documents[i]
		docs[i].Raw = raw
	}
}

// MergeEntities applies the merges and splits of ds (oldest first) to the
// resolved entities of a story before comparison, so the facts about the
// merged entities are aligned and compared as facts about one entity, and a
// split entity's facts are separated. It returns the entities and the IDs
// of the decisions applied, for Dossier.EntityDecisions, so Apply does not
// apply them twice.
func MergeEntities(ents []model.Entity, ds []model.Decision) ([]model.Entity, []int64) {
	d := &model.Dossier{Entities: ents}
	Apply(d, ds)
	var applied []int64
	for _, x := range d.Decisions {
		if (x.Kind == model.DecisionMerge || x.Kind == model.DecisionSplit) && x.State == model.DecisionApplied {
			applied = append(applied, x.ID)
		}
	}
	return d.Entities, applied
}

// applyDocuments applies corrections and reprint links; a later correction
// of the same field supersedes an earlier one.
func applyDocuments(d *model.Dossier, live []*model.Decision) {
	byID := map[string]*model.Document{}
	for i := range d.Documents {
		byID[d.Documents[i].ID] = &d.Documents[i]
	}
	last := map[string]*model.Decision{} // doc + field → the correction in force
	for _, x := range live {
		switch x.Kind {
		case model.DecisionCorrect:
			doc := byID[x.Document]
			if doc == nil {
				x.State, x.Reason = model.DecisionOrphaned, "document "+short(x.Document)+" is not in this analysis"
				continue
			}
			setField(doc, x.Field, x.Value, fmt.Sprintf("corrected by %s (decision %d)", x.User, x.ID))
			key := x.Document + "\x00" + x.Field
			if prev := last[key]; prev != nil {
				prev.State, prev.Reason = model.DecisionSuperseded, fmt.Sprintf("superseded by %s (decision %d)", x.User, x.ID)
			}
			last[key] = x
			x.State = model.DecisionApplied
		case model.DecisionReprint:
			doc, orig := byID[x.Document], byID[x.Of]
			switch {
			case doc == nil:
				x.State, x.Reason = model.DecisionOrphaned, "document "+short(x.Document)+" is not in this analysis"
			case orig == nil:
				x.State, x.Reason = model.DecisionOrphaned, "document "+short(x.Of)+" is not in this analysis"
			case orig.DuplicateOf != nil && *orig.DuplicateOf == doc.ID:
				x.State, x.Reason = model.DecisionOrphaned, "the original is itself marked as a reprint of this document"
			default:
				doc.DuplicateOf = model.Str(orig.ID)
				setMetaSource(doc, "duplicate_of", fmt.Sprintf("marked by %s (decision %d)", x.User, x.ID))
				x.State = model.DecisionApplied
			}
		}
	}
}

func setField(doc *model.Document, field, value, source string) {
	switch field {
	case "title":
		doc.Title = model.Str(value)
	case "outlet":
		doc.Outlet = model.Str(value)
	case "published":
		doc.Published = model.Str(value)
		doc.PublishedConfidence = "high"
	default:
		return
	}
	setMetaSource(doc, field, source)
}

func setMetaSource(doc *model.Document, field, source string) {
	m := make(map[string]string, len(doc.MetaSources)+1)
	for k, v := range doc.MetaSources {
		m[k] = v
	}
	m[field] = source
	doc.MetaSources = m
}

// applyMerge folds Entities[1:] into Entities[0] and points every reference
// to a folded entity at the kept one.
func applyMerge(d *model.Dossier, x *model.Decision) {
	if len(x.Entities) < 2 {
		x.State, x.Reason = model.DecisionOrphaned, "a merge needs two entities"
		return
	}
	idx := entityIndex(d)
	keepID := x.Entities[0]
	ki, ok := idx[keepID]
	if !ok {
		x.State, x.Reason = model.DecisionOrphaned, "entity "+keepID+" is not in this analysis"
		return
	}
	var missing []string
	folded := map[string]bool{}
	for _, id := range x.Entities[1:] {
		if id == keepID || folded[id] {
			continue
		}
		if _, ok := idx[id]; !ok {
			missing = append(missing, id)
			continue
		}
		folded[id] = true
	}
	if len(folded) == 0 {
		x.State, x.Reason = model.DecisionOrphaned, "none of the entities to merge into "+keepID+" is in this analysis"
		return
	}
	keep := d.Entities[ki]
	rest := d.Entities[:0:0]
	for _, e := range d.Entities {
		if !folded[e.ID] {
			rest = append(rest, e)
			continue
		}
		for _, m := range e.Mentions {
			m.Entity = keepID
			keep.Mentions = append(keep.Mentions, m)
		}
		keep.Variants = mergeVariants(keep.Variants, e.Variants)
		keep.Descriptions = append(keep.Descriptions, e.Descriptions...)
	}
	sort.SliceStable(keep.Mentions, func(i, j int) bool {
		a, b := keep.Mentions[i], keep.Mentions[j]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Start < b.Start
	})
	for i := range rest {
		if rest[i].ID == keepID {
			rest[i] = keep
		}
	}
	d.Entities = rest
	to := map[string]string{}
	for id := range folded {
		to[id] = keepID
	}
	repoint(d, to, keep.Name)
	x.State = model.DecisionApplied
	if len(missing) > 0 {
		x.Reason = "not in this analysis: " + strings.Join(missing, ", ")
	}
}

func mergeVariants(a, b []model.Variant) []model.Variant {
	out := append([]model.Variant{}, a...)
	at := map[string]int{}
	for i, v := range out {
		at[v.Text] = i
	}
	for _, v := range b {
		i, ok := at[v.Text]
		if !ok {
			at[v.Text] = len(out)
			out = append(out, model.Variant{Text: v.Text, Count: v.Count, Docs: append([]string{}, v.Docs...)})
			continue
		}
		out[i].Count += v.Count
		for _, doc := range v.Docs {
			if !contains(out[i].Docs, doc) {
				out[i].Docs = append(out[i].Docs, doc)
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Count > out[j].Count })
	return out
}

// repoint replaces entity IDs by to[ID] wherever the dossier refers to an
// entity: quote speakers, fact subjects and values, timeline participants.
func repoint(d *model.Dossier, to map[string]string, name string) {
	for i := range d.Quotes {
		if q := d.Quotes[i].Speaker; q != nil && to[*q] != "" {
			d.Quotes[i].Speaker = model.Str(to[*q])
		}
	}
	for i := range d.Facts {
		f := &d.Facts[i]
		if n := to[f.Subject]; n != "" {
			f.Subject, f.SubjectName = n, name
		}
		for j := range f.Values {
			v := &f.Values[j]
			if n := to[v.Value.Entity]; n != "" {
				v.Value.Entity = n
			}
			if n := to[v.AttributedTo]; n != "" {
				v.AttributedTo = n
			}
		}
	}
	for i := range d.Timeline {
		ev := &d.Timeline[i]
		seen := map[string]bool{}
		out := ev.Entities[:0:0]
		for _, id := range ev.Entities {
			if n := to[id]; n != "" {
				id = n
			}
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
		ev.Entities = out
	}
}

// SplitID is the ID of the entity a split decision creates: stable, since
// decision IDs are.
func SplitID(entityID string, decision int64) string {
	return entityID + "~" + strconv.FormatInt(decision, 10)
}

// applySplit moves the mentions spelled as one of x.Names into a new entity.
func applySplit(d *model.Dossier, x *model.Decision) {
	if len(x.Entities) != 1 || len(x.Names) == 0 {
		x.State, x.Reason = model.DecisionOrphaned, "a split needs one entity and the spellings to move"
		return
	}
	idx := entityIndex(d)
	ei, ok := idx[x.Entities[0]]
	if !ok {
		x.State, x.Reason = model.DecisionOrphaned, "entity "+x.Entities[0]+" is not in this analysis"
		return
	}
	names := map[string]bool{}
	for _, n := range x.Names {
		names[fold(n)] = true
	}
	e := &d.Entities[ei]
	newID := SplitID(e.ID, x.ID)
	var stay, move []model.Mention
	moved := map[model.Span]bool{}
	for _, m := range e.Mentions {
		if names[fold(m.Text)] {
			m.Entity = newID
			move = append(move, m)
			moved[m.Span] = true
		} else {
			stay = append(stay, m)
		}
	}
	if len(move) == 0 {
		x.State, x.Reason = model.DecisionOrphaned, "no mention of "+e.Name+" is spelled "+strings.Join(x.Names, " or ")
		return
	}
	if len(stay) == 0 {
		x.State, x.Reason = model.DecisionOrphaned, "every mention of "+e.Name+" is spelled so; nothing would be left"
		return
	}
	var keepV, moveV []model.Variant
	for _, v := range e.Variants {
		if names[fold(v.Text)] {
			moveV = append(moveV, v)
		} else {
			keepV = append(keepV, v)
		}
	}
	ne := model.Entity{ID: newID, Type: e.Type, Name: x.Names[0], Variants: moveV, Descriptions: []model.Description{}, Mentions: move}
	if len(moveV) > 0 {
		ne.Name = moveV[0].Text // the most common of the moved spellings
	}
	e.Mentions, e.Variants = stay, keepV
	if names[fold(e.Name)] && len(keepV) > 0 {
		e.Name = keepV[0].Text
	}
	if ne.Variants == nil {
		ne.Variants = []model.Variant{}
	}
	d.Entities = append(d.Entities, ne)
	for i := range d.Quotes {
		q := &d.Quotes[i]
		if q.Speaker != nil && *q.Speaker == x.Entities[0] && q.SpeakerRef != nil && moved[*q.SpeakerRef] {
			q.Speaker = model.Str(newID)
		}
	}
	x.State = model.DecisionApplied
}

// applyFacts attaches the latest live confirm or dismiss of each fact as its
// Review; earlier ones on the same fact are superseded.
func applyFacts(d *model.Dossier, live []*model.Decision) {
	byFact := map[string][]*model.Decision{}
	var order []string
	for _, x := range live {
		if x.Kind != model.DecisionConfirm && x.Kind != model.DecisionDismiss {
			continue
		}
		if byFact[x.Fact] == nil {
			order = append(order, x.Fact)
		}
		byFact[x.Fact] = append(byFact[x.Fact], x)
	}
	idx := map[string]int{}
	for i, f := range d.Facts {
		idx[f.ID] = i
	}
	for _, id := range order {
		xs := byFact[id]
		fi, ok := idx[id]
		if !ok {
			for _, x := range xs {
				x.State, x.Reason = model.DecisionOrphaned, "fact "+id+" is not in this analysis"
			}
			continue
		}
		win := xs[len(xs)-1]
		win.State = model.DecisionApplied
		r := &model.Review{Verdict: verdict(win.Kind), Decision: win.ID, User: win.User, At: win.At, Note: win.Note}
		for _, x := range xs[:len(xs)-1] {
			x.State, x.Reason = model.DecisionSuperseded, fmt.Sprintf("superseded by %s (decision %d)", win.User, win.ID)
			r.Earlier = append(r.Earlier, *x)
			if x.Kind != win.Kind && x.User != win.User {
				r.Conflict = true
			}
		}
		d.Facts[fi].Review = r
	}
}

func verdict(k model.DecisionKind) string {
	if k == model.DecisionConfirm {
		return model.VerdictConfirmed
	}
	return model.VerdictDismissed
}

func entityIndex(d *model.Dossier) map[string]int {
	idx := make(map[string]int, len(d.Entities))
	for i, e := range d.Entities {
		idx[e.ID] = i
	}
	return idx
}

func fold(s string) string { return strings.ToLower(strings.TrimSpace(s)) }

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func short(id string) string {
	if len(id) > 12 {
		return id[:12]
	}
	return id
}

// Prepare checks a new decision x against the story's current dossier d
// (with the earlier decisions applied, as the store returns it) and fills
// in Story, Label and At. The error says what is wrong, in words a user
// can act on.
func Prepare(d *model.Dossier, storyID string, x model.Decision, now time.Time) (model.Decision, error) {
	x.ID, x.State, x.Reason = 0, "", ""
	x.Story = storyID
	x.At = now.UTC().Format(time.RFC3339)
	x.User = strings.TrimSpace(x.User)
	x.Note = strings.TrimSpace(x.Note)
	x.Value = strings.TrimSpace(x.Value)
	if err := checkText("user", x.User, MaxUser, true); err != nil {
		return x, err
	}
	if err := checkText("note", x.Note, MaxNote, false); err != nil {
		return x, err
	}
	switch x.Kind {
	case model.DecisionConfirm, model.DecisionDismiss:
		f := findFact(d, x.Fact)
		if f == nil {
			return x, fmt.Errorf("no fact %q in this story", x.Fact)
		}
		x.Label = fmt.Sprintf("%s — %s: %s", f.SubjectName, f.Attribute, f.Status)
	case model.DecisionMerge:
		if len(x.Entities) < 2 {
			return x, errors.New("a merge needs at least two entities")
		}
		seen := map[string]bool{}
		var names []string
		for _, id := range x.Entities {
			if seen[id] {
				return x, fmt.Errorf("cannot merge entity %s with itself", id)
			}
			seen[id] = true
			e := findEntity(d, id)
			if e == nil {
				return x, fmt.Errorf("no entity %q in this story", id)
			}
			names = append(names, e.Name)
		}
		x.Label = strings.Join(names, " + ")
	case model.DecisionSplit:
		if len(x.Entities) != 1 {
			return x, errors.New("a split takes exactly one entity")
		}
		e := findEntity(d, x.Entities[0])
		if e == nil {
			return x, fmt.Errorf("no entity %q in this story", x.Entities[0])
		}
		var names []string
		want := map[string]bool{}
		for _, n := range x.Names {
			if n = strings.TrimSpace(n); n != "" {
				names = append(names, n)
				want[fold(n)] = true
			}
		}
		if len(names) == 0 {
			return x, errors.New("a split needs the spellings to move into a new entity")
		}
		x.Names = names
		found, left := 0, 0
		for _, v := range e.Variants {
			if want[fold(v.Text)] {
				found++
			} else {
				left++
			}
		}
		if found < len(want) {
			return x, fmt.Errorf("%s has no spelling %s (its spellings: %s)", e.Name, strings.Join(names, " / "), variantList(e))
		}
		if left == 0 {
			return x, fmt.Errorf("every spelling of %s would move; nothing would be left to split from", e.Name)
		}
		x.Label = fmt.Sprintf("%s: %s", e.Name, strings.Join(names, ", "))
	case model.DecisionCorrect:
		doc := findDoc(d, x.Document)
		if doc == nil {
			return x, fmt.Errorf("no document %q in this story", x.Document)
		}
		if !contains(model.CorrectableFields, x.Field) {
			return x, fmt.Errorf("cannot correct field %q (only %s)", x.Field, strings.Join(model.CorrectableFields, ", "))
		}
		if err := checkText(x.Field, x.Value, MaxValue, true); err != nil {
			return x, err
		}
		if x.Field == "published" {
			v, err := ParseDate(x.Value)
			if err != nil {
				return x, err
			}
			x.Value = v
		}
		x.Label = fmt.Sprintf("%s of %q", x.Field, docTitle(doc))
	case model.DecisionReprint:
		doc, orig := findDoc(d, x.Document), findDoc(d, x.Of)
		switch {
		case doc == nil:
			return x, fmt.Errorf("no document %q in this story", x.Document)
		case orig == nil:
			return x, fmt.Errorf("no document %q in this story", x.Of)
		case doc.ID == orig.ID:
			return x, errors.New("a document cannot be a reprint of itself")
		case orig.DuplicateOf != nil && *orig.DuplicateOf == doc.ID:
			return x, fmt.Errorf("%q is already marked as a reprint of %q; undo that first", docTitle(orig), docTitle(doc))
		}
		x.Label = fmt.Sprintf("%q reprints %q", docTitle(doc), docTitle(orig))
	case model.DecisionUndo:
		var target *model.Decision
		for i := range d.Decisions {
			if d.Decisions[i].ID == x.Target {
				target = &d.Decisions[i]
			}
		}
		switch {
		case target == nil:
			return x, fmt.Errorf("no decision %d in this story", x.Target)
		case target.Kind == model.DecisionUndo:
			return x, errors.New("an undo cannot be undone; make the decision again instead")
		case target.State == model.DecisionUndone:
			return x, fmt.Errorf("decision %d is already undone", x.Target)
		}
		x.Label = fmt.Sprintf("%s %s", target.Kind, target.Label)
	default:
		return x, fmt.Errorf("unknown decision %q (want confirm, dismiss, merge, split, correct, reprint or undo)", x.Kind)
	}
	return x, nil
}

// ParseDate accepts a corrected publication date as YYYY-MM-DD,
// YYYY-MM-DDTHH:MM or RFC 3339, and returns it in the same form.
func ParseDate(s string) (string, error) {
	for _, layout := range []string{"2006-01-02", "2006-01-02T15:04", time.RFC3339} {
		if _, err := time.Parse(layout, s); err == nil {
			return s, nil
		}
	}
	return "", fmt.Errorf("date %q is not YYYY-MM-DD, YYYY-MM-DDTHH:MM or RFC 3339", s)
}

func checkText(what, s string, max int, required bool) error {
	switch {
	case required && s == "":
		return fmt.Errorf("%s is empty", what)
	case !utf8.ValidString(s):
		return fmt.Errorf("%s is not valid UTF-8", what)
	case utf8.RuneCountInString(s) > max:
		return fmt.Errorf("%s is longer than %d characters", what, max)
	}
	for _, r := range s {
		if unicode.IsControl(r) && r != '\n' && r != '\t' && r != '\r' {
			return fmt.Errorf("%s contains a control character", what)
		}
	}
	return nil
}

func findFact(d *model.Dossier, id string) *model.Fact {
	for i := range d.Facts {
		if d.Facts[i].ID == id {
			return &d.Facts[i]
		}
	}
	return nil
}

func findEntity(d *model.Dossier, id string) *model.Entity {
	for i := range d.Entities {
		if d.Entities[i].ID == id {
			return &d.Entities[i]
		}
	}
	return nil
}

func findDoc(d *model.Dossier, id string) *model.Document {
	for i := range d.Documents {
		if d.Documents[i].ID == id {
			return &d.Documents[i]
		}
	}
	return nil
}

func docTitle(doc *model.Document) string {
	if doc.Title != nil {
		return *doc.Title
	}
	return doc.Source
}

func variantList(e *model.Entity) string {
	vs := make([]string, len(e.Variants))
	for i, v := range e.Variants {
		vs[i] = v.Text
	}
	return strings.Join(vs, ", ")
}
