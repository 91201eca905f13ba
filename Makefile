# WNFigures. `make figures` regenerates every figure and compares it with golden/;
# `make test` runs the unit tests, the smoke-scale golden tests and the papers' claims.
SWIFT ?= swift
CONFIG := -c release
BIN := .build/release
WNFIG := $(BIN)/wnfig
FIG ?=
SELECT := $(if $(FIG),$(FIG),--all)

.PHONY: all deps data build test test-slurm figures golden golden-plot bench bench-figures gallery fuzz clean

all: figures

deps:
	@scripts/install-deps.sh

data: deps
	@scripts/fetch-data.sh

build: deps
	$(SWIFT) build $(CONFIG) --product wnfig

# After the unit and smoke golden tests: the smoke figures again in processes that request other
# OpenBLAS kernels (same bytes expected), then every committed default-scale figure's claims
# recomputed from its data (nothing re-runs).
test: data
	$(SWIFT) build $(CONFIG) --build-tests
	$(SWIFT) test $(CONFIG) --skip-build
	scripts/check-blas-kernels.sh $(WNFIG)
	$(WNFIG) check --all

# A single-node Slurm on localhost (root; installs slurm-wlm and munge when missing): a 3 × 3
# smoke sweep submitted as array jobs gives the bytes of a local sweep, and a cancelled task is
# completed by submitting again. Everything it writes stays in one temporary folder.
test-slurm: build data
	scripts/test-slurm.sh $(WNFIG)

# One row per figure: id, seconds, golden match, claims. The experiments run in JOBS worker
# processes (default: one per core; JOBS=1 runs them one after another in one process), the same
# bytes either way. The gallery is rebuilt even when a comparison fails; the exit status still
# reports the failure.
JOBS ?= $(shell nproc 2>/dev/null || echo 1)
figures: build data
	@status=0; $(WNFIG) run $(SELECT) --scale default --check -j $(JOBS) || status=$$?; \
	  $(WNFIG) gallery; exit $$status

gallery: build
	$(WNFIG) gallery

# The only way goldens change: review the figures first.
golden: build data
	$(WNFIG) bless $(SELECT) --scale default
	$(WNFIG) bless $(SELECT) --scale smoke
	$(WNFIG) gallery

# The plot-mark goldens (golden/plot/<example>.png|svg): look at the examples first.
golden-plot: deps
	$(SWIFT) build $(CONFIG) --build-tests
	WNFIGURES_BLESS_PLOT=1 $(SWIFT) test $(CONFIG) --skip-build \
	  --filter PlotExampleGoldenTests.testEveryExampleMatchesItsPNGAndSVGGolden

# libFuzzer over the IDX, LIBSVM and CIFAR-10 readers, FUZZ_TIME seconds each (default 600);
# crashes land in .build/fuzz/artifacts/ and become regression tests in Tests/DatasetsTests.
FUZZ_TIME ?= 600
fuzz:
	FUZZ_TIME=$(FUZZ_TIME) Fuzz/run.sh

# WNFigures against numpy and JAX peers of the same experiments (bench/README.md): builds wnbench,
# creates the peers' virtual environment (numpy, jax[cpu] from PyPI), writes bench/results.json
# and the table in bench/README.md; fails if a peer's final state differs by more than 1e-8.
# `$(BIN)/wnbench` alone prints the older speed summary. Not part of `make test`.
BENCH_VENV := .build/bench-venv
bench: deps data
	$(SWIFT) build $(CONFIG) --product wnbench
	@scripts/bench-venv.sh $(BENCH_VENV) bench/requirements.txt
	$(BENCH_VENV)/bin/python bench/run.py --wnbench $(BIN)/wnbench

# Every figure's time at default and paper scale, and `make figures` cold with -j 1 and -j JOBS
# (same bytes checked against figures/): bench/figures.json and the tables in bench/README.md.
bench-figures: build data
	python3 bench/figures.py --wnfig $(WNFIG) --jobs $(JOBS)

clean:
	rm -rf .build .cache results
