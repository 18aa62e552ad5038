package gen

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/ccv/ivp/corpus"
)

func loadGemeenten(t testing.TB) *corpus.Gemeenten {
	t.Helper()
	gm, err := corpus.LoadGemeenten()
	if err != nil {
		t.Fatal(err)
	}
	return gm
}

// generate writes a corpus into a fresh temporary directory.
func generate(t testing.TB, plans int, seed int64) (Summary, []TruthPlan) {
	t.Helper()
	s, err := Generate(context.Background(), Options{Out: t.TempDir(), Plans: plans, Seed: seed}, loadGemeenten(t))
	if err != nil {
		t.Fatal(err)
	}
	return s, readTruth(t, s.Truth)
}

func readTruth(t testing.TB, path string) []TruthPlan {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []TruthPlan
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for sc.Scan() {
		var p TruthPlan
		if err := json.Unmarshal(sc.Bytes(), &p); err != nil {
			t.Fatalf("truth line %d: %v", len(out)+1, err)
		}
		out = append(out, p)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		o    Options
		ok   bool
	}{
		{"valid", Options{Out: "x", Plans: 60, Seed: 1}, true},
		{"seed zero", Options{Out: "x", Plans: 1}, true},
		{"empty out", Options{Plans: 5}, false},
		{"no plans", Options{Out: "x"}, false},
		{"negative plans", Options{Out: "x", Plans: -3}, false},
		{"too many plans", Options{Out: "x", Plans: MaxPlans + 1}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.o.Validate()
			if tt.ok != (err == nil) {
				t.Fatalf("Validate() = %v, want ok=%v", err, tt.ok)
			}
			if err != nil && !errors.Is(err, ErrInvalidOptions) {
				t.Errorf("error %v does not wrap ErrInvalidOptions", err)
			}
		})
	}
}

func TestGenerateRejectsBadOptions(t *testing.T) {
	_, err := Generate(context.Background(), Options{Out: t.TempDir()}, nil)
	if !errors.Is(err, ErrInvalidOptions) {
		t.Fatalf("Generate with Plans 0: %v, want ErrInvalidOptions", err)
	}
}

func TestGenerateHonoursCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := Generate(ctx, Options{Out: t.TempDir(), Plans: 20, Seed: 1}, nil)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("Generate after cancel: %v, want context.Canceled", err)
	}
}

func TestDeterminism(t *testing.T) {
	const plans = 8
	base, _ := generate(t, plans, 1)
	tests := []struct {
		name string
		seed int64
		same bool
	}{
		{"same seed gives identical bytes", 1, true},
		{"other seed gives other files", 2, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			other, _ := generate(t, plans, tt.seed)
			same := equalFile(t, base.Truth, other.Truth)
			for i := range base.Files {
				if filepath.Base(base.Files[i]) != filepath.Base(other.Files[i]) ||
					!equalFile(t, base.Files[i], other.Files[i]) {
					same = false
				}
			}
			if same != tt.same {
				t.Fatalf("corpora equal = %v, want %v", same, tt.same)
			}
		})
	}
}

func equalFile(t *testing.T, a, b string) bool {
	t.Helper()
	x, err := os.ReadFile(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadFile(b)
	if err != nil {
		t.Fatal(err)
	}
	return bytes.Equal(x, y)
}

func BenchmarkGenerate60(b *testing.B) {
	gm := loadGemeenten(b)
	dir := b.TempDir()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Generate(context.Background(), Options{Out: dir, Plans: DefaultPlans, Seed: DefaultSeed}, gm); err != nil {
			b.Fatal(err)
		}
	}
}
