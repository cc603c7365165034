package quotes

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// paraLayout is how one paragraph of an interview is marked.
type paraLayout struct {
	label        string // "RFE/RL", "Q", "Kairat Zhumabayev"; "" when none
	labelS       int
	labelE       int
	dash         bool
	contentStart int
	question     bool
}

// layoutOf reads a paragraph's label ("Name: …", "Q: …") or leading dash.
func (x *extractor) layoutOf(pi int) paraLayout {
	p := x.paras[pi]
	t := x.text[p.Start:p.End]
	l := paraLayout{contentStart: p.Start}
	r, w := utf8.DecodeRuneInString(t)
	if r == '—' || r == '–' || r == '-' && len(t) > 1 && t[1] == ' ' {
		l.dash = true
		s, _ := trimRange(x.text, p.Start+w, p.End)
		l.contentStart = s
		l.question = strings.HasSuffix(strings.TrimSpace(t), "?")
		return l
	}
	colon := strings.IndexByte(t, ':')
	if colon <= 0 || colon > 52 || colon+1 >= len(t) {
		return l
	}
	// Bold or italic labels: "**RFE/RL:** …", "*Q:* …".
	raw := t[:colon]
	lead := len(raw) - len(strings.TrimLeft(raw, "*_ "))
	label := strings.Trim(raw, "*_ ")
	if !x.labelLike(label) {
		return l
	}
	l.label = label
	l.labelS = p.Start + lead
	l.labelE = l.labelS + len(label)
	after := p.Start + colon + 1
	for after < p.End && (x.text[after] == '*' || x.text[after] == '_') {
		after++
	}
	s, _ := trimRange(x.text, after, p.End)
	l.contentStart = s
	return l
}

// labelLike reports whether s can be a speaker label: one to five
// capitalised words (or "Q"/"A"), no sentence punctuation, no cue verb.
func (x *extractor) labelLike(s string) bool {
	if s == "" || strings.ContainsAny(s, ",;\"“”«»()!?") {
		return false
	}
	fields := strings.Fields(s)
	if len(fields) > 5 {
		return false
	}
	for _, f := range fields {
		r, _ := utf8.DecodeRuneInString(f)
		lf := strings.ToLower(f)
		if x.lx.cueVerbs[lf] {
			return false
		}
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && lf != "de" && lf != "van" && lf != "al" && lf != "von" {
			return false
		}
	}
	return true
}

// interviews finds interview layouts and adds each answer as a statement of
// the interviewee. It returns the question paragraphs, where quote marks are
// not statements of their own.
func (x *extractor) interviews() [][2]int {
	n := len(x.paras)
	if n < 3 {
		return nil
	}
	lays := make([]paraLayout, n)
	count := map[string]int{}
	questions := map[string]int{}
	dashQ, dashA := 0, 0
	for i := range x.paras {
		lays[i] = x.layoutOf(i)
		l := lays[i]
		if l.label != "" {
			k := strings.ToLower(l.label)
			count[k]++
			if strings.Contains(x.text[l.contentStart:x.paras[i].End], "?") {
				questions[k]++
			}
		}
		if l.dash {
			if l.question {
				dashQ++
			} else {
				dashA++
			}
		}
	}
	// The questioner label: "Q", or a label used at least twice, mostly for
	// questions.
	labels := make([]string, 0, len(count))
	for k := range count {
		labels = append(labels, k)
	}
	sort.Strings(labels)
	questioner := ""
	for _, k := range labels {
		if x.lx.questionLabels[k] {
			questioner = k
			break
		}
	}
	if questioner == "" {
		bestC := 0
		for _, k := range labels {
			c := count[k]
			if c >= 2 && questions[k]*2 >= c && c > bestC && !x.lx.answerLabels[k] {
				questioner, bestC = k, c
			}
		}
	}
	dashMode := questioner == "" && dashQ >= 1 && dashA >= 1
	if questioner == "" && !dashMode {
		return nil
	}
	isQ := func(i int) bool {
		if dashMode {
			return lays[i].dash && lays[i].question
		}
		return strings.ToLower(lays[i].label) == questioner
	}
	firstQ := -1
	for i := range lays {
		if isQ(i) {
			firstQ = i
			break
		}
	}
	if firstQ < 0 {
		return nil
	}
	interviewee, ivDate := x.interviewee(firstQ, questioner)
	// The outlet that asks the questions is the answers' addressee.
	var asker phrase
	if l := lays[firstQ]; l.label != "" && !x.lx.questionLabels[strings.ToLower(l.label)] {
		asker = phrase{start: l.labelS, end: l.labelE, full0: l.labelS, full1: l.labelE}
	}
	var covered [][2]int
	inAnswer := false
	sinceQ := 0
	for i := firstQ; i < n; i++ {
		l := lays[i]
		p := x.paras[i]
		if isQ(i) {
			covered = append(covered, [2]int{p.Start, p.End})
			inAnswer = true
			sinceQ = 0
			continue
		}
		if !inAnswer {
			continue
		}
		sinceQ++
		body := strings.TrimSpace(x.text[l.contentStart:p.End])
		if isSeparator(body) || countWords(x.text, l.contentStart, p.End) < 2 {
			inAnswer = false
			continue
		}
		d := &draft{direct: true, interview: true, cue: "interview", channel: "interview", cueStart: -1, fromNext: -1, sameAs: -1, para: i, openMark: l.contentStart, afterMark: p.End}
		d.start, d.end = trimRange(x.text, l.contentStart, p.End)
		d.attr0, d.attr1 = p.Start, p.Start
		switch {
		case dashMode:
			if !l.dash {
				inAnswer = false
				continue
			}
			x.setInterviewee(d, interviewee)
		case l.label != "" && !x.lx.answerLabels[strings.ToLower(l.label)]:
			// "Name: answer".
			d.hasSpk = true
			d.spkText = [2]int{l.labelS, l.labelE}
			d.kind = kindName
			d.ref, d.hasRef = [2]int{l.labelS, l.labelE}, true
			if m, ok := x.mentionIn(l.labelS, l.labelE, false); ok {
				d.ref = m
			}
		case l.label != "":
			x.setInterviewee(d, interviewee)
		default:
			// Unprefixed answers after a labelled question; after the last
			// question only the paragraphs that read as speech.
			if questioner != "" && (x.lx.questionLabels[questioner] || sinceQ > 4) {
				inAnswer = false
				continue
			}
			if !endsLikeSpeech(body) {
				inAnswer = false
				continue
			}
			x.setInterviewee(d, interviewee)
		}
		if ivDate != "" {
			d.date, d.dateSet = ivDate, true
		}
		if asker.valid() {
			d.addr, d.hasAddr = asker, true
		}
		x.drafts = append(x.drafts, d)
	}
	return covered
}

func isSeparator(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func endsLikeSpeech(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r == '.' || r == '!' || r == '?' || r == '…' || r == '"' || r == '”' || r == '»'
}

// speakerRef is an interviewee found in the intro.
type speakerRef struct {
	ok   bool
	span [2]int
}

func (x *extractor) setInterviewee(d *draft, iv speakerRef) {
	if !iv.ok {
		return
	}
	d.hasSpk, d.kind = true, kindName
	d.spkText = iv.span
	d.ref, d.hasRef = iv.span, true
}

// interviewee finds who answers: the person named in the intro sentence
// that mentions the interview ("X spoke to RFE/RL", "In an interview with
// …, X said"), or the only person named in the intro. It also returns the
// interview date when that sentence gives one.
func (x *extractor) interviewee(firstQ int, questioner string) (speakerRef, string) {
	introEnd := x.paras[firstQ].Start
	for _, sr := range x.sents {
		if sr.Start >= introEnd {
			break
		}
		low := x.lowerRegion(sr.Start, sr.End)
		hit := false
		for c := range x.lx.interviewCues {
			if strings.Contains(low, c) {
				hit = true
				break
			}
		}
		if !hit {
			continue
		}
		date := ""
		for _, t := range x.timexes {
			if t.Start >= sr.Start && t.End <= sr.End {
				date = dateValue(t)
				break
			}
		}
		for _, p := range x.persons {
			if p.start >= sr.Start && p.end <= sr.End && !p.org && !strings.EqualFold(x.text[p.start:p.end], questioner) {
				return speakerRef{true, [2]int{p.start, p.end}}, date
			}
		}
		// A pronoun subject: "She answered our questions by telephone."
		if sub := x.subjectOf(sr.Start); sub.valid() {
			t := strings.ToLower(x.text[sub.start:sub.end])
			if t == "he" || t == "she" {
				if r, ok := x.resolvePronoun(sub.start, t); ok {
					return speakerRef{true, r}, date
				}
			}
		}
	}
	// The only person named in the intro.
	var only *person
	for i := range x.persons {
		p := &x.persons[i]
		if p.start >= introEnd || p.org {
			continue
		}
		if only != nil && only.last != p.last {
			return speakerRef{}, ""
		}
		if only == nil {
			only = p
		}
	}
	if only != nil {
		return speakerRef{true, [2]int{only.start, only.end}}, ""
	}
	return speakerRef{}, ""
}
