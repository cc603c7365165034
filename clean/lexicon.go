package clean

// Lexicons used by cleaning, kept as data (one entry a line) so a new
// agency or a new language's list heading is a line here, never a rule.

// wireAgencies maps a news agency's canonical name to the ways pages write
// it in datelines, credits and bylines (English and Russian). Names of
// three letters or fewer match case-sensitively ("AP", "dpa"); longer ones
// ignore case.
var wireAgencies = map[string][]string{
	"AP":                 {"AP", "Associated Press", "The Associated Press"},
	"Reuters":            {"Reuters", "Thomson Reuters", "Рейтер", "Рейтерс"},
	"AFP":                {"AFP", "Agence France-Presse", "Agence France Presse", "Франс Пресс", "Франс-Пресс"},
	"TASS":               {"TASS", "ТАСС", "ITAR-TASS", "ИТАР-ТАСС"},
	"RIA Novosti":        {"RIA Novosti", "РИА Новости", "RIA", "РИА"},
	"Interfax":           {"Interfax", "Интерфакс"},
	"dpa":                {"dpa", "DPA", "Deutsche Presse-Agentur"},
	"EFE":                {"EFE"},
	"ANSA":               {"ANSA"},
	"Xinhua":             {"Xinhua", "Синьхуа"},
	"Anadolu Agency":     {"Anadolu", "Anadolu Agency", "Анадолу"},
	"Kyodo":              {"Kyodo", "Kyodo News"},
	"Yonhap":             {"Yonhap"},
	"PTI":                {"PTI", "Press Trust of India"},
	"IANS":               {"IANS"},
	"ANI":                {"ANI"},
	"Bernama":            {"Bernama"},
	"Antara":             {"Antara"},
	"PA Media":           {"PA", "PA Media", "Press Association"},
	"AAP":                {"AAP", "Australian Associated Press"},
	"The Canadian Press": {"CP", "Canadian Press", "The Canadian Press"},
	"UPI":                {"UPI", "United Press International"},
	"Bloomberg":          {"Bloomberg"},
	"Kabar":              {"Kabar", "Кабар"},
	"Kazinform":          {"Kazinform", "Казинформ"},
	"AKIpress":           {"AKIpress", "АКИpress"},
	"Trend":              {"Trend"},
	"APA":                {"APA"},
	"UNIAN":              {"UNIAN", "УНИАН"},
	"Ukrinform":          {"Ukrinform", "Укринформ"},
	"BelTA":              {"BelTA", "БелТА"},
	"Sputnik":            {"Sputnik", "Спутник"},
	"Prensa Latina":      {"Prensa Latina"},
	"KUNA":               {"KUNA"},
	"IRNA":               {"IRNA"},
	"SANA":               {"SANA"},
	"WAM":                {"WAM"},
	"MENA":               {"MENA"},
	"NTB":                {"NTB"},
	"TT":                 {"TT"},
	"Belga":              {"Belga"},
	"APA-OTS":            {"APA-OTS"},
	"PAP":                {"PAP"},
	"CTK":                {"CTK", "ČTK"},
	"Lusa":               {"Lusa"},
	"Europa Press":       {"Europa Press"},
	"CNA":                {"CNA", "Central News Agency"},
	// More of the world's national and international agencies.
	"Jiji Press":          {"Jiji", "Jiji Press"},
	"China News Service":  {"China News Service", "Чжунго Синьвэнь"},
	"KCNA":                {"KCNA", "Korean Central News Agency", "ЦТАК"},
	"UNI":                 {"UNI", "United News of India"},
	"APP":                 {"APP", "Associated Press of Pakistan"},
	"BSS":                 {"BSS", "Bangladesh Sangbad Sangstha"},
	"PNA":                 {"PNA", "Philippine News Agency"},
	"VNA":                 {"VNA", "Vietnam News Agency"},
	"Agência Brasil":      {"Agência Brasil", "Agencia Brasil"},
	"Notimex":             {"Notimex"},
	"Télam":               {"Télam", "Telam"},
	"AGI":                 {"AGI", "Agenzia Giornalistica Italia"},
	"Adnkronos":           {"Adnkronos"},
	"Keystone-SDA":        {"Keystone-SDA", "Keystone-ATS", "SDA", "ATS"},
	"ANP":                 {"ANP"},
	"Ritzau":              {"Ritzau"},
	"STT":                 {"STT"},
	"TASR":                {"TASR"},
	"MTI":                 {"MTI"},
	"Agerpres":            {"Agerpres"},
	"BTA":                 {"BTA"},
	"Tanjug":              {"Tanjug", "Танюг"},
	"HINA":                {"HINA"},
	"STA":                 {"STA"},
	"ANA-MPA":             {"ANA-MPA", "AMNA", "Athens-Macedonian News Agency"},
	"BNS":                 {"BNS", "Baltic News Service"},
	"LETA":                {"LETA"},
	"ELTA":                {"ELTA"},
	"Dow Jones":           {"Dow Jones", "Dow Jones Newswires"},
	"epd":                 {"epd"},
	"KNA":                 {"KNA", "Kenya News Agency"},
	"NAN":                 {"NAN", "News Agency of Nigeria"},
	"African News Agency": {"African News Agency"},
	"MAP":                 {"MAP", "Maghreb Arabe Presse"},
	"APS":                 {"APS", "Algérie Presse Service"},
	"TAP":                 {"TAP", "Tunis Afrique Presse"},
	"SPA":                 {"SPA", "Saudi Press Agency"},
	"QNA":                 {"QNA", "Qatar News Agency"},
	"ISNA":                {"ISNA"},
	"Tasnim":              {"Tasnim", "Тасним"},
	"Mehr":                {"Mehr News", "Mehr"},
	"Fars":                {"Fars", "Fars News"},
	"DHA":                 {"DHA", "Demirören News Agency", "Dogan News Agency"},
	"IHA":                 {"IHA", "İHA", "Ihlas News Agency"},
	"AzerTAc":             {"AzerTAc", "Azertac", "АзерТАдж"},
	"Armenpress":          {"Armenpress", "Арменпресс"},
	"Khovar":              {"Khovar", "Ховар"},
	"KazTAG":              {"KazTAG", "КазТАГ"},
	"Interfax-Ukraine":    {"Interfax-Ukraine", "Интерфакс-Украина"},
	"Interfax-Kazakhstan": {"Interfax-Kazakhstan", "Интерфакс-Казахстан"},
	"Regnum":              {"Regnum", "ИА Регнум", "Регнум"},
	"Prime":               {"PRIME", "ПРАЙМ", "Прайм"},
	"Rosbalt":             {"Rosbalt", "Росбалт"},
	"FederalPress":        {"FederalPress", "ФедералПресс"},
}

// newspaperTitleWords end the names of newspapers ("the Lakeshore Times",
// "Valley Tribune"): a byline naming one after its author credits that
// paper's story when the site is another. Words that are also common
// surnames ("Sun", "Mail", "Post" alone) count only at the end of a name of
// two or more words.
var newspaperTitleWords = []string{
	"Times", "Post", "Tribune", "Herald", "Journal", "Gazette", "Chronicle", "Telegraph", "Guardian", "Observer",
	"Inquirer", "Dispatch", "Examiner", "Courier", "Register", "Bulletin", "Sentinel", "Courant", "Enquirer",
	"Advertiser", "Review", "Independent", "Globe", "Star", "Monitor", "Star-Tribune", "Times-Picayune",
	"Star-Ledger", "Democrat", "Statesman", "Leader", "Citizen", "Daily", "Weekly",
}

// agencyReportVerbs introduce the agency a rewritten story is taken from,
// in the lead ("…, передает ТАСС"; "сообщает корреспондент РИА Новости"),
// and roleWords may stand between verb and agency. English leads credit
// an agency in the dateline or byline instead; "according to Reuters"
// cites one detail, so no English verb is listed.
var (
	agencyReportVerbs = []string{"передает", "передаёт", "сообщает", "сообщило", "сообщил", "сообщила", "информирует"}
	agencyRoleWords   = []string{"корреспондент", "корреспондента", "агентство", "агентства", "ия", "иа"}
)

// cdnHostLabels are host labels that name a delivery network or a server
// rather than the outlet ("cdn.x.com", "origin-web.x.com",
// "x-prod.cdn.vendor.com"): the outlet is read from the labels around them.
var cdnHostLabels = []string{"cdn", "cdns", "origin", "edge", "static", "assets", "media-cdn", "akamai", "akamaized",
	"cloudfront", "fastly", "edgesuite", "edgekey", "azureedge", "cloudflare", "amp", "ampproject", "prod", "production",
	"stage", "staging", "www", "www2", "m", "mobile", "web", "digital", "amp-cdn", "cache", "img", "images"}

// blogPlatformHosts host many sites, each named by the label before the
// platform's ("name.blogspot.com" → "name").
var blogPlatformHosts = []string{"blogspot", "wordpress", "livejournal", "tumblr", "substack", "medium", "wixsite",
	"weebly", "github", "narod", "ucoz", "blogger", "typepad", "ghost"}

// sectionPrepositions file a date line under its section ("June 3, 2019
// in World/Asia").
var sectionPrepositions = []string{"in", "under", "в", "во"}

// listHeadingWords open a block of links that is not the article (most-read
// lists, related articles, download charts), in English and Russian. A
// short line starting with one of them, followed by short link-like lines,
// goes with its list.
var listHeadingWords = []string{
	"also read", "read also", "read more", "see also", "most read", "most popular", "most viewed", "most shared",
	"top downloads", "top stories", "top news", "trending", "related", "more from", "more on", "more stories",
	"latest news", "editor's picks", "recommended", "you may also like", "you might also like", "don't miss",
	"watch next", "up next", "what to read next", "in other news", "popular now", "more news",
	"читайте также", "читать также", "смотрите также", "по теме", "самое читаемое", "популярное", "в тренде",
	"последние новости", "новости партнеров", "новости по теме", "ещё по теме", "еще по теме", "материалы по теме",
	"другие новости", "лента новостей", "главное", "рекомендуем", "горячие новости", "самое популярное",
	"хроника событий", "мы рекомендуем", "вам может быть интересно", "новости по теме",
}

// commentCues start a comment box or a comment-policy notice.
var commentCues = []string{
	"comments", "leave a comment", "add a comment", "post a comment", "join the conversation", "show comments",
	"view comments", "comments are closed", "log in to comment", "sign in to comment", "you must be logged in",
	"комментарии", "оставьте комментарий", "добавить комментарий", "войдите, чтобы",
}

// captionVerbs are the present-tense verbs a photo caption describes its
// picture with ("X reacts after …", "X looks on as …"), in English and
// Russian. Reporting tells what happened in the past tense; a sentence in
// this tense, restated by the paragraph beside it, is the picture's caption.
var captionVerbs = []string{
	"reacts", "react", "gestures", "gesture", "looks on", "look on", "waves", "wave", "poses", "pose", "smiles",
	"arrives", "arrive", "leaves", "attends", "stands", "stand", "sits", "walks", "walk", "listens", "listen",
	"speaks", "speak", "talks", "holds", "hold", "is seen", "are seen", "is pictured", "are pictured", "is escorted",
	"are escorted", "pays tribute", "mourns", "mourn", "embraces", "embrace", "cries", "weeps", "searches", "search",
	"carries", "carry", "inspects", "inspect", "sorts through", "clears", "gathers", "gather", "rally", "rallies",
	"реагирует", "жестикулирует", "позирует", "улыбается", "прибывает", "покидает", "выступает", "стоит", "стоят",
	"сидит", "идёт", "идет", "слушает", "держит", "обнимает", "плачет", "осматривает", "разбирают", "ищут",
}

// fieldLabels are the labels of a pasted article's header lines ("Title:
// …", "Издание: …"), by the metadata field they fill, in English and
// Russian. Dates, bylines and URLs have their own readers.
var fieldLabels = map[string][]string{
	"title":  {"title", "headline", "заголовок", "название"},
	"outlet": {"outlet", "publication", "publisher", "newspaper", "site", "издание", "сми", "сайт", "газета"},
}
