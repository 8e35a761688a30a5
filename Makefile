# Two commands do everything on a fresh machine (see README):
#   make book   create .venv if needed, install the pinned set, build the HTML book
#   make test   the same environment, build the book, then run every test
# Other targets: make outputs (refresh the stored .ipynb outputs after a deliberate change),
# make checksums (record new sha256 of edited data files), make bench, make clean.

PYTHON ?= python3.11
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
HTML   := _build/html
MATHJAX := _vendor/mathjax/tex-svg.js

.PHONY: venv book test outputs checksums validate lint bench clean

venv: $(STAMP)

$(STAMP): requirements.txt pyproject.toml package.json package-lock.json
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) (Python 3.11) on PATH, or run: make PYTHON=/path/to/python3.11"; exit 1; }
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade "pip>=24"
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
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

test: book
	$(PY) -m pytest -n 2 --dist loadscope

outputs: $(STAMP)
	$(PY) tools/refresh_outputs.py $(NB)

checksums: $(STAMP)
	$(PY) -m nickelate_utils.data --rehash $(PKG)

validate: $(STAMP)
	$(PY) -m nickelate_utils.data

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP) $(MATHJAX)
	$(PY) tools/benchmark.py

clean:
	rm -rf _build _vendor
