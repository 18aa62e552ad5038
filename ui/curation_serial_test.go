package ui_test

import (
	"fmt"
	"net/http"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/indexer"
	"github.com/ccv/ivp/ingest"
)

// TestConcurrentApproveAndWithdrawAgree: a curator withdraws a plan
// while another one's approval of it is stored but not yet indexed. Through
// the real handlers, each plan ends up searchable exactly when the store
// says it is published. Unserialised, the withdrawal ran in between and
// the approval then indexed the plan that the store had withdrawn.
func TestConcurrentApproveAndWithdrawAgree(t *testing.T) {
	const plans = 8
	var a *agent
	var current int64 // the plan being approved
	var withdrawals sync.WaitGroup
	statuses := make(chan int, plans)
	// Between the approval's store change and its index update, another
	// curator withdraws the plan. The pause gives the withdrawal time to
	// run in between when nothing serialises the two; with serialisation
	// it waits, and the outcome asserted below holds either way.
	pause := func(step string) {
		if step != "approve:stored" {
			return
		}
		api := "/api/v1/beheer/documents/" + strconv.FormatInt(current, 10)
		withdrawals.Go(func() {
			statuses <- a.do(jsonPost(t, api+"/withdraw", a.csrf("/beheer"), map[string]string{"reason": "dubbel"})).status
		})
		time.Sleep(20 * time.Millisecond)
	}
	d := newDeskWith(t, ingest.CuratorOptions{Pause: pause}, nil)
	ids := make([]int64, plans)
	for i := range ids {
		ids[i] = d.addStored(t, fmt.Sprintf("Veiligheidsplan %d", i), corpus.StatusWithdrawn)
	}
	a = d.agent(t)
	a.login(curatorEmail)
	for _, id := range ids {
		current = id
		api := "/api/v1/beheer/documents/" + strconv.FormatInt(id, 10)
		if r := a.do(jsonPost(t, api+"/approve", a.csrf("/beheer"), nil)); r.status != http.StatusOK {
			t.Fatalf("approve %d: %d %s", id, r.status, r.body)
		}
		withdrawals.Wait()
		if s := <-statuses; s != http.StatusOK {
			t.Errorf("withdraw %d during its approval: %d, want 200", id, s)
		}
	}
	for _, id := range ids {
		doc, err := d.store.Document(t.Context(), id)
		if err != nil {
			t.Fatal(err)
		}
		plan, passages := indexed(t, d.ix, id)
		published := doc.Status == corpus.StatusPublished
		if plan != published || (passages > 0) != published {
			t.Errorf("plan %d is %s in the store, but the index holds the plan: %v, passages: %d",
				id, doc.Status, plan, passages)
		}
	}
}

// addStored stores a plan with status, without indexing it.
func (d *desk) addStored(t testing.TB, title string, status corpus.Status) int64 {
	t.Helper()
	g, _ := d.store.Gemeenten().ByCode("GM0546")
	doc := corpus.Document{Title: title, Type: corpus.TypeIVP, PeriodStart: 2023, PeriodEnd: 2026,
		Source: "bulk.pdf", MediaType: "application/pdf", Status: status,
		Gemeenten: []corpus.Gemeente{g}, ExtractorVersion: "test"}
	var ps []corpus.Passage
	for i := range 20 {
		ps = append(ps, corpus.Passage{Ordinal: i, PageFrom: 1, PageTo: 1,
			Text: fmt.Sprintf("Cameratoezicht in het centrum, maatregel %d van %s.", i, title)})
	}
	id, _, err := d.store.Add(t.Context(), doc, ps, pdfFile(t, title, 1))
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// indexed reports whether the plan index holds document id and how many
// of its passages the passage index holds.
func indexed(t testing.TB, ix *indexer.Indexer, id int64) (plan bool, passages uint64) {
	t.Helper()
	key := strconv.FormatInt(id, 10)
	err := ix.View(func(s indexer.Snapshot) error {
		res, err := s.Plans.Search(bleve.NewSearchRequest(bleve.NewDocIDQuery([]string{key})))
		if err != nil {
			return err
		}
		plan = res.Total == 1
		q := bleve.NewTermQuery(key)
		q.SetField(indexer.FieldDocID)
		if res, err = s.Passages.Search(bleve.NewSearchRequestOptions(q, 0, 0, false)); err != nil {
			return err
		}
		passages = res.Total
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return plan, passages
}
