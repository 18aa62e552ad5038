package main

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ccv/ivp/indexer"
)

// serveAddrFile, in the data directory, holds the address of the running
// server while it runs, so that a command refused the index can say
// where to go instead.
const serveAddrFile = "serve.addr"

// markServing writes the server's address into the data directory and
// returns the function that removes it again at shutdown.
func markServing(data, addr string) func() {
	if strings.HasSuffix(addr, ":0") { // a port chosen at listen time: unknown here
		return func() {}
	}
	path := filepath.Join(data, serveAddrFile)
	if err := os.WriteFile(path, []byte(addr+"\n"), 0o600); err != nil {
		return func() {}
	}
	return func() { os.Remove(path) }
}

// lockedError explains a refused index: a running server holds it, and
// this is what to do instead.
func lockedError(c *config, err error) error {
	if !errors.Is(err, indexer.ErrLocked) {
		return err
	}
	base := "the running server"
	if b, rerr := os.ReadFile(filepath.Join(c.Data, serveAddrFile)); rerr == nil {
		addr := strings.TrimSpace(string(b))
		if strings.HasPrefix(addr, ":") {
			addr = "localhost" + addr
		}
		base = "http://" + addr
	}
	return fmt.Errorf("%w.\nWhile 'ivp serve' runs, let the server do it:\n"+
		"  - rebuild the index: log in at %s/beheer/taken and press \"Nu herindexeren\"\n"+
		"  - add plans: 'ivp harvest' (needs no index; harvested plans wait in %s/beheer for review),\n"+
		"    or send them in at %s/indienen\n"+
		"Or stop the server and run this command again", err, base, base, base)
}
