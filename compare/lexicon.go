package compare

import (
	"strings"
	"unicode"

	"github.com/parallaxnews/parallax/annotate/lang"
)

// lemma is the fold fact comparison compares words by: annotate/lang's
// Fold, the one word folder of the product ("warned", "warnings", "warn"
// meet; so do "built" and "build").
func lemma(w string) string { return lang.Fold(w) }

// contentWord reports whether a lower-case token carries meaning of its
// own: a word of three or more letters that is not a function word, a
// speech verb, a month or weekday, or a unit of time.
func contentWord(w string) bool {
	if len(w) < 3 || functionWords[w] || speechVerbs[w] || calendarWords[w] {
		return false
	}
	letters := 0
	for _, r := range w {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters >= 3
}

// functionWords are English and Russian words that say nothing about what
// a sentence is about.
var functionWords = wordSet(`a an the and or but nor so yet for of to in on at by with from into onto
	upon over under about above below between among through during before after since until till
	against across along around behind beyond near off out up down than then there here this that
	these those such what which who whom whose when where why how whether if unless while though
	although because as not no nor never also only just even still already again ever very too
	more most less least much many few some any all each every both either neither other others
	another same own its it it's itself he him his himself she her hers herself they them their
	theirs themselves we us our ours ourselves you your yours yourself i me my mine myself one ones
	is are was were be been being am has have had having do does did doing done will would shall
	should can could may might must ought said says say saying told tell tells according per via
	mr mrs ms dr just now later today yesterday tomorrow tonight ago yet however therefore thus
	instead including include includes included like unlike whose onto amid amidst despite within
	without toward towards upon whilst etc let lets get gets got make made become became becomes
	take took taken give gave given well back away far first second third last next new old
	и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее
	мне было вот от меня еще нет о из ему теперь когда даже ну вдруг ли если уже или ни быть был
	него до вас нибудь опять уж вам ведь там потом себя ничего ей может они тут где есть надо ней
	для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того
	потому этого какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем
	всех никогда можно при наконец два об другой хоть после над больше тот через эти нас про всего
	них какая много разве три эту моя впрочем хорошо свою этой перед иногда лучше чуть том нельзя
	такой им более всегда конечно всю между заявил сообщил сказал`)

// calendarWords are months, weekdays and units of time: they belong to the
// date a context word sits beside, not to what happened.
var calendarWords = wordSet(`january february march april may june july august september october
	november december jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday
	thursday friday saturday sunday morning afternoon evening night noon midnight day days week weeks
	month months year years hour hours minute minutes time times date dates local
	am pm a.m. p.m. early late earlier year's`)

// kinshipWords name a person by their relation to another: "a 17-year-old
// son" is the son's age, not the age of the man whose son he is.
var kinshipWords = wordSet(`son sons daughter daughters wife husband brother brothers sister sisters
	father mother parent parents child children grandson granddaughter grandchild grandchildren
	nephew niece cousin uncle aunt stepson stepdaughter widow widower fiancee fiance girlfriend
	boyfriend partner baby infant`)

// personNouns are counted nouns that count people (singular, as unitKey
// folds them): two counts of people named differently ("Five of our men",
// "four citizens") may be rival figures for one group, while counts of
// things named differently ("33 countries", "92 cities") measure two
// things.
var personNouns = wordSet(`people man woman child kid boy girl adult baby infant citizen national resident
	villager inhabitant pupil student schoolchild teacher worker miner employee staff member passenger
	driver protester demonstrator activist relative family neighbour neighbor victim survivor casualty
	patient doctor nurse medic rescuer firefighter volunteer official journalist reporter detainee
	prisoner inmate suspect migrant refugee evacuee tourist pilgrim farmer fisherman crew sailor
	pirate raider gunman attacker robber thief militant fighter soldier troop officer policeman
	guard commando marine serviceman personnel civilian participant customer shopper voter
	supporter opponent lawyer witness spectator fan player athlete climber hostage`)

// waterWords head the names of seas, gulfs, lakes and rivers, which the
// gazetteer's towns do not contain ("the Gulf of Aden" is not Aden).
var waterWords = wordSet(`gulf sea ocean bay strait straits lake river channel waters`)

// weekdayNumbers number the days of the week, Monday 1 (ISO 8601).
var weekdayNumbers = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
	"mon": 1, "tue": 2, "tues": 2, "wed": 3, "thu": 4, "thurs": 4, "fri": 5, "sat": 6, "sun": 7,
	"понедельник": 1, "вторник": 2, "среда": 3, "среду": 3, "четверг": 4, "пятница": 5, "пятницу": 5,
	"суббота": 6, "субботу": 6, "воскресенье": 7,
}

// endWords before a date make it the end of a period ("until 19 March").
var endWords = wordSet(`until till through thru до`)

// wordSet turns a blank-separated list into a set.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}
