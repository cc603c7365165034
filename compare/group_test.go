package compare

import (
	"context"
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"

	"github.com/parallaxnews/parallax/annotate/quantity"
	"github.com/parallaxnews/parallax/annotate/tokenize"
	"github.com/parallaxnews/parallax/model"
)

// TestGroupClaimsMatchesAppend checks the in-place grouping against
// grouping by appending each claim to its key's list: the same groups, in
// the same order, each keeping the claims' order; and a group that grows
// does not write over the next one.
func TestGroupClaimsMatchesAppend(t *testing.T) {
	r := rand.New(rand.NewPCG(19, 7))
	for trial := 0; trial < 50; trial++ {
		n := r.IntN(300)
		claims := make([]Claim, n)
		for i := range claims {
			claims[i].Subject = fmt.Sprintf("e%d", r.IntN(8))
			claims[i].Attribute = []string{"killed", "injured", "paid"}[r.IntN(3)]
			claims[i].Value = model.Value{Kind: model.KindCount}
			claims[i].Start = i // tells the claims apart
		}
		want := map[string][]Claim{}
		var wantOrder []string
		for _, cl := range claims {
			k := groupKey(cl)
			if _, ok := want[k]; !ok {
				wantOrder = append(wantOrder, k)
			}
			want[k] = append(want[k], cl)
		}
		groups, order := groupClaims(slices.Clone(claims))
		if !slices.Equal(order, wantOrder) {
			t.Fatalf("trial %d: order %v, want %v", trial, order, wantOrder)
		}
		if !reflect.DeepEqual(groups, want) && (len(groups) > 0 || len(want) > 0) {
			t.Fatalf("trial %d: groups differ", trial)
		}
		if len(order) >= 2 {
			a, b := order[0], order[1]
			next := slices.Clone(groups[b])
			groups[a] = append(groups[a], Claim{Subject: "grown"})
			if !reflect.DeepEqual(groups[b], next) {
				t.Fatalf("trial %d: growing one group changed another", trial)
			}
		}
	}
}

// TestCompareClaimsLeavesClaims checks that the exported CompareClaims,
// which works on a copy, leaves the caller's claims as they were.
func TestCompareClaimsLeavesClaims(t *testing.T) {
	docs := []*model.Annotated{
		withQuantities("a", "The fire killed 12 people in the town of Asel on Monday. Rescuers found 3 more in the ruins."),
		withQuantities("b", "The fire killed 14 people in Asel, officials said on Monday. Rescuers found 3 more."),
	}
	var claims []Claim
	for _, a := range docs {
		claims = append(claims, Extract(a, Options{})...)
	}
	if len(claims) == 0 {
		t.Fatal("no claims extracted")
	}
	before := slices.Clone(claims)
	if _, err := CompareClaims(context.Background(), docs, claims, nil, Options{}); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(claims, before) {
		t.Error("CompareClaims changed the caller's claims")
	}
}

// withQuantities is a document with its tokens, sentences and quantities.
func withQuantities(id, text string) *model.Annotated {
	doc := &model.Document{ID: id, Text: text}
	toks, sents := tokenize.Split(text)
	doc.Sentences = sents
	return &model.Annotated{Doc: doc, Tokens: toks, Quantities: quantity.Extract(doc)}
}
