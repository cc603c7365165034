package gazetteer

import (
	"sort"
	"strings"
)

// irregularDemonyms maps ISO codes to demonyms the suffix rules cannot
// derive from the English country name. Kept as data; plural forms are
// generated.
var irregularDemonyms = map[string]string{
	"KZ": "kazakh kazakhstani qazaq",
	"KG": "kyrgyz kirghiz kyrgyzstani",
	"TJ": "tajik tadjik tajikistani",
	"UZ": "uzbek uzbekistani",
	"TM": "turkmen turkmenistani",
	"AF": "afghan afghani",
	"PK": "pakistani",
	"CN": "chinese",
	"JP": "japanese",
	"FR": "french",
	"GB": "british scottish welsh scot scots brit",
	"IE": "irish",
	"DE": "german",
	"NL": "dutch",
	"ES": "spanish spaniard",
	"PT": "portuguese",
	"CH": "swiss",
	"SE": "swedish swede",
	"DK": "danish dane",
	"FI": "finnish finn",
	"NO": "norwegian",
	"PL": "polish pole",
	"TR": "turkish turk",
	"GR": "greek",
	"IL": "israeli",
	"IQ": "iraqi",
	"IR": "iranian persian",
	"SA": "saudi",
	"YE": "yemeni",
	"KW": "kuwaiti",
	"QA": "qatari",
	"AE": "emirati",
	"BD": "bangladeshi",
	"NP": "nepali nepalese",
	"TH": "thai",
	"PH": "filipino philippine",
	"VN": "vietnamese",
	"LB": "lebanese",
	"SD": "sudanese",
	"SN": "senegalese",
	"US": "american",
	"NZ": "zealander kiwi",
	"CZ": "czech",
	"SK": "slovak",
	"HR": "croat croatian",
	"RS": "serb serbian",
	"BY": "belarusian belarussian",
	"UA": "ukrainian",
	"RU": "russian",
	"MN": "mongolian mongol",
	"AZ": "azerbaijani azeri",
	"GE": "georgian",
	"AM": "armenian",
	"IS": "icelandic icelander",
	"HU": "hungarian magyar",
	"OM": "omani",
	"BH": "bahraini",
	"MM": "burmese",
	"KR": "korean",
	"CY": "cypriot",
	"MT": "maltese",
	"LU": "luxembourgish",
	"BE": "belgian",
	"AT": "austrian",
	"IT": "italian",
	"EG": "egyptian",
	"MA": "moroccan",
	"DZ": "algerian",
	"TN": "tunisian",
	"LY": "libyan",
	"SY": "syrian",
	"JO": "jordanian",
	"PS": "palestinian",
	"CA": "canadian",
	"MX": "mexican",
	"BR": "brazilian",
	"AR": "argentine argentinian",
	"CL": "chilean",
	"PE": "peruvian",
	"IN": "indian",
}

// groupNames are regional, ethnic, religious and political groups with no
// single country ("*"). English and Russian.
const groupNames = `arab arabs uyghur uighur karakalpak tatar chechen pashtun kurd kurdish dungan
	european asian african soviet western eastern latino hispanic slav slavic
	muslim christian jewish jew sunni shia shiite catholic orthodox protestant hindu buddhist sikh islamist
	democrat republican communist socialist conservative liberal bolshevik taliban
	казах казахи казахский казашка кыргыз кыргызы киргиз киргизы кыргызский таджик таджики таджикский
	узбек узбеки узбекский туркмен туркмены русский русские россиянин россияне американец американцы
	украинец украинцы китаец китайцы уйгур уйгуры дунган дунгане мусульманин мусульмане`

// buildDemonyms derives nationality words from English country names with
// suffix rules (Kenya → Kenyan, Russia → Russian, Tajikistan → Tajik),
// adds the irregular ones and group names, and plural nouns ("Tajiks").
func buildDemonyms(countries, out map[string]string) {
	add := func(word, code string) {
		if word == "" {
			return
		}
		if _, dup := out[word]; !dup {
			out[word] = code
		}
		if strings.HasSuffix(word, "ese") || strings.HasSuffix(word, "ish") || strings.HasSuffix(word, "ch") || strings.HasSuffix(word, "swiss") {
			return // "the Chinese", "the French": no plural
		}
		if _, dup := out[word+"s"]; !dup && !strings.ContainsAny(word, "абвгдеёжзийклмнопрстуфхцчшщъыьэюя") {
			out[word+"s"] = code
		}
	}
	for _, code := range sortedKeys(irregularDemonyms) {
		for _, w := range strings.Fields(irregularDemonyms[code]) {
			add(w, code)
		}
	}
	for _, w := range strings.Fields(groupNames) {
		if _, dup := out[w]; !dup {
			out[w] = "*"
		}
		if !isCyrillic(w) && !strings.HasSuffix(w, "ish") && !strings.HasSuffix(w, "s") {
			if _, dup := out[w+"s"]; !dup {
				out[w+"s"] = "*"
			}
		}
	}
	// Suffix rules over one-word English country names only (Latin, no
	// spaces), so "Republic of Korea" yields nothing.
	for _, name := range sortedKeys(countries) {
		code := countries[name]
		if strings.ContainsAny(name, " ,()'.") || isCyrillic(name) || !isASCII(name) {
			continue
		}
		if irregularDemonyms[code] != "" {
			continue
		}
		switch {
		case strings.HasSuffix(name, "stan"):
			add(strings.TrimSuffix(name, "stan"), code)
			add(name+"i", code)
		case strings.HasSuffix(name, "ia"):
			add(name+"n", code)
		case strings.HasSuffix(name, "a"):
			add(name+"n", code)
		case strings.HasSuffix(name, "y"):
			add(strings.TrimSuffix(name, "y")+"ian", code)
		case strings.HasSuffix(name, "e"):
			add(name+"an", code)
		case strings.HasSuffix(name, "o"):
			add(name+"an", code)
		case strings.HasSuffix(name, "i"):
			add(name+"an", code)
		default:
			add(name+"ian", code)
		}
	}
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
