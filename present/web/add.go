package web

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/url"
	"strings"

	"github.com/parallaxnews/parallax/ingest"
)

type addView struct {
	Stories    []storyListItem
	Story      string // preselected story ID
	MaxFile    string
	MaxUpload  string
	Errors     []string
	Text       string
	Result     *AnalyzeResult
	ResultHref string
	Disabled   bool
}

func humanSize(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}

func (s *Server) addView(r *http.Request) (*addView, error) {
	items, err := s.storyList(r)
	if err != nil {
		return nil, err
	}
	return &addView{
		Stories:   items,
		MaxFile:   humanSize(s.opts.MaxFile),
		MaxUpload: humanSize(s.opts.MaxUpload),
		Disabled:  s.opts.Analyzer == nil,
	}, nil
}

func (s *Server) handleAddForm(w http.ResponseWriter, r *http.Request) {
	v, err := s.addView(r)
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	v.Story = r.URL.Query().Get("story")
	s.render(w, r, http.StatusOK, "add", page{Title: "Add articles", Nav: "add", CSRF: s.csrfToken(w, r), Body: v})
}

// submission is one add-articles request, read in full (within the body
// limit) before anything is analysed.
type submission struct {
	csrf   string
	story  string
	text   string
	files  []upload
	errors []string
}

type upload struct {
	name string
	data []byte
}

// readSubmission streams the multipart body. Each file or text is read up
// to MaxFile+1 bytes so an oversized one is reported by ingest with the same
// message as the CLI, without holding more than that in memory.
func (s *Server) readSubmission(r *http.Request) (*submission, error) {
	mr, err := r.MultipartReader()
	if err != nil {
		return nil, fmt.Errorf("expected a multipart/form-data upload: %w", err)
	}
	sub := &submission{}
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(io.LimitReader(part, s.opts.MaxFile+1))
		if err == nil && int64(len(data)) > s.opts.MaxFile {
			_, err = io.Copy(io.Discard, part) // drain; the body limit still applies
		}
		if err != nil {
			part.Close()
			return nil, err
		}
		part.Close()
		switch name := part.FormName(); {
		case part.FileName() != "":
			if name == "files" {
				sub.files = append(sub.files, upload{name: part.FileName(), data: data})
			}
		case name == csrfField:
			sub.csrf = string(data)
		case name == "story":
			sub.story = strings.TrimSpace(string(data))
		case name == "text":
			sub.text = string(data)
		}
	}
	return sub, nil
}

func isTooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

func (s *Server) handleAdd(w http.ResponseWriter, r *http.Request) {
	if s.opts.Analyzer != nil {
		if !s.startAnalysis() {
			s.busy(w, r, "Another analysis is running. Try again in a few seconds.")
			return
		}
		defer s.endAnalysis()
	}
	r.Body = http.MaxBytesReader(w, r.Body, s.opts.MaxUpload)
	v, err := s.addView(r)
	if err != nil {
		s.storeError(w, r, "stories", err)
		return
	}
	fail := func(status int, msgs ...string) {
		v.Errors = append(v.Errors, msgs...)
		s.render(w, r, status, "add", page{Title: "Add articles", Nav: "add", CSRF: s.csrfToken(w, r), Body: v})
	}
	sub, err := s.readSubmission(r)
	if err != nil {
		if isTooLarge(err) {
			fail(http.StatusRequestEntityTooLarge, "The upload is larger than the "+v.MaxUpload+" limit of one request. Send fewer or smaller files at a time.")
			return
		}
		fail(http.StatusBadRequest, "The upload could not be read: "+err.Error())
		return
	}
	if err := s.checkCSRF(r, sub.csrf); err != nil {
		fail(http.StatusForbidden, err.Error())
		return
	}
	v.Story = sub.story
	v.Text = sub.text
	if s.opts.Analyzer == nil {
		fail(http.StatusServiceUnavailable, "This server was started without the analysis pipeline, so it cannot add articles.")
		return
	}
	if sub.story != "" && !storyExists(v.Stories, sub.story) {
		fail(http.StatusBadRequest, "There is no story with ID "+sub.story+".")
		return
	}
	inputs, msgs := s.collectInputs(r.Context(), sub)
	if len(inputs) == 0 {
		if len(msgs) == 0 {
			msgs = []string{"Nothing to analyse: paste an article or choose at least one file."}
		}
		fail(http.StatusUnprocessableEntity, msgs...)
		return
	}
	res, err := s.opts.Analyzer.Analyze(r.Context(), inputs, sub.story)
	if err == nil && res == nil {
		err = errors.New("the pipeline returned no result")
	}
	if err != nil {
		log.Printf("%s %s: analyse: %v", r.Method, r.URL.Path, err)
		fail(http.StatusInternalServerError, append(msgs, "Analysis failed. The server's log has the details.")...)
		return
	}
	for _, e := range res.Failed {
		msgs = append(msgs, e.Error())
	}
	if res.StoryID == "" { // every input failed cleaning
		fail(http.StatusUnprocessableEntity, msgs...)
		return
	}
	target := serverLinks{}.story(res.StoryID) + "?" + url.Values{"done": {s.flashes.add(res.StoryID, res.Added, res.Known)}}.Encode()
	if len(msgs) == 0 {
		http.Redirect(w, r, target, http.StatusSeeOther)
		return
	}
	// Some inputs failed: say which, and link to what was analysed.
	v.Result = res
	v.ResultHref = target
	v.Text = ""
	status := http.StatusOK
	if res.Added+res.Known == 0 {
		status = http.StatusUnprocessableEntity
	}
	fail(status, msgs...)
}

func storyExists(items []storyListItem, id string) bool {
	for _, it := range items {
		if it.Story.ID == id {
			return true
		}
	}
	return false
}

// collectInputs checks pasted text and files exactly as the CLI checks
// files, returning the accepted inputs and one message per rejected one.
func (s *Server) collectInputs(ctx context.Context, sub *submission) ([]ingest.Input, []string) {
	opts := ingest.Options{MaxBytes: s.opts.MaxFile}
	var inputs []ingest.Input
	var msgs []string
	addErrs := func(errs []*ingest.Error) {
		for _, e := range errs {
			msgs = append(msgs, e.Error())
		}
	}
	if strings.TrimSpace(sub.text) != "" {
		ins, errs := ingest.FromBytes(ctx, "pasted text", "", []byte(sub.text), opts)
		inputs = append(inputs, ins...)
		addErrs(errs)
	}
	for _, f := range sub.files {
		name := safeFileName(f.name)
		ins, errs := ingest.FromBytes(ctx, "upload "+name, name, f.data, opts)
		inputs = append(inputs, ins...)
		addErrs(errs)
	}
	return inputs, msgs
}

// safeFileName keeps only the base name a browser sent.
func safeFileName(n string) string {
	n = lastPathElem(n)
	if n == "" {
		return "unnamed file"
	}
	return shorten(n, 120)
}

// startAnalysis takes the one analysis slot without waiting; false means
// another analysis holds it. Analysis is CPU- and memory-heavy, so a second
// request is told to retry rather than queued.
func (s *Server) startAnalysis() bool {
	select {
	case s.analyze <- struct{}{}:
		return true
	default:
		return false
	}
}

func (s *Server) endAnalysis() { <-s.analyze }
