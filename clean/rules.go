package clean

import (
	"regexp"
	"sort"
	"strings"
)

// Boilerplate rules are kept as data, so a new kind of page furniture is one
// line here. Each rule matches a whole line (after trimming) that is short
// enough to be furniture rather than reporting.

// lineRule removes a line matching re with the given reason, if the line has
// at most maxWords words (0 means no limit).
type lineRule struct {
	re       *regexp.Regexp
	reason   string
	maxWords int
	// keys are lower-case literals of which the line must contain at least
	// one before re is tried: a cheap filter that keeps cleaning fast.
	keys []string
}

func rx(s string) *regexp.Regexp { return regexp.MustCompile(s) }

// ambiguousMark is added to a date's evidence when its reading is a guess
// (a two-digit year, a day/month order that could go either way).
const ambiguousMark = "(reading assumed)"

// Reasons recorded in Document.Removed.
const (
	reasonNavigation   = "navigation"
	reasonList         = "related or most-read list"
	reasonPrompt       = "read-more or subscription prompt"
	reasonCopyright    = "copyright or reuse notice"
	reasonSpelling     = "spelling-error widget"
	reasonPhoto        = "photo credit or caption"
	reasonEmbed        = "embed placeholder"
	reasonTimestamp    = "timestamp or reading time"
	reasonAuthorBio    = "author bio"
	reasonByline       = "byline (kept in metadata)"
	reasonDateLine     = "date line (kept in metadata)"
	reasonHeaderLine   = "header line (kept in metadata)"
	reasonURLFooter    = "original-URL footer (kept in metadata)"
	reasonURLLine      = "URL line (kept in metadata)"
	reasonSourceFooter = "source credit (kept in metadata)"
	reasonSignOff      = "sign-off (kept in metadata)"
	reasonShare        = "share or social buttons"
	reasonImage        = "image"
	reasonTags         = "tags or topics list"
	reasonOutsideMain  = "outside the main content (html)"
	reasonAd           = "advertisement"
	reasonContact      = "contact details"
	reasonSeparator    = "separator"
	reasonPageHeader   = "page header (masthead or menu)"
	reasonRepeat       = "line repeated"
	reasonFeedback     = "rating or feedback widget"
	reasonVideo        = "video teaser with its length"
	reasonComments     = "comment box"
)

var lineRules = []lineRule{
	{rx(`(?i)^(read|see) (more|also)\b`), reasonPrompt, 25, []string{"read", "see"}},
	{rx(`(?i)^(also read|related( content| articles?| stories| news| coverage)?|more (on this|stories|from|news|about)|recommended( for you)?|you (may|might) (also )?(like|be interested)|further reading|don't miss|continue reading)\b:?`), reasonPrompt, 20, []string{"also", "related", "more", "recommended", "you may", "you might", "reading", "miss"}},
	{rx(`(?i)^(get|try|go|upgrade to) [\p{L}\d .&'-]{1,30} (pro|premium|plus|unlimited)\b`), reasonPrompt, 30, []string{"pro", "premium", "plus", "unlimited"}},
	{rx(`(?i)\b(subscribe|sign up|log in|sign in|newsletter|register now|create an account|download (our|the)( [\p{L}]+)? app|support (our|independent) journalism|donate( now)?|become a (member|patron))\b`), reasonPrompt, 20, []string{"subscri", "sign up", "log in", "sign in", "newsletter", "register", "app", "journalism", "donate", "member", "patron"}},
	{rx(`(?i)^(join|follow|find) us (on|at)\b|^(join|follow) (our|the) [\p{L} ]{0,20}(channel|page|account)`), reasonPrompt, 20, []string{"us on", "us at", "join", "follow"}},
	{rx(`(?i)^(share|tweet|email|print|copy link|share (this|on|via)[\p{L} ]*|facebook|twitter|telegram|whatsapp|vk|linkedin|reddit|x)$`), reasonShare, 6, []string{"share", "tweet", "email", "print", "copy link", "facebook", "twitter", "telegram", "whatsapp", "vk", "linkedin", "reddit", "x"}},
	{rx(`(?i)^(share|поделиться)( (this|the) (article|story|page))?\s*[:|]`), reasonShare, 12, []string{"share", "поделиться"}},
	{rx(`(?i)^(share|поделиться|send)( this| to| on| via)?(\s+@?[\p{L}\d.-]+)?$`), reasonShare, 4, []string{"share", "поделиться", "send"}},
	{rx(`(?i)(make|making|with|include|place|an?) (an )?active (hyper)?link|(?i)active (hyper)?link (to|is)|(?i)(reproduc|reprint|republish|re-publish|use of (the )?materials?|materials may be used)\w* .{0,60}(only|permitted|allowed|prohibited|forbidden|without|requires?|required)|(?i)\b(hyperlink|гиперссылк\p{L}*)\b.{0,40}(required|обязательн\p{L}*)|(?i)(only|requires?|required) (with )?an? hyperlink`), reasonCopyright, 60, []string{"active", "reproduc", "reprint", "republish", "re-publish", "materials", "hyperlink", "гиперссылк"}},
	{rx(`(?i)(spelling (error|mistake)|typo).{0,80}(ctrl|select|highlight|notify|let us know|press)|ctrl\s*\+\s*enter`), reasonSpelling, 50, []string{"spelling", "typo", "ctrl"}},
	{rx(`(?i)^(photo|photograph|photos|image|images|picture|pictures|illustration|video|graphic|cover photo|main photo|фото)( by| credit| courtesy)?\s*[:：/©]`), reasonPhoto, 40, []string{"photo", "image", "picture", "illustration", "video", "graphic", "фото"}},
	{rx(`(?i)^(photo|image|picture) (by|courtesy|credit|from)\b`), reasonPhoto, 25, []string{"photo", "image", "picture"}},
	{rx(`(?i)^courtesy (of|photo)\b`), reasonPhoto, 25, []string{"courtesy"}},
	{rx(`(?i)\b(screenshot|screen ?grab|screen capture|still) (of|from)\b`), reasonPhoto, 30, []string{"screen", "still"}},
	{rx(`(?i)(/|\||·|-|—)\s*(getty images|afp|ap photo|reuters|epa|anadolu|tass|ria novosti|sputnik|shutterstock)\b.{0,20}$`), reasonPhoto, 25, []string{"getty", "afp", "ap photo", "reuters", "epa", "anadolu", "tass", "ria novosti", "sputnik", "shutterstock"}},
	{rx(`(?i)\b(photo|photograph|image|picture|video)\s*:\s*\S.{0,60}$`), reasonPhoto, 25, []string{"photo", "image", "picture", "video"}},
	{rx(`(?i)^\(?(photo|image|picture|illustrative (photo|image)|file photo)\)?\.?$`), reasonPhoto, 4, []string{"photo", "image", "picture"}},
	// A caption ends with its photo credit: "(Name/AP)", "(AP Photo/Name)",
	// "Name / AP", "- AFP", "Photo by Name/EPA", "via AP", "(File)".
	{captionCredit, reasonPhoto, 45, []string{"/", ")", " - ", " – ", " — ", "~", "photo", "via "}},
	// Copyright after the photo rules: "Photo: X © 2022, Name" is a photo credit.
	{rx(`©|(?i)\bcopyright\b|(?i)\ball rights reserved\b`), reasonCopyright, 40, []string{"©", "copyright", "rights reserved"}},
	{rx(`(?i)^(embed|embedded (content|video|tweet|post)|\[embed\]|<embed|iframe)\b`), reasonEmbed, 0, []string{"embed", "iframe"}},
	{rx(`(?i)^(this|the) (content|video|post|tweet) (is|can)(not| not)? (be )?(available|displayed|shown|loaded)`), reasonEmbed, 30, []string{"content", "video", "post", "tweet"}},
	{rx(`(?i)^\d{1,3}\s*(sec|second|min|minute|hr|hour|day|week|month|year)s?\.? ago$`), reasonTimestamp, 0, []string{"ago"}},
	{rx(`(?i)^(just now|yesterday|today)(,? \d{1,2}:\d{2})?$`), reasonTimestamp, 0, []string{"just now", "yesterday", "today"}},
	{rx(`(?i)^\d{1,3}[ -]?(min|minute)s?\.? read$`), reasonTimestamp, 0, []string{"read"}},
	{rx(`(?i)^(views?|comments?|просмотр\w*)\s*:?\s*\d[\d,. ]*$|^\d[\d,. ]*\s*(views?|comments?|просмотр\w*)$`), reasonTimestamp, 0, []string{"view", "comment", "просмотр"}},
	{rx(`(?i)^(tags?|topics?|keywords?|categories|filed under|теги)\s*:`), reasonTags, 40, []string{"tag", "topic", "keyword", "categories", "filed under", "теги"}},
	{rx(`(?i)^(advertisement|advertising|sponsored( content)?|ad|реклама|scroll to continue( with content)?)$`), reasonAd, 4, []string{"advert", "sponsored", "ad", "реклама", "scroll"}},
	{rx(`(?i)^(about the author|about us|contact us|privacy policy|terms of (use|service)|cookie (policy|settings)|accessibility|sitemap|rss|dmca|disclaimer|imprint|impressum|политика конфиденциальности|пользовательское соглашение)$`), reasonNavigation, 5, []string{"about", "contact", "privacy", "terms of", "cookie", "accessibility", "sitemap", "rss", "dmca", "disclaimer", "imprint", "impressum", "политика", "соглашение"}},
	{rx(`^\d{1,3}\s*/\s*\d{1,3}$`), reasonImage, 3, nil}, // gallery counter "1 / 21"
	{rx(`^\d{1,2}:\d{2}$`), reasonTimestamp, 1, []string{":"}},
	{rx(`(?i)^(how|was this|did you find|насколько|была ли)\b.{0,40}\b(helpful|informative|useful|полезн\p{L}*|интересн\p{L}*)\b.{0,20}\??$`), reasonFeedback, 12, []string{"helpful", "informative", "useful", "полезн", "интересн"}},
	{rx(`(?i)\bsupport\b.{0,80}\bjournalism\b|\bjournalism\b.{0,60}\b(needs|depends on) (your|readers)`), reasonPrompt, 40, []string{"journalism"}},
	{rx(`(?i)(подписывайтесь|подпишитесь|присоединяйтесь|следите за (нами|новостями)|(в|на) наш(ем|ем официальном)? (telegram|телеграм|канал)|наш (telegram|телеграм)-?канал)`), reasonPrompt, 20, []string{"подпис", "присоедин", "следите", "telegram", "телеграм", "канал"}},
	{rx(`(?i)\bwe use cookies\b|\bcookies? (policy|settings|consent)\b|\baccept (all )?cookies\b`), reasonNavigation, 40, []string{"cookie"}},
	{rx(`(?i)^(our|editorial) (standards|principles|ethics)\b|\btrust principles\b|^(corrections|ethics) policy\b`), reasonPrompt, 12, []string{"standards", "principles", "ethics", "corrections"}},
	{rx(`(?i)^(languages?|язык|read in|edition)\s*:`), reasonNavigation, 12, []string{"language", "язык", "read in", "edition"}},
	{rx(`(?i)^((media|press) (contacts?|enquiries|inquiries|office)|contacts?|for (media|press) (enquiries|inquiries))\s*:`), reasonContact, 30, []string{"contact", "enquiries", "inquiries", "press office", "media office"}},
	{rx(`(?i)certificate of (state )?registration|registered as (a |an )?(mass )?media|media registration (number|no)|свидетельство о (постановке|регистрации)`), reasonCopyright, 40, []string{"registration", "registered", "свидетельство"}},
	{rx(`(?i)^skip to (main )?(content|navigation)$|^(menu|search|home|back to top|top|next|previous|close|open|load more|show more)$`), reasonNavigation, 4, []string{"skip", "menu", "search", "home", "top", "next", "previous", "close", "open", "load more", "show more"}},
}

// listHeadings start a block of headlines that is not the article: "Most
// read", "Related content", "Latest news". The heading and the list under it
// go.
var listHeading = rx(`(?i)^(#+\s*)?(most (read|popular|viewed|shared|commented)|popular( now| news| stories)?|trending( now| stories)?|top (stories|news|reads)|latest( news| stories| articles)?|related( content| articles| news| stories| posts)?|more (news|stories|articles)|read (more|also|next)|see also|what to read next|editor'?s picks|recommended( articles| stories)?|в тренде|читайте также|популярное|последние новости)\s*:?\s*$`)

// bioCue recognises a closing author bio ("X is a freelance journalist based
// in Almaty").
var bioCue = rx(`(?i)\b(is|was|has been|works as) an? (\p{L}+[ -])*(journalist|reporter|correspondent|editor|writer|columnist|contributor|analyst|producer|photographer|researcher|blogger|author|commentator|fellow)\b|^about the author\b|^the author (is|was|has)\b`)

// bylinePattern reads "By A and B", "By A, Outlet", "Author: A", "Written by
// A", "Reporting by A; Editing by B".
var (
	bylineBy        = rx(`^(?i:by|written by|text by|story by|posted by|from)\s+(.+)$`)
	bylineLabel     = rx(`^(?i:authors?|автор|текст|reporter|correspondent)\s*[:：]\s*(.+)$`)
	bylineReporting = rx(`^\(?(?i:reporting by|reported by|additional reporting by)\s+(.+?)\)?$`)
)

// labelledField is a header line naming its field ("Title: …"); the
// labels are fieldLabels.
var labelledField = rx(`^([\p{L} ]{2,20}?)\s*[:：]\s*(\S.*)$`)

// fieldOfLabel returns the metadata field a header label names, or "".
func fieldOfLabel(label string) string {
	label = strings.ToLower(strings.TrimSpace(label))
	for field, labels := range fieldLabels {
		if containsStr(labels, label) {
			return field
		}
	}
	return ""
}

// headerDateLine is the "date 2022-01-11 Title" header some scrapers write.
var headerDateLine = rx(`^(?i:date)\s*[:=]?\s*(\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)\s*(.*)$`)

// Footers that carry metadata.
var (
	urlFooter    = rx(`^(?i:original url|original link|source url|url|link|canonical|permalink|source link|originally published at)\s*[:：]\s*<?(https?://[^\s>]+)>?\s*$`)
	sourceFooter = rx(`^(?i:source|источник|originally published by|first published by|republished from|this (article|story) (was )?(first|originally) (appeared|published) (in|on|by))\s*[:：]?\s*(.+?)\.?$`)
	bareURLLine  = rx(`^<?(https?://[^\s>]+)>?$`)
)

// Markdown syntax in pasted text.
var (
	mdImage      = rx(`!\[([^\]]*)\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)
	mdLink       = rx(`\[([^\]]+)\]\(([^)\s]*)(?:\s+"[^"]*")?\)`)
	mdAutoLink   = rx(`<(https?://[^\s>]+)>`)
	mdHeading    = rx(`^#{1,6}\s+`)
	mdEmphasis   = rx(`(\*\*|__)([^*_]+?)(\*\*|__)`)
	mdListMarker = rx(`^([*+-]|\d{1,3}[.)])\s+`)
)

// photoAgencies credit pictures, not stories.
var photoAgencies = []string{"Getty Images", "Getty", "EPA", "EPA-EFE", "Shutterstock", "Alamy", "File", "Pool",
	"NurPhoto", "SOPA Images", "ZUMA", "iStock", "Reuters Pictures", "AP Images", "Handout", "Фото", "архив"}

// captionCredit matches a line that ends in a photo credit; built from the
// agency and photo-agency lexicons.
var captionCredit = func() *regexp.Regexp {
	var names []string
	for _, forms := range wireAgencies {
		for _, f := range forms {
			names = append(names, regexp.QuoteMeta(f))
		}
	}
	for _, f := range photoAgencies {
		names = append(names, regexp.QuoteMeta(f))
	}
	sort.Slice(names, func(i, j int) bool { return len(names[i]) > len(names[j]) })
	alt := strings.Join(names, "|")
	return regexp.MustCompile(`(?:` +
		// "(Name/AP)", "(AP Photo/Name)", "(AP)", "(File)"
		`\((?:[^()]{1,60}/\s*)?(?:` + alt + `)(?:\s+Photo)?(?:\s*/[^()]{1,60})?\)` +
		// "Name / AP", "- AFP", "~ The Sun News via AP"
		`|\s(?:/|-|–|—|~|via)\s*(?:` + alt + `)` +
		// "Photo by Name/EPA", "Photo: Name"
		`|(?i:\bphoto(?:graph)?\s+(?:by|credit)\b)[^.]{2,60}` +
		`)\.?\s*$`)
}()

// videoTeaser is a video's title with its length glued on at either end
// ("Rescuers reach the valley 02:15", "1:45 Watch the rescue").
var videoTeaser = rx(`^(?:▶|►)?\s*\d{1,2}:\d{2}(?::\d{2})?\s+\p{L}[^.!?]*$|^([^.!?]*[\p{L}»")])\s+(?:▶|►)?\d{1,2}:\d{2}(?::\d{2})?$`)

// timePrepositions before a time make it part of a headline ("Polls close
// at 20:00"), not a video's length.
var timePrepositions = []string{"at", "from", "until", "till", "by", "to", "before", "after", "since", "around",
	"в", "с", "до", "к", "после", "около", "на"}

func isVideoTeaser(text string, words int) bool {
	if words > 20 || !strings.Contains(text, ":") {
		return false
	}
	mm := videoTeaser.FindStringSubmatch(text)
	if mm == nil {
		return false
	}
	if mm[1] != "" {
		before := strings.Fields(mm[1])
		if containsStr(timePrepositions, strings.ToLower(before[len(before)-1])) {
			return false
		}
	}
	return true
}
