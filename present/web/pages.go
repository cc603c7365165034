package web

import (
	"bytes"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log"
	"net/http"
	"sort"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed assets
var assetFS embed.FS

func staticHandler() http.Handler {
	sub, err := fs.Sub(assetFS, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := http.FileServerFS(sub)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		files.ServeHTTP(w, r)
	})
}

// pageSet holds one parsed template tree per page.
type pageSet struct {
	pages  map[string]*template.Template
	report *template.Template
}

var funcs = template.FuncMap{
	"human":        humanDate,
	"shorten":      shorten,
	"join":         strings.Join,
	"variantClass": func(i int) string { return "var-" + strconv.Itoa(i%6) },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return fmt.Sprintf("%d %s", n, one)
		}
		return fmt.Sprintf("%s %s", number(float64(n)), many)
	},
	"inc": func(i int) int { return i + 1 },
	// addressed joins a cue and its addressee: "said to AFP", "told the judge".
	"addressed": func(cue, to string) string {
		switch {
		case to == "":
			return cue
		case strings.HasSuffix(strings.ToLower(cue), "told"), strings.HasSuffix(strings.ToLower(cue), "asked"):
			return cue + " " + to
		}
		return cue + " to " + to
	},
	"snippet": snippetHTML,
}

func loadPages() (*pageSet, error) {
	base, err := template.New("").Funcs(funcs).ParseFS(templateFS, "templates/parts.html", "templates/desk.html")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	ps := &pageSet{pages: map[string]*template.Template{}}
	for _, name := range []string{"stories", "story", "entity", "document", "search", "add", "error", "across"} {
		t, err := template.Must(base.Clone()).ParseFS(templateFS, "templates/layout.html", "templates/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		ps.pages[name] = t
	}
	ps.report, err = template.Must(base.Clone()).ParseFS(templateFS, "templates/report.html")
	if err != nil {
		return nil, fmt.Errorf("parse report template: %w", err)
	}
	return ps, nil
}

// page is what every page template receives.
type page struct {
	Title  string
	Nav    string // which navigation item is current
	Query  string // search box content
	CSRF   string
	Flash  string
	CanAdd bool
	Body   any
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	var buf bytes.Buffer
	if err := s.renderTo(&buf, name, p); err != nil {
		log.Printf("render %s: %v", name, err)
		http.Error(w, "internal error rendering page", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", htmlContentType)
	w.WriteHeader(status)
	w.Write(buf.Bytes())
}

const htmlContentType = "text/html; charset=utf-8"

// renderTo executes page template name into buf.
func (s *Server) renderTo(buf *bytes.Buffer, name string, p page) error {
	p.CanAdd = s.opts.Analyzer != nil
	return s.pages.pages[name].ExecuteTemplate(buf, "layout", p)
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", page{Title: http.StatusText(status), Body: struct {
		Status  int
		Text    string
		Message string
	}{status, http.StatusText(status), msg}})
}

// storeError turns a store error into a 404 or 500 page.
func (s *Server) storeError(w http.ResponseWriter, r *http.Request, what string, err error) {
	if errors.Is(err, model.ErrNotFound) {
		s.errorPage(w, r, http.StatusNotFound, "No "+what+" with that ID.")
		return
	}
	log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	s.errorPage(w, r, http.StatusInternalServerError, "The database could not be read. The server's log has the details.")
}

type storyListItem struct {
	Story      model.Story
	Title      string
	Href       string
	Sources    int
	Outlets    int
	DateRange  string
	OutletList string
}

// outlets maps document IDs to outlets, without decoding every document
// when the store can say it directly.
func (s *Server) outlets(r *http.Request) (map[string]string, error) {
	if ol, ok := s.opts.Store.(interface {
		DocumentOutlets(context.Context) (map[string]string, error)
	}); ok {
		return ol.DocumentOutlets(r.Context())
	}
	docs, err := s.opts.Store.Documents(r.Context())
	if err != nil {
		return nil, err
	}
	out := make(map[string]string, len(docs))
	for _, d := range docs {
		out[d.ID] = deref(d.Outlet)
	}
	return out, nil
}

func (s *Server) storyList(r *http.Request) ([]storyListItem, error) {
	stories, err := s.opts.Store.Stories(r.Context())
	if err != nil {
		return nil, err
	}
	outletOf, err := s.outlets(r)
	if err != nil {
		return nil, err
	}
	var items []storyListItem
	for _, st := range stories {
		it := storyListItem{Story: st, Title: st.Title, Href: serverLinks{}.story(st.ID), Sources: len(st.Documents), DateRange: dateRange(st.From, st.To)}
		if it.Title == "" {
			it.Title = "Story " + shorten(st.ID, 12)
		}
		outlets := map[string]bool{}
		var names []string
		for _, id := range st.Documents {
			if o := outletOf[id]; o != "" && !outlets[strings.ToLower(o)] {
				outlets[strings.ToLower(o)] = true
				names = append(names, o)
			}
		}
		it.Outlets = len(outlets)
		sort.Strings(names)
		it.OutletList = shorten(strings.Join(names, ", "), 140)
		items = append(items, it)
	}
	return items, nil
}

func (s *Server) handleStories(w http.ResponseWriter, r *http.Request) {
	items, err := s.storyList(r)
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	s.render(w, r, http.StatusOK, "stories", page{Title: "Stories", Nav: "stories", Body: items})
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	pageNo := 1
	if p := r.URL.Query().Get("page"); p != "" {
		n, err := strconv.Atoi(p)
		if err != nil || n < 1 {
			s.errorPage(w, r, http.StatusBadRequest, "The page parameter must be a whole number from 1.")
			return
		}
		pageNo = n
	}
	flash := s.flashes.message(r.URL.Query().Get("done"), id)
	version, versioned, err := s.storyVersion(r.Context(), id)
	if err != nil {
		s.storeError(w, r, "story", err)
		return
	}
	if !versioned || flash != "" {
		s.heavy(func(w http.ResponseWriter, r *http.Request) {
			d, err := s.dossier(r.Context(), id)
			if err != nil {
				s.storeError(w, r, "story", err)
				return
			}
			v := buildStoryPage(d, id, pageNo)
			s.storyDesk(w, r, v)
			s.render(w, r, http.StatusOK, "story", page{Title: v.Title, Nav: "stories", Flash: flash, Body: v})
		})(w, r)
		return
	}
	key := "page\x00" + r.URL.Path + "\x00" + strconv.Itoa(pageNo) + "\x00" + version
	res, err := s.cachedResponse(r.Context(), key, htmlContentType, func(ctx context.Context, buf *bytes.Buffer) error {
		d, err := s.dossier(ctx, id)
		if err != nil {
			return err
		}
		v := buildStoryPage(d, id, pageNo)
		holes := s.rendered.holes
		setStoryDesk(v, newDesk(id, r.URL.Path, holes[holeCSRF], holes[holeUser]))
		return s.renderTo(buf, "story", page{Title: v.Title, Nav: "stories", Body: v})
	})
	if err != nil {
		s.cachedError(w, r, "story", err)
		return
	}
	dk := s.desk(w, r, id, r.URL.Path)
	res.write(w, http.StatusOK, [holeCount]string{holeCSRF: dk.CSRF, holeUser: dk.User})
}

// cachedError answers a failed cachedResponse.
func (s *Server) cachedError(w http.ResponseWriter, r *http.Request, what string, err error) {
	switch {
	case errors.Is(err, errBusy):
		s.busy(w, r, "The server is busy with other large pages. Try again in a few seconds.")
	case r.Context().Err() != nil:
		// The reader left.
	case isAPI(r):
		apiStoreError(w, r, what, err)
	default:
		s.storeError(w, r, what, err)
	}
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + many
}

func (s *Server) handleReportHTML(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	d, err := s.dossier(r.Context(), id)
	if err != nil {
		s.storeError(w, r, "story", err)
		return
	}
	var buf bytes.Buffer
	if err := s.pages.writeReport(&buf, d, id); err != nil {
		log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
		s.errorPage(w, r, http.StatusInternalServerError, "The report could not be written. The server's log has the details.")
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="parallax-story-`+anchorID(shorten(id, 16))+`.html"`)
	// The report carries its own inline CSS; it is served sandboxed.
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; sandbox")
	w.Write(buf.Bytes())
}

func (s *Server) handleEntity(w http.ResponseWriter, r *http.Request) {
	id, eid := r.PathValue("id"), r.PathValue("eid")
	d, err := s.dossier(r.Context(), id)
	if err != nil {
		s.storeError(w, r, "story", err)
		return
	}
	v := buildEntity(d, id, eid, serverLinks{})
	if v == nil {
		s.errorPage(w, r, http.StatusNotFound, "This story has no entity with that ID.")
		return
	}
	s.entityDesk(w, r, d, id, v)
	s.render(w, r, http.StatusOK, "entity", page{Title: v.Entity.Name, Nav: "stories", Body: v})
}

// storyFor picks the story a document is shown in: the one asked for, or
// the most recently updated story that contains it.
func (s *Server) storyFor(r *http.Request, docID string) (string, *model.Dossier, []storyLink, error) {
	stories, err := s.opts.Store.Stories(r.Context())
	if err != nil {
		return "", nil, nil, err
	}
	want := r.URL.Query().Get("story")
	var links []storyLink
	chosen := ""
	for _, st := range stories {
		for _, id := range st.Documents {
			if id != docID {
				continue
			}
			t := st.Title
			if t == "" {
				t = "Story " + shorten(st.ID, 12)
			}
			links = append(links, storyLink{Title: t, Href: serverLinks{}.story(st.ID)})
			if chosen == "" || st.ID == want {
				chosen = st.ID
			}
		}
	}
	if chosen == "" {
		return "", nil, links, nil
	}
	d, err := s.dossier(r.Context(), chosen)
	if err != nil {
		return "", nil, links, err
	}
	return chosen, d, links, nil
}

func (s *Server) handleDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	doc, err := s.opts.Store.Document(r.Context(), id)
	if err != nil {
		s.storeError(w, r, "document", err)
		return
	}
	doc.Raw = nil
	storyID, d, links, err := s.storyFor(r, id)
	if err != nil {
		s.storeError(w, r, "story", err)
		return
	}
	var hl model.Range
	if q := r.URL.Query().Get("hl"); q != "" {
		var ok bool
		if hl, ok = parseRange(q); !ok {
			s.errorPage(w, r, http.StatusBadRequest, "The hl parameter must be two byte offsets, START-END.")
			return
		}
	}
	doc = withDecisions(doc, d)
	v := buildDocument(doc, d, storyID, hl, serverLinks{})
	s.documentDesk(w, r, d, storyID, v)
	v.Stories = links
	v.RawHref = "/documents/" + id + "/raw"
	title := deref(doc.Title)
	if title == "" {
		title = lastPathElem(doc.Source)
	}
	s.render(w, r, http.StatusOK, "document", page{Title: title, Nav: "stories", Body: v})
}

// handleRaw serves the stored input byte for byte, as plain text that the
// browser must not interpret.
func (s *Server) handleRaw(w http.ResponseWriter, r *http.Request) {
	doc, err := s.opts.Store.Document(r.Context(), r.PathValue("id"))
	if err != nil {
		s.storeError(w, r, "document", err)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("Content-Security-Policy", "default-src 'none'; sandbox")
	w.Write(doc.Raw)
}

type searchView struct {
	Query  string
	Hits   []searchHit
	Entity int
	Docs   int
	Limit  int
	// Facets and Filters: see searchPage.
	Facets  []facetGroup
	Filters []facetLink
}

type searchHit struct {
	Kind, Title, Href, Story string
	Snippet                  template.HTML
}

// snippetHTML escapes a search snippet and turns the \x01…\x02 match
// markers into <mark>.
func snippetHTML(s string) template.HTML {
	esc := template.HTMLEscapeString(s)
	esc = strings.ReplaceAll(esc, "\x01", "<mark>")
	esc = strings.ReplaceAll(esc, "\x02", "</mark>")
	if strings.Count(esc, "<mark>") != strings.Count(esc, "</mark>") {
		esc = strings.NewReplacer("<mark>", "", "</mark>", "").Replace(esc)
	}
	return template.HTML(esc)
}

const searchLimit = 50

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	v := searchView{Query: q, Limit: searchLimit}
	if len(q) > 500 {
		s.errorPage(w, r, http.StatusBadRequest, "The search query is too long (500 characters at most).")
		return
	}
	if q != "" {
		hits, err := s.searchPage(r, q, &v)
		if err != nil {
			s.storeError(w, r, "search", err)
			return
		}
		for _, h := range hits {
			sh := searchHit{Kind: h.Kind, Title: h.Title, Snippet: snippetHTML(h.Snippet)}
			switch h.Kind {
			case "entity":
				sh.Href = serverLinks{}.entity(h.Story, h.ID)
				v.Entity++
			default:
				sh.Href = serverLinks{}.document(h.ID, "", model.Range{})
				v.Docs++
			}
			if sh.Title == "" && h.Kind == "document" {
				// An untitled document is named by where it came from.
				if doc, err := s.opts.Store.Document(r.Context(), h.ID); err == nil {
					sh.Title = "untitled: " + shorten(lastPathElem(doc.Source), 80)
				}
			}
			if sh.Title == "" {
				sh.Title = "(untitled)"
			}
			v.Hits = append(v.Hits, sh)
		}
	}
	s.render(w, r, http.StatusOK, "search", page{Title: "Search", Nav: "search", Query: q, Body: v})
}

// WriteReport writes one story of dossier d as a single self-contained HTML
// file: inline CSS and SVG, no scripts, no external assets. It looks like
// the story page and adds the entities and the highlighted documents as
// sections of the same file, so every fact can be traced offline.
func WriteReport(w io.Writer, d *model.Dossier, storyID string) error {
	ps, err := loadPages()
	if err != nil {
		return err
	}
	return ps.writeReport(w, d, storyID)
}

func (ps *pageSet) writeReport(w io.Writer, d *model.Dossier, storyID string) error {
	v := buildStory(d, storyID, reportLinks{})
	v.Report = true
	for _, id := range storyOf(d, storyID).Documents {
		for i := range d.Documents {
			if d.Documents[i].ID == id {
				dv := buildDocument(&d.Documents[i], d, storyID, model.Range{}, reportLinks{})
				dv.Report = true
				v.Documents = append(v.Documents, *dv)
			}
		}
	}
	ep := newEntityPages(d, storyID, reportLinks{})
	for _, g := range v.Entities {
		for _, it := range g.Items {
			if ev := ep.page(it.ID); ev != nil {
				ev.Report = true
				v.EntityPages = append(v.EntityPages, *ev)
			}
		}
	}
	css, err := assetFS.ReadFile("assets/style.css")
	if err != nil {
		return fmt.Errorf("report: %w", err)
	}
	data := struct {
		CSS   template.CSS
		Story *storyView
	}{template.CSS(css), v}
	if err := ps.report.ExecuteTemplate(w, "report", data); err != nil {
		return fmt.Errorf("report: %w", err)
	}
	return nil
}
