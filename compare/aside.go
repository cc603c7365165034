package compare

import "github.com/parallaxnews/parallax/model"

// maxAsideValues bounds the agreed group whose values are paired to find
// the ones aside (every pair is compared once more).
const maxAsideValues = 400

// markAside sets Aside on the values of an agreed group that agree with
// no other source's value. A group is agreed when no pair conflicts, so
// it may also hold values that were not comparable or not decidably about
// one thing ("2007" beside "Thursday", "36 people" beside "more than
// 4,000"); listing those among the agreeing values would show a reader an
// agreement that is not there. When no value agrees with another source,
// nothing is marked: the group's note says why it is agreed.
func (c *comparer) markAside(vs []model.FactValue, canon map[string]string) {
	if len(vs) < 3 || len(vs) > maxAsideValues {
		return
	}
	agrees := make([]bool, len(vs))
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if canonOf(canon, vs[i].Doc) == canonOf(canon, vs[j].Doc) {
				continue
			}
			if v, _ := c.compare(vs[i], vs[j]); v == compatible && !countsOfOtherThings(vs[i], vs[j]) {
				agrees[i], agrees[j] = true, true
			}
		}
	}
	any := false
	for _, a := range agrees {
		any = any || a
	}
	if !any {
		return
	}
	for i := range vs {
		vs[i].Aside = !agrees[i]
	}
}
