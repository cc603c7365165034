// Package web serves Parallax's web interface and JSON API over a store.
//
// In: a model.Store (and, for adding articles, an Analyzer that runs the
// pipeline). Out: HTML pages (stories, story, entity, document, search, add
// articles), a JSON API exposing the same data, and standalone story reports
// (WriteReport). Pages are html/template with embedded CSS and JS; the
// timeline is SVG drawn on the server. Article text is untrusted: it is
// always escaped, only http(s) URLs become links, and the Content Security
// Policy allows no inline script.
package web

import (
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/model"
)

// Analyzer runs the analysis pipeline on new inputs. storyID "" makes a new
// story; otherwise the inputs are added to that story and it is recomputed.
type Analyzer interface {
	Analyze(ctx context.Context, inputs []ingest.Input, storyID string) (*AnalyzeResult, error)
}

// AnalyzeResult is what one analysis did.
type AnalyzeResult struct {
	StoryID string  `json:"story"`
	Added   int     `json:"added"` // new documents stored
	Known   int     `json:"known"` // documents that were already stored
	Failed  []error `json:"-"`     // per input, each naming the input
}

// AnalyzerFunc adapts a function to Analyzer.
type AnalyzerFunc func(ctx context.Context, inputs []ingest.Input, storyID string) (*AnalyzeResult, error)

// Analyze calls f.
func (f AnalyzerFunc) Analyze(ctx context.Context, inputs []ingest.Input, storyID string) (*AnalyzeResult, error) {
	return f(ctx, inputs, storyID)
}

// Default limits.
const (
	DefaultMaxUpload  = 32 << 20 // whole add-articles request
	maxJSONBody       = 32 << 20
	DefaultMaxRenders = 4
	DefaultRenderWait = 2 * time.Second
	// cachedStories is how many decoded dossiers are kept for readers.
	cachedStories = 2
	// retryAfter is the Retry-After, in seconds, of a 503 for a busy server.
	retryAfter = "5"
)

// Options configure a Server. The zero value of each field means its
// default.
type Options struct {
	// Store is read for every page. Required.
	Store model.Store
	// Analyzer analyses added articles; nil disables adding.
	Analyzer Analyzer
	// Token, when set, is required on every request: as a cookie set by
	// visiting any page with ?token=…, or as "Authorization: Bearer …".
	Token string
	// MaxUpload limits the body of one add-articles request (default
	// DefaultMaxUpload); larger requests get 413.
	MaxUpload int64
	// MaxFile limits one uploaded file or pasted text, as the CLI does
	// (default ingest.DefaultMaxBytes).
	MaxFile int64
	// AllowedHosts are host names (without port) accepted in the Host
	// header besides localhost and IP literals, e.g. a reverse proxy's
	// name. When set, or when the connection is on loopback, any other
	// Host is refused, so a hostile page cannot reach the server through
	// DNS rebinding.
	AllowedHosts []string
	// User is the name decisions are recorded under when a form or API
	// request does not give one (there are no accounts).
	User string
	// MaxRenders bounds the story, entity, document and report pages and
	// API responses built at once (default DefaultMaxRenders); a request
	// that finds no slot within RenderWait gets 503 with Retry-After.
	MaxRenders int
	// RenderWait is how long a heavy request waits for a slot (default
	// DefaultRenderWait).
	RenderWait time.Duration
}

// Server is the web interface. Create it with New; it is an http.Handler.
type Server struct {
	opts    Options
	mux     *http.ServeMux
	secret  []byte // signs CSRF cookies; random per server
	pages   *pageSet
	analyze chan struct{} // one analysis at a time: it is CPU- and memory-heavy
	renders chan struct{} // heavy page and API renders in flight
	hosts   map[string]bool
	session string // the session cookie's value, derived from the token
	flashes *flashes
	cache   *dossierCache
	// rendered keeps built story pages and story JSON per story version.
	rendered *renderedCache
}

// New returns a Server over opts.Store.
func New(opts Options) (*Server, error) {
	if opts.Store == nil {
		return nil, errors.New("web: no store")
	}
	if opts.MaxUpload <= 0 {
		opts.MaxUpload = DefaultMaxUpload
	}
	if opts.MaxFile <= 0 {
		opts.MaxFile = ingest.DefaultMaxBytes
	}
	if opts.MaxRenders <= 0 {
		opts.MaxRenders = DefaultMaxRenders
	}
	if opts.RenderWait <= 0 {
		opts.RenderWait = DefaultRenderWait
	}
	pages, err := loadPages()
	if err != nil {
		return nil, fmt.Errorf("web: %w", err)
	}
	s := &Server{opts: opts, mux: http.NewServeMux(), pages: pages, analyze: make(chan struct{}, 1),
		renders: make(chan struct{}, opts.MaxRenders), hosts: map[string]bool{}, flashes: newFlashes(flashCapacity),
		cache: newDossierCache(cachedStories)}
	for _, h := range opts.AllowedHosts {
		s.hosts[normalHost(h)] = true
	}
	if opts.Token != "" {
		s.session = deriveSession(opts.Token)
	}
	if s.rendered, err = newRenderedCache(renderedBudget); err != nil {
		return nil, fmt.Errorf("web: random placeholders: %w", err)
	}
	s.secret = make([]byte, 32)
	if _, err := rand.Read(s.secret); err != nil {
		return nil, fmt.Errorf("web: random secret: %w", err)
	}
	s.routes()
	return s, nil
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /{$}", s.handleStories)
	m.HandleFunc("GET /stories/{id}", s.handleStory) // limited when it builds
	m.HandleFunc("GET /stories/{id}/report.html", s.heavy(s.handleReportHTML))
	m.HandleFunc("GET /stories/{id}/entities/{eid}", s.heavy(s.handleEntity))
	m.HandleFunc("GET /documents/{id}", s.heavy(s.handleDocument))
	m.HandleFunc("GET /documents/{id}/raw", s.heavy(s.handleRaw))
	m.HandleFunc("GET /search", s.handleSearch)
	m.HandleFunc("GET /add", s.handleAddForm)
	m.HandleFunc("POST /add", s.handleAdd)
	m.Handle("GET /static/", http.StripPrefix("/static/", staticHandler()))

	m.HandleFunc("GET /api/stories", s.apiStories)
	m.HandleFunc("GET /api/stories/{id}", s.apiStory) // limited when it builds
	m.HandleFunc("GET /api/stories/{id}/entities/{eid}", s.heavy(s.apiEntity))
	m.HandleFunc("GET /api/documents/{id}", s.heavy(s.apiDocument))
	m.HandleFunc("GET /api/search", s.apiSearch)
	m.HandleFunc("POST /api/analyze", s.apiAnalyze)
	m.HandleFunc("GET /api/stories/{id}/decisions", s.heavy(s.apiDecisions))
	m.HandleFunc("POST /api/stories/{id}/decisions", s.heavy(s.apiDecide))
	m.HandleFunc("GET /api/stories/{id}/export", s.heavy(s.apiExport))
	m.HandleFunc("POST /stories/{id}/decide", s.heavy(s.handleDecide))
	m.HandleFunc("GET /stories/{id}/entities/{eid}/across", s.heavy(s.handleAcross))
	m.HandleFunc("GET /api/stories/{id}/entities/{eid}/across", s.heavy(s.apiAcross))
	m.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		writeJSONError(w, http.StatusNotFound, "no such API endpoint: "+r.Method+" "+r.URL.Path)
	})
	m.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, "There is no page at "+r.URL.Path+".")
	})
}

// ServeHTTP applies the security headers and the access token, then routes.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	h.Set("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "same-origin") // "no-referrer" would make browsers send "Origin: null" on form posts
	h.Set("Cross-Origin-Opener-Policy", "same-origin")
	h.Set("Cross-Origin-Resource-Policy", "same-origin")
	if !s.hostAllowed(r) {
		msg := "this server does not answer to the host name " + strconv.Quote(r.Host)
		if isAPI(r) {
			writeJSONError(w, http.StatusMisdirectedRequest, msg)
		} else {
			http.Error(w, msg, http.StatusMisdirectedRequest)
		}
		return
	}
	if !safeMethod(r.Method) {
		if err := checkOrigin(r); err != nil {
			if isAPI(r) {
				writeJSONError(w, http.StatusForbidden, err.Error())
			} else {
				s.errorPage(w, r, http.StatusForbidden, err.Error())
			}
			return
		}
	}
	if s.opts.Token != "" && !s.authorized(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// hostAllowed checks the Host header against the names this server
// answers to. A loopback server without it is open to DNS rebinding: a
// hostile page whose domain resolves to 127.0.0.1 would be same-origin
// with it. IP literals and localhost cannot be rebound, so they always
// pass; other names only when the operator allowed them. On a non-loopback
// address (which requires a token) any name passes unless names were given.
func (s *Server) hostAllowed(r *http.Request) bool {
	if len(s.hosts) == 0 {
		local, ok := r.Context().Value(http.LocalAddrContextKey).(net.Addr)
		if !ok || !IsLoopback(local.String()) {
			return true
		}
	}
	h := normalHost(r.Host)
	if h == "localhost" || strings.HasSuffix(h, ".localhost") || s.hosts[h] {
		return true
	}
	return net.ParseIP(h) != nil
}

// normalHost is a Host header's name: no port, no brackets, lower case,
// no trailing dot.
func normalHost(h string) string {
	if host, _, err := net.SplitHostPort(h); err == nil {
		h = host
	}
	return strings.TrimSuffix(strings.ToLower(strings.Trim(h, "[]")), ".")
}

// checkOrigin refuses a state-changing request that a browser marks as
// coming from another site or origin ("null" included). Requests without
// these headers come from programs, not pages, and pass.
func checkOrigin(r *http.Request) error {
	if site := r.Header.Get("Sec-Fetch-Site"); site != "" && site != "same-origin" && site != "none" {
		return fmt.Errorf("cross-site request refused (Sec-Fetch-Site: %s)", site)
	}
	origin := r.Header.Get("Origin")
	if origin == "" {
		return nil
	}
	u, err := url.Parse(origin)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, r.Host) {
		return fmt.Errorf("request from another origin refused (%s)", strconv.Quote(origin))
	}
	return nil
}

// heavy limits how many handlers of a costly kind run at once. A request
// that finds no slot within RenderWait gets 503 with Retry-After, so a
// burst of readers of a big story cannot exhaust memory.
func (s *Server) heavy(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		t := time.NewTimer(s.opts.RenderWait)
		defer t.Stop()
		select {
		case s.renders <- struct{}{}:
			defer func() { <-s.renders }()
			h(w, r)
		case <-t.C:
			s.busy(w, r, "The server is busy with other large pages. Try again in a few seconds.")
		case <-r.Context().Done():
		}
	}
}

// busy answers 503 with Retry-After.
func (s *Server) busy(w http.ResponseWriter, r *http.Request, msg string) {
	w.Header().Set("Retry-After", retryAfter)
	if isAPI(r) {
		writeJSONError(w, http.StatusServiceUnavailable, msg)
		return
	}
	s.errorPage(w, r, http.StatusServiceUnavailable, msg)
}

const sessionCookie = "parallax_session"

// deriveSession is the session cookie's value for a token: a MAC of a fixed
// label under the token, so the cookie proves knowledge of the token
// without being usable as one (as a Bearer token or ?token=).
func deriveSession(token string) string {
	mac := hmac.New(sha256.New, []byte(token))
	mac.Write([]byte("parallax session v1"))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// authorized checks the access token. A valid ?token= on a GET sets the
// cookie and redirects to the same URL without the token, so it does not
// stay in the address bar or history.
func (s *Server) authorized(w http.ResponseWriter, r *http.Request) bool {
	want := []byte(s.opts.Token)
	if q := r.URL.Query().Get("token"); q != "" && r.Method == http.MethodGet {
		if subtle.ConstantTimeCompare([]byte(q), want) == 1 {
			http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: s.session, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
			u := *r.URL
			q := u.Query()
			q.Del("token")
			u.RawQuery = q.Encode()
			http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
			return false
		}
	}
	if auth := r.Header.Get("Authorization"); strings.HasPrefix(auth, "Bearer ") {
		if subtle.ConstantTimeCompare([]byte(strings.TrimPrefix(auth, "Bearer ")), want) == 1 {
			return true
		}
	}
	if c, err := r.Cookie(sessionCookie); err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.session)) == 1 {
		return true
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
	if isAPI(r) {
		writeJSONError(w, http.StatusUnauthorized, "access token required: send Authorization: Bearer <token>")
		return false
	}
	s.errorPage(w, r, http.StatusUnauthorized, "This Parallax server needs an access token. Open the address you were given with ?token=… once, or ask whoever runs the server for the token.")
	return false
}

func isAPI(r *http.Request) bool { return strings.HasPrefix(r.URL.Path, "/api/") }

// CSRF protection for write endpoints: a double-submit token. The cookie
// holds a random nonce signed with the server's secret; forms carry the same
// value in a hidden field. A cross-site page can neither read the cookie nor
// make the browser send it (SameSite=Strict), and a forged cookie fails the
// signature. Origin and Sec-Fetch-Site are checked as well.
const (
	csrfCookie = "parallax_csrf"
	csrfField  = "csrf"
	csrfHeader = "X-Parallax-CSRF"
)

func (s *Server) sign(nonce string) string {
	mac := hmac.New(sha256.New, s.secret)
	mac.Write([]byte(nonce))
	return nonce + "." + base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

func (s *Server) validCSRF(v string) bool {
	nonce, _, ok := strings.Cut(v, ".")
	return ok && hmac.Equal([]byte(s.sign(nonce)), []byte(v))
}

// csrfToken returns the request's CSRF token, issuing a cookie when the
// request has no valid one.
func (s *Server) csrfToken(w http.ResponseWriter, r *http.Request) string {
	if c, err := r.Cookie(csrfCookie); err == nil && s.validCSRF(c.Value) {
		return c.Value
	}
	b := make([]byte, 18)
	rand.Read(b)
	tok := s.sign(base64.RawURLEncoding.EncodeToString(b))
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: tok, Path: "/", HttpOnly: true, SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
	return tok
}

// checkCSRF verifies a write request: same origin, and the submitted token
// (form field or header) equal to the signed cookie.
func (s *Server) checkCSRF(r *http.Request, submitted string) error {
	if err := checkOrigin(r); err != nil {
		return err
	}
	c, err := r.Cookie(csrfCookie)
	if err != nil || !s.validCSRF(c.Value) {
		return errors.New("missing or invalid CSRF cookie; reload the form and try again")
	}
	if submitted == "" {
		submitted = r.Header.Get(csrfHeader)
	}
	if subtle.ConstantTimeCompare([]byte(submitted), []byte(c.Value)) != 1 {
		return errors.New("CSRF token does not match; reload the form and try again")
	}
	return nil
}

// IsLoopback reports whether addr ("host:port") binds only to the loopback
// interface. An empty host or an unspecified address binds everywhere.
func IsLoopback(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		host = addr
	}
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(strings.Trim(host, "[]"))
	return ip != nil && ip.IsLoopback()
}
