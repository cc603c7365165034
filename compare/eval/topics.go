package eval

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/parallaxnews/parallax/compare"
	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/internal/ecbplus"
	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// TopicCounts are the verdicts of one ECB+ topic analysed as a new user
// would: its documents given to `analyze` at once, clustered into
// stories, each story compared. ECB+ has no fact gold; these are the
// checks a false verdict fails without one. The two sub-topics of a topic
// ("N_Mecb" and "N_Mecbplus" files) report two different real events of
// one kind (two earthquakes, two arrests), so a verdict whose values come
// from documents of both sub-topics is certainly about two events.
type TopicCounts struct {
	Topic   string `json:"topic"`
	Docs    int    `json:"docs"`
	Stories int    `json:"stories"`
	// MixedStories counts stories holding documents of both sub-topics.
	MixedStories int           `json:"mixed_stories"`
	Facts        int           `json:"facts"`
	Agreed       int           `json:"agreed"`
	Related      int           `json:"related"`
	Disputed     VerdictCounts `json:"disputed"`
	Changed      VerdictCounts `json:"changed"`
}

// VerdictCounts describe the facts given one verdict.
type VerdictCounts struct {
	N int `json:"n"`
	// CrossEvent counts those whose values come from documents of both
	// sub-topics: false verdicts for certain.
	CrossEvent int `json:"cross_event"`
	// NoFrame and NoSubject count those keyed on no frame (a word near
	// the value) and about no subject entity.
	NoFrame   int `json:"no_frame"`
	NoSubject int `json:"no_subject"`
}

func (v *VerdictCounts) add(o VerdictCounts) {
	v.N += o.N
	v.CrossEvent += o.CrossEvent
	v.NoFrame += o.NoFrame
	v.NoSubject += o.NoSubject
}

// TopicFigures are the counts of every topic and their total.
type TopicFigures struct {
	Topics        []TopicCounts `json:"topics"`
	Total         TopicCounts   `json:"total"`
	DocsPerSecond float64       `json:"docs_per_second,omitempty"`
	// Examples are the disputed and changed facts, one line each (text
	// output with -v only).
	Examples []string `json:"-"`
}

// ScoreTopics analyses each ECB+ topic as one folder a new user gives
// `analyze` (documents rebuilt as running text, a fresh database per
// topic, story clustering on) and counts its verdicts.
func ScoreTopics(ctx context.Context, dir string, topics []int, opts compare.Options) (TopicFigures, error) {
	edocs, err := ecbplus.ReadTopics(dir, topics)
	if err != nil {
		return TopicFigures{}, fmt.Errorf("eval facts: %w", err)
	}
	byTopic := map[int][]*ecbplus.Document{}
	for _, ed := range edocs {
		byTopic[ed.Topic] = append(byTopic[ed.Topic], ed)
	}
	tmp, err := os.MkdirTemp("", "parallax-ecb-topics-")
	if err != nil {
		return TopicFigures{}, fmt.Errorf("eval facts: %w", err)
	}
	defer os.RemoveAll(tmp)
	p, err := pipeline.New(pipeline.Options{Workers: 1, Compare: opts})
	if err != nil {
		return TopicFigures{}, fmt.Errorf("eval facts: %w", err)
	}
	var out TopicFigures
	out.Total.Topic = "all"
	start := time.Now()
	for _, t := range topics {
		docs := byTopic[t]
		if len(docs) == 0 {
			continue
		}
		tc, examples, err := scoreTopic(ctx, p, filepath.Join(tmp, fmt.Sprintf("%d.db", t)), t, docs)
		if err != nil {
			return TopicFigures{}, err
		}
		out.Topics = append(out.Topics, tc)
		out.Examples = append(out.Examples, examples...)
		out.Total.Docs += tc.Docs
		out.Total.Stories += tc.Stories
		out.Total.MixedStories += tc.MixedStories
		out.Total.Facts += tc.Facts
		out.Total.Agreed += tc.Agreed
		out.Total.Related += tc.Related
		out.Total.Disputed.add(tc.Disputed)
		out.Total.Changed.add(tc.Changed)
	}
	if secs := time.Since(start).Seconds(); secs > 0 {
		out.DocsPerSecond = float64(out.Total.Docs) / secs
	}
	return out, nil
}

// scoreTopic analyses one topic's documents into the database at path.
func scoreTopic(ctx context.Context, p *pipeline.Pipeline, path string, topic int, docs []*ecbplus.Document) (TopicCounts, []string, error) {
	st, err := sqlite.Open(ctx, path)
	if err != nil {
		return TopicCounts{}, nil, fmt.Errorf("eval facts: %w", err)
	}
	defer st.Close()
	subtopicOf := map[string]string{} // input source → "ecb" / "ecbplus"
	inputs := make([]ingest.Input, 0, len(docs))
	for _, ed := range docs {
		text, _, _ := ed.Detokenized()
		src := ed.Name + ".txt"
		subtopicOf[src] = ed.Subtopic
		inputs = append(inputs, ingest.Input{Source: src, Format: ingest.FormatText, Raw: []byte(text)})
	}
	res, err := p.AnalyzeInputs(ctx, st, inputs, "")
	if err != nil {
		return TopicCounts{}, nil, fmt.Errorf("eval facts: topic %d: %w", topic, err)
	}
	tc := TopicCounts{Topic: fmt.Sprint(topic), Docs: len(docs), Stories: len(res.Stories)}
	var examples []string
	for _, an := range res.Stories {
		d := an.Dossier
		docSub := map[string]string{}
		subs := map[string]bool{}
		for _, doc := range d.Documents {
			docSub[doc.ID] = subtopicOf[doc.Source]
			subs[subtopicOf[doc.Source]] = true
		}
		if len(subs) > 1 {
			tc.MixedStories++
		}
		for _, f := range d.Facts {
			tc.Facts++
			var v *VerdictCounts
			switch f.Status {
			case model.Agreed:
				tc.Agreed++
			case model.Related:
				tc.Related++
			case model.Disputed:
				v = &tc.Disputed
			case model.Changed:
				v = &tc.Changed
			}
			if v == nil {
				continue
			}
			v.N++
			fs := map[string]bool{}
			for _, fv := range f.Values {
				fs[docSub[fv.Doc]] = true
			}
			cross := len(fs) > 1
			if cross {
				v.CrossEvent++
			}
			if f.Frame == "" {
				v.NoFrame++
			}
			if f.Subject == "" {
				v.NoSubject++
			}
			mark := ""
			if cross {
				mark = " [both sub-topics]"
			}
			examples = append(examples, fmt.Sprintf("topic %d, %s%s, %s: %s — %s", topic, f.Status, mark, factTitle(f), valuesLine(f), f.Reason))
		}
	}
	return tc, examples, nil
}

// RunTopics prints ScoreTopics' counts, as JSON when asJSON is set.
func RunTopics(ctx context.Context, w io.Writer, dir string, topics []int, asJSON, details bool, opts compare.Options) error {
	fig, err := ScoreTopics(ctx, dir, topics, opts)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(fig)
	}
	fmt.Fprintf(w, "ECB+ topics %s, each analysed as one folder (story clustering on): %d documents, %d stories (%d mixing the two sub-topics' events)\n",
		joinInts(topics), fig.Total.Docs, fig.Total.Stories, fig.Total.MixedStories)
	for _, tc := range append(fig.Topics, fig.Total) {
		fmt.Fprintf(w, "  topic %-3s %3d docs %2d stories: %3d facts, %3d agreed, %3d related; %s; %s\n",
			tc.Topic, tc.Docs, tc.Stories, tc.Facts, tc.Agreed, tc.Related, verdictLine("disputed", tc.Disputed), verdictLine("changed", tc.Changed))
	}
	fmt.Fprintf(w, "  (%.1f docs/s, all stages and clustering)\n", fig.DocsPerSecond)
	if details {
		sort.Strings(fig.Examples)
		for _, e := range fig.Examples {
			fmt.Fprintf(w, "  %s\n", e)
		}
	}
	return nil
}

func verdictLine(name string, v VerdictCounts) string {
	return fmt.Sprintf("%d %s (%d across sub-topics, %d no frame, %d no subject)", v.N, name, v.CrossEvent, v.NoFrame, v.NoSubject)
}
