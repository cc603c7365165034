package compare

import "testing"

// TestOtherGroupApart: people set apart as "other" ("two other men") are
// not the group a speaker's "us" is, so what happened to them is not a
// change in that group's account.
func TestOtherGroupApart(t *testing.T) {
	claims, _ := parsedStory(t,
		storyDoc{"first", "2025-11-10", "The workers were beaten in the yard, the union said.", nil},
		storyDoc{"second", "2026-01-20", "Two other men were beaten too, the union said.", nil},
	)
	var first, second string
	for _, c := range claims {
		switch c.Doc {
		case "first":
			first = c.Subject
		case "second":
			second = c.Subject
		}
	}
	if first != collectiveSubject {
		t.Errorf("the workers: subject %q, want %q", first, collectiveSubject)
	}
	if second == collectiveSubject || second == "" {
		t.Errorf("two other men: subject %q, want a group of its own", second)
	}
}
