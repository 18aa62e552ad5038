package nl

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"
)

// node is one part of a compound stem: stem[start:end]. The parts of a
// word form a tree, kept in pre-order: "veiligheidsbeleidsplan" is
// veiligheidsbeleid (veiligheid, beleid) and plan. A node that ends where
// the stem ends is a head of the word.
type node struct {
	start, end uint8
}

// splitOf returns the parts of stem, a folded and stemmed word, remembered
// (see maxMemoWords); nil for a word that is no compound.
func splitOf(stem string) []node {
	if len(stem) < minCompound || len(stem) > maxCompound {
		return nil // without asking the memo: most words are short
	}
	return splits.getString(stem)
}

// split finds the parts of stem. It covers the stem with parts of the
// dictionary joined by linking morphemes (see cover), and splits each part
// again the same way, except reviewed domain parts, which are units; a
// word that is itself a domain part is not split. Without a cover, it
// falls back to an unknown modifier before a domain head, or a domain
// modifier before an unknown head (see fallback).
func split(stem string) []node {
	if len(stem) < minCompound || len(stem) > maxCompound {
		return nil
	}
	d := dict()
	if d.keys[stem].flags&fromDomain != 0 {
		return nil
	}
	if out := d.tree(stem, 0, true, nil); len(out) > 0 {
		return out
	}
	return d.fallback(stem)
}

// tree appends the parts of s, which starts at off in the word and ends
// it when atEnd, and their parts in turn.
func (d *partDict) tree(s string, off int, atEnd bool, out []node) []node {
	var buf [maxCompound / minPart]node
	segs := d.cover(s, atEnd, buf[:0])
	if !d.splitPays(s, segs) {
		return out
	}
	for _, g := range segs {
		out = append(out, node{uint8(off) + g.start, uint8(off) + g.end})
		part := s[g.start:g.end]
		if len(part) >= 2*minPart && d.keys[part].flags&fromDomain == 0 {
			out = d.tree(part, off+int(g.start), atEnd && int(g.end) == len(s), out)
		}
	}
	return out
}

// splitPays reports whether the parts of s are more common parts than s
// itself: whether the geometric mean of their uses is above the uses of
// s, so that "combinatie" (used in 30 words) is not combi (16) and natie
// (32), while "meldkamer" (5) is meld (33) and kamer (415).
func (d *partDict) splitPays(s string, segs []node) bool {
	if len(segs) == 0 {
		return false
	}
	whole := d.keys[s].uses
	if whole == 0 {
		return true
	}
	sum := 0.0
	for _, g := range segs {
		sum += math.Log(float64(d.keys[s[g.start:g.end]].uses) + 1)
	}
	return sum/float64(len(segs)) > math.Log(float64(whole)+1)
}

// cell is the best cover of a stem from one offset on: how many parts and
// domain parts it has, where its first part ends and where the next one
// starts (after a linking morpheme).
type cell struct {
	ok            bool
	parts, domain uint8
	end, next     uint8
}

// better reports whether cover c is preferred to b: fewer parts, then
// more domain parts, then a longer rest ("doel-stelling" rather than
// "doel-s-telling"), then the link written out ("mens-en-handel" rather
// than "mensen-handel").
func (c cell) better(b cell) bool {
	switch {
	case !b.ok:
		return true
	case c.parts != b.parts:
		return c.parts < b.parts
	case c.domain != b.domain:
		return c.domain > b.domain
	case c.next != b.next:
		return c.next < b.next
	}
	return c.end < b.end
}

// cover appends to out the parts of the best cover of s by two or more
// dictionary parts: each part but the last a form (asModifier) of at least
// minPart letters followed by a linking morpheme that fits it (linkFits)
// and no prefix (notModifier); the last a stem (asHead) when s ends the
// word, else a form, and none of suffixHeads; no part a suffix word, with
// its link or without. It returns out unchanged when there is none.
func (d *partDict) cover(s string, atEnd bool, out []node) []node {
	n := len(s)
	var best [maxCompound + 1]cell
	best[n] = cell{ok: true}
	last := asHead
	if !atEnd {
		last = asModifier
	}
	for i := n - minShortHead; i >= 0; i-- {
		for j := i + minShortHead; j <= n; j++ {
			if i == 0 && j == n || j-i < minPart && j < n {
				continue
			}
			part := s[i:j]
			f := d.keys[part].flags
			if j == n && f&last != 0 && !suffixWords[part] && !suffixHeads[part] {
				c := cell{ok: true, parts: 1, domain: domainBit(f), end: uint8(n), next: uint8(n)}
				if c.better(best[i]) {
					best[i] = c
				}
			}
			if j < n && f&asModifier != 0 && !notModifier(part) && !suffixWords[part] {
				d.link(s, i, j, f, &best)
			}
		}
	}
	if !best[0].ok {
		return out
	}
	for i := 0; i < n; i = int(best[i].next) {
		out = append(out, node{uint8(i), best[i].end})
	}
	return out
}

// link considers s[i:j], a modifier, followed by each linking morpheme
// and the best cover of the rest.
func (d *partDict) link(s string, i, j int, f uint8, best *[maxCompound + 1]cell) {
	for _, l := range linkMorphemes {
		k := j + len(l)
		if k > len(s)-minShortHead || !best[k].ok || !strings.HasPrefix(s[j:], l) || !linkFits(s[i:j], l) {
			continue
		}
		if int(best[k].end)-k < minPart && l != "s" {
			continue // a short head only after -s-: "bestuur-s-lid"
		}
		if suffixWords[s[j:best[k].end]] {
			continue // "water-s-chappen" is waterschappen
		}
		r := best[k]
		c := cell{ok: true, parts: r.parts + 1, domain: r.domain + domainBit(f), end: uint8(j), next: uint8(k)}
		if c.better(best[i]) {
			best[i] = c
		}
	}
}

// fallbackLinks are linkMorphemes in the order fallback tries them: an s
// after a domain modifier is more often a link than the start of a head
// ("verkeer-s-smileys").
var fallbackLinks = []string{"s", "", "en", "er"}

// domainBit is 1 for a domain part, else 0.
func domainBit(f uint8) uint8 { return f & fromDomain >> 2 }

// fallback splits a stem no parts cover: after an unknown modifier of at
// least minLeft letters that is no prefix, the longest domain head
// ("parkeeroverlast" when parkeer were unknown); else the longest domain
// modifier of at least minModifier letters before an unknown head of at
// least minUnknownEnd letters that starts no derivation
// ("ondermijningsbeeld" when beeld were unknown; "gebruikersinterfac" has
// none).
func (d *partDict) fallback(s string) []node {
	n := len(s)
	for i := minLeft; i <= n-minPart; i++ {
		if d.keys[s[i:]].flags&(asHead|fromDomain) == asHead|fromDomain && utf8.RuneStart(s[i]) && unknownModifier(s[:i]) {
			return []node{{0, uint8(i)}, {uint8(i), uint8(n)}}
		}
	}
	for j := n - minUnknownEnd; j >= minModifier; j-- {
		if d.keys[s[:j]].flags&(asModifier|fromDomain) != asModifier|fromDomain || hasAnyPrefix(s[j:], derivational) {
			continue
		}
		for _, l := range fallbackLinks {
			if rest, ok := strings.CutPrefix(s[j:], l); ok && len(rest) >= minUnknownEnd && utf8.RuneStart(rest[0]) && linkFits(s[:j], l) {
				return []node{{0, uint8(j)}, {uint8(n - len(rest)), uint8(n)}}
			}
		}
	}
	return nil
}

// Parts returns the index terms of the parts of a compound, given its form
// (Word.Form): the stem each part has as a word of its own, each once, in
// the order of the split (see split), without the word's own stem and
// without stop words. Parts("woninginbraken") is [woning inbrak],
// Parts("verkeersveiligheid") is [verker veilig], Parts("wethouder") is
// nil. The dictionary is OpenTaal's word list with the reviewed domain
// parts of data/compound_parts.txt.
func Parts(form string) []string { return parts(form, Stem(form)) }

// parts is Parts of a form and its stem. A part that ends the word is
// stemmed from the form ("flitspeiling" ends in peiling, though its stem
// flitspeil ends in peil); other parts are as written.
func parts(form, stem string) []string {
	nodes := splitOf(stem)
	if len(nodes) == 0 {
		return nil
	}
	out := make([]string, 0, len(nodes))
	for _, nd := range nodes {
		w := partWord(form, stem, nd)
		if IsStop(w) {
			continue
		}
		if p := Stem(w); p != stem && !slices.Contains(out, p) {
			out = append(out, p)
		}
	}
	return out
}

// partWord returns the part nd of a compound as a word of its own: as
// written, and for a part that ends the word, as the form ends.
func partWord(form, stem string, nd node) string {
	if int(nd.end) == len(stem) && strings.HasPrefix(form, stem[:nd.start]) {
		return form[nd.start:]
	}
	return stem[nd.start:nd.end]
}
