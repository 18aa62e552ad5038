package tag

import "github.com/ccv/ivp/corpus/nl"

// words is the scratch space for reading one text: its tokens and their
// analyses.
type words struct {
	toks []nl.Token
	list []*nl.Word
}

// read replaces the words with those of text, each with its form and stem
// as corpus/nl gives them, so that the tagger sees the words the index
// sees ("camera's" is camera, "Geïntegreerde" geintegreerde). nl
// remembers the analysis of every word, so no cache is needed here.
func (ws *words) read(text string) []*nl.Word {
	ws.toks = nl.AppendTokens(ws.toks[:0], text)
	ws.list = ws.list[:0]
	for _, t := range ws.toks {
		ws.list = append(ws.list, nl.Analyze(text[t.Start:t.End]))
	}
	return ws.list
}
