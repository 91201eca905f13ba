# WNFigures. `make figures` regenerates every figure and compares it with golden/;
# `make test` runs the unit tests, the smoke-scale golden tests and the papers' claims.
SWIFT ?= swift
CONFIG := -c release
BIN := .build/release
WNFIG := $(BIN)/wnfig
FIG ?=
SELECT := $(if $(FIG),$(FIG),--all)

.PHONY: all deps data build test test-slurm figures golden golden-plot bench gallery clean

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

# One row per figure: id, seconds, golden match, claims. The gallery is rebuilt even when a
# comparison fails; the exit status still reports the failure.
figures: build data
	@status=0; $(WNFIG) run $(SELECT) --scale default --check || status=$$?; \
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

bench: deps
	$(SWIFT) run $(CONFIG) wnbench

clean:
	rm -rf .build .cache results
