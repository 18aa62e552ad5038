// Package gen generates a deterministic sample corpus of Dutch integral
// safety plans (integrale veiligheidsplannen, IVPs) as PDF files, with a
// ground-truth file that says exactly what each PDF contains. `make run`
// uses it for 60 plans, the end-to-end tests for 5, demos for any number.
//
// Generate(ctx, Options{Out, Plans, Seed}, gemeenten) writes into Out:
//
//	plan-0001-<gemeenten>-<type>-<period>.pdf ... plan-NNNN-....pdf
//	truth.jsonl
//
// The mix is about 60% IVP (four years), 20% uitvoeringsplan (one year),
// 10% evaluatie (four years past) and 10% veiligheidsanalyse (one year),
// with periods from 2019 to 2028; about 15% are joint plans of 2-3
// gemeenten of one province, and the first twelve plans each come from a
// different province. Some uitvoeringsplannen and evaluaties belong to an
// earlier IVP of the same gemeenten. Plans run from about 8 to 18 A4
// pages: a cover, a table of contents with page numbers, and numbered
// chapters (inleiding, veiligheidsanalyse with a table of figures,
// prioriteiten, the five veiligheidsvelden, uitvoering en monitoring).
// Text is composed from phrase banks written for this project
// (phrases_*.go): sentence templates with [a|b] alternatives and {slot}s
// for gemeente, years, numbers and invented places.
//
// The same Options give byte-identical files: all randomness comes from
// math/rand/v2 PCG generators seeded from Options.Seed (one per plan, so
// plans can be laid out in parallel), PDF dates derive from the plan's
// adoption date, and fpdf catalogs are sorted. Text is set in the core
// font Helvetica in cp1252, so the phrase banks use no other characters.
//
// # truth.jsonl
//
// One JSON object per plan, in plan order (see TruthPlan):
//
//	file          PDF file name, relative to Out
//	sha256, bytes digest and size of the PDF
//	title         title as on the cover, e.g. "Integraal Veiligheidsplan 2023-2026"
//	type          corpus.DocType: ivp, uitvoeringsplan, evaluatie, veiligheidsanalyse
//	gemeenten     CBS codes, e.g. ["GM0014"]
//	namen         the gemeente names, same order
//	provincies    distinct provinces
//	period_start, period_end  years covered (equal for a one-year plan)
//	vastgesteld   adoption date, YYYY-MM-DD, as printed on the cover
//	pages         page count, cover and contents included
//	prioriteiten  the subjects of the plan's priorities
//	passages      body text in reading order (see TruthPassage):
//	  page, page_end  first and last page of the text, from 1
//	  headings        heading path as printed ("3.1 Ondermijning"), outermost first
//	  text            the exact text; a bullet list is its items, one per
//	                  line, each starting with "• "
//	  veld            0 for process text, else 1-5
//	  themes          theme ids of the shared taxonomy (domain/taxonomy.md),
//	                  e.g. ["X.drugs", "5.2"]; the aliases X.ondermijning and
//	                  X.polarisatie are written as 5.2 and 5.1
//
// Passages are paragraphs and bullet lists. The cover, the table of
// contents, headings, running headers and footers ("Pagina N") and the
// table of figures with its caption are printed but are not passages.
// Every paragraph is 300 to 1200 characters.
//
// gen imports corpus (and fpdf). It writes files and nothing else: it
// does not touch the Store, the index or the network.
package gen
