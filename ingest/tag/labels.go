package tag

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/ccv/ivp/corpus"
)

// Labelled is one passage of the hand-written set (testdata/labels.tsv):
// text written for the project or taken from national PDFs, labelled by hand.
type Labelled struct {
	Doc     string         // passages with the same Doc, in file order, are one document
	Passage corpus.Passage // headings and text
	Gold    corpus.Tags    // veld, secondary and themes as labelled
	Source  string         // provenance: source file and page, or "geschreven"
	Note    string         // why an ambiguous case got its label
}

// labelColumns are the columns of labels.tsv, in order.
var labelColumns = []string{"doc", "headings", "veld", "secondary", "themes", "source", "note", "text"}

// ReadLabels reads a labels.tsv: tab-separated, a header line, headings
// separated by " > ", lists by ",", and "\n" in text for a line break.
func ReadLabels(r io.Reader) ([]Labelled, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	var out []Labelled
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if n == 1 || strings.TrimSpace(line) == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != len(labelColumns) {
			return nil, fmt.Errorf("labels line %d: %d columns, want %d", n, len(f), len(labelColumns))
		}
		l, err := parseLabel(f)
		if err != nil {
			return nil, fmt.Errorf("labels line %d: %w", n, err)
		}
		out = append(out, l)
	}
	return out, sc.Err()
}

func parseLabel(f []string) (Labelled, error) {
	v, err := corpus.ParseVeld(f[2])
	if err != nil {
		return Labelled{}, err
	}
	l := Labelled{Doc: f[0], Source: f[5], Note: f[6]}
	l.Passage.Headings = splitList(f[1], " > ")
	l.Passage.Text = strings.ReplaceAll(f[7], `\n`, "\n")
	l.Gold.Veld = int(v)
	l.Gold.Themes = splitList(f[4], ",")
	for _, s := range splitList(f[3], ",") {
		sv, err := strconv.Atoi(s)
		if err != nil {
			return Labelled{}, fmt.Errorf("secondary %q: %w", s, err)
		}
		l.Gold.Secondary = append(l.Gold.Secondary, sv)
	}
	return l, nil
}

func splitList(s, sep string) []string {
	var out []string
	for _, p := range strings.Split(s, sep) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// TagLabelled tags a labelled set document by document and returns the
// gold and predicted tags in order.
func (t *Tagger) TagLabelled(ls []Labelled) (gold, pred []corpus.Tags) {
	for i := 0; i < len(ls); {
		j := i
		var ps []corpus.Passage
		for ; j < len(ls) && ls[j].Doc == ls[i].Doc; j++ {
			ps = append(ps, ls[j].Passage)
			gold = append(gold, ls[j].Gold)
		}
		pred = append(pred, t.TagDocument(ps)...)
		i = j
	}
	return gold, pred
}
