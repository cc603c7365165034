package export

import (
	"bufio"
	"bytes"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"path"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

func bytesReader(b []byte) io.Reader { return bytes.NewReader(b) }

// FtMID is the FtM entity ID of a Parallax object: a hash of the story, the
// kind of object and its ID, so the same story exports the same IDs every
// time and Aleph updates entities instead of duplicating them.
func FtMID(storyID, kind, id string) string {
	sum := sha1.Sum([]byte("parallax\x00" + storyID + "\x00" + kind + "\x00" + id))
	return "px-" + hex.EncodeToString(sum[:])
}

// WriteFtM writes the story as FtM entities, one JSON object per line:
// an Article per document (title, authors, date, outlet as publisher, URL,
// language, the cleaned text as indexText), a Person or Organization per
// such entity (spellings as aliases, descriptions, the articles that name
// it as proof), an Address per place, a Mention per entity and article it
// appears in, and a Note per statement (one source's value of one fact:
// the sentence, the normalised value, the fact's status and the user's
// review, with the article as proof and the subject as entity). Groups
// (nationalities) have no FtM schema and are left out.
func WriteFtM(w io.Writer, d *model.Dossier, storyID string) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	emit := func(e FtMEntity) error {
		for k, vs := range e.Properties {
			if len(vs) == 0 {
				delete(e.Properties, k)
			}
		}
		if err := enc.Encode(e); err != nil {
			return fmt.Errorf("write ftm: %w", err)
		}
		return nil
	}
	docID := map[string]string{}
	for _, doc := range d.Documents {
		docID[doc.ID] = FtMID(storyID, "document", doc.ID)
	}
	entID := map[string]string{}
	entSchema := map[string]string{}
	for _, e := range d.Entities {
		if s := ftmSchemaOf(e.Type); s != "" {
			entID[e.ID] = FtMID(storyID, "entity", e.ID)
			entSchema[e.ID] = s
		}
	}
	corrections := documentNotes(d)
	for _, doc := range d.Documents {
		p := map[string][]string{
			"name":        {docName(doc2ptr(doc))},
			"title":       opt(doc.Title),
			"author":      nonEmpty(doc.Authors),
			"publishedAt": ftmDates(deref(doc.Published)),
			"publisher":   opt(doc.Outlet),
			"sourceUrl":   httpURL(deref(doc.URL)),
			"fileName":    {clip(path.Base(doc.Source), ftmStringLimit)},
			"language":    ftmLang(deref(doc.Language)),
			"indexText":   nonEmpty([]string{doc.Text}),
			"notes":       corrections[doc.ID],
		}
		if doc.DuplicateOf != nil {
			p["notes"] = append(p["notes"], "Reprint of document "+*doc.DuplicateOf)
		}
		if err := emit(FtMEntity{ID: docID[doc.ID], Schema: "Article", Properties: p}); err != nil {
			return err
		}
	}
	merges := entityNotes(d)
	for _, e := range d.Entities {
		schema := entSchema[e.ID]
		if schema == "" {
			continue
		}
		var aliases []string
		for _, v := range e.Variants {
			if v.Text != e.Name {
				aliases = append(aliases, clip(v.Text, ftmStringLimit))
			}
		}
		var descs, roles []string
		seen := map[string]bool{}
		for _, ds := range e.Descriptions {
			if !seen[ds.Text] {
				seen[ds.Text] = true
				descs = append(descs, ds.Text)
			}
		}
		docsOf := map[string]bool{}
		for _, m := range e.Mentions {
			docsOf[m.Doc] = true
			if m.Role != "" && !seen["role\x00"+m.Role] {
				seen["role\x00"+m.Role] = true
				roles = append(roles, clip(m.Role, ftmStringLimit))
			}
		}
		var proof []string
		for _, doc := range d.Documents {
			if docsOf[doc.ID] {
				proof = append(proof, docID[doc.ID])
			}
		}
		id := entID[e.ID]
		var p map[string][]string
		if schema == "Address" {
			p = map[string][]string{"full": {clip(e.Name, ftmStringLimit)}, "city": {clip(e.Name, ftmStringLimit)}}
			if len(aliases) > 0 {
				p["remarks"] = []string{clip("Also written: "+strings.Join(aliases, "; "), ftmStringLimit)}
			}
		} else {
			p = map[string][]string{
				"name": {clip(e.Name, ftmStringLimit)}, "alias": aliases, "description": descs,
				"proof": proof, "notes": merges[e.ID],
			}
			if schema == "Person" {
				p["position"] = roles
			}
		}
		if err := emit(FtMEntity{ID: id, Schema: schema, Properties: p}); err != nil {
			return err
		}
		if schema == "Address" {
			continue
		}
		// One Mention per article that names the entity, with the
		// spellings used there.
		spell := map[string][]string{}
		for _, m := range e.Mentions {
			if !contains(spell[m.Doc], m.Text) {
				spell[m.Doc] = append(spell[m.Doc], m.Text)
			}
		}
		for _, doc := range d.Documents {
			if len(spell[doc.ID]) == 0 {
				continue
			}
			names := make([]string, len(spell[doc.ID]))
			for i, s := range spell[doc.ID] {
				names[i] = clip(s, ftmStringLimit)
			}
			mp := map[string][]string{"document": {docID[doc.ID]}, "resolved": {id}, "name": names, "detectedSchema": {schema}}
			if err := emit(FtMEntity{ID: FtMID(storyID, "mention", e.ID+"\x00"+doc.ID), Schema: "Mention", Properties: mp}); err != nil {
				return err
			}
		}
	}
	names := entityNames(d)
	docs := map[string]*model.Document{}
	for i := range d.Documents {
		docs[d.Documents[i].ID] = &d.Documents[i]
	}
	for _, f := range d.Facts {
		subject := subjectName(f, names)
		status := "Status: " + string(f.Status)
		if f.Note != "" {
			status += " (" + f.Note + ")"
		}
		if f.Reason != "" {
			status += ". " + f.Reason
		}
		if r := f.Review; r != nil {
			status += fmt.Sprintf(". The %s status was %s by %s on %s", f.Status, r.Verdict, r.User, r.At)
			if r.Note != "" {
				status += ": " + r.Note
			}
			if r.Conflict {
				status += " (users disagree)"
			}
		}
		for i, v := range f.Values {
			doc := docs[v.Doc]
			p := map[string][]string{
				"name":    {clip(subject+" — "+f.Attribute, ftmStringLimit)},
				"summary": {clip(f.Attribute+": "+v.Text+" → "+Normalised(v.Value, names), ftmTextLimit)},
				"notes":   {status},
			}
			if schema := entSchema[f.Subject]; schema != "" && schema != "Address" {
				p["entity"] = []string{entID[f.Subject]}
			}
			if doc != nil {
				p["description"] = nonEmpty([]string{slice(doc.Text, v.Sentence.Start, v.Sentence.End)})
				p["proof"] = []string{docID[doc.ID]}
				p["publisher"] = opt(doc.Outlet)
				p["sourceUrl"] = httpURL(deref(doc.URL))
			}
			if date := deref(v.Date); date != "" {
				p["modifiedAt"] = ftmDates(date)
			}
			if err := emit(FtMEntity{ID: FtMID(storyID, "statement", fmt.Sprintf("%s\x00%d", f.ID, i)), Schema: "Note", Properties: p}); err != nil {
				return err
			}
		}
	}
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("write ftm: %w", err)
	}
	return nil
}

func ftmSchemaOf(t model.EntityType) string {
	switch t {
	case model.Person:
		return "Person"
	case model.Organization:
		return "Organization"
	case model.Place:
		return "Address"
	}
	return ""
}

// documentNotes says, per document, which metadata users corrected.
func documentNotes(d *model.Dossier) map[string][]string {
	out := map[string][]string{}
	for _, x := range d.Decisions {
		if x.State != model.DecisionApplied {
			continue
		}
		switch x.Kind {
		case model.DecisionCorrect:
			out[x.Document] = append(out[x.Document], fmt.Sprintf("%s corrected to %q by %s on %s", x.Field, x.Value, x.User, x.At))
		case model.DecisionReprint:
			out[x.Document] = append(out[x.Document], fmt.Sprintf("marked as a reprint by %s on %s", x.User, x.At))
		}
	}
	return out
}

// entityNotes says, per entity, which merges and splits made it.
func entityNotes(d *model.Dossier) map[string][]string {
	out := map[string][]string{}
	for _, x := range d.Decisions {
		if x.State != model.DecisionApplied || len(x.Entities) == 0 {
			continue
		}
		switch x.Kind {
		case model.DecisionMerge:
			out[x.Entities[0]] = append(out[x.Entities[0]], fmt.Sprintf("Merged (%s) by %s on %s", x.Label, x.User, x.At))
		case model.DecisionSplit:
			out[x.Entities[0]] = append(out[x.Entities[0]], fmt.Sprintf("Split (%s) by %s on %s", x.Label, x.User, x.At))
		}
	}
	return out
}

// ftmDates keeps the date part FtM's date type accepts (it has no zones).
func ftmDates(s string) []string {
	if len(s) > 19 {
		s = s[:19]
	}
	if s == "" || !ftmDatePattern.MatchString(s) {
		if len(s) >= 10 && ftmDatePattern.MatchString(s[:10]) {
			return []string{s[:10]}
		}
		return nil
	}
	return []string{s}
}

func ftmLang(code string) []string {
	if c := ftmLanguages[code]; c != "" {
		return []string{c}
	}
	return nil
}

func httpURL(s string) []string {
	u, err := url.Parse(s)
	if s == "" || err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil
	}
	return []string{clip(s, ftmStringLimit)}
}

func opt(s *string) []string {
	if s == nil || *s == "" {
		return nil
	}
	return []string{clip(*s, ftmStringLimit)}
}

func nonEmpty(xs []string) []string {
	var out []string
	for _, x := range xs {
		if x = strings.TrimSpace(x); x != "" {
			out = append(out, x)
		}
	}
	return out
}

// clip cuts s to at most n characters, on a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	count := 0
	for i := range s {
		if count == n {
			return s[:i]
		}
		count++
	}
	return s
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

func doc2ptr(doc model.Document) *model.Document { return &doc }
