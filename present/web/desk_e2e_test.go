package web_test

import (
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
)

// TestDeskEndToEnd drives headless Chromium through the journalist's desk:
// it dismisses a disputed fact (with a hostile note), merges two entities
// and corrects a date through the pages' forms, re-runs the analysis, and
// finds all three decisions still applied.
func TestDeskEndToEnd(t *testing.T) {
	exe := chromiumPath(t)
	base, st, story, d := startServer(t)
	ctx, dialogs := browser(t, exe)
	eval := func(step, js string) bool {
		t.Helper()
		return run(t, ctx, step, chromedp.Evaluate[bool](js))
	}
	// submit clicks a form's button and waits for the page it leads to.
	submit := func(step, button, ready string) {
		t.Helper()
		eval(step+": mark the old page", `window.__deskOld = true, true`)
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, chromedp.Click(css(button))); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
		loaded := `!window.__deskOld && document.readyState === "complete" && !!document.querySelector(` + strconv.Quote(ready) + `)`
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(50 * time.Millisecond) {
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loaded)); err == nil && ok {
				return
			}
			if time.Now().After(deadline) {
				body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
				t.Fatalf("%s: no page with %s after 30 s; page shows:\n%.1200s", step, ready, body)
			}
		}
	}
	open := func(step, url, ready string) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, chromedp.Navigate(url), chromedp.WaitVisible(css(ready))); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	set := func(step, sel, value string) {
		t.Helper()
		if err := chromedp.Do(ctx, chromedp.SetValue(css(sel), value)); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}

	var fact *model.Fact
	for i := range d.Facts {
		if d.Facts[i].Status == model.Disputed {
			fact = &d.Facts[i]
			break
		}
	}
	var places []model.Entity
	for _, e := range d.Entities {
		if e.Type == model.Place && len(places) < 2 {
			places = append(places, e)
		}
	}
	if fact == nil || len(places) < 2 {
		t.Fatal("the example has no disputed fact or fewer than two places")
	}
	doc := d.Documents[0]
	storyURL := base + "/stories/" + story.ID

	// 1. Dismiss the disputed fact from its row.
	open("story", storyURL, "#facts")
	row := run(t, ctx, "fact row", chromedp.Evaluate[string](`document.querySelector('input[name=fact][value=`+strconv.Quote(fact.ID)+`]').closest('tr').id`))
	if err := chromedp.Do(ctx, chromedp.Click(css("#"+row+" details.desk summary"))); err != nil {
		t.Fatalf("open the review form: %v", err)
	}
	set("note", "#"+row+" details.desk input[name=note]", `same town <img src=x onerror="alert('note ran')">`)
	set("user", "#"+row+" details.desk input[name=user]", "ana")
	submit("dismiss", "#"+row+` details.desk button[value=dismiss]`, "#facts")
	if !eval("dismissed mark", `!!document.querySelector("#`+row+` .review-dismissed")`) {
		t.Fatal("the fact row is not marked dismissed")
	}

	// 2. Merge the second place into the first from the entity page.
	open("entity", storyURL+"/entities/"+places[0].ID, "#merge-form")
	set("merge target", "#merge-form select[name=other]", places[1].ID)
	set("user", "#merge-form input[name=user]", "ben")
	submit("merge", "#merge-form button[type=submit]", "article.entity")

	// 3. Correct the first document's date from its page.
	open("document", base+"/documents/"+doc.ID+"?story="+story.ID, "#correct-form")
	set("field", "#correct-form select[name=field]", "published")
	set("value", "#correct-form input[name=value]", "2025-02-28")
	set("user", "#correct-form input[name=user]", "ana")
	submit("correct", "#correct-form button[type=submit]", ".doctext")

	// Re-run the analysis, as "parallax reanalyze" does.
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Reanalyze(context.Background(), st, story.ID); err != nil {
		t.Fatal(err)
	}

	open("story after re-analysis", storyURL, "#decisions")
	if !eval("still dismissed", `!!document.querySelector("#`+row+` .review-dismissed")`) {
		t.Error("after re-analysis the fact is no longer marked dismissed")
	}
	states := run(t, ctx, "decision states", chromedp.Evaluate[string](`Array.from(document.querySelectorAll("#decisions tbody tr .tag")).map(e => e.textContent).join(",")`))
	if states != "applied,applied,applied" {
		t.Errorf("decision states after re-analysis: %q", states)
	}
	if eval("merged entity listed", `!!document.querySelector('a.ename[href$="/entities/`+places[1].ID+`"]')`) {
		t.Error("after re-analysis the merged entity is listed again")
	}
	open("kept entity", storyURL+"/entities/"+places[0].ID, "article.entity")
	spellings := run(t, ctx, "spellings", chromedp.Evaluate[string](`document.querySelector(".variants-table").innerText`))
	if !strings.Contains(spellings, places[1].Name) {
		t.Errorf("after re-analysis %s's spellings lack %s: %q", places[0].Name, places[1].Name, spellings)
	}
	open("document after re-analysis", base+"/documents/"+doc.ID+"?story="+story.ID, ".doctext")
	meta := run(t, ctx, "metadata", chromedp.Evaluate[string](`document.querySelector(".doc-meta dl").innerText`))
	if !strings.Contains(meta, "28 Feb 2025") || !strings.Contains(meta, "corrected by ana") {
		t.Errorf("after re-analysis the document metadata shows %q", meta)
	}
	if n := run(t, ctx, "live note markup", chromedp.Evaluate[int](`document.querySelectorAll("img[src=x]").length`)); n != 0 {
		t.Errorf("the note's markup became %d live elements", n)
	}
	time.Sleep(200 * time.Millisecond)
	if ds := dialogs(); len(ds) > 0 {
		t.Errorf("a dialog opened: %v", ds)
	}
}
