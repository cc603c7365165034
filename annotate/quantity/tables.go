package quantity

import "strings"

// currencyWords maps a lower-cased currency name that follows an amount to
// its ISO 4217 code. Russian forms are matched by prefix in currencyStem.
var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "usd": "USD", "bucks": "USD",
	"tenge": "KZT", "tenges": "KZT", "kzt": "KZT",
	"som": "KGS", "soms": "KGS", "kgs": "KGS", "som's": "KGS",
	"sum": "UZS", "soum": "UZS", "soums": "UZS", "uzs": "UZS",
	"somoni": "TJS", "somonis": "TJS", "tjs": "TJS",
	"ruble": "RUB", "rubles": "RUB", "rouble": "RUB", "roubles": "RUB", "rub": "RUB",
	"euro": "EUR", "euros": "EUR", "eur": "EUR",
	"pound": "GBP", "pounds": "GBP", "gbp": "GBP",
	"yuan": "CNY", "renminbi": "CNY", "cny": "CNY",
	"hryvnia": "UAH", "hryvnias": "UAH", "hryvnias'": "UAH", "uah": "UAH",
	"lari": "GEL", "gel": "GEL",
	"manat": "AZN", "manats": "AZN", "azn": "AZN",
	"dram": "AMD", "drams": "AMD", "amd": "AMD",
	"lira": "TRY", "liras": "TRY", "lire": "TRY",
	"rupee": "INR", "rupees": "INR", "inr": "INR",
	"yen": "JPY", "jpy": "JPY",
	"franc": "CHF", "francs": "CHF", "chf": "CHF",
}

// currencyStems are prefixes of inflected (mostly Russian) currency words.
var currencyStems = []struct{ stem, code string }{
	{"доллар", "USD"}, {"тенге", "KZT"}, {"рубл", "RUB"}, {"сом", "KGS"},
	{"евро", "EUR"}, {"сомони", "TJS"}, {"сум", "UZS"}, {"гривн", "UAH"},
}

// currencyCodes are upper-case codes that may precede an amount ("KZT 90,000").
var currencyCodes = map[string]string{
	"USD": "USD", "KZT": "KZT", "KGS": "KGS", "EUR": "EUR", "RUB": "RUB",
	"UZS": "UZS", "TJS": "TJS", "GBP": "GBP", "CNY": "CNY", "UAH": "UAH",
	"GEL": "GEL", "AZN": "AZN", "AMD": "AMD", "CHF": "CHF", "JPY": "JPY",
	"TRY": "TRY", "INR": "INR",
}

// currencySymbols precede (or follow) an amount.
var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "₸": "KZT", "₽": "RUB", "¥": "JPY",
	"₴": "UAH", "₾": "GEL", "₼": "AZN", "₹": "INR", "₺": "TRY",
}

// currencyAdjectives may sit between an amount and a currency word
// ("200 US dollars", "90,000 Kazakh tenge").
var currencyAdjectives = map[string]bool{
	"us": true, "u.s.": true, "american": true, "kazakh": true, "kazakhstani": true,
	"kyrgyz": true, "russian": true, "uzbek": true, "tajik": true, "hong": true,
	"australian": true, "canadian": true, "new": true, "ukrainian": true,
}

func currencyOf(lower string) (string, bool) {
	if c, ok := currencyWords[lower]; ok {
		return c, true
	}
	for _, s := range currencyStems {
		if strings.HasPrefix(lower, s.stem) {
			// "сомони" must win over "сом".
			if s.code == "KGS" && strings.HasPrefix(lower, "сомони") {
				return "TJS", true
			}
			return s.code, true
		}
	}
	return "", false
}

// multipliers scale a preceding number ("8.5 billion", "$19.6m").
var multipliers = map[string]float64{
	"thousand": 1e3, "thousands": 1e3, "k": 1e3,
	"million": 1e6, "millions": 1e6, "mln": 1e6, "mn": 1e6, "m": 1e6,
	"billion": 1e9, "billions": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
	"trillion": 1e12, "tn": 1e12,
	"тыс": 1e3, "тысяч": 1e3, "тысячи": 1e3, "тысяча": 1e3,
	"млн": 1e6, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
	"млрд": 1e9, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9,
}

// shortMultipliers are only multipliers when glued to the number ("19.6m").
var shortMultipliers = map[string]bool{"k": true, "m": true, "b": true, "mn": true, "bn": true, "tn": true}

var unitWords = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
	"seventeen": 17, "eighteen": 18, "nineteen": 19,
}

var tensWords = map[string]float64{
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
	"seventy": 70, "eighty": 80, "ninety": 90,
}

// vagueRanges are count words that stand for a range ("dozens of people").
// The bounds are conventional readings, wide on purpose: a comparison only
// needs to know that "dozens" cannot be 5 or 500.
var vagueRanges = map[string][2]float64{
	"dozens":    {24, 99},
	"scores":    {40, 200},
	"tens":      {20, 99},
	"hundreds":  {200, 999},
	"thousands": {2000, 9999},
	"millions":  {2e6, 9.99e6},
	"billions":  {2e9, 9.99e9},
	"several":   {3, 9},
	"few":       {2, 5},
	"handful":   {2, 6},
	"numerous":  {10, 1e6},
	"many":      {10, 1e6},
}

// vaguePowers scale a vague count word used as a multiplier ("tens of
// thousands", "several hundred").
var vaguePowers = map[string]float64{"hundred": 100, "hundreds": 100, "thousand": 1e3, "thousands": 1e3, "million": 1e6, "millions": 1e6}

// modifier is how a phrase before a number bends its value.
type modifier uint8

const (
	modNone   modifier = iota
	modApprox          // about 30
	modBelow           // nearly 100,000: a bit under
	modAbove           // more than 100
	modAtMost          // up to 50
)

// modifierPhrases are matched word by word before a number, longest first.
var modifierPhrases = []struct {
	words []string
	mod   modifier
}{
	{[]string{"more", "than"}, modAbove},
	{[]string{"over"}, modAbove},
	{[]string{"at", "least"}, modAbove},
	{[]string{"upwards", "of"}, modAbove},
	{[]string{"in", "excess", "of"}, modAbove},
	{[]string{"just", "over"}, modAbove},
	{[]string{"well", "over"}, modAbove},
	{[]string{"no", "fewer", "than"}, modAbove},
	{[]string{"no", "less", "than"}, modAbove},
	{[]string{"nearly"}, modBelow},
	{[]string{"almost"}, modBelow},
	{[]string{"just", "under"}, modBelow},
	{[]string{"close", "to"}, modBelow},
	{[]string{"about"}, modApprox},
	{[]string{"around"}, modApprox},
	{[]string{"approximately"}, modApprox},
	{[]string{"roughly"}, modApprox},
	{[]string{"some"}, modApprox},
	{[]string{"an", "estimated"}, modApprox},
	{[]string{"estimated"}, modApprox},
	{[]string{"circa"}, modApprox},
	{[]string{"approx"}, modApprox},
	{[]string{"up", "to"}, modAtMost},
	{[]string{"as", "many", "as"}, modAtMost},
	{[]string{"as", "much", "as"}, modAtMost},
	{[]string{"fewer", "than"}, modAtMost},
	{[]string{"less", "than"}, modAtMost},
	{[]string{"under"}, modAtMost},
	{[]string{"at", "most"}, modAtMost},
	{[]string{"no", "more", "than"}, modAtMost},
	{[]string{"около"}, modApprox},
	{[]string{"почти"}, modBelow},
	{[]string{"более"}, modAbove},
	{[]string{"свыше"}, modAbove},
	{[]string{"до"}, modAtMost},
}

// timeUnits maps duration and age unit words to a canonical unit and its
// length in days (used to compare "three months" with "90 days").
var timeUnits = map[string]string{
	"second": "second", "seconds": "second",
	"minute": "minute", "minutes": "minute",
	"hour": "hour", "hours": "hour",
	"day": "day", "days": "day",
	"week": "week", "weeks": "week",
	"month": "month", "months": "month",
	"year": "year", "years": "year",
	"decade": "decade", "decades": "decade",
	"день": "day", "дня": "day", "дней": "day", "суток": "day",
	"неделю": "week", "недели": "week", "недель": "week",
	"месяц": "month", "месяца": "month", "месяцев": "month",
	"год": "year", "года": "year", "лет": "year",
}

// DaysPer is the length of each canonical time unit in days.
var DaysPer = map[string]float64{
	"second": 1.0 / 86400, "minute": 1.0 / 1440, "hour": 1.0 / 24, "day": 1,
	"week": 7, "month": 30.44, "year": 365.25, "decade": 3652.5,
}

// countStop are words that end a counted noun phrase: function words and
// verbs that typically follow a number.
var countStop = map[string]bool{
	"of": true, "the": true, "a": true, "an": true, "and": true, "or": true, "in": true,
	"on": true, "at": true, "to": true, "for": true, "from": true, "by": true, "with": true,
	"were": true, "was": true, "are": true, "is": true, "had": true, "have": true, "has": true,
	"who": true, "that": true, "which": true, "as": true, "than": true, "per": true,
	"percent": true, "per-cent": true, "pc": true, "said": true, "say": true, "says": true,
	"will": true, "would": true, "could": true, "may": true, "be": true, "been": true,
	"ago": true, "later": true, "earlier": true, "after": true, "before": true,
	"times": true, "more": true, "less": true, "fewer": true, "other": true, "others": true,
	"but": true, "into": true, "out": true, "up": true, "down": true,
	"does": true, "do": true, "did": true, "not": true, "also": true, "still": true, "each": true,
	"this": true, "these": true, "those": true, "its": true, "their": true, "his": true, "her": true,
}

// irregularPlurals are counted nouns that do not end in "s".
var irregularPlurals = map[string]bool{
	"people": true, "men": true, "women": true, "children": true, "police": true,
	"personnel": true, "staff": true, "cattle": true, "livestock": true, "youth": true,
	"militia": true, "crew": true, "infantry": true, "troops": true,
	"homeless": true,
	"человек":  true, "граждан": true, "людей": true,
}

// notCounted are plural-looking words that never name what a number counts.
var notCounted = map[string]bool{
	"years": true, "days": true, "months": true, "weeks": true, "hours": true,
	"minutes": true, "seconds": true, "decades": true, "percent": true, "times": true,
	"degrees": true,
	"as":      true, "is": true, "was": true, "has": true, "its": true, "this": true, "his": true,
	"us": true, "yes": true, "thus": true, "plus": true, "less": true, "always": true,
	"pm": true, "am": true, "gmt": true, "utc": true, "ads": true,
}

// nominalCasualties are participles used as nouns for people ("three of
// the injured", "two of the dead").
var nominalCasualties = map[string]bool{
	"injured": true, "wounded": true, "dead": true, "missing": true, "detained": true, "arrested": true,
	"deceased": true, "killed": true, "evacuated": true, "displaced": true, "rescued": true,
}

// casualtyWords after a bare number make it a count of people ("86 killed").
var casualtyWords = map[string]bool{
	"killed": true, "dead": true, "died": true, "injured": true, "wounded": true, "hurt": true,
	"missing": true, "detained": true, "arrested": true, "rescued": true, "evacuated": true,
	"hospitalised": true, "hospitalized": true, "displaced": true, "trapped": true, "released": true,
	"погибли": true, "ранены": true, "задержаны": true,
}

// casualtyAux may stand between a bare number and a casualty word.
var casualtyAux = map[string]bool{
	"were": true, "was": true, "have": true, "had": true, "has": true, "been": true, "are": true,
	"people": true, "reportedly": true, "later": true, "also": true, "more": true, "others": true,
}

// measureUnits are units of length, area and weight; a number before one
// is a count of that unit ("a depth of 280 metres", "970 km of border").
var measureUnits = map[string]string{
	"km": "kilometre", "kilometre": "kilometre", "kilometres": "kilometre", "kilometer": "kilometre",
	"kilometers": "kilometre", "m": "metre", "metre": "metre", "metres": "metre", "meter": "metre",
	"meters": "metre", "mile": "mile", "miles": "mile", "hectare": "hectare", "hectares": "hectare",
	"ha": "hectare", "tonne": "tonne", "tonnes": "tonne", "ton": "tonne", "tons": "tonne",
	"kg": "kilogram", "kilogram": "kilogram", "kilograms": "kilogram", "км": "kilometre", "метров": "metre",
}
