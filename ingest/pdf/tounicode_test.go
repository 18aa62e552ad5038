package pdf

import "testing"

func TestToUnicodeMap(t *testing.T) {
	cmap := `/CIDInit /ProcSet findresource begin
12 dict begin begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar
<0003> <0020>
<0010> <00660069> % two letters for one glyph
endbfchar
3 beginbfrange
<0020> <0030> <0041>
<0040> <0042> [<00E9> <2019> <FB01>]
<1000> <FFFF> <1000>
endbfrange
1 beginbfrange <41> <5A> <0061> endbfrange
endcmap`
	m := &toUnicode{chars: map[int]string{}}
	m.parse(cmapTokens([]byte(cmap)))
	tests := []struct {
		name  string
		code  int
		bytes int
		want  string
		found bool
	}{
		{"bfchar", 0x0003, 2, " ", true},
		{"bfchar with two letters", 0x0010, 2, "fi", true},
		{"start of a range", 0x0020, 2, "A", true},
		{"inside a range", 0x0022, 2, "C", true},
		{"array range", 0x0041, 2, "’", true},
		{"wide range counts through all bytes", 0x2019, 2, "’", true},
		{"wide range, ligature", 0xFB01, 2, "ﬁ", true},
		{"one-byte range", 0x42, 1, "b", true},
		{"one-byte range does not serve two-byte codes", 0x45, 2, "", false},
		{"unmapped", 0x0500, 2, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := m.lookup(tt.code, tt.bytes)
			if got != tt.want || ok != tt.found {
				t.Errorf("lookup(%#x, %d) = %q, %v; want %q, %v", tt.code, tt.bytes, got, ok, tt.want, tt.found)
			}
		})
	}
}
