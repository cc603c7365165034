package timeline

import (
	"context"
	"maps"
	"slices"
	"sort"
	"strings"

	"github.com/parallaxnews/parallax/model"
)

// eventCluster is the accounts taken to report one event.
type eventCluster struct {
	accounts []*account
	iv       interval // the event's date, set by event()
	// ents and words are the union of the members' participants and
	// action words, kept up to date by add.
	ents    []string
	entSeen map[string]bool
	words   map[string]bool
	// span covers every member's date: a cheap bound for the date tests
	// of joinScore.
	span interval
	// Summaries of the members that joinScore and the merge sweep test
	// instead of walking every member (which made clustering quadratic in
	// the size of big events): the members by document, their distinct
	// dates, the distinct dates of the reports among them, how many are
	// dated vaguer than a day, their head verbs and their people.
	byDoc     map[string]*docMembers
	ivs       []interval
	ivSeen    map[interval]bool
	reportIvs []interval
	vague     int
	heads     map[string]bool
	persons   map[string]bool
	anyPerson bool
}

// docMembers summarises an event's members from one document: the
// clauses they are and their distinct dates.
type docMembers struct {
	clauses map[model.Span]bool
	ivs     []interval
	// owner is the event that may change it in place; a clone shares its
	// original's and copies one only when it adds to it.
	owner *eventCluster
}

// add makes ac a member of c.
func (c *eventCluster) add(ac *account) {
	if c.entSeen == nil {
		c.entSeen, c.words = map[string]bool{}, map[string]bool{}
		c.byDoc, c.ivSeen = map[string]*docMembers{}, map[interval]bool{}
		c.heads, c.persons = map[string]bool{}, map[string]bool{}
	}
	if len(c.accounts) == 0 {
		c.span = ac.iv
	}
	c.span.start, c.span.end = min(c.span.start, ac.iv.start), max(c.span.end, ac.iv.end)
	c.accounts = append(c.accounts, ac)
	for _, e := range ac.keys {
		if !c.entSeen[e] {
			c.entSeen[e] = true
			c.ents = append(c.ents, e)
		}
	}
	for w := range ac.action {
		c.words[w] = true
	}
	dm := c.byDoc[ac.doc]
	switch {
	case dm == nil:
		dm = &docMembers{clauses: map[model.Span]bool{}, owner: c}
		c.byDoc[ac.doc] = dm
	case dm.owner != c:
		dm = &docMembers{clauses: maps.Clone(dm.clauses), ivs: slices.Clip(dm.ivs), owner: c}
		c.byDoc[ac.doc] = dm
	}
	dm.clauses[ac.clause] = true
	if !slices.Contains(dm.ivs, ac.iv) {
		dm.ivs = append(dm.ivs, ac.iv)
	}
	if !c.ivSeen[ac.iv] {
		c.ivSeen[ac.iv] = true
		c.ivs = append(c.ivs, ac.iv)
	}
	if ac.report && !slices.Contains(c.reportIvs, ac.iv) {
		c.reportIvs = append(c.reportIvs, ac.iv)
	}
	if ac.iv.days() > 1 {
		c.vague++
	}
	if ac.head != "" {
		c.heads[ac.head] = true
	}
	for _, k := range ac.personKeys {
		c.persons[k] = true
	}
	c.anyPerson = c.anyPerson || len(ac.personKeys) > 0
}

// clone returns a copy of c that add can change without changing c, in
// time proportional to c's summaries.
func (c *eventCluster) clone() *eventCluster {
	t := *c
	t.accounts = slices.Clip(c.accounts)
	t.ents = slices.Clip(c.ents)
	t.ivs = slices.Clip(c.ivs)
	t.reportIvs = slices.Clip(c.reportIvs)
	if c.entSeen == nil {
		return &t
	}
	t.entSeen, t.words, t.ivSeen = maps.Clone(c.entSeen), maps.Clone(c.words), maps.Clone(c.ivSeen)
	t.heads, t.persons = maps.Clone(c.heads), maps.Clone(c.persons)
	// The members by document are copied when the clone adds to one
	// (see add): a merge attempt that fails copied every document's
	// clauses for nothing.
	t.byDoc = maps.Clone(c.byDoc)
	return &t
}

// cluster groups accounts into events. Accounts are visited from the most
// precise date to the least, so a vague account ("in January") joins an
// event already dated to the day rather than seeding its own.
func cluster(ctx context.Context, accounts []*account, opts Options) ([]*eventCluster, error) {
	clusters, err := greedyClusters(ctx, accounts, opts)
	if err != nil {
		return nil, err
	}
	return mergeClusters(ctx, clusters, opts)
}

// greedyClusters is the first pass: each account joins the event it fits
// best, or starts one.
func greedyClusters(ctx context.Context, accounts []*account, opts Options) ([]*eventCluster, error) {
	idx := newClusterIndex(opts)
	for n, ac := range sortedForClustering(accounts) {
		if n%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		best, bestScore := -1, 0.0
		for _, k := range idx.candidates(ac) {
			if s, ok := joinScore(idx.clusters[k], ac, opts); ok && s > bestScore {
				best, bestScore = k, s
			}
		}
		if best < 0 {
			best = idx.open()
		}
		idx.add(best, ac)
	}
	return idx.clusters, nil
}

// sortedForClustering orders accounts from the most precise date to the
// least, earliest first.
func sortedForClustering(accounts []*account) []*account {
	order := make([]*account, len(accounts))
	copy(order, accounts)
	sort.SliceStable(order, func(i, j int) bool {
		if order[i].iv.days() != order[j].iv.days() {
			return order[i].iv.days() < order[j].iv.days()
		}
		return order[i].iv.start < order[j].iv.start
	})
	return order
}

// clusterIndex finds the events an account could join without scoring it
// against every event formed so far (which made clustering quadratic in
// the accounts of a story). joinScore accepts an account only when it
// shares a participant with the event (or, neither naming one, an action
// word), shares an action word whenever every threshold is positive, and
// is dated within ConflictMaxDays of some member. The index keeps the
// events by participant and by action word; candidates come from the
// shorter of the two posting unions, are filtered by the other key and by
// the event's date span, and are returned in creation order, so the pick
// (first event with the best score) is the all-pairs pick.
type clusterIndex struct {
	opts     Options
	clusters []*eventCluster
	byEntity map[string][]int
	byWord   map[string][]int
	noEntity []int // events naming no participant, which stay so
	// needWord: every acceptance needs a shared action word.
	needWord bool
	seen     []int // seen[k] == stamp: event k is already a candidate
	stamp    int
	buf      []int
}

func newClusterIndex(opts Options) *clusterIndex {
	return &clusterIndex{
		opts:     opts,
		byEntity: map[string][]int{},
		byWord:   map[string][]int{},
		needWord: opts.MinActionOverlap > 0 && opts.MinActionOverlapNoEntities > 0 && opts.ConflictActionOverlap > 0,
	}
}

// open starts an empty event and returns its number.
func (x *clusterIndex) open() int {
	x.clusters = append(x.clusters, &eventCluster{})
	x.seen = append(x.seen, 0)
	return len(x.clusters) - 1
}

// add makes ac a member of event k and indexes what it brings.
func (x *clusterIndex) add(k int, ac *account) {
	c := x.clusters[k]
	if len(c.accounts) == 0 && len(ac.keys) == 0 {
		x.noEntity = append(x.noEntity, k)
	}
	for w := range ac.action {
		if !c.words[w] {
			x.byWord[w] = append(x.byWord[w], k)
		}
	}
	before := len(c.ents)
	c.add(ac)
	for _, e := range c.ents[before:] {
		x.byEntity[e] = append(x.byEntity[e], k)
	}
}

// candidates lists, in creation order, the events joinScore could accept
// ac into; every other event would refuse it.
func (x *clusterIndex) candidates(ac *account) []int {
	x.stamp++
	out := x.buf[:0]
	collect := func(lists [][]int, keep func(*eventCluster) bool) {
		for _, l := range lists {
			for _, k := range l {
				if x.seen[k] == x.stamp {
					continue
				}
				x.seen[k] = x.stamp
				if c := x.clusters[k]; x.datable(c, ac) && keep(c) {
					out = append(out, k)
				}
			}
		}
	}
	entityLists := make([][]int, 0, len(ac.keys))
	entityTotal := 0
	for _, e := range ac.keys {
		entityLists = append(entityLists, x.byEntity[e])
		entityTotal += len(x.byEntity[e])
	}
	var wordLists [][]int
	wordTotal := 0
	if x.needWord {
		wordLists = make([][]int, 0, len(ac.action))
		for w := range ac.action {
			wordLists = append(wordLists, x.byWord[w])
			wordTotal += len(x.byWord[w])
		}
	}
	sharesEntity := func(c *eventCluster) bool {
		for _, e := range ac.keys {
			if c.entSeen[e] {
				return true
			}
		}
		return false
	}
	sharesWord := func(c *eventCluster) bool {
		for w := range ac.action {
			if c.words[w] {
				return true
			}
		}
		return false
	}
	anyEvent := func(*eventCluster) bool { return true }
	noEntity := func(c *eventCluster) bool { return len(c.ents) == 0 }
	switch {
	case len(ac.keys) == 0 && x.needWord:
		collect(wordLists, noEntity)
	case len(ac.keys) == 0:
		collect([][]int{x.noEntity}, anyEvent)
	case x.needWord && wordTotal < entityTotal:
		collect(wordLists, sharesEntity)
	case x.needWord:
		collect(entityLists, sharesWord)
	default:
		collect(entityLists, anyEvent)
	}
	sort.Ints(out)
	x.buf = out
	return out
}

// datable reports whether c's date span leaves joinScore a way to accept
// ac: a member's date overlapping ac's, or, for a conflict, ac dated to
// the day (not a report) within ConflictMaxDays of the span.
func (x *clusterIndex) datable(c *eventCluster, ac *account) bool {
	if c.span.overlaps(ac.iv) {
		return true
	}
	return ac.iv.days() <= 1 && !ac.report && c.span.gap(ac.iv) <= x.opts.ConflictMaxDays
}

// mergeClusters joins events that the greedy pass kept apart only because
// of the order accounts came in (the bridge between two groups arrived
// after both had formed): two events merge when they share a day-precise
// date and every account of one could join the other.
func mergeClusters(ctx context.Context, clusters []*eventCluster, opts Options) ([]*eventCluster, error) {
	// An event's span is kept by add (and carried by clone): walking its
	// members here, in the sort and for every pair the sweep looks at,
	// cost O(members) each.
	span := func(c *eventCluster) interval { return c.span }
	sort.SliceStable(clusters, func(i, j int) bool { return span(clusters[i]).start < span(clusters[j]).start })
	// One sweep in date order: each event absorbs the later-starting events
	// that overlap it and pass the test. Merging only widens an event's
	// span, so no earlier pair needs a second look.
	for i := 0; i < len(clusters); i++ {
		if i%256 == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		si := span(clusters[i])
		for j := i + 1; j < len(clusters); {
			if span(clusters[j]).start > si.end {
				break
			}
			if sameDayAccounts(clusters[i], clusters[j]) && tryMerge(clusters[i], clusters[j], opts) {
				clusters = append(clusters[:j], clusters[j+1:]...)
				si = span(clusters[i])
				continue
			}
			j++
		}
	}
	return clusters, nil
}

// sameDayAccounts reports whether a and b each have an account dated to the
// same single day: the second pass only bridges events that agree to the
// day, so vaguer dates ("last week") cannot chain events together.
func sameDayAccounts(a, b *eventCluster) bool {
	if len(b.ivs) < len(a.ivs) {
		a, b = b, a
	}
	for _, iv := range a.ivs {
		if iv.days() == 1 && b.ivSeen[iv] {
			return true
		}
	}
	return false
}

// tryMerge adds b's accounts to a when each of them could join a in turn;
// otherwise it leaves a unchanged.
func tryMerge(a, b *eventCluster, opts Options) bool {
	// Most attempts fail on b's first account, which meets a itself:
	// test it before copying a.
	if _, ok := joinScore(a, b.accounts[0], opts); !ok {
		return false
	}
	trial := a.clone()
	for _, m := range b.accounts {
		if _, ok := joinScore(trial, m, opts); !ok {
			return false
		}
		trial.add(m)
	}
	*a = *trial
	return true
}

// joinScore says whether ac reports the event of c, and how strongly. The
// account is compared with the cluster as a whole (all its participants
// and action words), so a terse account can join a group whose members
// each say a little more. Two accounts from one document with different
// dates are always two events.
func joinScore(c *eventCluster, ac *account, opts Options) (float64, bool) {
	sameDoc := c.byDoc[ac.doc]
	if sameDoc != nil {
		if sameDoc.clauses[ac.clause] {
			return 0, false
		}
		if ac.borrowed && slices.Contains(sameDoc.ivs, ac.iv) {
			// "The jury decided on the same day that the prosecution
			// played a tape": a date taken up again in its document tells
			// another event of the day it was first given for.
			return 0, false
		}
		for _, iv := range sameDoc.ivs {
			if !iv.overlaps(ac.iv) {
				return 0, false
			}
		}
	}
	compatible := false
	gap := -1
	for _, iv := range c.ivs {
		if iv.overlaps(ac.iv) {
			compatible = true
		} else if g := iv.gap(ac.iv); gap < 0 || g < gap {
			gap = g
		}
	}
	// Incompatible dates: only a conflict between sources about the same
	// participants doing the same thing, dated to the day or finer, and
	// an event with no vaguer member. The tests that cost at most one
	// look-up come before counting shared participants and words.
	if !compatible && (ac.iv.days() > 1 || gap > opts.ConflictMaxDays || ac.report || c.vague > 0 || !sharesVerb(c, ac)) {
		return 0, false
	}
	shared := sharedParticipants(c, ac)
	act := overlap(c.action(), ac.action)
	if compatible {
		return compatibleScore(c, ac, opts, shared, act, sameDay(c, ac), sameDoc != nil)
	}
	if shared == 0 || act < opts.ConflictActionOverlap || !sharesPerson(c, ac) {
		return 0, false
	}
	for _, iv := range c.reportIvs {
		if !iv.overlaps(ac.iv) {
			return 0, false
		}
	}
	return act, true
}

// compatibleScore scores ac against c when their dates overlap, given
// the participants they share, their action-word overlap, whether some
// member gives ac's single day and whether some member comes from ac's
// document.
func compatibleScore(c *eventCluster, ac *account, opts Options, shared int, act float64, sameDay, sameDoc bool) (float64, bool) {
	// Stronger participant evidence (two or more shared) and the same day
	// allow weaker wording overlap: differently worded reports of one
	// event share few words beyond the names.
	need := opts.MinActionOverlap
	if shared >= 2 && sameDay {
		need = opts.MinActionOverlap * 2 / 3
	}
	// Clauses of one document share its vocabulary; prefer the event
	// other sources report when both would do.
	bonus := 0.5
	if sameDoc {
		bonus = 0
	}
	switch {
	case shared > 0 && act >= need:
		return act + bonus, true
	case len(c.entities()) == 0 && len(ac.keys) == 0 && act >= opts.MinActionOverlapNoEntities:
		return act, true
	}
	return 0, false
}

// entities is the union of the members' participant keys.
func (c *eventCluster) entities() []string { return c.ents }

// action is the union of the members' action words.
func (c *eventCluster) action() map[string]bool { return c.words }

// sharedParticipants counts the entities ac shares with c by ID; when none
// is shared by ID, a shared mention text or person's last name counts as
// one (resolution may have split an entity).
func sharedParticipants(c *eventCluster, ac *account) int {
	byID, other := 0, 0
	for _, k := range ac.keys {
		if !c.entSeen[k] {
			continue
		}
		if strings.HasPrefix(k, "id:") {
			byID++
		} else {
			other++
		}
	}
	if byID == 0 && other > 0 {
		return 1
	}
	return byID
}

// overlap is the overlap coefficient |A∩B| / min(|A|,|B|) of two word
// sets; 0 when either is empty.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		return 0
	}
	if len(a) > len(b) {
		a, b = b, a
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}

// event turns a cluster into a timeline event. Its date is the one most
// sources give, the most precise on a tie, then the earliest; the summary
// comes from a source giving that date.
func (c *eventCluster) event() model.Event {
	// Sources in document order, then text order.
	accs := make([]*account, len(c.accounts))
	copy(accs, c.accounts)
	sort.SliceStable(accs, func(i, j int) bool {
		if accs[i].doc != accs[j].doc {
			return accs[i].docIndex < accs[j].docIndex
		}
		return accs[i].clause.Start < accs[j].clause.Start
	})
	// Two members whose dates do not overlap make a conflict; distinct
	// dates are few, members can be thousands.
	conflict := false
	for i, a := range c.ivs {
		for _, b := range c.ivs[i+1:] {
			if !a.overlaps(b) {
				conflict = true
			}
		}
	}
	// Pick the date.
	type tally struct {
		n  int
		ac *account
	}
	counts := map[string]*tally{}
	for _, a := range accs {
		if counts[a.date] == nil {
			counts[a.date] = &tally{ac: a}
		}
		counts[a.date].n++
	}
	var pick *account
	bestN := 0
	for _, a := range accs {
		t := counts[a.date]
		switch {
		case pick == nil,
			t.n > bestN,
			t.n == bestN && a.iv.days() < pick.iv.days(),
			t.n == bestN && a.iv.days() == pick.iv.days() && a.iv.start < pick.iv.start:
			pick, bestN = a, t.n
		}
	}
	// Summary: the shortest clause of at least minClause bytes among the
	// sources giving that date, else the first.
	summary := pick.summary
	for _, a := range accs {
		if a.date == pick.date && len(a.summary) >= minClause && (len(summary) < minClause || len(a.summary) < len(summary)) {
			summary = a.summary
		}
	}
	c.iv = pick.iv
	ev := model.Event{
		Date:        pick.date,
		Granularity: pick.gran,
		Summary:     summary,
		Entities:    []string{},
		Sources:     make([]model.EventSource, 0, len(accs)),
		Conflict:    conflict,
	}
	seen := map[string]bool{}
	for _, a := range accs {
		for k, id := range a.entities {
			if !seen[id] {
				seen[id] = true
				ev.Entities = append(ev.Entities, a.names[k])
			}
		}
		ev.Sources = append(ev.Sources, model.EventSource{Span: a.clause, Sentence: a.sentence, Date: a.date})
	}
	ev.ID = eventID(ev.Date, ev.Sources[0])
	return ev
}

// sameDay reports whether ac and some member of c give the same single day.
func sameDay(c *eventCluster, ac *account) bool {
	return ac.iv.days() == 1 && !ac.borrowed && c.ivSeen[ac.iv]
}

// sharesVerb reports whether the verb ac's date attaches to is the one a
// member's date attaches to: sources disagreeing on when someone "was
// detained" conflict; "returned on Thursday" and "released on Wednesday"
// do not, even in clauses that share other words.
func sharesVerb(c *eventCluster, ac *account) bool {
	return ac.head != "" && c.heads[ac.head]
}

// sharesPerson reports whether ac names a person some member names, or,
// when ac or the cluster names no person, true (the shared participant
// found by the caller is then enough).
func sharesPerson(c *eventCluster, ac *account) bool {
	for _, k := range ac.personKeys {
		if c.persons[k] {
			return true
		}
	}
	return !c.anyPerson || len(ac.personKeys) == 0
}
