package corpus

import "testing"

// TestVeiligheidsregios checks the embedded table against the register:
// every municipality has one of the 25 regions, and known ones are right.
func TestVeiligheidsregios(t *testing.T) {
	vr, err := LoadVeiligheidsregios()
	if err != nil {
		t.Fatal(err)
	}
	gms, err := LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	if n := len(vr.All()); n != 25 {
		t.Errorf("%d regions, want 25", n)
	}
	for _, g := range gms.All() {
		if _, ok := vr.Of(g.Code); !ok {
			t.Errorf("%s %s has no veiligheidsregio", g.Code, g.Naam)
		}
	}
	for code, want := range map[string]string{"GM0363": "VR13", "gm0599": "VR17", "GM0935": "VR24", "GM0034": "VR25"} {
		if r, _ := vr.Of(code); r.Code != want {
			t.Errorf("%s in %q, want %s", code, r.Code, want)
		}
	}
	if r, ok := vr.ByCode("vr13"); !ok || r.Naam != "Amsterdam-Amstelland" {
		t.Errorf("VR13 is %+v, %v", r, ok)
	}
}
