package corpus

import (
	"context"
	"fmt"
	"strings"
)

// QueueFilter selects documents for the curator lists. The zero value
// selects pending documents.
type QueueFilter struct {
	Status    Status  // "" means pending; AllStatuses for every document
	Gemeente  string  // CBS code; "" for any
	Type      DocType // "" for any
	Text      string  // case-insensitive substring of title, source, contact or note
	Submitted bool    // only documents that came in through a submission
	Harvested bool    // only documents the harvester found (geoogst)
	Limit     int     // default 100
	Offset    int
}

// AllStatuses in a QueueFilter lists documents of every status.
const AllStatuses Status = "*"

// QueueItem is one row of the curator lists.
type QueueItem struct {
	Document   Document
	Submission *Submission // nil for a bulk-ingested document
	Harvest    *Harvest    // where a harvested document came from; nil for others
}

// Review is everything the review page shows of one document.
type Review struct {
	Document   Document
	Submission *Submission // nil for a bulk-ingested document
	Harvest    *Harvest    // where a harvested document came from; nil for others
	Passages   []Passage
	Checklist  []CheckResult
	Detected   Metadata // what extraction found (for bulk documents: as stored)
	FilePath   string   // the original file on disk
	Versions   []Version
	Audit      []AuditEntry // this document's audit entries, newest first
}

// Queue lists the documents f selects with their submissions, newest
// first.
func (s *Store) Queue(ctx context.Context, f QueueFilter) ([]QueueItem, error) {
	f = f.withDefaults()
	where, args := f.where()
	rows, err := s.db.QueryContext(ctx, `SELECT `+documentColumns+` FROM documents WHERE `+where+`
		ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	docs, err := scanDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("queue: %w", err)
	}
	return s.queueItems(ctx, docs)
}

// QueueCount is how many documents f selects on all pages together:
// Limit and Offset are ignored.
func (s *Store) QueueCount(ctx context.Context, f QueueFilter) (int, error) {
	where, args := f.withDefaults().where()
	var n int
	if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM documents WHERE `+where, args...).Scan(&n); err != nil {
		return 0, fmt.Errorf("queue count: %w", err)
	}
	return n, nil
}

// withDefaults fills in the pending status and the limit of 100.
func (f QueueFilter) withDefaults() QueueFilter {
	if f.Status == "" {
		f.Status = StatusPending
	}
	if f.Limit <= 0 {
		f.Limit = 100
	}
	return f
}

// where is the condition on documents that f selects, with its arguments.
func (f QueueFilter) where() (string, []any) {
	text := strings.TrimSpace(f.Text)
	like := "%" + likeEscaper.Replace(text) + "%"
	return `(? = '*' OR status = ?)
		AND (? = '' OR EXISTS (SELECT 1 FROM document_gemeenten g
			WHERE g.document_id = documents.id AND g.gemeente_code = ?))
		AND (? = '' OR doctype = ?)
		AND (? = 0 OR EXISTS (SELECT 1 FROM submissions s WHERE s.document_id = documents.id))
		AND (? = 0 OR EXISTS (SELECT 1 FROM harvested_documents h WHERE h.document_id = documents.id))
		AND (? = '' OR title LIKE ? ESCAPE '\' OR source LIKE ? ESCAPE '\'
			OR EXISTS (SELECT 1 FROM submissions s WHERE s.document_id = documents.id
				AND (s.contact_name LIKE ? ESCAPE '\' OR s.contact_email LIKE ? ESCAPE '\'
				OR s.note LIKE ? ESCAPE '\' OR s.source LIKE ? ESCAPE '\')))`,
		[]any{string(f.Status), string(f.Status), f.Gemeente, f.Gemeente, string(f.Type), string(f.Type),
			f.Submitted, f.Harvested, text, like, like, like, like, like, like}
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// queueItems adds their gemeenten and submissions to docs, with one query
// for each.
func (s *Store) queueItems(ctx context.Context, docs []Document) ([]QueueItem, error) {
	out := make([]QueueItem, 0, len(docs))
	if len(docs) == 0 {
		return out, nil
	}
	ids := make([]int64, len(docs))
	for i, d := range docs {
		ids[i] = d.ID
	}
	gms, err := s.documentGemeenten(ctx, ids)
	if err != nil {
		return nil, err
	}
	subs, err := submissionsOf(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	hs, err := harvestsOf(ctx, s.db, ids)
	if err != nil {
		return nil, err
	}
	for _, d := range docs {
		d.Gemeenten = gms[d.ID]
		out = append(out, QueueItem{Document: d, Submission: subs[d.ID], Harvest: hs[d.ID]})
	}
	return out, nil
}
