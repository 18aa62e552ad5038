package ui_test

import (
	"context"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/accessibility"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

func TestBrowserTypedFilterCanBeRemoved(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	load(t, ctx, chromedp.Navigate(srv.URL+query("/", "q", "cameratoezicht gemeente:Amsterdam")))
	if n := run(t, ctx, chromedp.Text(css(`#aantal`))); n != "1" {
		t.Fatalf("#aantal %q with gemeente:Amsterdam, want 1", n)
	}
	screenshot(t, ctx, "h19-getypt-filter.png")
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chips a.chip').length`)); n != 1 {
		t.Fatalf("%d chips for the typed filter, want 1", n)
	}
	load(t, ctx, chromedp.Click(css(`.chips a.chip`)))
	want := strconv.Itoa(len(matching("cameratoezicht", nil)))
	if n := run(t, ctx, chromedp.Text(css(`#aantal`))); n != want {
		t.Errorf("after the chip #aantal is %q, want %s", n, want)
	}
	if q := run(t, ctx, chromedp.Value(css(`#q`))); q != "cameratoezicht" {
		t.Errorf("the query box holds %q, want the query without the filter", q)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('.chips a.chip').length`)); n != 0 {
		t.Errorf("%d chips left after removing the only filter", n)
	}
}

func TestBrowserStartPageFacets(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	load(t, ctx, chromedp.Navigate(srv.URL+"/"))
	counts := run(t, ctx, chromedp.Evaluate[[]string](
		`[...document.querySelectorAll('.facet[data-facet=veld] .telling')].map(e => e.innerText)`))
	if len(counts) == 0 {
		t.Fatal("no veld facet on the start page")
	}
	for _, c := range counts {
		if !strings.HasSuffix(c, "%") {
			t.Errorf("veld facet shows %q, want a share of the text", c)
		}
	}
	thema := run(t, ctx, chromedp.Text(css(`.facet[data-facet=thema]`)))
	if strings.Contains(thema, "Visie en inleiding") {
		t.Errorf("the thema facet lists a structural theme: %q", thema)
	}
}

func TestBrowserMoreLikeThis(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	load(t, ctx, chromedp.Navigate(srv.URL+query("/", "q", "cameratoezicht")))
	title := run(t, ctx, chromedp.Text(css(`.resultaat h3 a`)))
	id := run(t, ctx, chromedp.AttributeValue(css(`.resultaat`), "data-id")).Value
	load(t, ctx, chromedp.Click(css(`.resultaat a.meerzoals`)))
	screenshot(t, ctx, "h19-meer-zoals-dit.png")
	if h := run(t, ctx, chromedp.Text(css(`#resultaten-kop`))); h != "Vergelijkbare plannen" {
		t.Errorf("heading %q, want Vergelijkbare plannen", h)
	}
	if chip := run(t, ctx, chromedp.Text(css(`.chips a.chip`))); !strings.Contains(chip, title) {
		t.Errorf("chip %q does not name %q", chip, title)
	}
	ids := run(t, ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.resultaat')].map(e => e.dataset.id)`))
	published := len(plans) - 1
	if len(ids) == 0 || len(ids) >= published-1 {
		t.Errorf("%d plans like %q of %d published: want the most similar, not (nearly) all", len(ids), title, published)
	}
	for _, x := range ids {
		if x == id {
			t.Errorf("the plan itself is among the plans like it")
		}
	}
}

// focusJS describes the focused element: where it is on the page; "rond"
// when it was focused before.
const focusJS = `(() => {
	const e = document.activeElement;
	if (e.dataset.gezien) return 'rond|';
	e.dataset.gezien = '1';
	const r = e.closest('.resultaat');
	return (e.closest('#filters') ? 'filters' : e.closest('#resultaten') ? 'resultaten' : 'elders') +
		'|' + (r ? r.dataset.id : '');
})()`

func TestBrowserKeyboardFollowsLayout(t *testing.T) {
	ctx := browser(t)
	f := newFixture(t)
	srv := httptest.NewServer(f.handler)
	t.Cleanup(srv.Close)

	// Results with two matching passages each, and a second page.
	load(t, ctx, chromedp.Navigate(srv.URL+query("/", "q", "cameratoezicht ondermijning", "size", "3")))
	var order []string
	perResult := map[string]int{}
	for range 120 {
		run(t, ctx, chromedp.KeyEvent(kb.Tab))
		where, result, _ := strings.Cut(run(t, ctx, chromedp.Evaluate[string](focusJS)), "|")
		if where == "rond" { // back at an element seen before: the page is done
			break
		}
		if len(order) == 0 || order[len(order)-1] != where {
			order = append(order, where)
		}
		if result != "" {
			perResult[result]++
		}
	}
	seq := strings.Join(order, " ")
	if !strings.Contains(seq, "filters resultaten") || strings.Contains(seq, "resultaten filters") {
		t.Errorf("tab order through the page: %s; want the filters (on the left) before the results", seq)
	}
	if len(perResult) == 0 {
		t.Fatal("no result was reached with the keyboard")
	}
	for id, n := range perResult {
		if n > 5 {
			t.Errorf("result %s takes %d tab stops, want at most 5", id, n)
		}
	}
	if !exposedLink(t, ctx, "Gelderland") {
		t.Error("a screen reader does not find the filter Gelderland")
	}
	if c := run(t, ctx, chromedp.Evaluate[float64](contrastJS)); c < 4.5 {
		t.Errorf("the disabled ‹ Vorige has contrast %.1f:1, want at least 4.5:1", c)
	}
	run(t, ctx, chromedp.Evaluate[bool](`(document.activeElement.blur(), true)`))
	screenshot(t, ctx, "h19-desktop.png")

	load(t, ctx, chromedp.Navigate(srv.URL+query("/", "q", "cameratoezicht gemeente:Amsterdam")))
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('[role=note]').length`)); n != 1 {
		t.Errorf("%d notes, want the one telling how the query was read", n)
	}
	if n := run(t, ctx, chromedp.Evaluate[int](`document.querySelectorAll('ul[role=note], ol[role=note]').length`)); n != 0 {
		t.Errorf("%d lists with role=note, which a list may not have", n)
	}
	run(t, ctx, chromedp.EmulateViewport(390, 844))
	load(t, ctx, chromedp.Navigate(srv.URL+query("/", "q", "cameratoezicht gemeente:Amsterdam")))
	above := run(t, ctx, chromedp.Evaluate[bool](
		`document.querySelector('#filters').getBoundingClientRect().top < document.querySelector('#resultaten').getBoundingClientRect().top`))
	if !above {
		t.Error("on a phone the filters, first in tab order, are not shown first")
	}
	screenshot(t, ctx, "h19-telefoon.png")
	// There they are folded away until asked for, so the results show.
	visible := `document.querySelector('.facet[data-facet=gemeente] a.facetwaarde').checkVisibility()`
	if run(t, ctx, chromedp.Evaluate[bool](visible)) {
		t.Error("on a phone the filters are open before the results")
	}
	run(t, ctx, chromedp.Click(css(`.filterpaneel > summary`)))
	if !run(t, ctx, chromedp.Evaluate[bool](visible)) {
		t.Error("on a phone the filters do not open")
	}
	screenshot(t, ctx, "h19-telefoon-filters.png")
}

// contrastJS is the contrast ratio of the disabled "‹ Vorige" against the
// background it is drawn on.
const contrastJS = `(() => {
	const el = document.querySelector('.paginering .vorige');
	if (!el || el.tagName === 'A') return 99;
	const rgb = s => s.match(/[\d.]+/g).map(Number);
	const lum = c => { const [r, g, b] = rgb(c).slice(0, 3).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
	let bg = 'rgb(255, 255, 255)';
	for (let e = el; e; e = e.parentElement) {
		const c = getComputedStyle(e).backgroundColor, a = rgb(c);
		if (a.length < 4 || a[3] > 0) { bg = c; break; }
	}
	const [hi, lo] = [lum(getComputedStyle(el).color), lum(bg)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
})()`

// exposedLink reports whether the accessibility tree holds a link whose
// name starts with name, not hidden from screen readers.
func exposedLink(t *testing.T, ctx context.Context, name string) bool {
	t.Helper()
	res, err := chromedp.Call(ctx, accessibility.GetFullAXTree, accessibility.GetFullAXTreeParams{})
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range res.Nodes {
		if n.Ignored || n.Role == nil || n.Name == nil || string(n.Role.Value) != `"link"` {
			continue
		}
		if strings.HasPrefix(strings.Trim(string(n.Name.Value), `"`), name) {
			return true
		}
	}
	return false
}
