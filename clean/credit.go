package clean

import (
	"net/url"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/publicsuffix"
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
	// leadDayCredit is a day-first dateline followed by the agency:
	// "АНКАРА, 8 фев — РИА Новости.", "Москва. 22 декабря. INTERFAX.RU -".
	leadDayCredit = regexp.MustCompile(`^[\p{Lu}][\p{L} .'-]{1,30}[.,]\s*\d{1,2}\s+\p{L}{3,9}\.?\s*[.,]?\s*[-–—]?\s*([\p{L}][\p{L}\d .&-]{1,30}?)\s*(?:[.]\s|[-–—]\s)`)
)

// creditFromLead reads the agency a lead paragraph's dateline credits.
// A parenthesised or slashed name counts when it is a known agency or
// written as an acronym ("(AKIpress)", "/TASS/"): a dateline names no
// other kind of thing there.
func creditFromLead(lead string) (string, bool) {
	for _, re := range []*regexp.Regexp{leadParenCredit, leadSlashCredit, leadDayCredit, leadBarCredit} {
		mm := re.FindStringSubmatch(lead)
		if mm == nil {
			continue
		}
		name := trimDomain(strings.TrimSpace(mm[1]))
		if canon, ok := wireAgency(name); ok {
			return canon, true
		}
		if (re == leadParenCredit || re == leadSlashCredit) && looksLikeAcronym(name) {
			return name, true
		}
		if re == leadDayCredit && agencyDatelineSlot(lead, mm[0], name) {
			return name, true
		}
	}
	return "", false
}

// agencyDatelineSlot reports whether name fills the agency's place of an
// agency-style dateline: the city in capitals, the day, then the name
// closed by a period ("ОМСК, 3 мар — Сибирский Курьер.", "TOMSK, 3 March,
// FederalNews."). Only an agency or an outlet is written there; a sentence
// starting after the date has a lower-case word within its first three.
func agencyDatelineSlot(lead, match, name string) bool {
	city, _, _ := strings.Cut(lead, ",")
	if strings.ContainsFunc(city, unicode.IsLower) || !strings.ContainsFunc(city, unicode.IsUpper) || strings.Contains(city, ".") {
		return false
	}
	if !strings.HasSuffix(strings.TrimSpace(match), ".") {
		return false
	}
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 3 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// creditFromReportVerb reads the agency a rewritten lead names after a
// reporting verb set off by a comma behind the claim it attributes
// ("Суд приговорил …, передает ТАСС из зала суда"): the whole account is
// the agency's. An opening citation ("Как передает X, …", "as X reports")
// attributes one detail and is passed over, and only an agency of the
// lexicon counts, so a newspaper quoted for one detail does not.
func creditFromReportVerb(lead string) (string, bool) {
	words := strings.Fields(lead)
	trim := func(w string) string {
		return strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '-' })
	}
	for i, w := range words {
		if i == 0 || !strings.HasSuffix(words[i-1], ",") || !containsStr(agencyReportVerbs, strings.ToLower(trim(w))) {
			continue
		}
		j := i + 1
		for j < len(words) && containsStr(agencyRoleWords, strings.ToLower(trim(words[j]))) {
			j++
		}
		// An agency's name is one to three words ("ТАСС", "РИА Новости").
		for n := 3; n >= 1; n-- {
			if j+n > len(words) {
				continue
			}
			if canon, ok := wireAgency(strings.Join(words[j:j+n], " ")); ok {
				return canon, true
			}
		}
	}
	return "", false
}

// bylinePaper reads a newspaper a byline names after its author, as its
// last part ("By A. Roe, Valley Tribune", "By A. Roe – the Lakeshore
// Times") or glued after the name ("By Ann Roe Lakeshore Times").
func bylinePaper(text string) (string, bool) {
	parts := bylineSeparator.Split(text, -1)
	if len(parts) >= 2 {
		if last := strings.TrimSpace(strings.TrimRight(parts[len(parts)-1], ".")); isNewspaperName(last) {
			return withoutArticle(last), true
		}
	}
	if mm := bylineBy.FindStringSubmatch(text); mm != nil {
		if _, paper, ok := splitTrailingPaper(strings.TrimRight(mm[1], ". ")); ok {
			return paper, true
		}
	}
	return "", false
}

// nameAndPaperLine reads a signature line without "By": a person's name
// and the newspaper they write for ("Ann Roe Lakeshore Times", "Ann Roe,
// Valley Tribune"), a layout scraped pages keep from the byline block.
func nameAndPaperLine(text string) (person, paper string, ok bool) {
	text = strings.TrimSpace(strings.TrimRight(text, "."))
	if len(strings.Fields(text)) > 9 {
		return "", "", false
	}
	if parts := bylineSeparator.Split(text, -1); len(parts) == 2 && isPersonName(strings.TrimSpace(parts[0])) && isNewspaperName(strings.TrimSpace(parts[1])) {
		return strings.TrimSpace(parts[0]), withoutArticle(strings.TrimSpace(parts[1])), true
	}
	return splitTrailingPaper(text)
}

// withoutArticle drops a leading "The" from a newspaper's name.
func withoutArticle(s string) string {
	if len(s) > 4 && strings.EqualFold(s[:4], "the ") {
		return s[4:]
	}
	return s
}

// isNewspaperName is two to five capitalised words (an article may lead)
// ending in a newspaper's title word ("The Lakeshore Times").
func isNewspaperName(s string) bool {
	words := strings.Fields(s)
	if len(words) > 0 && strings.EqualFold(words[0], "the") {
		words = words[1:]
	}
	if len(words) < 2 || len(words) > 5 || !containsStr(newspaperTitleWords, words[len(words)-1]) {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// splitTrailingPaper splits "Ann Roe Lakeshore Times" into the person
// (two or three words) and the newspaper after them (two or more words).
func splitTrailingPaper(s string) (person, paper string, ok bool) {
	words := strings.Fields(s)
	for k := 2; k <= 3 && len(words)-k >= 2; k++ {
		head, tail := strings.Join(words[:k], " "), strings.Join(words[k:], " ")
		if isPersonName(head) && isNewspaperName(tail) {
			return head, tail, true
		}
	}
	return "", "", false
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

// trimDomain drops a domain suffix from a name written as a site
// ("INTERFAX.RU" → "INTERFAX").
func trimDomain(s string) string {
	if i := strings.LastIndexByte(s, '.'); i > 0 && len(s)-i <= 5 && !strings.ContainsRune(s[i:], ' ') {
		return s[:i]
	}
	return s
}

// Where an aggregator names the site it took the story from: a link at the
// end ("tvc.ru »") or a read-more pointer ("Подробнее читайте на
// tvzvezda.ru").
var (
	sourceLinkEnd = regexp.MustCompile(`(?:^|\s)((?:[\p{L}\d-]+\.)+\p{L}{2,6})\s*[»›→]\s*$`)
	readMoreAt    = regexp.MustCompile(`(?i)(?:подробнее|читайте|read more|full story|continue reading|источник)[\p{L} ]{0,20}?\s(?:на|at|on|в|:)\s+((?:[\p{L}\d-]+\.)+\p{L}{2,6})\b`)
	// agencyList is "AP/AFP" or "Reuters, AFP": agencies side by side.
	agencyList = regexp.MustCompile(`^([\p{L}][\p{L} .-]{1,30}?)\s*(?:/|,|\band\b|\bи\b)\s*[\p{L}][\p{L} ./,-]{1,40}$`)
)

// creditFromSourceLink reads the site an aggregated story links back to.
func creditFromSourceLink(text string) (string, bool) {
	if !strings.Contains(text, ".") {
		return "", false
	}
	if strings.HasSuffix(strings.TrimSpace(text), "»") || strings.HasSuffix(strings.TrimSpace(text), "›") || strings.HasSuffix(strings.TrimSpace(text), "→") {
		if mm := sourceLinkEnd.FindStringSubmatch(text); mm != nil {
			return mm[1], true
		}
	}
	if len(strings.Fields(text)) > 12 || !containsAny(strings.ToLower(text), readMoreCues) {
		return "", false
	}
	if mm := readMoreAt.FindStringSubmatch(text); mm != nil {
		return mm[1], true
	}
	return "", false
}

// readMoreCues are the words a read-more pointer starts with, a cheap
// filter before readMoreAt.
var readMoreCues = []string{"подробнее", "читайте", "read more", "full story", "continue reading", "источник"}

// creditFromLine reads an agency credit from a short line standing alone
// at the top or bottom of an article.
func creditFromLine(text string) (string, bool) {
	if len(strings.Fields(text)) > 8 {
		return "", false
	}
	if mm := agencyList.FindStringSubmatch(text); mm != nil {
		if canon, ok := wireAgency(mm[1]); ok {
			rest := strings.FieldsFunc(text[len(mm[1]):], func(r rune) bool { return r == '/' || r == ',' })
			all := true
			for _, r := range rest {
				if _, ok := wireAgency(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(r), "and "))); !ok {
					all = false
				}
			}
			if all {
				return canon, true
			}
		}
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
	site := labels[:len(labels)-publicSuffixLabels(host, len(labels))]
	name := site[len(site)-1]
	if len(site) >= 2 && containsStr(blogPlatformHosts, name) {
		name = site[len(site)-2]
	}
	return outletLabel(name)
}

// publicSuffixLabels is how many trailing labels of host are a public
// suffix ("co.ke", "com.au", "org.uk", "blogspot.com"), read from the
// Public Suffix List that golang.org/x/net carries as data; at least one
// label is left for the site's name.
func publicSuffixLabels(host string, labels int) int {
	suffix, _ := publicsuffix.PublicSuffix(host)
	n := strings.Count(suffix, ".") + 1
	if n >= labels {
		n = labels - 1
	}
	return max(n, 1)
}

// hostOutletName is the outlet a URL's host names: an agency's canonical
// name when the host is an agency's ("ria.ru" → "RIA Novosti"), else the
// readable label.
func hostOutletName(raw string) string {
	label := readableHostName(raw)
	if label == "" {
		return ""
	}
	for canon, forms := range wireAgencies {
		for _, f := range forms {
			if squashName(f) == squashName(label) {
				return canon
			}
		}
	}
	return label
}

// squashName folds a name for comparison with a host label: lower case,
// letters and digits only, without a leading "the" or a trailing domain
// suffix ("The Irish Times" → "irishtimes", "On.kz" → "on").
func squashName(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimPrefix(s, "the ")
	if i := strings.LastIndexByte(s, '.'); i > 0 && i >= len(s)-5 && !strings.ContainsRune(s[i:], ' ') {
		s = s[:i]
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
}

// nameMatchesHost reports whether an outlet name is the site's own: its
// folded form equals the host label's, or one starts the other ("NewsNation"
// on "newsnationnow.com", "Example Media Group" on "example.com").
func nameMatchesHost(name, label string) bool {
	a, b := squashName(name), squashName(label)
	if a == "" || b == "" {
		return false
	}
	return a == b || len(b) >= 4 && strings.HasPrefix(a, b) || len(a) >= 4 && strings.HasPrefix(b, a)
}

// maxSelfRefWords bounds how much of a page is searched for the site's
// own name, so a huge page costs no more than a normal one.
const maxSelfRefWords = 20000

// selfReference finds the site's own name written in the page ("MPR News",
// "News9.com", "сообщает On.kz") by matching runs of one to four words
// against the URL host's label; the written form keeps its capitals.
func selfReference(text, label string) string {
	want := squashName(label)
	if len(want) < 2 {
		return ""
	}
	words := strings.Fields(text)
	if len(words) > maxSelfRefWords {
		words = words[:maxSelfRefWords]
	}
	trim := func(w string) string {
		return strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	for i := range words {
		first := trim(words[i])
		if first == "" {
			continue
		}
		r, _ := utf8.DecodeRuneInString(first)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && !strings.ContainsRune(first, '.') {
			continue
		}
		for n := 1; n <= 4 && i+n <= len(words); n++ {
			cand := trim(strings.Join(words[i:i+n], " "))
			if squashName(cand) == want {
				return cand
			}
			if len(squashName(cand)) > len(want) {
				break
			}
		}
	}
	return ""
}

// outletLabel strips server words glued to a host label ("origin-web",
// "example-prod") and returns what names the site.
func outletLabel(label string) string {
	parts := strings.Split(label, "-")
	var keep []string
	for _, p := range parts {
		if p != "" && !isCDNLabel(p) && !containsStr(keep, p) {
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
