package ui_test

import (
	"encoding/xml"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// feedDoc is an Atom feed as a feed reader reads it.
type feedDoc struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []feedLink  `xml:"link"`
	Authors []string    `xml:"author>name"`
	Entries []feedEntry `xml:"entry"`
}

type feedLink struct {
	Rel  string `xml:"rel,attr"`
	Type string `xml:"type,attr"`
	Href string `xml:"href,attr"`
}

type feedEntry struct {
	Title     string     `xml:"title"`
	ID        string     `xml:"id"`
	Links     []feedLink `xml:"link"`
	Published string     `xml:"published"`
	Updated   string     `xml:"updated"`
	Authors   []string   `xml:"author>name"`
	Summary   struct {
		Type string `xml:"type,attr"`
		Text string `xml:",chardata"`
	} `xml:"summary"`
}

// readFeed fetches target and parses it as Atom, checking what RFC 4287
// requires of a feed and its entries.
func readFeed(t *testing.T, f *fixture, target string) feedDoc {
	t.Helper()
	r := f.get(t, target)
	if r.status != http.StatusOK || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("%s: status %d, Content-Type %q", target, r.status, r.header.Get("Content-Type"))
	}
	var feed feedDoc
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil {
		t.Fatalf("%s is no Atom feed: %v\n%s", target, err, r.body)
	}
	if feed.Title == "" || !absolute(feed.ID) || !rfc3339(feed.Updated) || len(feed.Authors) == 0 || link(feed.Links, "self") == "" {
		t.Errorf("%s: feed lacks a title, absolute id, updated, author or self link: %+v", target, feed)
	}
	for _, e := range feed.Entries {
		if e.Title == "" || !absolute(e.ID) || !rfc3339(e.Updated) || !rfc3339(e.Published) ||
			link(e.Links, "alternate") == "" || len(e.Authors) == 0 || e.Summary.Type != "html" {
			t.Errorf("%s: incomplete entry %+v", target, e)
		}
	}
	return feed
}

func absolute(s string) bool { u, err := url.Parse(s); return err == nil && u.IsAbs() }

func rfc3339(s string) bool { _, err := time.Parse(time.RFC3339, s); return err == nil }

func link(ls []feedLink, rel string) string {
	for _, l := range ls {
		if l.Rel == rel {
			return l.Href
		}
	}
	return ""
}

// entryKeys are the plan keys of the feed's entries, in order.
func (f *fixture) entryKeys(t *testing.T, feed feedDoc) []string {
	t.Helper()
	var out []string
	for _, e := range feed.Entries {
		u, err := url.Parse(link(e.Links, "alternate"))
		if err != nil || !strings.HasPrefix(u.Path, "/documenten/") {
			t.Fatalf("entry links to %q", link(e.Links, "alternate"))
		}
		for key, id := range f.ids {
			if u.Path == "/documenten/"+strconv.FormatInt(id, 10) {
				out = append(out, key)
			}
		}
	}
	return out
}

// TestFeedFollowsTheSearch: the feed of a search lists exactly the
// published plans its words and filters find, last added first, as valid
// Atom with absolute links.
func TestFeedFollowsTheSearch(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name   string
		target string
		want   []string
	}{
		{"words", query("/zoeken.atom", "q", "cameratoezicht"), matching("cameratoezicht", nil)},
		{"words and provincie", query("/zoeken.atom", "q", "cameratoezicht", "provincie", "Gelderland"),
			matching("cameratoezicht", inProvincie("Gelderland"))},
		{"type only", query("/zoeken.atom", "type", "evaluatie"), []string{"utr"}},
		{"gemeente", query("/zoeken.atom", "gemeente", "GM0202"), []string{"arn"}},
		{"nothing found", query("/zoeken.atom", "q", "cameratoezicht", "type", "evaluatie"), nil},
		{"newest plans", "/zoeken.atom", matching("", nil)},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			feed := readFeed(t, f, tc.target)
			got := f.entryKeys(t, feed)
			if !sameSet(got, tc.want) || len(got) != len(tc.want) {
				t.Errorf("entries %v, want %v", got, tc.want)
			}
			if want := f.addedOrder(tc.want); !slices.Equal(got, want) && sameSet(got, tc.want) {
				t.Errorf("entries in order %v, want last added first: %v", got, want)
			}
			if !strings.HasSuffix(link(feed.Links, "self"), tc.target) {
				t.Errorf("self link %q, want it to end in %q", link(feed.Links, "self"), tc.target)
			}
		})
	}
}

// TestFeedRefusesBadParameters: a parameter the search page refuses is
// refused by the feed with the same status.
func TestFeedRefusesBadParameters(t *testing.T) {
	f := newFixture(t)
	for _, target := range []string{"/zoeken.atom?veld=9", "/zoeken.atom?gemeente=GM9999"} {
		if r := f.get(t, target); r.status != http.StatusBadRequest {
			t.Errorf("%s: status %d, want 400", target, r.status)
		}
	}
}

// TestSearchPageLinksItsFeed: the results page names its feed in the
// head and links it visibly; the feed keeps the filters and drops the
// paging.
func TestSearchPageLinksItsFeed(t *testing.T) {
	f := newFixture(t)
	page := f.get(t, query("/", "q", "cameratoezicht", "provincie", "Gelderland", "page", "1", "sort", "datum")).html(t)
	head, _ := page.Find(`head link[rel=alternate][type="application/atom+xml"]`).Attr("href")
	visible, _ := page.Find(`main a#feed`).Attr("href")
	if head == "" || head != visible {
		t.Fatalf("feed in head %q, visible link %q: want the same address", head, visible)
	}
	u, _ := url.Parse(head)
	q := u.Query()
	if u.Path != "/zoeken.atom" || q.Get("q") != "cameratoezicht" || q.Get("provincie") != "Gelderland" || q.Has("sort") || q.Has("page") {
		t.Errorf("feed address %q, want /zoeken.atom with the words and the filter only", head)
	}
	feed := readFeed(t, f, head)
	if got, want := f.entryKeys(t, feed), f.resultKeys(t, page); !sameSet(got, want) {
		t.Errorf("feed lists %v, the page %v", got, want)
	}
}

// addedOrder sorts plan keys by document ID, highest first: the fixture
// adds plans in order, so that is last added first.
func (f *fixture) addedOrder(keys []string) []string {
	out := slices.Clone(keys)
	slices.SortFunc(out, func(a, b string) int { return int(f.ids[b] - f.ids[a]) })
	return out
}
