package web_test

import (
	"bytes"
	"context"
	"image"
	"image/png"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/parallaxnews/parallax/model"
	"github.com/parallaxnews/parallax/pipeline"
	"github.com/parallaxnews/parallax/present/web"
	"github.com/parallaxnews/parallax/store/sqlite"
)

// chromiumPath finds a headless-capable Chromium. Without one the browser
// test is skipped, except in CI (env CI set), where it must run.
func chromiumPath(t *testing.T) string {
	t.Helper()
	if p := os.Getenv("PARALLAX_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium not found; CI must install it (apt-get install -y chromium)")
	}
	t.Skip("chromium not installed; skipping the browser test (install the Debian chromium package to run it)")
	return ""
}

// startServer analyses the bundled example with the real pipeline and
// serves it on a loopback port, exactly as "parallax serve" does.
func startServer(t *testing.T) (base string, st *sqlite.Store, story model.Story, d *model.Dossier) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "parallax.db"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := pipeline.New(pipeline.Options{})
	if err != nil {
		t.Fatal(err)
	}
	res, err := p.AnalyzePaths(ctx, st, []string{"../../examples/almaty-confession"}, "")
	if err != nil {
		t.Fatal(err)
	}
	if res.Dossier == nil {
		t.Fatalf("example analysed into no story: %v", res.Failed)
	}
	d, err = st.StoryDossier(ctx, res.Story.ID)
	if err != nil {
		t.Fatal(err)
	}
	s, err := web.New(web.Options{Store: st, Analyzer: web.PipelineAnalyzer(p, st)})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- web.Serve(ctx, ln, s) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
		st.Close()
	})
	return "http://" + ln.Addr().String(), st, res.Story, d
}

func browser(t *testing.T, exe string) (context.Context, func() []string) {
	t.Helper()
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1000),
	)
	// The whole browser session is bounded, so a hung step fails the test
	// instead of the test binary's timeout.
	limit, cancelL := context.WithTimeout(context.Background(), 120*time.Second)
	actx, cancelA := chromedp.NewExecAllocator(limit, opts...)
	ctx, cancelB := chromedp.NewContext(actx)
	t.Cleanup(func() { cancelB(); cancelA(); cancelL() })
	if err := chromedp.Do(ctx); err != nil {
		t.Fatalf("start chromium: %v", err)
	}
	// Any JavaScript dialog means article text ran as script.
	var mu sync.Mutex
	var dialogs []string
	events := chromedp.Events(ctx, page.JavascriptDialogOpening)
	go func() {
		for ev, err := range events {
			if err != nil {
				return
			}
			mu.Lock()
			dialogs = append(dialogs, ev.Message)
			mu.Unlock()
			chromedp.Call(ctx, page.HandleJavaScriptDialog, page.HandleJavaScriptDialogParams{Accept: false})
		}
	}()
	return ctx, func() []string {
		mu.Lock()
		defer mu.Unlock()
		return append([]string(nil), dialogs...)
	}
}

// run runs one action that returns a value and fails the test on error.
func run[T any](t *testing.T, ctx context.Context, step string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(ctx, a)
	if err != nil {
		t.Fatalf("%s: %v", step, err)
	}
	return v
}

func css(s string) chromedp.CSS { return chromedp.CSS(s) }

func TestEndToEnd(t *testing.T) {
	exe := chromiumPath(t)
	base, _, story, d := startServer(t)
	ctx, dialogs := browser(t, exe)
	do := func(step string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, actions...); err != nil {
			loc, _ := chromedp.Run(ctx, chromedp.Location())
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			t.Fatalf("%s: %v\nat %s, page shows:\n%.1500s", step, err, loc, body)
		}
	}
	// With PARALLAX_SCREENSHOTS=DIR the test saves what it sees there
	// (docs/screenshots is made this way; see docs/web.md).
	shot := func(name string, a chromedp.Action[[]byte]) {
		t.Helper()
		dir := os.Getenv("PARALLAX_SCREENSHOTS")
		if dir == "" {
			return
		}
		do("close popovers", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`document.querySelectorAll("details[open]").forEach(d => d.open = false), window.scrollTo(0, 0), true`)(ctx, tg)
			return err
		}))
		png := cropPNG(t, run(t, ctx, "screenshot "+name, a), 1600)
		if err := os.WriteFile(filepath.Join(dir, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// text reads an element's text by selector in one script call. Reading
	// through a DOM node ID (chromedp.Text) can fail with "No node with
	// given id" when Chromium replaces the document between query and read.
	text := func(step, sel string) string {
		t.Helper()
		v := run(t, ctx, step, chromedp.Evaluate[*string](`(() => { const e = document.querySelector(`+strconv.Quote(sel)+`); return e ? e.innerText : null })()`))
		if v == nil {
			body, _ := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body ? document.body.innerText : ""`))
			t.Fatalf("%s: no element %s; page shows:\n%.1500s", step, sel, body)
		}
		return *v
	}
	// follow runs an action that loads a new page (a click on a link, a
	// form submit) and returns once the new document has fully loaded and
	// shows sel. The old document is marked first, so a wait cannot be
	// satisfied by the page being left.
	follow := func(step string, act chromedp.Action[chromedp.Void], sel string) {
		t.Helper()
		do(step+": mark the old page", chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
			_, err := chromedp.Evaluate[bool](`window.__parallaxOld = true`)(ctx, tg)
			return err
		}))
		do(step, act)
		loaded := `!window.__parallaxOld && document.readyState === "complete" && !!document.querySelector(` + strconv.Quote(sel) + `)`
		deadline := time.Now().Add(30 * time.Second)
		for {
			// Errors are expected while the old page unloads: retry.
			if ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](loaded)); err == nil && ok {
				break
			}
			if time.Now().After(deadline) {
				loc, _ := chromedp.Run(ctx, chromedp.Location())
				t.Fatalf("%s: no loaded page with %s after 30 s (at %s)", step, sel, loc)
			}
			time.Sleep(50 * time.Millisecond)
		}
		do(step+": wait visible", chromedp.WaitVisible(css(sel)))
	}
	count := func(sel string) int {
		t.Helper()
		return run(t, ctx, "count "+sel, chromedp.Evaluate[int](`document.querySelectorAll(`+strconv.Quote(sel)+`).length`))
	}

	// Open the example story from the stories list.
	do("open stories list", chromedp.Navigate(base+"/"), chromedp.WaitVisible(css(`a.story-link`)))
	follow("open the story", chromedp.Click(css(`a.story-link`)), `#facts`)
	if title := text("story title", `article.story h1`); title == "" {
		t.Error("story page has no title")
	}
	if n := count("table.sources tbody tr"); n != len(d.Documents) {
		t.Errorf("sources table has %d rows, dossier %d documents", n, len(d.Documents))
	}
	if n := count("table.facts tbody tr"); n != len(d.Facts) {
		t.Errorf("fact table has %d rows, dossier %d facts", n, len(d.Facts))
	}
	dated := 0
	for _, ev := range d.Timeline {
		for _, s := range ev.Sources {
			if s.Date != "" {
				dated++
			}
		}
	}
	if n := count("svg.timeline a circle, svg.timeline a rect"); dated > 0 && n == 0 {
		t.Errorf("timeline drew no marks for %d dated event sources", dated)
	} else if n > dated {
		t.Errorf("timeline drew %d marks for %d dated event sources", n, dated)
	}
	if n := count("a.ename"); n != len(d.Entities) {
		t.Errorf("%d entity links, dossier has %d entities", n, len(d.Entities))
	}
	if len(d.Facts) > 0 {
		// Clicking a cell shows the sentence in context.
		do("open a fact cell", chromedp.Click(css(`td.cell details.fv summary`)))
		shown := run(t, ctx, "popover", chromedp.Evaluate[bool](`(() => { const p = document.querySelector("details.fv[open] .pop"); return !!p && p.offsetHeight > 0 && p.textContent.trim().length > 10 })()`))
		if !shown {
			t.Error("clicking a fact cell did not show its sentence")
		}
	}
	// The filter shows only disputed and changed facts, then all again.
	conflicts := 0
	for _, f := range d.Facts {
		if f.Status == model.Disputed || f.Status == model.Changed {
			conflicts++
		}
	}
	visible := `Array.from(document.querySelectorAll("table.facts tbody tr")).filter(r => r.offsetParent !== null).length`
	if len(d.Facts) > 0 {
		do("filter conflicts", chromedp.Click(css(`.fact-filter button[data-filter="conflict"]`)))
		if n := run(t, ctx, "visible rows", chromedp.Evaluate[int](visible)); n != conflicts {
			t.Errorf("filter shows %d rows, want %d disputed or changed", n, conflicts)
		}
		do("filter all", chromedp.Click(css(`.fact-filter button[data-filter=""]`)))
		if n := run(t, ctx, "visible rows", chromedp.Evaluate[int](visible)); n != len(d.Facts) {
			t.Errorf("unfiltered table shows %d rows, want %d", n, len(d.Facts))
		}
	}
	shot("story.png", chromedp.CaptureScreenshot())
	shot("story-facts.png", chromedp.Screenshot(css("#facts")))
	shot("story-timeline.png", chromedp.Screenshot(css("#timeline")))
	shot("story-names.png", chromedp.Screenshot(css("#names")))

	// Click through to an entity, when the pipeline resolved any.
	if len(d.Entities) > 0 {
		storyURL := run(t, ctx, "story location", chromedp.Location())
		name := text("entity name", `a.ename`)
		follow("open an entity", chromedp.Click(css(`a.ename`)), `article.entity`)
		if h1 := text("entity title", `article.entity h1`); !strings.HasPrefix(h1, name) {
			t.Errorf("entity page title %q, clicked %q", h1, name)
		}
		shot("entity.png", chromedp.CaptureScreenshot())
		do("back to story", chromedp.Navigate(storyURL), chromedp.WaitVisible(css(`#facts`)))
	}

	// Click through to a document.
	follow("open a document", chromedp.Click(css(`table.sources tbody tr td a[href^="/documents/"]`)), `.doctext`)
	docText := text("document text", `.doctext`)
	shot("document.png", chromedp.CaptureScreenshot())
	if w := strings.Fields(d.Documents[0].Text); len(w) > 3 && !strings.Contains(docText, strings.Join(w[:3], " ")) {
		t.Errorf("document page does not show the document text; got %.120q", docText)
	}

	// Add an article through the form: hostile markup included, which
	// must stay inert, and a word to search for afterwards.
	const marker = "Quokkafestival"
	article := "ALMATY, March 14 — Organisers of the " + marker + " said on Friday that Bakyt Zhumaliyev would not perform this year.\n\n" +
		"<script>alert('script ran')</script> <img src=x onerror=\"alert('handler ran')\"> javascript:alert('url ran')\n\n" +
		"The festival board said it regretted the decision and hoped he would return."
	do("open the form", chromedp.Navigate(base+"/add?story="+story.ID), chromedp.WaitVisible(css(`#text`)))
	shot("add.png", chromedp.CaptureScreenshot())
	do("fill the form", chromedp.SetValue(css(`#text`), article))
	follow("add an article", chromedp.Click(css(`#add-submit`)), `p.flash`)
	if loc := run(t, ctx, "location", chromedp.Location()); !strings.Contains(loc, "/stories/"+story.ID) {
		t.Errorf("after adding, the browser is at %s, not the story", loc)
	}
	if flash := text("flash", `p.flash`); !strings.Contains(flash, "1 new article") {
		t.Errorf("flash says %q", flash)
	}

	// Find it by search, and open it.
	do("type a search", chromedp.SetValue(css(`header.site input[type=search]`), marker))
	follow("search", chromedp.Submit(css(`header.site form.search`)), `#search-count`)
	if n := text("search count", `#search-count`); strings.HasPrefix(n, "0 ") {
		t.Fatalf("search for %s found nothing: %s", marker, n)
	}
	shot("search.png", chromedp.CaptureScreenshot())
	follow("open hit", chromedp.Click(css(`li.hit-document a`)), `.doctext`)
	added := text("added text", `.doctext`)
	if !strings.Contains(added, marker) || !strings.Contains(added, "<script>alert('script ran')</script>") {
		t.Errorf("added document shows %.200q", added)
	}
	if n := count(".doctext img, .doctext script"); n != 0 {
		t.Errorf("article markup became %d live elements", n)
	}
	// Give any injected handler a moment to fire.
	do("wait", chromedp.Sleep(300*time.Millisecond))
	if ds := dialogs(); len(ds) > 0 {
		t.Errorf("article text executed in the page: dialogs %v", ds)
	}
}

// cropPNG keeps the top maxHeight pixels of a screenshot, so a long fact
// table makes a picture that still reads in a README.
func cropPNG(t *testing.T, data []byte, maxHeight int) []byte {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("decode screenshot: %v", err)
	}
	b := img.Bounds()
	if b.Dy() <= maxHeight {
		return data
	}
	sub, ok := img.(interface {
		SubImage(image.Rectangle) image.Image
	})
	if !ok {
		return data
	}
	var out bytes.Buffer
	if err := png.Encode(&out, sub.SubImage(image.Rect(b.Min.X, b.Min.Y, b.Max.X, b.Min.Y+maxHeight))); err != nil {
		t.Fatalf("encode screenshot: %v", err)
	}
	return out.Bytes()
}
