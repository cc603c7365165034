package web

import (
	"encoding/json"
	"errors"
	"log"
	"mime"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/curate"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/present/export"
)

// The journalist's desk in the web interface: small forms on the story,
// entity and document pages that record decisions (package curate), and
// the matching JSON API. The forms are plain HTML posts with the CSRF token,
// so they work without JavaScript.

// userCookie remembers the name a browser last decided under, to fill the
// forms in; it is no login (there are no accounts).
const userCookie = "parallax_user"

// deskForms is what the decision forms of a page need. It is nil in the
// standalone report, which shows decisions but has no forms.
type deskForms struct {
	Story  string
	Action string // the form's target
	Return string // where the browser goes back to
	CSRF   string
	User   string
	// Entity page: the other entities it can be merged with, and its
	// spellings for a split.
	Entity   string
	Across   string // the page of this name across stories
	Others   []deskOption
	Variants []string
	// Document page: its current metadata and the documents it can be a
	// reprint of.
	Document  string
	Fields    []deskOption // field name → current value
	Originals []deskOption
}

type deskOption struct{ Value, Label string }

// desk returns the forms' common part for a page of story storyID.
func (s *Server) desk(w http.ResponseWriter, r *http.Request, storyID, ret string) *deskForms {
	user := s.opts.User
	if c, err := r.Cookie(userCookie); err == nil && c.Value != "" {
		user = c.Value
	}
	return newDesk(storyID, ret, s.csrfToken(w, r), user)
}

func newDesk(storyID, ret, csrf, user string) *deskForms {
	return &deskForms{Story: storyID, Action: "/stories/" + storyID + "/decide", Return: ret, CSRF: csrf, User: user}
}

func (s *Server) storyDesk(w http.ResponseWriter, r *http.Request, v *storyView) {
	setStoryDesk(v, s.desk(w, r, v.Story.ID, r.URL.Path))
}

// setStoryDesk gives the story page and each of its facts the forms dk.
func setStoryDesk(v *storyView, dk *deskForms) {
	v.Desk = dk
	for i := range v.Facts {
		v.Facts[i].Desk = dk
	}
}

func (s *Server) entityDesk(w http.ResponseWriter, r *http.Request, d *model.Dossier, storyID string, v *entityView) {
	dk := s.desk(w, r, storyID, r.URL.Path)
	dk.Entity = v.Entity.ID
	dk.Across = serverLinks{}.entity(storyID, v.Entity.ID) + "/across"
	for _, e := range d.Entities {
		if e.ID != v.Entity.ID {
			dk.Others = append(dk.Others, deskOption{Value: e.ID, Label: e.Name + " (" + string(e.Type) + ")"})
		}
	}
	// Same type first, then by name: the likely merges lead.
	typ := " (" + v.Entity.Type + ")"
	sort.SliceStable(dk.Others, func(i, j int) bool {
		a, b := strings.HasSuffix(dk.Others[i].Label, typ), strings.HasSuffix(dk.Others[j].Label, typ)
		if a != b {
			return a
		}
		return strings.ToLower(dk.Others[i].Label) < strings.ToLower(dk.Others[j].Label)
	})
	for _, e := range d.Entities {
		if e.ID == v.Entity.ID && len(e.Variants) > 1 {
			for _, vr := range e.Variants {
				dk.Variants = append(dk.Variants, vr.Text)
			}
		}
	}
	v.Desk = dk
	for i := range v.Facts {
		v.Facts[i].Desk = dk
	}
}

func (s *Server) documentDesk(w http.ResponseWriter, r *http.Request, d *model.Dossier, storyID string, v *documentView) {
	if d == nil || storyID == "" {
		return
	}
	dk := s.desk(w, r, storyID, r.URL.RequestURI())
	dk.Document = v.Doc.ID
	var doc *model.Document
	for i := range d.Documents {
		if d.Documents[i].ID == v.Doc.ID {
			doc = &d.Documents[i]
		} else {
			o := d.Documents[i]
			dk.Originals = append(dk.Originals, deskOption{Value: o.ID, Label: docLabel(&o)})
		}
	}
	if doc == nil {
		return
	}
	dk.Fields = []deskOption{{"title", deref(doc.Title)}, {"outlet", deref(doc.Outlet)}, {"published", deref(doc.Published)}}
	v.Desk = dk
}

func docLabel(doc *model.Document) string {
	label := deref(doc.Outlet)
	if t := deref(doc.Title); t != "" {
		if label != "" {
			label += ": "
		}
		label += shorten(t, 70)
	}
	if label == "" {
		label = doc.Source
	}
	return label
}

// maxDecisionBody bounds a decision request: a few IDs and a note.
const maxDecisionBody = 64 << 10

// handleDecide records a decision from a form and sends the browser back.
func (s *Server) handleDecide(w http.ResponseWriter, r *http.Request) {
	storyID := r.PathValue("id")
	r.Body = http.MaxBytesReader(w, r.Body, maxDecisionBody)
	if err := r.ParseForm(); err != nil {
		if isTooLarge(err) {
			s.errorPage(w, r, http.StatusRequestEntityTooLarge, "The form is too large.")
			return
		}
		s.errorPage(w, r, http.StatusBadRequest, "The form could not be read.")
		return
	}
	if err := s.checkCSRF(r, r.PostFormValue(csrfField)); err != nil {
		s.errorPage(w, r, http.StatusForbidden, err.Error())
		return
	}
	f := r.PostForm
	q := model.Decision{Kind: model.DecisionKind(f.Get("kind")), Fact: f.Get("fact"), Names: f["names"],
		Document: f.Get("document"), Field: f.Get("field"), Value: f.Get("value"), Of: f.Get("of"),
		Note: f.Get("note"), User: f.Get("user")}
	for _, e := range append(f["entity"], f["other"]...) {
		if e != "" {
			q.Entities = append(q.Entities, e)
		}
	}
	if t := f.Get("target"); t != "" {
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil {
			s.errorPage(w, r, http.StatusBadRequest, "The decision number is not a number.")
			return
		}
		q.Target = n
	}
	x, status, msg := s.record(r, storyID, q)
	if status != http.StatusCreated {
		s.errorPage(w, r, status, msg)
		return
	}
	http.SetCookie(w, &http.Cookie{Name: userCookie, Value: x.User, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil, MaxAge: 365 * 24 * 3600})
	http.Redirect(w, r, localReturn(f.Get("return"), "/stories/"+storyID), http.StatusSeeOther)
}

// localReturn accepts only a path on this server, so the form cannot be
// used to send the browser elsewhere.
func localReturn(ret, fallback string) string {
	if !strings.HasPrefix(ret, "/") || strings.HasPrefix(ret, "//") || strings.ContainsAny(ret, "\\\r\n") {
		return fallback
	}
	return ret
}

// record checks and stores a decision (the fields a user gives; the
// rest is set by curate.Prepare); status is 201 on success. A decision
// without a user name is the server's --user.
func (s *Server) record(r *http.Request, storyID string, q model.Decision) (model.Decision, int, string) {
	ds, ok := s.opts.Store.(curate.Store)
	if !ok {
		return model.Decision{}, http.StatusServiceUnavailable, "this store does not keep decisions"
	}
	if strings.TrimSpace(q.User) == "" {
		q.User = s.opts.User
	}
	x, err := curate.Record(r.Context(), ds, storyID, q)
	switch {
	case err == nil:
		return x, http.StatusCreated, ""
	case errors.Is(err, model.ErrNotFound):
		return x, http.StatusNotFound, "no story with that ID"
	case errors.Is(err, curate.ErrInvalid):
		return x, http.StatusBadRequest, err.Error()
	}
	log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	return x, http.StatusInternalServerError, "the decision could not be stored"
}

// DecisionList is the body of GET /api/stories/{id}/decisions.
type DecisionList struct {
	Story     string           `json:"story"`
	Decisions []model.Decision `json:"decisions"`
}

func (s *Server) apiDecisions(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := s.opts.Store.StoryDossier(r.Context(), id)
	if err != nil {
		apiStoreError(w, r, "story", err)
		return
	}
	out := DecisionList{Story: id, Decisions: d.Decisions}
	if out.Decisions == nil {
		out.Decisions = []model.Decision{}
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiDecide(w http.ResponseWriter, r *http.Request) {
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeJSONError(w, http.StatusUnsupportedMediaType, "send Content-Type: application/json")
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxDecisionBody)
	var q model.Decision
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&q); err != nil {
		if isTooLarge(err) {
			writeJSONError(w, http.StatusRequestEntityTooLarge, "request body over the "+humanSize(maxDecisionBody)+" limit")
			return
		}
		writeJSONError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		return
	}
	x, status, msg := s.record(r, r.PathValue("id"), q)
	if status != http.StatusCreated {
		writeJSONError(w, status, msg)
		return
	}
	writeJSON(w, http.StatusCreated, x)
}

// apiExport serves a story in an export format as a download.
func (s *Server) apiExport(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	f, err := export.ParseFormat(r.URL.Query().Get("format"))
	if err != nil {
		writeJSONError(w, http.StatusBadRequest, err.Error())
		return
	}
	d, err := s.opts.Store.StoryDossier(r.Context(), id)
	if err != nil {
		apiStoreError(w, r, "story", err)
		return
	}
	h := w.Header()
	h.Set("Content-Type", f.ContentType())
	h.Set("Cache-Control", "no-store")
	h.Set("Content-Disposition", `attachment; filename="parallax-story-`+anchorID(shorten(id, 16))+f.Extension()+`"`)
	if f == export.HTML {
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
		err = s.pages.writeReport(w, d, id)
	} else {
		err = export.Write(w, d, id, f)
	}
	if err != nil {
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	}
}

// withDecisions returns the story's version of a stored document: its
// metadata as users corrected it (the store never rewrites documents).
func withDecisions(doc *model.Document, d *model.Dossier) *model.Document {
	if d == nil {
		return doc
	}
	for i := range d.Documents {
		if d.Documents[i].ID == doc.ID {
			c := d.Documents[i]
			c.Raw = nil
			if c.Text == "" {
				c.Text = doc.Text
			}
			return &c
		}
	}
	return doc
}

// facetedSearch runs an API search with the filters story, outlet, type,
// from and to and exact=1 (words as written only), when the store supports
// them; ok is false when it does not.
func (s *Server) facetedSearch(r *http.Request, q string, limit int) (SearchResult, bool, error) {
	searcher, ok := s.opts.Store.(model.Searcher)
	if !ok {
		return SearchResult{}, false, nil
	}
	p := r.URL.Query()
	res, err := searcher.SearchWith(r.Context(), model.SearchQuery{Text: q, Limit: limit, Exact: p.Get("exact") == "1",
		Story: p.Get("story"), Outlet: p.Get("outlet"), Type: p.Get("type"), From: p.Get("from"), To: p.Get("to")})
	if err != nil {
		return SearchResult{}, true, err
	}
	return SearchResult{Query: q, Hits: res.Hits, Facets: res.Facets, Total: res.Total}, true, nil
}

// facetGroup is one facet of the search page: its values as links that
// add the filter.
type facetGroup struct {
	Label string
	Links []facetLink
}

type facetLink struct {
	Label, Href string
	Count       int
}

// searchFilters are the search page's filter parameters and their labels.
var searchFilters = []struct{ param, facet, label string }{
	{"story", "story", "Story"}, {"outlet", "outlet", "Outlet"}, {"type", "type", "Type"}, {"month", "date", "Month"},
}

// searchPage runs the search page's query with its filters (story, outlet,
// type, month) and fills v's facets and active filters; without a store
// that supports them it is the plain search.
func (s *Server) searchPage(r *http.Request, q string, v *searchView) ([]model.SearchHit, error) {
	searcher, ok := s.opts.Store.(model.Searcher)
	if !ok {
		return s.opts.Store.Search(r.Context(), q, searchLimit)
	}
	p := r.URL.Query()
	month := p.Get("month")
	res, err := searcher.SearchWith(r.Context(), model.SearchQuery{Text: q, Limit: searchLimit,
		Story: p.Get("story"), Outlet: p.Get("outlet"), Type: p.Get("type"), From: month, To: month})
	if err != nil {
		return nil, err
	}
	link := func(set, value string) string {
		u := url.Values{}
		for k, vs := range p {
			u[k] = append([]string(nil), vs...)
		}
		if value == "" {
			u.Del(set)
		} else {
			u.Set(set, value)
		}
		return "/search?" + u.Encode()
	}
	for _, f := range searchFilters {
		if cur := p.Get(f.param); cur != "" {
			label := cur
			for _, fc := range res.Facets[f.facet] {
				if fc.Value == cur && fc.Label != "" {
					label = fc.Label
				}
			}
			v.Filters = append(v.Filters, facetLink{Label: f.label + ": " + shorten(label, 60), Href: link(f.param, "")})
			continue
		}
		g := facetGroup{Label: f.label}
		for i, fc := range res.Facets[f.facet] {
			if i == 10 {
				break
			}
			label := fc.Value
			if fc.Label != "" {
				label = fc.Label
			}
			g.Links = append(g.Links, facetLink{Label: shorten(label, 60), Href: link(f.param, fc.Value), Count: fc.Count})
		}
		if len(g.Links) > 1 {
			v.Facets = append(v.Facets, g)
		}
	}
	return res.Hits, nil
}
