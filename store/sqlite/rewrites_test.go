package sqlite_test

import (
	"context"
	"database/sql"
	"path/filepath"
	"strings"
	"testing"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/resolve/syndication"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// The rewrite checks of a story's documents, kept, come back under their
// version only, and spare the next pass every check; unreadable bytes
// read as none kept.
func TestRewriteChecksRoundTrip(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "r.db")
	s, err := sqlite.Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	body := strings.Repeat("Floodwater cut off four mountain villages in the Alamedin valley on Thursday after the river burst through an earth dam. ", 3) +
		"Emergency workers evacuated 312 residents by helicopter before nightfall, the regional emergencies office reported. " +
		"Two shepherds remain missing near the upper pasture, where mudslides destroyed the only road. " +
		"The regional governor promised compensation for every family whose house was damaged. " +
		"Forecasters expect more heavy rain across the valley until Sunday morning."
	docs := func() []*model.Document {
		return []*model.Document{{ID: "a", Text: body}, {ID: "b", Text: body + " More later."}, {ID: "c", Text: "Short note."}}
	}
	checks, err := s.RewriteChecks(ctx, "s-1", "v1")
	if err != nil || checks.Len() != 0 {
		t.Fatalf("nothing kept: %d checks, err %v", checks.Len(), err)
	}
	syndication.MarkWith(docs(), checks)
	if checks.Made() == 0 {
		t.Fatal("no pair checked: the test tests nothing")
	}
	if err := s.PutRewriteChecks(ctx, "s-1", "v1", checks); err != nil {
		t.Fatal(err)
	}
	back, err := s.RewriteChecks(ctx, "s-1", "v1")
	if err != nil || back.Len() != checks.Len() {
		t.Fatalf("read back %d checks (err %v), want %d", back.Len(), err, checks.Len())
	}
	syndication.MarkWith(docs(), back)
	if back.Made() != 0 {
		t.Errorf("with the kept checks: %d pairs checked again, want 0", back.Made())
	}
	if got, _ := s.RewriteChecks(ctx, "s-1", "v2"); got.Len() != 0 {
		t.Error("checks of another version were returned")
	}
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`UPDATE rewrite_checks SET data = x'00ff00ff'`); err != nil {
		t.Fatal(err)
	}
	if got, err := s.RewriteChecks(ctx, "s-1", "v1"); err != nil || got.Len() != 0 {
		t.Errorf("unreadable checks: %d returned, err %v; want none and no error", got.Len(), err)
	}
}
