package sqlite_test

import (
	"context"
	"errors"
	"fmt"
	"testing"
)

// A batch is stored whole or not at all: a failure after some of its
// documents were written leaves none of them, and a batch that succeeds
// stores every one (searchable), skipping one already stored.
func TestStoreBatchIsAllOrNothing(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	known := doc("known raw", "Police detained Tashiev in Almaty.")
	if _, err := s.PutDocument(ctx, known); err != nil {
		t.Fatal(err)
	}
	var puts []func(context.Context) (bool, error)
	for i := range 3 {
		put, err := s.PrepareDocument(doc(fmt.Sprintf("raw %d", i), fmt.Sprintf("Flood number %d reached the valley.", i)))
		if err != nil {
			t.Fatal(err)
		}
		puts = append(puts, put)
	}
	failure := errors.New("disk gone")
	err := s.StoreBatch(ctx, func(ctx context.Context) error {
		for _, put := range puts[:2] {
			if _, err := put(ctx); err != nil {
				return err
			}
		}
		return failure
	})
	if !errors.Is(err, failure) {
		t.Fatalf("StoreBatch = %v, want the failure", err)
	}
	if docs, err := s.Documents(ctx); err != nil || len(docs) != 1 {
		t.Fatalf("after a failed batch: %d documents, %v; want only the one stored before", len(docs), err)
	}
	knownPut, err := s.PrepareDocument(known)
	if err != nil {
		t.Fatal(err)
	}
	var inserted []bool
	err = s.StoreBatch(ctx, func(ctx context.Context) error {
		for _, put := range append(puts, knownPut) {
			ok, err := put(ctx)
			if err != nil {
				return err
			}
			inserted = append(inserted, ok)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if fmt.Sprint(inserted) != "[true true true false]" {
		t.Errorf("inserted %v, want the three new ones and not the known one", inserted)
	}
	if docs, err := s.Documents(ctx); err != nil || len(docs) != 4 {
		t.Fatalf("after the batch: %d documents, %v; want 4", len(docs), err)
	}
	hits, err := s.Search(ctx, "flood", 10)
	if err != nil || len(hits) != 3 {
		t.Errorf("search after the batch: %d hits, %v; want 3", len(hits), err)
	}
}
