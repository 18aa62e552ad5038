package ingest

import (
	"context"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func newTestExtractor(t testing.TB) *Extractor {
	t.Helper()
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatalf("load gemeenten: %v", err)
	}
	x, err := NewExtractor(DefaultOptions(), gm)
	if err != nil {
		t.Fatalf("new extractor: %v", err)
	}
	return x
}

// extractFixture extracts the fixture plan.
func extractFixture(t *testing.T) *Extracted {
	t.Helper()
	ex, err := newTestExtractor(t).Extract(context.Background(), "plan.pdf", fixturePDF(t))
	if err != nil {
		t.Fatalf("extract: %v", err)
	}
	return ex
}

func TestExtractPDFFixture(t *testing.T) {
	ex := extractFixture(t)
	all := allText(ex)
	t.Run("words not glued", func(t *testing.T) {
		for _, want := range []string{"De gemeente Oss werkt samen met partners", "Samen met het RIEC pakken we signalen"} {
			if !strings.Contains(all, want) {
				t.Errorf("missing %q in\n%s", want, all)
			}
		}
	})
	t.Run("hyphenation", func(t *testing.T) {
		for _, want := range []string{"integraal veiligheidsplan beschrijft", "woon- en leefomgeving", "Noord-Brabant"} {
			if !strings.Contains(all, want) {
				t.Errorf("missing %q in\n%s", want, all)
			}
		}
	})
	t.Run("headers footers and toc gone", func(t *testing.T) {
		for _, bad := range []string{"Pagina", "Integraal Veiligheidsplan Oss 2023-2026", "Inhoudsopgave", "....."} {
			if strings.Contains(all, bad) {
				t.Errorf("found %q in\n%s", bad, all)
			}
		}
		for i, pt := range ex.PageTexts {
			if strings.Contains(pt, "Pagina") {
				t.Errorf("page text %d has the footer: %q", i+1, pt)
			}
		}
	})
	t.Run("headings and pages", func(t *testing.T) {
		checkPassage(t, ex.Passages, "Criminelen maken misbruik", []string{"2 Prioriteiten", "2.1 Ondermijning"}, 4)
		checkPassage(t, ex.Passages, "De gemeente Oss werkt samen", []string{"1 Inleiding"}, 3)
		checkPassage(t, ex.Passages, "Overlast door jongeren", []string{"2 Prioriteiten", "2.2 Jeugdoverlast"}, 5)
	})
	t.Run("ordinals", func(t *testing.T) {
		for i, p := range ex.Passages {
			if p.Ordinal != i || p.PageFrom < 1 || p.PageTo < p.PageFrom {
				t.Errorf("passage %d: ordinal %d pages %d-%d", i, p.Ordinal, p.PageFrom, p.PageTo)
			}
		}
	})
}

func TestExtractPDFFixtureMeta(t *testing.T) {
	ex := extractFixture(t)
	t.Run("metadata", func(t *testing.T) {
		d := ex.Document
		if d.Title != "Integraal Veiligheidsplan 2023-2026" || d.Type != corpus.TypeIVP ||
			d.PeriodStart != 2023 || d.PeriodEnd != 2026 || d.Vastgesteld != "2023-03-14" || d.Pages != 5 {
			t.Errorf("document = %+v", d)
		}
		if got := d.GemeenteNames(); !slices.Equal(got, []string{"Oss"}) {
			t.Errorf("gemeenten = %v, want [Oss]", got)
		}
		if d.MediaType != "application/pdf" || d.Source != "plan.pdf" || d.ExtractorVersion != ExtractorVersion ||
			!regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(d.SHA256) || d.Size == 0 || len(ex.PageTexts) != 5 {
			t.Errorf("document = %+v, %d page texts", d, len(ex.PageTexts))
		}
	})
}

// checkPassage finds the passage that contains text and checks its
// heading path and first page.
func checkPassage(t *testing.T, ps []corpus.Passage, text string, headings []string, page int) {
	t.Helper()
	for _, p := range ps {
		if strings.Contains(p.Text, text) {
			if !slices.Equal(p.Headings, headings) || p.PageFrom != page {
				t.Errorf("passage %q: headings %q page %d, want %q page %d", text, p.Headings, p.PageFrom, headings, page)
			}
			return
		}
	}
	t.Errorf("no passage contains %q", text)
}

func allText(ex *Extracted) string {
	var b strings.Builder
	for _, p := range ex.Passages {
		b.WriteString(p.Text)
		b.WriteString("\n")
	}
	return b.String()
}
