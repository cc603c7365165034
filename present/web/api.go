package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"mime"
	"net/http"
	"strconv"
	"strings"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// APIError is the body of every API error response.
type APIError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		log.Printf("write json: %v", err)
	}
}

func writeJSONError(w http.ResponseWriter, status int, msg string) {
	writeJSON(w, status, APIError{Error: msg, Status: status})
}

func apiStoreError(w http.ResponseWriter, r *http.Request, what string, err error) {
	if errors.Is(err, model.ErrNotFound) {
		writeJSONError(w, http.StatusNotFound, "no "+what+" with that ID")
		return
	}
	log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
	writeJSONError(w, http.StatusInternalServerError, "the database could not be read; the server's log has the details")
}

// StorySummary is one entry of GET /api/stories.
type StorySummary struct {
	model.Story
	Sources int      `json:"sources"` // documents
	Outlets []string `json:"outlets"` // distinct outlets, sorted
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	items, err := s.storyList(r)
	if err != nil {
		apiStoreError(w, r, "stories", err)
		return
	}
	outlet, err := s.outlets(r)
	if err != nil {
		apiStoreError(w, r, "documents", err)
		return
	}
	out := struct {
		Stories []StorySummary `json:"stories"`
	}{Stories: []StorySummary{}}
	for _, it := range items {
		sum := StorySummary{Story: it.Story, Sources: len(it.Story.Documents), Outlets: []string{}}
		if sum.Documents == nil {
			sum.Documents = []string{}
		}
		seen := map[string]bool{}
		for _, id := range it.Story.Documents {
			if o := outlet[id]; o != "" && !seen[o] {
				seen[o] = true
				sum.Outlets = append(sum.Outlets, o)
			}
		}
		out.Stories = append(out.Stories, sum)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	version, versioned, err := s.storyVersion(r.Context(), id)
	if err != nil {
		apiStoreError(w, r, "story", err)
		return
	}
	if !versioned {
		s.heavy(func(w http.ResponseWriter, r *http.Request) {
			d, err := s.dossier(r.Context(), id)
			if err != nil {
				apiStoreError(w, r, "story", err)
				return
			}
			if err := writeJSONStream(w, d); err != nil {
				log.Printf("%s %s: %v", r.Method, r.URL.Path, err)
			}
		})(w, r)
		return
	}
	res, err := s.cachedResponse(r.Context(), "json\x00"+id+"\x00"+version, jsonContentType, func(ctx context.Context, buf *bytes.Buffer) error {
		d, err := s.dossier(ctx, id)
		if err != nil {
			return err
		}
		return streamJSON(buf, d)
	})
	if err != nil {
		s.cachedError(w, r, "story", err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	res.write(w, http.StatusOK, [holeCount]string{})
}

// EntityDetail is the body of GET /api/stories/{id}/entities/{eid}: the
// entity, the quotes it said and the facts it is the subject of.
type EntityDetail struct {
	Story  string        `json:"story"`
	Entity model.Entity  `json:"entity"`
	Quotes []model.Quote `json:"quotes"`
	Facts  []model.Fact  `json:"facts"`
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	id, eid := r.PathValue("id"), r.PathValue("eid")
	d, err := s.dossier(r.Context(), id)
	if err != nil {
		apiStoreError(w, r, "story", err)
		return
	}
	out := EntityDetail{Story: id, Quotes: []model.Quote{}, Facts: []model.Fact{}}
	found := false
	for _, e := range d.Entities {
		if e.ID == eid {
			out.Entity, found = e, true
			break
		}
	}
	if !found {
		writeJSONError(w, http.StatusNotFound, "story "+id+" has no entity "+eid)
		return
	}
	for _, q := range d.Quotes {
		if q.Speaker != nil && *q.Speaker == eid {
			out.Quotes = append(out.Quotes, q)
		}
	}
	for _, f := range d.Facts {
		if f.Subject == eid {
			out.Facts = append(out.Facts, f)
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// DocumentDetail is the body of GET /api/documents/{id}: the document
// (without its raw bytes) and the stories that contain it.
type DocumentDetail struct {
	model.Document
	Stories []string `json:"stories"`
}

func (s *Server) apiDocument(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	doc, err := s.opts.Store.Document(r.Context(), id)
	if err != nil {
		apiStoreError(w, r, "document", err)
		return
	}
	doc.Raw = nil
	stories, err := s.opts.Store.Stories(r.Context())
	if err != nil {
		apiStoreError(w, r, "stories", err)
		return
	}
	out := DocumentDetail{Document: *doc, Stories: []string{}}
	if out.Authors == nil {
		out.Authors = []string{}
	}
	if out.Removed == nil {
		out.Removed = []model.Removed{}
	}
	for _, st := range stories {
		for _, d := range st.Documents {
			if d == id {
				out.Stories = append(out.Stories, st.ID)
				break
			}
		}
	}
	writeJSON(w, http.StatusOK, out)
}

// SearchResult is the body of GET /api/search.
type SearchResult struct {
	Query string            `json:"query"`
	Hits  []model.SearchHit `json:"hits"`
	// Facets and Total are given when the store supports them (see
	// facetedSearch).
	Facets map[string][]model.FacetCount `json:"facets,omitempty"`
	Total  int                           `json:"total,omitempty"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		writeJSONError(w, http.StatusBadRequest, "missing query: use /api/search?q=words")
		return
	}
	if len(q) > 500 {
		writeJSONError(w, http.StatusBadRequest, "query too long (500 characters at most)")
		return
	}
	limit := searchLimit
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > 500 {
			writeJSONError(w, http.StatusBadRequest, "limit must be a whole number from 1 to 500")
			return
		}
		limit = n
	}
	if res, ok, err := s.facetedSearch(r, q, limit); ok {
		if err != nil {
			apiStoreError(w, r, "search", err)
			return
		}
		writeJSON(w, http.StatusOK, res)
		return
	}
	hits, err := s.opts.Store.Search(r.Context(), q, limit)
	if err != nil {
		apiStoreError(w, r, "search", err)
		return
	}
	if hits == nil {
		hits = []model.SearchHit{}
	}
	writeJSON(w, http.StatusOK, SearchResult{Query: q, Hits: hits})
}

// AnalyzeRequest is the body of POST /api/analyze.
type AnalyzeRequest struct {
	// Story is the story to add to; "" makes a new story.
	Story  string `json:"story"`
	Inputs []struct {
		// Name decides the format by its extension (".txt", ".html",
		// ".jsonl"); "" sniffs the content.
		Name string `json:"name"`
		Text string `json:"text"`
	} `json:"inputs"`
}

// AnalyzeResponse is the body of a successful POST /api/analyze.
type AnalyzeResponse struct {
	Story  string   `json:"story"`
	Added  int      `json:"added"`
	Known  int      `json:"known"`
	Failed []string `json:"failed"`
}

// apiAnalyze takes JSON only: a cross-site page cannot send
// application/json without a CORS preflight, which this server never
// grants, so the JSON content type plus the origin checks protect it.
func (s *Server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	if s.opts.Analyzer == nil {
		writeJSONError(w, http.StatusServiceUnavailable, "this server was started without the analysis pipeline")
		return
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		writeJSONError(w, http.StatusUnsupportedMediaType, "send Content-Type: application/json")
		return
	}
	if !s.startAnalysis() {
		s.busy(w, r, "another analysis is running; try again in a few seconds")
		return
	}
	defer s.endAnalysis()
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUpload)
	var req AnalyzeRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		if isTooLarge(err) {
			writeJSONError(w, http.StatusRequestEntityTooLarge, "request body over the "+humanSize(s.opts.MaxUpload)+" limit")
			return
		}
		writeJSONError(w, http.StatusBadRequest, "bad JSON: "+err.Error())
		return
	}
	if len(req.Inputs) == 0 {
		writeJSONError(w, http.StatusBadRequest, "no inputs: send {\"inputs\": [{\"name\": \"a.txt\", \"text\": \"…\"}]}")
		return
	}
	if req.Story != "" {
		if _, err := s.opts.Store.StoryDossier(r.Context(), req.Story); err != nil {
			apiStoreError(w, r, "story", err)
			return
		}
	}
	opts := ingest.Options{MaxBytes: s.opts.MaxFile}
	var inputs []ingest.Input
	failed := []string{}
	for i, in := range req.Inputs {
		name := safeFileName(in.Name)
		if in.Name == "" {
			name = ""
		}
		source := fmt.Sprintf("inputs[%d]", i)
		if name != "" {
			source += " " + name
		}
		ins, errs := ingest.FromBytes(r.Context(), source, name, []byte(in.Text), opts)
		inputs = append(inputs, ins...)
		for _, e := range errs {
			failed = append(failed, e.Error())
		}
	}
	if len(inputs) == 0 {
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			APIError
			Failed []string `json:"failed"`
		}{APIError{Error: "no input could be read", Status: http.StatusUnprocessableEntity}, failed})
		return
	}
	res, err := s.opts.Analyzer.Analyze(r.Context(), inputs, req.Story)
	if err == nil && res == nil {
		err = errors.New("the pipeline returned no result")
	}
	if err != nil {
		log.Printf("%s %s: analyse: %v", r.Method, r.URL.Path, err)
		writeJSONError(w, http.StatusInternalServerError, "analysis failed; the server's log has the details")
		return
	}
	for _, e := range res.Failed {
		failed = append(failed, e.Error())
	}
	if res.StoryID == "" {
		writeJSON(w, http.StatusUnprocessableEntity, struct {
			APIError
			Failed []string `json:"failed"`
		}{APIError{Error: "no input could be analysed", Status: http.StatusUnprocessableEntity}, failed})
		return
	}
	writeJSON(w, http.StatusOK, AnalyzeResponse{Story: res.StoryID, Added: res.Added, Known: res.Known, Failed: failed})
}
