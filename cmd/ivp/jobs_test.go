package main

import (
	"context"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"testing"
	"time"

	"golang.org/x/crypto/bcrypt"

	"github.com/ccv/ivp/corpus"
)

// TestServedReindexButton: in a running 'ivp serve', a curator's "Nu
// herindexeren" rebuilds the index the server holds, recorded as a job
// with the plans it indexed; harvesting without a contact address is
// refused with what to set.
func TestServedReindexButton(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server")
	}
	data := t.TempDir()
	base := serve(t, data, "--reindex-schedule", "off")
	ctx := context.Background()
	store, err := corpus.Open(ctx, data)
	if err != nil {
		t.Fatal(err)
	}
	storePlans(t, store, 3, corpus.StatusPublished) // stored behind the index's back
	if _, err := corpus.NewAccounts(store, bcrypt.MinCost).AddUser(ctx, "curator@ccv.nl", corpus.RoleCurator, "correct paard batterij niet"); err != nil {
		t.Fatal(err)
	}
	store.Close()

	client := loggedIn(t, base, "curator@ccv.nl", "correct paard batterij niet")
	tok := csrfOf(t, client, base+"/beheer/taken")
	resp, err := client.PostForm(base+"/beheer/taken/herindexeren", url.Values{"csrf": {tok}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("Nu herindexeren: status %d", resp.StatusCode)
	}
	if j := waitForJob(t, base, "reindex (beheer)"); j.Outcome != corpus.OutcomeOK || j.Documents != 3 || j.Done != 3 || j.Total != 3 {
		t.Errorf("the rebuild's job: %+v", j)
	}
	resp, err = client.PostForm(base+"/beheer/taken/oogsten", url.Values{"csrf": {tok}})
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusConflict || !regexp.MustCompile(`--harvest-contact`).Match(body) {
		t.Errorf("Nu oogsten without a contact: status %d", resp.StatusCode)
	}
}

// loggedIn logs in and returns a client that keeps the session and
// does not follow redirects.
func loggedIn(t *testing.T, base, email, password string) *http.Client {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error {
		return http.ErrUseLastResponse
	}}
	tok := csrfOf(t, client, base+"/beheer/login")
	resp, err := client.PostForm(base+"/beheer/login", url.Values{"csrf": {tok}, "email": {email}, "password": {password}})
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("login: status %d", resp.StatusCode)
	}
	return client
}

func csrfOf(t *testing.T, client *http.Client, page string) string {
	t.Helper()
	resp, err := client.Get(page)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(b)
	if m == nil {
		t.Fatalf("no CSRF token on %s (status %d)", page, resp.StatusCode)
	}
	return string(m[1])
}

// waitForJob polls /api/v1/jobs until the newest run named name has
// ended, and returns it.
func waitForJob(t *testing.T, base, name string) corpus.JobRun {
	t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var out struct{ Jobs []corpus.JobRun }
		getJSON(t, base+"/api/v1/jobs", &out)
		for _, j := range out.Jobs {
			if j.Name == name && j.Outcome != corpus.OutcomeRunning {
				return j
			}
		}
	}
	t.Fatalf("no finished %s job", name)
	return corpus.JobRun{}
}
