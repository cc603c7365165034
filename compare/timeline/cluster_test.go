package timeline

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
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
func randomAccounts(r *rand.Rand, n int) []*account {
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
		start := 20000 + r.Intn(120)
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
		accounts := randomAccounts(r, 20+r.Intn(200))
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
