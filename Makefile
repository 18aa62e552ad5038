# ivp: the searchable database of Dutch integrale veiligheidsplannen.
GO      ?= go
BIN     := bin/ivp
DATA    ?= data
ADDR    ?= 127.0.0.1:8080
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo dev)
# nomsgpack leaves gin's MessagePack codec (github.com/ugorji/go) out of every
# build and test: ivp never speaks MessagePack, and the codec alone was a
# fifth of the CPU time of a cold build.
export GOFLAGS ?= -tags=nomsgpack

.PHONY: run build test test-short lint bench bench-large fuzz clean

## run: build, generate and load the sample corpus (once), serve on http://localhost:8080
run: build
	@test -f $(DATA)/sample/truth.jsonl || ./$(BIN) gen --out $(DATA)/sample --plans 60 --seed 1
	@./$(BIN) ingest --data $(DATA) $(DATA)/sample | grep -E "^(FAIL|[0-9]+ files:|indexed)"
	./$(BIN) serve --data $(DATA) --addr $(ADDR)

## build: compile bin/ivp
build:
	$(GO) build -ldflags "-X main.version=$(VERSION)" -o $(BIN) ./cmd/ivp

## test: every test, as CI runs them (browser tests need chromium)
test:
	$(GO) test -count=1 -timeout 25m ./...

## test-short: the fast tests only
test-short:
	$(GO) test -short -count=1 ./...

## lint: gofmt, go vet, staticcheck
lint:
	@out=$$(gofmt -l $$(git ls-files '*.go')); if [ -n "$$out" ]; then echo "gofmt needed:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...
	$(GO) run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...

## bench: the Go benchmarks (extraction vs pdftotext, OCR vs plain tesseract, tagging, indexing, search,
##        generation), the robust-set outcome table, word F1 against pdftotext and the generated truth,
##        OCR word F1 of scanned generated plans and the shared scans (IVP_OCR_BENCH), and a
##        20,000-plan generation with its peak RSS, the large-corpus search benchmark (bench-large),
##        the overview pages (landelijk beeld, gemeente, speerpunten) over 20,000 stored plans,
##        the crash sweep (50 kills) and the 5-minute soak of a served corpus under curation
bench: build
	$(GO) test -run '^$$' -bench . -benchmem -count 5 -timeout 60m ./... | tee bench.out
	$(GO) test -count=1 -v -run 'TestRobustOutcomes|TestFidelity' ./ingest/ | grep -v '^=== RUN' | tee -a bench.out
	IVP_OCR_BENCH=1 $(GO) test -count=1 -v -run '^TestOCRMeasure$$|^TestOCRSharedScans$$' -timeout 60m ./ingest/ | grep -v '^=== RUN' | tee -a bench.out
	IVP_BENCH_LARGE=1 $(GO) test -run '^$$' -bench Generate20k -benchtime 1x -timeout 60m ./corpus/gen/ | tee -a bench.out
	@d=$$(mktemp -d); /usr/bin/time -f 'gen 20000 plans: peak RSS %M KB, %e s' ./$(BIN) gen --out $$d --plans 20000 --seed 1 2>&1 | tee -a bench.out; rm -rf $$d
	IVP_BENCH_LARGE=1 $(GO) test -count=1 -v -run '^TestLargeSearch$$' -timeout 240m ./search/ | grep -v '^=== RUN' | tee -a bench.out
	IVP_BENCH_LARGE=1 $(GO) test -count=1 -v -run '^TestLargeHTTP$$' -timeout 60m ./ui/ | grep -v '^=== RUN' | tee -a bench.out
	IVP_BENCH_LARGE=1 $(GO) test -run '^$$' -bench '^BenchmarkOverview20k$$' -benchtime 20x -timeout 60m ./ui/ | tee -a bench.out
	IVP_CRASH_ROUNDS=50 $(GO) test -count=1 -v -run '^TestCrashSweep$$' -timeout 30m ./cmd/ivp/ | grep -v '^=== RUN' | tee -a bench.out
	IVP_SOAK=1 $(GO) test -count=1 -v -run '^TestSoak$$' -timeout 30m ./cmd/ivp/ | grep -v '^=== RUN' | tee -a bench.out

## bench-large: only the large-corpus search benchmark: 300,000 and 1,000,000 generated passages
##              (IVP_BENCH_SIZES), ivp and the SQLite FTS5 baseline side by side; the generated stores
##              are kept in IVP_BENCH_DIR (default /tmp/ivp-bench) for the next run; then /api/v1/search
##              over HTTP (loopback) on the largest index, 3-6 words with filters, 1 and 8 clients
bench-large:
	IVP_BENCH_LARGE=1 $(GO) test -count=1 -v -run '^TestLargeSearch$$' -timeout 240m ./search/ | grep -v '^=== RUN' | tee bench-large.out
	IVP_BENCH_LARGE=1 $(GO) test -count=1 -v -run '^TestLargeHTTP$$' -timeout 60m ./ui/ | grep -v '^=== RUN' | tee -a bench-large.out

## fuzz: three minutes each for the PDF extractor, the decryption, the passage splitter and the HTML parser
fuzz:
	$(GO) test -run '^$$' -fuzz=FuzzExtract -fuzztime=3m -fuzzminimizetime=200x ./ingest/pdf
	$(GO) test -run '^$$' -fuzz=FuzzDecrypt -fuzztime=3m -fuzzminimizetime=200x ./ingest/pdf
	$(GO) test -run '^$$' -fuzz=FuzzSplit -fuzztime=3m -fuzzminimizetime=200x ./ingest
	$(GO) test -run '^$$' -fuzz=FuzzParse -fuzztime=3m -fuzzminimizetime=200x ./ingest/html

clean:
	rm -rf bin $(DATA)
