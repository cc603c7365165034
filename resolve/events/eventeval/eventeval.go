// Package eventeval measures what the fact comparison stage would get from
// resolve/events on real stories with fact gold (ecbplus-facts): every
// gold value belongs to its story's main event (background events have no
// gold groups), and the values of one gold group are one fact. So a value
// called Background is wrong, two values of one group called Distinct are
// wrongly kept apart, and the share of such pairs that are Same is how
// often event identity alone would let them meet.
//
// In: a folder of story folders, each with articles and gold.json (the
// format of testdata/compare). Out: a Report per story and in total.
package eventeval

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/compare/eval"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/resolve"
	"github.com/parallaxnews/parallax/resolve/events"
)

// Counts are the figures of one story or of all.
type Counts struct {
	Story  string `json:"story"`
	Values int    `json:"values"` // gold values located in their documents
	// Governed values have a trigger in their sentence.
	Governed int `json:"governed"`
	// Background counts values wrongly called background.
	Background int `json:"background"`
	// Pairs are pairs of values of one gold group from two documents,
	// both governed; Distinct of them were wrongly kept apart, Same were
	// put in one event.
	Pairs    int `json:"pairs"`
	Distinct int `json:"distinct"`
	Same     int `json:"same"`
	// MainFound is 1 when the story's main event was found.
	MainFound int `json:"main_found"`
}

func (c *Counts) add(o Counts) {
	c.Values += o.Values
	c.Governed += o.Governed
	c.Background += o.Background
	c.Pairs += o.Pairs
	c.Distinct += o.Distinct
	c.Same += o.Same
	c.MainFound += o.MainFound
}

// Report holds each story's counts and the total.
type Report struct {
	Stories []Counts `json:"stories"`
	Total   Counts   `json:"total"`
}

type gold struct {
	Groups []struct {
		ID     string `json:"id"`
		Values []struct {
			Doc      string `json:"doc"`
			Text     string `json:"text"`
			Sentence string `json:"sentence"`
		} `json:"values"`
	} `json:"groups"`
}

// Run scores every story folder under dir.
func Run(ctx context.Context, dir string, r *events.Resolver, p *pipeline.Pipeline) (*Report, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("eventeval: %w", err)
	}
	rep := &Report{Total: Counts{Story: "total"}}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		c, err := story(ctx, filepath.Join(dir, e.Name()), r, p)
		if err != nil {
			return nil, err
		}
		c.Story = e.Name()
		rep.Stories = append(rep.Stories, c)
		rep.Total.add(c)
	}
	sort.Slice(rep.Stories, func(i, j int) bool { return rep.Stories[i].Story < rep.Stories[j].Story })
	return rep, nil
}

type located struct {
	doc string
	at  model.Range
}

func story(ctx context.Context, dir string, r *events.Resolver, p *pipeline.Pipeline) (Counts, error) {
	var c Counts
	raw, err := os.ReadFile(filepath.Join(dir, "gold.json"))
	if err != nil {
		return c, fmt.Errorf("eventeval: %w", err)
	}
	var g gold
	if err := json.Unmarshal(raw, &g); err != nil {
		return c, fmt.Errorf("eventeval: %s: %w", dir, err)
	}
	docs, fileOf, _, err := eval.ReadStory(ctx, dir)
	if err != nil {
		return c, err
	}
	ann, err := p.Annotate(ctx, docs)
	if err != nil {
		return c, err
	}
	ents, err := resolve.Entities(ctx, ann, resolve.Options{})
	if err != nil {
		return c, err
	}
	res, err := r.Resolve(ctx, ann, ents, events.Options{})
	if err != nil {
		return c, err
	}
	if _, ok := res.Main(); ok {
		c.MainFound = 1
	}
	byFile := map[string]*model.Document{}
	for _, d := range docs {
		byFile[fileOf[d.ID]] = d
	}
	for _, grp := range g.Groups {
		var vals []located
		for _, v := range grp.Values {
			d := byFile[v.Doc]
			if d == nil {
				continue
			}
			s := strings.Index(d.Text, v.Sentence)
			if s < 0 {
				continue
			}
			i := strings.Index(d.Text[s:s+len(v.Sentence)], v.Text)
			if i < 0 {
				continue
			}
			at := model.Range{Start: s + i, End: s + i + len(v.Text)}
			c.Values++
			if _, ok := res.Governing(d.ID, at); !ok {
				continue
			}
			c.Governed++
			if res.Background(d.ID, at) {
				c.Background++
			}
			vals = append(vals, located{d.ID, at})
		}
		for i := range vals {
			for j := i + 1; j < len(vals); j++ {
				if vals[i].doc == vals[j].doc {
					continue
				}
				c.Pairs++
				if res.Distinct(vals[i].doc, vals[i].at, vals[j].doc, vals[j].at) {
					c.Distinct++
				}
				if res.Same(vals[i].doc, vals[i].at, vals[j].doc, vals[j].at) {
					c.Same++
				}
			}
		}
	}
	return c, nil
}
