package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"mime/multipart"
	"net"
	"net/http"
	"net/http/cookiejar"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestServerClosesSlowConnections serves the site on loopback with short
// timeouts and checks that the server itself closes an idle keep-alive
// connection, a stalled upload and a stalled form.
func TestServerClosesSlowConnections(t *testing.T) {
	var c config
	newFlagSet("serve", &c)
	c.Data = t.TempDir()
	c.ReadTimeout, c.IdleTimeout = 300*time.Millisecond, 300*time.Millisecond
	c.WriteTimeout, c.TransferTimeout = 5*time.Second, 10*time.Second
	e, err := open(context.Background(), &c)
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	h, err := e.handler(&c, slog.New(slog.DiscardHandler))
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := c.httpServer(h)
	go srv.Serve(ln)
	defer srv.Close()
	addr := ln.Addr().String()

	t.Run("idle keep-alive", func(t *testing.T) {
		conn, br := dial(t, addr, "GET /healthz HTTP/1.1\r\nHost: ivp.test\r\n\r\n")
		resp, err := http.ReadResponse(br, nil)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK || resp.Close {
			t.Fatalf("GET /healthz: %d, close %v; want 200 on a kept-alive connection", resp.StatusCode, resp.Close)
		}
		expectClosed(t, conn, br)
	})
	t.Run("stalled upload", func(t *testing.T) {
		conn, br := dial(t, addr, "POST /indienen HTTP/1.1\r\nHost: ivp.test\r\n"+
			"Content-Type: multipart/form-data; boundary=grens\r\nContent-Length: 1000000\r\n\r\n"+
			"--grens\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc")
		expectClosed(t, conn, br)
	})
	t.Run("slow upload that keeps coming", func(t *testing.T) {
		// Arriving for longer than the read timeout, it is read whole
		// and answered: 415, as the file is no PDF.
		if status := slowUpload(t, addr, 20, 50*time.Millisecond); status != http.StatusUnsupportedMediaType {
			t.Errorf("slow upload: %d, want 415", status)
		}
	})
	t.Run("stalled form", func(t *testing.T) {
		conn, br := dial(t, addr, "POST /beheer/login HTTP/1.1\r\nHost: ivp.test\r\n"+
			"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100\r\n\r\nemail=a")
		expectClosed(t, conn, br)
	})
}

// slowUpload sends the submission form with a file that is no PDF in n
// pieces, pause apart, and returns the status of the answer.
func slowUpload(t *testing.T, addr string, n int, pause time.Duration) int {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar}
	resp, err := client.Get("http://" + addr + "/indienen")
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`name="csrf" value="([^"]+)"`).FindSubmatch(page)
	if m == nil {
		t.Fatal("no CSRF token on /indienen")
	}
	var body bytes.Buffer
	w := multipart.NewWriter(&body)
	w.WriteField("csrf", string(m[1]))
	fw, _ := w.CreateFormFile("file", "plan.txt")
	fw.Write(bytes.Repeat([]byte("geen pdf maar platte tekst\n"), 2000))
	w.Close()
	pr, pw := io.Pipe()
	go func() {
		b := body.Bytes()
		for i := range n {
			time.Sleep(pause)
			pw.Write(b[len(b)*i/n : len(b)*(i+1)/n])
		}
		pw.Close()
	}()
	req, _ := http.NewRequest(http.MethodPost, "http://"+addr+"/indienen", pr)
	req.ContentLength = int64(body.Len())
	req.Header.Set("Content-Type", w.FormDataContentType())
	resp, err = client.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// dial opens a connection to addr and sends req.
func dial(t *testing.T, addr, req string) (net.Conn, *bufio.Reader) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close() })
	if _, err := io.WriteString(conn, req); err != nil {
		t.Fatal(err)
	}
	return conn, bufio.NewReader(conn)
}

// expectClosed reads what the server still sends (an error page, say)
// and expects it to close the connection; the client gives up after ten
// seconds, far past the timeouts of the test.
func expectClosed(t *testing.T, conn net.Conn, br *bufio.Reader) {
	t.Helper()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	_, err := io.Copy(io.Discard, br)
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		t.Error("the server left the connection open")
	case err != nil && !strings.Contains(err.Error(), "connection reset"):
		t.Errorf("reading until the server closes: %v", err)
	}
}
