package pipeline_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/parallaxnews/parallax/ingest"
	"github.com/parallaxnews/parallax/resolve/stories"
)

// floodReports writes n reports of one flood from a template: the words
// of a flood are shared with the other flood, its town, river, people,
// day and numbers are not.
func floodReports(template, town string, n int) []ingest.Input {
	var out []ingest.Input
	for i := 0; i < n; i++ {
		body := fmt.Sprintf(template, 300+7*i, 10+i)
		out = append(out, ingest.Input{Source: fmt.Sprintf("%s-%d.txt", town, i), Format: ingest.FormatText, Raw: []byte(body)})
	}
	return out
}

const (
	varnelFlood = "Flood sweeps Varnel as the Orlik river bursts its banks\n\nVARNEL, April 2, 2019. The Orlik river burst its banks in Varnel on Tuesday, flooding %d homes in the lower town. Mayor Tamsin Grell ordered an evacuation and opened the Saint Brigid school as a shelter. Rescue boats from Kessel reached stranded families; %d people are missing.\n"
	dorskFlood  = "Dam failure floods Dorsk overnight\n\nDORSK, September 11, 2023. A dam above Dorsk on the Teyla gave way overnight and water filled %d streets. Governor Ilya Markan asked the army for help while volunteers of the Halvard Red Cross searched the valley for survivors; %d residents were still unaccounted for on Monday.\n"
)

// A stored story that holds two floods (as streaming makes when the first
// reports of each meet before any third) is clustered again when an
// article joins it: the next run splits it, stores both stories with each
// document in one of them, and analyses both.
func TestAddingAnArticleSplitsAStoryOfTwoEvents(t *testing.T) {
	ctx := context.Background()
	p, st := newPipeline(t)
	varnel := floodReports(varnelFlood, "varnel", 3)
	dorsk := floodReports(dorskFlood, "dorsk", 3)
	first, err := p.AnalyzeInputs(ctx, st, varnel, "")
	if err != nil {
		t.Fatal(err)
	}
	second, err := p.AnalyzeInputs(ctx, st, dorsk[:2], "")
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Stories) != 1 || len(second.Stories) != 1 || first.Story.ID == second.Story.ID {
		t.Fatalf("the floods made stories %v and %v, want one each", first.Stories, second.Stories)
	}
	// Put both floods in one story, as an early streamed merge would, with
	// no user's decision behind it.
	c, err := stories.Load(ctx, st, stories.DefaultOptions())
	if err != nil {
		t.Fatal(err)
	}
	mixed, gone := first.Story.ID, second.Story.ID
	if err := c.Merge(mixed, gone); err != nil {
		t.Fatal(err)
	}
	if err := c.StoreChange(ctx, st, stories.Change{Put: []stories.Stored{c.Snapshot(mixed)}, Delete: []string{gone},
		Decision: stories.Decision{Kind: "test: an early merge"}}); err != nil {
		t.Fatal(err)
	}

	res, err := p.AnalyzeInputs(ctx, st, dorsk[2:], "")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Stories) != 2 {
		t.Fatalf("the run analysed %d stories, want the split story and the one split off", len(res.Stories))
	}
	stored, err := st.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	in := map[string]string{}
	for _, s := range stored {
		for _, d := range s.Documents {
			if prev, ok := in[d]; ok {
				t.Errorf("document %s in stories %s and %s", d, prev, s.ID)
			}
			in[d] = s.ID
		}
		dossier, err := st.StoryDossier(ctx, s.ID)
		if err != nil || len(dossier.Documents) != len(s.Documents) {
			t.Errorf("story %s lists %d documents, its dossier %v (%v)", s.ID, len(s.Documents), dossier, err)
		}
	}
	if len(stored) != 2 || len(in) != 6 {
		t.Fatalf("%d stories holding %d documents, want 2 holding 6", len(stored), len(in))
	}
	varnelDocs := map[string]bool{}
	for _, d := range first.Story.Documents {
		varnelDocs[d] = true
		if in[d] != mixed {
			t.Errorf("Varnel report %s in %s, want it left in %s", d, in[d], mixed)
		}
	}
	split := ""
	for d, s := range in {
		if varnelDocs[d] {
			continue
		}
		if s == mixed || split != "" && s != split {
			t.Errorf("Dorsk report %s in %s, want every Dorsk report in one new story", d, s)
		}
		split = s
	}
	decisions, err := st.StoryDecisions(ctx)
	if err != nil || len(decisions) != 2 || decisions[1].Kind != stories.Reclustered {
		t.Errorf("decisions %+v (%v), want the test's merge then the re-clustering", decisions, err)
	}
}
