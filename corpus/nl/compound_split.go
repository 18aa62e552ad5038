package nl

import (
	"bufio"
	"bytes"
	_ "embed"
	"fmt"
	"strings"
	"unicode/utf8"
)

//go:embed data/compound_parts.txt
var compoundPartsTxt []byte

// domainParts is the reviewed dictionary of data/compound_parts.txt, the
// parts the index splits compounds into. It is part of the binary, so a
// bad line is a build defect (and a test catches it first).
var domainParts = mustCompounds(compoundPartsTxt)

// Parts returns the stems of the dictionary parts of a compound, given its
// stem, without the stem itself: Parts("woninginbrak") is [woning inbrak],
// Parts("verkeersveil") is [verker veilig], Parts("wethouder") is nil. The
// dictionary is data/compound_parts.txt, reviewed for policy text.
func Parts(stem string) []string {
	ids := domainParts.Split(stem)
	if len(ids) == 0 {
		return nil
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if p := domainParts.stems[id]; p != stem {
			out = append(out, p)
		}
	}
	return out
}

// Split returns the parts of stem (a folded, stemmed word), each once, in
// order. It tries, in order: stem covered by parts (with linking morphemes
// between them); an unknown modifier (see Head) before covered parts; a
// long known modifier before an unknown head (see Modifier).
func (c *Compounds) Split(stem string) []int32 {
	if len(stem) < minCompound || len(stem) > maxCompound {
		return nil
	}
	var m coverMemo
	for s := 0; s <= len(stem)-minPart; s++ {
		if s > 0 && (!c.startsAt(stem, s) || !unknownModifier(stem[:s])) {
			continue
		}
		if c.covers(stem, s, &m) {
			return c.partsFrom(stem, s, &m)
		}
	}
	if id, ok := c.Modifier(stem); ok {
		return []int32{id}
	}
	return nil
}

// coverMemo remembers, per start offset of a compound, whether the rest
// can be covered by parts and, if so, where its first part ends and the
// next one starts (after a linking morpheme).
type coverMemo struct {
	state     [maxCompound + 1]int8 // 0 unknown, 1 covered, -1 not
	end, next [maxCompound + 1]uint8
}

// covers reports whether w[i:] is a sequence of keys joined by linking
// morphemes, preferring longer keys; i == 0 needs two parts.
func (c *Compounds) covers(w string, i int, m *coverMemo) bool {
	if m.state[i] != 0 {
		return m.state[i] == 1
	}
	m.state[i] = -1
	if !c.startsAt(w, i) {
		return false
	}
	for j := min(len(w), i+maxPart); j >= i+minPart; j-- {
		if _, ok := c.keys[w[i:j]]; !ok || j < len(w) && !utf8.RuneStart(w[j]) {
			continue
		}
		if j == len(w) && i > 0 {
			m.state[i], m.end[i], m.next[i] = 1, uint8(j), uint8(j)
			return true
		}
		for _, l := range linkMorphemes {
			k := j + len(l)
			if k < len(w) && strings.HasPrefix(w[j:], l) && c.covers(w, k, m) {
				m.state[i], m.end[i], m.next[i] = 1, uint8(j), uint8(k)
				return true
			}
		}
	}
	return false
}

// partsFrom returns the parts covers found from i on, each once.
func (c *Compounds) partsFrom(w string, i int, m *coverMemo) []int32 {
	var out []int32
	for i < len(w) {
		id := c.keys[w[i:m.end[i]]]
		dup := false
		for _, o := range out {
			dup = dup || o == id
		}
		if !dup {
			out = append(out, id)
		}
		i = int(m.next[i])
	}
	return out
}

func mustCompounds(data []byte) *Compounds {
	c, err := parseCompounds(data)
	if err != nil {
		panic(err)
	}
	return c
}

// parseCompounds reads a dictionary of compound parts: one part per line
// ("#" starts a comment), a lower-case word of 4 to 16 letters a-z.
func parseCompounds(data []byte) (*Compounds, error) {
	c := NewCompounds()
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line, _, _ := strings.Cut(sc.Text(), "#")
		w := strings.TrimSpace(line)
		if w == "" {
			continue
		}
		if c.Add(w) < 0 {
			return nil, fmt.Errorf("compound parts line %d: want one word of %d-%d letters a-z, got %q", n, minPart, maxPart, w)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("compound parts: %w", err)
	}
	return c, nil
}
