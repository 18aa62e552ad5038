package html

import (
	"slices"
	"testing"
)

func texts(d *Document) []string {
	var out []string
	for _, b := range d.Blocks {
		out = append(out, b.Text)
	}
	return out
}

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		page string
		want []Block
	}{
		{
			name: "main preferred over page furniture",
			page: `<html><body><header><nav><a>Afval</a></nav></header><main><h1>Veiligheid</h1><p>Tekst   over
				veiligheid.</p></main><footer>Postbus 1</footer></body></html>`,
			want: []Block{{Heading, 1, "Veiligheid"}, {Paragraph, 0, "Tekst over veiligheid."}},
		},
		{
			name: "cookie banner and scripts dropped",
			page: `<body><div class="cookie-notice"><p>Wij gebruiken cookies</p></div><div id="CookieConsent">Ok</div>
				<script>var x = 1;</script><article><h2>Plan</h2><p>Inhoud</p></article></body>`,
			want: []Block{{Heading, 2, "Plan"}, {Paragraph, 0, "Inhoud"}},
		},
		{
			name: "lists nested",
			page: `<main><ul><li>Een<ul><li>Een a</li></ul></li><li><p>Twee</p></li></ul></main>`,
			want: []Block{{ListItem, 0, "• Een"}, {ListItem, 0, "• Een a"}, {ListItem, 0, "• Twee"}},
		},
		{
			name: "table rows",
			page: `<main><table><tr><th>Thema</th><th>Doel</th></tr><tr><td>Jeugd</td><td><b>Minder</b> overlast</td></tr></table></main>`,
			want: []Block{{TableRow, 0, "Thema | Doel"}, {TableRow, 0, "Jeugd | Minder overlast"}},
		},
		{
			name: "loose text in divs",
			page: `<div id="content"><div>Eerste stuk<br>tweede stuk</div><div><span>Derde</span> stuk</div></div>`,
			want: []Block{{Paragraph, 0, "Eerste stuk"}, {Paragraph, 0, "tweede stuk"}, {Paragraph, 0, "Derde stuk"}},
		},
		{
			name: "article header with heading stays",
			page: `<body><header>Logo</header><article><header><h1>Titel</h1></header><p>Tekst</p><aside>Zie ook</aside></article></body>`,
			want: []Block{{Heading, 1, "Titel"}, {Paragraph, 0, "Tekst"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := Parse([]byte(tt.page))
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(d.Blocks, tt.want) {
				t.Errorf("blocks = %+v, want %+v", d.Blocks, tt.want)
			}
		})
	}
}

func TestParseCharsetAndHead(t *testing.T) {
	page := "<html><head><meta charset=\"windows-1252\"><title>Veiligheid | Gemeente Ede</title>" +
		"<meta property=\"og:site_name\" content=\"Gemeente Ede\"></head><body><p>Financi\xeble steun en co\xf6rdinatie</p></body></html>"
	d, err := Parse([]byte(page))
	if err != nil {
		t.Fatal(err)
	}
	if d.Title != "Veiligheid | Gemeente Ede" || d.SiteName != "Gemeente Ede" {
		t.Errorf("title %q site %q", d.Title, d.SiteName)
	}
	if got := texts(d); !slices.Equal(got, []string{"Financiële steun en coördinatie"}) {
		t.Errorf("blocks = %q", got)
	}
}
