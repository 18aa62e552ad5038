package main

import (
	"context"
	"fmt"
	"io"
	"sync"
	"testing"
	"time"

	"github.com/ccv/ivp/corpus"
	"github.com/ccv/ivp/ingest"
)

// TestServedCurationAgreesUnderConcurrentActions: in the curation service
// that 'ivp serve' builds, a withdrawal that comes while an approval of
// the same plan is stored but not yet indexed waits for it, so each plan
// ends up in the index exactly when the store says it is published.
func TestServedCurationAgreesUnderConcurrentActions(t *testing.T) {
	ctx := context.Background()
	var c config
	if _, err := parseArgs(newFlagSet("serve", &c, "data"), []string{"--data", t.TempDir()}, io.Discard); err != nil {
		t.Fatal(err)
	}
	e, err := open(ctx, &c)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	var current int64 // the plan being approved
	var withdrawal sync.WaitGroup
	var cur *ingest.Curator
	var u corpus.User
	// The pause gives the withdrawal time to run between the approval's
	// store change and its index update if nothing serialises them.
	cur, accounts, err := e.curation(&c, func(step string) {
		if step == "approve:stored" {
			id := current
			withdrawal.Go(func() {
				if err := cur.Withdraw(ctx, u, id, ""); err != nil {
					t.Errorf("withdraw %d: %v", id, err)
				}
			})
			time.Sleep(20 * time.Millisecond)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if u, err = accounts.AddUser(ctx, "curator@ccv.nl", corpus.RoleCurator, "correct paard batterij niet"); err != nil {
		t.Fatal(err)
	}
	ids := storePlans(t, e.store, 6, corpus.StatusWithdrawn)
	for _, id := range ids {
		current = id
		if err := cur.Approve(ctx, u, id); err != nil {
			t.Fatal(err)
		}
		withdrawal.Wait()
	}
	for _, id := range ids {
		d, err := e.store.Document(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		plan, _, passages := indexedParts(t, e.ix, id, nil)
		if published := d.Status == corpus.StatusPublished; plan != published || (passages == 20) != published {
			t.Errorf("plan %d is %s in the store; the index holds the plan: %v, passages: %d", id, d.Status, plan, passages)
		}
	}
}

// storePlans stores n plans with status, of 20 passages each.
func storePlans(t *testing.T, store *corpus.Store, n int, status corpus.Status) []int64 {
	t.Helper()
	g, _ := store.Gemeenten().ByCode("GM0363")
	var ids []int64
	for i := range n {
		d := corpus.Document{Title: fmt.Sprintf("Veiligheidsplan %d", i), Type: corpus.TypeIVP, PeriodStart: 2024,
			Source: "x.pdf", MediaType: "application/pdf", Status: status, Gemeenten: []corpus.Gemeente{g}}
		var ps []corpus.Passage
		for j := range 20 {
			ps = append(ps, corpus.Passage{Ordinal: j, PageFrom: 1, PageTo: 1, Text: fmt.Sprintf("Cameratoezicht, maatregel %d.", j)})
		}
		id, _, err := store.Add(context.Background(), d, ps, fmt.Appendf(nil, "file %d", i))
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, id)
	}
	return ids
}
