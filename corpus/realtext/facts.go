package realtext

import (
	"fmt"
	"io"
	"slices"
	"strconv"
	"strings"
)

// Columns of the fact files.
var (
	docColumns     = []string{"id", "url", "gemeenten", "type", "half", "length", "sha256", "query", "title"}
	passageColumns = []string{"doc", "n", "offset", "length", "hash", "veld", "secondary", "themes", "note"}
)

// ReadDocs reads docs.tsv without the texts.
func ReadDocs(path string) ([]Doc, error) {
	var out []Doc
	seen := map[string]bool{}
	err := tsv(path, len(docColumns), func(f []string) error {
		n, err := strconv.Atoi(f[5])
		if err != nil {
			return fmt.Errorf("length %q: %w", f[5], err)
		}
		d := Doc{ID: f[0], URL: f[1], Gemeenten: splitList(f[2], ";"), Type: f[3], Half: f[4], Length: n, SHA256: f[6], Query: f[7], Title: f[8]}
		if seen[d.ID] {
			return fmt.Errorf("document %s twice", d.ID)
		}
		seen[d.ID] = true
		if err := d.check(); err != nil {
			return err
		}
		out = append(out, d)
		return nil
	})
	return out, err
}

func (d Doc) check() error {
	if !slices.Contains(Types, d.Type) {
		return fmt.Errorf("document %s: type %q is none of %v", d.ID, d.Type, Types)
	}
	if len(d.Gemeenten) == 0 {
		return fmt.Errorf("document %s: no gemeente", d.ID)
	}
	h, err := HalfOf(d.Gemeenten[0])
	if err != nil {
		return fmt.Errorf("document %s: %w", d.ID, err)
	}
	if h != d.Half {
		return fmt.Errorf("document %s: half %q, but its first gemeente %s is in %s", d.ID, d.Half, d.Gemeenten[0], h)
	}
	return nil
}

func readPassages(path string) ([]Passage, error) {
	var out []Passage
	err := tsv(path, len(passageColumns), func(f []string) error {
		p, err := parsePassage(f)
		if err == nil {
			out = append(out, p)
		}
		return err
	})
	return out, err
}

func parsePassage(f []string) (Passage, error) {
	var p Passage
	var err error
	nums := []*int{&p.N, &p.Offset, &p.Length, &p.Veld}
	for i, col := range []int{1, 2, 3, 5} {
		if *nums[i], err = strconv.Atoi(f[col]); err != nil {
			return p, fmt.Errorf("%s %q: %w", passageColumns[col], f[col], err)
		}
	}
	if p.Veld < 0 || p.Veld > 5 {
		return p, fmt.Errorf("veld %d: want 0-5", p.Veld)
	}
	for _, s := range splitList(f[6], ",") {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 || v > 5 {
			return p, fmt.Errorf("secondary %q: want velden 1-5", s)
		}
		p.Secondary = append(p.Secondary, v)
	}
	p.Doc, p.Hash, p.Themes, p.Note = f[0], f[4], splitList(f[7], ","), f[8]
	return p, nil
}

// WritePassages writes passages in the format of passages.tsv.
func WritePassages(w io.Writer, ps []Passage) error {
	rows := [][]string{passageColumns}
	for _, p := range ps {
		sec := make([]string, len(p.Secondary))
		for i, v := range p.Secondary {
			sec[i] = strconv.Itoa(v)
		}
		rows = append(rows, []string{p.Doc, strconv.Itoa(p.N), strconv.Itoa(p.Offset), strconv.Itoa(p.Length), p.Hash,
			strconv.Itoa(p.Veld), strings.Join(sec, ","), strings.Join(p.Themes, ","), p.Note})
	}
	return writeRows(w, rows)
}

func writeRows(w io.Writer, rows [][]string) error {
	for _, r := range rows {
		for i, c := range r {
			r[i] = strings.NewReplacer("\t", " ", "\n", " ").Replace(c)
		}
		if _, err := io.WriteString(w, strings.Join(r, "\t")+"\n"); err != nil {
			return err
		}
	}
	return nil
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
