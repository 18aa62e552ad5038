package tag

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"sync"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
)

// RulesVersion names the tagging rules. Tags are stored with Version,
// which adds the digest of the taxonomy data, so a changed term list or a
// changed rule both show which passages need a re-tag. tag-3: a document
// prior (labelling rule 7), lists by kind (rule 5), subject before process
// words, youth moves drugs, exploitation and weapons to veld 3. tag-4:
// compounds split against OpenTaal's word list (corpus/nl), a vision
// statement is process, headings alone need more evidence. tag-5: budget
// lines are 0.middelen, a decision's opening lines 0.besluit-vaststelling,
// traffic near schools 4.1, a term's last word found as the first part of
// a compound, a general theme made specific by the document's subject,
// "integraal" and "programma" no longer make every document one of many
// subjects. tag-6: a model trained on the real dev half has the last word
// on the veld (model.go); the version then ends in the model's digest.
// tag-7: the model's theme heads name the main theme. tag-8: a flat head
// over pairs of veld and theme gives the model a second reading of the
// veld; a document whose title names one subject keeps it as its prior
// even with a chapter headed "Focus" or "Prioriteiten".
const RulesVersion = "tag-8"

// Tagger tags passages. It is immutable and safe for concurrent use.
type Tagger struct {
	lex     *lexicon
	model   *Model // the second opinion on the veld; nil: the rules alone
	taxo    string // the taxonomy's digest
	version string
}

// New compiles the taxonomy into a tagger with the model kept as data
// (data/model.tsv.gz). A model that does not fit the features this code
// reads is a build error: New panics, and `ivp realtext train` (which
// uses NewRules) makes a new one.
func New(tax *corpus.Taxonomy) *Tagger {
	t := NewRules(tax)
	m, err := embeddedModel()
	if err == nil && m != nil {
		err = m.checkFeatures(t.featureNames())
	}
	if err != nil {
		panic(fmt.Errorf("%w: retrain it with `ivp realtext train`", err))
	}
	return t.WithModel(m)
}

// NewRules compiles the taxonomy into a tagger of the rules alone.
func NewRules(tax *corpus.Taxonomy) *Tagger {
	t := &Tagger{lex: newLexicon(tax), taxo: tax.Version()}
	return t.WithModel(nil)
}

// EmbeddedVersion is the version New(tax) gives its tags, found without
// reading the model: the rules' version, the taxonomy's digest and the
// kept model's digest.
func EmbeddedVersion(tax *corpus.Taxonomy) string {
	return versionOf(tax.Version(), digestOf(modelData))
}

// versionOf is the version of tags made with the taxonomy of digest taxo
// and the model of digest model ("": the rules alone).
func versionOf(taxo, model string) string {
	if model == "" {
		return RulesVersion + "+" + taxo
	}
	return RulesVersion + "+" + taxo + "+" + model[:8]
}

// embeddedModel is the model kept as data, read once.
var embeddedModel = sync.OnceValues(func() (*Model, error) { return ReadModel(modelData) })

// WithModel returns a copy of the tagger that asks m for a second opinion
// on the veld (nil: the rules alone).
func (t *Tagger) WithModel(m *Model) *Tagger {
	c := *t
	c.model = m
	c.version = versionOf(t.taxo, "")
	if m != nil {
		c.version = versionOf(t.taxo, m.digest)
	}
	return &c
}

// Version is stored with every tag: the rules version and the taxonomy
// digest.
func (t *Tagger) Version() string { return t.version }

// TagDocument tags the passages of one document, given in reading order.
// Each passage is judged by its own words first; its headings, the list
// it is an item of and the document as a whole decide when its own words
// do not (labelling rules 5 and 7 of the taxonomy).
func (t *Tagger) TagDocument(ps []corpus.Passage) []corpus.Tags {
	ev, pr := t.read(ps)
	out := make([]corpus.Tags, len(ps))
	for i := range ev {
		out[i] = t.decide(&ev[i], pr)
	}
	if t.model != nil {
		t.secondOpinion(ps, ev, pr, out)
	}
	for i := range out {
		out[i].Version = t.version
	}
	return out
}

// secondOpinion lets the model decide the veld of each passage from the
// rules' reading; where it differs, the passage takes the rules' themes
// of the model's veld. The model's probability is the confidence. The
// theme head of the veld then names the main theme (chooseThemes).
func (t *Tagger) secondOpinion(ps []corpus.Passage, ev []evidence, pr prior, out []corpus.Tags) {
	d := newDocFeatures(t.lex, ps, ev, pr, slices.Clone(out))
	ws := &words{}
	in := inputs.Get().(*input)
	defer func() {
		clear(in.known) // the words of this document only
		inputs.Put(in)
	}()
	for i := range out {
		t.model.read(d, i, ws, in)
		p := t.model.veldProbs(in)
		best := argmax(p[:])
		conf := round2(p[best])
		if best != out[i].Veld {
			out[i] = t.decideVeld(&ev[i], pr, corpus.Veld(best))
		}
		out[i].Confidence = conf
		if h := t.model.themes[best]; h != nil {
			out[i].Themes = h.chooseThemes(h.probs(in), out[i].Themes)
		}
	}
}

// read gathers the evidence of a document's passages, marks its lists
// and finds its subject: what TagDocument decides on and Explain shows.
func (t *Tagger) read(ps []corpus.Passage) ([]evidence, prior) {
	ev := t.evidence(ps)
	t.markLists(ps, ev)
	return ev, t.docPrior(ps, ev)
}

// Tag tags one passage on its own, with its headings as context.
func (t *Tagger) Tag(p corpus.Passage) corpus.Tags {
	return t.TagDocument([]corpus.Passage{p})[0]
}

// evidence scores every passage's own text and its headings.
func (t *Tagger) evidence(ps []corpus.Passage) []evidence {
	ev := make([]evidence, len(ps))
	cache := map[string]*scores{}
	ws := &words{}
	for i, p := range ps {
		ev[i] = evidence{short: isShort(p.Text), index: i, text: p.Text}
		ev[i].own = t.score(p.Text, ws, &ev[i].words)
		ev[i].heading = t.headingContext(p.Headings, cache, ws)
		ev[i].item = isList(p.Text)
		ev[i].intro = strings.HasSuffix(strings.TrimSpace(p.Text), ":")
		ev[i].decision = decisionLine(p.Text) || i > 0 && letters(ps[i-1].Text) == "intitule"
	}
	return ev
}

// decisionLine reports the line that opens a council's or mayor's
// decision ("besluit:", "B E S L U I T :"), or the intitulé.
func decisionLine(text string) bool {
	switch letters(text) {
	case "besluit", "besluiten", "besluittevaststellen", "intitule":
		return true
	}
	return false
}

// letters is text folded, lower case, with only its letters.
func letters(text string) string {
	if len(text) > 40 {
		return ""
	}
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' {
			return r
		}
		return -1
	}, nl.Fold(text))
}

// evidence is what the tagger knows of one passage before it decides.
type evidence struct {
	index   int     // the passage's place in its document
	text    string  // its text
	own     *scores // the passage's own words
	heading *scores // its headings, the innermost counting most
	short   bool    // a heading or a one-line item
	item    bool    // starts with a list marker
	intro   bool    // ends with a colon: it introduces a list
	// list is the subject of the topical list the passage is an item of
	// (0: none); listVotes are that list's votes, for themes.
	list      corpus.Veld
	listVotes *scores
	overview  bool // an item of an overview list: its own subject only
	// decision is a line that opens a decision, or the title after an
	// intitulé (the decision's name for the regulation)
	decision bool
	words    []*nl.Word // the passage's words, a nil after each sentence
}

// score sums the votes of text's words, sentence by sentence; with keep,
// it also appends the words to *keep, a nil after each sentence.
func (t *Tagger) score(text string, ws *words, keep *[]*nl.Word) *scores {
	s := &scores{}
	for _, sentence := range sentences(text) {
		one := &scores{}
		toks := ws.read(sentence)
		if keep != nil {
			*keep = append(append(*keep, toks...), nil)
		}
		t.lex.match(toks, func(term int32, w float64, inner bool) {
			tm := t.lex.terms[term]
			one.add(vote{theme: int16(t.lex.themeIdx[tm.Thema]), veld: int8(tm.Veld), w: w * tm.Weight, inner: inner})
		})
		t.office(one, toks)
		t.schoolTraffic(one)
		t.youth(one)
		t.vision(one, nl.Fold(sentence))
		s.addScaled(one, 1)
	}
	return s
}

// headingContext is the votes of the heading path, the innermost heading
// counting most. Headings repeat, so their scores are cached per document.
func (t *Tagger) headingContext(headings []string, cache map[string]*scores, ws *words) *scores {
	ctx := &scores{}
	f := 1.0
	for i := len(headings) - 1; i >= 0; i-- {
		h := headings[i]
		s, ok := cache[h]
		if !ok {
			s = t.score(h, ws, nil)
			cache[h] = s
		}
		ctx.addScaled(s, f)
		f *= outerHeading
	}
	ctx.dampProcess(headingProcess)
	return ctx
}

// Weights of the context a passage gets from around it.
const (
	headingCap   = 2.0 // most votes the headings above a passage can add
	outerHeading = 0.6 // factor per heading level further out
	// headingProcess scales the process votes of headings: "Prioriteiten"
	// or "Hoofdstuk 3" frame a section rather than say what it is about.
	headingProcess = 0.4
)

// isList reports whether a passage is a bullet list.
func isList(text string) bool {
	text = strings.TrimSpace(text)
	for _, b := range []string{"•", "-", "–", "*", "·", "▪", "o "} {
		if strings.HasPrefix(text, b) {
			return true
		}
	}
	return false
}

// isShort reports a heading or one-line item: one line of at most a dozen
// words.
func isShort(text string) bool {
	return !strings.Contains(strings.TrimSpace(text), "\n") && len(strings.Fields(text)) <= 12
}

// confidence grows with the share of the votes the winner has and with
// the amount of evidence.
func confidence(win, total float64) float64 {
	if total <= 0 {
		return 0
	}
	return round2(win / total * (1 - math.Exp(-total/1.5)))
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// sentences splits text at sentence ends and line breaks: who is meant
// (young people, office holders) is read per sentence.
func sentences(text string) []string {
	var out []string
	start := 0
	for i := 0; i < len(text); i++ {
		c := text[i]
		end := c == '\n' || c == ';' || (c == '.' || c == '?' || c == '!') && (i+1 == len(text) || text[i+1] == ' ')
		if end {
			out = append(out, text[start:i+1])
			start = i + 1
		}
	}
	if start < len(text) {
		out = append(out, text[start:])
	}
	return out
}
