// Package nereval measures the entity tagger: exact-span, CoNLL-style
// precision, recall and F1 per type on the UNER EWT test split and the GUM
// held-out (test) documents, both on the corpora's own tokens and on raw
// text through Parallax's tokeniser, plus speed (MB/s on one core) and peak
// memory.
//
// In: the shared data folder and a tagger. Out: a Report that prints as a
// table. The bench module reuses TextDocs and ScoreText to run other
// taggers on the very same raw-text data.
package nereval

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/parallaxnews/parallax/annotate/entities"
	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/model"
)

// Options tunes Run. The zero value means the defaults.
type Options struct {
	// Shared is the shared data folder. Default "../shared".
	Shared string
	// MinSpeedSeconds is how long the speed test runs at least. Default 2.
	MinSpeedSeconds float64
	// Model is a model file written by entities.Train to measure instead of
	// the embedded model; nil means the embedded one.
	Model []byte
	// SkipSpeed leaves out the speed test (for quick quality checks).
	SkipSpeed bool
	// Dev measures on the dev splits (DevSets) instead of the test splits.
	Dev bool
}

// Report holds every figure Run measured.
type Report struct {
	Dev                         bool            // measured on the dev splits
	UNERTokens, UNERTokensNoDoc entities.Scores // gold tokens; PER/ORG/LOC
	GUMTokens                   entities.Scores // gold tokens; PER/ORG/LOC/GRP
	UNERText, GUMText           entities.Scores // raw text through the tokeniser
	UNERSkipped, GUMSkipped     int             // sentences whose tokens could not be aligned to their text

	LoadTime      time.Duration
	SpeedBytes    int64
	SpeedDocs     int
	SpeedDuration time.Duration
	// SpeedCPU is the CPU time the process spent (all threads, so garbage
	// collection counts): per-core speed is SpeedBytes/SpeedCPU, which holds
	// on a shared, busy machine where wall time does not.
	SpeedCPU      time.Duration
	RoundBytes    int64           // bytes tagged per round
	RoundCPU      []time.Duration // CPU time of each round
	HeapAfterLoad uint64          // bytes in use after loading the model and gazetteer
	PeakRSS       uint64          // VmHWM, bytes; 0 when /proc is unavailable
}

// UNERLabels are the labels UNER annotates; GUMLabels adds groups.
var (
	UNERLabels = []string{"PER", "ORG", "LOC"}
	GUMLabels  = []string{"PER", "ORG", "LOC", "GRP"}
)

// Sets reads the two evaluation sets: UNER EWT test and GUM test, with
// demonym groups labelled in GUM the same way as in training.
func Sets(shared string) (uner, gum []entities.CorpusDoc, err error) {
	return sets(shared, false)
}

// DevSets reads UNER EWT dev and the GUM dev documents instead, for tuning
// a model trained without UNER dev (parallax train ner --corpora
// uner,gum,wikigold) without looking at the test sets.
func DevSets(shared string) (uner, gum []entities.CorpusDoc, err error) {
	return sets(shared, true)
}

func sets(shared string, dev bool) (uner, gum []entities.CorpusDoc, err error) {
	g, err := gazetteer.Load()
	if err != nil {
		return nil, nil, err
	}
	unerSplit, gumSplit := "test", entities.GUMTest
	if dev {
		unerSplit, gumSplit = "dev", entities.GUMDev
	}
	uner, err = entities.ReadUNER(shared, unerSplit, g)
	if err != nil {
		return nil, nil, err
	}
	gum, err = entities.ReadGUM(shared, gumSplit)
	if err != nil {
		return nil, nil, err
	}
	entities.AddDemonymGroups(gum, g)
	return uner, gum, nil
}

// Run loads the embedded tagger and measures it.
func Run(ctx context.Context, opt Options) (*Report, error) {
	if opt.Shared == "" {
		opt.Shared = "../shared"
	}
	if opt.MinSpeedSeconds == 0 {
		opt.MinSpeedSeconds = 2
	}
	r := &Report{Dev: opt.Dev}
	start := time.Now()
	tagger, err := loadTagger(opt.Model)
	if err != nil {
		return nil, err
	}
	r.LoadTime = time.Since(start)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	r.HeapAfterLoad = ms.HeapAlloc

	uner, gum, err := sets(opt.Shared, opt.Dev)
	if err != nil {
		return nil, err
	}
	if r.UNERTokens, err = scoreTokens(ctx, tagger, uner, UNERLabels); err != nil {
		return nil, err
	}
	if r.UNERTokensNoDoc, err = scoreTokens(ctx, tagger.WithoutConsistency(), uner, UNERLabels); err != nil {
		return nil, err
	}
	if r.GUMTokens, err = scoreTokens(ctx, tagger, gum, GUMLabels); err != nil {
		return nil, err
	}
	unerText, skipped := TextDocs(uner)
	r.UNERSkipped = skipped
	gumText, skipped := TextDocs(gum)
	r.GUMSkipped = skipped
	ours := func(ctx context.Context, d TextDoc) ([]CharSpan, error) { return Ours(ctx, tagger, d) }
	if r.UNERText, err = ScoreText(ctx, unerText, UNERLabels, ours); err != nil {
		return nil, err
	}
	if r.GUMText, err = ScoreText(ctx, gumText, GUMLabels, ours); err != nil {
		return nil, err
	}

	// Speed: tokenise and tag every evaluation text, on this goroutine only,
	// in rounds until MinSpeedSeconds have passed (at least three). Each
	// round's CPU time is kept: on a shared machine the best round is the
	// closest to the tagger's own cost, the median shows the spread.
	all := append(append([]TextDoc{}, unerText...), gumText...)
	var roundBytes int64
	for _, d := range all {
		roundBytes += int64(len(d.Text))
	}
	begin := time.Now()
	cpu0 := cpuTime()
	for !opt.SkipSpeed && (len(r.RoundCPU) < 3 || time.Since(begin).Seconds() < opt.MinSpeedSeconds) {
		c := cpuTime()
		for _, d := range all {
			if _, err := tagger.Tag(ctx, &model.Document{ID: d.ID, Text: d.Text}); err != nil {
				return nil, err
			}
		}
		r.RoundCPU = append(r.RoundCPU, cpuTime()-c)
		r.SpeedBytes += roundBytes
		r.SpeedDocs += len(all)
	}
	r.RoundBytes = roundBytes
	r.SpeedDuration = time.Since(begin)
	r.SpeedCPU = cpuTime() - cpu0
	r.PeakRSS = PeakRSS()
	return r, nil
}

// loadTagger returns the embedded tagger, or one built from modelFile.
func loadTagger(modelFile []byte) (*entities.Tagger, error) {
	if modelFile == nil {
		return entities.Load()
	}
	return entities.New(modelFile)
}

// Analyse loads the tagger (the embedded one, or modelFile) and classifies
// its errors on the UNER EWT test split and the GUM test documents (the dev
// splits when dev is set).
func Analyse(ctx context.Context, shared string, modelFile []byte, dev bool) (uner, gum []MentionError, err error) {
	t, err := loadTagger(modelFile)
	if err != nil {
		return nil, nil, err
	}
	u, g, err := sets(shared, dev)
	if err != nil {
		return nil, nil, err
	}
	if uner, err = ErrorAnalysis(ctx, t, u, UNERLabels); err != nil {
		return nil, nil, err
	}
	if gum, err = ErrorAnalysis(ctx, t, g, GUMLabels); err != nil {
		return nil, nil, err
	}
	return uner, gum, nil
}

func scoreTokens(ctx context.Context, t *entities.Tagger, docs []entities.CorpusDoc, labels []string) (entities.Scores, error) {
	var gold, pred [][]entities.Span
	for _, d := range docs {
		words := make([][]string, len(d.Sentences))
		for i, s := range d.Sentences {
			words[i] = s.Words
			gold = append(gold, s.Spans)
		}
		p, err := t.TagWords(ctx, words)
		if err != nil {
			return entities.Scores{}, err
		}
		pred = append(pred, p...)
	}
	return entities.Score(gold, pred, labels), nil
}

// CharSpan is a mention as byte offsets into a TextDoc's Text.
type CharSpan struct {
	Start, End int
	Label      string
}

// TextDoc is a corpus document rebuilt as raw text: its sentences' texts
// joined by blank lines, with the gold mentions as byte offsets.
type TextDoc struct {
	ID   string
	Text string
	Gold []CharSpan
}

// TextDocs rebuilds raw-text documents from corpus documents, aligning each
// token to its sentence text. Sentences whose tokens cannot be found in
// order in the text are left out and counted.
func TextDocs(docs []entities.CorpusDoc) (out []TextDoc, skipped int) {
	for _, d := range docs {
		var b strings.Builder
		td := TextDoc{ID: d.ID}
		for _, s := range d.Sentences {
			if s.Text == "" {
				skipped++
				continue
			}
			offs, ok := align(s.Text, s.Words)
			if !ok {
				skipped++
				continue
			}
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			base := b.Len()
			b.WriteString(s.Text)
			for _, sp := range s.Spans {
				td.Gold = append(td.Gold, CharSpan{base + offs[sp.Start][0], base + offs[sp.End-1][1], sp.Label})
			}
		}
		td.Text = b.String()
		if td.Text != "" {
			out = append(out, td)
		}
	}
	return out, skipped
}

// align finds each word in text in order and returns its byte range.
func align(text string, words []string) ([][2]int, bool) {
	offs := make([][2]int, len(words))
	pos := 0
	for i, w := range words {
		j := strings.Index(text[pos:], w)
		if j < 0 || strings.TrimSpace(text[pos:pos+j]) != "" {
			return nil, false
		}
		offs[i] = [2]int{pos + j, pos + j + len(w)}
		pos += j + len(w)
	}
	return offs, true
}

// TagFunc tags one raw-text document.
type TagFunc func(ctx context.Context, d TextDoc) ([]CharSpan, error)

// Ours tags d with Parallax's tokeniser and tagger.
func Ours(ctx context.Context, t *entities.Tagger, d TextDoc) ([]CharSpan, error) {
	ms, err := t.Tag(ctx, &model.Document{ID: d.ID, Text: d.Text})
	if err != nil {
		return nil, err
	}
	out := make([]CharSpan, 0, len(ms))
	for _, m := range ms {
		out = append(out, CharSpan{m.Start, m.End, LabelOf(m.Type)})
	}
	return out, nil
}

// LabelOf maps a model type to the evaluation label.
func LabelOf(t model.EntityType) string {
	switch t {
	case model.Person:
		return "PER"
	case model.Organization:
		return "ORG"
	case model.Place:
		return "LOC"
	case model.Group:
		return "GRP"
	}
	return string(t)
}

// ScoreText runs tag on every document and scores exact byte spans.
func ScoreText(ctx context.Context, docs []TextDoc, labels []string, tag TagFunc) (entities.Scores, error) {
	var gold, pred [][]entities.Span
	for _, d := range docs {
		p, err := tag(ctx, d)
		if err != nil {
			return entities.Scores{}, fmt.Errorf("tag %s: %w", d.ID, err)
		}
		// Byte offsets stand in for token indices: Score only compares.
		g := make([]entities.Span, len(d.Gold))
		for i, c := range d.Gold {
			g[i] = entities.Span{Start: c.Start, End: c.End, Label: c.Label}
		}
		ps := make([]entities.Span, len(p))
		for i, c := range p {
			ps[i] = entities.Span{Start: c.Start, End: c.End, Label: c.Label}
		}
		gold = append(gold, g)
		pred = append(pred, ps)
	}
	return entities.Score(gold, pred, labels), nil
}

// PeakRSS returns the process's peak resident set size (VmHWM) in bytes,
// or 0 when /proc is unavailable.
func PeakRSS() uint64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			f := strings.Fields(v)
			if len(f) >= 1 {
				kb, _ := strconv.ParseUint(f[0], 10, 64)
				return kb * 1024
			}
		}
	}
	return 0
}

// cpuTime returns the CPU time the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// MBps returns megabytes (10^6 bytes) per second.
func MBps(bytes int64, d time.Duration) float64 {
	if d <= 0 {
		return 0
	}
	return float64(bytes) / 1e6 / d.Seconds()
}

// Print writes the report.
func (r *Report) Print(w io.Writer) {
	split := "test"
	if r.Dev {
		split = "dev"
	}
	r.UNERTokens.Print(w, "UNER EWT "+split+", gold tokens (exact span, CoNLL)")
	r.UNERTokensNoDoc.Print(w, "UNER EWT "+split+", gold tokens, without the document-level consistency pass")
	r.UNERText.Print(w, fmt.Sprintf("UNER EWT %s, raw text through the tokeniser (%d unalignable sentences left out)", split, r.UNERSkipped))
	r.GUMTokens.Print(w, "GUM "+split+" (held-out) documents, gold tokens; GRP = demonym groups")
	r.GUMText.Print(w, fmt.Sprintf("GUM %s, raw text through the tokeniser (%d unalignable sentences left out)", split, r.GUMSkipped))
	rounds := append([]time.Duration(nil), r.RoundCPU...)
	sort.Slice(rounds, func(i, j int) bool { return rounds[i] < rounds[j] })
	if len(rounds) > 0 {
		fmt.Fprintf(w, "speed (tokenise + tag, one goroutine, %d rounds over %d docs / %.2f MB):\n", len(rounds), r.SpeedDocs/len(rounds), float64(r.RoundBytes)/1e6)
		fmt.Fprintf(w, "  best round   %.2f MB/s per core of CPU time, %.0f docs/s\n",
			MBps(r.RoundBytes, rounds[0]), float64(r.SpeedDocs/len(rounds))/rounds[0].Seconds())
		med := rounds[len(rounds)/2]
		fmt.Fprintf(w, "  median round %.2f MB/s per core of CPU time\n", MBps(r.RoundBytes, med))
		fmt.Fprintf(w, "  overall      %.2f MB/s per core of CPU time (%s CPU), %.2f MB/s wall (%s; the machine is shared)\n",
			MBps(r.SpeedBytes, r.SpeedCPU), r.SpeedCPU.Round(time.Millisecond), MBps(r.SpeedBytes, r.SpeedDuration), r.SpeedDuration.Round(time.Millisecond))
	}
	fmt.Fprintf(w, "model: loaded in %s; heap in use after load %.1f MB; peak RSS of the whole eval %.1f MB\n",
		r.LoadTime.Round(time.Millisecond), float64(r.HeapAfterLoad)/1e6, float64(r.PeakRSS)/1e6)
}
