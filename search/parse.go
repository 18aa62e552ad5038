package search

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ccv/ivp/corpus"
)

// The query language, as users type it in the search box:
//
//	woninginbraak preventie        plain words (plans with all of them rank first)
//	"integrale veiligheid"         an exact phrase (unstemmed, words in order)
//	-evenementen  -"jaarlijks plan" leave out plans with this word or phrase
//	inbraak OR diefstal            either word; also "|" and OF. OR binds tighter than the
//	                               implicit AND: "a b OR c" means a AND (b OR c)
//	gemeente:Ede gemeente:"Súdwest-Fryslân" gemeente:GM0228 provincie:Gelderland
//	veld:2  thema:2.3  thema:drugs  jaar:2023  jaar:2023..2026  jaar:2023..  jaar:..2020
//	type:uitvoeringsplan
//
// Several values of one field (gemeente:Ede,Wageningen or gemeente:Ede gemeente:Epe) mean OR.
// Parentheses are not supported: they are dropped with a warning. Nothing a user types is an
// error: what cannot be understood is searched as plain text or left out, with a Dutch warning.

// Term is one word or exact phrase of a query, as the user wrote it.
type Term struct {
	Text   string `json:"text"`
	Phrase bool   `json:"phrase,omitempty"` // quoted: match the words exactly and in order
}

// Clause is a set of alternatives joined by OR; a plan satisfies the
// clause when it contains any of them.
type Clause []Term

// Filters are the field filters of a query. Within a field several values
// mean OR; across fields AND.
type Filters struct {
	Gemeenten  []string         `json:"gemeenten,omitempty"` // CBS codes
	Provincies []string         `json:"provincies,omitempty"`
	Velden     []corpus.Veld    `json:"velden,omitempty"`
	Themas     []string         `json:"themas,omitempty"` // theme ids
	Types      []corpus.DocType `json:"types,omitempty"`
	// YearFrom and YearTo bound the years a plan covers; 0 is open.
	YearFrom int `json:"year_from,omitempty"`
	YearTo   int `json:"year_to,omitempty"`
}

// ParsedQuery is what ParseQuery understood of a query.
type ParsedQuery struct {
	Clauses []Clause `json:"clauses"` // all must match for a plan to rank first
	Exclude []Term   `json:"exclude,omitempty"`
	Filters Filters  `json:"filters"`
	// Text is the plain text searched for: the words and phrases of the
	// clauses in order, single-spaced, without operators, quotes or
	// filters. Highlighting and "did you mean" work on it.
	Text string `json:"text"`
	// Warnings say in Dutch what was not understood and what was searched
	// instead; the UI shows them above the results.
	Warnings []string `json:"warnings,omitempty"`

	source string        // the query as read (valid UTF-8, at most maxQueryRunes)
	typed  []typedFilter // the field filters that selected something, in order
}

// Positive returns the terms of all clauses in order.
func (p ParsedQuery) Positive() []Term {
	var out []Term
	for _, c := range p.Clauses {
		out = append(out, c...)
	}
	return out
}

// Limits on what a query may ask for; beyond them the rest is dropped.
const (
	maxQueryRunes = 500
	maxQueryTerms = 32
)

// Warnings shown to users.
const (
	warnQuote   = "Een aanhalingsteken is niet gesloten; we zochten op de losse woorden."
	warnOr      = "OR aan het begin of einde van de zoekvraag, of naast een uitsluiting of filter, is genegeerd."
	warnMinus   = "Een los minteken is genegeerd; zet het direct voor een woord om dat uit te sluiten, zoals -evenementen."
	warnParens  = "Haakjes worden niet ondersteund en zijn genegeerd; OR geldt voor de woorden direct ervoor en erna."
	warnLong    = "De zoekvraag is ingekort; we zochten op de eerste 32 woorden."
	warnJaar    = "Het veld 'jaar' verwacht een jaartal zoals 2023 of 2023..2026; we zochten zonder dit filter."
	warnVeld    = "Het veld 'veld' verwacht een nummer van 0 tot en met 5; we zochten zonder dit filter."
	warnType    = "Het documenttype '%s' kennen we niet; kies uit ivp, uitvoeringsplan, evaluatie, veiligheidsanalyse of anders. We zochten zonder dit filter."
	warnField   = "Het veld '%s' kennen we niet (wel: gemeente, provincie, veld, thema, jaar, type); we zochten op de tekst."
	warnEmpty   = "Na '%s:' ontbreekt een waarde; we zochten zonder dit filter."
	warnNegated = "Een filter kan niet worden uitgesloten; we zochten zonder '-%s:%s'."
	warnTwoJaar = "Er geldt één jaarfilter tegelijk; we gebruikten het laatste."
)

// quoteRunes open and close phrases: straight and typographic quotes.
const quoteRunes = "\"“”„"

// pqToken is one lexical item of a query.
type pqToken struct {
	text   string
	quoted bool
	neg    bool
	field  string // lower-case field name of a field:value item
	or     bool
	// start and end are the byte span of a field:value item in the query.
	start, end int
}

// ParseQuery reads a query in the query language above. It never fails:
// invalid syntax degrades to a plain search and adds a warning. r resolves
// gemeente, provincie and thema values; with r nil those filters are
// dropped with a warning.
func ParseQuery(s string, r *Resolvers) ParsedQuery {
	p := &pqParser{res: r}
	if utf8.RuneCountInString(s) > maxQueryRunes {
		s = string([]rune(s)[:maxQueryRunes])
		p.warn(warnLong)
	}
	s = strings.ToValidUTF8(s, " ")
	p.q.source = s
	for _, t := range p.lex(s) {
		p.item(t)
	}
	if p.pendingOr {
		p.warn(warnOr)
	}
	p.q.Text = pqPlainText(p.q.Clauses)
	return p.q
}

type pqParser struct {
	res          *Resolvers
	q            ParsedQuery
	pendingOr    bool // an OR waits for its right-hand term
	lastPositive bool // the previous item was a positive term
	terms        int
	jaar         bool
}

func (p *pqParser) warn(w string) {
	if !slices.Contains(p.q.Warnings, w) {
		p.q.Warnings = append(p.q.Warnings, w)
	}
}

// lex splits s into words, phrases, field items and OR operators.
func (p *pqParser) lex(s string) []pqToken {
	var out []pqToken
	all := len(s)
	for s = strings.TrimLeftFunc(s, unicode.IsSpace); s != ""; s = strings.TrimLeftFunc(s, unicode.IsSpace) {
		t := pqToken{start: all - len(s)}
		for strings.HasPrefix(s, "-") {
			t.neg, s = true, s[1:]
		}
		if q, ok := pqCutQuote(s); ok {
			if body, rest, closed := pqPhrase(q); closed {
				t.text, t.quoted, s = body, true, rest
				out = append(out, t)
				continue
			}
			p.warn(warnQuote)
			s, t.neg = q, false // loose words, none left out
		}
		end := strings.IndexFunc(s, func(r rune) bool { return unicode.IsSpace(r) || strings.ContainsRune(quoteRunes, r) })
		if end < 0 {
			end = len(s)
		}
		word := s[:end]
		s = s[end:]
		if name, value, ok := pqField(word); ok {
			t.field = name
			if q, isQuote := pqCutQuote(s); value == "" && isQuote {
				if body, rest, closed := pqPhrase(q); closed {
					value, s, t.quoted = body, rest, true
				}
			}
			t.text, t.end = value, all-len(s)
			out = append(out, t)
			continue
		}
		out = append(out, p.words(word, t.neg)...)
	}
	return out
}

// words splits a bare word on "|" (an OR) and drops parentheses.
func (p *pqParser) words(word string, neg bool) []pqToken {
	if strings.ContainsAny(word, "()") {
		p.warn(warnParens)
		word = strings.NewReplacer("(", " ", ")", " ").Replace(word)
	}
	var out []pqToken
	for i, part := range strings.Split(word, "|") {
		if i > 0 {
			out = append(out, pqToken{or: true})
		}
		for j, w := range strings.Fields(part) {
			out = append(out, pqToken{text: w, neg: neg && i == 0 && j == 0})
		}
		if part == "" && i == 0 && neg {
			out = append(out, pqToken{neg: true})
		}
	}
	return out
}

// pqCutQuote returns s after its leading quote character, if it has one.
func pqCutQuote(s string) (string, bool) {
	r, n := utf8.DecodeRuneInString(s)
	if n > 0 && strings.ContainsRune(quoteRunes, r) {
		return s[n:], true
	}
	return s, false
}

// pqPhrase reads a phrase body up to the next quote character.
func pqPhrase(s string) (body, rest string, closed bool) {
	i := strings.IndexAny(s, quoteRunes)
	if i < 0 {
		return "", s, false
	}
	_, n := utf8.DecodeRuneInString(s[i:])
	return strings.Join(strings.Fields(s[:i]), " "), s[i+n:], true
}

// pqField splits "name:value" when name is letters only.
func pqField(word string) (name, value string, ok bool) {
	name, value, ok = strings.Cut(word, ":")
	if !ok || name == "" || strings.ContainsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return "", "", false
	}
	return strings.ToLower(name), value, true
}

// item adds one token to the query.
func (p *pqParser) item(t pqToken) {
	switch {
	case t.field != "":
		p.endOperand()
		p.filter(t)
		return
	case t.or || (!t.quoted && !t.neg && (t.text == "OR" || t.text == "OF")):
		if !p.lastPositive || p.pendingOr {
			p.warn(warnOr)
			return
		}
		p.pendingOr = true
		return
	case !t.quoted && (t.text == "AND" || t.text == "EN"):
		return
	}
	text := t.text
	if !t.quoted {
		text = strings.TrimFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	}
	if !strings.ContainsFunc(text, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) {
		if t.neg && !t.quoted && t.text == "" {
			p.warn(warnMinus)
		}
		return
	}
	p.term(Term{Text: text, Phrase: t.quoted}, t.neg)
}

// endOperand notes that something other than a positive term came: an OR
// before it has no right-hand side.
func (p *pqParser) endOperand() {
	if p.pendingOr {
		p.warn(warnOr)
		p.pendingOr = false
	}
	p.lastPositive = false
}

func (p *pqParser) term(t Term, neg bool) {
	if !p.count() {
		return
	}
	if neg {
		p.endOperand()
		if !pqHasTerm(p.q.Exclude, t) {
			p.q.Exclude = append(p.q.Exclude, t)
		}
		return
	}
	switch {
	case p.pendingOr:
		last := &p.q.Clauses[len(p.q.Clauses)-1]
		if !pqHasTerm(*last, t) {
			*last = append(*last, t)
		}
	case !slices.ContainsFunc(p.q.Clauses, func(c Clause) bool { return len(c) == 1 && pqSameTerm(c[0], t) }):
		p.q.Clauses = append(p.q.Clauses, Clause{t})
	}
	p.pendingOr, p.lastPositive = false, true
}

// count counts a term or filter value against maxQueryTerms; false means
// the query is full.
func (p *pqParser) count() bool {
	if p.terms >= maxQueryTerms {
		p.warn(warnLong)
		return false
	}
	p.terms++
	return true
}

func pqSameTerm(a, b Term) bool {
	return a.Phrase == b.Phrase && thFold(a.Text) == thFold(b.Text)
}

func pqHasTerm(ts []Term, t Term) bool {
	return slices.ContainsFunc(ts, func(u Term) bool { return pqSameTerm(u, t) })
}

func pqPlainText(cs []Clause) string {
	var words []string
	for _, c := range cs {
		for _, t := range c {
			words = append(words, t.Text)
		}
	}
	return strings.Join(words, " ")
}
