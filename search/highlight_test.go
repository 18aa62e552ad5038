package search

import (
	"html"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSnippetMarks(t *testing.T) {
	th, err := LoadThesaurus()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, query, text, want string
	}{
		{"compound for its part", "inbraak", "Het aantal woninginbraken daalt.", "Het aantal <mark>woninginbraken</mark> daalt."},
		{"apostrophe plural", "camera", "De camera's en de camera’s.", "De <mark>camera&#39;s</mark> en de <mark>camera’s</mark>."},
		{"diacritics", "geintegreerde", "Een geïntegreerde aanpak.", "Een <mark>geïntegreerde</mark> aanpak."},
		{"stemmed forms", "inbraken", "Eén inbraak.", "Eén <mark>inbraak</mark>."},
		{"query compound is not split", "woninginbraak", "Een woning en een inbraak.", "Een woning en een inbraak."},
		{"exact phrase only", `"integrale veiligheid"`, "Integrale veiligheid is geen integraal veiligheidsplan.",
			"<mark>Integrale veiligheid</mark> is geen integraal veiligheidsplan."},
		{"thesaurus phrase", "HIC", "De high impact crimes dalen.", "De <mark>high impact crimes</mark> dalen."},
		{"thesaurus full form", "BOA", "Buitengewoon opsporingsambtenaren en handhavers.", "<mark>Buitengewoon opsporingsambtenaren</mark> en <mark>handhavers</mark>."},
		{"quoted phrase is not expanded", `"BOA"`, "Buitengewoon opsporingsambtenaren en BOA's.", "Buitengewoon opsporingsambtenaren en <mark>BOA&#39;s</mark>."},
		{"thesaurus term of several words", "veilige publieke taak", "De VPT en de taak.", "De <mark>VPT</mark> en de <mark>taak</mark>."},
		{"exclusions are not marked", "overlast -jeugd", "Jeugd en overlast.", "Jeugd en <mark>overlast</mark>."},
		{"escaping", "script", `<script>alert("x")</script> & script`, `&lt;<mark>script</mark>&gt;alert(&#34;x&#34;)&lt;/<mark>script</mark>&gt; &amp; <mark>script</mark>`},
		{"no match shows the start", "fietsendiefstal", "Geen treffer hier.", "Geen treffer hier."},
	}
	r := pqTestResolvers(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := NewHighlighter(ParseQuery(tt.query, r), th)
			if got := h.Snippet(tt.text); got != tt.want {
				t.Errorf("Snippet = %q\n want %q", got, tt.want)
			}
		})
	}
}

func TestSnippetWindow(t *testing.T) {
	filler := strings.Repeat("De gemeente werkt samen met partners aan een schone wijk. ", 8)
	text := filler + "Cameratoezicht helpt tegen woninginbraak in de buurt. " + filler
	h := NewHighlighter(ParseQuery("camera inbraak", nil), nil)
	got := h.Snippet(text)
	if !strings.HasPrefix(got, "…") || !strings.HasSuffix(got, "…") {
		t.Errorf("snippet from the middle is not cut on both sides: %q", got)
	}
	if !strings.Contains(got, "<mark>Cameratoezicht</mark>") || !strings.Contains(got, "<mark>woninginbraak</mark>") {
		t.Errorf("snippet misses the cluster: %q", got)
	}
	plain := strings.NewReplacer("<mark>", "", "</mark>", "", "…", "").Replace(got)
	if n := utf8.RuneCountInString(plain); n > SnippetLength || n < SnippetLength-40 {
		t.Errorf("snippet has %d characters, want about %d: %q", n, SnippetLength, got)
	}
	if !strings.Contains(text, strings.TrimSpace(plain)) {
		t.Errorf("snippet is not cut at word boundaries: %q", plain)
	}
}

func TestSnippetDensestCluster(t *testing.T) {
	text := "Drugs worden genoemd. " + strings.Repeat("Een lange zin zonder iets bijzonders erin voor de lezer. ", 6) +
		"Drugshandel en drugsoverlast in de binnenstad, met overlast van drugs."
	h := NewHighlighter(ParseQuery("drugs overlast", nil), nil)
	got := h.Snippet(text)
	if !strings.Contains(got, "<mark>drugsoverlast</mark>") || strings.Contains(got, "genoemd") {
		t.Errorf("snippet is not around the densest cluster: %q", got)
	}
}

func BenchmarkSnippet(b *testing.B) {
	th, _ := LoadThesaurus()
	text := "De gemeente pakt woninginbraken, jeugdoverlast en drugshandel aan met camera's en BOA's. " +
		"Ondermijnende criminaliteit vraagt om een geïntegreerde aanpak met het RIEC en de Belastingdienst. " +
		"In het uitgaansgebied nemen geweldsincidenten toe; horecaondernemers en handhavers maken afspraken. " +
		"Buurtpreventie via WhatsApp-groepen helpt bewoners alert te blijven op verdachte situaties in de wijk. " +
		"Het college evalueert jaarlijks de voortgang en rapporteert aan de gemeenteraad over de prioriteiten. " +
		"Verkeersveiligheid rond scholen blijft een zorg: ouders parkeren op de stoep en kinderen steken over. " +
		"De veiligheidsmonitor laat zien dat het veiligheidsgevoel in de kernen hoger is dan in het centrum. " +
		"Zorg en veiligheid komen samen in het Zorg- en Veiligheidshuis, waar casusoverleg wordt gevoerd. " +
		"Ook woonoverlast en burenruzies vragen aandacht van de wijkagent en de woningcorporaties samen. " +
		"Tot slot investeren we in cameratoezicht op bedrijventerreinen om inbraken bij bedrijven te voorkomen."
	h := NewHighlighter(ParseQuery(`inbraak "jeugdoverlast" HIC`, nil), th)
	b.ReportAllocs()
	for b.Loop() {
		h.Snippet(text)
	}
}

func FuzzSnippet(f *testing.F) {
	f.Add("inbraak camera", "Het aantal woninginbraken daalt; camera's helpen.")
	f.Add(`"integrale veiligheid" HIC`, "<b>Integrale veiligheid</b> & high impact crimes…")
	f.Add("a", "")
	th, err := LoadThesaurus()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, query, text string) {
		if !utf8.ValidString(text) {
			return
		}
		got := NewHighlighter(ParseQuery(query, nil), th).Snippet(text)
		if strings.Count(got, "<mark>") != strings.Count(got, "</mark>") {
			t.Fatalf("unbalanced marks in %q", got)
		}
		plain := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(got)
		if strings.ContainsAny(plain, "<>") {
			t.Fatalf("unescaped markup in %q", got)
		}
		plain = strings.Trim(html.UnescapeString(plain), "…")
		if !strings.Contains(text, plain) {
			t.Fatalf("snippet %q is not a piece of %q", plain, text)
		}
	})
}
