package fetch

import (
	"strconv"
	"strings"
	"time"
)

// robots is the part of a robots.txt that applies to Parallax.
type robots struct {
	rules []rule
	delay time.Duration
}

type rule struct {
	allow   bool
	pattern string
}

// parseRobots reads the group for agent, or else the "*" group (RFC 9309):
// Allow and Disallow lines, and a Crawl-delay in seconds.
func parseRobots(text, agent string) *robots {
	type group struct {
		agents []string
		r      robots
	}
	var groups []*group
	var cur *group
	lastWasAgent := false
	for _, line := range strings.Split(text, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		key = strings.ToLower(strings.TrimSpace(key))
		value = strings.TrimSpace(value)
		switch key {
		case "user-agent":
			if cur == nil || !lastWasAgent {
				cur = &group{}
				groups = append(groups, cur)
			}
			cur.agents = append(cur.agents, strings.ToLower(value))
			lastWasAgent = true
			continue
		case "allow", "disallow":
			if cur != nil && value != "" {
				cur.r.rules = append(cur.r.rules, rule{allow: key == "allow", pattern: value})
			}
		case "crawl-delay":
			if cur != nil {
				if secs, err := strconv.ParseFloat(value, 64); err == nil && secs > 0 && secs < 3600 {
					cur.r.delay = time.Duration(secs * float64(time.Second))
				}
			}
		}
		lastWasAgent = false
	}
	var star *robots
	for _, g := range groups {
		for _, a := range g.agents {
			if a == agent {
				return &g.r
			}
			if a == "*" && star == nil {
				star = &g.r
			}
		}
	}
	if star != nil {
		return star
	}
	return &robots{}
}

// allows applies the longest matching rule; Allow wins a tie.
func (r *robots) allows(path string) bool {
	if path == "" {
		path = "/"
	}
	if path == "/robots.txt" {
		return true
	}
	best, allow := -1, true
	for _, ru := range r.rules {
		if !match(ru.pattern, path) {
			continue
		}
		if n := len(ru.pattern); n > best || n == best && ru.allow {
			best, allow = n, ru.allow
		}
	}
	return allow
}

// match reports whether a robots pattern matches a path: a prefix match,
// with * for any run of characters and a final $ for the end.
func match(pattern, path string) bool {
	anchored := strings.HasSuffix(pattern, "$")
	pattern = strings.TrimSuffix(pattern, "$")
	parts := strings.Split(pattern, "*")
	if !strings.HasPrefix(path, parts[0]) {
		return false
	}
	rest := path[len(parts[0]):]
	for i, p := range parts[1:] {
		last := i == len(parts)-2
		if last && anchored {
			return strings.HasSuffix(rest, p)
		}
		j := strings.Index(rest, p)
		if j < 0 {
			return false
		}
		rest = rest[j+len(p):]
	}
	return !anchored || rest == "" || len(parts) > 1 && parts[len(parts)-1] == ""
}
