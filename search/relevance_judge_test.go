package search_test

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// relQuery is one line of testdata/relevance/queries.tsv.
type relQuery struct {
	ID, Query, Intent string
	Themes            []string   // nil: any passage is on topic
	Concept           [][]string // every group needs one of its terms
	Priorities        []string
	user              userQuery // Query read as a user means it
}

// userQuery is what a typed query asks for beyond its words: field
// filters and exclusions. Both the grader and the FTS5 baseline read it.
type userQuery struct {
	text     string   // the query without its field filters
	exclude  []string // folded -words
	veld     int      // veld:N; -1 when absent
	gemeente string   // gemeente:Naam, as typed
	jaarFrom int      // jaar:A..B (or jaar:A); 0 when absent
	jaarTo   int
	typ      string // type:T
}

// parseUserQuery splits the field filters and -exclusions off q.
func parseUserQuery(q string) (userQuery, error) {
	u := userQuery{veld: -1}
	var words []string
	for _, tok := range strings.Fields(q) {
		field, val, ok := strings.Cut(tok, ":")
		if !ok || strings.HasPrefix(tok, `"`) {
			if strings.HasPrefix(tok, "-") && len(tok) > 1 {
				u.exclude = append(u.exclude, fold(tok[1:]))
			}
			words = append(words, tok)
			continue
		}
		if err := u.setFilter(field, val); err != nil {
			return u, fmt.Errorf("query %q: %w", q, err)
		}
	}
	u.text = strings.Join(words, " ")
	return u, nil
}

func (u *userQuery) setFilter(field, val string) error {
	var err error
	switch field {
	case "veld":
		u.veld, err = strconv.Atoi(val)
	case "gemeente":
		u.gemeente = val
	case "type":
		u.typ = val
	case "jaar":
		from, to, _ := strings.Cut(val, "..")
		if to == "" {
			to = from
		}
		if u.jaarFrom, err = strconv.Atoi(from); err == nil {
			u.jaarTo, err = strconv.Atoi(to)
		}
	default:
		err = fmt.Errorf("unknown field %q", field)
	}
	return err
}

// fold lower-cases s, strips diacritics and makes typographic
// apostrophes plain, so that concept terms match regardless of spelling.
func fold(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, strings.ToLower(s))
	if err != nil {
		out = strings.ToLower(s)
	}
	return strings.NewReplacer("’", "'", "‘", "'", "\u00ad", "").Replace(out)
}

// readQueries reads queries.tsv.
func readQueries(path string) ([]relQuery, error) {
	rows, err := readTSV(path)
	if err != nil {
		return nil, err
	}
	var out []relQuery
	for _, r := range rows {
		if len(r) != 6 {
			return nil, fmt.Errorf("read %s: %d columns in %q, want 6", path, len(r), r[0])
		}
		q := relQuery{ID: r[0], Query: r[1], Themes: list(r[2]), Priorities: list(r[4]), Intent: r[5]}
		for _, g := range strings.Split(r[3], " + ") {
			q.Concept = append(q.Concept, strings.Split(g, "|"))
		}
		if q.user, err = parseUserQuery(q.Query); err != nil {
			return nil, fmt.Errorf("read %s: %w", path, err)
		}
		out = append(out, q)
	}
	return out, nil
}

// readTSV returns the rows of a tab-separated file without its comment
// lines and its header (the first other line).
func readTSV(path string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	defer f.Close()
	var out [][]string
	header := true
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<16), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		if header {
			header = false
			continue
		}
		out = append(out, strings.Split(line, "\t"))
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	return out, nil
}

// list reads a comma list where "-" means none.
func list(s string) []string {
	if s == "-" || s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// judgedDoc is a plan as the grader sees it: the truth of the generator,
// or the hand labels of a hand-written document.
type judgedDoc struct {
	Key        string // plan file name, or "labels/<doc>"
	Type       string
	Gemeenten  []string // names
	From, To   int
	Priorities []string
	Passages   []judgedPassage
}

// judgedPassage is a passage's folded headings and text with its labels.
type judgedPassage struct {
	Text   string
	Veld   int
	Themes []string
}

// aliases of the taxonomy: labels.tsv may use them, the truth does not.
var themeAliases = map[string]string{"X.ondermijning": "5.2", "X.polarisatie": "5.1"}

func newJudgedPassage(headings []string, text string, veld int, themes []string) judgedPassage {
	p := judgedPassage{Text: fold(strings.Join(headings, " ") + " " + text), Veld: veld}
	for _, t := range themes {
		if a, ok := themeAliases[t]; ok {
			t = a
		}
		p.Themes = append(p.Themes, t)
	}
	return p
}
