// Package stories resolves which documents report the same story: one event
// and its aftermath. It is document-level event coreference, so it sits
// under resolve/, and runs on per-document annotations (mentions, dates)
// before the cross-document stages, which then work one story at a time.
//
// In: one annotated document at a time. Out: the story it joins, or a new
// story. Each document becomes a Profile (weighted features in four
// channels: title and lead terms, names, places, dates); each story keeps
// the sum of its documents' profiles, so adding a document never re-reads
// another document's text. Candidate stories are found through an inverted
// index over the document's rarest features, so the cost of one addition
// grows with the number of stories that share a rare word or name with it,
// not with the size of the store.
package stories

import (
	"math"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/lang"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/namematch"
)

// Channel is one kind of feature. Channels are compared separately and
// their similarities weighted, since a shared surname says more about the
// event than a shared verb, and a different year says the most of all.
type Channel int

const (
	Terms   Channel = iota // stemmed words of the title, lead and body
	Names                  // people, organisations and groups, by name key
	Places                 // places, by name key
	Dates                  // months and days the document reports
	Lead                   // stemmed words of the title and lead alone
	Numbers                // numbers as written: tolls, magnitudes, ages, sums
	numChannels
)

var channelNames = [numChannels]string{"terms", "names", "places", "dates", "lead", "numbers"}

func (c Channel) String() string { return channelNames[c] }

// Profile is the features of one document, or the sum of a story's
// documents. Values are weights: a dampened count, more for the title.
type Profile struct {
	Features [numChannels]map[string]float64 `json:"features"`
	// Years counts the documents of each reference year (publication date,
	// or the one inferred from the text): two events of the same kind
	// years apart are different stories.
	Years map[int]int `json:"years,omitempty"`
	// Written counts the documents of each year the text itself points to:
	// the reference year when there is one, else the latest year the text
	// writes ("the 2004 tsunami", "in March 2013"). Most pages carry no
	// date; the years they write still tell last year's quake from this
	// one's, softly, since a report may write only a past year.
	Written map[int]int `json:"written,omitempty"`
	// Docs is how many documents were summed.
	Docs int `json:"docs"`
}

// NewProfile returns an empty profile.
func NewProfile() *Profile {
	p := &Profile{Years: map[int]int{}, Written: map[int]int{}}
	for c := range p.Features {
		p.Features[c] = map[string]float64{}
	}
	return p
}

// Add sums q into p.
func (p *Profile) Add(q *Profile) { p.combine(q, 1) }

// Subtract takes q, added earlier, out of p.
func (p *Profile) Subtract(q *Profile) { p.combine(q, -1) }

func (p *Profile) combine(q *Profile, sign float64) {
	for c := range p.Features {
		if p.Features[c] == nil {
			p.Features[c] = map[string]float64{}
		}
		for f, w := range q.Features[c] {
			v := p.Features[c][f] + sign*w
			if v <= 1e-9 {
				delete(p.Features[c], f)
			} else {
				p.Features[c][f] = v
			}
		}
	}
	p.Years = addCounts(p.Years, q.Years, int(sign))
	p.Written = addCounts(p.Written, q.Written, int(sign))
	p.Docs += int(sign) * q.Docs
}

// addCounts adds sign times q's counts to p (nil: a new map) and returns
// p, dropping counts that fall to zero.
func addCounts(p, q map[int]int, sign int) map[int]int {
	if p == nil {
		p = map[int]int{}
	}
	for k, n := range q {
		p[k] += sign * n
		if p[k] <= 0 {
			delete(p, k)
		}
	}
	return p
}

// Weights of a term by where it stands: the title names the event, the
// lead says who, what, where and when, the body adds the aftermath.
const (
	titleWeight = 3
	leadWeight  = 2
	bodyWeight  = 1
	// leadSentences is how many sentences after the title count as lead.
	leadSentences = 3
)

// Extract builds a document's profile from its annotations: the text and
// sentences, the tagger's mentions and the normalised dates.
func Extract(a *model.Annotated) *Profile {
	p := NewProfile()
	p.Docs = 1
	doc := a.Doc
	terms, lead, numbers := map[string]float64{}, map[string]float64{}, map[string]float64{}
	addText := func(text string, weight float64) {
		for _, t := range tokenize.Tokens(text) {
			if w := term(t); w != "" {
				terms[w] += weight
				if weight > bodyWeight {
					lead[w]++
				}
			} else if t.Kind == model.TokenNumber && len(t.Text) > 1 {
				numbers[t.Text]++
			}
		}
	}
	sents := doc.Sentences
	if len(sents) == 0 {
		sents = tokenize.Sentences(doc.Text)
	}
	first := 0
	if doc.Title != nil && strings.TrimSpace(*doc.Title) != "" {
		addText(*doc.Title, titleWeight)
		if len(sents) > 0 && strings.TrimSpace(doc.Text[sents[0].Start:sents[0].End]) == strings.TrimSpace(*doc.Title) {
			first = 1 // the title opens the text too; count it once
		}
	} else if len(sents) > 0 {
		addText(doc.Text[sents[0].Start:sents[0].End], titleWeight)
		first = 1
	}
	for i := first; i < len(sents); i++ {
		w := float64(bodyWeight)
		if i < first+leadSentences {
			w = leadWeight
		}
		addText(doc.Text[sents[i].Start:sents[i].End], w)
	}
	dampen(terms, p.Features[Terms])
	dampen(lead, p.Features[Lead])
	dampen(numbers, p.Features[Numbers])

	names, places := map[string]float64{}, map[string]float64{}
	for _, m := range a.Mentions {
		for _, k := range nameKeys(m) {
			if m.Type == model.Place {
				places[k]++
			} else {
				names[k]++
			}
		}
	}
	dampen(names, p.Features[Names])
	dampen(places, p.Features[Places])

	dates := map[string]float64{}
	latest := 0
	for _, t := range a.Timexes {
		for _, k := range dateKeys(t.Value) {
			dates[k]++
		}
		if y, ok := year(t.Value); ok && y > latest {
			latest = y
		}
	}
	if ref := a.Reference.Date; ref != "" {
		for _, k := range dateKeys(ref) {
			dates[k]++
		}
		if y, ok := year(ref); ok {
			p.Years[y] = 1
			latest = y
		}
	}
	if latest > 0 {
		p.Written[latest] = 1
	}
	dampen(dates, p.Features[Dates])
	return p
}

// dampen writes 1+ln(count) for each count, so a word said ten times
// weighs about three times one said once, not ten.
func dampen(counts, into map[string]float64) {
	for k, n := range counts {
		if n > 0 {
			into[k] = 1 + math.Log(n)
		}
	}
}

// term folds a word token to the form compared: lower case, stemmed by
// its script's Snowball stemmer; "" for numbers, punctuation and words of
// fewer than three letters. Function words are kept: they are in nearly
// every document, so their weight is near zero anyway.
func term(t model.Token) string {
	if t.Kind != model.TokenWord {
		return ""
	}
	letters := 0
	for _, r := range t.Text {
		if unicode.IsLetter(r) {
			letters++
		}
	}
	if letters < 3 {
		return ""
	}
	return lang.Stem(t.Text)
}

// nameKeys gives a mention's keys: the whole name's skeleton key, and for
// a person also the surname's, so "Warren Jeffs" and "Jeffs" meet.
func nameKeys(m model.Mention) []string {
	parts := namematch.Parts(m.Text)
	if len(parts) == 0 {
		return nil
	}
	keys := make([]string, len(parts))
	for i, p := range parts {
		keys[i] = p.Key
	}
	full := strings.Join(keys, " ")
	if full == "" {
		return nil
	}
	out := []string{full}
	if m.Type == model.Person && len(parts) > 1 {
		if last := parts[len(parts)-1]; !last.Initial && last.Key != "" {
			out = append(out, last.Key)
		}
	}
	return out
}

// dateKeys turns an ISO value into the month and the day it names: the
// month with its year ("2011-08") when the year is known, and the day of
// the year ("08-09") whether or not it is, so a report that writes "August
// 9" with no year meets one that writes "9 August 2011"; and the full day
// ("2011-08-09"). A bare year or a week gives nothing, being too coarse to
// tell two events apart and too easily a year in the past; an unknown month
// ("XXXX-XX-XX", a weekday with no date to count from) gives nothing.
func dateKeys(v string) []string {
	if i := strings.IndexAny(v, "/T"); i >= 0 {
		v = v[:i]
	}
	if len(v) < 7 || v[4] != '-' || !digits(v[5:7]) {
		return nil
	}
	var keys []string
	known := digits(v[:4])
	if known {
		keys = append(keys, v[:7])
	}
	if len(v) >= 10 && v[7] == '-' && digits(v[8:10]) {
		keys = append(keys, v[5:10])
		if known {
			keys = append(keys, v[:10])
		}
	}
	return keys
}

// isDayKey reports whether a date key is a day of the year without its
// year ("08-09").
func isDayKey(k string) bool { return len(k) == 5 && k[2] == '-' }

// digits reports whether s is all ASCII digits.
func digits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// year reads the year of an ISO date.
func year(v string) (int, bool) {
	if len(v) < 4 {
		return 0, false
	}
	y := 0
	for _, r := range v[:4] {
		if r < '0' || r > '9' {
			return 0, false
		}
		y = y*10 + int(r-'0')
	}
	return y, true
}
