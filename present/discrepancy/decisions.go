package discrepancy

import (
	"fmt"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// reviewTag marks a fact the user confirmed or dismissed, wherever its
// title appears.
func reviewTag(f model.Fact) string {
	if f.Review == nil {
		return ""
	}
	tag := fmt.Sprintf(" [%s %s by %s]", f.Review.Verdict, f.Status, f.Review.User)
	if f.Review.Conflict {
		tag += " [users disagree]"
	}
	return tag
}

// decisions lists the users' decisions on the story with what became of
// each, so a reader of the report sees what was curated by hand.
func (r *report) decisions(b *strings.Builder) {
	if len(r.d.Decisions) == 0 {
		return
	}
	fmt.Fprintf(b, "## Decisions (%d)\n\n", len(r.d.Decisions))
	b.WriteString("| # | When | Who | Decision | About | Note | State |\n|---|---|---|---|---|---|---|\n")
	for _, x := range r.d.Decisions {
		state := string(x.State)
		if x.Reason != "" {
			state += ": " + x.Reason
		}
		about := x.Label
		if x.Kind == model.DecisionCorrect {
			about += " → " + x.Value
		}
		fmt.Fprintf(b, "| %d | %s | %s | %s | %s | %s | %s |\n", x.ID, cell(x.At), cell(x.User), cell(string(x.Kind)), cell(about), cell(x.Note), cell(state))
	}
	b.WriteString("\n")
}
