package entities

import "strings"

// Word classes the features and the role finder use. Kept as data; all
// lower case. They are cues, not answers: the tagger weighs them with
// everything else it sees.
var (
	// titleWords come right before a person's name: "President Tokayev".
	titleWords = wordSet(`mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady
		president vice-president ex-president premier chancellor king queen prince princess emperor sheikh emir sultan
		pope cardinal bishop archbishop imam mullah rabbi rev rev. father
		general gen gen. colonel col col. major maj maj. captain capt capt. lieutenant lt lt. sergeant sgt sgt. admiral marshal commander
		senator sen sen. governor gov gov. congressman congresswoman ambassador minister secretary mayor judge justice
		officer detective inspector chief spokesman spokeswoman spokesperson deputy mp mep akim hakim administrator commissioner
		господин госпожа президент премьер министр генерал полковник майор капитан судья мэр аким депутат`)

	// roleNouns describe a person and often precede the name: "singer X",
	// "human rights activist X", "head of the committee X".
	roleNouns = wordSet(`singer actor actress journalist reporter correspondent editor writer author poet artist musician pianist
		guitarist composer director producer activist lawyer attorney advocate blogger photographer scientist researcher
		professor teacher student doctor physician nurse farmer driver worker businessman businesswoman entrepreneur
		founder chairman chairwoman chair ceo head leader chief commander spokesman spokeswoman spokesperson
		president minister secretary governor mayor ambassador envoy official officer adviser advisor aide analyst expert
		candidate politician lawmaker legislator deputy senator representative prosecutor judge investigator coach player
		striker footballer boxer wrestler athlete champion opposition dissident resident witness victim survivor relative
		son daughter wife husband brother sister mother father widow economist historian priest imam mufti`)

	// placeNouns follow or precede small place names: "Samsy village",
	// "the village of Samsy", "Kordai checkpoint", "Alamedin district".
	placeNouns = wordSet(`village town city hamlet settlement region province oblast district rayon raion county
		municipality suburb neighbourhood neighborhood street avenue square road highway checkpoint border crossing
		river lake mountain mountains valley gorge pass island islands peninsula airport port station
		republic state capital area territory camp base park bridge canal sea ocean gulf bay desert
		село поселок посёлок город район область улица аул кишлак`)

	// orgNouns end or start organisation names: "Ministry of Defence",
	// "Ak Zhol Party", "Halyk Bank".
	orgNouns = wordSet(`ministry department agency committee commission council parliament assembly senate congress court
		party union association federation foundation institute university college school academy hospital
		bank company corporation corp corp. inc inc. ltd ltd. llc group holding holdings fund service services
		office bureau authority administration government police army forces force guard navy command
		news tv channel radio agency newspaper times post journal network media press
		church mosque movement front organization organisation society club team league
		министерство комитет партия банк служба агентство суд университет`)

	// placePrepositions precede places: "in Almaty", "near Osh".
	placePrepositions = wordSet(`in at near from to into outside inside across towards toward via around through
		в во на из под около возле`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isTitleWord(w string) bool { return titleWords[strings.ToLower(w)] }
