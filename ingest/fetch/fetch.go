// Package fetch gets the pages, feeds and sitemaps a user names, politely
// and explicitly: a user agent that names Parallax, timeouts, a size limit,
// a per-host pause between requests, robots.txt obeyed, redirects bounded
// and kept on the host the user named (unless the user allows another), no
// private or loopback address unless the named host is one, and every
// request logged with its status. It contacts no host but those.
//
// In: URLs. Out: the bytes as served, unchanged, with the URL they came
// from and the one asked for, or an error naming the URL.
package fetch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"syscall"
	"time"
)

// UserAgent names Parallax to the sites it reads.
const UserAgent = "Parallax/1 (news comparison; +https://github.com/parallaxnews/parallax)"

// robotsToken is the name matched against robots.txt user-agent lines.
const robotsToken = "parallax"

// Options configures a Fetcher. The zero value means the defaults.
type Options struct {
	// Timeout bounds one request, body included (default 30 s).
	Timeout time.Duration
	// MaxBytes is the largest body accepted (default 10 MB).
	MaxBytes int64
	// MaxRedirects bounds the redirects followed (default 5).
	MaxRedirects int
	// HostInterval is the least pause between two requests to one host
	// (default 1 s); a longer Crawl-delay in robots.txt wins.
	HostInterval time.Duration
	// AllowHosts are hosts a redirect may lead to besides the one named.
	AllowHosts []string
	// Log receives every request made, robots.txt included.
	Log func(Entry)
}

// Entry is one request, as logged.
type Entry struct {
	URL    string
	Status int // 0 when no response came
	Bytes  int64
	Took   time.Duration
	Err    error
}

func (e Entry) String() string {
	status := "---"
	if e.Status != 0 {
		status = fmt.Sprint(e.Status)
	}
	s := fmt.Sprintf("fetch %s %s %d bytes %.2fs", status, e.URL, e.Bytes, e.Took.Seconds())
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

// Page is one fetched resource.
type Page struct {
	// Requested is the URL asked for; URL is where the bytes came from
	// after redirects.
	Requested, URL string
	Status         int
	ContentType    string
	Body           []byte
	Fetched        time.Time
}

// Reasons a fetch is refused; callers can branch with errors.Is.
var (
	ErrRobots     = errors.New("robots.txt disallows it")
	ErrTooLarge   = errors.New("body over the size limit")
	ErrStatus     = errors.New("bad HTTP status")
	ErrOtherHost  = errors.New("redirect to another host refused")
	ErrRedirects  = errors.New("too many redirects")
	ErrPrivate    = errors.New("private or loopback address refused")
	ErrNotHTTP    = errors.New("not an http or https URL")
	ErrRobotsDown = errors.New("robots.txt unreachable (server error); nothing is fetched from the host until it answers")
)

// allowPrivateKey marks a request context whose named host is private, so
// the dialer may connect to a private address.
type allowPrivateKey struct{}

// Fetcher fetches URLs. It is safe for concurrent use.
type Fetcher struct {
	opts   Options
	client *http.Client
	mu     sync.Mutex
	hosts  map[string]*host
}

// host is what the Fetcher knows of one host: its robots rules and when
// it may next be asked.
type host struct {
	mu     sync.Mutex // held while waiting for the host's turn
	next   time.Time
	robots *robots
}

// New returns a Fetcher.
func New(opts Options) *Fetcher {
	if opts.Timeout <= 0 {
		opts.Timeout = 30 * time.Second
	}
	if opts.MaxBytes <= 0 {
		opts.MaxBytes = 10 << 20
	}
	if opts.MaxRedirects <= 0 {
		opts.MaxRedirects = 5
	}
	if opts.HostInterval <= 0 {
		opts.HostInterval = time.Second
	}
	f := &Fetcher{opts: opts, hosts: map[string]*host{}}
	dialer := &net.Dialer{Timeout: 10 * time.Second}
	transport := &http.Transport{
		Proxy: nil, // contact the named host itself, never a proxy from the environment
		DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
			d := *dialer
			allow := ctx.Value(allowPrivateKey{}) != nil
			d.Control = func(_, address string, _ syscall.RawConn) error {
				h, _, err := net.SplitHostPort(address)
				if err != nil {
					return err
				}
				if ip := net.ParseIP(h); ip != nil && private(ip) && !allow {
					return fmt.Errorf("%w: %s", ErrPrivate, h)
				}
				return nil
			}
			return d.DialContext(ctx, network, addr)
		},
		TLSHandshakeTimeout:   10 * time.Second,
		ResponseHeaderTimeout: opts.Timeout,
		MaxIdleConnsPerHost:   2,
	}
	f.client = &http.Client{
		Transport: transport,
		Timeout:   opts.Timeout,
		CheckRedirect: func(req *http.Request, via []*http.Request) error {
			if len(via) > f.opts.MaxRedirects {
				return fmt.Errorf("%w (%d)", ErrRedirects, f.opts.MaxRedirects)
			}
			named := via[0].URL.Hostname()
			if to := req.URL.Hostname(); !strings.EqualFold(to, named) && !f.allowed(to) {
				return fmt.Errorf("%w: %s (allow it explicitly to follow)", ErrOtherHost, to)
			}
			return nil
		},
	}
	return f
}

func (f *Fetcher) allowed(h string) bool {
	for _, a := range f.opts.AllowHosts {
		if strings.EqualFold(a, h) {
			return true
		}
	}
	return false
}

// private reports loopback, private, link-local and unspecified addresses.
func private(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() || ip.IsLinkLocalMulticast() ||
		ip.IsUnspecified() || ip.IsInterfaceLocalMulticast()
}

// namedPrivate reports whether the host the user named is itself private:
// an address in a private range, or a name all of whose addresses are.
func namedPrivate(ctx context.Context, h string) bool {
	if ip := net.ParseIP(h); ip != nil {
		return private(ip)
	}
	if strings.EqualFold(h, "localhost") {
		return true
	}
	addrs, err := net.DefaultResolver.LookupIPAddr(ctx, h)
	if err != nil || len(addrs) == 0 {
		return false
	}
	for _, a := range addrs {
		if !private(a.IP) {
			return false
		}
	}
	return true
}

// Get fetches one URL the user named, after robots.txt allows it and the
// host's turn has come. A status other than 2xx is an error naming it.
func (f *Fetcher) Get(ctx context.Context, rawURL string) (*Page, error) {
	u, err := url.Parse(strings.TrimSpace(rawURL))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	if u.Scheme != "http" && u.Scheme != "https" || u.Host == "" {
		return nil, fmt.Errorf("%s: %w", rawURL, ErrNotHTTP)
	}
	if namedPrivate(ctx, u.Hostname()) {
		ctx = context.WithValue(ctx, allowPrivateKey{}, true)
	}
	h := f.host(u)
	rules, err := f.robotsFor(ctx, u, h)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	if !rules.allows(u.EscapedPath()) {
		return nil, fmt.Errorf("%s: %w", rawURL, ErrRobots)
	}
	page, err := f.request(ctx, u.String(), h, rules.delay)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", rawURL, err)
	}
	page.Requested = rawURL
	return page, nil
}

func (f *Fetcher) host(u *url.URL) *host {
	key := strings.ToLower(u.Scheme + "://" + u.Host)
	f.mu.Lock()
	defer f.mu.Unlock()
	h := f.hosts[key]
	if h == nil {
		h = &host{}
		f.hosts[key] = h
	}
	return h
}

// request waits for the host's turn, then makes one GET and reads the
// body up to the size limit.
func (f *Fetcher) request(ctx context.Context, target string, h *host, delay time.Duration) (*Page, error) {
	h.mu.Lock()
	wait := time.Until(h.next)
	if wait > 0 {
		t := time.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			h.mu.Unlock()
			return nil, ctx.Err()
		case <-t.C:
		}
	}
	h.next = time.Now().Add(max(f.opts.HostInterval, delay))
	h.mu.Unlock()

	start := time.Now()
	entry := Entry{URL: target}
	defer func() {
		entry.Took = time.Since(start)
		if f.opts.Log != nil {
			f.opts.Log(entry)
		}
	}()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, target, nil)
	if err != nil {
		entry.Err = err
		return nil, err
	}
	req.Header.Set("User-Agent", UserAgent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5")
	resp, err := f.client.Do(req)
	if err != nil {
		entry.Err = unwrapURLError(err)
		return nil, entry.Err
	}
	defer resp.Body.Close()
	entry.Status = resp.StatusCode
	if resp.ContentLength > f.opts.MaxBytes {
		entry.Err = fmt.Errorf("%w (%d bytes announced, limit %d)", ErrTooLarge, resp.ContentLength, f.opts.MaxBytes)
		return nil, entry.Err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, f.opts.MaxBytes+1))
	entry.Bytes = int64(len(body))
	if err != nil {
		entry.Err = fmt.Errorf("read body: %w", unwrapURLError(err))
		return nil, entry.Err
	}
	if int64(len(body)) > f.opts.MaxBytes {
		entry.Err = fmt.Errorf("%w (limit %d bytes)", ErrTooLarge, f.opts.MaxBytes)
		return nil, entry.Err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		entry.Err = fmt.Errorf("%w %d %s", ErrStatus, resp.StatusCode, http.StatusText(resp.StatusCode))
		return &Page{URL: resp.Request.URL.String(), Status: resp.StatusCode}, entry.Err
	}
	return &Page{URL: resp.Request.URL.String(), Status: resp.StatusCode, ContentType: resp.Header.Get("Content-Type"),
		Body: body, Fetched: time.Now().UTC()}, nil
}

// unwrapURLError drops the *url.Error wrapper, whose text repeats the URL
// the caller's error already names.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("timed out: %w", ue.Err)
		}
		return ue.Err
	}
	return err
}

// robotsFor fetches and parses a host's robots.txt once. Per RFC 9309, a
// missing file (4xx) allows everything and a server error disallows
// everything until it answers.
func (f *Fetcher) robotsFor(ctx context.Context, u *url.URL, h *host) (*robots, error) {
	h.mu.Lock()
	r := h.robots
	h.mu.Unlock()
	if r != nil {
		return r, nil
	}
	robotsURL := u.Scheme + "://" + u.Host + "/robots.txt"
	page, err := f.request(ctx, robotsURL, h, 0)
	switch {
	case err == nil:
		r = parseRobots(string(page.Body), robotsToken)
	case page != nil && page.Status >= 400 && page.Status < 500:
		r = &robots{}
	case page != nil && page.Status >= 500:
		return nil, ErrRobotsDown
	default:
		return nil, fmt.Errorf("robots.txt: %w", err)
	}
	h.mu.Lock()
	h.robots = r
	h.mu.Unlock()
	return r, nil
}
