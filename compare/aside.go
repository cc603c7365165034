package compare

import "github.com/parallaxnews/parallax/model"

// markAside sets Aside on the values of an agreed group that agree with
// no other source's value (good[i][j]: status found the pair compatible).
// A group is agreed when no pair conflicts, so it may also hold values
// that were not comparable or not decidably about one thing ("2007"
// beside "Thursday", "36 people" beside "more than 4,000"); listing those
// among the agreeing values would show a reader an agreement that is not
// there. When no value agrees with another source, nothing is marked: the
// group's note says why it is agreed.
func markAside(vs []model.FactValue, good [][]bool, canon map[string]string) {
	if len(vs) < 3 {
		return
	}
	agrees := make([]bool, len(vs))
	anyAgree := false
	for i := range vs {
		for j := i + 1; j < len(vs); j++ {
			if good[i][j] && canonOf(canon, vs[i].Doc) != canonOf(canon, vs[j].Doc) {
				agrees[i], agrees[j], anyAgree = true, true, true
			}
		}
	}
	if !anyAgree {
		return
	}
	for i := range vs {
		vs[i].Aside = !agrees[i]
	}
}
