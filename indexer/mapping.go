package indexer

import (
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/nl"
	"github.com/blevesearch/bleve/v2/mapping"
)

// Field names in the plan index.
const (
	FieldTitle     = "title"
	FieldText      = "text"
	FieldHeadings  = "headings"
	FieldGemeente  = "gemeente"  // CBS codes, keyword
	FieldProvincie = "provincie" // province names, keyword
	FieldJaar      = "jaar"      // the year a plan is filed under, keyword for facets
	FieldYear      = "year"      // the same year, numeric for ranges
	FieldType      = "type"      // corpus.DocType, keyword
	FieldAdded     = "added"     // unix seconds when stored, numeric for "newest"
	FieldMeta      = "meta"      // PlanMeta as JSON, stored, not indexed
	// FieldVeld holds velden as decimal strings, keyword. In the plan index:
	// every veld at least one of the plan's passages is tagged with
	// (primary veld); in the passage index: the passage's primary veld.
	FieldVeld = "veld"
	// FieldThema holds theme ids, keyword: in the plan index the union of
	// the passages' themes, in the passage index the passage's themes.
	FieldThema = "thema"
)

// Field names in the passage index (FieldText and FieldHeadings are shared).
const (
	FieldDocID = "doc_id" // document ID as a decimal string, keyword
	// FieldVeldPlan and FieldThemaPlan pair a passage's tags with its plan
	// ("2|17", "2.3|17"), keyword, so that a term facet over matching
	// passages counts distinct plans per tag from doc values alone.
	FieldVeldPlan  = "veld_plan"
	FieldThemaPlan = "thema_plan"
	FieldOrdinal   = "ordinal"
	FieldPageFrom  = "page_from"
	FieldPageTo    = "page_to"
	FieldTags      = "tags" // corpus.Tags as JSON, stored, not indexed
)

// MappingVersion changes whenever a field or analyzer here changes; a
// generation built with another version is stale and gets rebuilt.
const MappingVersion = "4"

// TextAnalyzer analyses Dutch body text: tokens, lower case, Dutch stop
// words, Dutch stemming.
const TextAnalyzer = nl.AnalyzerName

const docTypePlan, docTypePassage = "plan", "passage"

func textField(store, vectors bool) *mapping.FieldMapping {
	f := bleve.NewTextFieldMapping()
	f.Analyzer = TextAnalyzer
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

func numericField(store bool) *mapping.FieldMapping {
	f := bleve.NewNumericFieldMapping()
	f.Store = store
	f.IncludeInAll = false
	return f
}

// planMapping is the mapping of the plan index. Text is not stored: the
// store has it, and snippets come from the passage index.
func planMapping() mapping.IndexMapping {
	m := bleve.NewDocumentStaticMapping()
	m.AddFieldMappingsAt(FieldTitle, textField(false, false))
	m.AddFieldMappingsAt(FieldText, textField(false, false))
	m.AddFieldMappingsAt(FieldHeadings, textField(false, false))
	for _, name := range []string{FieldGemeente, FieldProvincie, FieldJaar, FieldType, FieldVeld, FieldThema} {
		m.AddFieldMappingsAt(name, keywordField())
	}
	m.AddFieldMappingsAt(FieldYear, numericField(false))
	m.AddFieldMappingsAt(FieldAdded, numericField(false))
	m.AddFieldMappingsAt(FieldMeta, storedOnly())
	return newIndexMapping(docTypePlan, m)
}

// passageMapping is the mapping of the passage index. Text is stored with
// term vectors because the highlighter needs both.
func passageMapping() mapping.IndexMapping {
	m := bleve.NewDocumentStaticMapping()
	m.AddFieldMappingsAt(FieldDocID, keywordField())
	m.AddFieldMappingsAt(FieldText, textField(true, true))
	m.AddFieldMappingsAt(FieldHeadings, textField(true, false))
	for _, name := range []string{FieldOrdinal, FieldPageFrom, FieldPageTo} {
		m.AddFieldMappingsAt(name, numericField(true))
	}
	m.AddFieldMappingsAt(FieldVeld, keywordField())
	m.AddFieldMappingsAt(FieldThema, keywordField())
	m.AddFieldMappingsAt(FieldVeldPlan, keywordField())
	m.AddFieldMappingsAt(FieldThemaPlan, keywordField())
	m.AddFieldMappingsAt(FieldTags, storedOnly())
	return newIndexMapping(docTypePassage, m)
}

func newIndexMapping(typ string, m *mapping.DocumentMapping) mapping.IndexMapping {
	im := bleve.NewIndexMapping()
	im.DefaultMapping = m
	im.AddDocumentMapping(typ, m)
	im.DefaultAnalyzer = TextAnalyzer
	im.StoreDynamic = false
	im.IndexDynamic = false
	im.DocValuesDynamic = false
	return im
}

type bleveIndex = bleve.Index

// TagPlan is the value of FieldVeldPlan and FieldThemaPlan for a tag of a
// passage of plan docID; SplitTagPlan undoes it.
func TagPlan(tag, docID string) string { return tag + "|" + docID }

// SplitTagPlan splits a FieldVeldPlan or FieldThemaPlan value.
func SplitTagPlan(v string) (tag, docID string) {
	i := strings.LastIndexByte(v, '|')
	if i < 0 {
		return v, ""
	}
	return v[:i], v[i+1:]
}
