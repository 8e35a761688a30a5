# Two commands do everything on a fresh machine (see README):
#   make book   create .venv if needed, install the pinned book set (requirements.txt), build the HTML book
#   make test   find or install Chromium first (tools/find_chromium.sh), add the pinned test set
#               (requirements-test.txt), build the book, then run every test
# Other targets: make outputs (refresh the stored .ipynb outputs after a deliberate change),
# make checksums (record new sha256 of edited data files; PKG=<package> for one), make bench,
# make pdf (the book as one PDF), make lock (recompile the pinned sets from pyproject.toml), make clean.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test
HTML   := _build/html
MATHJAX := _vendor/mathjax/tex-svg.js

.PHONY: venv book browser test pdf outputs checksums validate lint bench lock clean

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11) on PATH, or run: make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	$(PY) -m pip check
	$(PY) -c "import matplotlib.pyplot"  # build the font cache now, not inside a notebook
	npm ci --no-audit --no-fund --silent
	touch $@

$(MATHJAX): $(STAMP) node_modules/mathjax/es5/tex-svg.js
	mkdir -p $(dir $@)
	cp node_modules/mathjax/es5/tex-svg.js $@
	cp node_modules/mathjax/LICENSE $(dir $@)LICENSE

node_modules/mathjax/es5/tex-svg.js: package-lock.json
	npm ci --no-audit --no-fund --silent

book: $(STAMP) $(MATHJAX)
	$(PY) tools/build_book.py

$(TEST_STAMP): $(STAMP) requirements-test.txt
	$(PY) -m pip install --quiet -r requirements-test.txt
	$(PY) -m pip check
	touch $@

# The browser comes first, so that a missing one stops `make test` at once with the command to run.
browser:
	@mkdir -p _build
	@sh tools/find_chromium.sh > _build/.chromium
	@echo "browser tests use $$(cat _build/.chromium)"

test: browser $(TEST_STAMP) $(MATHJAX)
	$(PY) tools/build_book.py
	CHROMIUM="$$(cat _build/.chromium)" $(PY) tools/make_pdf.py
	CHROMIUM="$$(cat _build/.chromium)" $(PY) -m pytest -n 2 --dist loadscope

# The whole book as one PDF, printed by the same Chromium (needs the test set: playwright, pypdf).
pdf: browser $(TEST_STAMP) $(MATHJAX)
	test -f $(HTML)/index.html || $(PY) tools/build_book.py
	CHROMIUM="$$(cat _build/.chromium)" $(PY) tools/make_pdf.py

outputs: $(STAMP)
	$(PY) tools/refresh_outputs.py $(NB)

checksums: $(STAMP)
	$(PY) -m nickelate_utils.data --rehash $(PKG)

validate: $(STAMP)
	$(PY) -m nickelate_utils.data

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(TEST_STAMP) $(MATHJAX)
	$(PY) tools/benchmark.py

lock:
	sh tools/lock.sh

clean:
	rm -rf _build _vendor
