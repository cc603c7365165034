package clean

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// agencyIndex maps each written form of an agency (lower-cased when longer
// than three letters) to its canonical name; built once, read-only.
var agencyIndex = sync.OnceValue(func() map[string]string {
	idx := map[string]string{}
	for canon, forms := range wireAgencies {
		for _, f := range forms {
			idx[agencyKey(f)] = canon
		}
	}
	return idx
})

func agencyKey(s string) string {
	if utf8.RuneCountInString(s) <= 3 {
		return s
	}
	return strings.ToLower(s)
}

// WireAgency reports whether name is a news agency's written form ("The
// Associated Press", "ТАСС") and returns the agency's canonical name
// ("AP", "TASS"), for later stages that group documents by credit.
func WireAgency(name string) (string, bool) { return wireAgency(name) }

// wireAgency reports whether s, trimmed of punctuation, names a news agency,
// and returns its canonical name.
func wireAgency(s string) (string, bool) {
	s = strings.TrimFunc(s, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsPunct(r) && r != '-' })
	s = strings.TrimPrefix(s, "via ")
	canon, ok := agencyIndex()[agencyKey(s)]
	return canon, ok
}

// Where a lead paragraph credits an agency:
//
//	"ADANA, Turkey (AP) — …", "LONDON, Jan 10 (Reuters) - …"
//	"MOSCOW, January 10. /TASS/. …", "БИШКЕК, 10 января. /ТАСС/."
//	"(dpa) — …", "Reuters | …"
var (
	leadParenCredit = regexp.MustCompile(`^[^()]{0,80}?\(([\p{L}][\p{L}\d .&-]{1,30})\)\s*(?:[-–—]{1,2}|:)\s`)
	leadSlashCredit = regexp.MustCompile(`^[^/]{0,80}?\s/([\p{L}][\p{L}\d .&-]{1,30})/\.?`)
	leadBarCredit   = regexp.MustCompile(`^([\p{L}][\p{L}\d .&-]{1,30}?)\s*[|]\s`)
)

// creditFromLead reads the agency a lead paragraph's dateline credits.
// A parenthesised or slashed name counts when it is a known agency or
// written as an acronym ("(AKIpress)", "/TASS/"): a dateline names no
// other kind of thing there.
func creditFromLead(lead string) (string, bool) {
	for _, re := range []*regexp.Regexp{leadParenCredit, leadSlashCredit, leadBarCredit} {
		mm := re.FindStringSubmatch(lead)
		if mm == nil {
			continue
		}
		name := strings.TrimSpace(mm[1])
		if canon, ok := wireAgency(name); ok {
			return canon, true
		}
		if re != leadBarCredit && looksLikeAcronym(name) {
			return name, true
		}
	}
	return "", false
}

// looksLikeAcronym is a one-word name with at least two capitals and no
// more lower-case letters than capitals would allow in "AKIpress"-style
// agency names.
func looksLikeAcronym(s string) bool {
	if strings.ContainsRune(s, ' ') || utf8.RuneCountInString(s) > 12 {
		return false
	}
	caps := 0
	for _, r := range s {
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return caps >= 2
}

// Lines at the end (or a byline at the top) that credit where the story
// came from: "via Kabar", "Source: BBC" (also read as original_source),
// "By The Associated Press", "— dpa", "(Reuters)".
var (
	viaLine     = regexp.MustCompile(`^(?i:via|through|from|по материалам|по данным)\s+([\p{L}][\p{L}\d .&'-]{1,40}?)\.?$`)
	bareCredit  = regexp.MustCompile(`^[(\[—–-]*\s*([\p{L}][\p{L}\d .&'-]{1,40}?)\s*[)\]]?\.?$`)
	bylineAgent = regexp.MustCompile(`^(?i:by|from|source|источник)\s*:?\s+(.+?)\.?$`)
)

// creditFromLine reads an agency credit from a short line standing alone
// at the top or bottom of an article.
func creditFromLine(text string) (string, bool) {
	if len(strings.Fields(text)) > 8 {
		return "", false
	}
	if mm := viaLine.FindStringSubmatch(text); mm != nil {
		if canon, ok := wireAgency(mm[1]); ok {
			return canon, true
		}
		return strings.TrimSpace(mm[1]), true
	}
	if mm := bylineAgent.FindStringSubmatch(text); mm != nil {
		if canon, ok := wireAgency(stripAgencySuffix(mm[1])); ok {
			return canon, true
		}
	}
	if mm := bareCredit.FindStringSubmatch(text); mm != nil {
		if canon, ok := wireAgency(mm[1]); ok {
			return canon, true
		}
	}
	return "", false
}

// stripAgencySuffix turns "Reuters staff" or "AP reporters" into the name.
func stripAgencySuffix(s string) string {
	for _, suf := range []string{" staff", " reporters", " reporter", " correspondents", " correspondent", " news agency", " agency", " wire"} {
		s = strings.TrimSuffix(strings.TrimSpace(s), suf)
	}
	return s
}

// copyrightAgency reads the agency from a copyright line that names one
// ("Copyright 2023 The Associated Press. All rights reserved."): a page
// carrying it reprints that agency's story.
func copyrightAgency(line string) (string, bool) {
	mm := copyrightOutlet.FindStringSubmatch(line)
	if mm == nil {
		return "", false
	}
	return wireAgency(mm[1])
}

// readableHostName turns a URL's host into an outlet name: the label that
// names the site, without server, CDN and section labels or the public
// suffix ("origin-web.example.com", "cdn.example.com",
// "example-prod.cdn.vendor.net" → "example"; "edition.example.co.uk" →
// "example").
func readableHostName(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Hostname() == "" {
		return ""
	}
	host := strings.ToLower(strings.TrimSuffix(u.Hostname(), "."))
	labels := strings.Split(host, ".")
	if len(labels) < 2 {
		return host
	}
	// A CDN host names the outlet in the label before the CDN part:
	// "example-prod.cdn.vendor.net".
	for i, l := range labels {
		if i > 0 && isCDNLabel(l) {
			if name := outletLabel(labels[i-1]); name != "" {
				return name
			}
		}
	}
	suffix := 1
	if len(labels) >= 3 && containsStr(publicSuffixes2, strings.Join(labels[len(labels)-2:], ".")) {
		suffix = 2
	}
	site := labels[:len(labels)-suffix]
	return outletLabel(site[len(site)-1])
}

// outletLabel strips server words glued to a host label ("origin-web",
// "example-prod") and returns what names the site.
func outletLabel(label string) string {
	parts := strings.Split(label, "-")
	var keep []string
	for _, p := range parts {
		if p != "" && !isCDNLabel(p) {
			keep = append(keep, p)
		}
	}
	if len(keep) == 0 {
		return ""
	}
	return strings.Join(keep, "-")
}

func isCDNLabel(l string) bool { return containsStr(cdnHostLabels, l) }

func containsStr(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
