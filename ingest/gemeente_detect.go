package ingest

import (
	"sort"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// Weights of the evidence that a document belongs to a gemeente.
const (
	wTitle  = 10.0 // the name on the title (or HTML title, site name)
	wCover  = 8.0  // "gemeente X" on page 1, or the name alone on a line there
	wFront  = 3.0  // "gemeente X" on pages 2 and 3
	wRest   = 1.0  // "gemeente X" further on
	wBare   = 0.5  // the bare name anywhere, counted only with other evidence
	maxBare = 10.0 // most that bare names add
	minEvid = 3.0  // least strong evidence for a gemeente
	relEvid = 0.5  // a gemeente needs more than this part of the best score
	maxList = 12   // longest list after "gemeenten"
)

// defaultOf picks the gemeente meant by an ambiguous name when the text
// names no province.
var defaultOf = map[string]string{"Bergen": "Bergen (NH.)"}

// detect returns the gemeenten a document is about: those named on its
// title, or called a gemeente ("Gemeente X", "gemeenten A, B en C") in its
// text, strongest evidence first. A bare name in running text is not
// enough, so a text that names no gemeente that way gets none.
func (m *gemeenteMatcher) detect(title string, pages []string) []corpus.Gemeente {
	ctx := strings.Join(pages[:min(3, len(pages))], "\n")
	ev := evidence{strong: map[string]float64{}, weak: map[string]float64{}, byCode: map[string]corpus.Gemeente{}}
	credit := func(w float64) func(*nameForm) {
		return func(f *nameForm) { ev.add(m.resolve(f, ctx+"\n"+title), w) }
	}
	tt := tokenize(title)
	m.phrases(tt, credit(wTitle))
	m.bare(tt, credit(wTitle), false)
	for i, text := range pages {
		toks := tokenize(text)
		switch {
		case i == 0:
			m.phrases(toks, credit(wCover))
			m.alone(text, credit(wCover))
		case i < 3:
			m.phrases(toks, credit(wFront))
		default:
			m.phrases(toks, credit(wRest))
		}
		m.bare(toks, func(f *nameForm) { ev.addWeak(m.resolve(f, ctx+"\n"+title)) }, true)
	}
	return ev.best()
}

// phrases finds "gemeente X" and lists "gemeenten A, B en C".
func (m *gemeenteMatcher) phrases(toks []token, emit func(*nameForm)) {
	for i, t := range toks {
		switch nl.Fold(t.key) {
		case "gemeente", "gemeenten", "gemeentes":
		default:
			continue
		}
		j := i + 1
		for n := 0; n < maxList && j < len(toks); n++ {
			f := m.match(toks, j)
			if f == nil {
				break
			}
			end := j + len(f.tokens)
			if end < len(toks) {
				f = f.withSuffix(toks[end].text)
			}
			emit(f)
			j = skipParen(toks, end)
			if j >= len(toks) || !isListGlue(toks[j].text) {
				break
			}
			j++
		}
	}
}

// provinceSuffix are the abbreviations in names like "Rijswijk (ZH.)" or
// "Bergen (L.)", which reach the tokens without brackets and full stop.
var provinceSuffix = map[string]bool{"ZH": true, "NH": true, "L": true, "O": true, "Gld": true,
	"NB": true, "U": true, "Z": true, "Fr": true, "Gr": true, "Dr": true, "Ov": true, "Fl": true, "Lb": true}

// skipParen skips the province suffix at toks[j], returning the index
// after it.
func skipParen(toks []token, j int) int {
	if j < len(toks) && provinceSuffix[toks[j].text] {
		return j + 1
	}
	return j
}

// withSuffix narrows an ambiguous name by the province suffix after it
// ("Bergen (L.)" is Bergen in Limburg); other forms are returned as they are.
func (f *nameForm) withSuffix(sfx string) *nameForm {
	if len(f.cands) < 2 || !provinceSuffix[sfx] {
		return f
	}
	for _, g := range f.cands {
		if strings.Contains(g.Naam, "("+sfx+".)") {
			n := *f
			n.cands = []corpus.Gemeente{g}
			return &n
		}
	}
	return f
}

func isListGlue(s string) bool { return s == "," || s == "&" || s == "en" }

// bare finds names anywhere in toks, the longest at each place, and
// goes on after it: "Land van Cuijk" is not also Cuijk, the former
// gemeente. In a title a risky name must not be the first word ("Best
// practices …"); in running text (risky true) any name counts, as weak
// evidence.
func (m *gemeenteMatcher) bare(toks []token, emit func(*nameForm), risky bool) {
	for i := 0; i < len(toks); i++ {
		f := m.match(toks, i)
		if f == nil {
			continue
		}
		if risky || !f.risky || i > 0 {
			emit(f)
		}
		i += len(f.tokens) - 1
	}
}

// alone finds lines that are just a gemeente's name (a cover or logo).
func (m *gemeenteMatcher) alone(text string, emit func(*nameForm)) {
	for _, l := range strings.Split(text, "\n") {
		toks := tokenize(l)
		if len(toks) == 0 {
			continue
		}
		f := m.match(toks, 0)
		if f != nil && len(f.tokens) == len(toks) && strings.Join(f.tokens, " ") == nl.Unaccent(strings.TrimSpace(apostrophes.Replace(l))) {
			emit(f)
		}
	}
}

// resolve picks the gemeente of a name form; for an ambiguous name, the
// one whose province the text mentions.
func (m *gemeenteMatcher) resolve(f *nameForm, text string) corpus.Gemeente {
	if len(f.cands) == 1 {
		return f.cands[0]
	}
	for _, g := range f.cands {
		if strings.Contains(text, g.Provincie) {
			return g
		}
	}
	for _, g := range f.cands {
		if g.Naam == defaultOf[f.tokens[0]] {
			return g
		}
	}
	return f.cands[0]
}

// evidence sums the weights per gemeente code.
type evidence struct {
	strong, weak map[string]float64
	byCode       map[string]corpus.Gemeente
}

func (e *evidence) add(g corpus.Gemeente, w float64) {
	e.strong[g.Code] += w
	e.byCode[g.Code] = g
}

func (e *evidence) addWeak(g corpus.Gemeente) {
	e.weak[g.Code] = min(e.weak[g.Code]+wBare, maxBare)
}

func (e *evidence) score(code string) float64 { return e.strong[code] + e.weak[code] }

// best returns the gemeenten with enough strong evidence and a score near
// the best one, strongest first.
func (e *evidence) best() []corpus.Gemeente {
	top := 0.0
	for code := range e.strong {
		top = max(top, e.score(code))
	}
	var out []corpus.Gemeente
	for code, s := range e.strong {
		if s >= minEvid && e.score(code) > relEvid*top {
			out = append(out, e.byCode[code])
		}
	}
	sort.Slice(out, func(i, j int) bool {
		si, sj := e.score(out[i].Code), e.score(out[j].Code)
		if si != sj {
			return si > sj
		}
		return out[i].Naam < out[j].Naam
	})
	return out
}
