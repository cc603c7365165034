package disjoint

import "testing"

func TestJoinKeepsFirstRepresentative(t *testing.T) {
	s := New(6)
	if k, a, ok := s.Join(0, 1); !ok || k != 0 || a != 1 {
		t.Fatalf("Join(0,1) = %d, %d, %v", k, a, ok)
	}
	s.Join(2, 3)
	if k, a, ok := s.Join(3, 1); !ok || k != 2 || a != 0 {
		t.Fatalf("Join(3,1) = %d, %d, %v; want 2, 0, true", k, a, ok)
	}
	if _, _, ok := s.Join(0, 3); ok {
		t.Fatal("0 and 3 are already one set")
	}
	for _, i := range []int{0, 1, 2, 3} {
		if s.Find(i) != 2 {
			t.Errorf("Find(%d) = %d, want 2", i, s.Find(i))
		}
	}
	if s.Find(4) != 4 || s.Find(5) != 5 {
		t.Error("untouched elements must stay alone")
	}
}

func TestLongChainIsFlattened(t *testing.T) {
	const n = 100000
	s := New(n)
	for i := 1; i < n; i++ {
		s.Join(i, i-1) // worst case: every join hangs the old root under a new one
	}
	for i := 0; i < n; i++ {
		if s.Find(i) != n-1 {
			t.Fatalf("Find(%d) = %d", i, s.Find(i))
		}
	}
}
