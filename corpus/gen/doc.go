// Package gen generates a deterministic sample corpus of Dutch integral
// safety plans (integrale veiligheidsplannen, IVPs) as PDF files and/or
// HTML pages, with a ground-truth file that says exactly what each file
// contains. `make run` uses it for 60 plans, the end-to-end tests for 5,
// unit tests for a few dozen, `make bench` for 20,000.
//
// Generate(ctx, Options{Out, Plans, Seed, Format}, gemeenten) writes into Out:
//
//	plan-0001-<gemeenten>-<type>-<period>.pdf (and/or .html) ... plan-NNNN-...
//	truth.jsonl
//
// Plan numbers have at least four digits (five from 10,000 plans). Plans
// are written as they are finished, on all cores, and truth.jsonl is
// streamed in plan order, so memory does not grow with the corpus.
//
// # The plans
//
// The mix is about 60% IVP (four years), 20% uitvoeringsplan (one year),
// 10% evaluatie (four years past) and 10% veiligheidsanalyse (one year),
// with periods from 2019 to 2028; about 15% are joint plans of 2-3
// gemeenten of one province (the register of 2025, so the mergers of
// 2022-2023 are respected), and the first twelve plans each come from a
// different province. Some uitvoeringsplannen and evaluaties belong to an
// earlier IVP of the same gemeenten. An IVP has 2-6 priorities, drawn with
// weights that make ondermijning, zorg en veiligheid, high impact crimes
// and jeugd the common ones.
//
// Plans run from about 8 to 24 A4 pages: a cover (in about one plan in
// twelve only a picture, without a text layer), a table of contents with
// dot leaders and page numbers, and numbered chapters whose order, naming
// and numbering style ("3 " or "3. ") vary: inleiding (visie, wettelijk
// kader, totstandkoming, leeswijzer), veiligheidsanalyse with a table of
// crime figures and a table of Veiligheidsmonitor scores, a look back,
// prioriteiten with goals and action lists, the five veiligheidsvelden,
// samenhang en communicatie, uitvoering with regie, monitoring and a budget
// table. Pages have a running header (title, gemeente) and footer
// ("Pagina N"). Some plans number their action lists, justify text, split
// long words at line ends with a hyphen, give sources in footnotes, set
// the chapters without tables or footnotes in two columns (one plan in
// five), or use typographic apostrophes (’). Text is set in the core font
// Helvetica in cp1252, so the phrase banks use no other characters. About
// one plan in six (never one of the first five) is set in the Go fonts
// instead (golang.org/x/image/font/gofont, embedded as UTF-8 subsets): its
// body text prints "fi" and "fl" as the ligatures ﬁ and ﬂ, it uses
// typographic apostrophes and puts a few terms in “quotes”, and its words
// lean towards ones with fi and fl (vary_lig.go). fpdf's ToUnicode map
// for such fonts, one range <0000>-<FFFF> that the PDF specification does
// not allow, is replaced by one range per Unicode block (render_cmap.go),
// so that readers that follow the specification find ﬁ rather than U+0001.
//
// Some plans leave out checklist elements on purpose: no look back on the
// previous plan (element 4), no measurable goals (7), no budget (12), no
// participation (10), no samenhang (14), no communicatie (15) or no
// monitoring (13); checklist_present says which are there.
//
// Text is composed from phrase banks written for this project
// (phrases_*.go): sentence templates with [a|b] alternatives and {slot}s
// for gemeente, years, numbers and invented places, then rewritten per
// sentence (vary.go: synonyms, and the plan's gemeente, wijken and years
// worked in), so that across 300 plans fewer than 5% of the distinct
// sentences over 40 characters occur more than once (TestVariety). About
// one theme paragraph in four ends on a neighbouring theme of another veld.
//
// The HTML page has the shape of a municipal regulation page: site header
// and menu, the title as h1, the intitulé ("De raad van de gemeente X;
// gelezen het voorstel ...; besluit vast te stellen: ..."), chapters as
// h2 "Hoofdstuk 3 Prioriteiten" and sections as h3 "Artikel 3.1 ...",
// the same paragraphs, lists (ul/ol) and tables as the PDF, the signature
// and a site footer. The intitulé and signature are not passages.
//
// The same Options give byte-identical files: all randomness comes from
// math/rand/v2 PCG generators seeded from Options.Seed (one per plan, so
// plans can be laid out in parallel), PDF dates derive from the plan's
// adoption date, and fpdf catalogs are sorted.
//
// # truth.jsonl
//
// One JSON object per plan, in plan order (see TruthPlan):
//
//	file          file name relative to Out: the PDF, or the HTML page with --format html
//	sha256, bytes digest and size of file
//	html_file, html_sha256, html_bytes   with --format both: the HTML page
//	title         title as on the cover, e.g. "Integraal Veiligheidsplan 2023-2026"
//	type          corpus.DocType: ivp, uitvoeringsplan, evaluatie, veiligheidsanalyse
//	gemeenten     CBS codes, e.g. ["GM0014"]
//	namen         the gemeente names, same order
//	provincies    distinct provinces
//	period_start, period_end  years covered (equal for a one-year plan)
//	vastgesteld   adoption date, YYYY-MM-DD, as printed on the cover
//	pages         PDF page count, cover and contents included (1 with --format html)
//	prioriteiten  the subjects of the plan's priorities
//	follows_plan  for a follow-up, the number (line, from 1) of its IVP: an
//	              uitvoeringsplan for a year of it, or the evaluatie of the
//	              four years before it; left out for other plans
//	checklist_present  checklist elements (1-15) some passage serves, sorted
//	layout        the PDF's hard cases: image_cover, two_columns, footnotes,
//	              hyphenation, numbered_lists, justified, ligatures (booleans)
//	passages      body text in reading order (see TruthPassage):
//	  page, page_end  first and last PDF page of the text, from 1 (1 with --format html)
//	  headings        heading path as printed in the PDF ("3.1 Ondermijning"),
//	                  outermost first; the HTML page prefixes "Hoofdstuk " to
//	                  chapters and "Artikel " to sections
//	  text            the exact text; a list is its items, one per line,
//	                  each starting with "• " or with its number ("1. ");
//	                  ligatures as their letters ("fi", not "ﬁ"), quotes
//	                  and apostrophes as printed
//	  veld            0 for process text, else 1-5 (the dominant veld)
//	  secondary       other velden of a passage that mixes velden; for a
//	                  veld-0 overview of priorities, the velden it names
//	  themes          theme ids of the shared taxonomy (domain/taxonomy.md),
//	                  e.g. ["X.drugs", "5.2"]; the aliases X.ondermijning and
//	                  X.polarisatie are written as 5.2 and 5.1
//	  checklist       checklist elements the passage serves (may be empty):
//	                  1 wettelijke basis en vaststelling, 2 afbakening en
//	                  leesbaarheid, 3 visie, 4 evaluatie vorig beleid,
//	                  5 veiligheidsanalyse, 6 prioriteiten, 7 meetbare
//	                  doelstellingen, 8 aanpak op hoofdlijnen, 9 regie en
//	                  rolverdeling, 10 betrokkenheid bij totstandkoming,
//	                  11 uitvoeringsplan, 12 middelen, 13 monitoring en
//	                  verantwoording, 14 samenhang met ander beleid,
//	                  15 communicatie (domain/checklist.md)
//
// Passages are paragraphs and lists. The cover, the table of contents,
// headings, running headers and footers, footnotes, tables with their
// captions, and the HTML intitulé and signature are printed but are not
// passages. A footnote's number follows the last word of its paragraph.
// Every paragraph is 300 to 1200 characters.
//
// Texts yields the same plans as corpus.Document values with their passages
// and truth tags, without laying out PDFs (pages estimated from the text),
// for large benchmark corpora.
//
// gen imports corpus (and fpdf and the Go fonts). It writes files and
// nothing else: it does not touch the Store, the index or the network. It
// must not import ingest, which imports corpus; the test that checks
// truth.jsonl against what ingest extracts lives in ingest
// (gen_truth_test.go).
package gen
