package tag

import (
	"fmt"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/realtext"
)

// TagText tags plain text as `ivp tag` reads it: one passage per
// blank-line-separated block (Blocks), tagged as one document.
func (t *Tagger) TagText(text string) ([]corpus.Tags, error) {
	return t.TagDocument(Blocks(text)), nil
}

// TagRealSet tags every document of a real-text set as `ivp tag` would read
// it (its labelled passages as blank-line-separated blocks) with tagDoc,
// and returns the gold and predicted tags in passage order.
func TagRealSet(s *realtext.Set, tagDoc func(text string) ([]corpus.Tags, error)) (gold, pred []corpus.Tags, err error) {
	for i, ps := range s.ByDoc() {
		if len(ps) == 0 {
			continue
		}
		texts := make([]string, len(ps))
		for j, p := range ps {
			texts[j] = p.Text
			gold = append(gold, goldTags(p))
		}
		got, err := tagDoc(strings.Join(texts, "\n\n"))
		if err != nil {
			return nil, nil, fmt.Errorf("text %s: %w", s.Docs[i].ID, err)
		}
		if len(got) != len(ps) {
			return nil, nil, fmt.Errorf("text %s: %d passages tagged, %d labelled", s.Docs[i].ID, len(got), len(ps))
		}
		pred = append(pred, got...)
	}
	return gold, pred, nil
}

// RealExamples reads every labelled passage of s as the model does (see
// Examples), documents as TagRealSet reads them.
func (t *Tagger) RealExamples(s *realtext.Set) []Example {
	var out []Example
	for _, ps := range s.ByDoc() {
		if len(ps) == 0 {
			continue
		}
		texts := make([]string, len(ps))
		gold := make([]corpus.Tags, len(ps))
		for j, p := range ps {
			texts[j] = p.Text
			gold[j] = goldTags(p)
		}
		doc := Blocks(strings.Join(texts, "\n\n"))
		if len(doc) != len(ps) {
			continue // TagRealSet reports such a text
		}
		out = append(out, t.Examples(doc, gold)...)
	}
	return out
}

// goldTags are the labels of a passage of the set as tags.
func goldTags(p realtext.Passage) corpus.Tags {
	return corpus.Tags{Veld: p.Veld, Secondary: p.Secondary, Themes: p.Themes}
}
