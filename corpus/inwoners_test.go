package corpus

import (
	"bufio"
	"bytes"
	"strings"
	"testing"
)

func TestKlasseVan(t *testing.T) {
	cases := []struct {
		n     int
		code  int
		label string
	}{
		{982, 1, "minder dan 5.000 inwoners"},
		{4_999, 1, "minder dan 5.000 inwoners"},
		{5_000, 2, "5.000 – 10.000 inwoners"},
		{19_999, 3, "10.000 – 20.000 inwoners"},
		{20_000, 4, "20.000 – 50.000 inwoners"},
		{50_050, 5, "50.000 – 100.000 inwoners"},
		{100_000, 6, "100.000 – 150.000 inwoners"},
		{249_999, 7, "150.000 – 250.000 inwoners"},
		{250_000, 8, "250.000 inwoners of meer"},
		{931_298, 8, "250.000 inwoners of meer"},
	}
	for _, c := range cases {
		t.Run(c.label, func(t *testing.T) {
			k := KlasseVan(c.n)
			if k.Code != c.code || k.Label != c.label {
				t.Errorf("KlasseVan(%d) = %d %q, want %d %q", c.n, k.Code, k.Label, c.code, c.label)
			}
		})
	}
}

func TestKlassenAreContiguous(t *testing.T) {
	for i, k := range Klassen {
		if k.Code != i+1 {
			t.Errorf("class %d has code %d", i, k.Code)
		}
		if i > 0 && Klassen[i-1].Max != k.Min {
			t.Errorf("gap between %q and %q", Klassen[i-1].Label, k.Label)
		}
		if got, ok := KlasseByCode(k.Key()); !ok || got != k {
			t.Errorf("KlasseByCode(%q) = %v, %v", k.Key(), got, ok)
		}
	}
	if _, ok := KlasseByCode("9"); ok {
		t.Error("KlasseByCode(9) found a class")
	}
}

// TestInwonersMatchesRegister: the population table lists exactly the
// municipalities of the register, with the same codes and names, so that
// no municipality of 2025 silently lacks a row.
func TestInwonersMatchesRegister(t *testing.T) {
	gm, err := LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	rows := inwonersRows(t)
	if len(rows) != len(gm.All()) {
		t.Fatalf("inwoners.tsv has %d rows, the register %d", len(rows), len(gm.All()))
	}
	for code, naam := range rows {
		g, ok := gm.ByCode(code)
		if !ok {
			t.Errorf("%s %s is not in the register", code, naam)
			continue
		}
		if g.Naam != naam {
			t.Errorf("%s is %q in the register, %q in inwoners.tsv", code, g.Naam, naam)
		}
	}
}

func inwonersRows(t *testing.T) map[string]string {
	t.Helper()
	rows := map[string]string{}
	sc := bufio.NewScanner(bytes.NewReader(inwonersTSV))
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		if strings.HasPrefix(f[0], "GM") {
			rows[f[0]] = f[1]
		}
	}
	return rows
}

func TestInwonersLookup(t *testing.T) {
	in, err := LoadInwoners()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name, code string
		want       int
		klasse     string
	}{
		{"Amsterdam", "GM0363", 934_526, "250.000 inwoners of meer"},
		{"Almere", "gm0034", 229_574, "150.000 – 250.000 inwoners"},
		{"Groningen", "GM0014", 244_441, "150.000 – 250.000 inwoners"},
		{"Emmen", "GM0114", 109_678, "100.000 – 150.000 inwoners"},
		{"Ameland", "GM0060", 3_800, "minder dan 5.000 inwoners"},
		{"Schiermonnikoog", "GM0088", 971, "minder dan 5.000 inwoners"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			n, ok := in.Aantal(c.code)
			k, kok := in.InwonersKlasse(c.code)
			if !ok || !kok || n != c.want || k.Label != c.klasse {
				t.Errorf("%s: %d %v, %q %v; want %d %q", c.code, n, ok, k.Label, kok, c.want, c.klasse)
			}
		})
	}
	t.Run("unknown", func(t *testing.T) {
		if _, ok := in.InwonersKlasse("GM9999"); ok {
			t.Error("a code outside the register got a class")
		}
	})
}

// TestInwonersAgreeWithCBSTotal: every municipality of the register has a
// number, and together they make the CBS population of the Netherlands on
// 1 January 2025 (18 044 027), which is how the table was checked.
func TestInwonersAgreeWithCBSTotal(t *testing.T) {
	gm, err := LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	in, err := LoadInwoners()
	if err != nil {
		t.Fatal(err)
	}
	total := 0
	for _, g := range gm.All() {
		n, ok := in.Aantal(g.Code)
		if !ok {
			t.Errorf("%s has no number", g.Naam)
		}
		total += n
	}
	if total != 18_044_027 {
		t.Errorf("the municipalities sum to %d, CBS says 18044027", total)
	}
}

func TestPlanKlasse(t *testing.T) {
	in, err := LoadInwoners()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		codes []string
		want  int // class code; 0 = no class
	}{
		{"one municipality", []string{"GM0060"}, 1},
		// Urk 22 173 + Zeewolde 24 291 = 46 464: still 20.000 – 50.000.
		{"two small ones", []string{"GM0184", "GM0050"}, 4},
		// Assen 70 392 + Tynaarlo 35 011 = 105 403: the sum crosses 100.000.
		{"sum crosses a boundary", []string{"GM0106", "GM1730"}, 6},
		{"a municipality twice counts once", []string{"GM0106", "gm0106"}, 5},
		{"an unknown code spoils the sum", []string{"GM0106", "GM9999"}, 0},
		{"no municipalities", nil, 0},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			k, ok := in.PlanKlasse(c.codes...)
			if c.want == 0 {
				if ok {
					t.Errorf("got class %q, want none", k.Label)
				}
				return
			}
			if !ok || k.Code != c.want {
				t.Errorf("got %d %v, want %d", k.Code, ok, c.want)
			}
		})
	}
}
