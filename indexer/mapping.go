package indexer

import (
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names in the plan index.
const (
	FieldTitle     = "title"
	FieldGemeente  = "gemeente"  // CBS codes, keyword
	FieldProvincie = "provincie" // province names, keyword
	// FieldJaar holds every year a plan's period covers (its filing year
	// when it has no period), keyword: a facet value counts the plans in
	// force that year, and a range filter means "the period overlaps".
	FieldJaar = "jaar"
	FieldYear = "year" // the year a plan is filed under, numeric, for sorting and recency
	// FieldKlasse is the CBS population class of the plan's gemeenten, keyword.
	FieldKlasse = "klasse"
	FieldType   = "type"  // corpus.DocType, keyword
	FieldAdded  = "added" // unix seconds when stored, numeric for "newest"
	FieldMeta   = "meta"  // PlanMeta as JSON, stored, not indexed
	// FieldVeld holds velden as decimal strings, keyword. In the plan index:
	// every veld at least one of the plan's passages is tagged with
	// (primary veld); in the passage index: the passage's primary veld.
	FieldVeld = "veld"
	// FieldThema holds theme ids, keyword: in the plan index the union of
	// the passages' themes, in the passage index the passage's themes.
	FieldThema = "thema"
)

// VeldTextFields are the plan-index fields holding the text of a plan's
// passages by primary veld, with the headings above them: FieldVeldText(2)
// is the text of the passages tagged veld 2. A plan's whole text is their union; a query restricted to
// some of them finds the plans where the words occur in passages of those
// velden, which is what the veld filter and facet mean with a query.
var VeldTextFields = [6]string{"t0", "t1", "t2", "t3", "t4", "t5"}

// FieldBody is the plan-index field holding a plan's whole text, the
// headings above its passages included: the union of the VeldTextFields
// as one field, which a query without a veld filter searches (one field
// per word instead of six: a cleaner plan score and a cheaper query now
// that any word of a query matches).
const FieldBody = "body"

// FieldVeldText is the plan-index text field of veld v (0..5).
func FieldVeldText(v int) string { return VeldTextFields[v] }

// Field names in the passage index.
const (
	FieldHeadings = "headings" // the headings above a passage, stemmed and split, stored
	FieldDocID    = "doc_id"   // document ID as a decimal string, keyword
	FieldText     = "text"     // body text, stemmed and split (TextAnalyzer)
	// FieldExact is the body text again, unstemmed and unsplit: its words
	// and every pair of consecutive words. A phrase is the passages that
	// have all its pairs ("zorg en veiligheid": "zorg en" and "en
	// veiligheid"), found from postings alone (positions made a common
	// phrase cost 90 ms at a million passages; one field for words and
	// pairs rebuilt 7% faster than two). The words serve one-word "exact"
	// queries and the "bedoelde u" dictionary.
	FieldExact    = "exact"
	FieldOrdinal  = "ordinal"
	FieldPageFrom = "page_from"
	FieldPageTo   = "page_to"
	FieldTags     = "tags" // corpus.Tags as JSON, stored, not indexed
)

// MappingVersion changes whenever a field or analyzer here changes; a
// generation built with another version is stale and gets rebuilt.
// Version 12: every analyzer step is corpus/nl (bleve's to_lower filter
// garbled a word after a letter whose lower case is shorter, such as İ).
// Version 13: compounds split against OpenTaal's Dutch word list.
// Version 14: stems undouble the consonant Snowball leaves ("diefstallen"
// is diefstal). Version 15: the plan index has FieldBody.
const MappingVersion = "15"

// TextAnalyzer analyses Dutch body text at index time: the apostrophe
// plural, lower case, folded diacritics, Dutch stop words and stems, and
// the parts of compounds (see analysis.go).
const TextAnalyzer = DutchIndexAnalyzer

// QueryAnalyzer analyses the user's words for the TextAnalyzer fields: the
// same chain without splitting, so "woninginbraak" asks for that word only.
const QueryAnalyzer = DutchQueryAnalyzer

const docTypePlan, docTypePassage = "plan", "passage"

func textField(analyzer string, store, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = analyzer
	f.Store = store
	f.IncludeTermVectors = vectors
	f.IncludeInAll = false
	f.DocValues = false
	return f
}

func keywordField() *mapping.FieldMapping {
	f := bleve.NewKeywordFieldMapping()
	f.Analyzer = keyword.Name
	f.Store = false
	f.IncludeInAll = false
	f.IncludeTermVectors = false
	return f
}

// storedOnly is a field kept for display and never searched.
func storedOnly() *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Index, f.Store, f.IncludeInAll, f.DocValues = false, true, false, false
	return f
}

// storedNumber is a number kept for display and never searched or sorted
// on: indexing a number writes several terms (4% of a rebuild for the
// passage numbers).
func storedNumber() *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Index, f.Store, f.IncludeInAll, f.DocValues = false, true, false, false
	return f
}

func numericField(store bool) *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = store
	f.IncludeInAll = false
	return f
}

// planMapping is the mapping of the plan index: one document per plan, its
// text split by veld, without positions (phrases are found in the passage
// index) and not stored (the store has it).
func planMapping() (mapping.IndexMapping, error) {
	m := bleve.NewDocumentStaticMapping()
	m.AddFieldMappingsAt(FieldTitle, textField(TextAnalyzer, false, false))
	m.AddFieldMappingsAt(FieldBody, textField(TextAnalyzer, false, false))
	for _, f := range VeldTextFields {
		m.AddFieldMappingsAt(f, textField(TextAnalyzer, false, false))
	}
	for _, name := range []string{FieldGemeente, FieldProvincie, FieldJaar, FieldType, FieldKlasse, FieldVeld, FieldThema} {
		m.AddFieldMappingsAt(name, keywordField())
	}
	m.AddFieldMappingsAt(FieldYear, numericField(false))
	m.AddFieldMappingsAt(FieldAdded, numericField(false))
	m.AddFieldMappingsAt(FieldMeta, storedOnly())
	return newIndexMapping(docTypePlan, m)
}

// passageMapping is the mapping of the passage index. Text is stored for
// snippets (highlighted by the search package, so without term vectors);
// phrases are found through the pairs field.
func passageMapping() (mapping.IndexMapping, error) {
	m := bleve.NewDocumentStaticMapping()
	m.AddFieldMappingsAt(FieldDocID, keywordField())
	m.AddFieldMappingsAt(FieldText, textField(TextAnalyzer, true, false))
	m.AddFieldMappingsAt(FieldExact, textField(DutchPairsAnalyzer, false, false))
	m.AddFieldMappingsAt(FieldHeadings, textField(TextAnalyzer, true, false))
	for _, name := range []string{FieldOrdinal, FieldPageFrom, FieldPageTo} {
		m.AddFieldMappingsAt(name, storedNumber())
	}
	m.AddFieldMappingsAt(FieldVeld, keywordField())
	m.AddFieldMappingsAt(FieldThema, keywordField())
	m.AddFieldMappingsAt(FieldTags, storedOnly())
	return newIndexMapping(docTypePassage, m)
}

func newIndexMapping(typ string, m *mapping.DocumentMapping) (mapping.IndexMapping, error) {
	im := bleve.NewIndexMapping()
	if err := RegisterAnalysis(im); err != nil {
		return nil, err
	}
	im.DefaultMapping = m
	im.AddDocumentMapping(typ, m)
	im.DefaultAnalyzer = TextAnalyzer
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im, nil
}

type bleveIndex = bleve.Index
