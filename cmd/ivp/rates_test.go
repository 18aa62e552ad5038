package main

import (
	"errors"
	"testing"
	"time"

	"github.com/ccv/ivp/ui"
)

func TestRateSettings(t *testing.T) {
	c := config{Data: t.TempDir(), SecureCookies: "auto", SubmitRate: "3/1m", LoginRate: "off", AccountRate: "5/15m"}
	o, err := c.uiOptions(nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []ui.Rate{{Max: 3, Window: time.Minute}, {Max: -1}, {Max: 5, Window: 15 * time.Minute}}
	if got := []ui.Rate{o.SubmitRate, o.LoginRate, o.AccountLoginRate}; got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
		t.Errorf("rates %+v, want %+v", got, want)
	}
	c.SubmitRate = "10 per uur"
	if _, err := c.uiOptions(nil); !errors.Is(err, errUsage) {
		t.Errorf("a rate that does not parse: %v, want a usage error", err)
	}
}
