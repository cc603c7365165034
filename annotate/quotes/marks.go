package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/parallaxnews/parallax/model"
)

// family groups quote marks that pair with each other.
type family uint8

const (
	famNone   family = iota
	famDouble        // " “ ” „
	famGuil          // « »
	famSingle        // ‘ ’ ' (only at the start of a statement)
)

// segment is one stretch of quoted text between an opening mark and its
// closing mark (or the end of its paragraph).
type segment struct {
	open       int // byte offset of the opening mark
	start, end int // content, without the marks
	after      int // offset just past the closing mark (or end of content)
	closed     bool
	fam        family
	para       int  // paragraph index
	endPara    int  // paragraph where the quote ends (after continuations)
	contPrev   bool // continues the previous segment across a paragraph break
}

func markFamily(r rune) family {
	switch r {
	case '"', '“', '”', '„':
		return famDouble
	case '«', '»':
		return famGuil
	case '‘', '’', '\'', '‚':
		return famSingle
	}
	return famNone
}

// leftIsOpen reports whether the character before off allows an opening
// mark: start of paragraph, white space, an opening bracket or a dash.
func leftIsOpen(text string, off, paraStart int) bool {
	if off <= paraStart {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(text[:off])
	return unicode.IsSpace(r) || r == '(' || r == '[' || isDash(r) || r == '/' || r == '«' || r == '“' || r == '„' || r == '"' && off-1 <= paraStart
}

// rightIsClose reports whether the character after off allows a closing
// mark: white space, end of paragraph, or punctuation.
func rightIsClose(text string, off, paraEnd int) bool {
	if off >= paraEnd {
		return true
	}
	r, _ := utf8.DecodeRuneInString(text[off:])
	if unicode.IsSpace(r) || isDash(r) {
		return true
	}
	switch r {
	case '.', ',', ';', ':', '!', '?', ')', ']', '…', '»', '”', '"', '’':
		return true
	}
	return false
}

// singleOpenContext reports whether a single quote at off may open a
// statement: at the start of a paragraph or after a colon, comma, dash or
// sentence end. Elsewhere single marks are apostrophes or inner quotes.
func singleOpenContext(text string, off, paraStart int) bool {
	i := off
	for i > paraStart {
		r, w := utf8.DecodeLastRuneInString(text[:i])
		if r == ' ' || r == '\t' {
			i -= w
			continue
		}
		switch r {
		case ':', ',', '.', '!', '?', '—', '–':
			return i < off
		}
		return false
	}
	return true
}

// findSegments pairs the quote marks of text, paragraph by paragraph.
func findSegments(text string, paras []model.Range) []segment {
	var segs []segment
	pendingFam := famNone // family of a quote left open at the previous paragraph end
	for pi, p := range paras {
		var cur *segment
		first := true
		for i := p.Start; i < p.End; {
			r, w := utf8.DecodeRuneInString(text[i:])
			fam := markFamily(r)
			if fam == famNone {
				if !unicode.IsSpace(r) {
					first = false
				}
				i += w
				continue
			}
			left := leftIsOpen(text, i, p.Start)
			right := rightIsClose(text, i+w, p.End)
			if cur == nil {
				opens := false
				switch r {
				case '“', '„', '«':
					opens = !right || left
				case '"', '”':
					// Space before and a word after; with no space on
					// either side ("says"at) the mark can only open here.
					opens = left && !right || !left && !right
				case '‘', '\'', '‚':
					opens = left && !right && singleOpenContext(text, i, p.Start)
				}
				if opens {
					segs = append(segs, segment{open: i, start: i + w, fam: fam, para: pi, contPrev: first && pendingFam == fam})
					cur = &segs[len(segs)-1]
				}
				first = false
				i += w
				continue
			}
			first = false
			if fam != cur.fam {
				i += w // an inner quote of another family
				continue
			}
			switch {
			case cur.fam == famGuil:
				if r == '»' {
					closeSeg(cur, i, i+w)
					cur = nil
				}
			case cur.fam == famSingle:
				if (r == '’' || r == '\'') && right && !isLetterBefore(text, i, cur.start) {
					closeSeg(cur, i, i+w)
					cur = nil
				} else if (r == '’' || r == '\'') && right {
					// "workers’ " is ambiguous; a close followed by a comma or
					// full stop is the quote's end.
					if i+w < len(text) && (text[i+w] == ',' || text[i+w] == '.') {
						closeSeg(cur, i, i+w)
						cur = nil
					}
				}
			default: // double
				closes := false
				switch r {
				case '”':
					closes = true
				case '"':
					closes = right || !left
				case '“':
					// “ closes a „ quote, and closes a “ quote when it stands
					// where a closing mark belongs.
					closes = text[cur.open:cur.open+len("„")] == "„" || right && !left
				case '„':
					closes = false
				}
				if closes {
					closeSeg(cur, i, i+w)
					cur = nil
				} else if left && !right && strings.HasSuffix(strings.TrimRight(text[cur.start:i], " "), ",") && (r == '“' || r == '"') {
					// "…decision, “a friend said": a mistyped closing mark.
					closeSeg(cur, i, i+w)
					cur = nil
				} else if left && !right {
					// An opening mark while a quote is open: the previous
					// quote lacked its closing mark (each sentence opened anew).
					cur.end = i
					cur.after = i
					segs = append(segs, segment{open: i, start: i + w, fam: fam, para: pi})
					cur = &segs[len(segs)-1]
				}
			}
			i += w
		}
		pendingFam = famNone
		if cur != nil {
			cur.end = p.End
			cur.after = p.End
			if cur.fam != famSingle || cur.end-cur.start > 0 {
				pendingFam = cur.fam
			}
		}
	}
	// Trim contents and drop empty ones.
	out := segs[:0]
	for _, s := range segs {
		s.start, s.end = trimRange(text, s.start, s.end)
		if s.end <= s.start {
			continue
		}
		s.endPara = s.para
		out = append(out, s)
	}
	return out
}

func closeSeg(s *segment, at, after int) {
	s.end = at
	s.after = after
	s.closed = true
}

func isLetterBefore(text string, off, min int) bool {
	if off <= min || off >= len(text) {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(text[:off])
	// A letter right before the mark and a letter after it: an apostrophe
	// ("didn’t"); a letter s before it may be a plural possessive
	// ("workers’ ").
	_, mw := utf8.DecodeRuneInString(text[off:])
	if off+mw < len(text) {
		n, _ := utf8.DecodeRuneInString(text[off+mw:])
		if unicode.IsLetter(n) && unicode.IsLetter(r) {
			return true
		}
	}
	return r == 's' && off-1 > min && text[off-2] != ' '
}
