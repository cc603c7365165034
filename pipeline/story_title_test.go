package pipeline

import (
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// A story whose documents carry no headline is named by the opening words
// of its earliest document, not "Untitled story"; a titled document wins.
func TestStoryTitle(t *testing.T) {
	lead := &model.Document{ID: "a", Text: "Floodwater cut off four mountain villages in the Alamedin valley on Thursday after the river burst through an earth dam. Two shepherds are missing."}
	short := &model.Document{ID: "b", Text: "Rescuers reached the valley.\nMore text."}
	titled := &model.Document{ID: "c", Text: "Body.", Title: model.Str("Flood cuts off villages")}
	for _, c := range []struct {
		docs []*model.Document
		want string
	}{
		{[]*model.Document{lead, short}, "Floodwater cut off four mountain villages in the Alamedin valley on Thursday …"},
		{[]*model.Document{short}, "Rescuers reached the valley."},
		{[]*model.Document{lead, titled}, "Flood cuts off villages"},
		{[]*model.Document{{ID: "d"}}, "Untitled story"},
	} {
		var docs []*model.Annotated
		for _, d := range c.docs {
			docs = append(docs, &model.Annotated{Doc: d})
		}
		if got := storyOf("s", docs).Title; got != c.want {
			t.Errorf("title %q, want %q", got, c.want)
		}
	}
}
