package search

import (
	"context"
	"errors"
	"fmt"
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"

	"github.com/ccv/ivp/corpus/nl"
	"github.com/ccv/ivp/indexer"
)

// Suggestion is a corrected query, proposed when a query finds nothing:
// "Bedoelde u: cameratoezicht?".
type Suggestion struct {
	// Query is the user's query with the misspelt words replaced; quotes,
	// minus signs, OR and field filters are kept as they were.
	Query string `json:"query"`
	// Corrections are the replaced words, in query order.
	Corrections []Correction `json:"corrections"`
}

// Correction replaces one word of a query by a term of the index.
type Correction struct {
	From    string `json:"from"`
	To      string `json:"to"`
	DocFreq uint64 `json:"doc_freq"` // passages that contain To
}

// Words shorter than minSuggestRunes are never corrected: too many real
// words lie within one edit of them. Up to maxOneEditRunes a word may be
// one edit off, longer words two.
const (
	minSuggestRunes = 4
	maxOneEditRunes = 5
)

// A word the index holds is still corrected when it is rare and a near
// term is common: "camaratoezicht" in one passage (a typo in a plan) while
// "cameratoezicht" is in hundreds. Rare is in at most rareMaxDocFreq
// passages; common is in at least rareMinRatio times as many. A near term
// with the same stem (a plural, another inflection) is not offered.
const (
	rareMaxDocFreq = 3
	rareMinRatio   = 20
)

// editPenalty is how much one more edit costs against document
// frequency: a term two edits away beats one a single edit away only when
// it occurs in more than 20 times as many passages (editPenalty = ln 20).
const editPenalty = 2.995732273553991

// Suggest proposes a corrected query for query: each word whose term is not
// in the dictionary of field is replaced by the closest term that is
// (Damerau-Levenshtein distance at most 2, preferring terms in more
// passages). It returns nil when every word is known or no word has a close
// term. The word is analysed with field's analyzer and the proposal is the
// dictionary term, so field should be unstemmed (lower case, folded):
// on a stemmed field the proposal would be a stem.
func Suggest(ctx context.Context, idx bleve.Index, field, query string) (*Suggestion, error) {
	return suggestIn(ctx, idx, field, query, false)
}

// suggestRare is Suggest for the words that are in the dictionary but
// rare, with a near term that is common; unknown words are left alone.
func suggestRare(ctx context.Context, idx bleve.Index, field, query string) (*Suggestion, error) {
	return suggestIn(ctx, idx, field, query, true)
}

func suggestIn(ctx context.Context, idx bleve.Index, field, query string, rare bool) (*Suggestion, error) {
	an := fieldAnalyzer(idx, field)
	if an == nil {
		return nil, fmt.Errorf("suggest %q: field %q has no analyzer", query, field)
	}
	var out *Suggestion
	err := indexer.WithReader(idx, func(r index.IndexReader) error {
		var err error
		out, err = suggest(ctx, r, an, field, query, rare)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("suggest %q: %w", query, err)
	}
	return out, nil
}

func suggest(ctx context.Context, r index.IndexReader, an analysis.Analyzer, field, query string, rare bool) (*Suggestion, error) {
	var sb strings.Builder
	var fixes []Correction
	for i, chunk := range strings.Split(query, " ") {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		if i > 0 {
			sb.WriteByte(' ')
		}
		fixed, cs, err := correctChunk(ctx, r, an, field, chunk, rare)
		if err != nil {
			return nil, err
		}
		sb.WriteString(fixed)
		fixes = append(fixes, cs...)
	}
	if len(fixes) == 0 {
		return nil, nil
	}
	return &Suggestion{Query: sb.String(), Corrections: fixes}, nil
}

// correctChunk corrects the words of one space-separated piece of a
// query. Field filters (gemeente:Ede) and operators are left alone.
func correctChunk(ctx context.Context, r index.IndexReader, an analysis.Analyzer, field, chunk string, rare bool) (string, []Correction, error) {
	if chunk == "" || strings.Contains(chunk, ":") || isOperator(chunk) {
		return chunk, nil, nil
	}
	var sb strings.Builder
	var fixes []Correction
	last := 0
	for _, tok := range an.Analyze([]byte(chunk)) {
		if tok.Start < last || tok.End > len(chunk) {
			continue // a filter moved offsets; keep the chunk as typed
		}
		c, ok, err := correctTerm(ctx, r, field, string(tok.Term), rare)
		if err != nil {
			return "", nil, err
		}
		if !ok {
			continue
		}
		c.From = chunk[tok.Start:tok.End]
		sb.WriteString(chunk[last:tok.Start])
		sb.WriteString(c.To)
		last = tok.End
		fixes = append(fixes, c)
	}
	sb.WriteString(chunk[last:])
	return sb.String(), fixes, nil
}

func isOperator(s string) bool { return s == "OR" || s == "AND" || s == "NOT" }

// correctTerm returns the best replacement for an analysed term, false
// when the term is known (with rare: unknown, or not rare), too short, a
// number, or has no close term.
func correctTerm(ctx context.Context, r index.IndexReader, field, term string, rare bool) (Correction, bool, error) {
	n := utf8.RuneCountInString(term)
	if n < minSuggestRunes || !hasLetter(term) {
		return Correction{}, false, nil
	}
	df, err := docFreq(ctx, r, field, term)
	if err != nil || (rare && (df == 0 || df > rareMaxDocFreq)) || (!rare && df > 0) {
		return Correction{}, false, err
	}
	maxEdits := 2
	if n <= maxOneEditRunes {
		maxEdits = 1
	}
	cands, err := fuzzyTerms(r, field, term, maxEdits)
	if err != nil {
		return Correction{}, false, err
	}
	c, ok, err := bestCandidate(ctx, r, field, term, maxEdits, cands)
	if !ok || err != nil || df == 0 {
		return c, ok, err
	}
	return c, c.DocFreq >= rareMinRatio*df && nl.Stem(c.To) != nl.Stem(term), nil
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// bestCandidate scores each dictionary term near term by its passages and
// its distance, and returns the best one.
func bestCandidate(ctx context.Context, r index.IndexReader, field, term string, maxEdits int, cands []string) (Correction, bool, error) {
	var best Correction
	bestScore := math.Inf(-1)
	for _, c := range cands {
		d := editDistance(term, c)
		if d == 0 || d > maxEdits {
			continue
		}
		df, err := docFreq(ctx, r, field, c)
		if err != nil {
			return Correction{}, false, err
		}
		if df == 0 {
			continue // only in deleted documents
		}
		score := math.Log1p(float64(df)) - editPenalty*float64(d)
		if score > bestScore || (score == bestScore && c < best.To) {
			best, bestScore = Correction{To: c, DocFreq: df}, score
		}
	}
	return best, best.To != "", nil
}

// fuzzyTerms lists the dictionary terms of field within two edits
// (Levenshtein) of term; bestCandidate then keeps those within maxEdits
// Damerau-Levenshtein edits. It uses the fuzzy automaton of the index when the
// reader has one (scorch) and scans the dictionary otherwise.
func fuzzyTerms(r index.IndexReader, field, term string, maxEdits int) ([]string, error) {
	fr, ok := r.(index.IndexReaderFuzzy)
	if !ok {
		d, err := r.FieldDict(field)
		if err != nil {
			return nil, err
		}
		return drainDict(d)
	}
	// Always ask for two Levenshtein edits: a swap of two letters counts
	// as two there and as one in editDistance, which filters afterwards.
	d, err := fr.FieldDictFuzzy(field, term, 2, "")
	if err != nil {
		return nil, err
	}
	return drainDict(d)
}

func drainDict(d index.FieldDict) (out []string, err error) {
	defer func() { err = errors.Join(err, d.Close()) }()
	for {
		e, err := d.Next()
		if err != nil || e == nil {
			return out, err
		}
		if !strings.Contains(e.Term, " ") { // a word pair of the exact field
			out = append(out, e.Term)
		}
	}
}

// docFreq is the number of documents with term in field.
func docFreq(ctx context.Context, r index.IndexReader, field, term string) (uint64, error) {
	tfr, err := r.TermFieldReader(ctx, []byte(term), field, false, false, false)
	if err != nil {
		return 0, err
	}
	n := tfr.Count()
	return n, tfr.Close()
}

// fieldAnalyzer is the analyzer the mapping of idx uses for field.
func fieldAnalyzer(idx bleve.Index, field string) analysis.Analyzer {
	m := idx.Mapping()
	if m == nil {
		return nil // a closed index
	}
	return m.AnalyzerNamed(m.AnalyzerNameForPath(field))
}

// editDistance is the optimal-string-alignment distance between a and b
// in runes: insertions, deletions, substitutions and swaps of two
// adjacent letters each count one.
func editDistance(a, b string) int {
	x, y := []rune(a), []rune(b)
	prev2 := make([]int, len(y)+1)
	prev := make([]int, len(y)+1)
	cur := make([]int, len(y)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(x); i++ {
		cur[0] = i
		for j := 1; j <= len(y); j++ {
			cost := 1
			if x[i-1] == y[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && x[i-1] == y[j-2] && x[i-2] == y[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(y)]
}
