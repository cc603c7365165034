// Package eval measures the quotes stage against the annotated passages in
// testdata/quotes: quote detection precision and recall (span overlap),
// speaker accuracy overall and on direct quotes, and speed.
//
// In: JSON Lines files of passages, each with its text, optional mentions
// and the expected quotes. Out: a Report that prints the figures.
package eval

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/quotes"
	"github.com/parallaxnews/parallax/annotate/timex"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/internal/jsonl"
	"github.com/parallaxnews/parallax/internal/measure"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
)

// Options configures Run. The zero value reads testdata/quotes and the
// ECB+ corpus in ../shared for the speed run.
type Options struct {
	// Gold is a JSONL file or a folder of them (default testdata/quotes):
	// the set the rules were developed against.
	Gold string
	// HeldOut is a JSONL file or folder annotated before any run and never
	// tuned on (default testdata/quotes/heldout); "-" skips it.
	HeldOut string
	// Corpus is the ECB+ docs folder whose text is used for the speed run
	// (default ../shared/corpora/ecbplus/docs); the gold passages are used
	// when it is missing.
	Corpus string
	// SpeedSeconds is the minimum duration of the speed run (default 2).
	SpeedSeconds float64
	// NoNER skips the run with NER mentions.
	NoNER bool
	// Errors, when set, receives every mismatch.
	Errors io.Writer
}

// Passage is one annotated passage.
type Passage struct {
	ID       string        `json:"id"`
	Source   string        `json:"source"`
	Date     string        `json:"date"`
	Text     string        `json:"text"`
	Mentions []GoldMention `json:"mentions"`
	Quotes   []GoldQuote   `json:"quotes"`
}

// GoldMention is a named mention given with a passage.
type GoldMention struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Type  string `json:"type"`
	Role  string `json:"role,omitempty"`
}

// GoldQuote is one expected statement.
type GoldQuote struct {
	Start       int    `json:"start"`
	End         int    `json:"end"`
	Text        string `json:"text"`
	SpeakerText string `json:"speaker_text"`
	// Speaker lists the acceptable names of the speaker (the resolved
	// person or organisation); empty when the text does not say.
	Speaker []string `json:"speaker"`
	Direct  bool     `json:"direct"`
	Cue     string   `json:"cue"`
}

// Load reads the passages of a JSONL file or of every .jsonl file in a
// folder, checking that every offset matches its text.
func Load(path string) ([]Passage, error) {
	st, err := os.Stat(path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	files := []string{path}
	if st.IsDir() {
		files, err = filepath.Glob(filepath.Join(path, "*.jsonl"))
		if err != nil {
			return nil, fmt.Errorf("load gold: %w", err)
		}
		sort.Strings(files)
	}
	var out []Passage
	for _, f := range files {
		ps, err := loadFile(f)
		if err != nil {
			return nil, err
		}
		out = append(out, ps...)
	}
	return out, nil
}

func loadFile(path string) ([]Passage, error) {
	out, err := jsonl.Read[Passage](path)
	if err != nil {
		return nil, fmt.Errorf("load gold: %w", err)
	}
	for n, p := range out {
		for _, q := range p.Quotes {
			if q.Start < 0 || q.End > len(p.Text) || q.Start > q.End || p.Text[q.Start:q.End] != q.Text {
				return nil, fmt.Errorf("load gold %s, passage %d: quote %q does not match its offsets", path, n+1, q.Text)
			}
		}
		for _, m := range p.Mentions {
			if m.Start < 0 || m.End > len(p.Text) || m.Start > m.End || p.Text[m.Start:m.End] != m.Text {
				return nil, fmt.Errorf("load gold %s, passage %d: mention %q does not match its offsets", path, n+1, m.Text)
			}
		}
	}
	return out, nil
}

// Scores are the figures of one run.
type Scores struct {
	Mode                          string
	Gold, Pred, Matched           int
	GoldDirect, PredDirect        int
	MatchedDirect                 int // matched gold direct quotes
	MatchedPredDirect             int // matched predicted direct quotes
	SpeakerRight, SpeakerWrong    int // over matched quotes
	SpeakerRightDirect            int
	SpeakerWrongDirect            int
	SpeakerMissed, SpeakerMissedD int // gold has a speaker, prediction has none
	DirectFlagRight               int
	// Direct quotes whose speaker is named in the passage before the quote
	// or in its attribution (not only later, or outside the passage).
	MatchedDirectNamed, SpeakerRightDirectNamed int
}

// Report is the result of Run.
type Report struct {
	Passages int
	HeldOut  int
	Notes    []string
	Runs     []Scores
	// Speed.
	Bytes       int64
	Docs        int
	Elapsed     time.Duration
	CPU         time.Duration // process CPU time (user + system) of the speed run
	PeakHeapMB  float64
	VmHWMMB     float64
	SpeedCorpus string
}

// Print writes the report.
func (r *Report) Print(w io.Writer) {
	fmt.Fprintf(w, "quotes: %d development passages, %d held-out passages\n", r.Passages, r.HeldOut)
	for _, n := range r.Notes {
		fmt.Fprintf(w, "note: %s\n", n)
	}
	for _, s := range r.Runs {
		p, rc, f := metric.PRF(s.Matched, s.Pred, s.Gold)
		fmt.Fprintf(w, "\n[%s]\n", s.Mode)
		fmt.Fprintf(w, "  detection (span overlap): gold %d, predicted %d, matched %d: P %.3f  R %.3f  F1 %.3f\n", s.Gold, s.Pred, s.Matched, p, rc, f)
		dp, dr := metric.Ratio(s.MatchedPredDirect, s.PredDirect), metric.Ratio(s.MatchedDirect, s.GoldDirect)
		fmt.Fprintf(w, "  direct quotes: gold %d, predicted %d: P %.3f  R %.3f\n", s.GoldDirect, s.PredDirect, dp, dr)
		fmt.Fprintf(w, "  direct/indirect flag right on matched: %.3f\n", metric.Ratio(s.DirectFlagRight, s.Matched))
		fmt.Fprintf(w, "  speaker accuracy (matched quotes): all %.3f (%d/%d), direct %.3f (%d/%d)\n",
			metric.Ratio(s.SpeakerRight, s.Matched), s.SpeakerRight, s.Matched,
			metric.Ratio(s.SpeakerRightDirect, s.MatchedDirect), s.SpeakerRightDirect, s.MatchedDirect)
		fmt.Fprintf(w, "  speaker accuracy, direct quotes whose speaker is named before them or in their attribution: %.3f (%d/%d)\n",
			metric.Ratio(s.SpeakerRightDirectNamed, s.MatchedDirectNamed), s.SpeakerRightDirectNamed, s.MatchedDirectNamed)
		fmt.Fprintf(w, "  wrong speaker named: all %.3f (%d), direct %.3f (%d); speaker left empty though known: %d (direct %d)\n",
			metric.Ratio(s.SpeakerWrong, s.Matched), s.SpeakerWrong, metric.Ratio(s.SpeakerWrongDirect, s.MatchedDirect), s.SpeakerWrongDirect,
			s.SpeakerMissed, s.SpeakerMissedD)
	}
	if r.Elapsed > 0 {
		mb := float64(r.Bytes) / 1e6
		secs := r.Elapsed.Seconds()
		fmt.Fprintf(w, "\nspeed (%s, one goroutine): %.2f MB in %.2fs wall: %.2f MB/s, %.0f docs/s", r.SpeedCorpus, mb, secs, mb/secs, float64(r.Docs)/secs)
		if r.CPU > 0 {
			fmt.Fprintf(w, "; %.2fs CPU: %.2f MB/s per core", r.CPU.Seconds(), mb/r.CPU.Seconds())
		}
		fmt.Fprintln(w)
		fmt.Fprintf(w, "peak memory: heap %.1f MB, process VmHWM %.1f MB\n", r.PeakHeapMB, r.VmHWMMB)
	}
}

// Run scores the extractor on the gold passages and measures its speed.
func Run(ctx context.Context, opt Options) (*Report, error) {
	if opt.Gold == "" {
		opt.Gold = filepath.Join("testdata", "quotes")
	}
	if opt.Corpus == "" {
		opt.Corpus = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	if opt.SpeedSeconds <= 0 {
		opt.SpeedSeconds = 2
	}
	if opt.HeldOut == "" {
		opt.HeldOut = filepath.Join("testdata", "quotes", "heldout")
	}
	ps, err := Load(opt.Gold)
	if err != nil {
		return nil, err
	}
	var held []Passage
	if opt.HeldOut != "-" {
		if held, err = Load(opt.HeldOut); err != nil {
			return nil, err
		}
	}
	rep := &Report{Passages: len(ps), HeldOut: len(held)}
	var tagger *entities.Tagger
	if !opt.NoNER {
		if t, err := entities.Load(); err == nil {
			tagger = t
		} else {
			rep.Notes = append(rep.Notes, fmt.Sprintf("pipeline run skipped: load NER model: %v", err))
		}
	}
	none := func(p Passage, doc *model.Document) ([]model.Mention, []model.Timex) { return nil, nil }
	given := func(p Passage, doc *model.Document) ([]model.Mention, []model.Timex) {
		return goldMentions(p, doc), nil
	}
	pipeline := func(p Passage, doc *model.Document) ([]model.Mention, []model.Timex) {
		ms, err := tagger.Tag(ctx, doc)
		if err != nil {
			ms = nil
		}
		return ms, timex.Extract(doc, model.Reference{Date: p.Date})
	}
	sets := []struct {
		name string
		ps   []Passage
	}{{"development set", ps}, {"held-out set", held}}
	for _, set := range sets {
		if len(set.ps) == 0 {
			continue
		}
		rep.Runs = append(rep.Runs, score(set.ps, set.name+", no mentions (capitalised-name fallback)", none, opt.Errors))
		if set.name == "development set" {
			rep.Runs = append(rep.Runs, score(set.ps, set.name+", passage mentions where given (interview passages)", given, opt.Errors))
		}
		if tagger != nil {
			rep.Runs = append(rep.Runs, score(set.ps, set.name+", pipeline: NER mentions + timexes", pipeline, opt.Errors))
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	texts, name := speedTexts(opt.Corpus, ps)
	rep.SpeedCorpus = name
	speed(ctx, rep, texts, opt.SpeedSeconds)
	return rep, nil
}

func goldMentions(p Passage, doc *model.Document) []model.Mention {
	var ms []model.Mention
	for _, m := range p.Mentions {
		ms = append(ms, model.Mention{Span: model.SpanOf(doc.ID, doc.Text, m.Start, m.End), Type: model.EntityType(m.Type), Role: m.Role})
	}
	return ms
}

type annotateFunc func(p Passage, doc *model.Document) ([]model.Mention, []model.Timex)

func score(ps []Passage, mode string, ann annotateFunc, errs io.Writer) Scores {
	s := Scores{Mode: mode}
	if errs != nil {
		fmt.Fprintf(errs, "=== %s\n", mode)
	}
	for _, p := range ps {
		doc := &model.Document{ID: p.ID, Text: p.Text}
		ms, tx := ann(p, doc)
		pred := quotes.Extract(doc, nil, ms, tx, model.Reference{Date: p.Date})
		s.Gold += len(p.Quotes)
		s.Pred += len(pred)
		for _, q := range p.Quotes {
			if q.Direct {
				s.GoldDirect++
			}
		}
		for _, q := range pred {
			if q.Direct {
				s.PredDirect++
			}
		}
		pairs := match(p.Quotes, pred)
		usedPred := map[int]bool{}
		for gi, pi := range pairs {
			g := p.Quotes[gi]
			if pi < 0 {
				if errs != nil {
					fmt.Fprintf(errs, "%s MISSED %s %q (speaker %q)\n", p.ID, kindOf(g.Direct), clip(g.Text), g.SpeakerText)
				}
				continue
			}
			usedPred[pi] = true
			q := pred[pi]
			s.Matched++
			if g.Direct {
				s.MatchedDirect++
			}
			if q.Direct {
				s.MatchedPredDirect++
			}
			if q.Direct == g.Direct {
				s.DirectFlagRight++
			}
			got := resolvedName(q)
			right := speakerRight(got, g.Speaker)
			if g.Direct && namedBefore(p.Text, g) {
				s.MatchedDirectNamed++
				if right {
					s.SpeakerRightDirectNamed++
				}
			}
			switch {
			case right:
				s.SpeakerRight++
				if g.Direct {
					s.SpeakerRightDirect++
				}
			case got == "":
				s.SpeakerMissed++
				if g.Direct {
					s.SpeakerMissedD++
				}
			default:
				s.SpeakerWrong++
				if g.Direct {
					s.SpeakerWrongDirect++
				}
			}
			if !right && errs != nil {
				fmt.Fprintf(errs, "%s SPEAKER %s %q: got %q (text %q, cue %q), want %q\n", p.ID, kindOf(g.Direct), clip(g.Text), got, q.SpeakerText, q.Cue, strings.Join(g.Speaker, "|"))
			}
		}
		if errs != nil {
			for i, q := range pred {
				if !usedPred[i] {
					fmt.Fprintf(errs, "%s EXTRA %s %q (speaker %q, cue %q)\n", p.ID, kindOf(q.Direct), clip(q.Text), q.SpeakerText, q.Cue)
				}
			}
		}
	}
	return s
}

func kindOf(direct bool) string {
	if direct {
		return "direct"
	}
	return "indirect"
}

func clip(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 70 {
		return s[:70] + "…"
	}
	return s
}

// match pairs gold and predicted quotes one to one by the largest overlap;
// it returns, for each gold quote, the index of its prediction or -1.
func match(gold []GoldQuote, pred []model.Quote) []int {
	type cand struct{ g, p, ov int }
	var cs []cand
	for gi, g := range gold {
		for pi, p := range pred {
			ov := min(g.End, p.End) - max(g.Start, p.Start)
			if ov > 0 {
				cs = append(cs, cand{gi, pi, ov})
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool { return cs[i].ov > cs[j].ov })
	out := make([]int, len(gold))
	for i := range out {
		out[i] = -1
	}
	usedP := map[int]bool{}
	for _, c := range cs {
		if out[c.g] >= 0 || usedP[c.p] {
			continue
		}
		out[c.g] = c.p
		usedP[c.p] = true
	}
	return out
}

var pronounWords = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true, "who": true}

// resolvedName is the speaker a prediction names: its reference, or its
// speaker text unless that is a bare pronoun.
func resolvedName(q model.Quote) string {
	if q.SpeakerRef != nil {
		return q.SpeakerRef.Text
	}
	if pronounWords[strings.ToLower(strings.TrimSpace(q.SpeakerText))] {
		return ""
	}
	return q.SpeakerText
}

func normWords(s string) []string {
	var out []string
	for _, f := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '-'
	}) {
		f = strings.TrimSuffix(f, "s'")
		switch f {
		case "the", "a", "an", "s", "-":
			continue
		}
		out = append(out, f)
	}
	return out
}

func containsSeq(hay, needle []string) bool {
	if len(needle) == 0 || len(needle) > len(hay) {
		return false
	}
	for i := 0; i+len(needle) <= len(hay); i++ {
		ok := true
		for j := range needle {
			if hay[i+j] != needle[j] {
				ok = false
				break
			}
		}
		if ok {
			return true
		}
	}
	return false
}

// speakerRight compares a predicted speaker name with the acceptable gold
// names: equal, one containing the other, or the same surname.
func speakerRight(got string, want []string) bool {
	g := normWords(got)
	if len(want) == 0 {
		return len(g) == 0
	}
	if len(g) == 0 {
		return false
	}
	for _, w := range want {
		ww := normWords(w)
		if len(ww) == 0 {
			continue
		}
		if containsSeq(g, ww) || containsSeq(ww, g) || g[len(g)-1] == ww[len(ww)-1] {
			return true
		}
	}
	return false
}

// speedTexts returns the texts of the speed run: the ECB+ documents
// rebuilt from their tokens, or the gold passages.
func speedTexts(dir string, ps []Passage) ([]string, string) {
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.xml"))
	var texts []string
	for _, f := range files {
		t, err := ecbText(f)
		if err == nil && t != "" {
			texts = append(texts, t)
		}
	}
	if len(texts) > 0 {
		return texts, fmt.Sprintf("ECB+ %d documents", len(texts))
	}
	for _, p := range ps {
		texts = append(texts, p.Text)
	}
	return texts, fmt.Sprintf("%d gold passages", len(texts))
}

// ecbText rebuilds an ECB+ document's text from its tokens, one paragraph
// per sentence.
func ecbText(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	dec := xml.NewDecoder(f)
	var b strings.Builder
	sent := -1
	inTok := false
	for {
		tok, err := dec.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return "", fmt.Errorf("read %s: %w", path, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if t.Name.Local == "token" {
				inTok = true
				for _, a := range t.Attr {
					if a.Name.Local == "sentence" {
						n, _ := strconv.Atoi(a.Value)
						if n != sent && b.Len() > 0 {
							b.WriteString("\n\n")
						} else if b.Len() > 0 {
							b.WriteByte(' ')
						}
						sent = n
					}
				}
			}
		case xml.CharData:
			if inTok {
				b.Write(t)
			}
		case xml.EndElement:
			if t.Name.Local == "token" {
				inTok = false
			}
		}
	}
	return b.String(), nil
}

// speed runs Extract over texts for at least secs seconds on one goroutine
// and samples memory.
func speed(ctx context.Context, rep *Report, texts []string, secs float64) {
	docs := make([]*model.Document, len(texts))
	toks := make([][]model.Token, len(texts))
	for i, t := range texts {
		// Tokens and sentences come from the tokenize stage in the
		// pipeline, before quotes run; they are not part of this stage's
		// cost.
		var sents []model.Range
		toks[i], sents = tokenize.Split(t)
		docs[i] = &model.Document{ID: strconv.Itoa(i), Text: t, Sentences: sents}
	}
	quotes.Extract(&model.Document{ID: "warm", Text: "\"Warm up,\" he said."}, nil, nil, nil, model.Reference{})
	var heap measure.HeapPeak
	cpu0 := measure.CPUTime()
	start := time.Now()
	for time.Since(start).Seconds() < secs && ctx.Err() == nil {
		for i, d := range docs {
			quotes.Extract(d, toks[i], nil, nil, model.Reference{})
			rep.Bytes += int64(len(d.Text))
			rep.Docs++
			if i%200 == 0 {
				heap.Sample()
			}
		}
	}
	rep.Elapsed = time.Since(start)
	rep.CPU = measure.CPUTime() - cpu0
	heap.Sample()
	rep.PeakHeapMB = float64(heap.Peak()) / 1e6
	rep.VmHWMMB = float64(measure.PeakRSS()) / (1 << 20)
}

// namedBefore reports whether the gold speaker's name (its last word) or,
// for unnamed speakers, the gold speaker text appears in the passage before
// the quote ends or within the 120 bytes after it (the attribution).
func namedBefore(text string, g GoldQuote) bool {
	limit := min(len(text), g.End+120)
	hay := strings.ToLower(text[:limit])
	if len(g.Speaker) == 0 {
		return true
	}
	for _, n := range g.Speaker {
		ws := normWords(n)
		if len(ws) > 0 && strings.Contains(hay, ws[len(ws)-1]) {
			return true
		}
	}
	return false
}
