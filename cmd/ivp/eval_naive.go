package main

import (
	"bufio"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/corpus/nl"
	"github.com/ccv/ivp/ingest/tag"
)

// naiveLexicon is the floor a tagger must clear: the shared taxonomy's
// terms as substrings of the folded text, the longest term found deciding
// veld and theme, veld 0 when none is found.
type naiveLexicon struct {
	terms []naiveTerm
}

type naiveTerm struct {
	text  string // folded
	veld  int
	theme string
}

// loadNaive reads the shared taxonomy_terms.tsv (theme_id, veld, term);
// nil without error when the file is absent.
func loadNaive(path string) (*naiveLexicon, error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) || path == "" {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l := &naiveLexicon{}
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		c := strings.Split(sc.Text(), "\t")
		if n == 1 || len(c) < 3 {
			continue
		}
		v, err := strconv.Atoi(c[1])
		if err != nil {
			return nil, fmt.Errorf("%s line %d: veld %q", path, n, c[1])
		}
		l.terms = append(l.terms, naiveTerm{text: nl.Fold(c[2]), veld: v, theme: c[0]})
	}
	return l, sc.Err()
}

func (l *naiveLexicon) tagBlocks(text string) []corpus.Tags {
	ps := tag.Blocks(text)
	out := make([]corpus.Tags, len(ps))
	for i, p := range ps {
		folded := nl.Fold(p.Text)
		best := -1
		for j, t := range l.terms {
			if strings.Contains(folded, t.text) && (best < 0 || len(t.text) > len(l.terms[best].text)) {
				best = j
			}
		}
		if best >= 0 {
			out[i] = corpus.Tags{Veld: l.terms[best].veld, Themes: []string{l.terms[best].theme}}
		}
	}
	return out
}
