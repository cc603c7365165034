package eval

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// scoreBoilerplateFacts runs the fact pipeline over the check set, one
// story per event (the pages' kind and country), and counts the facts one
// of whose values lies in a line annotated as boilerplate: the error the
// issue names ("boilerplate sentences left that produce a fact"). each
// scores page i into its reports.
func scoreBoilerplateFacts(ctx context.Context, opts Options, docs []*model.Document, pages []pageExpect, raws []string, each func(i int, score func(rep *SetReport, opts Options))) error {
	stories := map[string][]int{}
	var keys []string
	for i, p := range pages {
		k := p.Kind + "/" + p.Country
		if stories[k] == nil {
			keys = append(keys, k)
		}
		stories[k] = append(stories[k], i)
	}
	sort.Strings(keys)
	for i := range pages {
		each(i, func(rep *SetReport, _ Options) { rep.FactsMeasured = true })
	}
	for _, k := range keys {
		members := stories[k]
		byID := map[string]int{}
		copies := make([]*model.Document, len(members))
		for n, i := range members {
			c := *docs[i]
			c.DuplicateOf = nil // the pipeline marks reprints itself
			copies[n] = &c
			byID[c.ID] = i
		}
		facts, err := opts.Analyze(ctx, "check-"+k, copies)
		if err != nil {
			return fmt.Errorf("eval clean: facts of %s: %w", k, err)
		}
		ranges := map[int][]model.Range{}
		for _, i := range members {
			ranges[i] = boilerplateRanges(pages[i], raws[i], docs[i].Text)
		}
		for _, f := range facts {
			fromBoilerplate := map[int]bool{}
			counted := map[*SetReport]bool{}
			for _, v := range f.Values {
				i, ok := byID[v.Doc]
				if !ok {
					continue
				}
				inBoilerplate := false
				for _, r := range ranges[i] {
					if v.Start < r.End && r.Start < v.End {
						inBoilerplate = true
					}
				}
				each(i, func(rep *SetReport, opts Options) {
					rep.FactValues++
					if inBoilerplate {
						rep.BoilerplateValues++
						opts.miss("%s: fact from boilerplate: %s %s = %q (%s) in %q", pages[i].URL, f.Attribute, f.Status, v.Text, f.ID, sentenceOf(docs[i].Text, v))
					}
				})
				if inBoilerplate {
					fromBoilerplate[i] = true
				}
			}
			// A fact counts once in each report one of its pages is scored
			// in, as from boilerplate there when one of those pages gave it
			// a value from boilerplate.
			seen := map[*SetReport]bool{}
			for _, v := range f.Values {
				i, ok := byID[v.Doc]
				if !ok {
					continue
				}
				bad := fromBoilerplate[i]
				each(i, func(rep *SetReport, _ Options) {
					if !seen[rep] {
						seen[rep] = true
						rep.Facts++
					}
					if bad && !counted[rep] {
						counted[rep] = true
						rep.BoilerplateFacts++
					}
				})
			}
		}
	}
	return nil
}

func sentenceOf(text string, v model.FactValue) string {
	if v.Sentence.Start >= 0 && v.Sentence.End <= len(text) && v.Sentence.Start < v.Sentence.End {
		return text[v.Sentence.Start:v.Sentence.End]
	}
	return v.Text
}

// boilerplateRanges returns where the page's annotated boilerplate lines
// stand in the cleaned text: cleaned lines that are one of them, and
// occurrences of one inside a longer cleaned line (a line glued to
// another).
func boilerplateRanges(p pageExpect, raw, cleaned string) []model.Range {
	want := map[string]bool{}
	for _, h := range p.Boilerplate {
		want[h] = true
	}
	if len(want) == 0 {
		return nil
	}
	var lines []string
	for _, l := range strings.Split(raw, "\n") {
		l = strings.TrimSpace(l)
		if want[lineHash(strings.Join(strings.Fields(l), " "))] {
			lines = append(lines, l)
		}
	}
	var out []model.Range
	at := 0
	for _, l := range strings.SplitAfter(cleaned, "\n") {
		start, end := at, at+len(l)
		at = end
		norm := strings.Join(strings.Fields(l), " ")
		if norm == "" {
			continue
		}
		if want[lineHash(norm)] {
			out = append(out, model.Range{Start: start, End: end})
			continue
		}
		for _, b := range lines {
			if len(strings.Fields(b)) < 4 {
				continue // a short line inside another is a word, not the line
			}
			if i := strings.Index(l, b); i >= 0 {
				out = append(out, model.Range{Start: start + i, End: start + i + len(b)})
			}
		}
	}
	return out
}
