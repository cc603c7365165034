package quotes

import (
	"strings"
	"unicode/utf8"
)

// dashSpeech handles direct speech introduced by a dash at the start of a
// paragraph, the Russian convention: "— Мы не знаем, где он, — говорит его
// жена. — Продолжение." Paragraphs already read as an interview are skipped.
func (x *extractor) dashSpeech() {
	taken := map[int]bool{}
	for _, d := range x.drafts {
		if d.interview {
			taken[d.para] = true
		}
	}
	w := x.words
	for pi, p := range x.paras {
		if taken[pi] {
			continue
		}
		r, size := utf8.DecodeRuneInString(x.text[p.Start:])
		if r != '—' && r != '–' {
			continue
		}
		start := p.Start + size
		lo, hi := wordAt(w, start), wordAt(w, p.End)
		// The first inner dash preceded by , . ! ? … and followed by a cue.
		for k := lo; k < hi; k++ {
			if !isDashWord(w[k]) || k == lo || k+1 >= hi || !w[k+1].isWord || !x.lx.cueVerbs[w[k+1].lower] {
				continue
			}
			prev := w[k-1].text
			if prev != "," && prev != "." && prev != "!" && prev != "?" && prev != "…" {
				continue
			}
			cue := k + 1
			s, e := trimStatement(x.text, start, w[k-1].end, true)
			if strings.HasSuffix(x.text[s:w[k-1].end], "?") || strings.HasSuffix(x.text[s:w[k-1].end], "!") {
				e = w[k-1].end
			}
			// The attribution ends at the sentence end or at the dash that
			// resumes the speech.
			end := cue + 1
			for end < hi && !(w[end].text == "." || w[end].text == "!" || w[end].text == "?" || isDashWord(w[end])) {
				end++
			}
			sp := x.npAfter(cue+1, end)
			if !sp.valid() || e <= s {
				break
			}
			d := &draft{start: s, end: e, direct: true, cue: w[cue].lower, cueStart: w[cue].start, cueEnd: w[cue].end,
				spk: sp, fromNext: -1, sameAs: -1, para: pi, openMark: p.Start, afterMark: w[k-1].end}
			d.attr0, d.attr1 = w[k].start, w[min(end, hi-1)].end
			x.drafts = append(x.drafts, d)
			// "— сказал он. — Продолжение": the speech resumes after a dash.
			for m := end; m < hi; m++ {
				if isDashWord(w[m]) && m > 0 && (w[m-1].text == "." || w[m-1].text == ",") && m+1 < hi {
					s2, e2 := trimStatement(x.text, w[m].end, p.End, true)
					if e2 > s2 {
						c := &draft{start: s2, end: e2, direct: true, cue: d.cue, cueStart: -1, fromNext: -1,
							sameAs: len(x.drafts) - 1, para: pi, openMark: w[m].start, afterMark: p.End}
						x.drafts = append(x.drafts, c)
					}
					break
				}
			}
			break
		}
	}
}
