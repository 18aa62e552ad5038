package corpus

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"
)

// Klasse is one of the eight CBS gemeentegrootte classes: municipalities
// grouped by their number of inhabitants.
type Klasse struct {
	// Code is the CBS class code, 1 (smallest) to 8 (largest); it is also
	// the value a facet counts on.
	Code int `json:"code"`
	// Label is what a user sees, e.g. "20.000 – 50.000 inwoners".
	Label string `json:"label"`
	// Min is the smallest number of inhabitants in the class.
	Min int `json:"min"`
	// Max is the first number above the class; 0 for the open top class.
	Max int `json:"max,omitempty"`
}

// Key is the class code as a string, for facet values and URLs.
func (k Klasse) Key() string { return strconv.Itoa(k.Code) }

// Klassen are the CBS gemeentegrootte classes in order. A class holds
// Min <= inwoners < Max; CBS words them "20 000 tot 50 000 inwoners".
var Klassen = [...]Klasse{
	{1, "minder dan 5.000 inwoners", 0, 5_000},
	{2, "5.000 – 10.000 inwoners", 5_000, 10_000},
	{3, "10.000 – 20.000 inwoners", 10_000, 20_000},
	{4, "20.000 – 50.000 inwoners", 20_000, 50_000},
	{5, "50.000 – 100.000 inwoners", 50_000, 100_000},
	{6, "100.000 – 150.000 inwoners", 100_000, 150_000},
	{7, "150.000 – 250.000 inwoners", 150_000, 250_000},
	{8, "250.000 inwoners of meer", 250_000, 0},
}

// KlasseVan returns the class of a municipality (or a group of them) with
// n inhabitants.
func KlasseVan(n int) Klasse {
	for _, k := range Klassen {
		if k.Max == 0 || n < k.Max {
			return k
		}
	}
	return Klassen[len(Klassen)-1]
}

// KlasseByCode returns the class with CBS code c ("4" or 4).
func KlasseByCode(c string) (Klasse, bool) {
	n, err := strconv.Atoi(c)
	if err != nil || n < 1 || n > len(Klassen) {
		return Klasse{}, false
	}
	return Klassen[n-1], true
}

//go:embed data/inwoners.tsv
var inwonersTSV []byte

// Inwoners holds the number of inhabitants per municipality, read from the
// embedded data file (sources and reference date are in its header). A
// municipality without a number is unknown, not empty. Immutable after
// LoadInwoners.
type Inwoners struct {
	byCode map[string]int
}

// LoadInwoners parses the embedded population table. Each line names a
// municipality of the register; the class column must agree with the
// number, so a hand edit that breaks it fails here.
func LoadInwoners() (*Inwoners, error) {
	in := &Inwoners{byCode: map[string]int{}}
	return in, TSVRows("inwoners.tsv", inwonersTSV, in.parseRow)
}

func (in *Inwoners) parseRow(f []string) error {
	if len(f) != 5 {
		return fmt.Errorf("want 5 fields, got %q", f)
	}
	if _, dup := in.byCode[f[0]]; dup {
		return fmt.Errorf("duplicate code %s", f[0])
	}
	if f[2] == "" {
		if f[3] != "" {
			return fmt.Errorf("%s: class without a number", f[0])
		}
		return nil
	}
	n, err := strconv.Atoi(f[2])
	if err != nil || n <= 0 {
		return fmt.Errorf("%s: bad number %q", f[0], f[2])
	}
	if got := KlasseVan(n).Key(); got != f[3] {
		return fmt.Errorf("%s: %d inhabitants is class %s, not %q", f[0], n, got, f[3])
	}
	in.byCode[f[0]] = n
	return nil
}

// Aantal returns the number of inhabitants of the municipality with CBS
// code code; false when it is not known.
func (in *Inwoners) Aantal(code string) (int, bool) {
	n, ok := in.byCode[strings.ToUpper(code)]
	return n, ok
}

// InwonersKlasse returns the class of the municipality with CBS code code;
// false when its number of inhabitants is not known.
func (in *Inwoners) InwonersKlasse(code string) (Klasse, bool) {
	n, ok := in.Aantal(code)
	if !ok {
		return Klasse{}, false
	}
	return KlasseVan(n), true
}

// PlanKlasse returns the class of a plan made by the municipalities with
// the given codes: the class of their summed population, because a joint
// plan serves all their inhabitants together. It is false when codes is
// empty or when any one of them has no known number: a partial sum would
// put the plan in too small a class.
func (in *Inwoners) PlanKlasse(codes ...string) (Klasse, bool) {
	if len(codes) == 0 {
		return Klasse{}, false
	}
	total := 0
	seen := map[string]bool{}
	for _, c := range codes {
		c = strings.ToUpper(c)
		if seen[c] {
			continue
		}
		seen[c] = true
		n, ok := in.byCode[c]
		if !ok {
			return Klasse{}, false
		}
		total += n
	}
	return KlasseVan(total), true
}
