package web

import (
	"net/http"
	"sort"
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/model"
)

// One person, organisation or place across every story: the entities of
// all stories whose names match this one's (across scripts and spellings),
// with their spellings and the facts about them, story by story.

// AcrossStory is one story's entity of that name, and the facts about it.
type AcrossStory struct {
	Story      string       `json:"story"`
	StoryTitle string       `json:"story_title"`
	Entity     model.Entity `json:"entity"`
	Facts      []model.Fact `json:"facts"`
	// names are the story's entity names, for fact values.
	names map[string]string
}

// AcrossDetail is the body of GET /api/stories/{id}/entities/{eid}/across.
type AcrossDetail struct {
	Name    string        `json:"name"`
	Type    string        `json:"type"`
	Stories []AcrossStory `json:"stories"`
}

// across gathers the matching entities of every story. It reports false
// when the store cannot find entities across stories or the entity does
// not exist.
func (s *Server) across(r *http.Request, storyID, entityID string) (*AcrossDetail, int) {
	finder, ok := s.opts.Store.(model.EntityFinder)
	if !ok {
		return nil, http.StatusNotImplemented
	}
	d, err := s.opts.Store.StoryDossier(r.Context(), storyID)
	if err != nil {
		return nil, http.StatusNotFound
	}
	var self *model.Entity
	for i := range d.Entities {
		if d.Entities[i].ID == entityID {
			self = &d.Entities[i]
		}
	}
	if self == nil {
		return nil, http.StatusNotFound
	}
	names := []string{self.Name}
	for _, v := range self.Variants {
		names = append(names, v.Text)
	}
	refs, err := finder.SameEntities(r.Context(), self.Type, names)
	if err != nil {
		return nil, http.StatusInternalServerError
	}
	stories, err := s.opts.Store.Stories(r.Context())
	if err != nil {
		return nil, http.StatusInternalServerError
	}
	titles := map[string]string{}
	for _, st := range stories {
		titles[st.ID] = st.Title
	}
	out := &AcrossDetail{Name: self.Name, Type: string(self.Type), Stories: []AcrossStory{}}
	dossiers := map[string]*model.Dossier{storyID: d}
	found := map[string]bool{}
	for _, ref := range append([]model.EntityRef{{Story: storyID, ID: entityID}}, refs...) {
		if found[ref.Story+"\x00"+ref.ID] {
			continue
		}
		found[ref.Story+"\x00"+ref.ID] = true
		sd := dossiers[ref.Story]
		if sd == nil {
			if sd, err = s.opts.Store.StoryDossier(r.Context(), ref.Story); err != nil {
				continue // the story went away meanwhile
			}
			dossiers[ref.Story] = sd
		}
		st := AcrossStory{Story: ref.Story, StoryTitle: titles[ref.Story], Facts: []model.Fact{}, names: map[string]string{}}
		ok := false
		for _, e := range sd.Entities {
			st.names[e.ID] = e.Name
			if e.ID == ref.ID {
				st.Entity, ok = e, true
			}
		}
		if !ok {
			continue // merged away by a decision
		}
		for _, f := range sd.Facts {
			if f.Subject == ref.ID {
				st.Facts = append(st.Facts, f)
			}
		}
		out.Stories = append(out.Stories, st)
	}
	return out, http.StatusOK
}

func (s *Server) apiAcross(w http.ResponseWriter, r *http.Request) {
	a, status := s.across(r, r.PathValue("id"), r.PathValue("eid"))
	if status != http.StatusOK {
		writeJSONError(w, status, http.StatusText(status))
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// acrossView is the page of one name across stories.
type acrossView struct {
	Name, Type string
	Back       string // the entity page it came from
	Scripts    []scriptSpellings
	Stories    []acrossStoryView
}

type scriptSpellings struct {
	Script string
	Texts  []string
}

type acrossStoryView struct {
	Title, Href, EntityHref, Name string
	Variants                      []model.Variant
	Facts                         []acrossFact
}

type acrossFact struct {
	Attribute, Status, StatusClass, Values, Href string
	Review                                       *model.Review
}

func (s *Server) handleAcross(w http.ResponseWriter, r *http.Request) {
	storyID, entityID := r.PathValue("id"), r.PathValue("eid")
	a, status := s.across(r, storyID, entityID)
	if status == http.StatusNotFound {
		s.errorPage(w, r, status, "This story has no entity with that ID.")
		return
	}
	if status != http.StatusOK {
		s.errorPage(w, r, status, "Entities cannot be followed across stories in this database.")
		return
	}
	v := acrossView{Name: a.Name, Type: a.Type, Back: serverLinks{}.entity(storyID, entityID)}
	byScript := map[string][]string{}
	seen := map[string]bool{}
	for _, st := range a.Stories {
		names := st.names
		sv := acrossStoryView{Title: st.StoryTitle, Href: serverLinks{}.story(st.Story), EntityHref: serverLinks{}.entity(st.Story, st.Entity.ID),
			Name: st.Entity.Name, Variants: st.Entity.Variants}
		if sv.Title == "" {
			sv.Title = "Story " + shorten(st.Story, 12)
		}
		for _, vr := range st.Entity.Variants {
			if !seen[vr.Text] {
				seen[vr.Text] = true
				sc := scriptOf(vr.Text)
				byScript[sc] = append(byScript[sc], vr.Text)
			}
		}
		for _, f := range st.Facts {
			var vals []string
			have := map[string]bool{}
			for _, fv := range f.Values {
				l := valueLabel(fv.Value, func(id string) string { return names[id] })
				if fv.Polarity == "negated" {
					l = "not " + l
				}
				if !have[l] {
					have[l] = true
					vals = append(vals, l)
				}
			}
			sv.Facts = append(sv.Facts, acrossFact{Attribute: attributeLabel(f.Attribute), Status: statusLabels[f.Status],
				StatusClass: "st-" + statusClass(f.Status), Values: strings.Join(vals, " · "), Href: serverLinks{}.fact(st.Story, f.ID), Review: f.Review})
		}
		v.Stories = append(v.Stories, sv)
	}
	for sc, texts := range byScript {
		v.Scripts = append(v.Scripts, scriptSpellings{Script: sc, Texts: texts})
	}
	sort.Slice(v.Scripts, func(i, j int) bool { return v.Scripts[i].Script < v.Scripts[j].Script })
	s.render(w, r, http.StatusOK, "across", page{Title: v.Name + " across stories", Nav: "stories", Body: v})
}

// scriptOf names the script of a spelling by its first letter.
func scriptOf(s string) string {
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Cyrillic, r):
			return "Cyrillic"
		case unicode.Is(unicode.Latin, r):
			return "Latin"
		case unicode.IsLetter(r):
			return "other"
		}
	}
	return "other"
}
