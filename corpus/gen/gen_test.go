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

// TestDeterminism writes PDF and HTML and compares the two corpora file
// for file.
func TestDeterminism(t *testing.T) {
	const plans = 8
	gm := loadGemeenten(t)
	gen := func(seed int64) string {
		dir := t.TempDir()
		if _, err := Generate(context.Background(), Options{Out: dir, Plans: plans, Seed: seed, Format: FormatBoth}, gm); err != nil {
			t.Fatal(err)
		}
		return dir
	}
	base := gen(1)
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
			if got := equalDirs(t, base, gen(tt.seed)); got != tt.same {
				t.Fatalf("corpora equal = %v, want %v", got, tt.same)
			}
		})
	}
}

// equalDirs reports whether two directories hold the same names with the
// same bytes.
func equalDirs(t *testing.T, a, b string) bool {
	t.Helper()
	x, err := os.ReadDir(a)
	if err != nil {
		t.Fatal(err)
	}
	y, err := os.ReadDir(b)
	if err != nil {
		t.Fatal(err)
	}
	if len(x) != len(y) || len(x) < 3 {
		return false
	}
	for i := range x {
		if x[i].Name() != y[i].Name() || !equalFile(t, filepath.Join(a, x[i].Name()), filepath.Join(b, y[i].Name())) {
			return false
		}
	}
	return true
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

func BenchmarkGenerate60(b *testing.B) { benchGenerate(b, DefaultPlans, FormatPDF) }

func BenchmarkGenerate60Both(b *testing.B) { benchGenerate(b, DefaultPlans, FormatBoth) }

// BenchmarkGenerate20k is the scale run: 20,000 plans, at least
// 1,000,000 passages, in bounded memory. It runs only when
// IVP_BENCH_LARGE=1 (make bench sets it); measure peak RSS around it with
// /usr/bin/time -v or ivp gen.
func BenchmarkGenerate20k(b *testing.B) {
	if os.Getenv("IVP_BENCH_LARGE") != "1" {
		b.Skip("set IVP_BENCH_LARGE=1 to generate 20,000 plans")
	}
	benchGenerate(b, 20000, FormatPDF)
}

// benchGenerate reports plans/s and passages per plan besides time and
// allocations.
func benchGenerate(b *testing.B, plans int, format string) {
	gm := loadGemeenten(b)
	dir := b.TempDir()
	b.ReportAllocs()
	var sum Summary
	for b.Loop() {
		var err error
		if sum, err = Generate(context.Background(), Options{Out: dir, Plans: plans, Seed: DefaultSeed, Format: format}, gm); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(plans*b.N)/b.Elapsed().Seconds(), "plans/s")
	b.ReportMetric(float64(sum.Passages)/float64(sum.Plans), "passages/plan")
	b.ReportMetric(float64(sum.Passages), "passages")
}
