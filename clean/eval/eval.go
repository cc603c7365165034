// Package eval measures cleaning: publication date (exact day), outlet,
// title and wire credit, boilerplate removal and lead paragraphs kept, and
// reprints counted once.
//
// In: three sets, each optional.
//   - fixtures: testdata/clean/<case>/ (our own pages reproducing real
//     layouts, with expected.json);
//   - ECB+: the ecbplus documents of ../shared/corpora/ecbplus, whose first
//     line is usually the page's URL; the expected date is the URL's date,
//     only where the URL has one. A second run withholds the URL line, so
//     the date must come from the text alone;
//   - the check set: real public pages listed in testdata/clean/pages.jsonl
//     (URL and the metadata read off each page), whose text lives in a
//     cache folder outside the repository (-pages DIR); without it the set
//     is skipped.
//
// Out: a Report with one SetReport per set, printed as text or one JSON
// object.
package eval

import (
	"bufio"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/clean"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/syndication"
)

// Options says where the sets are; "" takes the default, "-" skips a set.
type Options struct {
	Fixtures string // default testdata/clean
	ECB      string // default ../shared/corpora/ecbplus/docs
	Pages    string // cache folder of the check set's page texts; "" skips
	Expected string // default testdata/clean/pages.jsonl
	// Topics limits the ECB+ topics read; nil reads all.
	Topics []int
	// Errors, when set, receives every miss.
	Errors io.Writer
	// Analyze, when set, runs the fact pipeline over one story's cleaned
	// documents (the check set's pages, grouped by event); the facts whose
	// values lie in annotated boilerplate are counted.
	Analyze func(ctx context.Context, storyID string, docs []*model.Document) ([]model.Fact, error)
}

// Score is a count of right answers.
type Score struct {
	Right int `json:"right"`
	Total int `json:"total"`
}

// Rate is Right/Total, or 0 when Total is 0.
func (s Score) Rate() float64 {
	if s.Total == 0 {
		return 0
	}
	return float64(s.Right) / float64(s.Total)
}

func (s *Score) add(ok bool) {
	s.Total++
	if ok {
		s.Right++
	}
}

// MarshalJSON adds the rate.
func (s Score) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Right int     `json:"right"`
		Total int     `json:"total"`
		Rate  float64 `json:"rate"`
	}{s.Right, s.Total, round3(s.Rate())})
}

func round3(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

// SetReport is the figures of one set.
type SetReport struct {
	Name string `json:"name"`
	Docs int    `json:"docs"`
	// Rejected counts documents cleaning refused ("no article text").
	Rejected int `json:"rejected"`
	// Date is the exact day, "unknown" (null) counting as right where the
	// page states no day. DateStated is the same over pages that state one.
	Date       Score `json:"date"`
	DateStated Score `json:"date_stated"`
	// DateFalse counts documents given a date where none is stated, or a
	// wrong one: the error a reader pays for.
	DateFalse int   `json:"date_false"`
	Outlet    Score `json:"outlet"`
	Title     Score `json:"title"`
	Credit    Score `json:"credit"`
	// Boilerplate is the boilerplate lines removed; BoilerplateNumbers
	// counts those left that hold a number, the ones that can become a
	// fact (a count, a date, a duration).
	Boilerplate        Score `json:"boilerplate"`
	BoilerplateNumbers int   `json:"boilerplate_left_with_number"`
	// BoilerplateFacts counts facts (and FactValues) the fact pipeline drew
	// from annotated boilerplate, of Facts (FactValues) in all; measured
	// only when Options.Analyze is set.
	Facts             int  `json:"facts,omitempty"`
	FactValues        int  `json:"fact_values,omitempty"`
	BoilerplateFacts  int  `json:"boilerplate_facts"`
	BoilerplateValues int  `json:"boilerplate_fact_values"`
	FactsMeasured     bool `json:"facts_measured"`
	// Lead is the article text that must be kept.
	Lead Score `json:"lead"`
	// Reprints is the pages carrying another's story that were joined to
	// it (by credit or text); FalseJoins counts pages joined to a source
	// they do not carry.
	Reprints   Score   `json:"reprints"`
	FalseJoins int     `json:"false_joins"`
	Seconds    float64 `json:"seconds"`
	// Sources tallies where each published date came from.
	Sources map[string]int `json:"date_sources,omitempty"`
	// Trafilatura compares go-trafilatura's own metadata with ours on the
	// HTML pages of the set.
	Trafilatura []TrafilaturaRow `json:"trafilatura,omitempty"`
}

// Report is every set's figures.
type Report struct {
	Sets []*SetReport `json:"sets"`
}

// Set returns the named set's report, or nil.
func (r *Report) Set(name string) *SetReport {
	for _, s := range r.Sets {
		if s.Name == name {
			return s
		}
	}
	return nil
}

// Run evaluates every set that is present.
func Run(ctx context.Context, opts Options) (*Report, error) {
	if opts.Fixtures == "" {
		opts.Fixtures = filepath.Join("testdata", "clean")
	}
	if opts.ECB == "" {
		opts.ECB = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	if opts.Expected == "" {
		opts.Expected = filepath.Join("testdata", "clean", "pages.jsonl")
	}
	rep := &Report{}
	if opts.Fixtures != "-" {
		s, err := runFixtures(ctx, opts)
		if err != nil {
			return nil, err
		}
		rep.Sets = append(rep.Sets, s)
	}
	if opts.ECB != "-" {
		if _, err := os.Stat(opts.ECB); err == nil {
			withURL, withheld, err := runECB(ctx, opts)
			if err != nil {
				return nil, err
			}
			rep.Sets = append(rep.Sets, withURL, withheld)
		}
	}
	if opts.Pages != "" && opts.Pages != "-" {
		sets, err := runPages(ctx, opts)
		if err != nil {
			return nil, err
		}
		rep.Sets = append(rep.Sets, sets...)
	}
	return rep, nil
}

func (o Options) miss(format string, args ...any) {
	if o.Errors != nil {
		fmt.Fprintf(o.Errors, format+"\n", args...)
	}
}

// fixtureExpect is testdata/clean/<case>/expected.json.
type fixtureExpect struct {
	Meta        map[string]any `json:"meta"`
	Contains    []string       `json:"contains"`
	NotContains []string       `json:"not_contains"`
}

// fixtureNow is the clock fixtures are cleaned at, so a fixture's result
// does not change with the day the tests run.
var fixtureNow = time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC)

func runFixtures(ctx context.Context, opts Options) (*SetReport, error) {
	dirs, err := filepath.Glob(filepath.Join(opts.Fixtures, "*", "expected.json"))
	if err != nil || len(dirs) == 0 {
		return nil, fmt.Errorf("eval clean: no fixture cases under %s", opts.Fixtures)
	}
	sort.Strings(dirs)
	rep := &SetReport{Name: "fixtures", Sources: map[string]int{}}
	start := time.Now()
	for _, exp := range dirs {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		dir := filepath.Dir(exp)
		var want fixtureExpect
		data, err := os.ReadFile(exp)
		if err != nil {
			return nil, fmt.Errorf("eval clean: %w", err)
		}
		if err := json.Unmarshal(data, &want); err != nil {
			return nil, fmt.Errorf("eval clean: %s: %w", exp, err)
		}
		inputs, _ := filepath.Glob(filepath.Join(dir, "input.*"))
		if len(inputs) != 1 {
			return nil, fmt.Errorf("eval clean: %s: want one input.* file", dir)
		}
		raw, err := os.ReadFile(inputs[0])
		if err != nil {
			return nil, fmt.Errorf("eval clean: %w", err)
		}
		ins, errs := ingest.FromBytes(ctx, inputs[0], inputs[0], raw, ingest.Options{})
		if len(errs) > 0 || len(ins) != 1 {
			return nil, fmt.Errorf("eval clean: %s: ingest: %v", inputs[0], errs)
		}
		rep.Docs++
		doc, err := clean.DocumentWith(ins[0], clean.Options{Now: fixtureNow})
		if err != nil {
			rep.Rejected++
			opts.miss("fixtures %s: rejected: %v", filepath.Base(dir), err)
			continue
		}
		name := "fixtures " + filepath.Base(dir)
		scoreDate(rep, opts, name, strOf(want.Meta["published"]), doc)
		scoreField(&rep.Outlet, opts, name, "outlet", strOf(want.Meta["outlet"]), doc.Outlet, sameName)
		scoreField(&rep.Title, opts, name, "title", strOf(want.Meta["title"]), doc.Title, sameTitle)
		scoreField(&rep.Credit, opts, name, "credit", strOf(want.Meta["credit"]), doc.Credit, sameName)
		for _, s := range want.NotContains {
			removed := !strings.Contains(doc.Text, s)
			rep.Boilerplate.add(removed)
			if !removed {
				opts.miss("%s: boilerplate left: %q", name, s)
				if strings.ContainsFunc(s, unicode.IsDigit) {
					rep.BoilerplateNumbers++
				}
			}
		}
		for _, s := range want.Contains {
			kept := strings.Contains(doc.Text, s)
			rep.Lead.add(kept)
			if !kept {
				opts.miss("%s: text lost: %q", name, s)
			}
		}
		if ins[0].Format == ingest.FormatHTML {
			rep.Trafilatura = append(rep.Trafilatura, compareTrafilatura(filepath.Base(dir), raw, doc))
		}
	}
	rep.Seconds = time.Since(start).Seconds()
	return rep, nil
}

func strOf(v any) string {
	s, _ := v.(string)
	return s
}

// scoreDate scores the published day: want "" means the page states none.
func scoreDate(rep *SetReport, opts Options, name, want string, doc *model.Document) {
	got := ""
	if doc.Published != nil {
		got = *doc.Published
		src := doc.MetaSources["published"]
		if i := strings.IndexAny(src, ";("); i > 0 {
			src = strings.TrimSpace(src[:i])
		}
		if rep.Sources != nil {
			rep.Sources[src]++
		}
	}
	ok := day(got) == day(want)
	rep.Date.add(ok)
	if want != "" {
		rep.DateStated.add(ok)
	}
	if !ok {
		if got != "" {
			rep.DateFalse++
		}
		opts.miss("%s: published %q (%s), want %q", name, got, doc.MetaSources["published"], want)
	}
}

func day(s string) string {
	if len(s) > 10 {
		return s[:10]
	}
	return s
}

// scoreField scores one metadata field against the accepted answers
// (separated by "|"); an empty want means the page does not say.
func scoreField(sc *Score, opts Options, name, field, want string, got *string, same func(a, b string) bool) {
	g := ""
	if got != nil {
		g = *got
	}
	ok := want == "" && g == ""
	for _, w := range strings.Split(want, "|") {
		if w != "" && g != "" && same(w, g) {
			ok = true
		}
	}
	sc.add(ok)
	if !ok {
		opts.miss("%s: %s %q, want %q", name, field, g, want)
	}
}

// sameName compares outlet or agency names: canonical agency names, then
// letters and digits only, without a leading "the" or a trailing domain
// suffix ("Lenta.ru" = "lenta", "City A.M." = "cityam").
func sameName(a, b string) bool {
	if ca, ok := clean.WireAgency(a); ok {
		a = ca
	}
	if cb, ok := clean.WireAgency(b); ok {
		b = cb
	}
	return squash(a) == squash(b)
}

var domainSuffixes = []string{"com", "ru", "kz", "kg", "ua", "net", "org", "news", "tv", "fm", "info", "uk", "co"}

func squash(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	for {
		trimmed := false
		for _, suf := range domainSuffixes {
			if strings.HasSuffix(s, "."+suf) {
				s, trimmed = strings.TrimSuffix(s, "."+suf), true
			}
		}
		if !trimmed {
			break
		}
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// sameTitle compares headlines ignoring case, spacing and quote styles.
func sameTitle(a, b string) bool {
	return squash(a) == squash(b)
}

// runECB cleans every ecbplus document twice: as the corpus gives it (URL
// line first) and with the URL line withheld.
func runECB(ctx context.Context, opts Options) (withURL, withheld *SetReport, err error) {
	entries, err := os.ReadDir(opts.ECB)
	if err != nil {
		return nil, nil, fmt.Errorf("eval clean: %w", err)
	}
	var topics []int
	for _, e := range entries {
		var n int
		if _, err := fmt.Sscanf(e.Name(), "%d", &n); err == nil && e.IsDir() {
			topics = append(topics, n)
		}
	}
	sort.Ints(topics)
	if opts.Topics != nil {
		topics = opts.Topics
	}
	withURL = &SetReport{Name: "ecbplus", Sources: map[string]int{}}
	withheld = &SetReport{Name: "ecbplus-url-withheld", Sources: map[string]int{}}
	start := time.Now()
	for _, t := range topics {
		if err := ctx.Err(); err != nil {
			return nil, nil, err
		}
		docs, err := ecbplus.ReadTopics(opts.ECB, []int{t})
		if err != nil {
			return nil, nil, fmt.Errorf("eval clean: %w", err)
		}
		for _, d := range docs {
			if d.Subtopic != "ecbplus" {
				continue
			}
			text, _, sents := d.Detokenized()
			want := ""
			first := ""
			if len(sents) > 0 {
				first = text[sents[0].Start:sents[0].End]
			}
			if u, ok := urlLine(first); ok {
				want, _ = clean.URLDate(u)
			}
			for _, run := range []struct {
				rep  *SetReport
				text string
			}{{withURL, text}, {withheld, strings.TrimSpace(strings.TrimPrefix(text, first))}} {
				run.rep.Docs++
				in := ingest.Input{Source: d.Name, Format: ingest.FormatText, Raw: []byte(run.text)}
				doc, err := clean.DocumentWith(in, clean.Options{Now: fixtureNow})
				if err != nil {
					run.rep.Rejected++
					opts.miss("%s %s: rejected: %v", run.rep.Name, d.Name, err)
					continue
				}
				if want == "" {
					// No URL date: no expectation, but count dates given.
					if doc.Published != nil {
						src := doc.MetaSources["published"]
						if i := strings.IndexAny(src, ";("); i > 0 {
							src = strings.TrimSpace(src[:i])
						}
						run.rep.Sources[src+" (no URL date)"]++
					}
					continue
				}
				scoreDate(run.rep, opts, run.rep.Name+" "+d.Name, want, doc)
			}
		}
	}
	withURL.Seconds = time.Since(start).Seconds()
	return withURL, withheld, nil
}

// urlLine reads a first line that is a URL, tokenised with spaces or not.
func urlLine(s string) (string, bool) {
	s = strings.TrimSpace(s)
	low := strings.ToLower(s)
	if !strings.HasPrefix(low, "http") {
		return "", false
	}
	return strings.Join(strings.Fields(s), ""), true
}

// pageExpect is one line of testdata/clean/pages.jsonl.
type pageExpect struct {
	URL         string   `json:"url"`
	File        string   `json:"file"`
	Title       []string `json:"title"`
	Outlet      []string `json:"outlet"`
	Published   *string  `json:"published"`
	Credit      *string  `json:"credit"`
	Source      string   `json:"source"` // the story this page carries, when it carries another's
	Lang        string   `json:"lang"`
	Kind        string   `json:"kind"`
	Country     string   `json:"country"`
	Boilerplate []string `json:"boilerplate"` // hashes of boilerplate lines
}

// The check set is split in two by a hash of each page's outlet (all of an
// outlet's pages on one side), decided before any result was seen: "dev",
// the pages rules may be developed against, and "held-out", the pages
// only measured. Both were read while the first rules were written; pages
// added since are in whichever half their outlet falls.
const (
	halfDev     = "check-set dev"
	halfHeldOut = "check-set held-out"
)

// halfOf returns the half a page belongs to: the first byte of the
// SHA-256 of its first expected outlet, folded as outlets are compared.
func halfOf(p pageExpect) string {
	name := ""
	if len(p.Outlet) > 0 {
		name = squash(p.Outlet[0])
	}
	sum := sha256.Sum256([]byte(name))
	if sum[0]%2 == 0 {
		return halfDev
	}
	return halfHeldOut
}

// runPages scores the check set as a whole and in its two halves; misses
// are reported once, under the whole set.
func runPages(ctx context.Context, opts Options) ([]*SetReport, error) {
	f, err := os.Open(opts.Expected)
	if err != nil {
		return nil, fmt.Errorf("eval clean: %w", err)
	}
	defer f.Close()
	var pages []pageExpect
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		if strings.TrimSpace(sc.Text()) == "" {
			continue
		}
		var p pageExpect
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			return nil, fmt.Errorf("eval clean: %s: %w", opts.Expected, err)
		}
		pages = append(pages, p)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("eval clean: %s: %w", opts.Expected, err)
	}
	all := &SetReport{Name: "check-set", Sources: map[string]int{}}
	halves := map[string]*SetReport{
		halfDev:     {Name: halfDev, Sources: map[string]int{}},
		halfHeldOut: {Name: halfHeldOut, Sources: map[string]int{}},
	}
	quiet := opts
	quiet.Errors = nil
	// each scores one page into the whole set (reporting misses) and its half.
	each := func(p pageExpect, score func(rep *SetReport, opts Options)) {
		tagged := opts
		if opts.Errors != nil {
			// Each miss names the page's half, so dev work never reads
			// the held-out misses by accident.
			tagged.Errors = prefixWriter{w: opts.Errors, prefix: "[" + strings.TrimPrefix(halfOf(p), "check-set ") + "] "}
		}
		score(all, tagged)
		score(halves[halfOf(p)], quiet)
	}
	start := time.Now()
	var docs []*model.Document
	var docPages []pageExpect
	var raws []string
	for _, p := range pages {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		raw, err := os.ReadFile(filepath.Join(opts.Pages, p.File+".txt"))
		if err != nil {
			return nil, fmt.Errorf("eval clean: page cache: %w", err)
		}
		rec := &ingest.Record{Text: string(raw), URL: p.URL}
		in := ingest.Input{Source: p.URL, Format: ingest.FormatText, Raw: raw, Record: rec}
		doc, err := clean.DocumentWith(in, clean.Options{Now: fixtureNow})
		each(p, func(rep *SetReport, opts Options) {
			rep.Docs++
			if err != nil {
				rep.Rejected++
				opts.miss("%s: rejected: %v", p.URL, err)
			}
		})
		if err != nil {
			continue
		}
		want := ""
		if p.Published != nil {
			want = *p.Published
		}
		credit := ""
		if p.Credit != nil {
			credit = *p.Credit
		}
		each(p, func(rep *SetReport, opts Options) {
			scoreDate(rep, opts, p.URL, want, doc)
			scoreField(&rep.Outlet, opts, p.URL, "outlet", strings.Join(p.Outlet, "|"), doc.Outlet, sameName)
			scoreField(&rep.Title, opts, p.URL, "title", strings.Join(p.Title, "|"), doc.Title, sameTitle)
			scoreField(&rep.Credit, opts, p.URL, "credit", credit, doc.Credit, sameName)
			scoreBoilerplate(rep, opts, p, string(raw), doc.Text)
		})
		docs = append(docs, doc)
		docPages = append(docPages, p)
		raws = append(raws, string(raw))
	}
	if opts.Analyze != nil {
		if err := scoreBoilerplateFacts(ctx, opts, docs, docPages, raws, func(i int, score func(rep *SetReport, opts Options)) { each(docPages[i], score) }); err != nil {
			return nil, err
		}
	}
	scoreReprints(opts, docs, docPages, func(i int, score func(rep *SetReport, opts Options)) { each(docPages[i], score) })
	all.Seconds = time.Since(start).Seconds()
	for _, h := range halves {
		h.Seconds = all.Seconds
	}
	return []*SetReport{all, halves[halfDev], halves[halfHeldOut]}, nil
}

// scoreBoilerplate checks each boilerplate line the page was annotated with
// (by hash) against the cleaned text.
func scoreBoilerplate(rep *SetReport, opts Options, p pageExpect, raw, cleaned string) {
	want := map[string]bool{}
	for _, h := range p.Boilerplate {
		want[h] = true
	}
	flat := strings.Join(strings.Fields(cleaned), " ")
	// Short lines ("DMCA", a drop capital) count as left only when they
	// stand as a line of the cleaned text, not inside another word.
	whole := map[string]bool{}
	for _, l := range strings.Split(cleaned, "\n") {
		whole[strings.Join(strings.Fields(l), " ")] = true
	}
	seen := map[string]bool{}
	for _, l := range strings.Split(raw, "\n") {
		l = strings.Join(strings.Fields(l), " ")
		h := lineHash(l)
		if !want[h] || seen[h] {
			continue
		}
		seen[h] = true
		left := strings.Contains(flat, l)
		if len(strings.Fields(l)) < 4 {
			left = whole[l]
		}
		rep.Boilerplate.add(!left)
		if left {
			opts.miss("%s: boilerplate left: %q", p.URL, l)
			if strings.ContainsFunc(l, unicode.IsDigit) {
				rep.BoilerplateNumbers++
			}
		}
	}
}

// prefixWriter writes each miss line behind a prefix.
type prefixWriter struct {
	w      io.Writer
	prefix string
}

func (p prefixWriter) Write(b []byte) (int, error) {
	if _, err := io.WriteString(p.w, p.prefix); err != nil {
		return 0, err
	}
	return p.w.Write(b)
}

func lineHash(l string) string {
	sum := sha256.Sum256([]byte(l))
	return hex.EncodeToString(sum[:])[:16]
}

// scoreReprints runs the syndication stage over the set and checks, for
// each page that carries another's story, that it was joined to another
// page of that story or, when it is the only one, that its credit names
// the story's source. each scores page i into its reports.
func scoreReprints(opts Options, docs []*model.Document, pages []pageExpect, each func(i int, score func(rep *SetReport, opts Options))) {
	syndication.Mark(docs)
	canon := map[string]string{}
	for _, d := range docs {
		c := d.ID
		if d.DuplicateOf != nil {
			c = *d.DuplicateOf
		}
		canon[d.ID] = c
	}
	bySource := map[string][]int{}
	for i, p := range pages {
		if p.Source != "" {
			bySource[p.Source] = append(bySource[p.Source], i)
		}
	}
	for i, p := range pages {
		if p.Source == "" {
			if docs[i].DuplicateOf != nil {
				each(i, func(rep *SetReport, opts Options) {
					rep.FalseJoins++
					opts.miss("%s: joined to another source but carries none", p.URL)
				})
			}
			continue
		}
		ok := false
		others := 0
		for _, j := range bySource[p.Source] {
			if j == i {
				continue
			}
			others++
			if canon[docs[j].ID] == canon[docs[i].ID] {
				ok = true
			}
		}
		if others == 0 && docs[i].Credit != nil && sameName(*docs[i].Credit, p.Source) {
			ok = true
		}
		each(i, func(rep *SetReport, opts Options) {
			rep.Reprints.add(ok)
			if !ok {
				opts.miss("%s: reprint of %s not detected", p.URL, p.Source)
			}
		})
		for j := range pages {
			if j != i && canon[docs[j].ID] == canon[docs[i].ID] && pages[j].Source != p.Source && docs[i].DuplicateOf != nil && canon[docs[i].ID] == docs[j].ID {
				each(i, func(rep *SetReport, opts Options) {
					rep.FalseJoins++
					opts.miss("%s: joined to %s, a different story", p.URL, pages[j].URL)
				})
			}
		}
	}
}

// Print writes the figures as text.
func (r *Report) Print(w io.Writer) {
	for _, s := range r.Sets {
		fmt.Fprintf(w, "%s: %d documents, %d rejected, %.2f s\n", s.Name, s.Docs, s.Rejected, s.Seconds)
		line := func(label string, sc Score) {
			if sc.Total > 0 {
				fmt.Fprintf(w, "  %-26s %.3f (%d/%d)\n", label, sc.Rate(), sc.Right, sc.Total)
			}
		}
		line("published (exact day)", s.Date)
		line("  where the page states it", s.DateStated)
		if s.Date.Total > 0 {
			fmt.Fprintf(w, "  %-26s %d\n", "  wrong or invented dates", s.DateFalse)
		}
		line("outlet", s.Outlet)
		line("title", s.Title)
		line("credit", s.Credit)
		line("boilerplate removed", s.Boilerplate)
		if s.Boilerplate.Total > 0 {
			fmt.Fprintf(w, "  %-26s %d\n", "  left, holding a number", s.BoilerplateNumbers)
		}
		if s.FactsMeasured {
			fmt.Fprintf(w, "  %-26s %d of %d facts (%d of %d values)\n", "facts from boilerplate", s.BoilerplateFacts, s.Facts, s.BoilerplateValues, s.FactValues)
		}
		line("lead text kept", s.Lead)
		line("reprints detected", s.Reprints)
		if s.Reprints.Total > 0 {
			fmt.Fprintf(w, "  %-26s %d\n", "  false joins", s.FalseJoins)
		}
		if len(s.Sources) > 0 {
			var keys []string
			for k := range s.Sources {
				keys = append(keys, k)
			}
			sort.Strings(keys)
			parts := make([]string, len(keys))
			for i, k := range keys {
				parts[i] = fmt.Sprintf("%s %d", k, s.Sources[k])
			}
			fmt.Fprintf(w, "  date evidence: %s\n", strings.Join(parts, ", "))
		}
		if len(s.Trafilatura) > 0 {
			printTrafilatura(w, s.Trafilatura)
		}
	}
}
