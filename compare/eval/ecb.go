package eval

import (
	"context"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/model"
)

// RunECB compares the documents of each ECB+ sub-topic (the documents
// about one seminal event) and prints how many fact groups of each status
// it finds, with examples. ECB+ has no fact gold, so these are counts to
// read, not scores.
func RunECB(ctx context.Context, w io.Writer, an *Analyzer, dir string, topics []int, opts Options) error {
	edocs, err := ecbplus.ReadTopics(dir, topics)
	if err != nil {
		return fmt.Errorf("eval facts: %w", err)
	}
	groups := map[string][]*model.Document{}
	var keys []string
	for _, ed := range edocs {
		k := fmt.Sprintf("%d%s", ed.Topic, ed.Subtopic)
		if _, ok := groups[k]; !ok {
			keys = append(keys, k)
		}
		groups[k] = append(groups[k], ECBDocument(ed))
	}
	sort.Strings(keys)
	count := map[model.Status]int{}
	multi := 0
	var examples []string
	start := time.Now()
	var bytes int64
	docsN := 0
	for _, k := range keys {
		docs := groups[k]
		for _, d := range docs {
			bytes += int64(len(d.Text))
		}
		docsN += len(docs)
		d, err := an.Analyze(ctx, docs)
		if err != nil {
			return err
		}
		facts := d.Facts
		shown := map[model.Status]int{}
		for _, f := range facts {
			count[f.Status]++
			if f.Status != model.SingleSource {
				multi++
			}
			if f.Status != model.SingleSource && shown[f.Status] < 1 && len(examples) < 24 {
				shown[f.Status]++
				examples = append(examples, fmt.Sprintf("topic %s, %s, %s: %s", k, f.Status, factTitle(f), valuesLine(f)))
			}
		}
	}
	el := time.Since(start).Seconds()
	fmt.Fprintf(w, "ECB+ topics %s: %d sub-topics, %d documents; fact groups: %d disputed, %d changed, %d agreed, %d single-source (%.1f docs/s all stages)\n",
		joinInts(topics), len(keys), docsN, count[model.Disputed], count[model.Changed], count[model.Agreed], count[model.SingleSource], float64(docsN)/el)
	n := len(examples)
	if !opts.Details {
		n = min(n, 8)
	}
	for _, e := range examples[:n] {
		fmt.Fprintf(w, "  %s\n", e)
	}
	return nil
}

func factTitle(f model.Fact) string {
	if f.SubjectName != "" {
		return f.SubjectName + " " + f.Attribute
	}
	return f.Attribute
}

func valuesLine(f model.Fact) string {
	var parts []string
	seen := map[string]bool{}
	for _, v := range f.Values {
		s := strings.Join(strings.Fields(v.Text), " ")
		if v.Polarity == "negated" {
			s = "not " + s
		}
		if !seen[s] {
			seen[s] = true
			parts = append(parts, fmt.Sprintf("%q", s))
		}
		if len(parts) == 4 {
			break
		}
	}
	return strings.Join(parts, " vs ")
}

// ECBDocument rebuilds plain text from an ECB+ document's tokens: one
// paragraph per sentence (the title is sentence 0), spaces between tokens
// except before closing punctuation and after opening brackets.
func ECBDocument(ed *ecbplus.Document) *model.Document {
	text, _, _ := ed.Join(func(i int) bool {
		return noSpaceBefore(ed.Tokens[i].Text) || noSpaceAfter(ed.Tokens[i-1].Text)
	})
	return &model.Document{ID: model.DocumentID([]byte(ed.Name + "\x00" + text)), Source: ed.Name, Format: "text", Text: text}
}

func noSpaceBefore(t string) bool {
	switch t {
	case ".", ",", ":", ";", "!", "?", ")", "]", "'s", "n't", "'", "%", "'re", "'ve", "'ll", "'d", "'m":
		return true
	}
	return false
}

func noSpaceAfter(t string) bool { return t == "(" || t == "[" || t == "$" }
