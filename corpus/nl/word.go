package nl

// Word is the analysis of one written word. Words returned by Analyze are
// shared: callers must not change them.
type Word struct {
	// Form is the word as the exact field holds it: lower case, the
	// apostrophe rule applied, folded ("BOA’s" is boa, "Geïntegreerde" is
	// geintegreerde).
	Form string
	// Stem is the Snowball stem of Form, also for a stop word.
	Stem string
	// Stop is true for a Dutch stop word.
	Stop bool
	// Terms is what the stemmed index fields hold for the word: Stem and
	// then the stems of its compound parts (Parts(Form)); nil for a stop
	// word.
	Terms []string
}

// Analyze returns the analysis of word, one word as written (a token of
// AppendTokens). Answers are remembered (up to about a million words, see
// maxMemoWords), so a caller that analyses a corpus word by word needs no
// cache of its own.
func Analyze(word string) *Word { return words.getString(word) }

// AnalyzeBytes is Analyze for bytes; it does not keep word.
func AnalyzeBytes(word []byte) *Word { return words.getBytes(word) }

// AnalyzeForm is the analysis of a form that is already lower case,
// folded and without apostrophes (a term of the exact field). It equals
// Analyze(form) except for the rare form that folding would change again
// (a letter-like symbol such as ℌ folds to a capital H, which folds to h),
// and is not remembered when it differs.
func AnalyzeForm(form []byte) *Word {
	if w := words.getBytes(form); w.Form == string(form) {
		return w
	}
	return analyzeForm(string(form))
}

func analyzeForm(form string) *Word {
	w := &Word{Form: form, Stem: Stem(form), Stop: IsStop(form)}
	if !w.Stop {
		w.Terms = append([]string{w.Stem}, parts(form, w.Stem)...)
	}
	return w
}
