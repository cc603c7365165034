package quotes

import (
	"fmt"
	"sort"
	"strings"
	"sync"

	"github.com/parallaxnews/parallax/annotate/gazetteer"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// loadGazetteer loads the embedded name lists once; without them gender
// guesses fall back to surname endings and role words.
var loadGazetteer = sync.OnceValue(func() *gazetteer.Gazetteer {
	g, err := gazetteer.Load()
	if err != nil {
		return nil
	}
	return g
})

// draft is a statement being built.
type draft struct {
	start, end int
	direct     bool
	cue        string
	cueStart   int // -1 when there is no cue word
	cueEnd     int
	spk        phrase
	useSubject bool // the speaker is the subject of the sentence at subjAt
	subjAt     int
	attr0      int // attribution region, for channel and date
	attr1      int
	interview  bool
	inherit    bool // take the speaker of the preceding statement
	fromNext   int  // index of the following draft this one shares a speaker with, or -1
	sameAs     int  // index of an earlier draft whose speaker this one shares, or -1
	openMark   int  // direct quotes: offset of the opening mark
	afterMark  int  // direct quotes: offset just past the closing mark
	para       int

	addr    phrase // addressee ("told the judge"), when the text names one
	hasAddr bool

	// Resolved.
	kind    speakerKind
	spkText [2]int
	hasSpk  bool
	ref     [2]int
	hasRef  bool
	order   int
	channel string
	date    string
	dateSet bool
}

type extractor struct {
	doc      *model.Document
	text     string
	words    []word
	sents    []model.Range // the document's sentences (annotate/tokenize)
	paras    []model.Range
	mentions []model.Mention
	// longestMention bounds how far before an offset a mention covering it
	// can start, for mentionsFrom.
	longestMention int
	timexes        []model.Timex
	ref            model.Reference
	gaz            *gazetteer.Gazetteer
	lx             *lexicon
	persons        []person
	// spoke is, per last name, the order of the latest statement
	// attributed to that name (see markSpeaker and speakerOf).
	spoke map[string]int
	// orgsWith lists, per role noun, the organisations whose name holds
	// it (see lastOrgWith).
	orgsWith map[string][][2]int
	// timexByStart orders timexes by start (see timexesFrom).
	timexByStart   []int
	timexMalformed bool
	drafts         []*draft
	// Indexes built on first use.
	directIdx [][2]int        // contents of direct quotes, sorted
	runs      [][2]int        // capitalised name runs of the whole text
	midCaps   map[string]bool // words seen capitalised mid-sentence
}

// Extract finds the statements of doc and their speakers. toks are the
// document's tokens and doc.Sentences its sentences, as annotate/tokenize
// made them once for every stage; when toks is nil both are made here by
// the same tokeniser. mentions are the document's named mentions (may be
// empty), timexes its temporal expressions (may be empty), ref its
// reference date. Quote.Speaker is left nil for cross-document resolution
// to fill from SpeakerRef.
func Extract(doc *model.Document, toks []model.Token, mentions []model.Mention, timexes []model.Timex, ref model.Reference) []model.Quote {
	if doc == nil || doc.Text == "" {
		return nil
	}
	x := &extractor{doc: doc, text: doc.Text, ref: ref, gaz: loadGazetteer(), lx: mustLexicon()}
	x.sents = doc.Sentences
	if toks == nil || len(x.sents) == 0 {
		toks, x.sents = tokenize.Split(doc.Text)
	}
	x.paras = paragraphs(doc.Text)
	x.words = wordsOf(toks)
	x.mentions = validMentions(doc.Text, mentions)
	for _, m := range x.mentions {
		x.longestMention = max(x.longestMention, m.End-m.Start)
	}
	x.timexes = timexes
	x.buildPersons()

	covered := x.interviews()
	x.dashSpeech()
	x.directQuotes(covered)
	x.directIdx = nil // rebuilt with the direct quotes on next use
	x.reportedSpeech(nil)
	x.resolve()
	return x.output()
}

// validMentions keeps mentions whose offsets fit the text, sorted.
func validMentions(text string, ms []model.Mention) []model.Mention {
	out := make([]model.Mention, 0, len(ms))
	for _, m := range ms {
		if m.Start < 0 || m.End > len(text) || m.End <= m.Start {
			continue
		}
		out = append(out, m)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// mentionsFrom returns the sorted mentions from the first one that can
// reach offset s: long documents need not be scanned from their start.
func (x *extractor) mentionsFrom(s int) []model.Mention {
	i := sort.Search(len(x.mentions), func(i int) bool { return x.mentions[i].Start >= s-x.longestMention })
	return x.mentions[i:]
}

func (x *extractor) paraOf(off int) int {
	lo, hi := 0, len(x.paras)
	for lo < hi {
		m := (lo + hi) / 2
		if x.paras[m].Start <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo == 0 {
		return 0
	}
	return lo - 1
}

func (x *extractor) sentOf(off int) int {
	i := sentenceIndex(x.sents, off)
	if i < 0 {
		return 0
	}
	return i
}

// sentStart returns the start of the sentence containing off, not before
// the paragraph start.
func (x *extractor) sentStart(off int) int {
	s := 0
	if i := sentenceIndex(x.sents, off); i >= 0 && x.sents[i].Start <= off {
		s = x.sents[i].Start
	}
	if p := x.paras[x.paraOf(off)]; p.Start > s && p.Start <= off {
		s = p.Start
	}
	return s
}

// sentEnd returns the end of the sentence containing off, not past the
// paragraph end.
func (x *extractor) sentEnd(off int) int {
	e := len(x.text)
	if i := sentenceIndex(x.sents, off); i >= 0 && x.sents[i].End > off {
		e = x.sents[i].End
	}
	if p := x.paras[x.paraOf(off)]; p.End < e && p.End >= off {
		e = p.End
	}
	return e
}

func (x *extractor) output() []model.Quote {
	sort.SliceStable(x.drafts, func(i, j int) bool {
		if x.drafts[i].start != x.drafts[j].start {
			return x.drafts[i].start < x.drafts[j].start
		}
		return x.drafts[i].end > x.drafts[j].end
	})
	prefix := x.doc.ID
	if len(prefix) > 12 {
		prefix = prefix[:12]
	}
	out := make([]model.Quote, 0, len(x.drafts))
	seen := map[string]bool{}
	for _, d := range x.drafts {
		if d.end <= d.start {
			continue
		}
		kind := "i"
		if d.direct {
			kind = "d"
		}
		id := fmt.Sprintf("%s-q%d%s", prefix, d.start, kind)
		if seen[id] {
			continue
		}
		seen[id] = true
		q := model.Quote{
			ID:      id,
			Span:    model.SpanOf(x.doc.ID, x.text, d.start, d.end),
			Cue:     d.cue,
			Direct:  d.direct,
			Channel: d.channel,
		}
		if d.hasSpk {
			sp := model.SpanOf(x.doc.ID, x.text, d.spkText[0], d.spkText[1])
			q.SpeakerText = sp.Text
			q.SpeakerSpan = &sp
		}
		if d.hasRef {
			r := model.SpanOf(x.doc.ID, x.text, d.ref[0], d.ref[1])
			q.SpeakerRef = &r
		}
		if d.hasAddr {
			if s, e := trimContent(x.text, d.addr.full0, d.addr.full1); e > s {
				a := model.SpanOf(x.doc.ID, x.text, s, e)
				q.Addressee, q.AddresseeSpan = a.Text, &a
			}
		}
		if d.dateSet {
			v := d.date
			q.Date = &v
		} else if x.ref.Date != "" {
			v := x.ref.Date
			q.Date = &v
		}
		if si := sentenceIndex(x.sents, d.start); si >= 0 {
			q.Sentence = x.sents[si]
		}
		out = append(out, q)
	}
	return out
}

// lowerRegion returns text[s:e] lower-cased, padded with spaces for word
// matching.
func (x *extractor) lowerRegion(s, e int) string {
	if s < 0 {
		s = 0
	}
	if e > len(x.text) {
		e = len(x.text)
	}
	if e <= s {
		return ""
	}
	return " " + strings.ToLower(x.text[s:e]) + " "
}

// addresseeAfter reads whom a cue at word k addresses: the object of
// "told", "informed", "assured", "asked", or "to X" after "said" (possibly
// after the speaker: "said doctor Ema Suryani to AFP"). from is the word
// where the object may start, hi the limit.
func (x *extractor) addresseeAfter(k, from, hi int) (phrase, bool) {
	w := x.words
	if from >= hi || from >= len(w) {
		return phrase{}, false
	}
	if w[from].isWord && w[from].lower == "to" && !x.lx.objectCues[w[k].lower] {
		from++
	} else if !x.lx.objectCues[w[k].lower] {
		return phrase{}, false
	}
	if from >= hi || !w[from].isWord || x.lx.pronouns[w[from].lower] || w[from].lower == "that" {
		return phrase{}, false
	}
	p := x.npAfter(from, hi)
	if !p.valid() {
		return phrase{}, false
	}
	p.full1 = p.end // the apposition, if any, is not the addressee
	return p, true
}
