package gen

import (
	"math/rand/v2"
	"slices"
)

// allBanks is every phrase bank, in a fixed order. It is read-only.
var allBanks = slices.Concat(procesBanks, veld12Banks, veld345Banks, crossBanks, extraBanks)

// bankByID returns the bank with the given id. The ids are constants in this
// package, so a missing one is a programming error.
func bankByID(id string) *bank {
	for i := range allBanks {
		if allBanks[i].id == id {
			return &allBanks[i]
		}
	}
	panic("gen: no phrase bank " + id)
}

// themeBanks returns the theme banks of one veld, in a fixed order.
func themeBanks(veld int) []*bank {
	var out []*bank
	for i := range allBanks {
		if b := &allBanks[i]; b.kind == kindTheme && b.veld == veld {
			out = append(out, b)
		}
	}
	return out
}

// introBank returns the opening bank of a veld chapter, or nil.
func introBank(veld int) *bank {
	for i := range allBanks {
		if b := &allBanks[i]; b.kind == kindIntro && b.veld == veld {
			return b
		}
	}
	return nil
}

// choosePriorities draws n distinct priority banks, weighted by bank.prio.
func choosePriorities(rng *rand.Rand, n int) []*bank {
	var pool []*bank
	for i := range allBanks {
		if allBanks[i].prio > 0 {
			pool = append(pool, &allBanks[i])
		}
	}
	var out []*bank
	for len(out) < n && len(pool) > 0 {
		i := weighted(rng, pool)
		b := pool[i]
		pool = slices.Delete(pool, i, i+1)
		out = append(out, b)
	}
	return out
}

// weighted picks an index of pool with probability proportional to prio.
func weighted(rng *rand.Rand, pool []*bank) int {
	total := 0
	for _, b := range pool {
		total += b.prio
	}
	r := rng.IntN(total)
	for i, b := range pool {
		if r < b.prio {
			return i
		}
		r -= b.prio
	}
	return len(pool) - 1
}
