package corpus

import (
	_ "embed"
	"fmt"
	"sort"
	"strings"
)

// Veiligheidsregio is one of the 25 Dutch safety regions.
type Veiligheidsregio struct {
	Code string `json:"code"` // VR01 to VR25
	Naam string `json:"naam"`
}

//go:embed data/veiligheidsregios.tsv
var veiligheidsregiosTSV []byte

// Veiligheidsregios gives each municipality of the register its safety
// region, read from the embedded table (its header names the source). It
// is immutable after LoadVeiligheidsregios.
type Veiligheidsregios struct {
	all    []Veiligheidsregio
	byCode map[string]Veiligheidsregio
	byGM   map[string]Veiligheidsregio
}

// LoadVeiligheidsregios parses the embedded table of the 342
// municipalities of 2025 and their safety regions.
func LoadVeiligheidsregios() (*Veiligheidsregios, error) {
	v := &Veiligheidsregios{byCode: map[string]Veiligheidsregio{}, byGM: map[string]Veiligheidsregio{}}
	err := TSVRows("veiligheidsregios.tsv", veiligheidsregiosTSV, func(f []string) error {
		if len(f) != 4 {
			return fmt.Errorf("want cbs_code, gemeente, veiligheidsregio_code, veiligheidsregio; got %q", f)
		}
		if _, dup := v.byGM[f[0]]; dup {
			return fmt.Errorf("duplicate code %s", f[0])
		}
		r := Veiligheidsregio{Code: f[2], Naam: f[3]}
		if old, ok := v.byCode[r.Code]; ok && old != r {
			return fmt.Errorf("%s has two names: %q and %q", r.Code, old.Naam, r.Naam)
		}
		if _, ok := v.byCode[r.Code]; !ok {
			v.all = append(v.all, r)
		}
		v.byCode[r.Code], v.byGM[f[0]] = r, r
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Slice(v.all, func(i, j int) bool { return v.all[i].Naam < v.all[j].Naam })
	return v, nil
}

// All returns every safety region, sorted by name.
func (v *Veiligheidsregios) All() []Veiligheidsregio { return v.all }

// ByCode looks a safety region up by its code (VR13).
func (v *Veiligheidsregios) ByCode(code string) (Veiligheidsregio, bool) {
	r, ok := v.byCode[strings.ToUpper(code)]
	return r, ok
}

// Of returns the safety region of the municipality with CBS code code.
func (v *Veiligheidsregios) Of(code string) (Veiligheidsregio, bool) {
	r, ok := v.byGM[strings.ToUpper(code)]
	return r, ok
}
