package entities

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/internal/gum"
)

// Label codes used in corpora and in the model. They map to model.EntityType.
const (
	labelPER = "PER"
	labelORG = "ORG"
	labelLOC = "LOC"
	labelGRP = "GRP"
)

// Span is a gold or predicted mention over token indices [Start, End).
type Span struct {
	Start, End int
	Label      string // PER, ORG, LOC or GRP
}

// Sentence is one tokenised sentence of a corpus with its gold mentions.
type Sentence struct {
	Words []string
	Spans []Span
	// Text is the sentence's original text when the corpus gives it (UNER,
	// GUM), used to evaluate on raw text.
	Text string
}

// CorpusDoc is one document of a corpus: its sentences in order.
type CorpusDoc struct {
	ID        string
	Sentences []Sentence
}

// Corpus paths under the shared folder.
const (
	unerDir     = "corpora/ner-en/uner-ewt"
	wikigoldTxt = "corpora/ner-en/wikigold/CONLL-format/data/wikigold.conll.txt"
	re3dDir     = "corpora/ner-en/re3d"
)

// ReadUNER reads one UNER IOB2 file (split "train", "dev" or "test").
// Stray B-O tags become O; OTH spans become groups when every word is a
// demonym and O otherwise.
func ReadUNER(shared, split string, g *gazetteer.Gazetteer) ([]CorpusDoc, error) {
	path := filepath.Join(shared, unerDir, "en_ewt-ud-"+split+".iob2")
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read UNER %s: %w", split, err)
	}
	defer f.Close()
	var docs []CorpusDoc
	var cur Sentence
	var tags []string
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		cur.Spans = spansFromIOB(tags, true)
		cur.Spans = mapOtherSpans(cur.Words, cur.Spans, g)
		if len(docs) == 0 {
			docs = append(docs, CorpusDoc{ID: path})
		}
		docs[len(docs)-1].Sentences = append(docs[len(docs)-1].Sentences, cur)
		cur, tags = Sentence{}, nil
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "# newdoc id"):
			flush()
			docs = append(docs, CorpusDoc{ID: strings.TrimSpace(strings.TrimPrefix(line, "# newdoc id ="))})
		case strings.HasPrefix(line, "# text = "):
			cur.Text = strings.TrimPrefix(line, "# text = ")
		case strings.HasPrefix(line, "#"):
		case strings.TrimSpace(line) == "":
			flush()
		default:
			cols := strings.Split(line, "\t")
			if len(cols) < 3 {
				return nil, fmt.Errorf("read UNER %s: bad line %q", split, line)
			}
			cur.Words = append(cur.Words, cols[1])
			tags = append(tags, cols[2])
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read UNER %s: %w", split, err)
	}
	return docs, nil
}

// spansFromIOB turns IOB1 or IOB2 tags into spans. Types are kept as
// written (PER, Location, MISC, OTH...); the callers map them.
func spansFromIOB(tags []string, iob2 bool) []Span {
	var out []Span
	open := -1
	typ := ""
	closeSpan := func(end int) {
		if open >= 0 {
			out = append(out, Span{open, end, typ})
		}
		open, typ = -1, ""
	}
	for i, t := range tags {
		if t == "O" || t == "" || t == "B-O" || t == "I-O" {
			closeSpan(i)
			continue
		}
		prefix, ty, ok := strings.Cut(t, "-")
		if !ok {
			closeSpan(i)
			continue
		}
		if prefix == "B" || open < 0 || ty != typ {
			closeSpan(i)
			open, typ = i, ty
		}
	}
	closeSpan(len(tags))
	return out
}

// mapOtherSpans keeps PER/ORG/LOC, turns OTH/MISC spans made of demonyms
// into groups and drops the rest.
func mapOtherSpans(words []string, spans []Span, g *gazetteer.Gazetteer) []Span {
	out := spans[:0]
	for _, s := range spans {
		switch s.Label {
		case labelPER, labelORG, labelLOC:
			out = append(out, s)
		default:
			if allDemonyms(words[s.Start:s.End], g) {
				out = append(out, Span{s.Start, s.End, labelGRP})
			}
		}
	}
	return out
}

func allDemonyms(words []string, g *gazetteer.Gazetteer) bool {
	for _, w := range words {
		if _, ok := g.Demonym(w); !ok {
			return false
		}
	}
	return len(words) > 0
}

// ReadWikigold reads wikigold (IOB1, space separated, -DOCSTART- lines).
func ReadWikigold(shared string, g *gazetteer.Gazetteer) ([]CorpusDoc, error) {
	path := filepath.Join(shared, wikigoldTxt)
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read wikigold: %w", err)
	}
	defer f.Close()
	var docs []CorpusDoc
	var cur Sentence
	var tags []string
	flush := func() {
		if len(cur.Words) == 0 {
			return
		}
		cur.Spans = mapOtherSpans(cur.Words, spansFromIOB(tags, false), g)
		if len(docs) == 0 {
			docs = append(docs, CorpusDoc{ID: "wikigold"})
		}
		docs[len(docs)-1].Sentences = append(docs[len(docs)-1].Sentences, cur)
		cur, tags = Sentence{}, nil
	}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			return nil, fmt.Errorf("read wikigold: bad line %q", line)
		}
		word, tag := line[:i], line[i+1:]
		if word == "-DOCSTART-" {
			flush()
			docs = append(docs, CorpusDoc{ID: fmt.Sprintf("wikigold-%d", len(docs))})
			continue
		}
		cur.Words = append(cur.Words, word)
		tags = append(tags, tag)
	}
	flush()
	return docs, sc.Err()
}

// re3dLabels maps re3d entity types to ours; the others are dropped.
var re3dLabels = map[string]string{"Person": labelPER, "Organisation": labelORG, "Location": labelLOC, "Nationality": labelGRP}

// ReadRe3d reads every re3d source folder. re3d also marks nominal
// mentions ("the country", "defensive positions"): spans without a capital
// letter are dropped and leading and trailing lower-case words trimmed, to match the
// names-only annotation of the other corpora.
func ReadRe3d(shared string) ([]CorpusDoc, error) {
	files, err := filepath.Glob(filepath.Join(shared, re3dDir, "*", "*.conll"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read re3d: no files under %s", filepath.Join(shared, re3dDir))
	}
	sort.Strings(files)
	var docs []CorpusDoc
	for _, path := range files {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read re3d: %w", err)
		}
		doc := CorpusDoc{ID: path}
		var cur Sentence
		var tags []string
		flush := func() {
			if len(cur.Words) == 0 {
				return
			}
			for _, s := range spansFromIOB(tags, true) {
				lab, ok := re3dLabels[s.Label]
				if !ok {
					continue
				}
				for s.Start < s.End && !startsUpper(cur.Words[s.Start]) {
					s.Start++
				}
				// "Islamic State fighters": trailing common nouns too.
				for s.End > s.Start && !startsUpper(cur.Words[s.End-1]) {
					s.End--
				}
				if s.Start < s.End {
					cur.Spans = append(cur.Spans, Span{s.Start, s.End, lab})
				}
			}
			doc.Sentences = append(doc.Sentences, cur)
			cur, tags = Sentence{}, nil
		}
		for _, line := range strings.Split(string(b), "\n") {
			word, tag, ok := strings.Cut(line, "\t")
			if !ok || strings.TrimSpace(line) == "" {
				flush()
				continue
			}
			cur.Words = append(cur.Words, word)
			tags = append(tags, strings.TrimSpace(tag))
			// re3d has no sentence breaks inside a file: split after a full stop.
			if word == "." || word == "!" || word == "?" {
				flush()
			}
		}
		flush()
		docs = append(docs, doc)
	}
	return docs, nil
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// GUMSplit selects GUM documents.
type GUMSplit int

const (
	// GUMTrain is every document outside the standard dev and test lists.
	GUMTrain GUMSplit = iota
	// GUMTest is the standard test list (the held-out split).
	GUMTest
	// GUMDev is the standard dev list.
	GUMDev
)

var gumEntityRe = regexp.MustCompile(`\(([^()]+)\)?|(\d+)\)`)

// gumTypes maps GUM entity types to labels; other types (event, object,
// abstract, time...) are not named-entity types here.
var gumTypes = map[string]string{"person": labelPER, "organization": labelORG, "place": labelLOC}

// ReadGUM reads the GUM CoNLL-U files of one split and converts the
// Wikification-linked mentions (those with an identity) into name spans:
// the run of proper nouns inside the mention, minus nested named mentions
// and leading titles ("President"). See docs/ner.md.
func ReadGUM(shared string, split GUMSplit) ([]CorpusDoc, error) {
	held, err := gum.Splits(shared)
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(shared, gum.Dir, "*.conllu"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("read GUM: no files under %s", filepath.Join(shared, gum.Dir))
	}
	sort.Strings(files)
	var docs []CorpusDoc
	for _, path := range files {
		name := strings.TrimSuffix(filepath.Base(path), ".conllu")
		h := held[name]
		switch {
		case split == GUMTrain && (h == "test" || h == "dev"),
			split == GUMTest && h != "test",
			split == GUMDev && h != "dev":
			continue
		}
		d, err := readGUMFile(path)
		if err != nil {
			return nil, err
		}
		docs = append(docs, d)
	}
	return docs, nil
}

type gumToken struct {
	form, upos string
}

type gumMention struct {
	start, end int // token indices within the sentence, end exclusive
	label      string
	named      bool  // has a Wikipedia identity
	heads      []int // minimal-span token indices (0-based)
}

func readGUMFile(path string) (CorpusDoc, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return CorpusDoc{}, fmt.Errorf("read GUM: %w", err)
	}
	doc := CorpusDoc{ID: strings.TrimSuffix(filepath.Base(path), ".conllu")}
	type openMention struct {
		id    string
		start int
		label string
		named bool
		heads []int
	}
	var open []openMention // mentions may span sentences in rare cases; reset per sentence
	var toks []gumToken
	var mentions []gumMention
	text := ""
	flush := func() {
		if len(toks) == 0 {
			return
		}
		for _, o := range open {
			mentions = append(mentions, gumMention{o.start, len(toks), o.label, o.named, o.heads})
		}
		doc.Sentences = append(doc.Sentences, gumSentence(toks, mentions, text))
		toks, mentions, open, text = nil, nil, nil, ""
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "# text = ") {
			text = strings.TrimPrefix(line, "# text = ")
			continue
		}
		if strings.HasPrefix(line, "#") {
			continue
		}
		if strings.TrimSpace(line) == "" {
			flush()
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 10 || strings.ContainsAny(cols[0], "-.") {
			continue // multi-word token ranges and empty nodes
		}
		idx := len(toks)
		upos := cols[3]
		if cols[4] == "NNP" || cols[4] == "NNPS" {
			upos = "PROPN" // "United" in "United States" is ADJ in UPOS, NNP in PTB
		}
		toks = append(toks, gumToken{form: cols[1], upos: upos})
		var ent string
		for _, kv := range strings.Split(cols[9], "|") {
			if v, ok := strings.CutPrefix(kv, "Entity="); ok {
				ent = v
			}
		}
		for _, m := range gumEntityRe.FindAllStringSubmatch(ent, -1) {
			if m[2] != "" { // "N)" closes mention N
				for j := len(open) - 1; j >= 0; j-- {
					if open[j].id == m[2] {
						mentions = append(mentions, gumMention{open[j].start, idx + 1, open[j].label, open[j].named, open[j].heads})
						open = append(open[:j], open[j+1:]...)
						break
					}
				}
				continue
			}
			f := strings.Split(m[1], "-")
			if len(f) < 2 {
				continue
			}
			label := gumTypes[f[1]]
			named := len(f) >= 8 && strings.Join(f[7:], "-") != ""
			var heads []int
			if len(f) >= 6 {
				for _, id := range strings.Split(f[5], ",") {
					if n, err := strconv.Atoi(id); err == nil && n > 0 {
						heads = append(heads, n-1)
					}
				}
			}
			if strings.HasSuffix(m[0], ")") {
				mentions = append(mentions, gumMention{idx, idx + 1, label, named, heads})
			} else {
				open = append(open, openMention{f[0], idx, label, named, heads})
			}
		}
	}
	flush()
	return doc, nil
}

// gumSentence turns GUM mentions into name spans.
func gumSentence(toks []gumToken, mentions []gumMention, text string) Sentence {
	s := Sentence{Text: text, Words: make([]string, len(toks))}
	for i, t := range toks {
		s.Words[i] = t.form
	}
	// Innermost first, so nested names claim their tokens.
	sort.SliceStable(mentions, func(i, j int) bool {
		return mentions[i].end-mentions[i].start < mentions[j].end-mentions[j].start
	})
	claimed := make([]bool, len(toks))
	for _, m := range mentions {
		if m.label == "" || !(m.named || properHead(toks, m)) {
			continue
		}
		// Longest run of proper nouns (with "of", "the", "&", "'s" between
		// them) among unclaimed tokens.
		bestS, bestE := -1, -1
		for i := m.start; i < m.end; {
			if claimed[i] || toks[i].upos != "PROPN" {
				i++
				continue
			}
			j := i + 1
			last := i + 1
			for j < m.end && !claimed[j] {
				if toks[j].upos == "PROPN" {
					last = j + 1
				} else if !gumJoiner(toks[j]) {
					break
				}
				j++
			}
			if last-i >= bestE-bestS {
				bestS, bestE = i, last
			}
			i = j
		}
		if bestS < 0 {
			continue
		}
		for bestS < bestE && (isTitleWord(toks[bestS].form) || roleNouns[strings.ToLower(toks[bestS].form)]) {
			bestS++
		}
		if bestS >= bestE {
			continue
		}
		overlap := false
		for k := bestS; k < bestE; k++ {
			overlap = overlap || claimed[k]
		}
		if overlap {
			continue
		}
		for k := bestS; k < bestE; k++ {
			claimed[k] = true
		}
		s.Spans = append(s.Spans, Span{bestS, bestE, m.label})
	}
	sort.Slice(s.Spans, func(i, j int) bool { return s.Spans[i].Start < s.Spans[j].Start })
	return s
}

// properHead reports whether a mention's head is a proper noun: people
// without a Wikipedia article (an interviewee, a local official) have no
// identity in GUM but are still names.
func properHead(toks []gumToken, m gumMention) bool {
	for _, h := range m.heads {
		if h >= m.start && h < m.end && h < len(toks) && toks[h].upos == "PROPN" {
			return true
		}
	}
	return false
}

func gumJoiner(t gumToken) bool {
	switch strings.ToLower(t.form) {
	case "of", "the", "&", "and", "'s", "de", "du", "von", "van", "-", "for", "on":
		return t.upos != "PROPN"
	}
	return false
}

// AddDemonymGroups marks capitalised demonyms outside every gold span as
// groups ("Afghan", "Kyrgyz", "Tajiks"): no English corpus here annotates
// them consistently, so the gazetteer supplies the labels and the tagger
// learns their contexts (see docs/ner.md).
func AddDemonymGroups(docs []CorpusDoc, g *gazetteer.Gazetteer) {
	for di := range docs {
		for si := range docs[di].Sentences {
			s := &docs[di].Sentences[si]
			covered := make([]bool, len(s.Words))
			for j, sp := range s.Spans {
				// A lone demonym annotated as a person or place ("Hispanic",
				// "Asian" in GUM) is a group, as the tagger will say.
				if sp.End-sp.Start == 1 && startsUpper(s.Words[sp.Start]) {
					if _, ok := g.Demonym(s.Words[sp.Start]); ok {
						s.Spans[j].Label = labelGRP
					}
				}
				for k := sp.Start; k < sp.End; k++ {
					covered[k] = true
				}
			}
			added := false
			for i, w := range s.Words {
				if covered[i] || !startsUpper(w) {
					continue
				}
				if _, ok := g.Demonym(w); ok {
					s.Spans = append(s.Spans, Span{i, i + 1, labelGRP})
					added = true
				}
			}
			if added {
				sort.Slice(s.Spans, func(i, j int) bool { return s.Spans[i].Start < s.Spans[j].Start })
			}
		}
	}
}
