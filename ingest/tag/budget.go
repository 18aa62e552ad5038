package tag

import (
	"slices"
	"strings"

	"github.com/ccv/ivp/corpus/nl"
)

// A line of a budget table ("Lasten 6.281.860 6.375.064", "Saldo",
// "€ 6.042 x €1.000", "4,2%") is about money, whatever the document's or
// the list's subject: veld 0, 0.middelen. A line that names what the money
// pays for ("Brandweer en crisisbeheersing 1.234") keeps that subject: it
// has words of its own beyond budgetWords.

// budgetWords are the words of budget tables, as prefixes of folded words.
var budgetWords = []string{"lasten", "baten", "saldo", "uitgave", "inkomst", "begrot", "begroot", "realisatie",
	"rekening", "exploitatie", "wijziging", "actuele", "primitie", "geraamd", "mutatie", "reserve", "toevoeging",
	"onttrekking", "voordeel", "nadeel", "verschil", "schaal", "bedrag", "kosten", "gekost", "totaal", "x"}

// budgetGeneral are words a budget line may carry beside them: the
// programme's name, "wat heeft het gekost".
var budgetGeneral = []string{"veiligheid", "openbare", "orde", "programma", "taakveld", "wat", "heeft", "het", "in",
	"van", "en", "aan", "na", "de", "per", "jaar"}

// maxBudgetWords is the longest budget line, in words.
const maxBudgetWords = 30

// budgetLine reports whether text is a line of a budget table: numbers,
// money and budget words only, with at least one number or budget word.
func budgetLine(text string) bool {
	if len(text) > 12*maxBudgetWords {
		return false
	}
	ws := nl.ExactTerms(text)
	if len(ws) == 0 || len(ws) > maxBudgetWords {
		return false
	}
	money := strings.ContainsAny(text, "€%")
	for _, w := range ws {
		switch {
		case w[0] >= '0' && w[0] <= '9':
		case slices.ContainsFunc(budgetWords, func(b string) bool { return strings.HasPrefix(w, b) }):
			money = true
		case slices.Contains(budgetGeneral, w):
		default:
			return false
		}
	}
	return money
}
