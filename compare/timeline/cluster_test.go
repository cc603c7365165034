package timeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"slices"
	"testing"

	"github.com/parallaxnews/parallax/model"
)

// allPairsCluster is the greedy pass as it was before the index: every
// account scored against every event. The indexed pass must pick the same
// events.
func allPairsCluster(accounts []*account, opts Options) []*eventCluster {
	var clusters []*eventCluster
	for _, ac := range sortedForClustering(accounts) {
		best, bestScore := -1, 0.0
		for k, c := range clusters {
			if s, ok := joinScore(c, ac, opts); ok && s > bestScore {
				best, bestScore = k, s
			}
		}
		if best >= 0 {
			clusters[best].add(ac)
			continue
		}
		c := &eventCluster{}
		c.add(ac)
		clusters = append(clusters, c)
	}
	return clusters
}

// randomAccounts makes n accounts over a small vocabulary, so that many
// share participants, words and dates: the cases the index must not miss.
func randomAccounts(r *rand.Rand, n int) []*account { return datedAccounts(r, n, 20000, 120) }

// datedAccounts is randomAccounts dated from day first over days days.
func datedAccounts(r *rand.Rand, n, first, days int) []*account {
	out := make([]*account, n)
	for i := range out {
		ac := &account{
			doc:    fmt.Sprintf("d%d", r.Intn(n/4+1)),
			clause: model.Span{Start: r.Intn(50) * 10},
			action: map[string]bool{},
			report: r.Intn(6) == 0,
			head:   fmt.Sprintf("v%d", r.Intn(4)),
		}
		ac.docIndex = len(ac.doc)
		start := first + r.Intn(days)
		switch r.Intn(5) {
		case 0:
			ac.iv = interval{start, start + 30}
		case 1:
			ac.iv = interval{start, start + 6}
		default:
			ac.iv = interval{start, start}
		}
		for k := r.Intn(4); k > 0; k-- {
			key := fmt.Sprintf("id:e%d", r.Intn(8))
			if r.Intn(3) == 0 {
				key = fmt.Sprintf("name%d", r.Intn(8))
			}
			ac.keys = append(ac.keys, key)
			if r.Intn(2) == 0 {
				ac.personKeys = append(ac.personKeys, key)
			}
		}
		for k := 1 + r.Intn(4); k > 0; k-- {
			ac.action[fmt.Sprintf("w%d", r.Intn(12))] = true
		}
		out[i] = ac
	}
	return out
}

func TestIndexedClusteringMatchesAllPairs(t *testing.T) {
	optionSets := []Options{
		Options{}.withDefaults(),
		{MinActionOverlap: 0.5, MinActionOverlapNoEntities: 0.5, ConflictActionOverlap: 0.1, ConflictMaxDays: 3},
		// A threshold of zero or below accepts accounts sharing no word:
		// the index must then fall back to participants alone.
		{MinActionOverlap: 0.3, MinActionOverlapNoEntities: -1, ConflictActionOverlap: 0.2, ConflictMaxDays: 45},
	}
	r := rand.New(rand.NewSource(19))
	for trial := 0; trial < 60; trial++ {
		opts := optionSets[trial%len(optionSets)]
		// Over four months, most events are near an account's date; over
		// three years (before and after 1970), few are, and the index
		// looks them up by week.
		accounts := randomAccounts(r, 20+r.Intn(200))
		if trial%2 == 1 {
			accounts = datedAccounts(r, 20+r.Intn(300), -600, 1100)
		}
		want := allPairsCluster(accounts, opts)
		got, err := greedyClusters(context.Background(), accounts, opts)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(want) {
			t.Fatalf("trial %d: %d events, all-pairs gives %d", trial, len(got), len(want))
		}
		for k := range want {
			if len(got[k].accounts) != len(want[k].accounts) {
				t.Fatalf("trial %d event %d: %d accounts, all-pairs gives %d", trial, k, len(got[k].accounts), len(want[k].accounts))
			}
			for m := range want[k].accounts {
				if got[k].accounts[m] != want[k].accounts[m] {
					t.Fatalf("trial %d event %d: member %d differs from all-pairs", trial, k, m)
				}
			}
		}
	}
}

func TestClusterStopsWhenCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	accounts := randomAccounts(rand.New(rand.NewSource(1)), 600)
	if _, err := cluster(ctx, accounts, Options{}.withDefaults()); !errors.Is(err, context.Canceled) {
		t.Fatalf("cluster on a canceled context: err = %v, want context.Canceled", err)
	}
}

// joinScoreByMembers is joinScore as it was before the clusters kept
// summaries: every test walks every member. joinScore must agree with it.
func joinScoreByMembers(c *eventCluster, ac *account, opts Options) (float64, bool) {
	compatible, sameDoc, gap := false, false, -1
	for _, m := range c.accounts {
		if m.doc == ac.doc && (m.clause == ac.clause || !m.iv.overlaps(ac.iv)) {
			return 0, false
		}
		sameDoc = sameDoc || m.doc == ac.doc
		if m.iv.overlaps(ac.iv) {
			compatible = true
		} else if g := m.iv.gap(ac.iv); gap < 0 || g < gap {
			gap = g
		}
	}
	shared := sharedParticipants(c, ac)
	act := overlap(c.action(), ac.action)
	if compatible {
		day := false
		for _, m := range c.accounts {
			day = day || ac.iv.days() == 1 && m.iv == ac.iv
		}
		return compatibleScore(c, ac, opts, shared, act, day, sameDoc)
	}
	if shared == 0 || act < opts.ConflictActionOverlap || ac.iv.days() > 1 || gap > opts.ConflictMaxDays || ac.report {
		return 0, false
	}
	verb, person, anyPerson := false, false, false
	for _, m := range c.accounts {
		verb = verb || ac.head != "" && m.head == ac.head
		anyPerson = anyPerson || len(m.personKeys) > 0
		for _, x := range m.personKeys {
			person = person || slices.Contains(ac.personKeys, x)
		}
	}
	if !verb || !(person || !anyPerson || len(ac.personKeys) == 0) {
		return 0, false
	}
	for _, m := range c.accounts {
		if m.iv.days() > 1 || m.report && !m.iv.overlaps(ac.iv) {
			return 0, false
		}
	}
	return act, true
}

// The summaries give every test the answer the member-by-member walk
// gives, on random events and accounts; a clone changed by add leaves its
// original as it was.
func TestSummariesMatchMemberWalk(t *testing.T) {
	r := rand.New(rand.NewSource(7))
	opts := []Options{
		Options{}.withDefaults(),
		{MinActionOverlap: 0.3, MinActionOverlapNoEntities: -1, ConflictActionOverlap: 0.1, ConflictMaxDays: 45},
	}
	accepted := 0
	for trial := 0; trial < 400; trial++ {
		accounts := randomAccounts(r, 8+r.Intn(60))
		c := &eventCluster{}
		for _, ac := range accounts[:1+r.Intn(len(accounts)-1)] {
			c.add(ac)
		}
		before := len(c.accounts)
		cl := c.clone()
		for _, ac := range accounts {
			o := opts[trial%len(opts)]
			gs, gok := joinScore(c, ac, o)
			ws, wok := joinScoreByMembers(c, ac, o)
			if gs != ws || gok != wok {
				t.Fatalf("trial %d: joinScore = %v %v, member walk %v %v", trial, gs, gok, ws, wok)
			}
			if gok {
				accepted++
			}
			cl.add(ac)
		}
		if len(c.accounts) != before || len(c.byDoc) > before {
			t.Fatalf("trial %d: adding to a clone changed the original", trial)
		}
		other := &eventCluster{}
		for _, ac := range randomAccounts(r, 5) {
			other.add(ac)
		}
		want := false
		for _, x := range c.accounts {
			for _, y := range other.accounts {
				want = want || x.iv.days() == 1 && x.iv == y.iv
			}
		}
		if got := sameDayAccounts(c, other); got != want {
			t.Fatalf("trial %d: sameDayAccounts = %v, member walk %v", trial, got, want)
		}
	}
	if accepted == 0 {
		t.Fatal("no account was accepted: the comparison tested nothing")
	}
}
