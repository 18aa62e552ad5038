package harvest

import (
	"bufio"
	"bytes"
	"context"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// robots is the part of a site's robots.txt that applies to the
// harvester: the rules of the group naming it, else those of the group
// for every agent.
type robots struct {
	rules    []robotsRule
	disallow bool          // the whole site is off limits (robots.txt answered 5xx)
	delay    time.Duration // the group's Crawl-delay, at most maxCrawlDelay
}

// maxCrawlDelay caps a Crawl-delay: a site asking for more is still
// harvested, this far apart.
const maxCrawlDelay = time.Minute

type robotsRule struct {
	allow   bool
	pattern string
}

// parseRobots reads robots.txt: groups of User-agent lines followed by
// Allow, Disallow and Crawl-delay lines. A group naming agentToken wins
// over "*".
func parseRobots(data []byte) *robots {
	groups := map[string]*robots{}
	var agents []string
	inRules := false
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		key, val, ok := robotsLine(sc.Text())
		if !ok {
			continue
		}
		switch key {
		case "user-agent":
			if inRules {
				agents, inRules = nil, false
			}
			agents = append(agents, strings.ToLower(val))
		case "allow", "disallow", "crawl-delay":
			inRules = true
			for _, a := range agents {
				groups[a] = groups[a].add(key, val)
			}
		}
	}
	for a, rb := range groups {
		if a != "*" && strings.Contains(agentToken, a) {
			return rb
		}
	}
	if rb := groups["*"]; rb != nil {
		return rb
	}
	return &robots{}
}

// add adds one rule line to a group, made when rb is nil.
func (rb *robots) add(key, val string) *robots {
	if rb == nil {
		rb = &robots{}
	}
	if key != "crawl-delay" {
		rb.rules = append(rb.rules, robotsRule{allow: key == "allow", pattern: val})
		return rb
	}
	if secs, err := strconv.ParseFloat(val, 64); err == nil && secs > 0 {
		rb.delay = min(time.Duration(secs*float64(time.Second)), maxCrawlDelay)
	}
	return rb
}

// robotsLine splits one line into its lowercased key and its value,
// dropping comments.
func robotsLine(line string) (string, string, bool) {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	key, val, ok := strings.Cut(line, ":")
	if !ok {
		return "", "", false
	}
	return strings.ToLower(strings.TrimSpace(key)), strings.TrimSpace(val), true
}

// allowed says whether the path (with query) of u may be fetched: the
// longest matching rule decides, Allow winning a tie; no rule allows.
func (r *robots) allowed(u *url.URL) bool {
	if r.disallow {
		return false
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	best, allow := -1, true
	for _, rule := range r.rules {
		if rule.pattern == "" || !robotsMatch(rule.pattern, path) {
			continue
		}
		if n := len(rule.pattern); n > best || (n == best && rule.allow) {
			best, allow = n, rule.allow
		}
	}
	return allow
}

// robotsMatch matches a path against a pattern in which * stands for any
// characters and a final $ anchors the end.
func robotsMatch(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	parts := strings.Split(strings.TrimSuffix(pattern, "$"), "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	if len(parts) == 1 {
		return !anchored || rest == ""
	}
	for _, p := range parts[1 : len(parts)-1] {
		i := strings.Index(rest, p)
		if i < 0 {
			return false
		}
		rest = rest[i+len(p):]
	}
	last := parts[len(parts)-1]
	if anchored {
		return strings.HasSuffix(rest, last)
	}
	return strings.Contains(rest, last)
}

// robotsFor returns the rules of u's site, fetching its robots.txt once
// per run. No robots.txt (a 4xx) allows everything; a server error
// forbids the site for this run; a site that cannot be reached, or
// answers too slowly, is that error.
func (r *run) robotsFor(ctx context.Context, u *url.URL) (*robots, error) {
	key := u.Scheme + "://" + u.Host
	if rb, ok := r.robots[key]; ok {
		return rb, nil
	}
	p, err := r.h.fetch.get(ctx, &url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/robots.txt"}, validators{})
	var rb *robots
	switch {
	case err != nil:
		return nil, err
	case p.Status >= 500:
		rb = &robots{disallow: true}
	case p.Status >= 400:
		rb = &robots{}
	default:
		rb = parseRobots(p.Body)
		r.h.fetch.pace.slowDown(u.Host, rb.delay)
	}
	r.robots[key] = rb
	return rb, nil
}
