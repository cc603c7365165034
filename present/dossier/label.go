package dossier

import (
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// FactLabel is a fact's display name, made from its typed fields: "death
// toll · count (people, KG)", "detention · place", "built · time" for
// values no frame claims, with the year of an earlier event the story
// recalls ("death toll · count (miner) · 2019 event"). It is "" for a fact
// without typed fields (an older dossier); callers then show Attribute.
func FactLabel(f model.Fact) string {
	head := string(f.Frame)
	if head == "" {
		head = f.Topic
	}
	if head == "" {
		return ""
	}
	parts := []string{head}
	if f.Role != "" && f.Role != model.RoleOccurred && string(f.Role) != head {
		role := string(f.Role)
		if f.Measure != "" {
			role += " (" + f.Measure + ")"
		}
		parts = append(parts, role)
	}
	if y, ok := strings.CutPrefix(f.Event, "then:"); ok {
		parts = append(parts, y+" event")
	}
	return strings.Join(parts, " · ")
}
