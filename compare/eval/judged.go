package eval

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/internal/metric"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// The hand-judged check: every "disputed" and "changed" flag the product
// raises on real news, judged by a person reading both sides' sentences,
// kept as data without the text (document, byte offsets, value, verdict,
// cause), so a re-run reports the precision of the flags a user sees and
// lists only the flags nobody has judged yet. See docs/judged.md.

// Judged corpora: each is analysed as a new user would give it.
const (
	// CorpusECBTopics is ECB+ topics 36–45, each topic's documents one
	// folder, story clustering on (as ScoreTopics).
	CorpusECBTopics = "ecb-topics"
	// CorpusPages is a folder of cleaned real web pages about several
	// events, given at once, story clustering on.
	CorpusPages = "pages"
	// CorpusECBFacts is ../shared/corpora/ecbplus-facts, each sub-topic
	// folder one story.
	CorpusECBFacts = "ecbplus-facts"
	// CorpusPageEvents is the real pages grouped by event by hand (the
	// groups file beside the judgments), each group one story, as a user
	// who gathered one event's pages would give them.
	CorpusPageEvents = "page-events"
	// CorpusECBTopicsDev is ECB+ topics 1–35 (all but the test topics
	// 36–45), analysed as CorpusECBTopics: more real news to judge on.
	CorpusECBTopicsDev = "ecb-topics-dev"
)

// isECBTestTopic tells the ECB+ test topics (36–45) from the others.
func isECBTestTopic(t int) bool { return t >= 36 && t <= 45 }

// PageGroupsFile lists the hand-made event groups of the real pages: file
// names only.
const PageGroupsFile = "pages-groups.json"

// PageGroup is one event's pages.
type PageGroup struct {
	Event string   `json:"event"`
	Docs  []string `json:"docs"`
}

// Causes of a false flag, the work list docs/judged.md explains.
var judgedCauses = []string{
	"another-event",    // values of two different events of one kind
	"background-event", // an earlier or other event the story recalls
	"another-measure",  // another measure or counted noun (depth vs distance)
	"another-subject",  // about another person, place or thing
	"another-role",     // another role of the frame (start vs end, age vs duration)
	"part-of-total",    // a part (one district, one day) vs the whole
	"contained-place",  // a place and a place inside it
	"bounds",           // an approximation or bound that agrees ("about 20" vs "20")
	"running-tally",    // a tally that moved over time: a change, not a dispute
	"same-value",       // the same value written two ways (a relative date, a unit)
	"extraction-error", // a value that is not what the sentence says
	"no-change",        // a changed flag where the account did not move
	"other",
}

// FlagValue is one source's value in a flag: the file it came from, the
// byte offsets into the cleaned text and the value's own words (a number,
// a date or a place name, never a sentence).
type FlagValue struct {
	Doc   string `json:"doc"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Value string `json:"value"`
}

// Flag identifies one disputed or changed fact stably: corpus, story,
// status, frame, role, measure and its values' places.
type Flag struct {
	Corpus  string      `json:"corpus"`
	Story   string      `json:"story,omitempty"`
	Status  string      `json:"status"`
	Frame   string      `json:"frame,omitempty"`
	Role    string      `json:"role,omitempty"`
	Measure string      `json:"measure,omitempty"`
	Values  []FlagValue `json:"values"`
}

// Key is the flag's identity: the same values of the same fact with the
// same verdict. A flag whose values change is a new flag to judge.
func (f Flag) Key() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s|%s|%s|%s/%s/%s", f.Corpus, f.Story, f.Status, f.Frame, f.Role, f.Measure)
	vs := make([]string, len(f.Values))
	for i, v := range f.Values {
		vs[i] = fmt.Sprintf("%s:%d-%d", v.Doc, v.Start, v.End)
	}
	sort.Strings(vs)
	for _, v := range vs {
		b.WriteString("|" + v)
	}
	return b.String()
}

// Judgment is a flag with a person's verdict: true when the sources
// really disagree (disputed) or the account really moved (changed), and
// for a false flag its cause. Note paraphrases why, in the judge's words.
type Judgment struct {
	Flag
	True  bool   `json:"true"`
	Cause string `json:"cause,omitempty"`
	Note  string `json:"note,omitempty"`
}

// seenFlag is a flag found by a run, with what a judge needs to read.
type seenFlag struct {
	Flag
	Reason    string
	Sentences []string // each value's sentence, in Values' order
}

// JudgedOptions configure RunJudged. Empty folders mean the defaults; a
// folder that does not exist is skipped with a note.
type JudgedOptions struct {
	Dir       string // the judgments folder (testdata/facts/judged)
	ECB       string // ECB+ docs folder
	Pages     string // folder of cleaned real pages
	ECBFacts  string // ecbplus-facts folder
	Corpora   []string
	JSON      bool
	Details   bool // print every judged flag too
	Compare   compare.Options
	Workspace string // temporary folder for the databases; "" for the system's
}

// JudgedCount is the hand-judged precision of one verdict.
type JudgedCount struct {
	Flags     int            `json:"flags"`
	Judged    int            `json:"judged"`
	True      int            `json:"true"`
	False     int            `json:"false"`
	Precision float64        `json:"precision"`
	Causes    map[string]int `json:"false_by_cause,omitempty"`
}

func (c *JudgedCount) add(j *Judgment) {
	c.Flags++
	if j == nil {
		return
	}
	c.Judged++
	if j.True {
		c.True++
	} else {
		c.False++
		if c.Causes == nil {
			c.Causes = map[string]int{}
		}
		c.Causes[j.Cause]++
	}
	c.Precision = metric.Ratio(c.True, c.Judged)
}

func (c *JudgedCount) merge(o JudgedCount) {
	c.Flags += o.Flags
	c.Judged += o.Judged
	c.True += o.True
	c.False += o.False
	for k, n := range o.Causes {
		if c.Causes == nil {
			c.Causes = map[string]int{}
		}
		c.Causes[k] += n
	}
	c.Precision = metric.Ratio(c.True, c.Judged)
}

// JudgedCorpus are one corpus's hand-judged figures.
type JudgedCorpus struct {
	Corpus   string      `json:"corpus"`
	Disputed JudgedCount `json:"disputed"`
	Changed  JudgedCount `json:"changed"`
	// Unjudged lists the keys of flags no judgment covers yet.
	Unjudged []string `json:"unjudged,omitempty"`
}

// JudgedFigures are every corpus's figures and their total.
type JudgedFigures struct {
	Corpora []JudgedCorpus `json:"corpora"`
	Total   JudgedCorpus   `json:"total"`
}

// JudgedFiguresFile is the figures the test records beside the judgments.
const JudgedFiguresFile = "figures.json"

// LoadJudgments reads every *.json of dir but the recorded figures, keyed by
// Flag.Key. A key judged twice is an error naming both files.
func LoadJudgments(dir string) (map[string]*Judgment, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, fmt.Errorf("judgments %s: %w", dir, err)
	}
	out := map[string]*Judgment{}
	from := map[string]string{}
	known := map[string]bool{}
	for _, c := range judgedCauses {
		known[c] = true
	}
	for _, p := range paths {
		base := filepath.Base(p)
		if base == JudgedFiguresFile || base == PageGroupsFile {
			continue
		}
		raw, err := os.ReadFile(p)
		if err != nil {
			return nil, fmt.Errorf("judgments: %w", err)
		}
		var js []*Judgment
		if err := json.Unmarshal(raw, &js); err != nil {
			return nil, fmt.Errorf("judgments %s: %w", p, err)
		}
		for i, j := range js {
			if !j.True && !known[j.Cause] {
				return nil, fmt.Errorf("judgments %s: flag %d: false with unknown cause %q (one of %s)", p, i, j.Cause, strings.Join(judgedCauses, ", "))
			}
			k := j.Key()
			if prev, ok := from[k]; ok {
				return nil, fmt.Errorf("judgments %s: flag %d judged again (first in %s)", p, i, prev)
			}
			from[k] = base
			out[k] = j
		}
	}
	return out, nil
}

// ScoreJudged joins flags with judgments into figures per corpus, in the
// order corpora are given.
func ScoreJudged(flags []Flag, judged map[string]*Judgment, corpora []string) JudgedFigures {
	by := map[string]*JudgedCorpus{}
	var fig JudgedFigures
	for _, c := range corpora {
		fig.Corpora = append(fig.Corpora, JudgedCorpus{Corpus: c})
	}
	for i := range fig.Corpora {
		by[fig.Corpora[i].Corpus] = &fig.Corpora[i]
	}
	for _, f := range flags {
		jc := by[f.Corpus]
		if jc == nil {
			continue
		}
		j := judged[f.Key()]
		switch f.Status {
		case string(model.Disputed):
			jc.Disputed.add(j)
		case string(model.Changed):
			jc.Changed.add(j)
		default:
			continue
		}
		if j == nil {
			jc.Unjudged = append(jc.Unjudged, f.Key())
		}
	}
	fig.Total.Corpus = "all"
	for _, c := range fig.Corpora {
		fig.Total.Disputed.merge(c.Disputed)
		fig.Total.Changed.merge(c.Changed)
		fig.Total.Unjudged = append(fig.Total.Unjudged, c.Unjudged...)
	}
	return fig
}

// collectFlags re-runs the product on the judged corpora and returns the
// flags it raised and the corpora that ran (a missing folder is skipped
// with a note on stderr).
func collectFlags(ctx context.Context, o JudgedOptions) ([]seenFlag, []string, error) {
	if len(o.Corpora) == 0 {
		o.Corpora = []string{CorpusECBTopics, CorpusECBTopicsDev, CorpusPages, CorpusPageEvents, CorpusECBFacts}
	}
	p, err := pipeline.New(pipeline.Options{Workers: 1, Compare: o.Compare})
	if err != nil {
		return nil, nil, fmt.Errorf("judged: %w", err)
	}
	tmp, err := os.MkdirTemp(o.Workspace, "parallax-judged-")
	if err != nil {
		return nil, nil, fmt.Errorf("judged: %w", err)
	}
	defer os.RemoveAll(tmp)
	var seen []seenFlag
	var ran []string
	for _, c := range o.Corpora {
		var fl []seenFlag
		var err error
		switch c {
		case CorpusECBTopics:
			fl, err = ecbTopicFlags(ctx, p, tmp, o.ECB, CorpusECBTopics, isECBTestTopic)
		case CorpusECBTopicsDev:
			fl, err = ecbTopicFlags(ctx, p, tmp, o.ECB, CorpusECBTopicsDev, func(t int) bool { return !isECBTestTopic(t) })
		case CorpusPages:
			fl, err = pagesFlags(ctx, p, tmp, o.Pages)
		case CorpusECBFacts:
			fl, err = ecbFactsFlags(ctx, p, o.ECBFacts)
		case CorpusPageEvents:
			fl, err = pageEventFlags(ctx, p, tmp, o.Pages, filepath.Join(o.Dir, PageGroupsFile))
		default:
			return nil, nil, fmt.Errorf("judged: unknown corpus %q (one of %s, %s, %s, %s, %s)", c, CorpusECBTopics, CorpusECBTopicsDev, CorpusPages, CorpusPageEvents, CorpusECBFacts)
		}
		if errors.Is(err, fs.ErrNotExist) {
			fmt.Fprintf(os.Stderr, "judged: corpus %s skipped: %v\n", c, err)
			continue
		}
		if err != nil {
			return nil, nil, err
		}
		ran = append(ran, c)
		seen = append(seen, fl...)
	}
	return seen, ran, nil
}

// RunJudged re-runs the product on the judged corpora and prints the
// hand-judged precision of disputed and of changed, per corpus and per
// cause, and every flag not judged yet with both sides' sentences (to
// judge next; with Details, the judged ones too).
func RunJudged(ctx context.Context, w io.Writer, o JudgedOptions) error {
	judged, err := LoadJudgments(o.Dir)
	if err != nil {
		return err
	}
	seen, ran, err := collectFlags(ctx, o)
	if err != nil {
		return err
	}
	flags := make([]Flag, len(seen))
	for i, s := range seen {
		flags[i] = s.Flag
	}
	fig := ScoreJudged(flags, judged, ran)
	if o.JSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(fig)
	}
	printJudged(w, fig)
	if n := staleJudgments(judged, flags, ran); n > 0 {
		fmt.Fprintf(w, "  %d stored judgments of these corpora match no flag raised now (flags of earlier commits, kept in case they return)\n", n)
	}
	for _, s := range seen {
		j := judged[s.Key()]
		if j != nil && !o.Details {
			continue
		}
		mark := "NOT JUDGED"
		if j != nil {
			mark = "true"
			if !j.True {
				mark = "false: " + j.Cause
			}
		}
		raw, _ := json.Marshal(s.Flag)
		fmt.Fprintf(w, "\n[%s] %s\n  %s\n", mark, raw, s.Reason)
		for i, v := range s.Values {
			fmt.Fprintf(w, "  %s %d-%d %q: %s\n", v.Doc, v.Start, v.End, v.Value, s.Sentences[i])
		}
	}
	return nil
}

// staleJudgments counts the judgments of the corpora that ran whose flag
// the product no longer raises.
func staleJudgments(judged map[string]*Judgment, flags []Flag, ran []string) int {
	raised := map[string]bool{}
	for _, f := range flags {
		raised[f.Key()] = true
	}
	corpora := map[string]bool{}
	for _, c := range ran {
		corpora[c] = true
	}
	n := 0
	for k, j := range judged {
		if corpora[j.Corpus] && !raised[k] {
			n++
		}
	}
	return n
}

func printJudged(w io.Writer, fig JudgedFigures) {
	fmt.Fprintln(w, "Hand-judged precision of the flags the product raises on real news (judgments: testdata/facts/judged)")
	line := func(name string, c JudgedCount) string {
		return fmt.Sprintf("%s %d flags, %d judged: %d true, %d false, precision %.3f", name, c.Flags, c.Judged, c.True, c.False, c.Precision)
	}
	for _, c := range append(fig.Corpora, fig.Total) {
		fmt.Fprintf(w, "  %-14s %s; %s; %d not judged\n", c.Corpus, line("disputed", c.Disputed), line("changed", c.Changed), len(c.Unjudged))
	}
	causes := map[string]int{}
	for k, n := range fig.Total.Disputed.Causes {
		causes[k] += n
	}
	for k, n := range fig.Total.Changed.Causes {
		causes[k] += n
	}
	names := make([]string, 0, len(causes))
	for k := range causes {
		names = append(names, k)
	}
	sort.Slice(names, func(i, j int) bool {
		if causes[names[i]] != causes[names[j]] {
			return causes[names[i]] > causes[names[j]]
		}
		return names[i] < names[j]
	})
	fmt.Fprint(w, "  false flags by cause:")
	for _, k := range names {
		fmt.Fprintf(w, " %s %d (disputed %d, changed %d);", k, causes[k], fig.Total.Disputed.Causes[k], fig.Total.Changed.Causes[k])
	}
	fmt.Fprintln(w)
}

// flagsOf turns a dossier's disputed and changed facts into flags; fileOf
// maps a document ID to its file name.
func flagsOf(corpus, story string, d *model.Dossier, fileOf func(docID string) string) []seenFlag {
	docs := map[string]*model.Document{}
	for i := range d.Documents {
		docs[d.Documents[i].ID] = &d.Documents[i]
	}
	var out []seenFlag
	for _, f := range d.Facts {
		if f.Status != model.Disputed && f.Status != model.Changed {
			continue
		}
		s := seenFlag{Flag: Flag{Corpus: corpus, Story: story, Status: string(f.Status), Frame: string(f.Frame), Role: string(f.Role), Measure: f.Measure}, Reason: f.Reason}
		if s.Frame == "" {
			s.Frame = "~" + f.Topic
		}
		for _, v := range f.Values {
			s.Values = append(s.Values, FlagValue{Doc: fileOf(v.Doc), Start: v.Start, End: v.End, Value: v.Text})
			sent := ""
			if doc := docs[v.Doc]; doc != nil && v.Sentence.End <= len(doc.Text) && v.Sentence.Start <= v.Sentence.End {
				sent = doc.Text[v.Sentence.Start:v.Sentence.End]
			}
			s.Sentences = append(s.Sentences, strings.Join(strings.Fields(sent), " "))
		}
		out = append(out, s)
	}
	return out
}

// analyseFolder analyses inputs as one folder given to `analyze` (story
// clustering on, a fresh database) and returns the flags of every story.
func analyseFolder(ctx context.Context, p *pipeline.Pipeline, dbPath, corpus, story string, inputs []ingest.Input) ([]seenFlag, error) {
	st, err := sqlite.Open(ctx, dbPath)
	if err != nil {
		return nil, fmt.Errorf("judged: %w", err)
	}
	defer st.Close()
	res, err := p.AnalyzeInputs(ctx, st, inputs, "")
	if err != nil {
		return nil, fmt.Errorf("judged %s %s: %w", corpus, story, err)
	}
	var out []seenFlag
	for _, an := range res.Stories {
		src := map[string]string{}
		for _, doc := range an.Dossier.Documents {
			src[doc.ID] = doc.Source
		}
		out = append(out, flagsOf(corpus, story, an.Dossier, func(id string) string { return src[id] })...)
	}
	return out, nil
}

// ecbTopicFlags analyses each ECB+ topic under dir that keep accepts, the
// topic's documents as one folder.
func ecbTopicFlags(ctx context.Context, p *pipeline.Pipeline, tmp, dir, corpus string, keep func(topic int) bool) ([]seenFlag, error) {
	if dir == "" {
		dir = filepath.Join("..", "shared", "corpora", "ecbplus", "docs")
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	all, err := ecbplus.Topics(dir)
	if err != nil {
		return nil, fmt.Errorf("judged: %w", err)
	}
	var topics []int
	for _, t := range all {
		if keep(t) {
			topics = append(topics, t)
		}
	}
	edocs, err := ecbplus.ReadTopics(dir, topics)
	if err != nil {
		return nil, fmt.Errorf("judged: %w", err)
	}
	byTopic := map[int][]ingest.Input{}
	for _, ed := range edocs {
		text, _, _ := ed.Detokenized()
		byTopic[ed.Topic] = append(byTopic[ed.Topic], ingest.Input{Source: ed.Name + ".txt", Format: ingest.FormatText, Raw: []byte(text)})
	}
	var out []seenFlag
	for _, t := range topics {
		if len(byTopic[t]) == 0 {
			continue
		}
		fl, err := analyseFolder(ctx, p, filepath.Join(tmp, fmt.Sprintf("%s-%d.db", corpus, t)), corpus, fmt.Sprint(t), byTopic[t])
		if err != nil {
			return nil, err
		}
		out = append(out, fl...)
	}
	return out, nil
}

func pagesFlags(ctx context.Context, p *pipeline.Pipeline, tmp, dir string) ([]seenFlag, error) {
	if dir == "" {
		dir = filepath.Join("..", "pages-cache")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var inputs []ingest.Input
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".txt") {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			return nil, fmt.Errorf("judged: %w", err)
		}
		inputs = append(inputs, ingest.Input{Source: e.Name(), Format: ingest.FormatText, Raw: raw})
	}
	return analyseFolder(ctx, p, filepath.Join(tmp, "pages.db"), CorpusPages, "", inputs)
}

func ecbFactsFlags(ctx context.Context, p *pipeline.Pipeline, dir string) ([]seenFlag, error) {
	if dir == "" {
		dir = filepath.Join("..", "shared", "corpora", "ecbplus-facts")
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []seenFlag
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		sdir := filepath.Join(dir, e.Name())
		if _, err := os.Stat(filepath.Join(sdir, "gold.json")); err != nil {
			continue
		}
		docs, fileOf, _, err := ReadStory(ctx, sdir)
		if err != nil {
			return nil, err
		}
		d, _, err := p.Analyze(ctx, "judged", docs)
		if err != nil {
			return nil, fmt.Errorf("judged %s: %w", sdir, err)
		}
		out = append(out, flagsOf(CorpusECBFacts, e.Name(), d, func(id string) string { return fileOf[id] })...)
	}
	return out, nil
}

// pageEventFlags analyses each hand-made group of real pages as one story
// (a folder of links to its pages, read as `eval facts -stories` reads a
// story).
func pageEventFlags(ctx context.Context, p *pipeline.Pipeline, tmp, dir, groupsPath string) ([]seenFlag, error) {
	if dir == "" {
		dir = filepath.Join("..", "pages-cache")
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, err
	}
	groups, err := readPageGroups(groupsPath)
	if err != nil {
		return nil, err
	}
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, fmt.Errorf("judged: %w", err)
	}
	var out []seenFlag
	for i, g := range groups {
		sdir := filepath.Join(tmp, fmt.Sprintf("group-%d", i))
		if err := os.Mkdir(sdir, 0o755); err != nil {
			return nil, fmt.Errorf("judged: %w", err)
		}
		for _, name := range g.Docs {
			if err := os.Symlink(filepath.Join(abs, name), filepath.Join(sdir, name)); err != nil {
				return nil, fmt.Errorf("judged: %w", err)
			}
		}
		docs, fileOf, _, err := ReadStory(ctx, sdir)
		if err != nil {
			return nil, fmt.Errorf("judged: %s: group %q: %w", groupsPath, g.Event, err)
		}
		d, _, err := p.Analyze(ctx, "judged", docs)
		if err != nil {
			return nil, fmt.Errorf("judged: group %q: %w", g.Event, err)
		}
		out = append(out, flagsOf(CorpusPageEvents, g.Event, d, func(id string) string { return fileOf[id] })...)
	}
	return out, nil
}

// readPageGroups reads the hand-made event groups: each entry a file name
// (no folder), each page in one group only.
func readPageGroups(path string) ([]PageGroup, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var groups []PageGroup
	if err := json.Unmarshal(raw, &groups); err != nil {
		return nil, fmt.Errorf("judged: %s: %w", path, err)
	}
	inGroup := map[string]string{}
	for _, g := range groups {
		for _, name := range g.Docs {
			if name != filepath.Base(name) {
				return nil, fmt.Errorf("judged: %s: group %q: %q is not a file name", path, g.Event, name)
			}
			if other, ok := inGroup[name]; ok {
				return nil, fmt.Errorf("judged: %s: %q is in groups %q and %q: a page belongs to one event", path, name, other, g.Event)
			}
			inGroup[name] = g.Event
		}
	}
	return groups, nil
}
