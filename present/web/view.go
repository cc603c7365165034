package web

import (
	"fmt"
	"html/template"
	"net/url"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// linker makes the hrefs of a rendered page. The server links to its own
// pages; a standalone report links to anchors inside the one file.
type linker interface {
	story(id string) string
	entity(story, id string) string
	document(id, story string, hl model.Range) string
	fact(story, id string) string
}

func (serverLinks) fact(story, id string) string {
	return "/stories/" + url.PathEscape(story) + "#fact-" + anchorID(id)
}

func (reportLinks) fact(story, id string) string { return "#fact-" + anchorID(id) }

type serverLinks struct{}

func (serverLinks) story(id string) string { return "/stories/" + url.PathEscape(id) }
func (serverLinks) entity(story, id string) string {
	return "/stories/" + url.PathEscape(story) + "/entities/" + url.PathEscape(id)
}
func (serverLinks) document(id, story string, hl model.Range) string {
	u := "/documents/" + url.PathEscape(id)
	q := url.Values{}
	if story != "" {
		q.Set("story", story)
	}
	if hl.End > hl.Start {
		q.Set("hl", fmt.Sprintf("%d-%d", hl.Start, hl.End))
	}
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	if hl.End > hl.Start {
		u += "#hl"
	}
	return u
}

// reportLinks points into the standalone report: entities and documents
// are sections of the same file.
type reportLinks struct{}

func (reportLinks) story(id string) string         { return "#top" }
func (reportLinks) entity(story, id string) string { return "#entity-" + anchorID(id) }
func (reportLinks) document(id, story string, hl model.Range) string {
	return "#doc-" + anchorID(id)
}

// anchorID makes an ID safe to use in a fragment.
func anchorID(id string) string {
	var b strings.Builder
	for _, r := range id {
		switch {
		case r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z', r >= '0' && r <= '9', r == '-', r == '_':
			b.WriteRune(r)
		default:
			fmt.Fprintf(&b, "_%x", r)
		}
	}
	return b.String()
}

// statusOrder puts the facts a reader must look at first on top.
var statusOrder = map[model.Status]int{
	model.Disputed:     0,
	model.Changed:      1,
	model.Agreed:       2,
	model.Related:      3,
	model.SingleSource: 4,
}

var statusLabels = map[model.Status]string{
	model.Disputed:     "disputed",
	model.Changed:      "changed",
	model.Agreed:       "agreed",
	model.Related:      "related, no verdict",
	model.SingleSource: "single source",
}

// sourceView is one document as a column of the story page.
type sourceView struct {
	ID          string
	Index       int // 1-based, stable within the story
	Colour      string
	Outlet      string
	Short       string // column header
	Title       string
	Published   string
	Date        string // human-readable published
	Authors     string
	Origin      string // original source of a republished piece
	DuplicateOf string // index label of the source this one copies
	Credit      string // wire agency or outlet whose story this page carries
	Reprints    int    // documents that carry this source's story
	URL         string // only http(s)
	Href        string
	Source      string
	Language    string
}

// cellValue is one distinct value a source gives for a fact. A source
// that repeats the value has it once, with every sentence as evidence.
type cellValue struct {
	Label      string
	Variant    string // letter when the fact has several distinct values
	VariantIdx int
	Hedged     bool // every statement of the value is hedged
	Negated    bool
	Aside      bool // agrees with no other source (model.FactValue.Aside)
	Count      int
	Evidence   []evidence
	evidence   // the first statement, for short listings
}

// evidence is one statement of a value, in its sentence.
type evidence struct {
	Literal    string
	Context    passage
	Href       string
	Attributed string
	Hedged     bool
	Date       string
}

type factCell struct {
	Source *sourceView
	Values []cellValue
}

type factRow struct {
	ID          string
	Anchor      string
	Subject     string
	SubjectHref string
	Attribute   string
	Status      string
	StatusClass string
	Note        string
	Cells       []factCell
	Sources     int // sources with a value
	Variants    int
	Review      *model.Review // the user's verdict on Status, if any
	Desk        *deskForms    // decision forms; nil in the report
}

type statusCount struct {
	Label, Class string
	Count        int
}

type entityItem struct {
	ID, Name, Href, Anchor string
	Type                   string
	Variants               []model.Variant // other spellings, most frequent first
	Mentions, Sources      int
	Descriptions           []string
}

type entityGroup struct {
	Label string
	Items []entityItem
	More  int // entities not listed on this page
}

type storyView struct {
	Story        model.Story
	Title        string
	DateRange    string
	Sources      []*sourceView
	Independent  int // sources that are not reprints of another
	Outlets      int
	Facts        []factRow // this page's
	FactTotal    int
	FactCounts   []statusCount
	FactPager    *pager        // nil when every fact is on the page
	FactColumns  []*sourceView // the fact table's columns
	MoreSpeakers int           // speakers not listed on this page
	ColumnNote   string        // why the fact table shows fewer columns than sources
	TimelineNote string        // what the drawn timeline leaves out
	Timeline     template.HTML
	Undated      []timelineRow
	Conflicts    int
	Events       int
	Entities     []entityGroup
	EntityCount  int
	Quotes       int
	Speakers     []speakerQuotes
	Report       bool
	Documents    []documentView // report only
	EntityPages  []entityView   // report only
	Decisions    []model.Decision
	Desk         *deskForms // decision forms; nil in the report
}

// palette colours sources consistently across the fact table, timeline and
// legend; chosen to stay apart for common colour-vision deficiencies.
var palette = []string{
	"#1f77b4", "#d95f02", "#1b9e77", "#7570b3", "#e7298a", "#66a61e",
	"#a6761d", "#e6ab02", "#17becf", "#666666", "#8c564b", "#bcbd22",
}

// index of a dossier for lookups while building views.
type index struct {
	d        *model.Dossier
	docs     map[string]*model.Document
	sources  map[string]*sourceView
	entities map[string]*model.Entity
	storyID  string
	links    linker
}

func newIndex(d *model.Dossier, storyID string, links linker) *index {
	ix := &index{
		d:        d,
		docs:     map[string]*model.Document{},
		sources:  map[string]*sourceView{},
		entities: map[string]*model.Entity{},
		storyID:  storyID,
		links:    links,
	}
	for i := range d.Documents {
		ix.docs[d.Documents[i].ID] = &d.Documents[i]
	}
	for i := range d.Entities {
		ix.entities[d.Entities[i].ID] = &d.Entities[i]
	}
	return ix
}

func (ix *index) entityName(id string) string {
	if e, ok := ix.entities[id]; ok {
		return e.Name
	}
	return ""
}

// storyOf returns the dossier's story with that ID, or a story built from
// the dossier's documents when the dossier does not list it.
func storyOf(d *model.Dossier, storyID string) model.Story {
	for _, s := range d.Stories {
		if s.ID == storyID {
			return s
		}
	}
	st := model.Story{ID: storyID}
	for _, doc := range d.Documents {
		st.Documents = append(st.Documents, doc.ID)
	}
	return st
}

func buildSources(ix *index, st model.Story) []*sourceView {
	var out []*sourceView
	order := st.Documents
	if len(order) == 0 {
		for _, d := range ix.d.Documents {
			order = append(order, d.ID)
		}
	}
	for _, id := range order {
		doc, ok := ix.docs[id]
		if !ok {
			continue
		}
		n := len(out)
		sv := &sourceView{
			ID:        doc.ID,
			Index:     n + 1,
			Colour:    palette[n%len(palette)],
			Outlet:    deref(doc.Outlet),
			Title:     deref(doc.Title),
			Published: deref(doc.Published),
			Date:      humanDate(deref(doc.Published)),
			Authors:   strings.Join(doc.Authors, ", "),
			Origin:    deref(doc.OriginalSource),
			Credit:    deref(doc.Credit),
			URL:       safeURL(deref(doc.URL)),
			Href:      ix.links.document(doc.ID, ix.storyID, model.Range{}),
			Source:    doc.Source,
			Language:  deref(doc.Language),
		}
		sv.Short = sv.Outlet
		if sv.Short == "" {
			sv.Short = shorten(sv.Title, 24)
		}
		if sv.Short == "" {
			sv.Short = shorten(lastPathElem(doc.Source), 24)
		}
		sv.Short = shorten(sv.Short, 28)
		out = append(out, sv)
		ix.sources[doc.ID] = sv
	}
	// A language tag only helps when the sources differ in language.
	langs := map[string]bool{}
	for _, sv := range out {
		langs[sv.Language] = true
	}
	if len(langs) < 2 {
		for _, sv := range out {
			sv.Language = ""
		}
	}
	for _, sv := range out {
		if doc := ix.docs[sv.ID]; doc.DuplicateOf != nil {
			if orig, ok := ix.sources[*doc.DuplicateOf]; ok {
				sv.DuplicateOf = fmt.Sprintf("copy of source %d", orig.Index)
				orig.Reprints++
			} else {
				sv.DuplicateOf = "syndicated copy"
			}
		}
	}
	return out
}

func lastPathElem(s string) string {
	s = strings.TrimRight(s, "/")
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		return s[i+1:]
	}
	return s
}

func valueKey(fv model.FactValue, label string) string {
	return string(fv.Value.Kind) + "\x00" + strings.ToLower(label) + "\x00" + fv.Polarity
}

func buildFacts(ix *index, sources []*sourceView) []factRow {
	return factRows(ix, sortedFacts(ix.d), sources)
}

// sortedFacts is a copy of the dossier's facts, disputed and changed first.
func sortedFacts(d *model.Dossier) []model.Fact {
	facts := append([]model.Fact(nil), d.Facts...)
	sort.SliceStable(facts, func(i, j int) bool {
		oi, ok := statusOrder[facts[i].Status]
		if !ok {
			oi = 4
		}
		oj, ok := statusOrder[facts[j].Status]
		if !ok {
			oj = 4
		}
		return oi < oj
	})
	return facts
}

// factRows builds the table rows of facts with one cell per source.
func factRows(ix *index, facts []model.Fact, sources []*sourceView) []factRow {
	var rows []factRow
	for _, f := range facts {
		row := factRow{
			ID:          f.ID,
			Anchor:      "fact-" + anchorID(f.ID),
			Subject:     f.SubjectName,
			Attribute:   factLabel(f),
			Status:      statusLabels[f.Status],
			StatusClass: "st-" + statusClass(f.Status),
			Review:      f.Review,
			Note:        f.Note,
		}
		if f.Reason != "" && f.Status != model.SingleSource {
			// The one-line reason a reader can check comes first.
			row.Note = strings.TrimSuffix(f.Reason+"; "+f.Note, "; ")
		}
		if row.Status == "" {
			row.Status = string(f.Status)
		}
		if n := ix.entityName(f.Subject); n != "" {
			row.Subject = n
			row.SubjectHref = ix.links.entity(ix.storyID, f.Subject)
		}
		if row.Subject == "" {
			row.Subject = f.Subject
		}
		byDoc := map[string][]cellValue{}
		variants := map[string]int{}
		for _, fv := range f.Values {
			label := valueLabel(fv.Value, ix.entityName)
			key := valueKey(fv, label)
			vi, ok := variants[key]
			if !ok {
				vi = len(variants)
				variants[key] = vi
			}
			ev := evidence{
				Literal: fv.Text,
				Context: sentenceContext(ix.docs[fv.Doc], fv.Start, fv.End, fv.Sentence),
				Href:    ix.links.document(fv.Doc, ix.storyID, fv.Range()),
				Hedged:  fv.Hedged,
				Date:    humanDate(deref(fv.Date)),
			}
			if fv.AttributedTo != "" {
				ev.Attributed = fv.AttributedTo
				if n := ix.entityName(fv.AttributedTo); n != "" {
					ev.Attributed = n
				}
			}
			cvs := byDoc[fv.Doc]
			merged := false
			for i := range cvs {
				if cvs[i].VariantIdx == vi {
					cvs[i].Evidence = append(cvs[i].Evidence, ev)
					cvs[i].Count++
					cvs[i].Hedged = cvs[i].Hedged && ev.Hedged
					cvs[i].Aside = cvs[i].Aside && fv.Aside
					merged = true
					break
				}
			}
			if !merged {
				cvs = append(cvs, cellValue{
					Label: label, VariantIdx: vi, Hedged: ev.Hedged, Negated: fv.Polarity == "negated",
					Aside: fv.Aside, Count: 1, Evidence: []evidence{ev}, evidence: ev,
				})
			}
			byDoc[fv.Doc] = cvs
		}
		row.Variants = len(variants)
		for _, sv := range sources {
			cell := factCell{Source: sv, Values: byDoc[sv.ID]}
			if row.Variants > 1 {
				for i := range cell.Values {
					cell.Values[i].Variant = string(rune('A' + cell.Values[i].VariantIdx%26))
				}
			}
			if len(cell.Values) > 0 {
				row.Sources++
			}
			row.Cells = append(row.Cells, cell)
		}
		rows = append(rows, row)
	}
	return rows
}

func statusClass(s model.Status) string {
	switch s {
	case model.Agreed, model.Disputed, model.Changed:
		return string(s)
	case model.SingleSource:
		return "single"
	case model.Related:
		return "related"
	}
	return "unknown"
}

func countStatuses(facts []model.Fact) []statusCount {
	var out []statusCount
	for _, st := range []model.Status{model.Disputed, model.Changed, model.Agreed, model.Related, model.SingleSource} {
		n := 0
		for _, f := range facts {
			if statusClass(f.Status) == statusClass(st) {
				n++
			}
		}
		out = append(out, statusCount{Label: statusLabels[st], Class: "st-" + statusClass(st), Count: n})
	}
	return out
}

var typeLabels = []struct {
	Type  model.EntityType
	Label string
}{
	{model.Person, "People"},
	{model.Organization, "Organisations"},
	{model.Place, "Places"},
	{model.Group, "Groups"},
}

func buildEntityItem(ix *index, e *model.Entity) entityItem {
	it := entityItem{
		ID:       e.ID,
		Name:     e.Name,
		Href:     ix.links.entity(ix.storyID, e.ID),
		Anchor:   "entity-" + anchorID(e.ID),
		Type:     string(e.Type),
		Mentions: len(e.Mentions),
	}
	docs := map[string]bool{}
	for _, m := range e.Mentions {
		docs[m.Doc] = true
	}
	for _, v := range e.Variants {
		for _, d := range v.Docs {
			docs[d] = true
		}
	}
	it.Sources = len(docs)
	if it.Mentions == 0 {
		for _, v := range e.Variants {
			it.Mentions += v.Count
		}
	}
	vs := append([]model.Variant(nil), e.Variants...)
	sort.SliceStable(vs, func(i, j int) bool { return vs[i].Count > vs[j].Count })
	it.Variants = vs
	seen := map[string]bool{}
	for _, d := range e.Descriptions {
		k := strings.ToLower(d.Text)
		if d.Text == "" || seen[k] {
			continue
		}
		seen[k] = true
		it.Descriptions = append(it.Descriptions, d.Text)
	}
	return it
}

func buildEntityGroups(ix *index) ([]entityGroup, int) {
	byType := map[model.EntityType][]entityItem{}
	n := 0
	for i := range ix.d.Entities {
		e := &ix.d.Entities[i]
		byType[e.Type] = append(byType[e.Type], buildEntityItem(ix, e))
		n++
	}
	var groups []entityGroup
	known := map[model.EntityType]bool{}
	add := func(label string, items []entityItem) {
		if len(items) == 0 {
			return
		}
		sort.SliceStable(items, func(i, j int) bool {
			if items[i].Mentions != items[j].Mentions {
				return items[i].Mentions > items[j].Mentions
			}
			return items[i].Name < items[j].Name
		})
		groups = append(groups, entityGroup{Label: label, Items: items})
	}
	for _, t := range typeLabels {
		known[t.Type] = true
		add(t.Label, byType[t.Type])
	}
	var other []entityItem
	for t, items := range byType {
		if !known[t] {
			other = append(other, items...)
		}
	}
	add("Other", other)
	return groups, n
}

// buildStory turns a dossier into the story page.
func buildStory(d *model.Dossier, storyID string, links linker) *storyView {
	v, ix := buildStoryParts(d, storyID, links)
	v.Facts = buildFacts(ix, v.Sources)
	v.FactTotal = len(v.Facts)
	v.FactColumns = v.Sources
	return v
}

// buildStoryParts builds everything on the story page but the fact rows.
func buildStoryParts(d *model.Dossier, storyID string, links linker) (*storyView, *index) {
	st := storyOf(d, storyID)
	ix := newIndex(d, storyID, links)
	v := &storyView{Story: st, Title: st.Title, Decisions: d.Decisions}
	v.Sources = buildSources(ix, st)
	if v.Title == "" {
		v.Title = "Story " + shorten(storyID, 12)
	}
	outlets := map[string]bool{}
	for _, s := range v.Sources {
		k := strings.ToLower(s.Outlet)
		if k == "" {
			k = s.ID
		}
		outlets[k] = true
	}
	v.Outlets = len(outlets)
	for _, s := range v.Sources {
		if s.DuplicateOf == "" {
			v.Independent++
		}
	}
	v.DateRange = dateRange(st.From, st.To)
	v.FactCounts = countStatuses(d.Facts)
	tl := buildTimeline(ix, v.Sources)
	v.Timeline = tl.SVG
	v.Undated = tl.Undated
	v.Conflicts = tl.Conflicts
	v.Events = len(d.Timeline)
	v.Entities, v.EntityCount = buildEntityGroups(ix)
	v.Quotes = len(d.Quotes)
	v.Speakers = buildSpeakers(ix)
	return v, ix
}

// speakerQuotes is everything one speaker is quoted as saying, in date
// order, so a changed account shows as a sequence.
type speakerQuotes struct {
	Name, Href string
	Sources    int
	Quotes     []quoteView
	More       int // quotes not listed on this page
	sortDate   string
}

func buildSpeakers(ix *index) []speakerQuotes {
	byKey := map[string]*speakerQuotes{}
	var order []string
	docs := map[string]map[string]bool{}
	for _, q := range ix.d.Quotes {
		key, name, href := "", "", ""
		if q.Speaker != nil && ix.entityName(*q.Speaker) != "" {
			key, name, href = "e:"+*q.Speaker, ix.entityName(*q.Speaker), ix.links.entity(ix.storyID, *q.Speaker)
		} else {
			name = strings.TrimSpace(q.SpeakerText)
			if name == "" {
				name = "Unattributed"
			}
			key = "t:" + strings.ToLower(name)
		}
		sq, ok := byKey[key]
		if !ok {
			sq = &speakerQuotes{Name: name, Href: href}
			byKey[key] = sq
			order = append(order, key)
			docs[key] = map[string]bool{}
		}
		qv := buildQuote(ix, q)
		qv.sortDate = deref(q.Date)
		sq.Quotes = append(sq.Quotes, qv)
		docs[key][q.Doc] = true
	}
	out := make([]speakerQuotes, 0, len(order))
	for _, k := range order {
		sq := byKey[k]
		sq.Sources = len(docs[k])
		sort.SliceStable(sq.Quotes, func(i, j int) bool { return sq.Quotes[i].sortDate < sq.Quotes[j].sortDate })
		out = append(out, *sq)
	}
	// Named speakers quoted by the most sources first; unattributed last.
	sort.SliceStable(out, func(i, j int) bool {
		if (out[i].Href == "") != (out[j].Href == "") {
			return out[i].Href != ""
		}
		if out[i].Sources != out[j].Sources {
			return out[i].Sources > out[j].Sources
		}
		return len(out[i].Quotes) > len(out[j].Quotes)
	})
	return out
}

func dateRange(from, to *string) string {
	f, t := humanDate(deref(from)), humanDate(deref(to))
	switch {
	case f == "" && t == "":
		return ""
	case f == t || t == "":
		return f
	case f == "":
		return "until " + t
	}
	return f + " – " + t
}

// mentionView is one mention of an entity, shown in its sentence.
type mentionView struct {
	Source  *sourceView
	Context passage
	Href    string
	Role    string
}

type quoteView struct {
	sortDate  string
	Source    *sourceView
	Text      string
	Cue       string
	Direct    bool
	Channel   string
	Date      string
	Speaker   string
	Addressee string
	Href      string
	Context   passage
}

type entityView struct {
	Story        model.Story
	StoryHref    string
	StoryTitle   string
	Entity       entityItem
	Mentions     []mentionGroup
	Quotes       []quoteView
	Facts        []factRow
	ValueIn      []factRow // facts of other subjects whose value is this entity ("detained in Almaty")
	Sources      []*sourceView
	Report       bool
	MentionCount int
	Desk         *deskForms // decision forms; nil in the report
}

type mentionGroup struct {
	Source   *sourceView
	Mentions []mentionView
}

func buildQuote(ix *index, q model.Quote) quoteView {
	qv := quoteView{
		Source:    ix.sources[q.Doc],
		Text:      q.Text,
		Cue:       q.Cue,
		Direct:    q.Direct,
		Channel:   q.Channel,
		Date:      humanDate(deref(q.Date)),
		Speaker:   q.SpeakerText,
		Addressee: q.Addressee,
		Href:      ix.links.document(q.Doc, ix.storyID, q.Range()),
		Context:   sentenceContext(ix.docs[q.Doc], q.Start, q.End, q.Sentence),
	}
	if q.Speaker != nil {
		if n := ix.entityName(*q.Speaker); n != "" {
			qv.Speaker = n
		}
	}
	return qv
}

// entityPages builds entity pages of one story; it computes the story's
// sources and fact rows once for all of them.
type entityPages struct {
	ix      *index
	story   model.Story
	sources []*sourceView
	facts   []model.Fact // sorted
}

func newEntityPages(d *model.Dossier, storyID string, links linker) *entityPages {
	ix := newIndex(d, storyID, links)
	st := storyOf(d, storyID)
	ep := &entityPages{ix: ix, story: st}
	ep.sources = buildSources(ix, st)
	ep.facts = sortedFacts(d)
	return ep
}

// buildEntity returns the entity page, or nil when the dossier has no such
// entity.
func buildEntity(d *model.Dossier, storyID, entityID string, links linker) *entityView {
	return newEntityPages(d, storyID, links).page(entityID)
}

func (ep *entityPages) page(entityID string) *entityView {
	ix, d, storyID, links := ep.ix, ep.ix.d, ep.ix.storyID, ep.ix.links
	e, ok := ix.entities[entityID]
	if !ok {
		return nil
	}
	st := ep.story
	v := &entityView{
		Story:     st,
		StoryHref: links.story(storyID),
	}
	v.StoryTitle = st.Title
	if v.StoryTitle == "" {
		v.StoryTitle = "Story " + shorten(storyID, 12)
	}
	v.Sources = ep.sources
	v.Entity = buildEntityItem(ix, e)
	groups := map[string]int{}
	for _, m := range e.Mentions {
		doc := ix.docs[m.Doc]
		if doc == nil {
			continue
		}
		gi, ok := groups[m.Doc]
		if !ok {
			gi = len(v.Mentions)
			groups[m.Doc] = gi
			v.Mentions = append(v.Mentions, mentionGroup{Source: ix.sources[m.Doc]})
		}
		v.Mentions[gi].Mentions = append(v.Mentions[gi].Mentions, mentionView{
			Source:  ix.sources[m.Doc],
			Context: sentenceContext(doc, m.Start, m.End, m.Sentence),
			Href:    links.document(m.Doc, storyID, m.Range()),
			Role:    m.Role,
		})
		v.MentionCount++
	}
	sort.SliceStable(v.Mentions, func(i, j int) bool {
		a, b := v.Mentions[i].Source, v.Mentions[j].Source
		return a != nil && (b == nil || a.Index < b.Index)
	})
	for _, q := range d.Quotes {
		if q.Speaker != nil && *q.Speaker == entityID {
			qv := buildQuote(ix, q)
			qv.sortDate = deref(q.Date)
			v.Quotes = append(v.Quotes, qv)
		}
	}
	// Oldest first: an account that changed reads in order.
	sort.SliceStable(v.Quotes, func(i, j int) bool { return v.Quotes[i].sortDate < v.Quotes[j].sortDate })
	subjectOf, valueOf := map[string]bool{}, map[string]bool{}
	for _, f := range d.Facts {
		if f.Subject == entityID {
			subjectOf[f.ID] = true
			continue
		}
		for _, fv := range f.Values {
			if fv.Value.Entity == entityID {
				valueOf[f.ID] = true
			}
		}
	}
	// Rows only for this entity's facts: a big story has thousands.
	var subj, val []model.Fact
	for _, f := range ep.facts {
		if subjectOf[f.ID] {
			subj = append(subj, f)
		}
		if valueOf[f.ID] {
			val = append(val, f)
		}
	}
	v.Facts = factRows(ix, subj, ep.sources)
	v.ValueIn = factRows(ix, val, ep.sources)
	return v
}

// documentView is the document page.
type documentView struct {
	Doc       *model.Document
	Anchor    string
	Source    *sourceView
	Story     *model.Story
	StoryHref string
	Stories   []storyLink
	Meta      []metaRow
	Text      template.HTML
	Removed   []model.Removed
	Counts    map[string]int
	Target    *passage
	URL       string
	RawHref   string
	Report    bool
	Duplicate string
	DupHref   string
	HasLegend bool
	Claims    []claimView
	Desk      *deskForms // decision forms; nil in the report
}

// claimView is one value this document gives for a fact, with the fact's
// comparison status: a profile of what the source claims.
type claimView struct {
	Subject, Attribute, Label string
	Status, StatusClass       string
	Negated, Hedged           bool
	FactHref, TextHref        string
	Review                    *model.Review
	Count                     int
	rank                      int
}

func rankOf(s model.Status) int {
	if r, ok := statusOrder[s]; ok {
		return r
	}
	return len(statusOrder)
}

type storyLink struct{ Title, Href string }

type metaRow struct{ Field, Value, From string }

// buildDocument renders one document with everything the dossier (which may
// be nil) found in it highlighted. hl, when valid, is marked as the target.
func buildDocument(doc *model.Document, d *model.Dossier, storyID string, hl model.Range, links linker) *documentView {
	v := &documentView{Doc: doc, Anchor: "doc-" + anchorID(doc.ID), URL: safeURL(deref(doc.URL)), Counts: map[string]int{}}
	from := func(f string) string { return doc.MetaSources[f] }
	add := func(field, label, value string) {
		if value == "" {
			return
		}
		v.Meta = append(v.Meta, metaRow{Field: label, Value: value, From: from(field)})
	}
	add("title", "Title", deref(doc.Title))
	add("outlet", "Outlet", deref(doc.Outlet))
	add("original_source", "Original source", deref(doc.OriginalSource))
	add("authors", "Authors", strings.Join(doc.Authors, ", "))
	add("published", "Published", humanDate(deref(doc.Published)))
	add("url", "URL", deref(doc.URL))
	add("language", "Language", deref(doc.Language))
	add("source", "Input", doc.Source)
	add("format", "Format", doc.Format)
	v.Removed = doc.Removed

	var marks []mark
	if d != nil {
		ix := newIndex(d, storyID, links)
		if _, ok := ix.docs[doc.ID]; !ok {
			ix.docs[doc.ID] = doc
		}
		st := storyOf(d, storyID)
		buildSources(ix, st)
		v.Source = ix.sources[doc.ID]
		if doc.DuplicateOf != nil {
			if o, ok := ix.sources[*doc.DuplicateOf]; ok {
				v.Duplicate = o.Short
				v.DupHref = o.Href
			}
		}
		for _, e := range d.Entities {
			for _, m := range e.Mentions {
				if m.Doc != doc.ID {
					continue
				}
				t := e.Name + " (" + string(e.Type) + ")"
				if m.Role != "" {
					t += " — " + m.Role
				}
				marks = append(marks, mark{Start: m.Start, End: m.End, Kind: markEntity, Class: "et-" + string(e.Type), Href: links.entity(storyID, e.ID), Title: t})
				v.Counts["entity"]++
			}
		}
		for _, q := range d.Quotes {
			if q.Doc != doc.ID {
				continue
			}
			who := q.SpeakerText
			if q.Speaker != nil {
				if n := ix.entityName(*q.Speaker); n != "" {
					who = n
				}
			}
			if who == "" {
				who = "unknown speaker"
			}
			t := "quote: " + who
			if q.Cue != "" {
				t += " (" + q.Cue + ")"
			}
			marks = append(marks, mark{Start: q.Start, End: q.End, Kind: markQuote, Title: t})
			v.Counts["quote"]++
		}
		claimAt := map[string]int{} // one row per fact and distinct value
		for _, f := range d.Facts {
			for _, fv := range f.Values {
				if fv.Doc != doc.ID {
					continue
				}
				subj := f.SubjectName
				if n := ix.entityName(f.Subject); n != "" {
					subj = n
				}
				t := fmt.Sprintf("%s — %s: %s (%s)", subj, attributeLabel(f.Attribute), valueLabel(fv.Value, ix.entityName), statusLabels[f.Status])
				m := mark{Start: fv.Start, End: fv.End, Kind: markFact, Class: "st-" + statusClass(f.Status), Title: t}
				if storyID != "" {
					m.Href = links.fact(storyID, f.ID)
				}
				marks = append(marks, m)
				v.Counts["fact"]++
				ck := f.ID + "\x00" + valueKey(fv, valueLabel(fv.Value, ix.entityName))
				if i, ok := claimAt[ck]; ok {
					v.Claims[i].Count++
					continue
				}
				claimAt[ck] = len(v.Claims)
				v.Claims = append(v.Claims, claimView{Count: 1,
					Subject: subj, Attribute: attributeLabel(f.Attribute), Label: valueLabel(fv.Value, ix.entityName),
					Status: statusLabels[f.Status], StatusClass: "st-" + statusClass(f.Status),
					Negated: fv.Polarity == "negated", Hedged: fv.Hedged,
					FactHref: m.Href, TextHref: links.document(doc.ID, storyID, fv.Range()), Review: f.Review,
					rank: rankOf(f.Status),
				})
			}
		}
		sort.SliceStable(v.Claims, func(i, j int) bool { return v.Claims[i].rank < v.Claims[j].rank })
		if storyID != "" {
			s := st
			v.Story = &s
			v.StoryHref = links.story(storyID)
		}
	}
	if validRange(doc.Text, hl.Start, hl.End) {
		marks = append(marks, mark{Start: hl.Start, End: hl.End, Kind: markTarget})
		p := sentenceContext(doc, hl.Start, hl.End, model.Range{})
		v.Target = &p
	}
	v.HasLegend = len(v.Counts) > 0
	v.Text = highlight(doc.Text, marks, doc.Removed)
	return v
}
