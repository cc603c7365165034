package export

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"unicode/utf8"
)

// The followthemoney schemata this package writes, encoded from the
// published schema definitions (followthemoney/schema/*.yaml: property
// names, their types, entity ranges, inheritance and required properties).
// Only the properties Parallax fills are listed; ValidateFtM refuses any
// other, so a misspelt property cannot reach Aleph.

// ftmType is an FtM property type.
type ftmType string

const (
	ftmString   ftmType = "string"
	ftmText     ftmType = "text"
	ftmName     ftmType = "name"
	ftmDate     ftmType = "date"
	ftmURL      ftmType = "url"
	ftmLanguage ftmType = "language"
	ftmEntity   ftmType = "entity"
)

type ftmProp struct {
	typ   ftmType
	rng   string // for entity properties: the schema the target must be or extend
	limit int    // most characters a value may have
}

type ftmSchema struct {
	extends  []string
	abstract bool
	required []string
	props    map[string]ftmProp
}

// FtM type limits: strings and names are short, text is long.
const (
	ftmStringLimit = 1024
	ftmTextLimit   = 1 << 20
)

func str() ftmProp            { return ftmProp{typ: ftmString, limit: ftmStringLimit} }
func txt() ftmProp            { return ftmProp{typ: ftmText, limit: ftmTextLimit} }
func name() ftmProp           { return ftmProp{typ: ftmName, limit: ftmStringLimit} }
func ent(rng string) ftmProp  { return ftmProp{typ: ftmEntity, rng: rng, limit: ftmStringLimit} }
func typed(t ftmType) ftmProp { return ftmProp{typ: t, limit: ftmStringLimit} }

var ftmSchemata = map[string]ftmSchema{
	"Thing": {abstract: true, required: []string{"name"}, props: (map[string]ftmProp{
		"name": name(), "alias": name(), "summary": txt(), "description": txt(), "notes": txt(),
		"sourceUrl": typed(ftmURL), "publisher": str(), "proof": ent("Document"), "indexText": txt(),
		"modifiedAt": typed(ftmDate),
	})},
	"Analyzable":   {abstract: true, props: map[string]ftmProp{}},
	"LegalEntity":  {extends: []string{"Thing"}, props: map[string]ftmProp{}},
	"Person":       {extends: []string{"LegalEntity"}, required: []string{"name"}, props: map[string]ftmProp{"position": str()}},
	"Organization": {extends: []string{"LegalEntity"}, required: []string{"name"}, props: map[string]ftmProp{}},
	"Document": {extends: []string{"Thing"}, props: (map[string]ftmProp{
		"title": str(), "author": str(), "fileName": str(), "language": typed(ftmLanguage),
		"publishedAt": typed(ftmDate), "namesMentioned": name(),
	})},
	"Article": {extends: []string{"Document"}, props: map[string]ftmProp{}},
	// Address extends Interval in older schema versions and Thing in newer
	// ones; only the properties both have are used.
	"Address": {props: (map[string]ftmProp{"full": str(), "city": str(), "remarks": str()})},
	"Mention": {required: []string{"document", "name"}, props: (map[string]ftmProp{
		"document": ent("Document"), "resolved": ent("LegalEntity"), "name": name(), "detectedSchema": str(),
	})},
	"Note": {extends: []string{"Thing", "Analyzable"}, props: map[string]ftmProp{"entity": ent("Thing")}},
}

// FtMEntity is one followthemoney entity as written in JSON lines.
type FtMEntity struct {
	ID         string              `json:"id"`
	Schema     string              `json:"schema"`
	Properties map[string][]string `json:"properties"`
}

// isA reports whether schema s is or extends schema want.
func isA(s, want string) bool {
	if s == want {
		return true
	}
	for _, p := range ftmSchemata[s].extends {
		if isA(p, want) {
			return true
		}
	}
	return false
}

// lookupProp finds a property in a schema or the schemata it extends.
func lookupProp(schema, prop string) (ftmProp, bool) {
	sc, ok := ftmSchemata[schema]
	if !ok {
		return ftmProp{}, false
	}
	if p, ok := sc.props[prop]; ok {
		return p, true
	}
	for _, parent := range sc.extends {
		if p, ok := lookupProp(parent, prop); ok {
			return p, true
		}
	}
	return ftmProp{}, false
}

func requiredProps(schema string) []string {
	sc := ftmSchemata[schema]
	out := append([]string{}, sc.required...)
	for _, p := range sc.extends {
		out = append(out, requiredProps(p)...)
	}
	return out
}

// ftmLanguages maps ISO 639-1 codes (what documents carry) to the ISO
// 639-3 codes FtM's language type takes.
var ftmLanguages = map[string]string{
	"en": "eng", "ru": "rus", "uk": "ukr", "kk": "kaz", "ky": "kir", "de": "deu", "fr": "fra", "es": "spa",
	"uz": "uzb", "tg": "tgk", "tr": "tur", "ar": "ara", "zh": "zho", "it": "ita", "pt": "por", "pl": "pol",
}

var ftmDatePattern = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2}(T\d{2}(:\d{2}(:\d{2})?)?)?)?)?$`)

// checkValue checks one property value against its FtM type.
func checkValue(p ftmProp, v string) error {
	if v == "" {
		return errors.New("empty value")
	}
	if !utf8.ValidString(v) {
		return errors.New("not valid UTF-8")
	}
	if utf8.RuneCountInString(v) > p.limit {
		return fmt.Errorf("longer than %d characters", p.limit)
	}
	switch p.typ {
	case ftmDate:
		if !ftmDatePattern.MatchString(v) {
			return fmt.Errorf("date %q is not an ISO 8601 prefix (YYYY[-MM[-DD[THH[:MM[:SS]]]]])", v)
		}
	case ftmURL:
		u, err := url.Parse(v)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return fmt.Errorf("url %q is not an absolute http(s) URL", v)
		}
	case ftmLanguage:
		ok := false
		for _, code := range ftmLanguages {
			ok = ok || code == v
		}
		if !ok {
			return fmt.Errorf("language %q is not an ISO 639-3 code", v)
		}
	}
	return nil
}

// ReadFtM reads FtM JSON lines.
func ReadFtM(r io.Reader) ([]FtMEntity, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), 64<<20)
	var out []FtMEntity
	for line := 1; sc.Scan(); line++ {
		if len(sc.Bytes()) == 0 {
			continue
		}
		var e FtMEntity
		dec := json.NewDecoder(bytesReader(sc.Bytes()))
		dec.DisallowUnknownFields()
		if err := dec.Decode(&e); err != nil {
			return nil, fmt.Errorf("ftm line %d: %w", line, err)
		}
		out = append(out, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read ftm: %w", err)
	}
	return out, nil
}

// ValidateFtM checks entities against the encoded schemata: known,
// non-abstract schema; every property defined for it (or inherited) and
// every value valid for the property's type; required properties present;
// IDs unique; and every entity property pointing at an entity of the same
// set whose schema is in the property's range.
func ValidateFtM(es []FtMEntity) error {
	schemaOf := make(map[string]string, len(es))
	for _, e := range es {
		if e.ID == "" || len(e.ID) > 1024 {
			return fmt.Errorf("entity with an empty or over-long id (schema %s)", e.Schema)
		}
		if _, dup := schemaOf[e.ID]; dup {
			return fmt.Errorf("entity %s: id used twice", e.ID)
		}
		schemaOf[e.ID] = e.Schema
	}
	var errs []error
	for _, e := range es {
		sc, ok := ftmSchemata[e.Schema]
		if !ok {
			errs = append(errs, fmt.Errorf("entity %s: unknown schema %q", e.ID, e.Schema))
			continue
		}
		if sc.abstract {
			errs = append(errs, fmt.Errorf("entity %s: schema %s is abstract", e.ID, e.Schema))
		}
		for _, req := range requiredProps(e.Schema) {
			if len(e.Properties[req]) == 0 {
				errs = append(errs, fmt.Errorf("entity %s (%s): required property %s missing", e.ID, e.Schema, req))
			}
		}
		for prop, values := range e.Properties {
			p, ok := lookupProp(e.Schema, prop)
			if !ok {
				errs = append(errs, fmt.Errorf("entity %s: schema %s has no property %q", e.ID, e.Schema, prop))
				continue
			}
			for _, v := range values {
				if err := checkValue(p, v); err != nil {
					errs = append(errs, fmt.Errorf("entity %s: %s.%s: %w", e.ID, e.Schema, prop, err))
					continue
				}
				if p.typ == ftmEntity {
					target, ok := schemaOf[v]
					switch {
					case !ok:
						errs = append(errs, fmt.Errorf("entity %s: %s.%s points at %s, which is not in the export", e.ID, e.Schema, prop, v))
					case !isA(target, p.rng):
						errs = append(errs, fmt.Errorf("entity %s: %s.%s must point at a %s, not a %s", e.ID, e.Schema, prop, p.rng, target))
					}
				}
			}
		}
		if len(errs) > 20 {
			break
		}
	}
	return errors.Join(errs...)
}
